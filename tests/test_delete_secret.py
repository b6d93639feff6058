"""examples/delete_secret.py, shown on docs/how-to/delete.md."""

import json
from datetime import date, timedelta

import pytest
from botocore.exceptions import ClientError

NAME = "prod/orders/payments-api"
OTHER = "prod/orders/postgres"  # stays active: the listing must skip it


def test_script_schedules_deletion_lists_it_then_restores(aws, tmp_path):
    secrets = aws.client("secretsmanager")
    secrets.create_secret(
        Name=aws.name(NAME), SecretString=json.dumps({"api_key": "EXAMPLE"})
    )
    aws.create_database_secret(OTHER)
    before = aws.secret_state(aws.name(NAME))

    result = aws.run_example(
        "delete_secret.py", documented_names=[NAME, OTHER], tmp_path=tmp_path
    )

    # schedule_deletion: in 30 days (give or take a time zone).
    scheduled, *listed = result.stdout.splitlines()
    in_30_days = date.today() + timedelta(days=30)
    assert scheduled in {
        f"{aws.name(NAME)} will be deleted on {in_30_days + timedelta(days)}"
        for days in (-1, 0, 1)
    }
    # list_scheduled: the secret pending deletion, not the active one.
    assert aws.name(NAME) in listed
    assert aws.name(OTHER) not in listed
    # restore_secret: readable again, as it was.
    described = secrets.describe_secret(SecretId=aws.name(NAME))
    assert "DeletedDate" not in described
    assert aws.secret_state(aws.name(NAME)) == before


@pytest.mark.parametrize("days", [6, 31])
def test_a_recovery_window_outside_7_to_30_days_is_refused(aws, days):
    secrets = aws.client("secretsmanager")
    name = aws.create_database_secret(OTHER)

    with pytest.raises(secrets.exceptions.InvalidParameterException):
        secrets.delete_secret(SecretId=name, RecoveryWindowInDays=days)


def test_the_name_stays_taken_until_the_secret_is_deleted(aws):
    secrets = aws.client("secretsmanager")
    name = aws.create_database_secret(OTHER)
    secrets.delete_secret(SecretId=name, RecoveryWindowInDays=7)

    # AWS answers InvalidRequestException, moto ResourceExistsException.
    with pytest.raises(ClientError):
        secrets.create_secret(Name=name, SecretString="{}")
