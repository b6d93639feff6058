"""examples/force_delete_secret.py and force_delete_secret_cli.sh: the tabs
of "Delete a secret at once", docs/how-to/delete.md."""

import pytest

from tests.support.aws import tabs
from tests.support.documented import DEV_API_KEY_SECRET


@pytest.fixture(
    params=tabs("force_delete_secret.py", "force_delete_secret_cli.sh")
)
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def test_secret_is_gone_at_once_and_cannot_be_restored(aws, tab):
    secrets = aws.client("secretsmanager")
    name = aws.create_secret(DEV_API_KEY_SECRET, {})

    aws.run_example(tab)

    for call in (secrets.describe_secret, secrets.restore_secret):
        with pytest.raises(secrets.exceptions.ResourceNotFoundException):
            call(SecretId=name)
