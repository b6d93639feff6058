"""Live runs (tests/support/live.py), proven without AWS: a moto server in a
process of its own stands in for the sandbox account. A run executes the
examples under its own names and tag and leaves nothing; it refuses to start
without its three conditions, before any other call; and the sweep deletes
what an abandoned or a killed run left, and nothing else."""

import io
import json
import os
import re
import signal
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta

import boto3
import pytest

from tests.support import live
from tests.support.documented import ACCOUNT_ID, REGION, REPLICA_REGION
from tests.support.paths import EXAMPLES
from tests.support.stand_in import stand_in_account
from tests.support.untraced import run_module, run_pytest

STORE = (
    "tests/examples/test_store_secret.py"
    "::test_tab_stores_the_documented_secrets_without_tags_or_policy"
)
# The Python tab, and the AWS CLI tab under v1, which the virtualenv has.
STORE_PYTHON_TAB = f"{STORE}[store_secret.py]"
STORE_CLI_TAB = f"{STORE}[store_secret_cli.sh-v1]"
MOTO_ONLY = (
    "tests/examples/test_lambda_trust_policy.py"
    "::test_iam_creates_a_role_with_it"
)
STUBBED = (
    "tests/examples/test_read_secret_lambda.py"
    "::test_other_errors_say_what_to_do[throttled]"
)
# Loaded into an inner run with -p, from a folder on its PYTHONPATH.
KILLED_AFTER_A_TEST = """
import os, signal
import pytest

@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    yield
    os.kill(os.getpid(), signal.SIGKILL)  # before the test's own clean-up
"""
# A test that makes what the clean-up does not find.
MAKES_IN_A_TEST = """
import boto3
import pytest

@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    boto3.client("{service}").{method}(**{parameters!r})
    return (yield)
"""
# Outside any test: only the run's own clean-up can delete what it tagged.
MAKES_TWO_TAGGED_AND_ONE_UNTAGGED = """
def pytest_sessionstart(session):
    import boto3
    from tests.support import live

    prefix = f"docs-live/{live.run_id()}/"
    secrets = boto3.client("secretsmanager")
    secrets.create_secret(Name=prefix + "tagged", SecretString="{}")
    boto3.client("iam").create_role(
        RoleName="orders-api", AssumeRolePolicyDocument="{}"
    )
    secrets.meta.events.unregister(*live.TAGGING[0])
    secrets.create_secret(Name=prefix + "untagged", SecretString="{}")
"""


@pytest.fixture(scope="module")
def stand_in_process(tmp_path_factory):
    with stand_in_account(tmp_path_factory.mktemp("stand-in")) as stand_in:
        yield stand_in


@pytest.fixture
def stand_in(stand_in_process):
    """The stand-in account, empty, with no call recorded yet."""
    stand_in_process.reset()
    return stand_in_process


def live_environment(stand_in, **changes: str | None) -> dict[str, str]:
    """What a live run against the stand-in sees; None removes a variable."""
    environment = os.environ | {
        live.OPT_IN: "1",
        live.LIVE_REGION: REGION,
        live.ACCOUNT_ID: ACCOUNT_ID,
        "AWS_ENDPOINT_URL": stand_in.url,
    }
    for name, value in changes.items():
        environment.pop(name)
        if value is not None:
            environment[name] = value
    return environment


def run_live(stand_in, *args: str, env=None) -> subprocess.CompletedProcess:
    return run_pytest(
        "--live",
        "--endpoint-url",
        stand_in.url,
        *args,
        env=env or live_environment(stand_in),
    )


def sweep(env: dict[str, str], minutes: int) -> subprocess.CompletedProcess:
    """`make live-sweep` with LIVE_SWEEP_MINUTES=minutes."""
    return run_module("tests.support.live", str(minutes), env=env)


def handler_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("lambda_function.py", "def handler(event, _): pass")
    return buffer.getvalue()


def run_of(result: subprocess.CompletedProcess) -> str:
    return re.search(r"Live run (\S+):", result.stdout)[1]


def secret_names(stand_in) -> set[str]:
    listed = stand_in.client("secretsmanager").list_secrets(
        IncludePlannedDeletion=True
    )
    return {secret["Name"] for secret in listed["SecretList"]}


def test_a_live_run_runs_the_examples_under_its_names_and_leaves_nothing(
    stand_in,
):
    result = run_live(
        stand_in, STORE_PYTHON_TAB, STORE_CLI_TAB, MOTO_ONLY, STUBBED
    )

    assert result.returncode == 0, result.stdout + result.stderr
    run = run_of(result)
    calls = stand_in.calls()
    created = [call for call in calls if call.operation == "CreateSecret"]
    assert {call.user_agent.split("/")[0] for call in created} >= {
        "Boto3",
        "aws-cli",
    }
    for call in created:
        assert call.parameters["Name"].startswith(f"docs-live/{run}/")
        assert {"Key": live.TAG, "Value": run} in call.parameters["Tags"]
    # The role's policy allows every Secrets Manager call the run made.
    policy = json.loads((EXAMPLES / "live_role_policy.json").read_text())
    allowed = {action for s in policy["Statement"] for action in s["Action"]}
    made = {
        f"secretsmanager:{call.operation}"
        for call in calls
        if call.service == "secretsmanager"
    }
    assert made <= allowed
    assert secret_names(stand_in) == set()
    summary = result.stdout.split(f"live run {run}")[1]
    assert re.search(r" 2  ran live \(2 passed, 0 failed, 0 error\)", summary)
    assert "1  skipped: needs in-process moto, not a live run" in summary
    assert "skipped: needs an error made by botocore's Stubber" in summary
    assert "Leak report: nothing this run made is left." in summary


@pytest.mark.parametrize(
    ("changes", "says", "calls"),
    [
        ({live.OPT_IN: None}, "DOCS_LIVE_OPT_IN is not 1", []),
        ({live.LIVE_REGION: None}, "DOCS_LIVE_REGION is not set", []),
        ({live.ACCOUNT_ID: None}, "DOCS_LIVE_ACCOUNT_ID is not set", []),
        (
            {live.ACCOUNT_ID: "111122223333"},
            "your credentials are of account 123456789012, not "
            "DOCS_LIVE_ACCOUNT_ID 111122223333",
            ["GetCallerIdentity"],
        ),
    ],
    ids=["no opt-in", "no region", "no account", "another account"],
)
def test_a_live_run_refuses_to_start_and_says_why(
    stand_in, changes, says, calls
):
    env = live_environment(stand_in, **changes)

    result = run_live(stand_in, STORE_PYTHON_TAB, env=env)

    assert result.returncode == pytest.ExitCode.USAGE_ERROR
    assert f"Live run refused: {says}" in result.stderr
    assert "collected" not in result.stdout
    assert [call.operation for call in stand_in.calls()] == calls


def test_the_run_deletes_what_it_tagged_and_reports_what_is_left(
    stand_in, tmp_path
):
    (tmp_path / "makes_resources.py").write_text(
        MAKES_TWO_TAGGED_AND_ONE_UNTAGGED
    )
    env = live_environment(stand_in) | {"PYTHONPATH": str(tmp_path)}

    result = run_live(
        stand_in, "-p", "makes_resources", STORE_PYTHON_TAB, env=env
    )

    assert result.returncode == pytest.ExitCode.TESTS_FAILED
    run = run_of(result)
    assert "1 passed" in result.stdout
    report = result.stdout.split("Leak report: ")[1].splitlines()
    assert report[:2] == [
        "1 left, which fails the run:",
        f"  secret docs-live/{run}/untagged (run untagged)",
    ]
    assert secret_names(stand_in) == {f"docs-live/{run}/untagged"}
    assert stand_in.client("iam").list_roles()["Roles"] == []


def test_the_sweep_deletes_what_old_runs_left_and_nothing_else(stand_in):
    now = datetime.now(UTC)
    old, recent = (
        live.new_run_id(now - timedelta(hours=3)),
        live.new_run_id(now),
    )
    secrets = stand_in.client("secretsmanager")
    iam = stand_in.client("iam")
    functions = stand_in.client("lambda")

    def secret(name: str, run: str | None) -> None:
        tags = [{"Key": live.TAG, "Value": run}] if run else []
        secrets.create_secret(Name=name, SecretString="{}", Tags=tags)

    def role(name: str, path: str, run: str | None) -> str:
        tags = [{"Key": live.TAG, "Value": run}] if run else []
        return iam.create_role(
            RoleName=name, Path=path, AssumeRolePolicyDocument="{}", Tags=tags
        )["Role"]["Arn"]

    def function(name: str, run: str | None, role_arn: str) -> None:
        functions.create_function(
            FunctionName=name,
            Role=role_arn,
            Runtime="python3.12",
            Handler="lambda_function.handler",
            Code={"ZipFile": handler_zip()},
            Tags={live.TAG: run} if run else {},
        )

    secret(f"docs-live/{old}/a1/prod/orders/postgres", old)
    secrets.delete_secret(SecretId=f"docs-live/{old}/a1/prod/orders/postgres")
    secret(f"docs-live/{old}/a1/dev/orders/payments-api", old)
    # AWS deletes no secret that has replicas.
    secrets.replicate_secret_to_regions(
        SecretId=f"docs-live/{old}/a1/dev/orders/payments-api",
        AddReplicaRegions=[{"Region": REPLICA_REGION}],
    )
    old_role = role(f"docs-live-{old}-orders-api", "/docs-live/", old)
    iam.put_role_policy(
        RoleName=f"docs-live-{old}-orders-api",
        PolicyName="read",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": "secretsmanager:GetSecretValue",
                        "Resource": "*",
                    }
                ],
            }
        ),
    )
    function(f"docs-live-{old}-orders-api", old, old_role)
    # Beside them: each lacks one mark of the old run, or is recent.
    secret("prod/orders/postgres", old)
    secret(f"docs-live/{old}/untagged", None)
    secret(f"docs-live/{recent}/b2/prod/orders/postgres", old)
    secret(f"docs-live/{recent}/b2/dev/orders/payments-api", recent)
    kept_role = role("orders-api", "/", old)
    role(f"docs-live-{old}-untagged", "/docs-live/", None)
    function("orders-api", old, kept_role)
    function(f"docs-live-{old}-untagged", None, kept_role)

    result = sweep(live_environment(stand_in), minutes=60)

    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(result.stdout.splitlines()) == [
        f"deleted function docs-live-{old}-orders-api (run {old})",
        f"deleted role docs-live-{old}-orders-api (run {old})",
        f"deleted secret docs-live/{old}/a1/dev/orders/payments-api "
        f"(run {old})",
        f"deleted secret docs-live/{old}/a1/prod/orders/postgres (run {old})",
    ]
    assert secret_names(stand_in) == {
        "prod/orders/postgres",
        f"docs-live/{old}/untagged",
        f"docs-live/{recent}/b2/prod/orders/postgres",
        f"docs-live/{recent}/b2/dev/orders/payments-api",
    }
    in_replica_region = boto3.client(
        "secretsmanager", endpoint_url=stand_in.url, region_name=REPLICA_REGION
    )
    assert in_replica_region.list_secrets()["SecretList"] == []
    roles = {r["RoleName"] for r in iam.list_roles()["Roles"]}
    assert roles == {"orders-api", f"docs-live-{old}-untagged"}
    listed = functions.list_functions()["Functions"]
    assert {f["FunctionName"] for f in listed} == {
        "orders-api",
        f"docs-live-{old}-untagged",
    }


@pytest.mark.parametrize(
    ("service", "method", "parameters", "listed"),
    [
        (
            "sns",
            "create_topic",
            {"Name": "orders-alerts"},
            lambda sns: sns.list_topics()["Topics"],
        ),
        (
            "iam",
            "create_policy",
            {"PolicyName": "x", "PolicyDocument": "{}"},
            lambda iam: iam.list_policies(Scope="Local")["Policies"],
        ),
        (
            "lambda",
            "create_function",
            {
                "FunctionName": "orders-api",
                "Role": "arn:aws:iam::123456789012:role/docs-live/x",
                "Code": {"ZipFile": b"x"},
            },
            lambda functions: functions.list_functions()["Functions"],
        ),
    ],
    ids=["another service", "a managed policy", "an unprefixed function"],
)
def test_a_live_run_makes_nothing_its_clean_up_would_leave(
    stand_in, tmp_path, service, method, parameters, listed
):
    (tmp_path / "makes_in_a_test.py").write_text(
        MAKES_IN_A_TEST.format(
            service=service, method=method, parameters=parameters
        )
    )
    env = live_environment(stand_in) | {"PYTHONPATH": str(tmp_path)}

    result = run_live(
        stand_in, "-p", "makes_in_a_test", STORE_PYTHON_TAB, env=env
    )

    assert result.returncode == 1
    assert "a live run deletes only secrets, roles" in result.stdout
    assert listed(stand_in.client(service)) == []


def test_the_sweep_deletes_what_a_killed_run_left(stand_in, tmp_path):
    (tmp_path / "killed_after_a_test.py").write_text(KILLED_AFTER_A_TEST)
    env = live_environment(stand_in) | {"PYTHONPATH": str(tmp_path)}
    killed = run_live(
        stand_in, "-p", "killed_after_a_test", STORE_PYTHON_TAB, env=env
    )
    assert killed.returncode == -signal.SIGKILL
    left = secret_names(stand_in)
    assert left
    assert all(name.startswith(live.NAME_PREFIX) for name in left)

    result = sweep(live_environment(stand_in), minutes=0)

    assert result.returncode == 0, result.stdout + result.stderr
    assert len(result.stdout.splitlines()) == len(left)
    assert secret_names(stand_in) == set()


def test_the_sweep_refuses_like_a_run(stand_in):
    env = live_environment(stand_in, **{live.OPT_IN: None})

    result = sweep(env, minutes=0)

    assert result.returncode == 2
    assert "Sweep refused: DOCS_LIVE_OPT_IN is not 1" in result.stderr
    assert stand_in.calls() == []


def test_what_is_gone_when_it_is_deleted_counts_as_deleted(
    stand_in, monkeypatch
):
    # AWS lists a force-deleted secret for a while after the call.
    monkeypatch.setenv("AWS_ENDPOINT_URL", stand_in.url)
    gone = [
        live.Made("secret", "docs-live/20261203120000-a1b2c3/gone", "x"),
        live.Made("role", "docs-live-gone", "x"),
        live.Made("function", "docs-live-gone", "x"),
    ]

    assert live.delete_all(gone) == ([str(made) for made in gone], [])
