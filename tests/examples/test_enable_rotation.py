"""examples/enable_rotation.py and enable_rotation_cli.sh: the tabs of
docs/how-to/rotate.md that turn rotation on."""

import json

import pytest

from tests.support.aws import tabs
from tests.support.documented import (
    ACCOUNT_ID,
    DATABASE_SECRET,
    ROTATION_FUNCTION,
)
from tests.support.rotation import create_rotation_function, versions

pytestmark = pytest.mark.moto_only  # deploys a Lambda function in moto


@pytest.fixture(params=tabs("enable_rotation.py", "enable_rotation_cli.sh"))
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def rotation_setup(aws, secret_id: str) -> dict:
    """How rotation is set up for the secret, without generated ids."""
    described = aws.client("secretsmanager").describe_secret(
        SecretId=secret_id
    )
    policy = aws.client("lambda").get_policy(FunctionName=ROTATION_FUNCTION)
    keys = ("Effect", "Principal", "Action", "Condition")
    return {
        "enabled": described.get("RotationEnabled"),
        "function": described.get("RotationLambdaARN"),
        "rules": described.get("RotationRules"),
        "invoke_permission": [
            {key: statement.get(key) for key in keys}
            for statement in json.loads(policy["Policy"])["Statement"]
        ],
        "versions": sorted(
            (sorted(stages), value)
            for stages, value in versions(aws, secret_id).values()
        ),
    }


def test_tab_lets_secrets_manager_rotate_the_secret_every_30_days(aws, tab):
    value = json.dumps({"username": "orders_app", "password": "unchanged"})
    aws.client("secretsmanager").create_secret(
        Name=DATABASE_SECRET, SecretString=value
    )
    function_arn = create_rotation_function(aws)

    aws.run_example(tab)

    assert rotation_setup(aws, DATABASE_SECRET) == {
        "enabled": True,
        "function": function_arn,
        "rules": {"AutomaticallyAfterDays": 30},
        "invoke_permission": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "secretsmanager.amazonaws.com"},
                "Action": "lambda:InvokeFunction",
                "Condition": {
                    "StringEquals": {"AWS:SourceAccount": ACCOUNT_ID}
                },
            }
        ],
        # AWS now calls the function for each step of the first rotation.
        # moto cannot run it: it records the new AWSPENDING version, which
        # createSecret fills, without a value, and leaves AWSCURRENT alone.
        # test_rotate_postgres.py runs the steps on a real database.
        "versions": [(["AWSCURRENT"], value), (["AWSPENDING"], None)],
    }
