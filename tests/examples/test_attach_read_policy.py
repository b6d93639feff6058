"""examples/attach_read_policy.py and attach_read_policy_cli.sh: the tabs
of docs/policies.md that give the function's role the read policy."""

import json

import pytest

from tests.support.aws import tabs
from tests.support.documented import DATABASE_SECRET
from tests.support.iam import (
    attached_policies,
    create_execution_role,
    fill,
    iam_matches,
)

pytestmark = pytest.mark.moto_only  # creates IAM policies in the account


@pytest.fixture(
    params=tabs("attach_read_policy.py", "attach_read_policy_cli.sh")
)
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def test_role_gets_the_template_filled_for_the_secret(aws, tab):
    arn = aws.client("secretsmanager").create_secret(
        Name=DATABASE_SECRET, SecretString="{}"
    )["ARN"]
    iam = aws.client("iam")
    create_execution_role(iam)

    aws.run_example(tab)

    [policy] = attached_policies(iam)
    assert policy["name"] == "read-prod-orders-postgres"
    assert policy["description"] == f"Read the secret {DATABASE_SECRET}"
    assert policy["document"] == json.loads(fill("read_secret_policy.json"))
    assert iam_matches(policy["document"]["Statement"][0]["Resource"], arn)
