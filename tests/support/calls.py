"""The API calls a client makes, counted where botocore makes them."""

from collections.abc import Iterator
from contextlib import contextmanager


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
