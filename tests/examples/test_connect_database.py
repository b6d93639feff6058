"""examples/connect_database.py, shown on docs/how-to/rotate.md: connect to
the test's PostgreSQL server with the credentials a secret holds."""

import json

import connect_database
import pytest
import secretm
from psycopg import sql

from tests.support.documented import (
    DATABASE_SECRET,
    as_stored_from_the_console,
)


@pytest.fixture
def secret(aws, database_credentials, monkeypatch) -> str:
    name = aws.create_secret(DATABASE_SECRET, database_credentials)
    monkeypatch.setattr(connect_database, "SECRET_NAME", name)
    secretm.clear_cache()
    return name


def test_script_connects_as_the_user_the_secret_names(aws, secret):
    result = aws.run_example("connect_database.py")

    assert result.stdout == "orders_app orders\n"


def test_a_secret_stored_from_the_console_connects_to_postgres(
    aws, database_credentials
):
    aws.create_secret(
        DATABASE_SECRET, as_stored_from_the_console(database_credentials)
    )
    secretm.clear_cache()

    result = aws.run_example("connect_database.py")

    assert result.stdout == "orders_app postgres\n"


def test_a_password_changed_since_it_was_cached_is_read_again(
    aws, secret, database_credentials, postgres
):
    with connect_database.connect():
        pass  # the secret is now cached, for five minutes
    # Change the password as rotation would: in the database and the secret.
    changed = database_credentials | {"password": "changed-by-rotation"}
    with postgres.connect() as connection:
        connection.execute(
            sql.SQL("ALTER ROLE orders_app PASSWORD {}").format(
                sql.Literal(changed["password"])
            )
        )
    aws.client("secretsmanager").put_secret_value(
        SecretId=secret, SecretString=json.dumps(changed)
    )

    with connect_database.connect() as connection:
        assert connection.info.password == changed["password"]
