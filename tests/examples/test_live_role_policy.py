"""examples/live_role_policy.json, the policy of the role that live runs
use (docs/contributing.md): IAM accepts it, parliament finds nothing, its
statements reach what live runs make and nothing else, and only listings
AWS cannot scope are account-wide. That it allows each Secrets Manager call
a live run makes: tests/harness/test_live.py."""

import pytest
from parliament.statement import get_privilege_info

from tests.support.documented import REPLICA_REGION
from tests.support.iam import (
    create_secrets_and_lookalikes,
    fill,
    iam_matches,
    lint,
    statements,
)
from tests.support.live import NAME_PREFIX, ROLE_PATH

pytestmark = pytest.mark.moto_only("moto's IAM policy validator")

POLICY = "live_role_policy.json"
RUN = "20261203120000-a1b2c3"


def resource_of(sid: str) -> str:
    [statement] = [s for s in statements(fill(POLICY)) if s["Sid"] == sid]
    return statement["Resource"]


def test_iam_accepts_the_policy_and_parliament_finds_nothing(aws):
    document = fill(POLICY)

    aws.client("iam").create_policy(
        PolicyName="docs-live", PolicyDocument=document
    )

    assert lint(document) == []


def test_secret_statement_reaches_the_secrets_of_live_runs_only(
    aws, monkeypatch
):
    names = [f"{NAME_PREFIX}{RUN}/0f1e2d3c/prod/orders/postgres"]
    lookalikes = [
        "prod/orders/postgres",
        "docs-livex/prod/orders/postgres",
        "docs-test-0f1e2d3c/prod/orders/postgres",
        "DOCS-LIVE/prod/orders/postgres",
    ]
    arns, outside = create_secrets_and_lookalikes(
        aws, monkeypatch, names, lookalikes
    )
    # A live run replicates secrets: any region of the account is its own.
    replicas = [arn for arn in outside if f":{REPLICA_REGION}:" in arn]
    outside = [arn for arn in outside if arn not in replicas]
    pattern = resource_of("SecretsOfLiveRuns")

    assert replicas
    assert all(iam_matches(pattern, arn) for arn in arns + replicas)
    assert not any(iam_matches(pattern, arn) for arn in outside)


def test_role_statement_reaches_roles_on_the_live_path_only(aws):
    iam = aws.client("iam")

    def role_arn(name: str, path: str) -> str:
        return iam.create_role(
            RoleName=name, Path=path, AssumeRolePolicyDocument="{}"
        )["Role"]["Arn"]

    inside = role_arn("orders-api", ROLE_PATH)
    outside = [role_arn("docs-live-orders-api", "/"), role_arn("x", "/docs/")]
    pattern = resource_of("RolesOfLiveRuns")

    assert iam_matches(pattern, inside)
    assert not any(iam_matches(pattern, arn) for arn in outside)


def test_function_statement_reaches_docs_live_functions_only():
    pattern = resource_of("FunctionsOfLiveRuns")
    arn = pattern.removesuffix("docs-live-*") + "{}"

    assert iam_matches(pattern, arn.format(f"docs-live-{RUN}-orders-api"))
    assert not iam_matches(pattern, arn.format("orders-api"))
    assert not iam_matches(pattern, arn.format("docs-livex"))


def test_only_actions_without_resource_types_are_account_wide():
    account_wide = [
        action
        for statement in statements(fill(POLICY))
        if statement["Resource"] == "*"
        for action in statement["Action"]
    ]

    assert account_wide
    for action in account_wide:
        service, name = action.split(":")
        types = get_privilege_info(service, name)["resource_types"]
        assert [t["resource_type"] for t in types] == [""], action
