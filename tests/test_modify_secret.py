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


def outcome(aws, name: str, first_version: str) -> dict:
    """What the three sections leave behind, as both tabs must."""
    labels = stages(aws, name)
    described = aws.client("secretsmanager").describe_secret(SecretId=name)
    return {
        "current": aws.secret_json(name),
        "previous": aws.secret_json(name, "AWSPREVIOUS"),
        "description": described["Description"],
        "first version": labels.pop(first_version),
        "other versions": list(labels.values()),
    }


def expected_outcome(original: dict) -> dict:
    return {
        # roll_back: the first version is current again...
        "current": original,
        "first version": ["AWSCURRENT"],
        # ...and set_one_key's, with only host changed, is previous.
        "previous": original | {"host": NEW_HOST},
        "other versions": [["AWSPREVIOUS"]],
        # update_description
        "description": NEW_DESCRIPTION,
    }


def check_tab(aws, tmp_path, filename: str) -> None:
    """Run the page's sections from `filename` on the documented secret
    and check what they leave: the same for the Python and the CLI tabs."""
    name = aws.create_database_secret(NAME)
    original = aws.secret_json(name)
    [first_version] = stages(aws, name)

    aws.run_example(filename, documented_names=[NAME], tmp_path=tmp_path)

    assert outcome(aws, name, first_version) == expected_outcome(original)
    changed = aws.secret_json(name, "AWSPREVIOUS")
    assert type(changed["port"]) is int  # still a number, not a string


def test_script_changes_one_key_then_rolls_the_change_back(aws, tmp_path):
    check_tab(aws, tmp_path, "modify_secret.py")


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
