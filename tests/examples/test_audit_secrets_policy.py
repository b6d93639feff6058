"""examples/audit_secrets_policy.json, shown on docs/how-to/audit.md: the
permissions of examples/audit_secrets.py, and nothing that reads a value."""

import json

import boto3
import pytest
from audit_secrets import main
from botocore.exceptions import ClientError
from moto.core import enable_iam_authentication

from tests.support.api_calls import default_session_events
from tests.support.documented import DATABASE_SECRET, REGION
from tests.support.iam import (
    assume_role_with_actions,
    create_secrets_and_lookalikes,
    fill,
    iam_matches,
    lint,
    statements,
)

pytestmark = pytest.mark.moto_only  # IAM enforcement is moto's

POLICY = "audit_secrets_policy.json"


def test_iam_accepts_the_policy_and_parliament_finds_nothing(aws):
    document = fill(POLICY)

    # IAM rejects a malformed document with MalformedPolicyDocument.
    aws.client("iam").create_policy(
        PolicyName="audit-secrets", PolicyDocument=document
    )
    assert lint(document) == []


def test_the_policy_lists_and_describes_and_reads_no_value():
    actions = set()
    for statement in statements(fill(POLICY)):
        action = statement["Action"]
        actions |= {action} if isinstance(action, str) else set(action)

    assert actions == {
        "secretsmanager:ListSecrets",
        "secretsmanager:DescribeSecret",
        "secretsmanager:GetResourcePolicy",
    }


def test_it_reaches_the_accounts_secrets_in_every_region_and_no_other_account(
    aws, monkeypatch
):
    [arn], [other_region, other_account] = create_secrets_and_lookalikes(
        aws, monkeypatch, [DATABASE_SECRET], []
    )
    _, described = statements(fill(POLICY))

    assert iam_matches(described["Resource"], arn)
    assert iam_matches(described["Resource"], other_region)
    assert not iam_matches(described["Resource"], other_account)


def test_the_audit_completes_as_a_role_holding_only_the_policy(
    aws, capsys, monkeypatch
):
    secrets = aws.client("secretsmanager")
    secrets.create_secret(
        Name=DATABASE_SECRET,
        SecretString="{}",
        AddReplicaRegions=[{"Region": "eu-west-1"}],
    )
    credentials = assume_role_with_actions(aws, fill(POLICY))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", credentials["AccessKeyId"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", credentials["SecretAccessKey"])
    monkeypatch.setenv("AWS_SESSION_TOKEN", credentials["SessionToken"])

    with default_session_events(), enable_iam_authentication():
        with pytest.raises(SystemExit) as exit_info:
            main(["--json", "--region", REGION, "--region", "eu-west-1"])
        # The same role cannot read the value.
        with pytest.raises(ClientError, match="AccessDenied"):
            boto3.client("secretsmanager").get_secret_value(
                SecretId=DATABASE_SECRET
            )

    report = json.loads(capsys.readouterr().out)
    assert exit_info.value.code == 1  # rotation is off, among others
    assert report["not_audited"] == {}
    assert [(s["region"], s["name"]) for s in report["secrets"]] == [
        (REGION, DATABASE_SECRET),
        ("eu-west-1", DATABASE_SECRET),
    ]
