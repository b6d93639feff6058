"""examples/create_execution_role.py, shown on docs/secretm.md."""

import pytest

from tests.support.documented import EXECUTION_ROLE

pytestmark = [
    pytest.mark.moto_only,
    pytest.mark.aws_managed_policies,
]  # creates an IAM role in the account


def test_role_trusts_lambda_and_may_write_logs(aws):
    aws.run_example("create_execution_role.py")

    iam = aws.client("iam")
    role = iam.get_role(RoleName=EXECUTION_ROLE)["Role"]
    [statement] = role["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Principal"] == {"Service": "lambda.amazonaws.com"}
    attached = iam.list_attached_role_policies(RoleName=EXECUTION_ROLE)
    assert [p["PolicyName"] for p in attached["AttachedPolicies"]] == [
        "AWSLambdaBasicExecutionRole"
    ]
