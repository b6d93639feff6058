"""Where a test's AWS calls go, and how examples are run there.

Under the in-process mock (the default) every call, the test's own and the
example's, reaches one moto state. With ``--endpoint-url`` they go to a
running endpoint instead, and each test works under names of its own; in a
live run (live.py) to the sandbox account, under the run's prefix.
"""

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import traceback
import unittest.mock
import uuid
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from botocore.exceptions import ClientError
from moto import mock_aws
from moto.server import ThreadedMotoServer

from tests.support.code_blocks import section_only
from tests.support.command_lines import (
    arguments_holding,
    recorded,
    recording_path,
)
from tests.support.documented import SECRET_NAMES
from tests.support.live import NAME_PREFIX, TAG, run_id
from tests.support.logs import as_in_a_new_process, holding
from tests.support.paths import EXAMPLES
from tests.support.replicas import force_delete
from tests.support.tools import require_aws_cli_v2, require_jq

LOAD_MANAGED_POLICIES = "MOTO_IAM_LOAD_MANAGED_POLICIES"
# Keys of a database secret whose values are not secret: they name where to
# connect, and pages show them (a description names the user, for one).
NOT_SECRET_KEYS = {
    "engine",
    "host",
    "port",
    "username",
    "dbname",
    "dbInstanceIdentifier",
    "dbClusterIdentifier",
    "masterarn",
}
# Shorter values ("{}", "x") would be found in any command line.
SHORTEST_SECRET_VALUE = 8
# Readers run v2; v1 is still in use. v1 comes with the virtualenv, v2 from
# the system (Debian's awscli package, or AWS's installer).
AWS_CLI_VERSIONS = (1, 2)
# A shell command line that starts the AWS CLI.
RUNS_AWS_CLI = re.compile(r"(^|[\s$(|])aws [a-z]", re.MULTILINE)


def tabs(*filenames: str) -> list:
    """The params of a task's `tab` fixture: each of its files, and an AWS
    CLI tab once under each of AWS_CLI_VERSIONS, with ids such as
    ``read_secret_cli.sh-v2``. The test reads the version as `aws.aws_cli`.
    """
    params = []
    for filename in filenames:
        if not runs_aws_cli(EXAMPLES / filename):
            params.append(filename)
            continue
        params += [
            pytest.param(
                filename,
                marks=pytest.mark.aws_cli(version),
                id=f"{filename}-v{version}",
            )
            for version in AWS_CLI_VERSIONS
        ]
    return params


def runs_aws_cli(path: Path) -> bool:
    return RUNS_AWS_CLI.search(path.read_text()) is not None


@pytest.fixture(scope="session")
def moto_server() -> Iterator[str]:
    """A moto server on 127.0.0.1 and a free port, for the shell examples,
    which run as a subprocess. It shares its state with the in-process mock,
    so a test can check with boto3 what a script did."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def run_python(
    path: Path, source: str, stdin: str
) -> subprocess.CompletedProcess:
    """Run `source`, the text of the example at `path`, in this process, as
    ``python <path>`` would run it from inside examples/: as ``__main__``,
    with fresh globals, its own imports (examples imported afresh, loggers
    at their default levels), `stdin` as its input, and its output and
    exit status captured. Compiled under the example's own path,
    so coverage counts its lines there. A new interpreter for each would
    cost half a second of start-up and boto3 imports, and its calls would
    reach moto only over HTTP; here they reach the test's mock."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with (
        contextlib.chdir(EXAMPLES),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
        unittest.mock.patch.object(sys, "argv", [str(path)]),
        unittest.mock.patch.object(sys, "stdin", io.StringIO(stdin)),
        as_in_a_new_process(),
    ):
        try:
            code = compile(source, str(path), "exec")
            exec(code, {"__name__": "__main__", "__file__": str(path)})  # noqa: S102
            status = 0
        except SystemExit as exit_:
            status = exit_status(exit_, stderr)
        except Exception:
            traceback.print_exc(file=stderr)
            status = 1
    return subprocess.CompletedProcess(
        ["python", path.name], status, stdout.getvalue(), stderr.getvalue()
    )


def secret_strings(text: str) -> set[str]:
    try:
        values = json.loads(text)
    except ValueError:
        return {text}
    if not isinstance(values, dict):
        return {text}
    return {
        value
        for key, value in values.items()
        if key not in NOT_SECRET_KEYS and isinstance(value, str)
    }


def exit_status(exit_: SystemExit, stderr: io.StringIO) -> int:
    """The status Python exits with for this SystemExit; a message, as in
    sys.exit("..."), goes to standard error and means 1."""
    if exit_.code is None or isinstance(exit_.code, int):
        return exit_.code or 0
    print(exit_.code, file=stderr)
    return 1


class Backend:
    """Where a test's AWS calls go, with helpers to run the examples there."""

    def __init__(
        self,
        subprocess_endpoint_url: str | None,
        name_prefix: str,
        workdir: Path,
        aws_cli: int | None = None,
        shows_secret_values: bool = False,
    ) -> None:
        self.subprocess_endpoint_url = subprocess_endpoint_url
        self.name_prefix = name_prefix
        self.workdir = workdir
        # The AWS CLI version the shell examples run under: the test's tab.
        self.aws_cli = aws_cli
        # Whether the examples print a secret's value on purpose.
        self.shows_secret_values = shows_secret_values

    def name(self, documented_name: str) -> str:
        """The name a test uses for a name shown in the docs: the same name
        under the in-process mock, a unique one on a shared endpoint."""
        return self.name_prefix + documented_name

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

    def create_secret(self, documented_name: str, value: object) -> str:
        """Store `value` as JSON under the test's name for
        ``documented_name``; return that name."""
        name = self.name(documented_name)
        self.client("secretsmanager").create_secret(
            Name=name, SecretString=json.dumps(value)
        )
        return name

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
        (ARN, version ids, dates)."""
        secrets = self.client("secretsmanager")
        described = secrets.describe_secret(SecretId=secret_id)
        policy = secrets.get_resource_policy(SecretId=secret_id)
        return {
            "value": self.secret_json(secret_id),
            "description": described.get("Description"),
            # Not the live run's tag: the harness adds it, not the example.
            "tags": [t for t in described.get("Tags", []) if t["Key"] != TAG],
            "kms_key": described.get("KmsKeyId"),
            "resource_policy": policy.get("ResourcePolicy"),
        }

    def stages(self, secret_id: str) -> dict[str, list[str]]:
        """The staging labels of each version of the secret, by version id."""
        secrets = self.client("secretsmanager")
        return secrets.describe_secret(SecretId=secret_id)[
            "VersionIdsToStages"
        ]

    def run_example(
        self, filename: str, *, check: bool = True, stdin: str = ""
    ) -> subprocess.CompletedProcess:
        """Run ``examples/<filename>`` as a reader would run it from inside
        ``examples/`` (``python <file>`` or ``bash <file>``), against this
        backend; return its exit status and output. ``<file>:<section>``
        runs one named section alone, as a reader who copies only it would.

        Under the in-process mock the file runs unchanged. On a shared endpoint
        the documented secret names are swapped for unique ones first. A run
        that fails fails the test, unless ``check=False``: for error paths.
        `stdin` is what the reader types, such as an API key it asks for.
        """
        name, _, section = filename.partition(":")
        path = EXAMPLES / name
        original = path.read_text()
        script = section_only(original, section) if section else original
        for documented_name in sorted(SECRET_NAMES, key=len, reverse=True):
            script = script.replace(
                documented_name, self.name(documented_name)
            )
        if path.suffix == ".py":
            result = run_python(path, script, stdin)
        else:
            if script != original:
                path = self.workdir / name
                path.write_text(script)
            result = self.run_shell(path, stdin)
        if not self.shows_secret_values:
            output = {"its output": result.stdout, "its errors": result.stderr}
            leaks = holding(output, self.secret_values())
            if leaks:
                pytest.fail(
                    f"examples/{filename} printed a secret's value in "
                    + " and ".join(leaks),
                    pytrace=False,
                )
        if check and result.returncode != 0:
            failure = f"examples/{filename} exited with {result.returncode}"
            pytest.fail(f"{failure}:\n{result.stderr}", pytrace=False)
        return result

    def run_shell(self, path: Path, stdin: str) -> subprocess.CompletedProcess:
        """`bash <path>` with the virtualenv's programs first on PATH, and
        `aws` the AWS CLI version of the test's tab. It fails the test if
        the AWS CLI or jq was given a secret's value on its command line,
        whatever the script's exit status."""
        if re.search(r"\bjq\b", path.read_text()):
            require_jq()  # readers install it; the script says so
        venv_bin = str(Path(sys.executable).parent)
        if runs_aws_cli(path) and self.aws_cli not in AWS_CLI_VERSIONS:
            pytest.fail(
                f"examples/{path.name} runs the AWS CLI: run it through a "
                "`tab` fixture with params=tabs(...), which runs it under "
                "each AWS CLI version readers use.",
                pytrace=False,
            )
        if self.aws_cli == 2:
            aws_cli = require_aws_cli_v2()
        else:
            aws_cli = shutil.which("aws", path=venv_bin)
        wrappers = self.workdir / "recorded-programs"
        search_path = recording_path(
            wrappers, venv_bin + os.pathsep + os.environ["PATH"], aws_cli
        )
        env = os.environ | {"PATH": search_path}
        if self.subprocess_endpoint_url:  # none in a live run against AWS
            env["AWS_ENDPOINT_URL"] = self.subprocess_endpoint_url
        result = subprocess.run(
            ["bash", str(path)],
            input=stdin,
            cwd=EXAMPLES,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        leaks = arguments_holding(recorded(wrappers), self.secret_values())
        if leaks:
            pytest.fail(
                f"examples/{path.name} put a secret's value on a command "
                "line, where any local user can read it (ps): "
                + "; ".join(leaks)
                + ". Pass it on standard input (--secret-string "
                "file:///dev/stdin) or, for jq, in the environment "
                "(env.NAME).",
                pytrace=False,
            )
        return result

    def secret_values(self) -> set[str]:
        """The values held by every version of every secret this test can
        see: each string of a JSON object but those of NOT_SECRET_KEYS, or
        the whole text of a secret that is not an object."""
        secrets = self.client("secretsmanager")
        values = set()
        for secret in self.own_secrets():
            for version in secret.get("SecretVersionsToStages", {}):
                try:
                    text = secrets.get_secret_value(
                        SecretId=secret["ARN"], VersionId=version
                    ).get("SecretString", "")
                except ClientError:
                    continue  # pending deletion, or no value yet
                values |= secret_strings(text)
        return {
            value for value in values if len(value) >= SHORTEST_SECRET_VALUE
        }

    def own_secrets(self) -> Iterator[dict]:
        """The list_secrets entry of each secret this test can see, those
        pending deletion too: on a shared endpoint, those whose names start
        with its prefix (the name filter alone matches more loosely)."""
        filters = [{"Key": "name", "Values": [self.name_prefix]}]
        pages = (
            self.client("secretsmanager")
            .get_paginator("list_secrets")
            .paginate(
                Filters=filters if self.name_prefix else [],
                IncludePlannedDeletion=True,
            )
        )
        for page in pages:
            for secret in page["SecretList"]:
                if secret["Name"].startswith(self.name_prefix):
                    yield secret

    def delete_own_secrets(self) -> None:
        """Remove every secret this test created on a shared endpoint."""
        secrets = self.client("secretsmanager")
        for secret in self.own_secrets():
            force_delete(secrets, secret["ARN"])


@pytest.fixture
def aws(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """The test's AWS: in-process moto, the ``--endpoint-url``, or a live
    run's account. The example tests use it automatically
    (tests/examples/conftest.py)."""
    endpoint_url = request.config.getoption("--endpoint-url")
    live_run = run_id()
    cli_marker = request.node.get_closest_marker("aws_cli")
    options = {
        "aws_cli": cli_marker.args[0] if cli_marker else None,
        "shows_secret_values": bool(
            request.node.get_closest_marker("shows_secret_values")
        ),
    }
    if endpoint_url or live_run:
        unique = uuid.uuid4().hex[:8]
        prefix = (
            f"{NAME_PREFIX}{live_run}/{unique}/"
            if live_run
            else f"docs-test-{unique}/"
        )
        backend = Backend(endpoint_url, prefix, tmp_path, **options)
        yield backend
        backend.delete_own_secrets()
    else:
        server_url = request.getfixturevalue("moto_server")
        managed = request.node.get_closest_marker("aws_managed_policies")
        monkeypatch = request.getfixturevalue("monkeypatch")
        if managed:
            # Loading them costs moto a second: only on demand.
            monkeypatch.setenv(LOAD_MANAGED_POLICIES, "true")
        # moto runs Lambda code only in Docker, which these machines lack.
        # Its simple Lambda backend stores functions the same way, and
        # answers an invocation (such as rotate_secret's) without running it.
        with mock_aws(config={"lambda": {"use_docker": False}}):
            yield Backend(server_url, "", tmp_path, **options)
            if managed:
                # Stopping, moto builds its backends anew: without them.
                monkeypatch.delenv(LOAD_MANAGED_POLICIES)
