"""examples/read_secrets_prefix_policy.json, shown on docs/policies.md."""

import pytest

from tests.support.documented import (
    API_KEY_SECRET,
    DATABASE_SECRET,
    DEV_API_KEY_SECRET,
)
from tests.support.iam import (
    assert_allows_reading_only,
    create_secrets_and_lookalikes,
    fill,
    iam_matches,
    lint,
    statements,
)

POLICY = "read_secrets_prefix_policy.json"
UNDER_THE_PREFIX = [
    DATABASE_SECRET,
    API_KEY_SECRET,
    f"{DATABASE_SECRET}/replica",
]
# Names that start like the prefix, or hold the same words, but are not
# under prod/orders/.
LOOKALIKES = [
    "prod/orders",
    "prod/orders-other/postgres",
    "prod/ordersx",
    "PROD/ORDERS/postgres",
    DEV_API_KEY_SECRET,
]


@pytest.fixture
def arns(aws, monkeypatch) -> tuple[list[str], list[str]]:
    """The ARNs moto generates for the secrets under the prefix, and for
    the lookalikes, and the first name in another region and account."""
    return create_secrets_and_lookalikes(
        aws, monkeypatch, UNDER_THE_PREFIX, LOOKALIKES
    )


def the_resource() -> str:
    [statement] = statements(fill(POLICY))
    return statement["Resource"]


@pytest.mark.moto_only
def test_iam_accepts_the_policy_and_parliament_finds_nothing(aws):
    document = fill(POLICY)

    # IAM rejects a malformed document with MalformedPolicyDocument.
    aws.client("iam").create_policy(
        PolicyName="read-prod-orders", PolicyDocument=document
    )
    assert lint(document) == []


@pytest.mark.moto_only
def test_policy_allows_reading_secrets_and_nothing_else(aws):
    aws.client("secretsmanager").create_secret(
        Name=DATABASE_SECRET, SecretString="{}"
    )

    assert_allows_reading_only(aws, fill(POLICY), DATABASE_SECRET)


@pytest.mark.moto_only
def test_resource_matches_every_secret_under_the_prefix_and_no_other(arns):
    inside, outside = arns

    assert all(iam_matches(the_resource(), arn) for arn in inside)
    assert [arn for arn in outside if iam_matches(the_resource(), arn)] == []


@pytest.mark.moto_only
def test_without_its_slash_the_prefix_would_match_other_names(arns):
    # Why the prefix ends in "/": prod/orders* reaches other folders too.
    inside, outside = arns
    no_slash = the_resource().replace("prod/orders/*", "prod/orders*")

    assert all(iam_matches(no_slash, arn) for arn in inside)
    matched = [arn for arn in outside if iam_matches(no_slash, arn)]
    assert [arn.split(":secret:")[1][:-7] for arn in matched] == [
        "prod/orders",
        "prod/orders-other/postgres",
        "prod/ordersx",
    ]
