"""examples/read_secrets_batch_policy.json, shown on docs/policies.md: what a
role needs to read several secrets in one BatchGetSecretValue call."""

import pytest
from botocore.exceptions import ClientError
from moto.core import enable_iam_authentication

from tests.support.documented import API_KEY_SECRET, DATABASE_SECRET
from tests.support.iam import (
    assert_allows_reading_only,
    assume_role_with_actions,
    fill,
    lint,
    secrets_client_as,
    statements,
)

POLICY = "read_secrets_batch_policy.json"

pytestmark = pytest.mark.moto_only  # IAM enforcement


@pytest.fixture
def stored(aws) -> list[str]:
    secrets = aws.client("secretsmanager")
    for name in (DATABASE_SECRET, API_KEY_SECRET):
        secrets.create_secret(Name=name, SecretString="{}")
    return [DATABASE_SECRET, API_KEY_SECRET]


def batch_read(aws, document: str, names: list[str]) -> str:
    """What a role holding the document's actions gets from a batch read of
    `names`: "allowed", or the error's message."""
    secrets = secrets_client_as(assume_role_with_actions(aws, document))
    with enable_iam_authentication():
        try:
            response = secrets.batch_get_secret_value(SecretIdList=names)
        except ClientError as error:
            return str(error)
    assert [secret["Name"] for secret in response["SecretValues"]] == names
    return "allowed"


def test_iam_accepts_the_policy_and_parliament_finds_nothing(aws):
    document = fill(POLICY)

    # IAM rejects a malformed document with MalformedPolicyDocument.
    aws.client("iam").create_policy(
        PolicyName="read-prod-orders-batch", PolicyDocument=document
    )
    assert lint(document) == []


def test_policy_allows_batch_reads(aws, stored):
    assert batch_read(aws, fill(POLICY), stored) == "allowed"


def test_the_read_policy_alone_does_not_allow_batch_reads(aws, stored):
    outcome = batch_read(aws, fill("read_secret_policy.json"), stored)

    assert "AccessDenied" in outcome
    assert "secretsmanager:BatchGetSecretValue" in outcome


def test_policy_allows_reading_and_nothing_else(aws, stored):
    # Not ListSecrets either: reading by filter needs it too.
    assert_allows_reading_only(aws, fill(POLICY), DATABASE_SECRET)


def test_the_secrets_it_reads_are_those_of_the_prefix_policy():
    # BatchGetSecretValue names no secret: its statement must be "*". Which
    # secrets are read is GetSecretValue's: the prefix policy's resource,
    # whose matches test_read_secrets_prefix_policy.py checks.
    batch, read = statements(fill(POLICY))
    [prefix] = statements(fill("read_secrets_prefix_policy.json"))

    assert (batch["Action"], batch["Resource"]) == (
        "secretsmanager:BatchGetSecretValue",
        "*",
    )
    assert (read["Action"], read["Resource"]) == (
        prefix["Action"],
        prefix["Resource"],
    )
