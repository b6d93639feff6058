"""examples/live_trust_policy.json, the trust policy of the role that live
runs use (docs/contributing.md): only GitHub's OIDC provider, for workflows
of this repository's main branch, may assume it."""

import pytest

from tests.support.documented import ACCOUNT_ID
from tests.support.iam import fill, statements

pytestmark = pytest.mark.moto_only("moto's IAM")

POLICY = "live_trust_policy.json"
GITHUB = "token.actions.githubusercontent.com"


def test_iam_accepts_it_as_a_roles_trust_policy(aws):
    iam = aws.client("iam")

    iam.create_role(
        RoleName="docs-live-ci", AssumeRolePolicyDocument=fill(POLICY)
    )

    role = iam.get_role(RoleName="docs-live-ci")["Role"]
    assert (
        statements(fill(POLICY))
        == role["AssumeRolePolicyDocument"]["Statement"]
    )


def test_only_the_main_branch_of_the_repository_may_assume_it():
    [statement] = statements(fill(POLICY, GITHUB_REPOSITORY="owner/name"))

    assert statement["Principal"] == {
        "Federated": f"arn:aws:iam::{ACCOUNT_ID}:oidc-provider/{GITHUB}"
    }
    assert statement["Action"] == "sts:AssumeRoleWithWebIdentity"
    # Exact values: no wildcard lets another repository or branch in.
    assert statement["Condition"] == {
        "StringEquals": {
            f"{GITHUB}:aud": "sts.amazonaws.com",
            f"{GITHUB}:sub": "repo:owner/name:ref:refs/heads/main",
        }
    }
