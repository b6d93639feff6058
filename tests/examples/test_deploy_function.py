"""examples/deploy_function.py: the whole deployment on docs/secretm.md."""

import json
import os

import lambda_function
import pytest
import secretm

from tests.support.documented import DATABASE_SECRET, EXECUTION_ROLE
from tests.support.iam import iam_matches

pytestmark = [
    pytest.mark.moto_only,
    pytest.mark.aws_managed_policies,
]  # creates IAM and Lambda resources


def test_deployed_function_has_its_layer_role_policies_and_secret(
    aws, secretm_layer_zip, monkeypatch
):
    secret_arn = aws.client("secretsmanager").create_secret(
        Name=DATABASE_SECRET,
        SecretString=json.dumps({"dbname": "orders", "host": "db.internal"}),
    )["ARN"]
    for script in (
        "create_execution_role.py",
        "attach_read_policy.py",
        "deploy_function.py",
    ):
        aws.run_example(script)

    awslambda, iam = aws.client("lambda"), aws.client("iam")
    function = awslambda.get_function_configuration(
        FunctionName=EXECUTION_ROLE
    )
    [layer] = awslambda.list_layer_versions(LayerName="secretm")[
        "LayerVersions"
    ]
    assert [entry["Arn"] for entry in function["Layers"]] == [
        layer["LayerVersionArn"]
    ]
    assert function["Layers"][0]["CodeSize"] == os.path.getsize(
        secretm_layer_zip.filename
    )
    role = iam.get_role(RoleName=EXECUTION_ROLE)["Role"]
    assert function["Role"] == role["Arn"]
    assert role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"] == {
        "Service": "lambda.amazonaws.com"
    }
    attached = iam.list_attached_role_policies(RoleName=EXECUTION_ROLE)[
        "AttachedPolicies"
    ]
    assert sorted(p["PolicyName"] for p in attached) == [
        "AWSLambdaBasicExecutionRole",
        "read-prod-orders-postgres",
    ]
    read_policy = next(
        p for p in attached if p["PolicyName"].startswith("read")
    )
    version = iam.get_policy_version(
        PolicyArn=read_policy["PolicyArn"], VersionId="v1"
    )["PolicyVersion"]
    resource = version["Document"]["Statement"][0]["Resource"]
    assert iam_matches(resource, secret_arn)

    # moto stores the function but runs code only in Docker: call the handler
    # here, with the environment the function was deployed with.
    for name, value in function["Environment"]["Variables"].items():
        monkeypatch.setenv(name, value)
    secretm.clear_cache()
    assert lambda_function.lambda_handler({}, None) == {
        "database": "orders",
        "host": "db.internal",
    }
