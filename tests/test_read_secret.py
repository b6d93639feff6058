"""examples/read_secret.py, shown on docs/how-to/retrieve.md."""

NAME = "prod/orders/postgres"


def check_prints_the_secret_string(aws, tmp_path, filename: str) -> None:
    """The Python and the CLI tabs print the stored string as it is."""
    name = aws.create_database_secret(NAME)

    result = aws.run_example(
        filename, documented_names=[NAME], tmp_path=tmp_path
    )

    stored = aws.client("secretsmanager").get_secret_value(SecretId=name)
    assert result.stdout == stored["SecretString"] + "\n"


def test_script_prints_the_secret_string(aws, tmp_path):
    check_prints_the_secret_string(aws, tmp_path, "read_secret.py")


def test_script_fails_with_the_error_code_the_page_lists(aws, tmp_path):
    result = aws.run_example(
        "read_secret.py",
        documented_names=[NAME],
        tmp_path=tmp_path,
        check=False,
    )

    assert result.returncode == 1
    assert "(ResourceNotFoundException)" in result.stderr
    assert result.stdout == ""
