"""examples/read_secret_lambda.py, shown on docs/how-to/retrieve.md.

Lambda cannot run the handler here, so the tests call it directly, inside
the mock, as the Lambda runtime would.
"""

import importlib
import json
import logging
import sys
import time
import traceback

import boto3
import pytest

from tests.support.aws_errors import (
    DECRYPTION_FAILURE,
    KMS_NOT_ALLOWED,
    NOT_AUTHORIZED,
    THROTTLED,
    answering,
)
from tests.support.documented import DATABASE_SECRET
from tests.support.paths import EXAMPLES
from tests.support.unanswered import (
    sent_to,
    silent_endpoint,
    unconnectable_endpoint,
)

DATABASE_SECRET_TEXT = (EXAMPLES / "database_secret.json").read_text()
PASSWORD = json.loads(DATABASE_SECRET_TEXT)["password"]


def load(aws, monkeypatch):
    """The example, loaded afresh as Lambda loads it in a new execution
    environment, with SECRET_NAME set in the function's configuration."""
    monkeypatch.setenv("SECRET_NAME", aws.name(DATABASE_SECRET))
    monkeypatch.delitem(sys.modules, "read_secret_lambda", raising=False)
    return importlib.import_module("read_secret_lambda")


@pytest.fixture
def function(aws, monkeypatch):
    return load(aws, monkeypatch)


def read_error(function, name: str) -> str:
    """What get_secret raises for the secret, with its traceback."""
    with pytest.raises(function.SecretError) as raised:
        function.get_secret(name)
    return "".join(traceback.format_exception(raised.value))


def test_handler_reads_the_credentials_and_logs_only_names(
    aws, function, caplog
):
    name = aws.create_database_secret(DATABASE_SECRET)
    caplog.set_level(logging.INFO)

    function.lambda_handler({}, None)

    # The function logs on the root logger; botocore may add its own lines.
    assert [r.getMessage() for r in caplog.records if r.name == "root"] == [
        f"Read {name}, keys: dbInstanceIdentifier, dbname, engine, host, "
        "password, port, username"
    ]
    assert PASSWORD not in caplog.text
    credentials = function.get_secret(name)
    assert credentials["password"] == PASSWORD
    assert credentials["port"] == 5432  # parsed: a number, not a string


def test_client_is_created_once_not_on_every_call(aws, monkeypatch):
    aws.create_database_secret(DATABASE_SECRET)
    created = []
    real_client = boto3.client

    def counting_client(*args, **kwargs):
        created.append(args)
        return real_client(*args, **kwargs)

    monkeypatch.setattr(boto3, "client", counting_client)
    function = load(aws, monkeypatch)
    for _ in range(3):
        function.lambda_handler({}, None)

    assert created == [("secretsmanager",)]


def test_missing_secret_says_to_check_name_and_region(aws, function):
    name = aws.name(DATABASE_SECRET)

    failure = read_error(function, name)

    assert (
        f"Cannot read secret {name} (ResourceNotFoundException): "
        "check the secret's name and region"
    ) in failure


def test_secret_pending_deletion_says_to_restore_it(aws, function):
    name = aws.create_database_secret(DATABASE_SECRET)
    aws.client("secretsmanager").delete_secret(
        SecretId=name, RecoveryWindowInDays=7
    )

    failure = read_error(function, name)

    assert (
        f"Cannot read secret {name} (InvalidRequestException): "
        "restore it: it is scheduled for deletion"
    ) in failure
    assert PASSWORD not in failure


def test_malformed_json_is_reported_without_the_value(aws, function):
    # A closing brace missing: the value must not reach the message.
    name = aws.name(DATABASE_SECRET)
    aws.client("secretsmanager").create_secret(
        Name=name, SecretString=DATABASE_SECRET_TEXT.rstrip().removesuffix("}")
    )

    failure = read_error(function, name)

    assert (
        f"Secret {name} is not valid JSON (Expecting ',' delimiter): "
        "correct it on the console's Plaintext tab"
    ) in failure
    assert PASSWORD not in failure
    assert "JSONDecodeError" not in failure  # from None: no chained error


@pytest.mark.parametrize(
    ("value", "kind"), [('["sk_live_x"]', "list"), ('"hunter2"', "str")]
)
def test_json_that_is_not_an_object_is_refused_unlogged(
    aws, function, caplog, monkeypatch, value, kind
):
    name = aws.name(DATABASE_SECRET)
    aws.client("secretsmanager").create_secret(Name=name, SecretString=value)
    monkeypatch.setenv("SECRET_NAME", name)
    caplog.set_level(logging.INFO)

    with pytest.raises(function.SecretError) as raised:
        function.lambda_handler({}, None)

    failure = "".join(traceback.format_exception(raised.value))
    assert str(raised.value) == (
        f"Secret {name} holds a JSON {kind}, not key/value pairs: store it "
        "as an object, as on the Store page"
    )
    secret = value.strip('["]')
    assert secret not in failure
    assert secret not in caplog.text
    assert ", ".join(secret) not in caplog.text  # nor its characters


# moto cannot return these: botocore's stubber answers in its place.
@pytest.mark.parametrize(
    ("error", "what_to_do"),
    [
        (NOT_AUTHORIZED, "allow the function's role to read it"),
        (
            KMS_NOT_ALLOWED,
            "allow the role kms:Decrypt on its key (role and key policy)",
        ),
        (
            DECRYPTION_FAILURE,
            "check that its KMS key is enabled and not pending deletion",
        ),
        (THROTTLED, "look the code up in the API docs"),
    ],
    ids=["not authorized", "KMS not allowed", "decryption", "throttled"],
)
def test_other_errors_say_what_to_do(aws, function, error, what_to_do):
    with answering(function.secrets, error):
        failure = read_error(function, DATABASE_SECRET)

    assert (
        f"Cannot read secret {DATABASE_SECRET} ({error.code}): {what_to_do}"
        in failure
    )


NO_ROUTE = (
    "no answer in time: the function's VPC has no route to Secrets Manager; "
    "add an interface VPC endpoint for it, or a NAT gateway"
)


def test_no_route_fails_within_3_seconds_saying_what_to_do(
    function, monkeypatch
):
    # Two attempts of 1 s to connect, a few milliseconds apart.
    with unconnectable_endpoint() as url:
        monkeypatch.setattr(
            function, "secrets", sent_to(function.secrets, url)
        )
        started = time.monotonic()
        failure = read_error(function, DATABASE_SECRET)
        elapsed = time.monotonic() - started

    assert 2 <= elapsed < 3.5
    assert (
        f"Cannot read secret {DATABASE_SECRET} (ConnectTimeoutError): "
        f"{NO_ROUTE}"
    ) in failure


def test_no_answer_is_tried_twice_then_explained(function, monkeypatch):
    with silent_endpoint() as endpoint:
        # The function's retries, with a read timeout short enough for a test.
        client = sent_to(function.secrets, endpoint.url, read_timeout=0.2)
        monkeypatch.setattr(function, "secrets", client)
        failure = read_error(function, DATABASE_SECRET)
        connections = endpoint.connections()

    assert connections == 2
    assert (
        f"Cannot read secret {DATABASE_SECRET} (ReadTimeoutError): {NO_ROUTE}"
    ) in failure
