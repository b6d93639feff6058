"""examples/create_execution_role.py, shown on docs/secretm.md."""

import pytest

pytestmark = [
    pytest.mark.moto_only,
    pytest.mark.aws_managed_policies,
]  # creates an IAM role in the account


def test_role_trusts_lambda_and_may_write_logs(aws, tmp_path):
    aws.run_example(
        "create_execution_role.py", documented_names=[], tmp_path=tmp_path
    )

    iam = aws.client("iam")
    role = iam.get_role(RoleName="orders-api")["Role"]
    [statement] = role["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Principal"] == {"Service": "lambda.amazonaws.com"}
    attached = iam.list_attached_role_policies(RoleName="orders-api")
    assert [p["PolicyName"] for p in attached["AttachedPolicies"]] == [
        "AWSLambdaBasicExecutionRole"
    ]
