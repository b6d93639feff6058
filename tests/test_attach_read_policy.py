"""examples/attach_read_policy.py, shown on docs/policies.md."""

import json

import pytest
from iam_checks import (
    attached_policies,
    create_execution_role,
    fill,
    iam_matches,
)

pytestmark = pytest.mark.moto_only  # creates IAM policies in the account


def test_role_gets_the_template_filled_for_the_secret(aws, tmp_path):
    arn = aws.client("secretsmanager").create_secret(
        Name="prod/orders/postgres", SecretString="{}"
    )["ARN"]
    iam = aws.client("iam")
    create_execution_role(iam)

    aws.run_example(
        "attach_read_policy.py", documented_names=[], tmp_path=tmp_path
    )

    [policy] = attached_policies(iam)
    assert policy["name"] == "read-prod-orders-postgres"
    assert policy["description"] == "Read the secret prod/orders/postgres"
    assert policy["document"] == json.loads(fill("read_secret_policy.json"))
    assert iam_matches(policy["document"]["Statement"][0]["Resource"], arn)
