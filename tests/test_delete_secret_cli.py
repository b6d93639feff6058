"""examples/delete_secret_cli.sh, shown on docs/how-to/delete.md."""

import json

NAME = "prod/orders/payments-api"


def test_cli_tabs_do_what_the_python_tabs_do(aws, tmp_path):
    secrets = aws.client("secretsmanager")
    name = aws.name(NAME)
    secrets.create_secret(
        Name=name, SecretString=json.dumps({"api_key": "EXAMPLE"})
    )
    aws.run_example(
        "delete_secret.py", documented_names=[NAME], tmp_path=tmp_path
    )
    left_by_python = aws.secret_state(name)

    result = aws.run_example(
        "delete_secret_cli.sh", documented_names=[NAME], tmp_path=tmp_path
    )

    # delete-secret answers with the deletion date, as JSON; the listing
    # prints one name a line, as the Python tab does.
    deleted, _ = json.JSONDecoder().raw_decode(result.stdout)
    assert deleted["Name"] == name
    assert "DeletionDate" in deleted
    assert f"\n{name}\n" in result.stdout
    assert aws.secret_state(name) == left_by_python
