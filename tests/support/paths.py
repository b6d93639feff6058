"""Where things are in the repository."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
TESTS = ROOT / "tests"
LOCK = ROOT / "requirements.lock"
PAGES = sorted(DOCS.rglob("*.md"))
