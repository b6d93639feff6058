"""The sandbox every test runs in.

- AWS calls go to moto: in-process by default, or to a running endpoint given
  with ``--endpoint-url`` (or ``DOCS_TEST_ENDPOINT_URL``).
- Fake credentials and a fixed region; ``~/.aws`` files are never read.
- No network beyond loopback: a connection or a DNS lookup for any other host
  fails at once, before anything is sent.
"""

import ipaddress
import json
import logging
import os
import secrets
import shutil
import socket
import subprocess
import sys
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import boto3
import postgres_server
import pytest
from moto import mock_aws
from moto.server import ThreadedMotoServer
from pytest_socket import SocketBlockedError

REGION = "us-west-2"
ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
LOOPBACK_HOSTS = ["127.0.0.1", "::1", "localhost"]
# Credentials an endpoint run may take from the shell; files are never read.
ENVIRONMENT_CREDENTIALS = (
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--endpoint-url",
        default=os.environ.get("DOCS_TEST_ENDPOINT_URL"),
        help="run the example tests against this running endpoint (a moto "
        "server, LocalStack, ...) instead of the in-process mock; "
        "env: DOCS_TEST_ENDPOINT_URL",
    )


def pytest_configure(config: pytest.Config) -> None:
    endpoint_url = config.getoption("--endpoint-url")
    keep = ENVIRONMENT_CREDENTIALS if endpoint_url else ()
    for name in [name for name in os.environ if name.startswith("AWS_")]:
        if name not in keep:
            del os.environ[name]
    os.environ.update(
        AWS_CONFIG_FILE=os.devnull,
        AWS_SHARED_CREDENTIALS_FILE=os.devnull,
        AWS_DEFAULT_REGION=REGION,
        AWS_EC2_METADATA_DISABLED="true",
    )
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    if endpoint_url:
        os.environ["AWS_ENDPOINT_URL"] = endpoint_url
    # The in-process moto server would log every request it serves.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)


def pytest_report_header(config: pytest.Config) -> str:
    endpoint_url = config.getoption("--endpoint-url")
    return f"AWS backend: {endpoint_url or 'in-process moto'}, region {REGION}"


def allowed_hosts(config: pytest.Config) -> list[str]:
    endpoint_url = config.getoption("--endpoint-url")
    extra = [urlsplit(endpoint_url).hostname] if endpoint_url else []
    return LOOPBACK_HOSTS + extra


# `make test` spreads tests over the cores with pytest-xdist. Tests that
# share one of these session fixtures run on one worker: the fixture writes
# outside a temporary folder (dist/, Zensical's .cache/), or is costly to
# start twice (a browser, a PostgreSQL server).
SHARED_FIXTURES = (
    "secretm_layer_zip",
    "zensical_build",
    "browser",
    "postgres",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list) -> None:
    # pytest-socket refuses connect() to any host not listed here.
    marker = pytest.mark.allow_hosts(allowed_hosts(config))
    endpoint_url = config.getoption("--endpoint-url")
    skip = pytest.mark.skip(
        reason=f"needs in-process moto, not {endpoint_url}"
    )
    for item in items:
        item.add_marker(marker)
        if endpoint_url and item.get_closest_marker("moto_only"):
            item.add_marker(skip)
        for fixture in SHARED_FIXTURES:
            if fixture in item.fixturenames:
                item.add_marker(pytest.mark.xdist_group(fixture))
                break


@pytest.fixture(autouse=True)
def no_dns_beyond_loopback(
    pytestconfig: pytest.Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refuse DNS lookups too: pytest-socket guards connect(), but a lookup of
    an AWS host name would already send a query out."""
    allowed = set(allowed_hosts(pytestconfig))
    real_getaddrinfo = socket.getaddrinfo

    def guarded_getaddrinfo(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name is None or name in allowed or is_loopback_address(name):
            return real_getaddrinfo(host, *args, **kwargs)
        raise SocketBlockedError(
            f"A test tried to look up {name!r}. Tests reach only loopback: "
            "make the AWS call inside the `aws` fixture's backend (in-process "
            "moto, or --endpoint-url)."
        )

    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)


def is_loopback_address(name: str) -> bool:
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@pytest.fixture(scope="session")
def moto_server() -> Iterator[str]:
    """A moto server on 127.0.0.1 and a free port, for examples run as a
    subprocess. It shares its state with the in-process mock, so a test can
    check with boto3 what a script did."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(scope="session")
def secretm_layer_zip() -> zipfile.ZipFile:
    """dist/secretm-layer.zip, built by `make layer` as a reader would."""
    subprocess.run(["make", "--silent", "layer"], cwd=ROOT, check=True)
    return zipfile.ZipFile(ROOT / "dist" / "secretm-layer.zip")


def uncovered_aws(tmp_path: Path) -> str:
    """A folder whose `aws` runs the real AWS CLI outside coverage.

    The CLI is Python, so coverage's subprocess patch measures it too: that
    adds up to half a second to every call and finds nothing: none of it is in
    examples/. Python that a shell example runs itself is still measured.
    """
    folder = tmp_path / "uncovered-aws"
    folder.mkdir(exist_ok=True)
    shim = folder / "aws"
    real_aws = Path(sys.executable).parent / "aws"
    shim.write_text(
        f'#!/bin/sh\nunset COVERAGE_PROCESS_CONFIG\nexec "{real_aws}" "$@"\n'
    )
    shim.chmod(0o755)
    return str(folder)


class Backend:
    """Where a test's AWS calls go, with helpers to run the examples there."""

    def __init__(self, subprocess_endpoint_url: str, name_prefix: str) -> None:
        self.subprocess_endpoint_url = subprocess_endpoint_url
        self.name_prefix = name_prefix

    def name(self, documented_name: str) -> str:
        """The name a test uses for a name shown in the docs: the same name
        under the in-process mock, a unique one on a shared endpoint."""
        return self.name_prefix + documented_name

    examples_dir = EXAMPLES

    def client(self, service: str):
        return boto3.client(service)

    def secret_json(self, secret_id: str, stage: str = "AWSCURRENT") -> dict:
        """The value of a JSON secret, parsed: by default its current one.

        The stage is always named: after update_secret_version_stage, moto
        still answers a read without it with the old value (AWS does not).
        """
        response = self.client("secretsmanager").get_secret_value(
            SecretId=secret_id, VersionStage=stage
        )
        return json.loads(response["SecretString"])

    def create_database_secret(self, documented_name: str) -> str:
        """Store examples/database_secret.json as the Store page does, under
        the test's name for ``documented_name``; return that name."""
        name = self.name(documented_name)
        self.client("secretsmanager").create_secret(
            Name=name,
            SecretString=(EXAMPLES / "database_secret.json").read_text(),
        )
        return name

    def secret_state(self, secret_id: str) -> dict:
        """What a reader can observe of a secret, minus what AWS generates
        (ARN, version ids, dates): to compare the results of two tabs."""
        secrets = self.client("secretsmanager")
        described = secrets.describe_secret(SecretId=secret_id)
        policy = secrets.get_resource_policy(SecretId=secret_id)
        return {
            "value": self.secret_json(secret_id),
            "description": described.get("Description"),
            "tags": described.get("Tags", []),
            "kms_key": described.get("KmsKeyId"),
            "resource_policy": policy.get("ResourcePolicy"),
        }

    def delete_secrets(self, *secret_ids: str) -> None:
        secrets = self.client("secretsmanager")
        for secret_id in secret_ids:
            secrets.delete_secret(
                SecretId=secret_id, ForceDeleteWithoutRecovery=True
            )

    def run_example(
        self,
        filename: str,
        *,
        documented_names: list[str],
        tmp_path: Path,
        check: bool = True,
    ) -> subprocess.CompletedProcess:
        """Run ``examples/<filename>`` (Python or shell) as a reader would,
        from inside ``examples/``, against this backend.

        Under the in-process mock the file runs unchanged. On a shared endpoint
        the documented secret names are swapped for unique ones first. A run
        that fails fails the test, unless ``check=False``: for error paths.
        """
        path = EXAMPLES / filename
        if self.name_prefix:
            script = path.read_text()
            for documented_name in documented_names:
                script = script.replace(
                    documented_name, self.name(documented_name)
                )
            path = tmp_path / filename
            path.write_text(script)
        interpreter = {".py": sys.executable, ".sh": shutil.which("bash")}[
            path.suffix
        ]
        venv_bin = str(Path(sys.executable).parent)
        env = os.environ | {
            "AWS_ENDPOINT_URL": self.subprocess_endpoint_url,
            "PATH": venv_bin + os.pathsep + os.environ["PATH"],
        }
        if path.suffix == ".sh":
            env["PATH"] = uncovered_aws(tmp_path) + os.pathsep + env["PATH"]
        result = subprocess.run(
            [interpreter, str(path)],
            cwd=EXAMPLES,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if check and result.returncode != 0:
            failure = f"examples/{filename} exited with {result.returncode}"
            pytest.fail(f"{failure}:\n{result.stderr}", pytrace=False)
        return result

    def delete_own_secrets(self) -> None:
        """Remove every secret this test created on a shared endpoint."""
        secrets = self.client("secretsmanager")
        pages = secrets.get_paginator("list_secrets").paginate(
            Filters=[{"Key": "name", "Values": [self.name_prefix]}],
            IncludePlannedDeletion=True,  # those pending deletion too
        )
        self.delete_secrets(
            *(
                secret["ARN"]
                for page in pages
                for secret in page["SecretList"]
                if secret["Name"].startswith(self.name_prefix)
            )
        )


@pytest.fixture(autouse=True)
def aws(request: pytest.FixtureRequest) -> Iterator[Backend]:
    """Every test runs inside this backend; name it to use its helpers."""
    endpoint_url = request.config.getoption("--endpoint-url")
    if endpoint_url:
        backend = Backend(
            endpoint_url, name_prefix=f"docs-test-{uuid.uuid4().hex[:8]}/"
        )
        yield backend
        backend.delete_own_secrets()
    else:
        server_url = request.getfixturevalue("moto_server")
        if request.node.get_closest_marker("aws_managed_policies"):
            # Loading them costs moto a second, at every reset: only on demand.
            monkeypatch = request.getfixturevalue("monkeypatch")
            monkeypatch.setenv("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
        # moto runs Lambda code only in Docker, which these machines lack.
        # Its simple Lambda backend stores functions the same way, and
        # answers an invocation (such as rotate_secret's) without running it.
        with mock_aws(config={"lambda": {"use_docker": False}}):
            yield Backend(server_url, name_prefix="")


@pytest.fixture(scope="session")
def postgres() -> Iterator[postgres_server.Server]:
    """A throwaway PostgreSQL server on 127.0.0.1, one per test session.
    Without PostgreSQL installed, the tests that need it are skipped, or fail
    when the CI environment variable is set."""
    bin_dir = postgres_server.find_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail(postgres_server.INSTALL_HINT, pytrace=False)
        pytest.skip(postgres_server.INSTALL_HINT)
    with postgres_server.running_server(bin_dir) as server:
        yield server


@pytest.fixture
def database_credentials(postgres: postgres_server.Server) -> Iterator[dict]:
    """A new database user, as a secret with the documented structure
    (examples/database_secret.json) would hold it."""
    credentials = {
        "engine": "postgres",
        "host": postgres.host,
        "port": postgres.port,
        "username": "orders_app",
        "password": "initial-" + secrets.token_urlsafe(12),
        "dbname": postgres_server.DATABASE,
    }
    postgres.create_user(credentials["username"], credentials["password"])
    yield credentials
    postgres.drop_user(credentials["username"])
