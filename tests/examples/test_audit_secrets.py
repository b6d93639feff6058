"""examples/audit_secrets.py, shown on docs/how-to/audit.md, the command the
page shows for it, audit_secrets_cli.sh, and its output,
audit_secrets_cli.txt.

The account is built in moto. moto keeps neither LastAccessedDate nor
LastRotatedDate, and never fails a replication: a handler on botocore's
after-call event sets those fields in DescribeSecret's answer, as AWS would
return them. Dates come from time_machine: secrets are created in the past.
"""

import json
import shlex
from datetime import UTC, datetime, timedelta

import boto3
import pytest
import time_machine
from audit_secrets import (
    MAX_DAYS_SINCE_ROTATION,
    UNUSED_FOR_DAYS,
    grants_public_access,
    main,
)
from botocore.exceptions import EndpointConnectionError
from cost_estimate import dollars, estimate_monthly_cost

from tests.support.api_calls import (
    answering_in,
    aws_error,
    counting_calls,
    default_session_events,
)
from tests.support.code_blocks import section_only
from tests.support.documented import (
    API_KEY_SECRET,
    DATABASE_SECRET,
    DEV_API_KEY_SECRET,
    REGION,
)
from tests.support.paths import DOCS, EXAMPLES
from tests.support.rotation import create_rotation_function

# The audit lists every secret in a region: an account of the test's own.
pytestmark = pytest.mark.moto_only

REPLICA_REGION = "eu-west-1"
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
# What AWS would return and moto does not keep, by secret name.
LAST_ACCESSED = {
    DEV_API_KEY_SECRET: NOW - timedelta(days=100),
    "prod/orders/signing-key": NOW - timedelta(days=1),
}
LAST_ROTATED = {"prod/orders/signing-key": NOW - timedelta(days=100)}
# AWS's example of a replication failure (ReplicationStatusType).
FAILED_REPLICA = {
    "prod/billing/ledger-api": (
        "Secret with this name already exists in this region"
    )
}
PUBLIC_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "secretsmanager:GetSecretValue",
            "Resource": "*",
        }
    ],
}


def days_ago(days: int) -> datetime:
    return NOW - timedelta(days=days)


def as_aws_returns(parsed: dict, model, **_) -> None:
    """Set in a DescribeSecret answer the fields moto does not keep."""
    if model.name != "DescribeSecret":
        return
    name = parsed["Name"]
    if name in LAST_ACCESSED:
        parsed["LastAccessedDate"] = LAST_ACCESSED[name]
    if name in LAST_ROTATED:
        parsed["LastRotatedDate"] = LAST_ROTATED[name]
    if name in FAILED_REPLICA:
        for replica in parsed["ReplicationStatus"]:
            replica["Status"] = "Failed"
            replica["StatusMessage"] = FAILED_REPLICA[name]


@pytest.fixture
def account(aws):
    """A secret that breaks no rule, one that breaks each rule, and one
    pending deletion, in us-west-2, with replicas in eu-west-1; the clock at
    NOW."""
    secrets = aws.client("secretsmanager")
    key = aws.client("kms").create_key()["KeyMetadata"]["Arn"]
    function = create_rotation_function(aws)

    def create(name, days_old=0, rotated_days_ago=0, rotate=True, **options):
        """Created `days_old` days ago; rotation turned on, for every 30
        days, `rotated_days_ago` days ago."""
        with time_machine.travel(days_ago(days_old), tick=False):
            secrets.create_secret(
                Name=name,
                SecretString="{}",
                **{"KmsKeyId": key, "Description": "Owned by orders"}
                | options,
            )
        if rotate:
            with time_machine.travel(days_ago(rotated_days_ago), tick=False):
                secrets.rotate_secret(
                    SecretId=name,
                    RotationLambdaARN=function,
                    RotationRules={"AutomaticallyAfterDays": 30},
                    RotateImmediately=False,
                )

    # Breaks no rule; a database secret, rotated, and replicated.
    create(
        DATABASE_SECRET,
        Description="Orders database, user orders_app",
        AddReplicaRegions=[{"Region": REPLICA_REGION}],
    )
    create(API_KEY_SECRET, rotate=False)  # rotation-enabled-check
    create("prod/orders/queue-token", days_old=45, rotated_days_ago=45)
    create("prod/orders/signing-key", days_old=100)  # periodic-rotation
    create(DEV_API_KEY_SECRET, days_old=120)  # unused
    create("prod/orders/webhook-key", KmsKeyId="alias/aws/secretsmanager")
    create("prod/orders/postgres-backup")  # ends like an ARN
    create("prod/shipping/carrier-api", Description="The carrier's API key")
    create("prod/orders/partner-api")
    secrets.put_resource_policy(
        SecretId="prod/orders/partner-api",
        ResourcePolicy=json.dumps(PUBLIC_POLICY),
    )
    create("prod/reports/mysql", Description="Reports database", rotate=False)
    create(
        "prod/billing/ledger-api",
        Description="Ledger API key, owned by billing",
        AddReplicaRegions=[{"Region": REPLICA_REGION}],
    )
    create("dev/orders/old-token", days_old=3)
    with time_machine.travel(days_ago(3), tick=False):
        secrets.delete_secret(
            SecretId="dev/orders/old-token", RecoveryWindowInDays=7
        )

    with (
        default_session_events() as events,
        time_machine.travel(NOW, tick=False),
    ):
        events.register("after-call.secretsmanager", as_aws_returns)
        yield


def command_arguments() -> list[str]:
    """The arguments of the command audit_secrets_cli.sh shows."""
    command = section_only(
        (EXAMPLES / "audit_secrets_cli.sh").read_text(), "audit"
    )
    return shlex.split(command)[2:]


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(arguments))
    output = capsys.readouterr()
    return exit_info.value.code, output.out, output.err


def findings(report: dict) -> dict[tuple[str, str], list]:
    """Each secret's broken rules, by region and name."""
    return {
        (secret["region"], secret["name"]): [
            rule["rule"] for rule in secret["broken"]
        ]
        for secret in report["secrets"]
    }


def test_reports_each_rule_each_secret_breaks(account, capsys):
    status, out, err = run(
        capsys, "--region", REGION, "--region", REPLICA_REGION, "--json"
    )

    assert (status, err) == (1, "")
    report = json.loads(out)
    assert findings(report) == {
        (REGION, "dev/orders/old-token"): [],
        (REGION, DEV_API_KEY_SECRET): ["secretsmanager-secret-unused"],
        (REGION, "prod/billing/ledger-api"): ["replication"],
        (REGION, "prod/orders/partner-api"): ["no-resource-policy"],
        (REGION, API_KEY_SECRET): ["secretsmanager-rotation-enabled-check"],
        (REGION, DATABASE_SECRET): [],
        (REGION, "prod/orders/postgres-backup"): ["name-pattern"],
        (REGION, "prod/orders/queue-token"): [
            "secretsmanager-scheduled-rotation-success-check"
        ],
        (REGION, "prod/orders/signing-key"): [
            "secretsmanager-secret-periodic-rotation"
        ],
        (REGION, "prod/orders/webhook-key"): ["secretsmanager-using-cmk"],
        (REGION, "prod/reports/mysql"): [
            "secretsmanager-rotation-enabled-check",
            "database-rotation",
        ],
        (REGION, "prod/shipping/carrier-api"): ["owner-in-description"],
        (REPLICA_REGION, "prod/billing/ledger-api"): [],
        (REPLICA_REGION, DATABASE_SECRET): [],
    }
    by_name = {
        (secret["region"], secret["name"]): secret
        for secret in report["secrets"]
    }
    # Deleted 3 days ago with a 7-day window: gone in 4 days, and free.
    assert by_name[REGION, "dev/orders/old-token"] | {"broken": []} == {
        "region": REGION,
        "name": "dev/orders/old-token",
        "monthly_cost": "0.00",
        "broken": [],
        "notes": ["pending deletion, deleted for good on 2026-12-05"],
    }
    # A secret and its replica cost $0.80, all with the primary.
    assert by_name[REGION, DATABASE_SECRET]["monthly_cost"] == "0.80"
    assert by_name[REGION, DATABASE_SECRET]["notes"] == [
        "replica in eu-west-1: InSync"
    ]
    assert by_name[REPLICA_REGION, DATABASE_SECRET]["monthly_cost"] == "0.00"
    assert by_name[REGION, "prod/orders/partner-api"]["broken"] == [
        {
            "rule": "no-resource-policy",
            "why": "has a resource policy that grants access to anyone",
        }
    ]
    # 11 primary secrets and 2 replicas at $0.40; only one is unused.
    assert {key: report[key] for key in report if key != "secrets"} == {
        "not_audited": {},
        "audited": 14,
        "breaking": 10,
        "monthly_cost": "5.20",
        "unused": 1,
        "unused_saving": "0.40",
    }


def test_the_page_shows_the_output_of_its_command(account, capsys):
    status, out, _ = run(capsys, *command_arguments())

    assert status == 1
    assert out == (EXAMPLES / "audit_secrets_cli.txt").read_text()


def test_the_command_runs_as_shown_and_fails_on_a_broken_rule(aws):
    aws.client("secretsmanager").create_secret(Name="Bad", SecretString="{}")

    result = aws.run_example("audit_secrets_cli.sh", check=False)

    assert result.returncode == 1
    header, bad, *_ = result.stdout.splitlines()
    assert header.split() == ["Region", "Secret", "Per", "month", "Finding"]
    assert bad.split()[:4] == [
        REGION,
        "Bad",
        "$0.40",
        "secretsmanager-rotation-enabled-check:",
    ]


def test_a_clean_account_exits_0(aws, capsys):
    aws.client("secretsmanager").create_secret(
        Name=API_KEY_SECRET, SecretString="{}", Description="Orders' key"
    )

    status, out, _ = run(
        capsys,
        "--ignore",
        "secretsmanager-rotation-enabled-check",
        "--ignore",
        "secretsmanager-using-cmk",
    )

    assert status == 0
    assert out.splitlines()[1].endswith("$0.40  ok")


@pytest.mark.parametrize(
    ("arguments", "broken"),
    [
        ([], []),
        (
            ["--maximum-allowed-rotation-frequency", "29"],
            ["secretsmanager-rotation-enabled-check"],
        ),
        (["--maximum-allowed-rotation-frequency", "30"], []),
        (
            ["--maximum-allowed-rotation-frequency-in-hours", "719"],
            ["secretsmanager-rotation-enabled-check"],
        ),
        (["--maximum-allowed-rotation-frequency-in-hours", "720"], []),
        (
            ["--max-days-since-rotation", "9"],
            ["secretsmanager-secret-periodic-rotation"],
        ),
        (["--unused-for-days", "9"], ["secretsmanager-secret-unused"]),
        (
            ["--kms-key-arns", "arn:aws:kms:us-west-2:123456789012:key/other"],
            ["secretsmanager-using-cmk"],
        ),
        # Both limits: the stricter counts.
        (
            [
                "--maximum-allowed-rotation-frequency",
                "31",
                "--maximum-allowed-rotation-frequency-in-hours",
                "719",
            ],
            ["secretsmanager-rotation-enabled-check"],
        ),
        (
            [
                "--maximum-allowed-rotation-frequency",
                "29",
                "--maximum-allowed-rotation-frequency-in-hours",
                "1000",
            ],
            ["secretsmanager-rotation-enabled-check"],
        ),
    ],
)
def test_config_rule_parameters_change_what_breaks(
    aws, capsys, arguments, broken
):
    # Rotating every 30 days, created 10 days ago, with a key of its own.
    secrets = aws.client("secretsmanager")
    key = aws.client("kms").create_key()["KeyMetadata"]["Arn"]
    with time_machine.travel(days_ago(10), tick=False):
        secrets.create_secret(
            Name=API_KEY_SECRET,
            SecretString="{}",
            KmsKeyId=key,
            Description="orders",
        )
        secrets.rotate_secret(
            SecretId=API_KEY_SECRET,
            RotationLambdaARN=create_rotation_function(aws),
            RotationRules={"AutomaticallyAfterDays": 30},
            RotateImmediately=False,
        )

    with time_machine.travel(NOW, tick=False):
        _, out, _ = run(capsys, "--json", "--kms-key-arns", key, *arguments)

    [secret] = json.loads(out)["secrets"]
    assert [rule["rule"] for rule in secret["broken"]] == broken


@pytest.mark.parametrize(
    ("principal", "public"),
    [
        ("*", True),
        ({"AWS": "*"}, True),
        ({"AWS": ["arn:aws:iam::123456789012:root", "*"]}, True),
        ({"AWS": "arn:aws:iam::123456789012:root"}, False),
        ({"Service": "lambda.amazonaws.com"}, False),
    ],
)
def test_a_policy_is_public_when_it_allows_everyone(principal, public):
    statement = PUBLIC_POLICY["Statement"][0] | {"Principal": principal}

    assert grants_public_access({"Statement": [statement]}) is public
    # A single statement need not be in a list.
    assert grants_public_access({"Statement": statement}) is public


@pytest.mark.parametrize(
    "change",
    [
        {"Effect": "Deny"},
        {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-1234567"}}},
    ],
)
def test_a_denial_or_a_condition_is_not_public(change):
    statement = PUBLIC_POLICY["Statement"][0] | change

    assert not grants_public_access({"Statement": [statement]})


def test_a_policy_that_is_not_public_is_still_reported(aws, capsys):
    secrets = aws.client("secretsmanager")
    secrets.create_secret(
        Name=API_KEY_SECRET, SecretString="{}", Description="orders"
    )
    policy = PUBLIC_POLICY["Statement"][0] | {
        "Principal": {"AWS": "arn:aws:iam::123456789012:root"}
    }
    secrets.put_resource_policy(
        SecretId=API_KEY_SECRET,
        ResourcePolicy=json.dumps(
            {"Version": "2012-10-17", "Statement": [policy]}
        ),
    )

    _, out, _ = run(
        capsys,
        "--json",
        "--ignore",
        "secretsmanager-rotation-enabled-check",
        "--ignore",
        "secretsmanager-using-cmk",
    )

    [secret] = json.loads(out)["secrets"]
    assert secret["broken"] == [
        {
            "rule": "no-resource-policy",
            "why": "has a resource policy (not public)",
        }
    ]


# The AWS Config rules these secrets break are not what these tests check.
IGNORE_CONFIG_RULES = [
    "--ignore",
    "secretsmanager-rotation-enabled-check",
    "--ignore",
    "secretsmanager-using-cmk",
]


@pytest.mark.parametrize(
    ("name", "description", "broken"),
    [
        ("prod/orders", "orders", ["name-pattern"]),
        ("Prod/Orders/Postgres", "Orders database", ["name-pattern"]),
        ("test/orders/payments-api", "orders", ["name-pattern"]),
        ("orders-key", "", ["name-pattern", "owner-in-description"]),
        ("prod/orders/payments-api", "Payments", ["owner-in-description"]),
        ("prod/orders/mysql", "Orders", ["database-rotation"]),
    ],
)
def test_names_descriptions_and_databases_out_of_convention(
    aws, capsys, name, description, broken
):
    aws.client("secretsmanager").create_secret(
        Name=name, SecretString="{}", Description=description
    )

    _, out, _ = run(capsys, "--json", *IGNORE_CONFIG_RULES)

    [secret] = json.loads(out)["secrets"]
    assert [rule["rule"] for rule in secret["broken"]] == broken


def test_a_secret_rds_manages_keeps_its_name_and_counts_as_a_database(
    aws, capsys
):
    # RDS names the master user's secret rds!db-<id>, and owns it.
    aws.client("rds").create_db_instance(
        DBInstanceIdentifier="orders-db",
        DBInstanceClass="db.t3.micro",
        Engine="postgres",
        MasterUsername="orders_admin",
        ManageMasterUserPassword=True,
        AllocatedStorage=20,
    )

    _, out, _ = run(capsys, "--json", *IGNORE_CONFIG_RULES)

    [secret] = json.loads(out)["secrets"]
    assert secret["name"].startswith("rds!db-")
    # moto leaves its rotation off: our rule for database credentials says so.
    assert secret["broken"] == [
        {
            "rule": "database-rotation",
            "why": "database credentials with rotation off",
        }
    ]


@pytest.fixture
def two_regions(aws):
    """A secret in us-west-2 and one in eu-west-1."""
    for region in (REGION, REPLICA_REGION):
        boto3.client("secretsmanager", region_name=region).create_secret(
            Name=API_KEY_SECRET, SecretString="{}", Description="orders"
        )


def audited_regions(out: str) -> list[str]:
    return [secret["region"] for secret in json.loads(out)["secrets"]]


def test_an_unknown_region_is_named_and_the_others_are_kept(
    two_regions, capsys
):
    status, out, err = run(
        capsys, "--json", "--region", "us-west-9", "--region", REGION
    )

    assert status == 3
    assert audited_regions(out) == [REGION]
    assert json.loads(out)["not_audited"] == {
        "us-west-9": "not a region of Secrets Manager: check the spelling "
        "(such as us-west-2), or upgrade boto3 for a new region"
    }
    assert err == ""


# Region: (what AWS answers every request there with, what the audit says).
REGION_FAILURES = {
    "denied": (
        lambda: aws_error(
            "AccessDeniedException",
            "User: arn:aws:sts::123456789012:assumed-role/audit/audit is not "
            "authorized to perform: secretsmanager:ListSecrets because no "
            "identity-based policy allows the secretsmanager:ListSecrets "
            "action",
        ),
        "access denied (AccessDeniedException): give the role "
        "audit_secrets_policy.json in this region, or leave the region out",
    ),
    "throttled": (
        lambda: aws_error("ThrottlingException", "Rate exceeded"),
        "still throttled after 3 attempts: run again later, or allow more "
        "attempts with AWS_MAX_ATTEMPTS",
    ),
    "unreachable": (
        lambda: EndpointConnectionError(endpoint_url="https://example"),
        'Could not connect to the endpoint URL: "https://example"; check the '
        "network and your credentials",
    ),
    "refused": (
        lambda: aws_error("InvalidRequestException", "Something else"),
        "An error occurred (InvalidRequestException) when calling the "
        "ListSecrets operation: Something else; run again, or leave the "
        "region out",
    ),
}


@pytest.mark.parametrize("failure", REGION_FAILURES)
def test_a_failing_region_is_named_and_the_others_are_kept(
    two_regions, capsys, monkeypatch, failure
):
    answer, message = REGION_FAILURES[failure]
    # botocore's standard retries wait between attempts: not here.
    monkeypatch.setattr("botocore.endpoint.time.sleep", lambda _: None)

    with answering_in(REPLICA_REGION, answer):
        status, out, err = run(
            capsys, "--region", REPLICA_REGION, "--region", REGION
        )

    assert status == 3
    assert out.splitlines()[1].startswith(f"{REGION}  {API_KEY_SECRET}")
    assert REPLICA_REGION not in out
    assert err == f"Not audited: {REPLICA_REGION}: {message}\n"


def test_aws_max_attempts_sets_how_often_a_throttled_call_is_tried(
    two_regions, capsys, monkeypatch
):
    monkeypatch.setattr("botocore.endpoint.time.sleep", lambda _: None)
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "5")

    with answering_in(
        REGION, lambda: aws_error("ThrottlingException", "Rate exceeded")
    ) as requests:
        status, _, err = run(capsys)

    assert (status, len(requests)) == (3, 5)
    assert "still throttled after 5 attempts" in err


def test_a_throttled_call_is_retried(two_regions, capsys, monkeypatch):
    monkeypatch.setattr("botocore.endpoint.time.sleep", lambda _: None)
    answers = iter([aws_error("ThrottlingException", "Rate exceeded")])

    with answering_in(REGION, lambda: next(answers, None)) as requests:
        status, out, err = run(capsys, "--json", *IGNORE_CONFIG_RULES)

    assert (status, err) == (0, "")
    assert audited_regions(out) == [REGION]
    # Throttled once, then ListSecrets, DescribeSecret, GetResourcePolicy.
    assert len(requests) == 4


def test_without_a_region_it_says_how_to_give_one(capsys, monkeypatch):
    with monkeypatch.context() as without, default_session_events():
        without.delenv("AWS_DEFAULT_REGION")
        status, out, err = run(capsys)

    assert (status, out) == (2, "")
    assert err.endswith(
        "error: no region: pass --region, or set one in your profile\n"
    )


def test_calls_grow_with_pages_and_primary_secrets_only(aws, capsys):
    """ListSecrets per page of 100; DescribeSecret and GetResourcePolicy
    per primary secret not pending deletion; nothing for the others."""
    secrets = aws.client("secretsmanager")
    for number in range(150):
        secrets.create_secret(
            Name=f"prod/app/key-{number:03}", SecretString="{}"
        )
    secrets.replicate_secret_to_regions(
        SecretId="prod/app/key-000",
        AddReplicaRegions=[{"Region": REPLICA_REGION}],
    )
    secrets.delete_secret(SecretId="prod/app/key-149")

    with counting_calls() as calls:
        run(capsys, "--region", REGION, "--region", REPLICA_REGION)

    # us-west-2: 150 secrets, 2 pages; eu-west-1: 1 replica, 1 page.
    assert calls == {
        "ListSecrets": 2 + 1,
        "DescribeSecret": 149,
        "GetResourcePolicy": 149,
    }


def test_the_page_states_the_defaults_and_the_cost_of_1000_secrets():
    page = (DOCS / "how-to" / "audit.md").read_text()
    # 10 pages of ListSecrets, and two calls for each secret.
    calls = estimate_monthly_cost(api_calls=10 + 2 * 1_000).api_calls

    assert f"10 + 2,000 calls, {dollars(calls)} at" in page
    assert MAX_DAYS_SINCE_ROTATION == UNUSED_FOR_DAYS == 90
    assert "default 90 days" in page
