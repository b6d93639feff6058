"""examples/cross_account_key_policy.json, shown on
docs/how-to/cross-account.md: the policy of the key that encrypts a secret
read from another account. moto's KMS takes any key policy and enforces
none across accounts, so these tests check the document itself."""

from tests.support.documented import ACCOUNT_ID, REGION
from tests.support.iam import (
    READER,
    READER_ROLE_ARN,
    fill,
    lint_resource_policy,
    statements,
)

POLICY = "cross_account_key_policy.json"


def test_parliament_finds_nothing_but_the_resource_star():
    # The tabs of docs/how-to/cross-account.md create a key with it, and
    # read it back (tests/examples/test_share_secret.py).
    assert lint_resource_policy(fill(POLICY, **READER)) == []


def test_the_owner_keeps_the_key_and_the_reader_may_only_decrypt():
    owner, reader = statements(fill(POLICY, **READER))

    # The statement of KMS's default key policy: the owner's IAM policies
    # manage the key, and KMS refuses a policy that locks them out.
    assert owner == {
        "Sid": "OwnerAccountManagesTheKeyThroughIAM",
        "Effect": "Allow",
        "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT_ID}:root"},
        "Action": "kms:*",
        "Resource": "*",
    }
    assert reader == {
        "Sid": "ReaderRoleDecryptsThroughSecretsManager",
        "Effect": "Allow",
        "Principal": {"AWS": READER_ROLE_ARN},
        "Action": "kms:Decrypt",
        "Resource": "*",
        "Condition": {
            "StringEquals": {
                "kms:ViaService": f"secretsmanager.{REGION}.amazonaws.com"
            }
        },
    }
