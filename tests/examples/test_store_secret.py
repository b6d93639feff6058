"""examples/store_secret.py and store_secret_cli.sh: the Python and AWS CLI
tabs of docs/how-to/store.md."""

import json

import pytest

from tests.support.aws import tabs
from tests.support.documented import API_KEY_SECRET, DATABASE_SECRET
from tests.support.paths import EXAMPLES

API_KEY = "EXAMPLE-replace-with-the-real-key"
# What the reader types: the AWS CLI tab asks for the API key, and the
# Python tab holds it in the code.
TYPED = {"store_secret.py": "", "store_secret_cli.sh": API_KEY + "\n"}


@pytest.fixture(params=tabs(*TYPED))
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def test_tab_stores_the_documented_secrets_without_tags_or_policy(aws, tab):
    aws.run_example(tab, stdin=TYPED[tab])

    credentials = json.loads((EXAMPLES / "database_secret.json").read_text())
    assert aws.secret_state(aws.name(DATABASE_SECRET)) == {
        "value": credentials,
        "description": "Orders database (RDS PostgreSQL), user orders_app",
        "tags": [],
        "kms_key": None,  # the default key, aws/secretsmanager
        "resource_policy": None,
    }
    assert aws.secret_state(aws.name(API_KEY_SECRET)) == {
        "value": {"api_key": API_KEY},
        "description": (
            "API key of the payment provider, used by the orders service"
        ),
        "tags": [],
        "kms_key": None,
        "resource_policy": None,
    }
