"""examples/rotation_function_policy.json, shown on docs/how-to/rotate.md:
the permissions the rotation function's execution role needs."""

import json

import boto3
import pytest
from botocore.exceptions import ClientError
from moto.core import enable_iam_authentication

from tests.support.documented import DATABASE_SECRET
from tests.support.iam import (
    assume_role_with_actions,
    create_secret_and_neighbours,
    fill,
    iam_matches,
    lint,
    statements,
)
from tests.support.rotation import rotate, start_rotation

pytestmark = pytest.mark.moto_only  # IAM enforcement needs in-process moto

DOCUMENT = fill("rotation_function_policy.json")


def actions(statement: dict) -> list[str]:
    action = statement["Action"]
    return action if isinstance(action, list) else [action]


def without(document: str, left_out: str | None) -> str:
    """The document without one of its actions."""
    kept = [
        statement
        | {"Action": [a for a in actions(statement) if a != left_out]}
        for statement in statements(document)
    ]
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [s for s in kept if s["Action"]],
        }
    )


def test_iam_accepts_the_policy_and_parliament_finds_nothing(aws):
    aws.client("iam").create_policy(
        PolicyName="rotate-secret", PolicyDocument=DOCUMENT
    )
    assert lint(DOCUMENT) == []


def test_secret_statement_matches_the_secret_and_none_of_its_neighbours(
    aws, monkeypatch
):
    arn, neighbours = create_secret_and_neighbours(aws, monkeypatch)
    secret_statement, _ = statements(DOCUMENT)

    assert iam_matches(secret_statement["Resource"], arn)
    assert not any(
        iam_matches(secret_statement["Resource"], n) for n in neighbours
    )


@pytest.mark.parametrize(
    "left_out", [None, *(a for s in statements(DOCUMENT) for a in actions(s))]
)
def test_the_function_rotates_with_these_actions_and_needs_each(
    aws, database_credentials, monkeypatch, left_out
):
    name = aws.create_secret(DATABASE_SECRET, database_credentials)
    token = start_rotation(aws, name)
    credentials = assume_role_with_actions(aws, without(DOCUMENT, left_out))
    # Lambda gives the function its role's credentials in the environment.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", credentials["AccessKeyId"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", credentials["SecretAccessKey"])
    monkeypatch.setenv("AWS_SESSION_TOKEN", credentials["SessionToken"])
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)  # forget the old ones

    with enable_iam_authentication():
        if left_out is None:
            rotate(name, token)
        else:
            with pytest.raises(ClientError, match="AccessDenied"):
                rotate(name, token)
