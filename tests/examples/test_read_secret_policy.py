"""examples/read_secret_policy.json, shown on docs/policies.md."""

import json

import pytest

from tests.support.documented import DATABASE_SECRET
from tests.support.iam import (
    assert_allows_reading_only,
    create_secret_and_neighbours,
    fill,
    iam_matches,
    lint,
    statements,
)

# The original page's policy, without the comment that made it invalid JSON.
ORIGINAL = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": ["secretsmanager:GetSecretValue"],
            "Resource": "*",
        }
    ],
}


@pytest.mark.moto_only
def test_iam_accepts_the_policy_and_parliament_finds_nothing(aws):
    document = fill("read_secret_policy.json")

    # IAM rejects a malformed document with MalformedPolicyDocument.
    aws.client("iam").create_policy(
        PolicyName="read-secret", PolicyDocument=document
    )
    assert lint(document) == []


def test_parliament_flags_the_original_pages_policy():
    assert lint(json.dumps(ORIGINAL)) == [
        "RESOURCE_STAR: ['secretsmanager:GetSecretValue']"
    ]


@pytest.mark.moto_only
def test_policy_allows_reading_the_secret_and_nothing_else(aws):
    aws.client("secretsmanager").create_secret(
        Name=DATABASE_SECRET, SecretString="{}"
    )

    assert_allows_reading_only(
        aws, fill("read_secret_policy.json"), DATABASE_SECRET
    )


@pytest.mark.moto_only
def test_resource_matches_the_secret_and_none_of_its_neighbours(
    aws, monkeypatch
):
    arn, neighbours = create_secret_and_neighbours(aws, monkeypatch)
    [statement] = statements(fill("read_secret_policy.json"))

    assert iam_matches(statement["Resource"], arn)
    assert [
        n for n in neighbours if iam_matches(statement["Resource"], n)
    ] == []


@pytest.mark.moto_only
def test_name_star_would_also_match_a_longer_name(aws, monkeypatch):
    # Why the page uses -?????? and not -*.
    arn, neighbours = create_secret_and_neighbours(aws, monkeypatch)
    [statement] = statements(fill("read_secret_policy.json"))
    name_star = statement["Resource"].replace("-??????", "-*")

    assert iam_matches(name_star, arn)
    assert any(iam_matches(name_star, neighbour) for neighbour in neighbours)
