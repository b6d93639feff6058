"""Code that runs in Lambda keeps botocore below DEBUG by itself.

The example tests run with the root logger at DEBUG and fail when an example
logs a secret's value (tests/support/logs.py). But a test process imports
each module once, and the levels one module sets hold for all the others,
so one example could hide another's leak. Here each module that runs in
Lambda is imported alone, into a fresh interpreter whose root logger is at
DEBUG, as Lambda's log level DEBUG sets it: botocore must log nothing that
is not at least INFO.
"""

import json
import logging
import subprocess
import sys

from tests.support.paths import EXAMPLES
from tests.support.untraced import untraced

IMPORT_EACH_ALONE = """
import importlib, json, logging, sys
levels = {}
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m in sys.argv[1:]]:
        del sys.modules[loaded]
    for logger in logging.root.manager.loggerDict.values():
        if isinstance(logger, logging.Logger):
            logger.setLevel(logging.NOTSET)
    logging.getLogger().setLevel(logging.DEBUG)
    importlib.import_module(name)
    levels[name] = logging.getLogger("botocore").getEffectiveLevel()
print(json.dumps(levels))
"""


def runs_in_lambda(source: str) -> bool:
    """A handler, or code that reads through the secretm layer."""
    return "def lambda_handler" in source or "import secretm" in source


def test_lambda_code_keeps_botocore_above_debug_when_imported_alone():
    handlers = [
        path.stem
        for path in sorted(EXAMPLES.glob("*.py"))
        if runs_in_lambda(path.read_text())
    ]
    modules = ["secretm", *handlers]

    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EACH_ALONE, *modules],
        cwd=EXAMPLES,
        env=untraced(),
        capture_output=True,
        text=True,
        check=True,
    )

    levels = json.loads(result.stdout)
    assert set(levels) == set(modules)
    at_debug = [
        name for name, level in levels.items() if level <= logging.DEBUG
    ]
    assert at_debug == []
