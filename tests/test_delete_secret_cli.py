"""examples/delete_secret_cli.sh, shown on docs/how-to/delete.md."""

import json

NAME = "prod/orders/payments-api"


def test_cli_tabs_do_what_the_python_tabs_do(aws, tmp_path):
    # Like the Python tabs (test_delete_secret.py), they leave the secret
    # restored, exactly as it was.
    secrets = aws.client("secretsmanager")
    name = aws.name(NAME)
    secrets.create_secret(
        Name=name, SecretString=json.dumps({"api_key": "EXAMPLE"})
    )
    before = aws.secret_state(name)

    result = aws.run_example(
        "delete_secret_cli.sh", documented_names=[NAME], tmp_path=tmp_path
    )

    # delete-secret answers with the deletion date, as JSON; the listing
    # prints one name a line, as the Python tab does.
    deleted, _ = json.JSONDecoder().raw_decode(result.stdout)
    assert deleted["Name"] == name
    assert "DeletionDate" in deleted
    assert f"\n{name}\n" in result.stdout
    described = secrets.describe_secret(SecretId=name)
    assert "DeletedDate" not in described
    assert aws.secret_state(name) == before
