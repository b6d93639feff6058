"""Every code block on the built site is accounted for.

A rendered code block must be one of:
- a section (or the whole) of a file in examples/, whose test runs it;
- a whole file of examples/ or tests/examples/ as it is, markers and all;
- a Python block written into a page, run here by pytest-examples;
- marked ``data-not-run="<reason>"`` in its fence: output, a tree, a sketch.
"""

from pathlib import Path

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from tests.support.code_blocks import example_blocks, normalise, whole_files
from tests.support.paths import DOCS, PAGES
from tests.support.sites import NOT_RUN, page_id, rendered_code_blocks

# Fences that hold only an include are tested through their file in examples/.
INLINE_PYTHON = [
    example
    for example in find_examples(DOCS)
    if "--8<--" not in example.source and NOT_RUN not in example.prefix
]


# Inside moto, as the examples run: a block may call AWS.
@pytest.mark.usefixtures("aws")
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
    allowed = (
        set(example_blocks().values())
        | whole_files()
        | {normalise(example.source) for example in INLINE_PYTHON}
    )
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
