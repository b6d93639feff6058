"""Every code block on the built site is accounted for.

A rendered code block must be one of:
- a section (or the whole) of a file in examples/, whose test runs it;
- a Python block written into a page, run here by pytest-examples;
- marked ``data-not-run="<reason>"`` in its fence: output, a tree, a sketch.
"""

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pytest_examples import CodeExample, EvalExample, find_examples

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
TESTS = ROOT / "tests"
NOT_RUN = "data-not-run"
SECTION_MARKER = re.compile(
    r"-{1,}8<-{1,}[ \t]+\[[ \t]*(start|end)[ \t]*:[ \t]*([-\w]+)"
)

PAGES = sorted(DOCS.rglob("*.md"))
# Fences that hold only an include are tested through their file in examples/.
INLINE_PYTHON = [
    example
    for example in find_examples(DOCS)
    if "--8<--" not in example.source and NOT_RUN not in example.prefix
]


def page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


def example_files() -> list[Path]:
    return sorted(
        path
        for path in EXAMPLES.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def normalise(code: str) -> str:
    return textwrap.dedent(code).strip("\n")


def example_blocks() -> dict[str, str]:
    """What a page may show from examples/, as pymdownx.snippets renders it:
    each named section (``file:name``) and each whole file, without markers."""
    blocks = {}
    for path in example_files():
        name = str(path.relative_to(ROOT))
        lines = path.read_text().splitlines()
        starts = {}
        for number, line in enumerate(lines):
            marker = SECTION_MARKER.search(line)
            if marker and marker.group(1) == "start":
                starts[marker.group(2)] = number
            elif marker:
                section = lines[starts.pop(marker.group(2)) + 1 : number]
                unmarked = [
                    line for line in section if not SECTION_MARKER.search(line)
                ]
                blocks[f"{name}:{marker.group(2)}"] = normalise(
                    "\n".join(unmarked)
                )
        assert not starts, (
            f"{name}: section {sorted(starts)} has no end marker"
        )
        if not any(key.startswith(f"{name}:") for key in blocks):
            blocks[name] = "\n".join(lines).strip("\n")
    return blocks


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str | None]:
    """Build the site once: its folder, and mkdocs' output if it failed."""
    site = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(site),
        ],
        cwd=ROOT,
        # Material's end-of-life notice would bury the warning that failed.
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    return site, (result.stderr if result.returncode else None)


@pytest.fixture
def built_site(build: tuple[Path, str | None]) -> Path:
    site, failure = build
    if failure:
        message = (
            "the site did not build: see test_site_builds_with_strict_checks"
        )
        pytest.fail(message, pytrace=False)
    return site


def rendered_code_blocks(
    site: Path, page: Path
) -> list[tuple[str, str | None]]:
    """(text, not-run reason) of each code block on the page from `page`."""
    relative = page.relative_to(DOCS).with_suffix("")
    if relative.name == "index":
        relative = relative.parent
    html = (site / relative / "index.html").read_text()
    article = BeautifulSoup(html, "html.parser").find("article")
    return [
        (pre.get_text().strip("\n"), pre.parent.get(NOT_RUN))
        for pre in article.find_all("pre")
    ]


def test_site_builds_with_strict_checks(build: tuple[Path, str | None]):
    site, failure = build
    if failure:
        pytest.fail(f"mkdocs build --strict failed:\n{failure}", pytrace=False)
    assert (site / "index.html").is_file()


@pytest.mark.parametrize("example", INLINE_PYTHON, ids=str)
def test_inline_python_runs_and_prints_what_the_page_says(
    example: CodeExample, eval_example: EvalExample
):
    eval_example.set_config(line_length=79, ruff_ignore=["T201"])
    if eval_example.update_examples:
        eval_example.format(example)
        eval_example.run_print_update(example)
    else:
        eval_example.lint(example)
        eval_example.run_print_check(example)


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_every_code_block_is_accounted_for(built_site: Path, page: Path):
    allowed = set(example_blocks().values()) | {
        normalise(example.source) for example in INLINE_PYTHON
    }
    unaccounted = [
        text.splitlines()[0] if text else "(empty block)"
        for text, not_run_reason in rendered_code_blocks(built_site, page)
        if text not in allowed and not (not_run_reason or "").strip()
    ]
    assert not unaccounted, (
        f"{page_id(page)}: these code blocks are not tested. Move each into "
        "a file in examples/ and include it by section, write it as a Python "
        "block that runs, or mark its fence "
        f'{{ {NOT_RUN}="<reason>" }}:\n'
        + "\n".join(f"  - starts with {line!r}" for line in unaccounted)
    )


def test_every_example_section_is_shown_on_a_page(built_site: Path):
    shown = {
        text
        for page in PAGES
        for text, _ in rendered_code_blocks(built_site, page)
    }
    orphans = [
        name for name, text in example_blocks().items() if text not in shown
    ]
    assert not orphans, (
        "shown on no page; include them, or delete them if no page needs "
        "them: " + ", ".join(orphans)
    )


def test_every_example_has_a_test_of_the_same_name():
    # A file is named by its stem, a package (a folder) by the folder's name.
    examples = {
        path.relative_to(EXAMPLES).parts[0].removesuffix(path.suffix): path
        for path in example_files()
    }
    missing = [
        f"{path.relative_to(ROOT)} -> tests/test_{name}.py"
        for name, path in examples.items()
        if not (TESTS / f"test_{name}.py").is_file()
    ]
    strays = [
        f"tests/{path.name}"
        for path in sorted(TESTS.glob("test_*.py"))
        if path.stem.removeprefix("test_") not in examples
    ]
    assert not missing, "examples without their test:\n" + "\n".join(missing)
    assert not strays, (
        "tests at the top of tests/ mirror examples/: " + ", ".join(strays)
    )
