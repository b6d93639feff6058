"""Secrets Manager as a function in a VPC with no route to it meets it: no
answer. Endpoints on 127.0.0.1 that never answer, clients sent to them, and
botocore's timeouts raised without waiting for them."""

import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import boto3
from botocore.config import Config


class SilentEndpoint:
    """Listens and never answers: the system accepts each connection on its
    behalf, so a client connects, sends its request, and times out reading.
    """

    def __init__(self, server: socket.socket) -> None:
        self.server = server
        self.url = f"http://127.0.0.1:{server.getsockname()[1]}"
        self.accepted: list[socket.socket] = []

    def connections(self) -> int:
        """How many connections clients have made so far."""
        self.server.setblocking(False)
        with suppress(BlockingIOError):
            while True:
                self.accepted.append(self.server.accept()[0])
        return len(self.accepted)


@contextmanager
def silent_endpoint() -> Iterator[SilentEndpoint]:
    with socket.create_server(("127.0.0.1", 0), backlog=8) as server:
        endpoint = SilentEndpoint(server)
        yield endpoint
        for connection in endpoint.accepted:
            connection.close()


@contextmanager
def unconnectable_endpoint() -> Iterator[str]:
    """The URL of a server whose queue of connections is full, so that
    connecting times out, as when packets have no route: Linux drops a
    connection request while the queue is full, and the client waits."""
    server = socket.create_server(("127.0.0.1", 0), backlog=0)
    filler = socket.create_connection(server.getsockname())  # fills it
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}"
    finally:
        filler.close()
        server.close()


def sent_to(client, url: str, **timeouts: float):
    """A Secrets Manager client configured as `client` (its timeouts and
    retries), but sending to `url`; `timeouts` replace some, such as
    read_timeout=0.2, to keep a test short."""
    return boto3.client(
        "secretsmanager",
        endpoint_url=url,
        config=client.meta.config.merge(Config(**timeouts)),
    )


@contextmanager
def timing_out(client, timeout: type[Exception]) -> Iterator[None]:
    """Every request of `client` fails with botocore's `timeout`
    (ConnectTimeoutError or ReadTimeoutError) where it would be sent, and is
    retried as the client's configuration says."""

    def fail(request, **_) -> None:
        raise timeout(endpoint_url=request.url)

    client.meta.events.register_first("before-send", fail)
    try:
        yield
    finally:
        client.meta.events.unregister("before-send", fail)
