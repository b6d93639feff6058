"""examples/read_secrets_batch.py and read_secrets_batch_cli.sh: the tabs of
"Read several secrets in one call", docs/how-to/retrieve.md. Each reads
secrets with BatchGetSecretValue: by name, then by a filter on the name, and
prints the names of those it read and the error code of each it could not."""

import ast
import json

import pytest

from tests.support.aws import tabs
from tests.support.aws_cli_commands import has_command
from tests.support.documented import (
    API_KEY_SECRET,
    DATABASE_SECRET,
    DEV_API_KEY_SECRET,
)
from tests.support.tools import aws_cli_v2


class Printed:
    """What one tab printed, section after section: the names read, each
    secret that could not be read with its error code, and whether AWS said
    more secrets matched (NextToken)."""

    def __init__(self) -> None:
        self.read: list[str] = []
        self.failed: dict[str, str] = {}
        self.more = False


def python_output(stdout: str) -> Printed:
    printed = Printed()
    for line in stdout.splitlines():
        label, _, rest = line.partition(": ")
        if label == "Read":
            printed.read += rest.split(", ")
        elif rest != "none":
            printed.failed |= ast.literal_eval(rest)
    return printed


def cli_output(stdout: str) -> Printed:
    # One JSON object a command, one after the other.
    printed, decoder, position = Printed(), json.JSONDecoder(), 0
    while stdout[position:].strip():
        position += len(stdout[position:]) - len(stdout[position:].lstrip())
        answer, position = decoder.raw_decode(stdout, position)
        printed.read += answer["Read"]
        printed.failed |= dict(answer["CannotRead"])
        printed.more |= answer.get("NextToken") is not None
    return printed


OUTPUT = {
    "read_secrets_batch.py": python_output,
    "read_secrets_batch_cli.sh": cli_output,
}


@pytest.fixture(params=tabs(*OUTPUT))
def tab(request: pytest.FixtureRequest, aws) -> str:
    if aws.aws_cli == 2 and not has_command(
        aws_cli_v2(), "secretsmanager", "batch-get-secret-value"
    ):
        pytest.skip("this AWS CLI v2 has no batch-get-secret-value command")
    return request.param


@pytest.fixture
def stored(aws) -> list[str]:
    """The orders service's two production secrets, and a dev secret."""
    aws.create_secret(DEV_API_KEY_SECRET, {"api_key": "sk_test_never_read"})
    return [
        aws.create_database_secret(DATABASE_SECRET),
        aws.create_secret(API_KEY_SECRET, {"api_key": "sk_live_never_shown"}),
    ]


# The filter names prod/orders/, which a shared endpoint's unique names
# do not start with.
@pytest.mark.moto_only
def test_tab_reads_both_by_name_then_the_prefix_only(aws, tab, stored):
    result = aws.run_example(tab)

    printed = OUTPUT[tab](result.stdout)
    # By name, then by the filter: the same two, never the dev secret.
    assert sorted(printed.read) == sorted(stored * 2)
    assert printed.failed == {}
    assert not printed.more


def test_a_secret_that_cannot_be_read_is_reported_not_raised(aws, tab, stored):
    database, api_key = stored
    aws.client("secretsmanager").delete_secret(
        SecretId=api_key, RecoveryWindowInDays=7
    )

    result = aws.run_example(f"{tab}:by_name")

    printed = OUTPUT[tab](result.stdout)
    assert result.returncode == 0
    assert printed.read == [database]
    assert printed.failed == {api_key: "InvalidRequestException"}


@pytest.mark.moto_only
def test_more_than_20_matches_take_more_than_one_call(aws, tab):
    names = [f"prod/orders/tenant-{n:02}" for n in range(21)]
    for name in names:
        aws.client("secretsmanager").create_secret(
            Name=name, SecretString="{}"
        )

    result = aws.run_example(f"{tab}:by_filter")

    printed = OUTPUT[tab](result.stdout)
    if tab.endswith(".py"):  # it asks again while there is a NextToken
        assert sorted(printed.read) == names
    else:  # it prints the NextToken for the reader to ask again
        assert len(printed.read) == 20
        assert printed.more
