"""examples/read_secret.py and read_secret_cli.sh: the tabs of "From a
script on your laptop", docs/how-to/retrieve.md."""

import pytest

from tests.support.aws import tabs
from tests.support.documented import DATABASE_SECRET
from tests.support.paths import DOCS

# Both tabs print the secret's value: that is what they are for.
pytestmark = pytest.mark.shows_secret_values

# The error the page shows for a missing secret.
NOT_FOUND = (
    "An error occurred (ResourceNotFoundException) when calling the "
    "GetSecretValue operation: Secrets Manager can't find the specified "
    "secret."
)
# What each tab does when the secret does not exist: the last line of its
# error output...
MISSING_SECRET = {
    "read_secret.py": (
        f"botocore.errorfactory.ResourceNotFoundException: {NOT_FOUND}"
    ),
    "read_secret_cli.sh": NOT_FOUND,
}
# ...and its exit status, by AWS CLI version (None: the Python tab). For an
# error AWS returned, AWS CLI v2 exits with 254, v1 with 255.
EXIT_STATUS = {None: 1, 1: 255, 2: 254}


@pytest.fixture(params=tabs(*MISSING_SECRET))
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def test_tab_prints_the_secret_string_as_stored(aws, tab):
    name = aws.create_database_secret(DATABASE_SECRET)

    result = aws.run_example(tab)

    stored = aws.client("secretsmanager").get_secret_value(SecretId=name)
    assert result.stdout == stored["SecretString"] + "\n"


def test_tab_fails_with_the_error_code_the_page_lists(aws, tab):
    result = aws.run_example(tab, check=False)

    assert result.returncode == EXIT_STATUS[aws.aws_cli]
    assert result.stderr.strip().splitlines()[-1] == MISSING_SECRET[tab]
    assert result.stdout == ""


def test_page_shows_the_cli_error_and_each_versions_exit_status():
    page = (DOCS / "how-to" / "retrieve.md").read_text()
    assert NOT_FOUND in page
    assert f"{EXIT_STATUS[2]} in AWS CLI v2" in page
    assert f"{EXIT_STATUS[1]} in v1" in page
