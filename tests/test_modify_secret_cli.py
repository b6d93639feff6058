"""examples/modify_secret_cli.sh, shown on docs/how-to/modify.md."""

import shutil

import pytest

NAME = "prod/orders/postgres"

# The page's AWS CLI tab edits JSON with jq, which readers install
# themselves; every machine this project runs on has it.
pytestmark = pytest.mark.skipif(
    shutil.which("jq") is None, reason="jq is not installed"
)


def state(aws, name: str) -> dict:
    return aws.secret_state(name) | {
        "previous_value": aws.secret_json(name, "AWSPREVIOUS")
    }


def test_cli_tabs_leave_the_same_secret_as_the_python_tabs(aws, tmp_path):
    name = aws.create_database_secret(NAME)
    aws.run_example(
        "modify_secret.py", documented_names=[NAME], tmp_path=tmp_path
    )
    left_by_python = state(aws, name)
    aws.delete_secrets(name)
    aws.create_database_secret(NAME)

    aws.run_example(
        "modify_secret_cli.sh", documented_names=[NAME], tmp_path=tmp_path
    )

    assert state(aws, name) == left_by_python


def test_cli_tab_changes_nothing_when_the_value_is_not_json(aws, tmp_path):
    secrets = aws.client("secretsmanager")
    secrets.create_secret(Name=aws.name(NAME), SecretString='{"host": "db"')

    result = aws.run_example(
        "modify_secret_cli.sh",
        documented_names=[NAME],
        tmp_path=tmp_path,
        check=False,
    )

    assert result.returncode != 0
    assert "parse error" in result.stderr  # jq's, before any change
    versions = secrets.list_secret_version_ids(SecretId=aws.name(NAME))
    assert len(versions["Versions"]) == 1
