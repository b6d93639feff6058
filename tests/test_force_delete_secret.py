"""examples/force_delete_secret.py, shown on docs/how-to/delete.md."""

import pytest

NAME = "dev/orders/payments-api"


def test_secret_is_gone_at_once_and_cannot_be_restored(aws, tmp_path):
    secrets = aws.client("secretsmanager")
    secrets.create_secret(Name=aws.name(NAME), SecretString="{}")

    aws.run_example(
        "force_delete_secret.py", documented_names=[NAME], tmp_path=tmp_path
    )

    for call in (secrets.describe_secret, secrets.restore_secret):
        with pytest.raises(secrets.exceptions.ResourceNotFoundException):
            call(SecretId=aws.name(NAME))
