"""Estimate a month's AWS Secrets Manager bill, to the cent.

Import it (``from cost_estimate import estimate_monthly_cost``) or run it:

    python cost_estimate.py --secrets 25 --api-calls 1000000
"""

import argparse
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Prices in US dollars from https://aws.amazon.com/secrets-manager/pricing/,
# checked on PRICES_CHECKED. A replica is billed as a secret of its own, and a
# secret marked for deletion is not billed.
PRICES_CHECKED = "2026-11-28"
PRICE_PER_SECRET_MONTH = Decimal("0.40")
PRICE_PER_10K_API_CALLS = Decimal("0.05")
# The month of the AWS Pricing Calculator: 365 days x 24 hours / 12 months.
# A secret stored for part of a month is billed for its share of these hours.
HOURS_PER_MONTH = 730
CENT = Decimal("0.01")


def dollars(amount: Decimal) -> str:
    """An amount as shown on a bill: rounded to the cent, half up."""
    return f"${amount.quantize(CENT, rounding=ROUND_HALF_UP):,}"


@dataclass(frozen=True)
class MonthlyCost:
    """A month's cost in US dollars, exact: round only to show it."""

    storage: Decimal
    api_calls: Decimal

    @property
    def total(self) -> Decimal:
        return self.storage + self.api_calls

    def __str__(self) -> str:
        rows = {
            "Storage": self.storage,
            "API calls": self.api_calls,
            "Total": self.total,
        }
        width = max(len(dollars(amount)) for amount in rows.values())
        return "\n".join(
            f"{label:<10}{dollars(amount):>{width + 1}}"
            for label, amount in rows.items()
        )


def _count(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a whole number, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be 0 or more, got {value}")
    return value


def _hours(value: int | Decimal) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(
            f"hours_stored must be an int or a Decimal, got {value!r}; "
            "for part of an hour write Decimal('0.5'), not a float"
        )
    hours = Decimal(value)
    if not (hours.is_finite() and 0 <= hours <= HOURS_PER_MONTH):
        raise ValueError(
            f"hours_stored must be from 0 to {HOURS_PER_MONTH} (a whole "
            f"month), got {value}; estimate a longer time month by month"
        )
    return hours


def estimate_monthly_cost(
    *,
    secrets: int = 0,
    replicas: int = 0,
    api_calls: int = 0,
    hours_stored: int | Decimal = HOURS_PER_MONTH,
) -> MonthlyCost:
    """The cost of one month of Secrets Manager.

    secrets and replicas: how many primary and replica secrets are stored,
    leaving out secrets marked for deletion, which are not billed.
    api_calls: the API calls made in the month, all secrets together.
    hours_stored: how long each secret is stored in the month, in hours;
    by default the whole month.
    """
    billed_secrets = _count("secrets", secrets) + _count("replicas", replicas)
    hours = _hours(hours_stored)
    calls = _count("api_calls", api_calls)
    # Multiply first: the division by 730 is then the only inexact step, and
    # Decimal rounds it at the 28th significant digit, far below a cent.
    storage = PRICE_PER_SECRET_MONTH * billed_secrets * hours / HOURS_PER_MONTH
    return MonthlyCost(
        storage=storage,
        api_calls=PRICE_PER_10K_API_CALLS * calls / 10_000,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Estimate a month's AWS Secrets Manager bill, with the "
        f"prices checked on {PRICES_CHECKED}."
    )
    parser.add_argument(
        "--secrets", type=int, default=0, help="primary secrets stored"
    )
    parser.add_argument(
        "--replicas", type=int, default=0, help="replicas, in all regions"
    )
    parser.add_argument(
        "--api-calls", type=int, default=0, help="API calls in the month"
    )
    parser.add_argument(
        "--hours-stored",
        type=int,
        default=HOURS_PER_MONTH,
        help="hours each secret is stored in the month "
        f"(default and most: {HOURS_PER_MONTH})",
    )
    args = parser.parse_args(argv)
    try:
        cost = estimate_monthly_cost(
            secrets=args.secrets,
            replicas=args.replicas,
            api_calls=args.api_calls,
            hours_stored=args.hours_stored,
        )
    except ValueError as error:
        parser.error(str(error))
    print(f"Prices of {PRICES_CHECKED}, one month of {HOURS_PER_MONTH} hours")
    print(
        f"{'Secrets':<12}{args.secrets:,} + {args.replicas:,} replicas, "
        f"stored {args.hours_stored} hours"
    )
    print(f"{'API calls':<12}{args.api_calls:,}")
    print()
    print(cost)


if __name__ == "__main__":
    main()
