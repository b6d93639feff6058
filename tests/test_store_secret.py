"""examples/store_secret.py, shown on docs/how-to/store.md."""

import json

import pytest


def test_store_secret_creates_a_json_secret_without_tags_or_policy(aws):
    example = aws.import_example("store_secret.py")
    name = aws.name("prod/orders/postgres")
    credentials = json.loads((aws.examples_dir / "database_secret.json").read_text())

    arn = example.store_secret(name, "Orders database", credentials)

    assert aws.secret_json(arn) == credentials
    secrets = aws.client("secretsmanager")
    described = secrets.describe_secret(SecretId=name)
    assert described["ARN"] == arn
    assert described["Description"] == "Orders database"
    assert not described.get("Tags")
    assert "ResourcePolicy" not in secrets.get_resource_policy(SecretId=name)


def test_store_secret_refuses_an_existing_name_and_keeps_the_stored_value(aws):
    example = aws.import_example("store_secret.py")
    name = aws.name("prod/orders/payments-api")
    example.store_secret(name, "Payments API", {"api_key": "first-value"})

    with pytest.raises(ValueError, match="already exists") as error:
        example.store_secret(name, "Payments API", {"api_key": "second-value"})

    assert name in str(error.value)
    assert "second-value" not in str(error.value)
    assert aws.secret_json(name) == {"api_key": "first-value"}


def test_running_the_script_stores_the_documented_secrets(aws, tmp_path):
    aws.run_example(
        "store_secret.py",
        documented_names=["prod/orders/postgres", "prod/orders/payments-api"],
        tmp_path=tmp_path,
    )

    credentials = json.loads((aws.examples_dir / "database_secret.json").read_text())
    assert aws.secret_json(aws.name("prod/orders/postgres")) == credentials
    assert aws.secret_json(aws.name("prod/orders/payments-api")) == {
        "api_key": "EXAMPLE-replace-with-the-real-key"
    }
