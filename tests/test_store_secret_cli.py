"""examples/store_secret_cli.sh, shown on docs/how-to/store.md."""

import json


def test_cli_commands_store_the_documented_secrets(aws, tmp_path):
    aws.run_example(
        "store_secret_cli.sh",
        documented_names=["prod/orders/postgres", "prod/orders/payments-api"],
        tmp_path=tmp_path,
    )

    credentials = json.loads((aws.examples_dir / "database_secret.json").read_text())
    assert aws.secret_json(aws.name("prod/orders/postgres")) == credentials
    assert aws.secret_json(aws.name("prod/orders/payments-api")) == {
        "api_key": "EXAMPLE-replace-with-the-real-key"
    }
