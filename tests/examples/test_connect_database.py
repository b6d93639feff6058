"""examples/connect_database.py, shown on docs/how-to/rotate.md: connect to
the test's PostgreSQL server with the credentials a secret holds."""

import json

import connect_database
import psycopg
import pytest
import secretm
import trustme
from botocore.client import BaseClient
from psycopg import sql

from tests.support.documented import (
    DATABASE_SECRET,
    as_stored_from_the_console,
)
from tests.support.postgres import free_port


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


@pytest.fixture
def secret_reads(monkeypatch) -> list[str]:
    """The SecretId of each GetSecretValue call that any client makes from
    now on."""
    reads = []
    make_api_call = BaseClient._make_api_call

    def recording(client, operation, parameters):
        if operation == "GetSecretValue":
            reads.append(parameters["SecretId"])
        return make_api_call(client, operation, parameters)

    monkeypatch.setattr(BaseClient, "_make_api_call", recording)
    return reads


def test_connects_over_tls_to_the_server_the_ca_signed(aws, secret):
    with connect_database.connect() as connection:
        assert connection.pgconn.ssl_in_use


def test_refuses_a_server_whose_certificate_another_ca_signed(
    aws, secret, monkeypatch, tmp_path
):
    other_ca = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(other_ca)
    monkeypatch.setenv("PGSSLROOTCERT", str(other_ca))

    with pytest.raises(psycopg.OperationalError, match="certificate verify"):
        connect_database.connect()


def test_a_password_changed_since_it_was_cached_is_read_again(
    aws, secret, database_credentials, postgres, secret_reads
):
    with connect_database.connect():
        pass  # the secret is now cached, for five minutes
    secret_reads.clear()
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
    assert secret_reads == [secret]  # read again once


def refused_logins(postgres) -> int:
    """How many logins as orders_app the server has refused a password
    for, by its log."""
    refusal = 'password authentication failed for user "orders_app"'
    return postgres.log.read_text().count(refusal)


def test_a_refused_password_is_not_tried_again_when_the_secret_is_unchanged(
    aws, secret, postgres, secret_reads
):
    with connect_database.connect():
        pass  # the secret is now cached, for five minutes
    # Rotation has changed the password in the database (setSecret) but not
    # yet in the secret (finishSecret).
    with postgres.connect() as connection:
        connection.execute("ALTER ROLE orders_app PASSWORD 'set-by-rotation'")
    secret_reads.clear()
    refused_before = refused_logins(postgres)

    with pytest.raises(psycopg.OperationalError, match="password authentica"):
        connect_database.connect()

    assert secret_reads == [secret]  # read again once, and unchanged
    assert refused_logins(postgres) == refused_before + 1


def test_a_server_that_cannot_be_reached_is_not_tried_again(
    aws, secret, database_credentials, secret_reads
):
    nothing_listens = database_credentials | {"port": free_port()}
    aws.client("secretsmanager").put_secret_value(
        SecretId=secret, SecretString=json.dumps(nothing_listens)
    )

    with pytest.raises(psycopg.OperationalError, match="Connection refused"):
        connect_database.connect()

    assert secret_reads == [secret]  # the first read only
