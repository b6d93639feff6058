"""Every AWS error code the pages and the examples name is one AWS answers
with. A table of what to do about each error (on a page, or an example's
advice table) lists only errors of its operation, as botocore's service
model gives them, or errors common to every AWS API, or botocore's own
errors raised when AWS does not answer at all (a timeout); a page's table
names the codes of the code it shows; and each code of an advice table,
raised as AWS (or botocore) raises it, gets its own advice, not the
fallback: so the code catches each botocore error its table names."""

import re
from collections.abc import Callable
from contextlib import AbstractContextManager

import botocore.exceptions
import botocore.session
import pytest
import read_secret_lambda
import secretm

from tests.support.aws_errors import (
    BY_CODE,
    COMMON_ERRORS,
    answering,
)
from tests.support.documented import DATABASE_SECRET
from tests.support.paths import DOCS, EXAMPLES
from tests.support.unanswered import timing_out

# An AWS error code, as pages and examples write it.
ERROR_CODE = re.compile(r"\b[A-Z][A-Za-z]+(?:Exception|Failure)\b")
# botocore's errors when Secrets Manager does not answer: not AWS's codes.
TIMEOUTS = {"ConnectTimeoutError", "ReadTimeoutError"}
# A row of a Markdown table whose first cell is an error code or a timeout.
TABLE_ROW = re.compile(
    rf"^\| `({ERROR_CODE.pattern}|{'|'.join(TIMEOUTS)})` +\|", re.MULTILINE
)
# The services whose calls the pages and examples make.
SERVICES = ("secretsmanager", "lambda", "iam", "kms", "sts")
# Each page's table of GetSecretValue errors, and the advice table of the
# code that page shows.
PAGE_TABLES = {
    "how-to/retrieve.md": read_secret_lambda.WHAT_TO_DO,
    "secretm.md": secretm._ADVICE,
}


def modelled_errors(service: str, operation: str | None = None) -> set[str]:
    """The error codes botocore's model lists for `operation`, or for any
    operation of `service`: each shape's name and its wire code."""
    model = botocore.session.get_session().get_service_model(service)
    shapes = (
        model.operation_model(operation).error_shapes
        if operation
        else model.error_shapes
    )
    return {shape.name for shape in shapes} | {
        shape.error_code for shape in shapes
    }


# Makes a client meet an error: answering(client, AwsError), or botocore's
# timing_out(client, a timeout's class).
Meeting = Callable[[object], AbstractContextManager]


def read_through_lambda_function(meeting: Meeting) -> str:
    """The SecretError message of read_secret_lambda.py for an error."""
    with (
        meeting(read_secret_lambda.secrets),
        pytest.raises(read_secret_lambda.SecretError) as raised,
    ):
        read_secret_lambda.get_secret(DATABASE_SECRET)
    return str(raised.value)


def read_through_secretm(meeting: Meeting) -> str:
    """The SecretError message of the secretm layer for an error."""
    secretm.clear_cache()
    with (
        meeting(secretm._provider.client),
        pytest.raises(secretm.SecretError) as raised,
    ):
        secretm.get_secret(DATABASE_SECRET)
    return str(raised.value)


# Each example's advice table, keyed by GetSecretValue's error codes, and
# how to make the example meet an error.
ADVICE_TABLES = {
    "read_secret_lambda.WHAT_TO_DO": (
        read_secret_lambda.WHAT_TO_DO,
        read_through_lambda_function,
    ),
    "secretm._ADVICE": (secretm._ADVICE, read_through_secretm),
}


def test_every_page_table_of_errors_is_checked_here():
    pages = {
        str(page.relative_to(DOCS))
        for page in DOCS.rglob("*.md")
        if TABLE_ROW.search(page.read_text())
    }
    assert pages == set(PAGE_TABLES)


@pytest.mark.parametrize("page", PAGE_TABLES)
def test_page_table_names_the_codes_its_code_explains(page):
    codes = TABLE_ROW.findall((DOCS / page).read_text())
    assert sorted(codes) == sorted(PAGE_TABLES[page])


@pytest.mark.parametrize("table", ADVICE_TABLES)
def test_advice_table_names_only_errors_of_get_secret_value(table):
    advice, _ = ADVICE_TABLES[table]
    answered = modelled_errors("secretsmanager", "GetSecretValue")
    assert set(advice) - answered - COMMON_ERRORS - TIMEOUTS == set()


@pytest.mark.parametrize(
    ("table", "code"),
    [
        (table, code)
        for table, (advice, _) in ADVICE_TABLES.items()
        for code in advice
    ],
)
def test_each_code_of_an_advice_table_gets_its_advice(table, code):
    advice, read = ADVICE_TABLES[table]
    if code in TIMEOUTS:
        timeout = getattr(botocore.exceptions, code)
        message = read(lambda client: timing_out(client, timeout))
    elif code in BY_CODE:
        message = read(lambda client: answering(client, BY_CODE[code]))
    else:
        pytest.fail(
            f"{table} names {code}: add AWS's message for it to "
            "tests/support/aws_errors.py BY_CODE",
            pytrace=False,
        )

    assert message.endswith(f"({code}): {advice[code]}")


def test_every_error_code_named_anywhere_is_one_aws_answers_with():
    texts = [page.read_text() for page in DOCS.rglob("*.md")] + [
        example.read_text() for example in EXAMPLES.rglob("*.py")
    ]
    named = {code for text in texts for code in ERROR_CODE.findall(text)}
    answered = set().union(*(modelled_errors(s) for s in SERVICES))
    assert named - answered - COMMON_ERRORS == set()
