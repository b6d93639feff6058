"""examples/account_cost.py, shown on docs/costs.md, and the command the page
shows for it, account_cost_cli.sh, with its output account_cost_cli.txt."""

import pytest
from account_cost import count_secrets, main

from tests.support.documented import API_KEY_SECRET, DATABASE_SECRET
from tests.support.paths import EXAMPLES

# The script counts every secret in a region, so the tests need an account
# that holds only what they create: the in-process mock.
pytestmark = pytest.mark.moto_only

PRIMARY = "us-west-2"
SECOND = "eu-west-1"
# More secrets than one page of list_secrets holds (100 in AWS and moto).
PRIMARY_COUNT = 101


@pytest.fixture
def account(aws):
    """101 secrets in us-west-2, two of them replicated to eu-west-1, and a
    deleted secret that is still in its recovery window."""
    secrets = aws.client("secretsmanager")
    for number in range(PRIMARY_COUNT):
        secrets.create_secret(Name=f"prod/app-{number:03}", SecretString="x")
    for name in ["prod/app-000", "prod/app-001"]:
        secrets.replicate_secret_to_regions(
            SecretId=name, AddReplicaRegions=[{"Region": SECOND}]
        )
    secrets.create_secret(Name="dev/old-app", SecretString="x")
    secrets.delete_secret(SecretId="dev/old-app", RecoveryWindowInDays=7)
    first_page = secrets.list_secrets(IncludePlannedDeletion=True)
    assert "NextToken" in first_page, "the secrets fit in one page"
    return secrets


def test_counts_every_page_and_sorts_replicas_and_deleted_secrets(account):
    assert count_secrets(PRIMARY) == {
        "secrets": PRIMARY_COUNT,
        "pending deletion": 1,
    }
    assert count_secrets(SECOND) == {"replicas": 2}


def test_prints_the_cost_per_region_and_in_total(account, capsys):
    main([PRIMARY, SECOND, PRIMARY])

    assert capsys.readouterr().out.splitlines() == [
        "Region           Secrets  Replicas  Pending deletion   Per month",
        "us-west-2            101         0                 1      $40.40",
        "eu-west-1              0         2                 0       $0.80",
        "Total                101         2                 1      $41.20",
    ]


def test_a_region_without_secrets_costs_nothing(capsys):
    main(["ap-southeast-2"])

    assert capsys.readouterr().out.splitlines()[1:] == [
        "ap-southeast-2         0         0                 0       $0.00",
        "Total                  0         0                 0       $0.00",
    ]


def test_command_prints_the_output_shown_on_the_page(aws):
    secrets = aws.client("secretsmanager")
    for name in [
        DATABASE_SECRET,
        API_KEY_SECRET,
        "prod/billing/postgres",
        "dev/orders/postgres",
    ]:
        secrets.create_secret(Name=name, SecretString="{}")
    for name in [DATABASE_SECRET, API_KEY_SECRET]:
        secrets.replicate_secret_to_regions(
            SecretId=name, AddReplicaRegions=[{"Region": "eu-west-1"}]
        )
    secrets.delete_secret(SecretId="dev/orders/postgres")

    result = aws.run_example("account_cost_cli.sh")

    shown = (EXAMPLES / "account_cost_cli.txt").read_text()
    assert result.stdout == shown
    # 3 secrets and 2 replicas at $0.40; the deleted secret is free.
    assert shown.splitlines()[-1].endswith("$2.00")
