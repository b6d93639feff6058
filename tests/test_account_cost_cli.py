"""examples/account_cost_cli.sh and the output the page shows for it,
examples/account_cost_cli.txt, on docs/costs.md."""

import pytest

# The script counts every secret in a region, so the test needs an account
# that holds only what it creates: the in-process mock.
pytestmark = pytest.mark.moto_only


def test_command_prints_the_output_shown_on_the_page(aws, tmp_path):
    secrets = aws.client("secretsmanager")
    for name in [
        "prod/orders/postgres",
        "prod/orders/payments-api",
        "prod/billing/postgres",
        "dev/orders/postgres",
    ]:
        secrets.create_secret(Name=name, SecretString="{}")
    for name in ["prod/orders/postgres", "prod/orders/payments-api"]:
        secrets.replicate_secret_to_regions(
            SecretId=name, AddReplicaRegions=[{"Region": "eu-west-1"}]
        )
    secrets.delete_secret(SecretId="dev/orders/postgres")

    result = aws.run_example(
        "account_cost_cli.sh", documented_names=[], tmp_path=tmp_path
    )

    shown = (aws.examples_dir / "account_cost_cli.txt").read_text()
    assert result.stdout == shown
    # 3 secrets and 2 replicas at $0.40; the deleted secret is free.
    assert shown.splitlines()[-1].endswith("$2.00")
