"""What the examples log, checked for secrets.

Every example test runs with the root logger at DEBUG, as a Lambda function
whose log level is set to DEBUG does, and keeps each record emitted while
code from examples/ is on the stack: the example's own, and those of the
libraries it calls (botocore logs whole request and response bodies at
DEBUG). The test's own calls, and moto's records as the stand-in for AWS,
are left out. A script runs as in a new process (`as_in_a_new_process`),
so it must keep botocore quiet itself, or through what it imports; code
imported once per test process is checked alone by
tests/harness/test_lambda_logging.py.
"""

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from tests.support.paths import EXAMPLES

# moto's and its server's own records: the stand-in's, not the example's.
STAND_IN_LOGGERS = ("moto", "werkzeug")
EXAMPLE_FILES = str(EXAMPLES) + "/"


class ExampleRecords(logging.Handler):
    """Keeps the text of each record emitted by example code, or by what it
    calls, with its traceback if it has one."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(STAND_IN_LOGGERS) or not example_on_stack():
            return
        self.texts.append(self.format(record))


def example_on_stack() -> bool:
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_filename.startswith(EXAMPLE_FILES):
            return True
        frame = frame.f_back
    return False


@contextmanager
def logging_everything() -> Iterator[ExampleRecords]:
    """The root logger at DEBUG, its records from examples kept."""
    root = logging.getLogger()
    handler = ExampleRecords()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


@contextmanager
def as_in_a_new_process() -> Iterator[None]:
    """Every logger at its default level, and the examples' modules not yet
    imported, as in a new process; all back after. A script then sets the
    levels it needs itself, or through what it imports, and does not profit
    from levels that other examples, imported earlier, set."""
    examples = {
        name: module
        for name, module in sys.modules.items()
        if (getattr(module, "__file__", None) or "").startswith(EXAMPLE_FILES)
    }
    for name in examples:
        del sys.modules[name]
    loggers = [
        logger
        for name, logger in logging.root.manager.loggerDict.items()
        if isinstance(logger, logging.Logger)
        and not name.startswith(STAND_IN_LOGGERS)
    ]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.NOTSET)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
        sys.modules.update(examples)


def holding(texts: dict[str, str], values: set[str]) -> list[str]:
    """The names of the `texts` that hold any of `values`; never a value."""
    return [
        name
        for name, text in texts.items()
        if any(value in text for value in values)
    ]
