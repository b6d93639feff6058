"""examples/modify_secret_cli.sh, shown on docs/how-to/modify.md."""

import shutil

import pytest
from test_modify_secret import check_tab

NAME = "prod/orders/postgres"

# The page's AWS CLI tab edits JSON with jq, which readers install
# themselves; every machine this project runs on has it.
pytestmark = pytest.mark.skipif(
    shutil.which("jq") is None, reason="jq is not installed"
)


def test_cli_tabs_leave_what_the_python_tabs_leave(aws, tmp_path):
    check_tab(aws, tmp_path, "modify_secret_cli.sh")


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
