"""The site builds with MkDocs and with Zensical, and readers see the same.

MkDocs with Material for MkDocs publishes the site; Zensical is its successor
(docs/maintenance.md). Both read the same docs/ and mkdocs.yml, and must give
the same pages, the same headings with the same anchors, and the same text in
every code block, whitespace aside. Each builder's own markup, such as line
number anchors in code or the permalink symbol after a heading, is ignored.
"""

from collections.abc import Callable, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import TypeVar

import pytest

from tests.support.paths import PAGES
from tests.support.sites import (
    Build,
    CodeBlock,
    Heading,
    html_files,
    page_id,
    rendered_code_blocks,
    rendered_headings,
)

# How much of a code block a failure shows around the first difference.
CONTEXT = 40
Item = TypeVar("Item", Heading, CodeBlock)


def test_site_builds_with_mkdocs(mkdocs_build: Build):
    assert_built(mkdocs_build)


def test_site_builds_with_zensical(zensical_build: Build):
    assert_built(zensical_build)


def assert_built(build: Build) -> None:
    if build.failure:
        pytest.fail(
            f"{build.builder.lower()} build --strict failed:\n{build.failure}",
            pytrace=False,
        )
    assert (build.site / "index.html").is_file()


def test_both_builds_have_the_same_pages(
    mkdocs_site: Path, zensical_site: Path
):
    mkdocs_pages = html_files(mkdocs_site)
    zensical_pages = html_files(zensical_site)
    assert mkdocs_pages == zensical_pages, (
        "the builds differ in pages. "
        f"Only MkDocs built: {sorted(mkdocs_pages - zensical_pages)}; "
        f"only Zensical built: {sorted(zensical_pages - mkdocs_pages)}"
    )


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_both_builds_have_the_same_headings(
    mkdocs_site: Path, zensical_site: Path, page: Path
):
    differences = compare(
        rendered_headings(mkdocs_site, page),
        rendered_headings(zensical_site, page),
        key=lambda heading: heading,
        name=describe_heading,
    )
    assert not differences, (
        f"{page_id(page)}: the headings differ between MkDocs and Zensical:\n"
        + "\n".join(differences)
    )


@pytest.mark.parametrize("page", PAGES, ids=page_id)
def test_both_builds_have_the_same_code_blocks(
    mkdocs_site: Path, zensical_site: Path, page: Path
):
    mkdocs_blocks = rendered_code_blocks(mkdocs_site, page)
    zensical_blocks = rendered_code_blocks(zensical_site, page)
    differences = compare(
        mkdocs_blocks,
        zensical_blocks,
        key=lambda block: (collapse_whitespace(block.text), block.not_run),
        name=describe_block,
    )
    assert not differences, (
        f"{page_id(page)}: the code blocks differ between MkDocs and "
        f"Zensical (MkDocs shows {len(mkdocs_blocks)}, Zensical "
        f"{len(zensical_blocks)}):\n" + "\n".join(differences)
    )


def compare(
    mkdocs: Sequence[Item],
    zensical: Sequence[Item],
    key: Callable[[Item], object],
    name: Callable[[int, Item, Item | None], str],
) -> list[str]:
    """One line for each item that only one build has, or that differs.
    Items are matched in order, so one missing item is reported once."""
    matcher = SequenceMatcher(
        a=[key(item) for item in mkdocs],
        b=[key(item) for item in zensical],
        autojunk=False,
    )
    differences = []
    for tag, start, end, other_start, other_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(end - start, other_end - other_start)
        for offset in range(pairs):
            mkdocs_item = mkdocs[start + offset]
            zensical_item = zensical[other_start + offset]
            differences.append(
                f"  - {name(start + offset, mkdocs_item, zensical_item)}"
            )
        for index in range(start + pairs, end):
            differences.append(
                f"  - {name(index, mkdocs[index], None)}: missing in Zensical"
            )
        for index in range(other_start + pairs, other_end):
            differences.append(
                f"  - Zensical only: {name(index, zensical[index], None)}"
            )
    return differences


def describe_heading(_: int, heading: Heading, other: Heading | None) -> str:
    described = f"{heading.level} {heading.text!r} (#{heading.anchor})"
    if other is None:
        return described
    return (
        f"{described}: Zensical has {other.level} {other.text!r} "
        f"(#{other.anchor})"
    )


def describe_block(
    index: int, block: CodeBlock, other: CodeBlock | None
) -> str:
    first_line = (block.text.strip().splitlines() or [""])[0]
    described = (
        f"code block {index + 1}, under {block.heading!r}, "
        f"starting {first_line!r}"
    )
    if other is None:
        return described
    if block.not_run != other.not_run:
        return (
            f"{described}: data-not-run is {block.not_run!r} with MkDocs, "
            f"{other.not_run!r} with Zensical"
        )
    mkdocs_text = collapse_whitespace(block.text)
    zensical_text = collapse_whitespace(other.text)
    at = first_difference(mkdocs_text, zensical_text)
    shown = slice(max(at - CONTEXT, 0), at + CONTEXT)
    return (
        f"{described}: differs from character {at + 1} on, whitespace "
        f"collapsed:\n      MkDocs:   {mkdocs_text[shown]!r}\n"
        f"      Zensical: {zensical_text[shown]!r}"
    )


def collapse_whitespace(text: str) -> str:
    """The text with each run of whitespace made one space."""
    return " ".join(text.split())


def first_difference(one: str, other: str) -> int:
    for index, (ours, theirs) in enumerate(zip(one, other, strict=False)):
        if ours != theirs:
            return index
    return min(len(one), len(other))
