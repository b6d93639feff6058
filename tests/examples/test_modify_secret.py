"""examples/modify_secret.py and modify_secret_cli.sh: the Python and AWS
CLI tabs of docs/how-to/modify.md. Run as one script, each tab's sections
change one key, update the description, then roll the value back."""

import json

import pytest

from tests.support.aws import tabs
from tests.support.documented import DATABASE_SECRET
from tests.support.paths import EXAMPLES

NEW_HOST = "orders-db-2.c9akciq32l5z.us-west-2.rds.amazonaws.com"
NEW_DESCRIPTION = (
    "Orders database (RDS PostgreSQL, orders-db-2), user orders_app"
)
DATABASE_SECRET_TEXT = (EXAMPLES / "database_secret.json").read_text()
# What each tab says when the secret's value is not JSON.
NOT_JSON = {
    "modify_secret.py": (
        "{name} is not valid JSON (Expecting ',' delimiter), so nothing was "
        "changed: correct it on the console's Plaintext tab first.\n"
    ),
    # jq's own message, before any change.
    "modify_secret_cli.sh": "parse error",
}


@pytest.fixture(params=tabs(*NOT_JSON))
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def test_tab_changes_one_key_then_rolls_the_change_back(aws, tab):
    name = aws.create_database_secret(DATABASE_SECRET)
    original = aws.secret_json(name)
    [first_version] = aws.stages(name)

    aws.run_example(tab)

    stages = aws.stages(name)
    described = aws.client("secretsmanager").describe_secret(SecretId=name)
    # roll_back: the first version is current again...
    assert stages.pop(first_version) == ["AWSCURRENT"]
    assert aws.secret_json(name) == original
    # ...and set_one_key's, with only host changed, is previous.
    assert list(stages.values()) == [["AWSPREVIOUS"]]
    changed = aws.secret_json(name, "AWSPREVIOUS")
    assert changed == original | {"host": NEW_HOST}
    assert type(changed["port"]) is int  # still a number, not a string
    # update_description
    assert described["Description"] == NEW_DESCRIPTION


def test_rolling_back_a_rotation_leaves_no_awspending(aws, tab):
    # The labels a finished rotation leaves, made here by hand.
    secrets = aws.client("secretsmanager")
    name = aws.create_database_secret(DATABASE_SECRET)
    [first] = aws.stages(name)
    rotated = secrets.put_secret_value(
        SecretId=name,
        SecretString=DATABASE_SECRET_TEXT,
        VersionStages=["AWSPENDING"],
    )["VersionId"]
    secrets.update_secret_version_stage(
        SecretId=name,
        VersionStage="AWSCURRENT",
        MoveToVersionId=rotated,
        RemoveFromVersionId=first,
    )

    aws.run_example(f"{tab}:roll_back")  # the section alone, as copied

    assert aws.stages(name) == {
        first: ["AWSCURRENT"],
        rotated: ["AWSPREVIOUS"],
    }


def test_malformed_json_is_reported_and_nothing_changes(aws, tab):
    malformed = DATABASE_SECRET_TEXT.rstrip().removesuffix("}")
    name = aws.name(DATABASE_SECRET)
    aws.client("secretsmanager").create_secret(
        Name=name, SecretString=malformed
    )

    result = aws.run_example(tab, check=False)

    assert result.returncode != 0
    assert NOT_JSON[tab].format(name=name) in result.stderr
    assert json.loads(DATABASE_SECRET_TEXT)["password"] not in result.stderr
    assert list(aws.stages(name).values()) == [["AWSCURRENT"]]


def test_python_tab_exits_with_1_and_only_its_message(aws):
    name = aws.name(DATABASE_SECRET)
    aws.client("secretsmanager").create_secret(
        Name=name, SecretString='{"host": "db"'
    )

    result = aws.run_example("modify_secret.py", check=False)

    assert result.returncode == 1
    assert result.stderr == NOT_JSON["modify_secret.py"].format(name=name)
