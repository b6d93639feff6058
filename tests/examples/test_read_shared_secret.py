"""examples/read_shared_secret.py and read_shared_secret_cli.sh: the tabs
of "Read it from the other account", docs/how-to/cross-account.md.

moto keeps each account's secrets apart and cannot read across accounts,
so the tabs run in the owner's account: this proves the call by full ARN,
not that AWS lets the other account's role make it.
"""

import pytest
from moto.secretsmanager.utils import SecretsManagerSecretIdentifier
from moto.utilities.id_generator import moto_id_manager

from tests.support.aws import tabs
from tests.support.documented import (
    ACCOUNT_ID,
    DATABASE_SECRET,
    DATABASE_SECRET_ARN,
    READER_ACCOUNT_ID,
    REGION,
)

# The tabs print the secret's value: that is what they are for. Only the
# in-process mock can give the secret the ARN the page shows.
pytestmark = [pytest.mark.shows_secret_values, pytest.mark.moto_only]


@pytest.fixture(
    params=tabs("read_shared_secret.py", "read_shared_secret_cli.sh")
)
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def shared_secret(aws) -> str:
    """The database secret, created under the ARN the page shows by moto's
    custom ids; its name."""
    identifier = SecretsManagerSecretIdentifier(
        ACCOUNT_ID, REGION, DATABASE_SECRET
    )
    suffix = DATABASE_SECRET_ARN.rsplit("-", 1)[1]
    moto_id_manager.set_custom_id(identifier, suffix)
    try:
        return aws.create_database_secret(DATABASE_SECRET)
    finally:
        moto_id_manager.unset_custom_id(identifier)


def test_tab_prints_the_secret_string_read_by_its_arn(aws, shared_secret, tab):
    result = aws.run_example(tab)

    stored = aws.client("secretsmanager").get_secret_value(
        SecretId=shared_secret
    )
    assert stored["ARN"] == DATABASE_SECRET_ARN
    assert result.stdout == stored["SecretString"] + "\n"


def test_by_name_the_other_account_finds_only_its_own_secrets(
    aws, shared_secret, monkeypatch
):
    # As in AWS, a name is looked up in the caller's account.
    monkeypatch.setenv("MOTO_ACCOUNT_ID", READER_ACCOUNT_ID)
    secrets = aws.client("secretsmanager")

    with pytest.raises(secrets.exceptions.ResourceNotFoundException):
        secrets.get_secret_value(SecretId=DATABASE_SECRET)
