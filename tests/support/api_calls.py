"""Counting and shaping the AWS API calls that examples make, through
boto3's default session (the one `boto3.client(...)` uses) or one client.

Clients copy their session's event handlers when created, so an example
that creates its clients after these are registered is seen by them.
"""

import json
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import boto3
from botocore.awsrequest import AWSResponse


@contextmanager
def default_session_events() -> Iterator:
    """boto3's default session, new for the test, whose events the test
    can register handlers on; the previous session is back afterwards."""
    previous = boto3.DEFAULT_SESSION
    boto3.setup_default_session()
    try:
        yield boto3.DEFAULT_SESSION.events
    finally:
        boto3.DEFAULT_SESSION = previous


@contextmanager
def counting_calls() -> Iterator[Counter]:
    """The API calls made while inside, by operation name (retries of a
    call not counted)."""
    calls = Counter()

    def count(model, **_) -> None:
        calls[model.name] += 1

    with default_session_events() as events:
        events.register("before-call", count)
        yield calls


@contextmanager
def recording_calls(client) -> Iterator[list[tuple[str, dict]]]:
    """Each call `client` makes while inside: its operation's name and its
    parameters, such as ("BatchGetSecretValue", {"SecretIdList": [...]})."""
    calls = []

    def record(model, params, **_) -> None:
        calls.append((model.name, params))

    client.meta.events.register("before-parameter-build", record)
    try:
        yield calls
    finally:
        client.meta.events.unregister("before-parameter-build", record)


class _Body:
    """The raw body of an AWSResponse."""

    def __init__(self, body: bytes) -> None:
        self.body = body

    def stream(self, **_) -> Iterator[bytes]:
        yield self.body


def aws_error(code: str, message: str) -> AWSResponse:
    """An error as a JSON-protocol service such as Secrets Manager sends it
    over the wire: HTTP 400 and the code in `__type`."""
    body = json.dumps({"__type": code, "message": message}).encode()
    return AWSResponse("https://aws", 400, {}, _Body(body))


@contextmanager
def answering_in(region: str, answer: Callable) -> Iterator[list]:
    """Every request to `region` gets `answer()`, an AWSResponse or an
    exception to raise, before moto sees it; other regions reach moto.
    Yields the list of those requests' URLs."""
    requests = []

    def handler(request, **_):
        if f".{region}." not in request.url:
            return None
        requests.append(request.url)
        result = answer()
        if isinstance(result, Exception):
            raise result
        return result

    with default_session_events() as events:
        # First: moto answers in a before-send handler of its own.
        events.register_first("before-send", handler)
        yield requests
