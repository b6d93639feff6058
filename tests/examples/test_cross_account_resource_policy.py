"""examples/cross_account_resource_policy.json, shown on
docs/how-to/cross-account.md: the secret's policy that lets a role of
another account read it. moto stores resource policies but enforces none,
and does not implement ValidateResourcePolicy: these tests check the
document, and what moto does with BlockPublicPolicy."""

import json

import pytest

from tests.support.documented import DATABASE_SECRET
from tests.support.iam import (
    READER,
    READER_ROLE_ARN,
    fill,
    lint_resource_policy,
    statements,
)

POLICY = "cross_account_resource_policy.json"


def test_parliament_finds_nothing_but_the_resource_star():
    # The tabs of docs/how-to/cross-account.md attach it, and read it back
    # (tests/examples/test_share_secret.py).
    assert lint_resource_policy(fill(POLICY, **READER)) == []


def test_only_the_readers_role_may_read_the_value():
    # "Resource": "*" in a secret's policy is the secret itself.
    assert statements(fill(POLICY, **READER)) == [
        {
            "Sid": "ReaderRoleReadsThisSecret",
            "Effect": "Allow",
            "Principal": {"AWS": READER_ROLE_ARN},
            "Action": "secretsmanager:GetSecretValue",
            "Resource": "*",
        }
    ]


@pytest.mark.moto_only
def test_moto_does_not_refuse_a_public_policy(aws):
    # AWS answers PublicPolicyException; moto stores the policy. When this
    # fails, moto checks BlockPublicPolicy: test the page's tabs against it
    # and say so on the page.
    secrets = aws.client("secretsmanager")
    name = aws.create_database_secret(DATABASE_SECRET)
    [statement] = statements(fill(POLICY, **READER))
    public = {"Version": "2012-10-17", "Statement": [statement]}
    statement["Principal"] = "*"

    secrets.put_resource_policy(
        SecretId=name,
        ResourcePolicy=json.dumps(public),
        BlockPublicPolicy=True,
    )

    stored = secrets.get_resource_policy(SecretId=name)["ResourcePolicy"]
    assert json.loads(stored) == public
