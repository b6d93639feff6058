"""examples/rotate_postgres.py, the rotation function on docs/how-to/rotate.md,
run step by step against moto and a real PostgreSQL server."""

import json
import logging
import time
import uuid
from datetime import UTC, datetime

import psycopg
import pytest
import rotate_postgres
import secretm
import time_machine

from tests.support.documented import DATABASE_SECRET
from tests.support.rotation import (
    STEPS,
    current_credentials,
    logs_in,
    rotate,
    run_step,
    start_rotation,
    versions,
)

pytestmark = pytest.mark.moto_only  # moto's rotate_secret starts each one


@pytest.fixture
def secret(aws, database_credentials) -> str:
    """The documented secret, for a user of the test's database."""
    return aws.create_secret(DATABASE_SECRET, database_credentials)


def passwords(secret_versions: dict) -> list[str]:
    return [
        json.loads(value)["password"]
        for _, value in secret_versions.values()
        if value
    ]


def test_rotation_changes_the_password_in_the_database_and_the_secret(
    aws, secret, database_credentials, postgres, caplog
):
    # Everything logged, as by a function whose log level is set to DEBUG.
    caplog.set_level(logging.DEBUG)
    # Log every statement of the user, as an audit setting might.
    with postgres.connect() as connection:
        connection.execute("ALTER ROLE orders_app SET log_statement = 'all'")
    [old_version] = versions(aws, secret)
    token = start_rotation(aws, secret)

    rotate(secret, token)

    new = current_credentials(aws, secret)
    old_password = database_credentials.pop("password")
    assert new.pop("password") != old_password
    assert new == database_credentials  # the same user, host and database
    assert logs_in(current_credentials(aws, secret))
    assert not logs_in(database_credentials | {"password": old_password})
    # Where AWS leaves the stages: AWSCURRENT on the new version and
    # AWSPREVIOUS on the old one; AWSPENDING stays on the new version, or on
    # none (the RotateSecret API reference).
    stages = {version: s for version, (s, _) in versions(aws, secret).items()}
    assert stages == {
        token: {"AWSCURRENT", "AWSPENDING"},
        old_version: {"AWSPREVIOUS"},
    }
    # Neither password is logged, by the function or by the server.
    logs = caplog.text + postgres.log.read_text()
    for password in passwords(versions(aws, secret)):
        assert password not in logs


def test_new_passwords_leave_out_what_aws_rotation_functions_leave_out():
    # AWS's templates exclude :/@"'\ ; RDS also refuses the space.
    assert set(":/@\"'\\ ") <= set(rotate_postgres.EXCLUDED_CHARACTERS)


def test_each_step_called_again_changes_nothing(
    aws, secret, database_credentials
):
    token = start_rotation(aws, secret)

    for step in STEPS:
        run_step(secret, token, step)
        after_first_call = versions(aws, secret), logs_in(database_credentials)
        run_step(secret, token, step)
        assert (versions(aws, secret), logs_in(database_credentials)) == (
            after_first_call
        ), f"{step} changed something when called again"

    assert logs_in(current_credentials(aws, secret))
    assert not logs_in(database_credentials)


def test_a_failed_set_secret_moves_no_stage_and_a_retry_completes(
    aws, secret, database_credentials, postgres
):
    token = start_rotation(aws, secret)
    run_step(secret, token, "createSecret")
    before = versions(aws, secret)
    # The database accepts logins but no change, as a read-only one would.
    user = database_credentials["username"]
    with postgres.connect() as connection:
        connection.execute(
            f"ALTER ROLE {user} SET default_transaction_read_only = on"
        )

    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        run_step(secret, token, "setSecret")

    assert versions(aws, secret) == before
    assert current_credentials(aws, secret) == database_credentials
    assert logs_in(database_credentials)

    # Secrets Manager tries again later, with the same token.
    with postgres.connect() as connection:
        connection.execute(f"ALTER ROLE {user} RESET ALL")
    for step in STEPS[1:]:
        run_step(secret, token, step)
    assert logs_in(current_credentials(aws, secret))
    assert not logs_in(database_credentials)


def test_set_secret_gives_up_when_another_session_is_changing_the_user(
    aws, secret, database_credentials, postgres
):
    token = start_rotation(aws, secret)
    run_step(secret, token, "createSecret")
    before = versions(aws, secret)
    [pending] = [
        value for stages, value in before.values() if "AWSPENDING" in stages
    ]
    logged_before = postgres.log.stat().st_size
    with postgres.connect() as other:
        # Its change holds the user until its transaction ends: after 15
        # seconds, if setSecret waits for it.
        other.execute("SET idle_in_transaction_session_timeout = '15s'")
        other.execute("BEGIN")
        other.execute("ALTER ROLE orders_app CONNECTION LIMIT 10")
        started = time.monotonic()
        with pytest.raises(psycopg.errors.LockNotAvailable):
            run_step(secret, token, "setSecret")
        waited = time.monotonic() - started
        other.execute("ROLLBACK")

    assert waited < 10
    assert versions(aws, secret) == before
    assert logs_in(database_credentials)
    # The server logs the failed statement, with the new password's hash.
    log = postgres.log.read_bytes()[logged_before:].decode()
    assert (
        'STATEMENT:  ALTER ROLE "orders_app" PASSWORD \'SCRAM-SHA-256$' in log
    )
    assert json.loads(pending)["password"] not in log


def test_the_new_password_is_stored_for_scram_whatever_the_server_default(
    aws, secret, postgres
):
    # As on a server that still hashes new passwords with MD5: connections
    # that require SCRAM would then be refused.
    with postgres.connect() as connection:
        connection.execute(
            "ALTER ROLE orders_app SET password_encryption = 'md5'"
        )

    rotate(secret, start_rotation(aws, secret))

    with postgres.connect() as connection:
        [stored] = connection.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = 'orders_app'"
        ).fetchone()
    assert stored.startswith("SCRAM-SHA-256$")
    assert logs_in(current_credentials(aws, secret))


def test_test_secret_fails_when_the_database_refuses_the_new_password(
    aws, secret, database_credentials
):
    token = start_rotation(aws, secret)
    run_step(secret, token, "createSecret")

    # Without setSecret, the database still has the old password.
    with pytest.raises(psycopg.OperationalError):
        run_step(secret, token, "testSecret")

    assert current_credentials(aws, secret) == database_credentials


def changed_in_the_secret_only(aws, secret, credentials) -> None:
    """A new AWSCURRENT whose password the database does not know, as after
    a roll-back or an edit on the console; the old one becomes AWSPREVIOUS."""
    aws.client("secretsmanager").put_secret_value(
        SecretId=secret,
        SecretString=json.dumps(credentials | {"password": "not-in-the-db"}),
    )


def test_rotation_logs_in_with_awsprevious_when_awscurrent_is_refused(
    aws, secret, database_credentials
):
    changed_in_the_secret_only(aws, secret, database_credentials)

    rotate(secret, start_rotation(aws, secret))

    assert logs_in(current_credentials(aws, secret))
    assert not logs_in(database_credentials)


def test_set_secret_refuses_when_no_version_logs_in_for_the_user(
    aws, database_credentials
):
    refused_everywhere = database_credentials | {"password": "not-in-the-db"}
    secret = aws.create_secret(DATABASE_SECRET, refused_everywhere)
    token = start_rotation(aws, secret)
    run_step(secret, token, "createSecret")

    assert refused(secret, token, "setSecret") == (
        f"The AWSCURRENT password of {secret} does not log in, and there is "
        "no AWSPREVIOUS version to try"
    )


def test_set_secret_refuses_an_awsprevious_of_another_user(
    aws, secret, database_credentials
):
    aws.client("secretsmanager").put_secret_value(
        SecretId=secret,
        SecretString=json.dumps(database_credentials | {"username": "admin"}),
    )
    changed_in_the_secret_only(aws, secret, database_credentials)
    token = start_rotation(aws, secret)
    run_step(secret, token, "createSecret")

    assert refused(secret, token, "setSecret") == (
        f"The AWSPREVIOUS version of {secret} names another user or host"
    )
    assert logs_in(database_credentials)  # nothing was changed


def test_an_application_using_secretm_connects_once_its_cache_expires(
    aws, secret, database_credentials
):
    secretm.clear_cache()
    with time_machine.travel(datetime(2026, 1, 1, tzinfo=UTC), tick=False):
        assert logs_in(secretm.get_secret(secret))
        rotate(secret, start_rotation(aws, secret))

    with time_machine.travel(datetime(2026, 1, 1, 0, 4, 59, tzinfo=UTC)):
        cached = secretm.get_secret(secret)
        # Single-user rotation: the cached password stopped working at once.
        assert cached == database_credentials
        assert not logs_in(cached)

    with time_machine.travel(datetime(2026, 1, 1, 0, 5, 1, tzinfo=UTC)):
        assert logs_in(secretm.get_secret(secret))


# Refusals: none needs the database, so the secret points nowhere.
CREDENTIALS = {
    "engine": "postgres",
    "host": "orders-db.example.internal",
    "port": 5432,
    "username": "orders_app",
    "password": "s3cr3t-never-shown",
}


@pytest.fixture
def stored(aws) -> str:
    return aws.create_secret(DATABASE_SECRET, CREDENTIALS)


def refused(secret_id: str, token: str, step: str = "createSecret") -> str:
    """The message of the rotate_postgres.RotationError the step raises."""
    with pytest.raises(rotate_postgres.RotationError) as error:
        run_step(secret_id, token, step)
    message = str(error.value)
    assert CREDENTIALS["password"] not in message
    return message


def test_refuses_a_secret_whose_rotation_is_off(aws, stored):
    assert refused(stored, str(uuid.uuid4())) == (
        f"Rotation is not enabled for {stored}"
    )


def test_refuses_a_token_the_secret_has_no_version_for(aws, stored):
    start_rotation(aws, stored)
    token = str(uuid.uuid4())

    assert refused(stored, token) == f"{stored} has no version {token}"


def test_refuses_a_version_that_is_not_awspending(aws, stored):
    secrets = aws.client("secretsmanager")
    start_rotation(aws, stored)
    previous = secrets.put_secret_value(
        SecretId=stored, SecretString=json.dumps(CREDENTIALS)
    )["VersionId"]
    secrets.put_secret_value(
        SecretId=stored, SecretString=json.dumps(CREDENTIALS)
    )

    assert refused(stored, previous) == (
        f"Version {previous} of {stored} is not AWSPENDING"
    )


def test_refuses_an_unknown_step(aws, stored):
    token = start_rotation(aws, stored)

    assert refused(stored, token, "dropSecret") == "Unknown step 'dropSecret'"


def test_refuses_credentials_without_the_keys_it_needs(aws, stored):
    without_host = {k: v for k, v in CREDENTIALS.items() if k != "host"}
    aws.client("secretsmanager").put_secret_value(
        SecretId=stored, SecretString=json.dumps(without_host)
    )
    token = start_rotation(aws, stored)

    assert refused(stored, token) == (
        f"The AWSCURRENT version of {stored} lacks ['host']"
    )


def test_refuses_a_new_version_for_another_user(aws, stored):
    token = start_rotation(aws, stored)
    aws.client("secretsmanager").put_secret_value(
        SecretId=stored,
        ClientRequestToken=token,
        SecretString=json.dumps(CREDENTIALS | {"username": "postgres"}),
        VersionStages=["AWSPENDING"],
    )

    assert refused(stored, token, "setSecret") == (
        f"Version {token} of {stored} names another user or database"
    )
