"""A stand-in for the AWS Parameters and Secrets Lambda Extension, which
runs only inside Lambda.

It serves the interface AWS documents on 127.0.0.1 and a free port: GET
/secretsmanager/get?secretId=...[&versionStage=...|&versionId=...], the
header X-Aws-Parameters-Secrets-Token holding the function's session token,
and GetSecretValue's response as JSON, read from the test's AWS (moto).
AWS does not document the error answers: the stand-in answers 403 to a
missing or wrong token, 400 to a request without a secretId, and passes
Secrets Manager's errors on in Secrets Manager's own JSON error form, with
the status AWS gives them (400). A test can also make it answer once with
any status and body. It keeps each request it receives.
"""

import base64
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

import boto3
from botocore.exceptions import ClientError

HEADER = "X-Aws-Parameters-Secrets-Token"
# What Lambda would set as AWS_SESSION_TOKEN in the function.
SESSION_TOKEN = "stand-in-session-token"  # noqa: S105 (a fake)


class Received(NamedTuple):
    path: str
    query: dict[str, list[str]]
    token: str | None
    request_line: str


class StandIn(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.received: list[Received] = []
        # (status, body) to answer the next request with, instead.
        self.canned: tuple[int, bytes] | None = None

    @property
    def port(self) -> int:
        return self.server_address[1]

    def answer_once(self, status: int, body: bytes) -> None:
        self.canned = (status, body)


class Handler(BaseHTTPRequestHandler):
    server: StandIn

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        self.server.received.append(
            Received(
                url.path,
                query,
                self.headers.get(HEADER),
                self.requestline,
            )
        )
        status, body = self.answer(query)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def answer(self, query: dict) -> tuple[int, bytes]:
        if self.server.canned:
            canned, self.server.canned = self.server.canned, None
            return canned
        if self.headers.get(HEADER) != SESSION_TOKEN:
            return 403, b"Bad Token"
        if not query.get("secretId", [""])[0]:
            return 400, b"secretId is required"
        options = {
            option: query[key][0]
            for key, option in (
                ("secretId", "SecretId"),
                ("versionStage", "VersionStage"),
                ("versionId", "VersionId"),
            )
            if key in query
        }
        try:
            response = boto3.client("secretsmanager").get_secret_value(
                **options
            )
        except ClientError as error:
            # moto answers a missing secret with 404; AWS with 400.
            return 400, json.dumps(
                {
                    "__type": error.response["Error"]["Code"],
                    "message": error.response["Error"]["Message"],
                }
            ).encode()
        return 200, json.dumps(as_sent(response)).encode()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads `received` instead."""


def as_sent(response: dict) -> dict:
    """GetSecretValue's response as the API sends it in JSON: binary data
    in base64, dates in seconds since the epoch."""
    sent = {
        key: response[key]
        for key in (
            "ARN",
            "Name",
            "VersionId",
            "SecretString",
            "VersionStages",
        )
        if key in response
    }
    if "SecretBinary" in response:
        sent["SecretBinary"] = base64.b64encode(
            response["SecretBinary"]
        ).decode()
    sent["CreatedDate"] = response["CreatedDate"].timestamp()
    return sent


@contextmanager
def serving() -> Iterator[StandIn]:
    """The stand-in, serving in a thread until the block ends."""
    server = StandIn()
    thread = threading.Thread(
        target=server.serve_forever, args=(0.05,), daemon=True
    )
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
