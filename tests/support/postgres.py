"""A throwaway PostgreSQL server for the tests that need a real database.

It is started once per test session with the server programs that
`postgres_programs` finds, in a temporary folder, on a free port of
127.0.0.1 only, and deleted afterwards. Logins need a password
(scram-sha-256, as on Amazon RDS), so a test can prove that an old password
no longer works. It speaks TLS with a certificate for 127.0.0.1 that a
throwaway certificate authority signed, standing in for Amazon RDS's, so the
examples connect with `sslmode=verify-full` as they would to RDS.

PostgreSQL refuses to run as root. Under root, as in CI, its programs run as
the unprivileged `postgres` account that Debian's package creates, through
subprocess's `user` argument, in a folder that account owns. pytest-postgresql
cannot do this: its server runs as the user running pytest, with its data
under pytest's own temporary folder, which only that user may enter.
"""

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.documented import DATABASE
from tests.support.postgres_programs import INSTALL_HINT, find_bin_dir
from tests.support.shared import shared_fixture
from tests.support.tools import require_tool

HOST = "127.0.0.1"
SERVER_ACCOUNT = "postgres"  # created by Debian's postgresql package


@dataclass(frozen=True)
class Server:
    port: int
    superuser_password: str
    log: Path
    host: str = HOST

    def connect(self, **options):
        """A superuser connection, in autocommit mode."""
        # Imported here, not at the top: this plugin is loaded in every
        # pytest run, and psycopg takes a third of a second to import.
        import psycopg

        return psycopg.connect(
            host=self.host,
            port=self.port,
            user="postgres",
            password=self.superuser_password,
            dbname="postgres",
            autocommit=True,
            **options,
        )

    def create_user(self, username: str, password: str) -> None:
        from psycopg import sql

        with self.connect() as connection:
            connection.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(username), sql.Literal(password)
                )
            )

    def drop_user(self, username: str) -> None:
        from psycopg import sql

        with self.connect() as connection:
            connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE usename = %s",
                [username],
            )
            connection.execute(
                sql.SQL("DROP ROLE {}").format(sql.Identifier(username))
            )


@contextmanager
def running_server(bin_dir: Path, ca) -> Iterator[Server]:
    """A server whose TLS certificate `ca`, a trustme.CA, signed."""
    as_server_account = {}
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_ACCOUNT)
        except KeyError:
            raise RuntimeError(
                "PostgreSQL refuses to run as root, and there is no "
                f"{SERVER_ACCOUNT!r} account to run it as: reinstall Debian's "
                "postgresql package, which creates it"
            ) from None
        as_server_account = {"user": SERVER_ACCOUNT}

    with tempfile.TemporaryDirectory(prefix="docs-test-postgres-") as name:
        folder = Path(name)
        data, log = folder / "data", folder / "server.log"

        def run(program: str, *args: object) -> None:
            result = subprocess.run(
                [bin_dir / program, *map(str, args)],
                cwd=folder,  # the account may not enter pytest's folder
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
                **as_server_account,
            )
            if result.returncode != 0:
                server_log = log.read_text() if log.exists() else ""
                raise RuntimeError(
                    f"{program} failed:\n{result.stderr}{server_log}"
                )

        password = secrets.token_urlsafe(16)
        password_file = folder / "superuser-password"
        password_file.write_text(password)
        certificate = ca.issue_cert(HOST)
        certificate_file = folder / "server.crt"
        key_file = folder / "server.key"
        certificate.cert_chain_pems[0].write_to_path(certificate_file)
        certificate.private_key_pem.write_to_path(key_file)
        key_file.chmod(0o600)  # PostgreSQL refuses a key others may read
        if as_server_account:
            for path in (folder, password_file, certificate_file, key_file):
                shutil.chown(path, SERVER_ACCOUNT)
        run(
            "initdb",
            f"--pgdata={data}",
            "--username=postgres",
            f"--pwfile={password_file}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        )
        port = free_port()
        # TCP on 127.0.0.1 only, no Unix socket; fsync off: nothing here
        # needs to survive a crash.
        options = (
            f"-c listen_addresses={HOST} -c port={port} "
            "-c unix_socket_directories='' -c fsync=off "
            f"-c ssl=on -c ssl_cert_file={certificate_file} "
            f"-c ssl_key_file={key_file}"
        )
        run(
            "pg_ctl",
            "start",
            "--wait",
            f"--pgdata={data}",
            f"--log={log}",
            "-o",
            options,
        )
        try:
            server = Server(port, password, log)
            with server.connect() as connection:
                connection.execute(f"CREATE DATABASE {DATABASE}")
            yield server
        finally:
            run("pg_ctl", "stop", f"--pgdata={data}", "--mode=fast")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def database_ca():
    """A throwaway certificate authority, a trustme.CA, in the place of
    Amazon RDS's: it signs the test servers' certificates."""
    # Imported here: this plugin is loaded in every pytest run.
    import trustme

    return trustme.CA()


@pytest.fixture
def trusts_database_ca(database_ca, tmp_path, monkeypatch) -> None:
    """The examples' setting for the certificate authority to trust,
    PGSSLROOTCERT, naming the test CA instead of the RDS bundle."""
    bundle = tmp_path / "test-ca.pem"
    database_ca.cert_pem.write_to_path(bundle)
    monkeypatch.setenv("PGSSLROOTCERT", str(bundle))


@shared_fixture
def postgres(database_ca) -> Iterator[Server]:
    """A throwaway PostgreSQL server on 127.0.0.1, one per test session."""
    bin_dir = find_bin_dir()
    require_tool(bin_dir, INSTALL_HINT)
    with running_server(bin_dir, database_ca) as server:
        yield server


@pytest.fixture
def database_credentials(
    postgres: Server, trusts_database_ca: None
) -> Iterator[dict]:
    """A new database user, as a secret with the documented structure
    (examples/database_secret.json) would hold it, and the examples set to
    trust the server's certificate."""
    credentials = {
        "engine": "postgres",
        "host": postgres.host,
        "port": postgres.port,
        "username": "orders_app",
        "password": "initial-" + secrets.token_urlsafe(12),
        "dbname": DATABASE,
    }
    postgres.create_user(credentials["username"], credentials["password"])
    yield credentials
    postgres.drop_user(credentials["username"])
