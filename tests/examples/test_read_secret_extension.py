"""examples/read_secret_extension.py, shown on docs/lambda-extension.md.

The extension runs only inside Lambda. These tests serve the interface AWS
documents for it on 127.0.0.1, backed by moto (tests/support/extension.py),
and check the request the code sends and what it makes of each answer.
"""

import json
import traceback
import urllib.error
import urllib.request

import pytest
import read_secret_extension

from tests.support.aws_errors import BY_CODE
from tests.support.documented import API_KEY_SECRET, DATABASE_SECRET
from tests.support.extension import SESSION_TOKEN, serving
from tests.support.paths import EXAMPLES
from tests.support.unanswered import silent_endpoint

PASSWORD = json.loads((EXAMPLES / "database_secret.json").read_text())[
    "password"
]


@pytest.fixture
def extension(monkeypatch):
    """The stand-in, and the environment Lambda gives the function."""
    with serving() as stand_in:
        monkeypatch.setenv("AWS_SESSION_TOKEN", SESSION_TOKEN)
        monkeypatch.setenv(
            "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", str(stand_in.port)
        )
        yield stand_in


def read_error(secret_id: str) -> str:
    """What get_secret raises for the secret, with its traceback."""
    with pytest.raises(read_secret_extension.SecretError) as raised:
        read_secret_extension.get_secret(secret_id)
    return "".join(traceback.format_exception(raised.value))


def test_sends_the_documented_request_and_parses_the_json(aws, extension):
    name = aws.create_database_secret(DATABASE_SECRET)

    credentials = read_secret_extension.get_secret(name)

    assert credentials["password"] == PASSWORD
    assert credentials["port"] == 5432  # parsed: a number
    [received] = extension.received
    assert received.path == "/secretsmanager/get"
    assert received.query == {"secretId": [name]}
    assert received.token == SESSION_TOKEN
    assert PASSWORD not in received.request_line


def test_text_binary_and_json_that_is_not_an_object(aws, extension):
    secrets = aws.client("secretsmanager")
    names = {kind: aws.name(f"dev/orders/{kind}") for kind in "abc"}
    secrets.create_secret(Name=names["a"], SecretString="plain-token")
    secrets.create_secret(Name=names["b"], SecretBinary=b"\x00\x01")
    secrets.create_secret(Name=names["c"], SecretString="[1, 2]")

    get_secret = read_secret_extension.get_secret
    assert get_secret(names["a"]) == "plain-token"
    assert get_secret(names["b"]) == b"\x00\x01"
    assert get_secret(names["c"]) == "[1, 2]"


def test_asks_for_a_version_stage(aws, extension):
    name = aws.create_secret(API_KEY_SECRET, {"api_key": "first-key"})
    aws.client("secretsmanager").put_secret_value(
        SecretId=name, SecretString=json.dumps({"api_key": "second-key"})
    )

    previous = read_secret_extension.get_secret(name, "AWSPREVIOUS")

    assert previous == {"api_key": "first-key"}
    assert extension.received[0].query == {
        "secretId": [name],
        "versionStage": ["AWSPREVIOUS"],
    }


def test_port_2773_unless_the_environment_names_another(aws, monkeypatch):
    monkeypatch.setenv("AWS_SESSION_TOKEN", SESSION_TOKEN)
    monkeypatch.delenv("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", raising=False)
    asked = []

    def nothing_listens(request, timeout):
        asked.append((request.full_url, timeout))
        raise urllib.error.URLError(ConnectionRefusedError())

    monkeypatch.setattr(urllib.request, "urlopen", nothing_listens)

    failure = read_error(DATABASE_SECRET)

    [(url, timeout)] = asked
    assert url.startswith("http://localhost:2773/secretsmanager/get?")
    assert timeout == read_secret_extension.TIMEOUT_SECONDS
    assert (
        f"Cannot read secret '{DATABASE_SECRET}': no answer from the "
        "extension on localhost:2773; add the AWS Parameters and Secrets "
        "Lambda Extension layer to the function, and check "
        "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"
    ) in failure


def test_an_extension_that_does_not_answer_times_out(aws, monkeypatch):
    with silent_endpoint() as silent:
        port = silent.server.getsockname()[1]
        monkeypatch.setenv("AWS_SESSION_TOKEN", SESSION_TOKEN)
        monkeypatch.setenv("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", str(port))
        monkeypatch.setattr(read_secret_extension, "TIMEOUT_SECONDS", 0.2)

        failure = read_error(DATABASE_SECRET)

    assert f"no answer from the extension on localhost:{port}" in failure


def test_outside_lambda_says_the_token_is_missing(aws, extension, monkeypatch):
    monkeypatch.delenv("AWS_SESSION_TOKEN")

    failure = read_error(DATABASE_SECRET)

    assert (
        f"Cannot read secret '{DATABASE_SECRET}': AWS_SESSION_TOKEN is not "
        "set; the extension serves only code running in Lambda"
    ) in failure
    assert extension.received == []


def test_a_refused_token_says_which_header_to_send(
    aws, extension, monkeypatch
):
    aws.create_database_secret(DATABASE_SECRET)
    monkeypatch.setenv("AWS_SESSION_TOKEN", "another-functions-token")

    failure = read_error(DATABASE_SECRET)

    assert (
        f"Cannot read secret '{DATABASE_SECRET}' (HTTP 403): send the "
        "function's AWS_SESSION_TOKEN in the X-Aws-Parameters-Secrets-Token "
        "header"
    ) in failure
    assert PASSWORD not in failure


def test_a_bad_request_says_to_check_the_name(aws, extension):
    failure = read_error("")

    assert (
        "Cannot read secret '' (HTTP 400): check the secret's name or ARN, "
        "and the version stage asked for"
    ) in failure


def test_secrets_managers_refusals_come_through_with_advice(aws, extension):
    name = aws.name(DATABASE_SECRET)
    missing = read_error(name)
    aws.create_database_secret(DATABASE_SECRET)
    aws.client("secretsmanager").delete_secret(
        SecretId=name, RecoveryWindowInDays=7
    )

    pending_deletion = read_error(name)

    assert f"'{name}' (ResourceNotFoundException): check the" in missing
    assert "(InvalidRequestException): restore it" in pending_deletion
    assert PASSWORD not in pending_deletion


def test_every_code_of_the_table_has_aws_own_message():
    assert set(read_secret_extension.WHAT_TO_DO) <= set(BY_CODE)


# moto cannot refuse with every code: the stand-in answers with AWS's own.
@pytest.mark.parametrize("code", read_secret_extension.WHAT_TO_DO)
def test_each_secrets_manager_error_gets_its_advice(aws, extension, code):
    error = BY_CODE[code]
    body = json.dumps({"__type": error.code, "message": error.message})
    extension.answer_once(400, body.encode())

    failure = read_error(DATABASE_SECRET)

    advice = read_secret_extension.WHAT_TO_DO[code]
    assert f"'{DATABASE_SECRET}' ({code}): {advice}" in failure


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (503, b"not ready"),
        (500, b'{"__type": "InternalServiceError", "message": "x"}'),
        (429, b'["not", "an", "error", "object"]'),
    ],
    ids=["not json", "another code", "another shape"],
)
def test_any_other_answer_says_to_read_the_extensions_log(
    aws, extension, status, body
):
    extension.answer_once(status, body)

    failure = read_error(DATABASE_SECRET)

    assert (
        f"Cannot read secret '{DATABASE_SECRET}' (HTTP {status}): set "
        "PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL to debug and read the "
        "extension's lines in the function's log"
    ) in failure
