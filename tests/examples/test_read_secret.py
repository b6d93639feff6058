"""examples/read_secret.py and read_secret_cli.sh: the tabs of "From a
script on your laptop", docs/how-to/retrieve.md."""

import pytest

from tests.support.documented import DATABASE_SECRET
from tests.support.paths import DOCS

# The error the page shows for a missing secret.
NOT_FOUND = (
    "An error occurred (ResourceNotFoundException) when calling the "
    "GetSecretValue operation: Secrets Manager can't find the specified "
    "secret."
)
# What each tab does when the secret does not exist: its exit status, and
# the last line of its error output.
MISSING_SECRET = {
    "read_secret.py": (
        1,
        f"botocore.errorfactory.ResourceNotFoundException: {NOT_FOUND}",
    ),
    "read_secret_cli.sh": (255, NOT_FOUND),  # AWS CLI v1
}


@pytest.fixture(params=list(MISSING_SECRET))
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def test_tab_prints_the_secret_string_as_stored(aws, tab):
    name = aws.create_database_secret(DATABASE_SECRET)

    result = aws.run_example(tab)

    stored = aws.client("secretsmanager").get_secret_value(SecretId=name)
    assert result.stdout == stored["SecretString"] + "\n"


def test_tab_fails_with_the_error_code_the_page_lists(aws, tab):
    result = aws.run_example(tab, check=False)

    status, last_line = MISSING_SECRET[tab]
    assert result.returncode == status
    assert result.stderr.strip().splitlines()[-1] == last_line
    assert result.stdout == ""


def test_page_shows_the_cli_error():
    assert NOT_FOUND in (DOCS / "how-to" / "retrieve.md").read_text()
