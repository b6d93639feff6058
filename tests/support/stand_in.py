"""A moto server in a process of its own, standing in for the sandbox account
(moto's 123456789012) in the tests of live runs (tests/support/live.py).

It records every request it serves with moto's recorder, so that a test can
tell which calls a run made, and with what.
"""

import base64
import json
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import boto3
import requests

from tests.support.postgres import free_port
from tests.support.untraced import untraced


@dataclass(frozen=True)
class Call:
    """One request the stand-in served: its operation and parameters."""

    service: str  # as it signs: secretsmanager, sts, iam, lambda
    operation: str  # such as CreateSecret; a REST call's method and path
    parameters: dict
    user_agent: str


@dataclass(frozen=True)
class StandIn:
    url: str
    recording: Path

    def client(self, service: str):
        return boto3.client(service, endpoint_url=self.url)

    def reset(self) -> None:
        """Forget every resource and every recorded call."""
        requests.post(f"{self.url}/moto-api/reset", timeout=10)
        self.recording.write_text("")

    def calls(self) -> list[Call]:
        """The AWS calls served since the last reset, in order."""
        entries = map(json.loads, self.recording.read_text().splitlines())
        return [as_call(e) for e in entries if "/moto-api/" not in e["url"]]


def as_call(entry: dict) -> Call:
    body = entry["body"] or ""
    if entry["body_encoded"]:
        body = base64.b64decode(body).decode()
    headers = {name.lower(): value for name, value in entry["headers"].items()}
    # Credential=<key>/<date>/<region>/<service>/aws4_request
    service = headers["authorization"].split("/")[3]
    target = headers.get("x-amz-target")
    if target:  # the JSON protocol: Secrets Manager
        parameters = json.loads(body or "{}")
        operation = target.split(".")[-1]
    elif "Action=" in body:  # the query protocol: STS, IAM
        parameters = dict(urllib.parse.parse_qsl(body))
        operation = parameters["Action"]
    else:  # REST: Lambda
        parameters = {}
        operation = f"{entry['method']} {entry['url']}"
    return Call(service, operation, parameters, headers.get("user-agent", ""))


@contextmanager
def stand_in_account(folder: Path) -> Iterator[StandIn]:
    """Start `moto_server` on 127.0.0.1, recording into `folder`."""
    port = free_port()
    recording = folder / "requests.jsonl"
    recording.touch()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "moto.server",
            "-H",
            "127.0.0.1",
            "-p",
            str(port),
        ],
        env=untraced()
        | {
            "MOTO_ENABLE_RECORDING": "true",
            "MOTO_RECORDER_FILEPATH": str(recording),
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stand_in = StandIn(f"http://127.0.0.1:{port}", recording)
    try:
        wait_until_serving(stand_in.url)
        yield stand_in
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_until_serving(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            requests.get(f"{url}/moto-api/", timeout=10)
            return
        except requests.ConnectionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
