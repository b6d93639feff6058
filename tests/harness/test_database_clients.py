"""No credentials over an unverified connection: every example that connects
to a database is pointed once at an impostor on 127.0.0.1 that asks for the
password in clear text, and must refuse before sending it."""

import ast
import ssl
from collections.abc import Callable
from pathlib import Path

import connect_database
import psycopg
import pytest
import secretm

from tests.support.documented import DATABASE_SECRET
from tests.support.impostor import HOST, running_impostor
from tests.support.paths import EXAMPLES
from tests.support.rotation import run_step, start_rotation

pytestmark = pytest.mark.moto_only  # moto's rotate_secret starts rotations

NEVER_SENT = "never-sent-to-an-impostor"


def rotation_step(step: str) -> Callable:
    """The rotation function's `step`, on a secret holding `credentials`."""

    def run(aws, credentials: dict) -> None:
        secret = aws.create_secret(DATABASE_SECRET, credentials)
        token = start_rotation(aws, secret)
        run_step(secret, token, "createSecret")
        run_step(secret, token, step)

    return run


def connect(aws, credentials: dict) -> None:
    aws.create_secret(DATABASE_SECRET, credentials)
    secretm.clear_cache()
    connect_database.connect()


# Each example that connects to a database, with each of its ways in: what
# it does with credentials that name the impostor.
DATABASE_CLIENTS = {
    "rotate_postgres.py": {
        "setSecret": rotation_step("setSecret"),
        "testSecret": rotation_step("testSecret"),
    },
    "connect_database.py": {"connect": connect},
}
CONNECTS = {
    f"{example}:{way}": connects
    for example, ways in DATABASE_CLIENTS.items()
    for way, connects in ways.items()
}

# What the client says when it refuses, by what the impostor offers.
REFUSALS = {
    "no TLS": "server does not support SSL, but SSL was required",
    "TLS and a clear-text password": (
        'authentication method requirement "scram-sha-256" failed: server '
        "requested a cleartext password"
    ),
}


@pytest.fixture(params=REFUSALS, ids=str)
def offer(request) -> str:
    return request.param


@pytest.fixture
def impostor(offer, database_ca):
    """An impostor that declines TLS, or one whose certificate the CA that
    the examples trust signed for 127.0.0.1, a stolen one say."""
    tls = None
    if offer != "no TLS":
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        database_ca.issue_cert(HOST).configure_cert(tls)
    with running_impostor(tls) as impostor:
        yield impostor


@pytest.mark.parametrize("client", CONNECTS)
def test_no_password_goes_to_an_impostor(
    aws, trusts_database_ca, impostor, offer, client
):
    credentials = {
        "engine": "postgres",
        "host": HOST,
        "port": impostor.port,
        "username": "orders_app",
        "password": NEVER_SENT,
        "dbname": "orders",
    }

    with pytest.raises(psycopg.OperationalError) as refusal:
        CONNECTS[client](aws, credentials)

    assert impostor.passwords == []
    assert REFUSALS[offer] in str(refusal.value)
    assert NEVER_SENT not in str(refusal.value)


def test_every_example_that_imports_psycopg_is_pointed_at_the_impostor():
    importing = {
        path.name
        for path in sorted(EXAMPLES.rglob("*.py"))
        if "psycopg" in imported_packages(path)
    }

    assert importing <= DATABASE_CLIENTS.keys(), (
        "these examples connect to a database: add them to DATABASE_CLIENTS, "
        "with each step that connects, to prove that they send no password "
        "to an impostor: "
        + ", ".join(sorted(importing - DATABASE_CLIENTS.keys()))
    )


def imported_packages(module: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(module.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names
