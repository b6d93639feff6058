"""examples/read_secret_cli.sh, shown on docs/how-to/retrieve.md."""

NAME = "prod/orders/postgres"


def test_cli_tab_prints_the_secret_string_as_the_python_tab_does(
    aws, tmp_path
):
    # test_read_secret.py shows the Python tab prints exactly this.
    name = aws.create_database_secret(NAME)

    result = aws.run_example(
        "read_secret_cli.sh", documented_names=[NAME], tmp_path=tmp_path
    )

    stored = aws.client("secretsmanager").get_secret_value(SecretId=name)
    assert result.stdout == stored["SecretString"] + "\n"


def test_cli_tab_names_the_error_when_the_secret_is_missing(aws, tmp_path):
    result = aws.run_example(
        "read_secret_cli.sh",
        documented_names=[NAME],
        tmp_path=tmp_path,
        check=False,
    )

    assert result.returncode == 255
    assert "(ResourceNotFoundException)" in result.stderr
    assert result.stdout == ""
