"""examples/read_secret_kms_policy.json, shown on docs/policies.md."""

import pytest

from tests.support.documented import DATABASE_SECRET, REGION
from tests.support.iam import (
    assert_allows_reading_only,
    create_secret_and_neighbours,
    fill,
    iam_matches,
    lint,
    statements,
)

pytestmark = pytest.mark.moto_only


def create_key(aws) -> dict:
    return aws.client("kms").create_key(Description="orders secrets")[
        "KeyMetadata"
    ]


def test_iam_accepts_the_policy_and_parliament_finds_nothing(aws):
    key = create_key(aws)
    document = fill("read_secret_kms_policy.json", KMS_KEY_ID=key["KeyId"])

    aws.client("iam").create_policy(
        PolicyName="read-secret-kms", PolicyDocument=document
    )
    assert lint(document) == []


def test_policy_allows_reading_the_secret_and_nothing_else(aws):
    key = create_key(aws)
    aws.client("secretsmanager").create_secret(
        Name=DATABASE_SECRET, SecretString="{}", KmsKeyId=key["KeyId"]
    )

    assert_allows_reading_only(
        aws,
        fill("read_secret_kms_policy.json", KMS_KEY_ID=key["KeyId"]),
        DATABASE_SECRET,
    )


def test_resources_match_the_secret_and_its_key_only(aws, monkeypatch):
    arn, neighbours = create_secret_and_neighbours(aws, monkeypatch)
    key, other_key = create_key(aws), create_key(aws)
    document = fill("read_secret_kms_policy.json", KMS_KEY_ID=key["KeyId"])
    secret_statement, key_statement = statements(document)

    assert iam_matches(secret_statement["Resource"], arn)
    assert not any(
        iam_matches(secret_statement["Resource"], n) for n in neighbours
    )
    assert iam_matches(key_statement["Resource"], key["Arn"])
    assert not iam_matches(key_statement["Resource"], other_key["Arn"])


def test_decrypt_is_limited_to_secrets_manager_in_the_secrets_region():
    # moto ignores conditions, so this checks the filled document itself.
    _, key_statement = statements(
        fill("read_secret_kms_policy.json", KMS_KEY_ID="any-key")
    )

    assert key_statement["Action"] == "kms:Decrypt"
    assert key_statement["Condition"] == {
        "StringEquals": {
            "kms:ViaService": (f"secretsmanager.{REGION}.amazonaws.com")
        }
    }
