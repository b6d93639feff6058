"""examples/read_secret_cli.sh, shown on docs/how-to/retrieve.md."""

from test_read_secret import check_prints_the_secret_string

NAME = "prod/orders/postgres"
# The error the page shows for a missing secret.
NOT_FOUND = (
    "An error occurred (ResourceNotFoundException) when calling the "
    "GetSecretValue operation: Secrets Manager can't find the specified "
    "secret."
)


def test_cli_tab_prints_the_secret_string_as_the_python_tab_does(
    aws, tmp_path
):
    check_prints_the_secret_string(aws, tmp_path, "read_secret_cli.sh")


def test_cli_tab_fails_with_the_message_the_page_shows(aws, tmp_path):
    result = aws.run_example(
        "read_secret_cli.sh",
        documented_names=[NAME],
        tmp_path=tmp_path,
        check=False,
    )

    assert result.returncode == 255
    assert result.stderr.strip() == NOT_FOUND
    page = aws.examples_dir.parent / "docs" / "how-to" / "retrieve.md"
    assert NOT_FOUND in page.read_text()
