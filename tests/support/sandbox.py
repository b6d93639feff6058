"""The sandbox every test runs in.

- Fake credentials and a fixed region; ``~/.aws`` files are never read.
- No network beyond loopback: a connection or a DNS lookup for any other host
  fails at once, before anything is sent.
- AWS calls go to moto (`aws.py`): in-process by default, or to a running
  endpoint given with ``--endpoint-url`` (or ``DOCS_TEST_ENDPOINT_URL``).
- A live run (``--live``, live.py) keeps the shell's credentials and, with
  no endpoint given, may look up AWS's own hosts, and no others.
"""

import ipaddress
import logging
import os
import socket
from urllib.parse import urlsplit

import pytest
from pytest_socket import SocketBlockedError

from tests.support.documented import REGION

LOOPBACK_HOSTS = ["127.0.0.1", "::1", "localhost"]
# Hosts of AWS itself, where the example tests would act on a real account.
AWS_HOST_SUFFIXES = (".amazonaws.com", ".amazonaws.com.cn", ".api.aws")
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
    parser.addoption(
        "--real-aws",
        action="store_true",
        help="allow an --endpoint-url of AWS itself: the example tests then "
        "create and delete secrets with the shell's credentials, in their "
        "account (a sandbox account, never production)",
    )


def use_fake_aws_environment(keep: tuple[str, ...] = ()) -> None:
    """Set this process's AWS environment: fake credentials (unless `keep`
    keeps the shell's), the fixed region, and no AWS config files. Call it
    before boto3 reads the environment; the benchmarks call it too."""
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


def pytest_configure(config: pytest.Config) -> None:
    endpoint_url = config.getoption("--endpoint-url")
    live = config.getoption("--live")
    if (
        endpoint_url
        and is_aws_itself(endpoint_url)
        and not (config.getoption("--real-aws") or live)
    ):
        raise pytest.UsageError(
            f"--endpoint-url {endpoint_url} is AWS itself: the example tests "
            "would create and delete secrets with your shell's credentials, "
            "in their account. Point it at a moto server or LocalStack, or "
            "add --real-aws to run them against a sandbox account on purpose."
        )
    use_fake_aws_environment(
        ENVIRONMENT_CREDENTIALS if endpoint_url or live else ()
    )
    if endpoint_url:
        os.environ["AWS_ENDPOINT_URL"] = endpoint_url
    # The in-process moto server would log every request it serves.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)


def pytest_report_header(config: pytest.Config) -> str:
    endpoint_url = config.getoption("--endpoint-url")
    return f"AWS backend: {endpoint_url or 'in-process moto'}, region {REGION}"


def is_aws_itself(endpoint_url: str) -> bool:
    return is_aws_host(urlsplit(endpoint_url).hostname or "")


def is_aws_host(host: str) -> bool:
    return host.endswith(AWS_HOST_SUFFIXES)


def reaches_aws(config: pytest.Config) -> bool:
    """Whether this is a live run against AWS's own endpoints."""
    return bool(
        config.getoption("--live") and not config.getoption("--endpoint-url")
    )


def allowed_hosts(config: pytest.Config) -> list[str]:
    endpoint_url = config.getoption("--endpoint-url")
    extra = [urlsplit(endpoint_url).hostname] if endpoint_url else []
    return LOOPBACK_HOSTS + extra


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    # pytest-socket refuses connect() to any host not listed here. A live
    # run against AWS connects to what the lookups of AWS hosts return.
    marker = pytest.mark.allow_hosts(allowed_hosts(config))
    endpoint_url = config.getoption("--endpoint-url")
    live = config.getoption("--live")
    for item in items:
        if not reaches_aws(config):
            item.add_marker(marker)
        moto_only = item.get_closest_marker("moto_only")
        if (endpoint_url or live) and moto_only:
            reason = moto_only.args[0] if moto_only.args else "in-process moto"
            backend = "a live run" if live else endpoint_url
            item.add_marker(
                pytest.mark.skip(reason=f"needs {reason}, not {backend}")
            )


@pytest.fixture(autouse=True)
def no_dns_beyond_loopback(
    pytestconfig: pytest.Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refuse DNS lookups too: pytest-socket guards connect(), but a lookup of
    an AWS host name would already send a query out."""
    allowed = set(allowed_hosts(pytestconfig))
    aws_hosts_allowed = reaches_aws(pytestconfig)
    real_getaddrinfo = socket.getaddrinfo

    def guarded_getaddrinfo(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if may_look_up(name, allowed, aws_hosts=aws_hosts_allowed):
            return real_getaddrinfo(host, *args, **kwargs)
        raise SocketBlockedError(
            f"A test tried to look up {name!r}. Tests reach only loopback: "
            "make the AWS call inside the `aws` fixture's backend (in-process "
            "moto, or --endpoint-url)."
        )

    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)


def may_look_up(
    name: str | None, allowed: set[str], *, aws_hosts: bool
) -> bool:
    """Whether a test may look up `name`: loopback, the hosts `allowed`, and
    in a live run against AWS itself, AWS's own hosts."""
    return (
        name is None
        or name in allowed
        or is_loopback_address(name)
        or (aws_hosts and is_aws_host(name))
    )


def is_loopback_address(name: str) -> bool:
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
