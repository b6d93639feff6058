"""examples/store_secret.py, shown on docs/how-to/store.md."""

import json

DOCUMENTED_NAMES = ["prod/orders/postgres", "prod/orders/payments-api"]


def test_script_stores_the_documented_secrets_without_tags_or_policy(
    aws, tmp_path
):
    aws.run_example(
        "store_secret.py", documented_names=DOCUMENTED_NAMES, tmp_path=tmp_path
    )

    credentials = json.loads(
        (aws.examples_dir / "database_secret.json").read_text()
    )
    assert aws.secret_state(aws.name("prod/orders/postgres")) == {
        "value": credentials,
        "description": "Orders database (RDS PostgreSQL), user orders_app",
        "tags": [],
        "kms_key": None,  # the default key, aws/secretsmanager
        "resource_policy": None,
    }
    assert aws.secret_state(aws.name("prod/orders/payments-api")) == {
        "value": {"api_key": "EXAMPLE-replace-with-the-real-key"},
        "description": (
            "API key of the payment provider, used by the orders service"
        ),
        "tags": [],
        "kms_key": None,
        "resource_policy": None,
    }
