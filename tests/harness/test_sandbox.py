"""The sandbox of tests/support/sandbox.py holds: no real credentials, no
network beyond loopback, and the same tests run against a running endpoint."""

import os
import re
import socket
import urllib.request

import boto3
import pytest
from pytest_socket import SocketBlockedError

from tests.support.documented import DATABASE_SECRET, REGION
from tests.support.sandbox import may_look_up
from tests.support.untraced import run_pytest

# Both tabs of a task: the Python and the AWS CLI one.
EXAMPLE_TESTS = ["tests/examples/test_store_secret.py"]


def test_sessions_get_fake_credentials_and_the_fixed_region():
    session = boto3.Session()
    credentials = session.get_credentials()
    assert credentials.method == "env"
    # Ours, or the ones moto sets while it mocks.
    assert credentials.access_key in {"testing", "FOOBARKEY"}
    assert session.region_name == REGION
    assert os.environ["AWS_CONFIG_FILE"] == os.devnull
    assert os.environ["AWS_SHARED_CREDENTIALS_FILE"] == os.devnull


def test_planted_credentials_and_config_are_never_used(tmp_path):
    # A profile whose credential_process leaves a mark if anything runs it.
    used = tmp_path / "credential-process-was-run"
    aws_dir = tmp_path / "home" / ".aws"
    aws_dir.mkdir(parents=True)
    (aws_dir / "credentials").write_text(
        "[default]\naws_access_key_id = AKIAPLANTEDDEFAULT\n"
        "aws_secret_access_key = planted\n"
    )
    (aws_dir / "config").write_text(
        "[default]\nregion = eu-central-1\n"
        f"credential_process = touch {used}\n"
        f"[profile planted]\ncredential_process = touch {used}\n"
    )
    env = os.environ | {
        "HOME": str(tmp_path / "home"),
        "AWS_PROFILE": "planted",
        "AWS_ACCESS_KEY_ID": "AKIAPLANTEDENV",
        "AWS_SECRET_ACCESS_KEY": "planted",
        "AWS_CONFIG_FILE": str(aws_dir / "config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(aws_dir / "credentials"),
    }

    result = run_pytest(
        *EXAMPLE_TESTS,
        "tests/harness/test_sandbox.py::test_sessions_get_fake_credentials_and_the_fixed_region",
        env=env,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert not used.exists()


def test_a_connection_beyond_loopback_fails_before_sending():
    with pytest.raises(SocketBlockedError, match=re.escape("203.0.113.10")):
        socket.create_connection(("203.0.113.10", 443))


def test_looking_up_an_aws_host_fails_before_sending():
    with pytest.raises(
        SocketBlockedError,
        match=re.escape("secretsmanager.us-west-2.amazonaws.com"),
    ):
        urllib.request.urlopen(
            "https://secretsmanager.us-west-2.amazonaws.com/"
        )


@pytest.mark.parametrize(
    ("name", "live_against_aws", "allowed"),
    [
        ("secretsmanager.us-west-2.amazonaws.com", True, True),
        ("sts.amazonaws.com", True, True),
        ("secretsmanager.us-west-2.amazonaws.com", False, False),
        ("amazonaws.com.example.net", True, False),
        ("example.com", True, False),
        ("localhost", False, True),
    ],
)
def test_only_a_live_run_against_aws_may_look_up_aws_hosts(
    name, live_against_aws, allowed
):
    assert (
        may_look_up(name, {"localhost"}, aws_hosts=live_against_aws) is allowed
    )


def test_aws_itself_as_endpoint_is_refused_without_the_opt_in():
    endpoint = "https://secretsmanager.us-west-2.amazonaws.com"

    result = run_pytest(
        *EXAMPLE_TESTS, "--endpoint-url", endpoint, env=os.environ
    )

    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert f"--endpoint-url {endpoint} is AWS itself" in result.stderr
    assert "add --real-aws" in result.stderr
    assert "AWS backend:" not in result.stdout  # refused before the session


def test_example_tests_run_against_an_endpoint_with_unique_names(
    aws, moto_server
):
    # The moto server here stands for a shared account: it already holds a
    # secret under a name the docs use, which the run must neither trip over
    # nor delete.
    secrets = aws.client("secretsmanager")
    secrets.create_secret(Name=DATABASE_SECRET, SecretString='{"keep": "me"}')

    result = run_pytest(
        *EXAMPLE_TESTS, "--endpoint-url", moto_server, env=os.environ
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"AWS backend: {moto_server}" in result.stdout
    names = [secret["Name"] for secret in secrets.list_secrets()["SecretList"]]
    assert names == [DATABASE_SECRET]
    assert aws.secret_json(DATABASE_SECRET) == {"keep": "me"}
