"""examples/delete_secret.py and delete_secret_cli.sh: the Python and AWS
CLI tabs of docs/how-to/delete.md. Run as one script, each tab's sections
schedule a secret's deletion, list the secrets pending deletion, then
restore the secret."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from botocore.exceptions import ClientError

from tests.support.aws import tabs
from tests.support.documented import API_KEY_SECRET, DATABASE_SECRET


def python_output(stdout: str) -> tuple[str, date, list[str]]:
    scheduled, *listed = stdout.splitlines()
    name, deletion_date = scheduled.split(" will be deleted on ")
    return name, date.fromisoformat(deletion_date), listed


def cli_output(stdout: str) -> tuple[str, date, list[str]]:
    # delete-secret answers with JSON; the listing prints a name per line.
    deleted, end = json.JSONDecoder().raw_decode(stdout)
    # AWS CLI v1 prints the timestamp as the API sends it, v2 in ISO 8601.
    when = deleted["DeletionDate"]
    deletion = (
        datetime.fromisoformat(when)
        if isinstance(when, str)
        else datetime.fromtimestamp(when, UTC)
    )
    return deleted["Name"], deletion.date(), stdout[end:].split()


# How to read each tab's output: the secret scheduled for deletion, the
# date it would be deleted on, and the names listed as pending deletion.
OUTPUT = {
    "delete_secret.py": python_output,
    "delete_secret_cli.sh": cli_output,
}


@pytest.fixture(params=tabs(*OUTPUT))
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def test_tab_schedules_deletion_lists_it_then_restores(aws, tab):
    name = aws.create_secret(API_KEY_SECRET, {"api_key": "EXAMPLE"})
    other = aws.create_database_secret(DATABASE_SECRET)  # stays active
    before = aws.secret_state(name)

    result = aws.run_example(tab)

    scheduled, deletion_date, listed = OUTPUT[tab](result.stdout)
    # schedule_deletion: in 30 days (give or take a time zone).
    assert scheduled == name
    in_30_days = datetime.now(UTC).date() + timedelta(days=30)
    assert abs(deletion_date - in_30_days) <= timedelta(days=1)
    # list_scheduled: the secret pending deletion, not the active one.
    assert name in listed
    assert other not in listed
    # restore_secret: readable again, as it was.
    described = aws.client("secretsmanager").describe_secret(SecretId=name)
    assert "DeletedDate" not in described
    assert aws.secret_state(name) == before


@pytest.mark.parametrize("days", [6, 31])
def test_a_recovery_window_outside_7_to_30_days_is_refused(aws, days):
    secrets = aws.client("secretsmanager")
    name = aws.create_database_secret(DATABASE_SECRET)

    with pytest.raises(secrets.exceptions.InvalidParameterException):
        secrets.delete_secret(SecretId=name, RecoveryWindowInDays=days)


def test_the_name_stays_taken_until_the_secret_is_deleted(aws):
    secrets = aws.client("secretsmanager")
    name = aws.create_database_secret(DATABASE_SECRET)
    secrets.delete_secret(SecretId=name, RecoveryWindowInDays=7)

    # AWS answers InvalidRequestException, moto ResourceExistsException.
    with pytest.raises(ClientError):
        secrets.create_secret(Name=name, SecretString="{}")
