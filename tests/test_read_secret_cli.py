"""examples/read_secret_cli.sh, shown on docs/how-to/retrieve.md."""

NAME = "prod/orders/postgres"
# The error the page shows for a missing secret.
NOT_FOUND = (
    "An error occurred (ResourceNotFoundException) when calling the "
    "GetSecretValue operation: Secrets Manager can't find the specified "
    "secret."
)


def test_cli_tab_prints_what_the_python_tab_prints(aws, tmp_path):
    aws.create_database_secret(NAME)

    python, cli = (
        aws.run_example(filename, documented_names=[NAME], tmp_path=tmp_path)
        for filename in ("read_secret.py", "read_secret_cli.sh")
    )

    assert cli.stdout == python.stdout


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
