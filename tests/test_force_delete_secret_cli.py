"""examples/force_delete_secret_cli.sh, shown on docs/how-to/delete.md."""

import pytest

NAME = "dev/orders/payments-api"


def test_cli_tab_deletes_at_once_too(aws, tmp_path):
    secrets = aws.client("secretsmanager")
    secrets.create_secret(Name=aws.name(NAME), SecretString="{}")

    aws.run_example(
        "force_delete_secret_cli.sh",
        documented_names=[NAME],
        tmp_path=tmp_path,
    )

    with pytest.raises(secrets.exceptions.ResourceNotFoundException):
        secrets.restore_secret(SecretId=aws.name(NAME))
