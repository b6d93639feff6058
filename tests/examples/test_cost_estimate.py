"""examples/cost_estimate.py, shown on docs/costs.md, and the command the
page shows for it, cost_estimate_cli.sh, with its output
cost_estimate_cli.txt."""

from decimal import Decimal
from fractions import Fraction

import pytest
from cost_estimate import (
    HOURS_PER_MONTH,
    PRICE_PER_10K_API_CALLS,
    PRICE_PER_SECRET_MONTH,
    PRICES_CHECKED,
    dollars,
    estimate_monthly_cost,
    main,
)

from tests.support.paths import DOCS, EXAMPLES

# Worked by hand from $0.40 per secret-month of 730 hours and $0.05 per
# 10,000 calls: (arguments, exact storage, exact API calls, shown total).
HAND_COMPUTED = [
    pytest.param(
        {"secrets": 25, "api_calls": 1_000_000},
        Fraction(10),  # 25 x 0.40
        Fraction(5),  # 100 x 0.05
        "$15.00",
        id="25 secrets, a million calls",
    ),
    pytest.param(
        {"secrets": 10, "replicas": 10, "api_calls": 30_000},
        Fraction(8),  # 20 x 0.40: a replica is billed as a secret
        Fraction(15, 100),  # 3 x 0.05
        "$8.15",
        id="10 secrets with a replica each",
    ),
    pytest.param(
        {"secrets": 1, "hours_stored": 15 * 24},
        Fraction(72, 365),  # 0.40 x 360 / 730 = 0.19726...
        Fraction(0),
        "$0.20",
        id="one secret for 15 days",
    ),
    pytest.param(
        {"secrets": 4, "replicas": 2, "hours_stored": 100, "api_calls": 7},
        Fraction(24, 73),  # 6 x 0.40 x 100 / 730 = 0.32876...
        Fraction(35, 1_000_000),  # 7 x 0.000005
        "$0.33",
        id="replicas prorated, a few calls",
    ),
    pytest.param(
        {"secrets": 3, "hours_stored": 0, "api_calls": 1},
        Fraction(0),
        Fraction(5, 1_000_000),  # one call is $0.000005, not a whole $0.05
        "$0.00",
        id="no hours stored, one call",
    ),
    pytest.param(
        {"api_calls": 1_000},
        Fraction(0),
        Fraction(5, 1_000),  # half a cent: rounded up when shown
        "$0.01",
        id="half a cent rounds up",
    ),
    pytest.param(
        {"secrets": 1, "hours_stored": Decimal("7.3"), "api_calls": 800},
        Fraction(4, 1_000),  # 0.40 x 7.3 / 730
        Fraction(4, 1_000),  # 800 x 0.000005
        "$0.01",  # 0.008, though each part shows as $0.00
        id="total rounded from the exact sum",
    ),
]


def exactly(amount: Decimal, expected: Fraction) -> bool:
    """Equal to the hand-computed value, or within Decimal's 28 digits
    where the division by 730 has no finite decimal."""
    return abs(Fraction(amount) - expected) < Fraction(1, 10**25)


@pytest.mark.parametrize(
    ("arguments", "storage", "api_calls", "total"), HAND_COMPUTED
)
def test_estimate_matches_the_hand_computed_cost(
    arguments, storage, api_calls, total
):
    cost = estimate_monthly_cost(**arguments)

    assert exactly(cost.storage, storage)
    assert exactly(cost.api_calls, api_calls)
    assert cost.total == cost.storage + cost.api_calls
    assert dollars(cost.total) == total


def test_amounts_are_exact_decimals_until_shown():
    cost = estimate_monthly_cost(secrets=1, hours_stored=360)

    assert isinstance(cost.storage, Decimal)
    assert str(cost.storage) == "0.1972602739726027397260273973"
    assert dollars(cost.storage) == "$0.20"


def test_breakdown_prints_as_an_aligned_table():
    cost = estimate_monthly_cost(secrets=2_500_000, api_calls=10_000_000_000)

    assert str(cost) == (
        "Storage    $1,000,000.00\n"
        "API calls     $50,000.00\n"
        "Total      $1,050,000.00"
    )


@pytest.mark.parametrize("name", ["secrets", "replicas", "api_calls"])
def test_a_negative_count_is_refused(name):
    with pytest.raises(
        ValueError, match=f"^{name} must be 0 or more, got -1$"
    ):
        estimate_monthly_cost(**{name: -1})


@pytest.mark.parametrize("value", ["10", 2.5, None, True])
@pytest.mark.parametrize("name", ["secrets", "replicas", "api_calls"])
def test_a_count_that_is_not_a_whole_number_is_refused(name, value):
    with pytest.raises(
        TypeError, match=f"^{name} must be a whole number, got {value!r}$"
    ):
        estimate_monthly_cost(**{name: value})


@pytest.mark.parametrize(
    "hours",
    [HOURS_PER_MONTH + 1, -1, Decimal("730.01"), Decimal("NaN")],
)
def test_hours_outside_the_month_are_refused(hours):
    with pytest.raises(
        ValueError,
        match=r"^hours_stored must be from 0 to 730 \(a whole month\), got ",
    ):
        estimate_monthly_cost(secrets=1, hours_stored=hours)


@pytest.mark.parametrize("hours", [12.5, "360", False])
def test_hours_that_are_not_exact_numbers_are_refused(hours):
    with pytest.raises(
        TypeError, match=r"^hours_stored must be an int or a Decimal"
    ):
        estimate_monthly_cost(secrets=1, hours_stored=hours)


def test_hours_accept_the_whole_month_and_parts_of_an_hour():
    whole = estimate_monthly_cost(secrets=1, hours_stored=HOURS_PER_MONTH)
    half_hour = estimate_monthly_cost(secrets=1, hours_stored=Decimal("0.5"))

    assert whole.storage == PRICE_PER_SECRET_MONTH
    assert exactly(half_hour.storage, Fraction(2, 7300))  # 0.40 x 0.5 / 730


def test_command_line_prints_the_inputs_and_the_breakdown(capsys):
    main(["--secrets", "10", "--replicas", "10", "--hours-stored", "360"])

    assert capsys.readouterr().out == (
        "Prices of 2026-11-28, one month of 730 hours\n"
        "Secrets     10 + 10 replicas, stored 360 hours\n"
        "API calls   0\n"
        "\n"
        "Storage    $3.95\n"  # 20 x 0.40 x 360 / 730 = 3.945...
        "API calls  $0.00\n"
        "Total      $3.95\n"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--secrets", "ten"],
            "argument --secrets: invalid int value: 'ten'",
        ),
        (
            ["--api-calls", "1e6"],
            "argument --api-calls: invalid int value: '1e6'",
        ),
        (["--replicas", "-2"], "replicas must be 0 or more, got -2"),
        (
            ["--secrets", "1", "--hours-stored", "744"],
            "hours_stored must be from 0 to 730 (a whole month), got 744; "
            "estimate a longer time month by month",
        ),
    ],
)
def test_command_line_refuses_bad_input_with_a_clear_message(
    arguments, message, capsys
):
    with pytest.raises(SystemExit) as exit_info:
        main(arguments)

    assert exit_info.value.code == 2
    output = capsys.readouterr()
    assert output.out == ""
    assert output.err.startswith("usage: ")
    assert output.err.endswith(f"error: {message}\n")


def test_page_states_the_prices_the_calculator_uses():
    page = (DOCS / "costs.md").read_text()

    assert f"${PRICE_PER_SECRET_MONTH} per secret per month" in page
    assert f"${PRICE_PER_10K_API_CALLS} per 10,000 API calls" in page
    assert f"{HOURS_PER_MONTH} hours" in page
    assert f"checked on {PRICES_CHECKED}" in page


def test_command_prints_the_output_shown_on_the_page(aws):
    result = aws.run_example("cost_estimate_cli.sh")

    shown = (EXAMPLES / "cost_estimate_cli.txt").read_text()
    assert result.stdout == shown
    assert "Total      $15.00" in shown  # 25 x $0.40 + 100 x $0.05
