"""Estimate the monthly storage cost of the secrets in an AWS account.

Lists every secret in the regions you name, counts primary secrets and
replicas, leaves out secrets pending deletion, and prints the cost per region
and in total. Save it beside cost_estimate.py and run, for example:

    python account_cost.py us-west-2 eu-west-1
"""

import argparse
from collections import Counter

import boto3
from cost_estimate import dollars, estimate_monthly_cost

ROW = "{:<16}{:>8}{:>10}{:>18}{:>12}"


def count_secrets(region: str) -> Counter:
    """How many secrets, replicas and secrets pending deletion a region
    holds. Needs secretsmanager:ListSecrets."""
    client = boto3.client("secretsmanager", region_name=region)
    # Each page holds at most 100 secrets; the paginator asks for them all.
    pages = client.get_paginator("list_secrets").paginate(
        IncludePlannedDeletion=True
    )
    counts = Counter()
    for page in pages:
        for secret in page["SecretList"]:
            if secret.get("DeletedDate"):
                counts["pending deletion"] += 1
            elif secret.get("PrimaryRegion", region) != region:
                counts["replicas"] += 1
            else:
                counts["secrets"] += 1
    return counts


def print_row(label: str, counts: Counter) -> None:
    """One line of the table: the counts, and what they cost a month."""
    cost = estimate_monthly_cost(
        secrets=counts["secrets"], replicas=counts["replicas"]
    )
    print(
        ROW.format(
            label,
            counts["secrets"],
            counts["replicas"],
            counts["pending deletion"],
            dollars(cost.storage),
        )
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Estimate the monthly storage cost of the secrets in "
        "the given regions (API calls not included)."
    )
    parser.add_argument(
        "regions",
        nargs="+",
        metavar="region",
        help="a region you keep secrets in, such as us-west-2",
    )
    args = parser.parse_args(argv)

    print(
        ROW.format(
            "Region", "Secrets", "Replicas", "Pending deletion", "Per month"
        )
    )
    total = Counter()
    for region in dict.fromkeys(args.regions):  # each region once
        counts = count_secrets(region)
        total.update(counts)
        print_row(region, counts)
    print_row("Total", total)


if __name__ == "__main__":
    main()
