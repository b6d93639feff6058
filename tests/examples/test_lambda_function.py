"""examples/lambda_function.py, the sample handler on docs/secretm.md."""

import json

import lambda_function
import pytest
import secretm

from tests.support.documented import (
    DATABASE_SECRET,
    as_stored_from_the_console,
)

CREDENTIALS = {
    "engine": "postgres",
    "host": "orders-db.example.internal",
    "port": 5432,
    "username": "orders_app",
    "password": "s3cr3t-never-returned",
    "dbname": "orders",
}


@pytest.fixture(autouse=True)
def empty_cache():
    secretm.clear_cache()


def test_handler_reads_the_secret_named_in_its_environment(aws, monkeypatch):
    name = aws.create_secret(DATABASE_SECRET, CREDENTIALS)
    monkeypatch.setenv("SECRET_NAME", name)

    result = lambda_function.lambda_handler({}, None)

    assert result == {"database": "orders", "host": CREDENTIALS["host"]}
    assert CREDENTIALS["password"] not in json.dumps(result)


def test_handler_reads_a_secret_stored_from_the_console(aws, monkeypatch):
    name = aws.create_secret(
        DATABASE_SECRET, as_stored_from_the_console(CREDENTIALS)
    )
    monkeypatch.setenv("SECRET_NAME", name)

    result = lambda_function.lambda_handler({}, None)

    # Without a dbname, AWS means PostgreSQL's "postgres" database.
    assert result == {"database": "postgres", "host": CREDENTIALS["host"]}


def test_handler_fails_with_the_secret_named_when_it_is_missing(
    aws, monkeypatch
):
    monkeypatch.setenv("SECRET_NAME", aws.name("prod/orders/missing"))

    with pytest.raises(secretm.SecretError, match="ResourceNotFoundException"):
        lambda_function.lambda_handler({}, None)
