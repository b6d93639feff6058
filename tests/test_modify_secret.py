"""examples/modify_secret.py, shown on docs/how-to/modify.md."""

import json

NAME = "prod/orders/postgres"
NEW_HOST = "orders-db-2.c9akciq32l5z.us-west-2.rds.amazonaws.com"
NEW_DESCRIPTION = (
    "Orders database (RDS PostgreSQL, orders-db-2), user orders_app"
)


def stages(aws, name: str) -> dict[str, list[str]]:
    """The staging labels of each version of the secret, by version id."""
    secrets = aws.client("secretsmanager")
    return secrets.describe_secret(SecretId=name)["VersionIdsToStages"]


def test_script_changes_one_key_then_rolls_the_change_back(aws, tmp_path):
    name = aws.create_database_secret(NAME)
    original = aws.secret_json(name)
    [first_version] = stages(aws, name)

    aws.run_example(
        "modify_secret.py", documented_names=[NAME], tmp_path=tmp_path
    )

    # set_one_key: only host changed, and port is still a number.
    assert aws.secret_json(name, "AWSPREVIOUS") == original | {
        "host": NEW_HOST
    }
    # update_description
    described = aws.client("secretsmanager").describe_secret(SecretId=name)
    assert described["Description"] == NEW_DESCRIPTION
    # roll_back: the first version is current again, the change previous.
    assert aws.secret_json(name) == original
    after = stages(aws, name)
    assert after.pop(first_version) == ["AWSCURRENT"]
    assert list(after.values()) == [["AWSPREVIOUS"]]


def test_malformed_json_is_reported_and_nothing_changes(aws, tmp_path):
    text = (aws.examples_dir / "database_secret.json").read_text()
    malformed = text.rstrip().removesuffix("}")
    secrets = aws.client("secretsmanager")
    secrets.create_secret(Name=aws.name(NAME), SecretString=malformed)

    result = aws.run_example(
        "modify_secret.py",
        documented_names=[NAME],
        tmp_path=tmp_path,
        check=False,
    )

    assert result.returncode == 1
    assert result.stderr == (
        f"{aws.name(NAME)} is not valid JSON (Expecting ',' delimiter), so "
        "nothing was changed: correct it on the console's Plaintext tab "
        "first.\n"
    )
    assert json.loads(text)["password"] not in result.stderr
    assert list(stages(aws, aws.name(NAME)).values()) == [["AWSCURRENT"]]
