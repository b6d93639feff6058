"""Every code block on the built site is accounted for.

A rendered code block must be one of:
- a section (or the whole) of a file in examples/, whose test runs it;
- a Python block written into a page, run here by pytest-examples;
- marked ``data-not-run="<reason>"`` in its fence: output, a tree, a sketch.
"""

import re
import textwrap
from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples
from sites import DOCS, NOT_RUN, PAGES, ROOT, page_id, rendered_code_blocks

EXAMPLES = ROOT / "examples"
TESTS = ROOT / "tests"
SECTION_MARKER = re.compile(
    r"-{1,}8<-{1,}[ \t]+\[[ \t]*(start|end)[ \t]*:[ \t]*([-\w]+)"
)

# Fences that hold only an include are tested through their file in examples/.
INLINE_PYTHON = [
    example
    for example in find_examples(DOCS)
    if "--8<--" not in example.source and NOT_RUN not in example.prefix
]


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
def test_every_code_block_is_accounted_for(published_site: Path, page: Path):
    allowed = set(example_blocks().values()) | {
        normalise(example.source) for example in INLINE_PYTHON
    }
    unaccounted = [
        block.text.splitlines()[0] if block.text else "(empty block)"
        for block in rendered_code_blocks(published_site, page)
        if block.text not in allowed and not (block.not_run or "").strip()
    ]
    assert not unaccounted, (
        f"{page_id(page)}: these code blocks are not tested. Move each into "
        "a file in examples/ and include it by section, write it as a Python "
        "block that runs, or mark its fence "
        f'{{ {NOT_RUN}="<reason>" }}:\n'
        + "\n".join(f"  - starts with {line!r}" for line in unaccounted)
    )


def test_every_example_section_is_shown_on_a_page(published_site: Path):
    shown = {
        block.text
        for page in PAGES
        for block in rendered_code_blocks(published_site, page)
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
