"""examples/lambda_trust_policy.json, shown on docs/policies.md."""

import json

import pytest

from tests.support.documented import EXECUTION_ROLE
from tests.support.iam import create_execution_role
from tests.support.paths import EXAMPLES


def test_only_the_lambda_service_may_assume_the_role():
    document = json.loads((EXAMPLES / "lambda_trust_policy.json").read_text())

    assert document["Version"] == "2012-10-17"
    assert document["Statement"] == [
        {
            "Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }
    ]


@pytest.mark.moto_only
def test_iam_creates_a_role_with_it(aws):
    iam = aws.client("iam")

    create_execution_role(iam)

    role = iam.get_role(RoleName=EXECUTION_ROLE)["Role"]
    assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
        "Service": "lambda.amazonaws.com"
    }
