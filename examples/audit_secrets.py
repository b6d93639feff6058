"""Check the secrets of an AWS account against the handbook's rules.

Lists every secret in the regions you name (by default, your profile's
region) and reports, for each, the rules it breaks: five AWS Config managed
rules and our own conventions, with what each secret costs a month. It never
reads a secret's value: audit_secrets_policy.json is all it needs. Save it
beside cost_estimate.py and run, for example:

    python audit_secrets.py --region us-west-2 --region eu-west-1

Exit status: 0 when no rule is broken, 1 when one is, 3 when a region could
not be audited (the other regions are still reported), 2 for bad arguments.
"""

# --8<-- [start:settings]
import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from cost_estimate import CENT, dollars, estimate_monthly_cost

# The defaults of the AWS Config managed rules' parameters, from each rule's
# page in the AWS Config Developer Guide. The rules' other parameters,
# maximumAllowedRotationFrequency(InHours) and kmsKeyArns, have no default.
MAX_DAYS_SINCE_ROTATION = 90  # secretsmanager-secret-periodic-rotation
UNUSED_FOR_DAYS = 90  # secretsmanager-secret-unused
# Our conventions, from docs/how-to/store.md: <env>/<app>/<purpose> in
# lower case, and no name ending like an ARN's hyphen and six characters.
NAME_PATTERN = re.compile(r"(dev|staging|prod)/[a-z0-9-]+(/[a-z0-9-]+)+")
ENDS_LIKE_AN_ARN = re.compile(r"-[a-z0-9]{6}$")
# Database credentials are named after their engine (<purpose> is postgres,
# mysql...), or are managed by Amazon RDS, which names them itself.
DATABASE_ENGINES = {"postgres", "mysql", "mariadb", "oracle", "sqlserver"}
CONFIG_RULES = (
    "secretsmanager-rotation-enabled-check",
    "secretsmanager-scheduled-rotation-success-check",
    "secretsmanager-secret-periodic-rotation",
    "secretsmanager-secret-unused",
    "secretsmanager-using-cmk",
)
OUR_RULES = (
    "name-pattern",
    "owner-in-description",
    "no-resource-policy",
    "database-rotation",
    "replication",
)
# botocore's standard retry mode retries throttled calls with backoff;
# AWS_MAX_ATTEMPTS in the environment sets the attempts (3 by default).
RETRIES = Config(retries={"mode": "standard"})


@dataclass
class SecretReport:
    """What the audit found about one secret. broken: (rule, why) pairs."""

    region: str
    name: str
    monthly_cost: Decimal
    broken: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --8<-- [end:settings]


# --8<-- [start:config_rules]
def config_rules(secret: dict, limits: argparse.Namespace, now: datetime):
    """The AWS Config managed rules `secret` (a DescribeSecret answer)
    breaks, as AWS documents them, each with why."""
    created = secret["CreatedDate"]
    rotation_days = secret.get("RotationRules", {}).get(
        "AutomaticallyAfterDays", 0
    )
    if not secret.get("RotationEnabled"):
        yield "secretsmanager-rotation-enabled-check", "rotation is off"
    elif limits.max_rotation_hours and (
        rotation_days * 24 > limits.max_rotation_hours
    ):
        yield (
            "secretsmanager-rotation-enabled-check",
            f"rotates every {rotation_days} days, less often than every "
            f"{limits.max_rotation_hours} hours",
        )
    # Only for a secret that rotates: Secrets Manager sets the date.
    if (
        secret.get("RotationEnabled")
        and secret.get("NextRotationDate", now) < now
    ):
        yield (
            "secretsmanager-scheduled-rotation-success-check",
            f"was due to rotate on {secret['NextRotationDate']:%Y-%m-%d}",
        )
    rotated = secret.get("LastRotatedDate")
    age = (now - (rotated or created)).days
    if age > limits.max_days_since_rotation:
        yield (
            "secretsmanager-secret-periodic-rotation",
            f"last rotated {age} days ago, on {rotated:%Y-%m-%d}"
            if rotated
            else f"never rotated in the {age} days since it was created",
        )
    # Read in any region: the primary's date, or a replica's.
    accessed = max(
        [secret.get("LastAccessedDate", created)]
        + [
            replica.get("LastAccessedDate", created)
            for replica in secret.get("ReplicationStatus", [])
        ]
    )
    idle = (now - accessed).days
    if idle > limits.unused_for_days:
        yield (
            "secretsmanager-secret-unused",
            f"not read for {idle} days, since {accessed:%Y-%m-%d}",
        )
    key = secret.get("KmsKeyId", "alias/aws/secretsmanager")
    if key == "alias/aws/secretsmanager":
        yield "secretsmanager-using-cmk", "encrypted with aws/secretsmanager"
    elif limits.kms_key_arns and key not in limits.kms_key_arns:
        yield "secretsmanager-using-cmk", f"encrypted with {key}, not listed"


# --8<-- [end:config_rules]


# --8<-- [start:our_rules]
def our_rules(secret: dict, policy: str | None):
    """The conventions of docs/how-to/store.md `secret` breaks, each with
    why, and the state of its replicas."""
    name, description = secret["Name"], secret.get("Description", "")
    # A service that manages a secret (OwningService) chooses its name.
    if "OwningService" not in secret and (
        not NAME_PATTERN.fullmatch(name) or ENDS_LIKE_AN_ARN.search(name)
    ):
        yield "name-pattern", "not <env>/<app>/<purpose> in lower case"
    # The owner is the name's <app>; a name without one needs a description.
    owner = [*name.split("/"), ""][1]
    if not description or owner.lower() not in description.lower():
        yield (
            "owner-in-description",
            f"the description does not name the owner, {owner}"
            if description
            else "no description",
        )
    if policy:
        yield (
            "no-resource-policy",
            "has a resource policy that grants access to anyone"
            if grants_public_access(json.loads(policy))
            else "has a resource policy (not public)",
        )
    is_database = (
        name.split("/")[-1] in DATABASE_ENGINES
        or secret.get("OwningService") == "rds"
    )
    if is_database and not secret.get("RotationEnabled"):
        yield "database-rotation", "database credentials with rotation off"
    for replica in secret.get("ReplicationStatus", []):
        if replica["Status"] == "Failed":
            yield (
                "replication",
                f"replica in {replica['Region']} failed: "
                + replica.get("StatusMessage", ""),
            )


def grants_public_access(policy: dict) -> bool:
    """Whether a statement allows everyone ("*") without a condition: the
    simplest of the policies Secrets Manager's BlockPublicPolicy refuses."""
    statements = policy["Statement"]
    if isinstance(statements, dict):
        statements = [statements]
    return any(
        statement["Effect"] == "Allow"
        and "Condition" not in statement
        and names_everyone(statement.get("Principal", {}))
        for statement in statements
    )


def names_everyone(principal) -> bool:
    """ "*", or {"AWS": "*"}, alone or in a list."""
    if isinstance(principal, dict):
        return any(names_everyone(value) for value in principal.values())
    if isinstance(principal, list):
        return "*" in principal
    return principal == "*"


# --8<-- [end:our_rules]


# --8<-- [start:audit_region]
def audit_region(region: str, limits: argparse.Namespace, now: datetime):
    """A report for each secret in `region`. Calls: one ListSecrets per page
    of 100 secrets, and for each primary secret not pending deletion one
    DescribeSecret (its replicas' status, which ListSecrets leaves out) and
    one GetResourcePolicy."""
    client = boto3.client("secretsmanager", region_name=region, config=RETRIES)
    pages = client.get_paginator("list_secrets").paginate(
        IncludePlannedDeletion=True, PaginationConfig={"PageSize": 100}
    )
    for page in pages:
        for entry in page["SecretList"]:
            report = SecretReport(region, entry["Name"], Decimal(0))
            if "DeletedDate" in entry:
                # Not billed, and soon gone: no rule applies.
                report.notes.append(
                    "pending deletion, deleted for good on "
                    f"{entry['DeletedDate']:%Y-%m-%d}"
                )
            elif entry.get("PrimaryRegion", region) != region:
                # Checked, and billed, with its primary secret.
                report.notes.append(
                    f"replica of the secret in {entry['PrimaryRegion']}"
                )
            else:
                secret = client.describe_secret(SecretId=entry["ARN"])
                policy = client.get_resource_policy(SecretId=entry["ARN"])
                replicas = secret.get("ReplicationStatus", [])
                report.monthly_cost = estimate_monthly_cost(
                    secrets=1, replicas=len(replicas)
                ).storage
                report.broken += config_rules(secret, limits, now)
                report.broken += our_rules(
                    secret, policy.get("ResourcePolicy")
                )
                report.notes += [
                    f"replica in {replica['Region']}: {replica['Status']}"
                    for replica in replicas
                    if replica["Status"] != "Failed"  # a broken rule
                ]
            report.broken = [
                (rule, why)
                for rule, why in report.broken
                if rule not in limits.ignore
            ]
            yield report


def why_not_audited(error: Exception) -> str:
    """What went wrong in a region, and what to do about it."""
    if not isinstance(error, ClientError):
        return f"{error}; check the network and your credentials"
    code = error.response["Error"]["Code"]
    if "AccessDenied" in str(error):
        return (
            f"access denied ({code}): give the role audit_secrets_policy.json"
            " in this region, or leave the region out"
        )
    if code == "ThrottlingException":
        attempts = error.response["ResponseMetadata"]["RetryAttempts"] + 1
        return (
            f"still throttled after {attempts} attempts: run again later, "
            "or allow more attempts with AWS_MAX_ATTEMPTS"
        )
    return f"{error}; run again, or leave the region out"


# --8<-- [end:audit_region]


# --8<-- [start:command_line]
def known_regions() -> set[str]:
    """Every region botocore knows Secrets Manager in, in any partition."""
    session = boto3.session.Session()
    return {
        region
        for partition in session.get_available_partitions()
        for region in session.get_available_regions(
            "secretsmanager", partition
        )
    }


def print_table(reports: list, not_audited: dict, summary: dict) -> None:
    """One line per broken rule or note, under its secret's name."""
    rows = [("Region", "Secret", "Per month", "Finding")]
    for report in reports:
        findings = [
            f"{rule}: {why}" for rule, why in report.broken
        ] + report.notes or ["ok"]
        cost = dollars(report.monthly_cost)
        rows.append((report.region, report.name, cost, findings[0]))
        rows += [("", "", "", finding) for finding in findings[1:]]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for region, name, cost, finding in rows:
        print(
            f"{region:<{widths[0]}}  {name:<{widths[1]}}  "
            f"{cost:>{widths[2]}}  {finding}".rstrip()
        )
    print()
    print(
        f"{summary['breaking']} of {summary['audited']} secrets break a "
        f"rule. They cost {dollars(summary['monthly_cost'])} a month; "
        f"deleting the unused ones ({summary['unused']}) would save "
        f"{dollars(summary['unused_saving'])} a month."
    )
    for region, why in not_audited.items():
        print(f"Not audited: {region}: {why}", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Report every secret that breaks the handbook's rules. "
        "Reads no secret value."
    )
    parser.add_argument(
        "--region",
        action="append",
        dest="regions",
        help="a region to audit; repeat for more (default: your profile's)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        choices=CONFIG_RULES + OUR_RULES,
        help="a rule not to report; repeat for more",
    )
    parser.add_argument(
        "--max-days-since-rotation",
        type=int,
        default=MAX_DAYS_SINCE_ROTATION,
        help="maxDaysSinceRotation (default: %(default)s)",
    )
    parser.add_argument(
        "--unused-for-days",
        type=int,
        default=UNUSED_FOR_DAYS,
        help="unusedForDays (default: %(default)s)",
    )
    parser.add_argument(
        "--maximum-allowed-rotation-frequency",
        type=int,
        help="maximumAllowedRotationFrequency, in days (default: none)",
    )
    parser.add_argument(
        "--maximum-allowed-rotation-frequency-in-hours",
        type=int,
        help="maximumAllowedRotationFrequencyInHours (default: none)",
    )
    parser.add_argument(
        "--kms-key-arns",
        type=lambda text: text.split(","),
        default=[],
        help="kmsKeyArns: the keys allowed, comma-separated (default: any "
        "customer managed key)",
    )
    limits = parser.parse_args(argv)
    days = limits.maximum_allowed_rotation_frequency
    in_hours = limits.maximum_allowed_rotation_frequency_in_hours
    # The stricter of the two, when either is given.
    limits.max_rotation_hours = min(
        (hours for hours in (days and days * 24, in_hours) if hours),
        default=None,
    )
    regions = limits.regions or [boto3.session.Session().region_name]
    if None in regions:
        parser.error("no region: pass --region, or set one in your profile")

    now = datetime.now(UTC)
    reports, not_audited, known = [], {}, known_regions()
    for region in dict.fromkeys(regions):  # each region once
        if region not in known:
            not_audited[region] = (
                "not a region of Secrets Manager: check the spelling "
                "(such as us-west-2), or upgrade boto3 for a new region"
            )
            continue
        try:
            found = sorted(
                audit_region(region, limits, now), key=lambda r: r.name
            )
        except (BotoCoreError, ClientError) as error:
            not_audited[region] = why_not_audited(error)
        else:
            reports += found

    unused = [
        report
        for report in reports
        if "secretsmanager-secret-unused" in dict(report.broken)
    ]
    summary = {
        "audited": len(reports),
        "breaking": sum(1 for report in reports if report.broken),
        "monthly_cost": sum((r.monthly_cost for r in reports), Decimal(0)),
        "unused": len(unused),
        "unused_saving": sum((r.monthly_cost for r in unused), Decimal(0)),
    }
    if limits.json:
        print(
            json.dumps(
                {
                    "secrets": [
                        asdict(report)
                        | {
                            "broken": [
                                {"rule": rule, "why": why}
                                for rule, why in report.broken
                            ]
                        }
                        for report in reports
                    ],
                    "not_audited": not_audited,
                    **summary,
                },
                default=lambda amount: str(amount.quantize(CENT)),
                indent=2,
            )
        )
    else:
        print_table(reports, not_audited, summary)
    sys.exit(3 if not_audited else 1 if summary["breaking"] else 0)


if __name__ == "__main__":
    main()
# --8<-- [end:command_line]
