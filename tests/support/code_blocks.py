"""What a page may show from examples/, as pymdownx.snippets includes it."""

import re
import textwrap
from pathlib import Path

from tests.support.paths import EXAMPLES, ROOT, TESTS

SECTION_MARKER = re.compile(
    r"-{1,}8<-{1,}[ \t]+\[[ \t]*(start|end)[ \t]*:[ \t]*([-\w]+)"
)


def example_files() -> list[Path]:
    return sorted(
        path
        for path in EXAMPLES.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    )


def section_only(text: str, section: str) -> str:
    """`text` with every line outside the named section blank: the section
    alone, as a reader copies it, on the lines it has in the file."""
    lines = text.splitlines()
    inside, kept = False, []
    for line in lines:
        marker = SECTION_MARKER.search(line)
        if marker and marker.group(2) == section:
            inside = marker.group(1) == "start"
            kept.append("")
        else:
            kept.append(line if inside else "")
    if not any(kept):
        raise LookupError(f"no section {section!r}")
    return "\n".join(kept) + "\n"


def whole_files() -> set[str]:
    """Each file of examples/ and tests/examples/ as it is, section markers
    and all: how the contributing page shows an example and its test."""
    tests = sorted((TESTS / "examples").glob("test_*.py"))
    return {path.read_text().strip("\n") for path in example_files() + tests}


def normalise(code: str) -> str:
    return textwrap.dedent(code).strip("\n")


def example_blocks() -> dict[str, str]:
    """Each named section (``examples/file:name``) and each whole file
    without sections, as the site renders it: without markers, dedented."""
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
