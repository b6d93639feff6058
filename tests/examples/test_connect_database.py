"""examples/connect_database.py, shown on docs/how-to/rotate.md: connect to
the test's PostgreSQL server with the credentials a secret holds, and with
the endpoint given to connect() when the secret holds none, as the one RDS
manages does (docs/how-to/rds-managed.md)."""

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

ENDPOINT = ("host", "port", "dbname")


@pytest.fixture(params=["in the secret", "given to connect"])
def endpoint(request, database_credentials) -> dict:
    """What connect() is given: nothing, when the secret holds where the
    database is; its host, port and dbname, when the secret holds only the
    username and password, as the one RDS manages does."""
    if request.param == "in the secret":
        return {}
    return {key: database_credentials[key] for key in ENDPOINT}


@pytest.fixture
def secret(aws, database_credentials, monkeypatch, endpoint) -> str:
    """The secret connect() reads: the credentials, without what the
    endpoint gives."""
    stored = {
        key: value
        for key, value in database_credentials.items()
        if key not in endpoint
    }
    name = aws.create_secret(DATABASE_SECRET, stored)
    monkeypatch.setattr(connect_database, "SECRET_NAME", name)
    secretm.clear_cache()
    return name


@pytest.mark.parametrize("endpoint", ["in the secret"], indirect=True)
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


def test_connects_over_tls_to_the_server_the_ca_signed(aws, secret, endpoint):
    with connect_database.connect(**endpoint) as connection:
        assert connection.pgconn.ssl_in_use
        assert connection.info.dbname == "orders"


def test_the_secrets_own_endpoint_comes_first(
    aws, database_credentials, monkeypatch
):
    name = aws.create_secret(DATABASE_SECRET, database_credentials)
    monkeypatch.setattr(connect_database, "SECRET_NAME", name)
    secretm.clear_cache()
    elsewhere = {"host": "192.0.2.1", "port": free_port(), "dbname": "other"}

    with connect_database.connect(**elsewhere) as connection:
        assert connection.info.port == database_credentials["port"]
        assert connection.info.dbname == "orders"


def test_without_a_host_it_says_to_pass_the_endpoint(
    aws, database_credentials, monkeypatch
):
    as_rds_manages_it = {
        key: database_credentials[key] for key in ("username", "password")
    }
    secret = aws.create_secret(DATABASE_SECRET, as_rds_manages_it)
    monkeypatch.setattr(connect_database, "SECRET_NAME", secret)
    secretm.clear_cache()

    with pytest.raises(
        ValueError, match=r"connect\(host=\.\.\., port"
    ) as error:
        connect_database.connect(port=database_credentials["port"])

    assert secret in str(error.value)
    assert database_credentials["password"] not in str(error.value)


def test_refuses_a_server_whose_certificate_another_ca_signed(
    aws, secret, endpoint, monkeypatch, tmp_path
):
    other_ca = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(other_ca)
    monkeypatch.setenv("PGSSLROOTCERT", str(other_ca))

    with pytest.raises(psycopg.OperationalError, match="certificate verify"):
        connect_database.connect(**endpoint)


def test_a_password_changed_since_it_was_cached_is_read_again(
    aws, secret, endpoint, postgres, secret_reads
):
    with connect_database.connect(**endpoint):
        pass  # the secret is now cached, for five minutes
    # Change the password as rotation would: in the database and the secret.
    changed = aws.secret_json(secret) | {"password": "changed-by-rotation"}
    secret_reads.clear()
    with postgres.connect() as connection:
        connection.execute(
            sql.SQL("ALTER ROLE orders_app PASSWORD {}").format(
                sql.Literal(changed["password"])
            )
        )
    aws.client("secretsmanager").put_secret_value(
        SecretId=secret, SecretString=json.dumps(changed)
    )

    with connect_database.connect(**endpoint) as connection:
        assert connection.info.password == changed["password"]
    assert secret_reads == [secret]  # read again once


def refused_logins(postgres) -> int:
    """How many logins as orders_app the server has refused a password
    for, by its log."""
    refusal = 'password authentication failed for user "orders_app"'
    return postgres.log.read_text().count(refusal)


def test_a_refused_password_is_not_tried_again_when_the_secret_is_unchanged(
    aws, secret, endpoint, postgres, secret_reads
):
    with connect_database.connect(**endpoint):
        pass  # the secret is now cached, for five minutes
    # Rotation has changed the password in the database (setSecret) but not
    # yet in the secret (finishSecret).
    with postgres.connect() as connection:
        connection.execute("ALTER ROLE orders_app PASSWORD 'set-by-rotation'")
    secret_reads.clear()
    refused_before = refused_logins(postgres)

    with pytest.raises(psycopg.OperationalError, match="password authentica"):
        connect_database.connect(**endpoint)

    assert secret_reads == [secret]  # read again once, and unchanged
    assert refused_logins(postgres) == refused_before + 1


@pytest.mark.parametrize("endpoint", ["in the secret"], indirect=True)
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
