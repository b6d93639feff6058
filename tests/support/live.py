"""Live runs: the example tests against a real AWS sandbox account.

``pytest --live tests/examples`` (`make test-live`) runs the example tests
with the credentials in the environment, in the region DOCS_LIVE_REGION. It
starts only if DOCS_LIVE_OPT_IN is 1, the region is named, and the
credentials belong to DOCS_LIVE_ACCOUNT_ID, checked in this order: only the
last check calls AWS (sts get-caller-identity), and a failed one stops the
run before anything else is called.

A run touches only what it made. Its run id starts with its start time in
UTC, and everything it creates carries that id twice: in its name (each
test's secrets under ``docs-live/<run-id>/<test>/``, as `aws.name()` maps
the documented names; IAM roles on the path /docs-live/; functions named
docs-live-...) and in the tag docs-live-run=<run-id>. botocore adds the tag
and the path to every create call of this process; the `aws` wrapper adds
the tag to the AWS CLI's create-secret. At the end the run deletes what
carries its id both ways, then prints a leak report, what is left with its
run id, and fails unless it is empty. ``python -m tests.support.live
MINUTES`` (`make live-sweep`) deletes what runs that started at least that
long ago left, such as a killed run: only what carries both marks.
"""

import os
import sys
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import boto3
import botocore.handlers
import pytest
from botocore.exceptions import BotoCoreError, ClientError

from tests.support.documented import REGION
from tests.support.paths import TESTS
from tests.support.replicas import force_delete
from tests.support.sandbox import (
    ENVIRONMENT_CREDENTIALS,
    use_fake_aws_environment,
)

OPT_IN = "DOCS_LIVE_OPT_IN"
ACCOUNT_ID = "DOCS_LIVE_ACCOUNT_ID"
LIVE_REGION = "DOCS_LIVE_REGION"
# Set by a live run for its tests and the AWS CLI they run; unset otherwise.
RUN_ID = "DOCS_LIVE_RUN_ID"
TAG = "docs-live-run"
NAME_PREFIX = "docs-live/"  # of the secrets
ROLE_PATH = "/docs-live/"
FUNCTION_PREFIX = "docs-live-"
STARTED = "%Y%m%d%H%M%S"
# The codes of Secrets Manager, Lambda and IAM for what does not exist.
GONE = {"ResourceNotFoundException", "NoSuchEntity"}
LEAK_REPORT = pytest.StashKey[list[str]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--live",
        action="store_true",
        help="run the example tests against the AWS sandbox account of the "
        f"shell's credentials; needs {OPT_IN}=1, {LIVE_REGION} and "
        f"{ACCOUNT_ID} (docs/contributing.md)",
    )


def run_id() -> str | None:
    """The id of the live run this process belongs to, if any."""
    return os.environ.get(RUN_ID)


def refusal() -> str | None:
    """Why a live run must not start, or None if it may."""
    if os.environ.get(OPT_IN) != "1":
        return (
            f"{OPT_IN} is not 1. A live run creates and deletes resources "
            f"in the account of your credentials: set {OPT_IN}=1 to mean it."
        )
    if not os.environ.get(LIVE_REGION):
        return (
            f"{LIVE_REGION} is not set: name the sandbox account's region, "
            f"such as {REGION}."
        )
    expected = os.environ.get(ACCOUNT_ID)
    if not expected:
        return (
            f"{ACCOUNT_ID} is not set: give the id of the sandbox account, "
            "the only account a live run may use."
        )
    sts = boto3.client("sts", region_name=os.environ[LIVE_REGION])
    try:
        account = sts.get_caller_identity()["Account"]
    except (BotoCoreError, ClientError) as error:
        return (
            "sts get-caller-identity failed, so the account of your "
            f"credentials is unknown: {error}"
        )
    if account != expected:
        return (
            f"your credentials are of account {account}, not {ACCOUNT_ID} "
            f"{expected}: a live run uses the sandbox account only."
        )
    return None


def new_run_id(now: datetime) -> str:
    return f"{now:{STARTED}}-{uuid.uuid4().hex[:6]}"


def started(run: str | None) -> datetime | None:
    """When the run with this id started; None for what is not a run id."""
    try:
        return datetime.strptime(run.split("-")[0], STARTED).replace(
            tzinfo=UTC
        )
    except (AttributeError, ValueError):
        return None


def run_tag() -> dict[str, str]:
    return {"Key": TAG, "Value": os.environ[RUN_ID]}


def tag_secret(params: dict, **_) -> None:
    params["Tags"] = [*params.get("Tags", []), run_tag()]


def tag_role(params: dict, **_) -> None:
    params["Path"] = ROLE_PATH
    params["Tags"] = [*params.get("Tags", []), run_tag()]


def tag_function(params: dict, **_) -> None:
    params["Tags"] = params.get("Tags", {}) | {TAG: os.environ[RUN_ID]}


# Every botocore session made after the run starts registers these.
TAGGING = [
    ("provide-client-params.secrets-manager.CreateSecret", tag_secret),
    ("provide-client-params.iam.CreateRole", tag_role),
    ("provide-client-params.lambda.CreateFunction", tag_function),
]
# What the clean-up and the sweep find: secrets (and their replicas), roles
# on ROLE_PATH, functions named FUNCTION_PREFIX...; anything else a run
# made would be left in the account. Of other services, a run may only read.
CLEANED_UP = {"secretsmanager", "iam", "lambda", "sts"}
READS = ("Describe", "Get", "List")
MAKES = ("Create", "Publish")
MADE_AND_FOUND = {"CreateSecret", "CreateRole", "CreateFunction"}


class NotCleanedUp(Exception):
    """A live run was about to make what it cannot delete."""


def refuse_what_is_not_cleaned_up(model, params: dict, **_) -> None:
    service, operation = model.service_model.service_name, model.name
    if service in CLEANED_UP:
        found = operation in MADE_AND_FOUND or not operation.startswith(MAKES)
        if operation == "CreateFunction":
            found = params["FunctionName"].startswith(FUNCTION_PREFIX)
    else:
        found = operation.startswith(READS)
    if not found:
        raise NotCleanedUp(
            f"{service} {operation}: a live run deletes only secrets, roles "
            f"and functions named {FUNCTION_PREFIX}..., so it may not make "
            "anything else; mark the test "
            '@pytest.mark.moto_only("what it makes")'
        )


# After the sandbox's: the environment is set (credentials, endpoint).
@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    if not config.getoption("--live"):
        os.environ.pop(RUN_ID, None)
        return
    refused = refusal()
    if refused:
        raise pytest.UsageError(f"Live run refused: {refused}")
    os.environ["AWS_DEFAULT_REGION"] = os.environ[LIVE_REGION]
    os.environ[RUN_ID] = new_run_id(datetime.now(UTC))
    botocore.handlers.BUILTIN_HANDLERS.extend(
        [*TAGGING, ("before-parameter-build", refuse_what_is_not_cleaned_up)]
    )
    boto3.DEFAULT_SESSION = None


def pytest_report_header(config: pytest.Config) -> str | None:
    if run_id():
        return (
            f"Live run {run_id()}: account {os.environ[ACCOUNT_ID]}, "
            f"region {os.environ[LIVE_REGION]}"
        )
    return None


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """A live run runs the example tests only: not the site's."""
    if not run_id():
        return
    examples = TESTS / "examples"
    others = [item for item in items if not item.path.is_relative_to(examples)]
    if others:
        config.hook.pytest_deselected(items=others)
        items[:] = [item for item in items if item not in others]


@dataclass(frozen=True)
class Made:
    """A resource with a live run's name prefix or path."""

    kind: str  # secret, role or function
    name: str
    tagged: str | None  # the value of its docs-live-run tag

    def __str__(self) -> str:
        return f"{self.kind} {self.name} (run {self.tagged or 'untagged'})"

    def is_of(self, run: str) -> bool:
        """Both marks of the run: its tag, and a secret's name under its
        prefix (roles and functions are listed by path and name prefix)."""
        if self.tagged != run:
            return False
        return self.kind != "secret" or self.name.startswith(
            f"{NAME_PREFIX}{run}/"
        )


def made_by_live_runs(*, pending_deletion: bool = True) -> list[Made]:
    """Every secret named docs-live/..., role on the path /docs-live/ and
    function named docs-live-..., tagged or not."""
    made = []
    secrets = boto3.client("secretsmanager")
    for page in secrets.get_paginator("list_secrets").paginate(
        Filters=[{"Key": "name", "Values": [NAME_PREFIX]}],
        IncludePlannedDeletion=pending_deletion,
    ):
        for secret in page["SecretList"]:
            if secret["Name"].startswith(NAME_PREFIX):
                tags = {t["Key"]: t["Value"] for t in secret.get("Tags", [])}
                made.append(Made("secret", secret["Name"], tags.get(TAG)))
    iam = boto3.client("iam")
    for page in iam.get_paginator("list_roles").paginate(PathPrefix=ROLE_PATH):
        for role in page["Roles"]:
            listed = iam.list_role_tags(RoleName=role["RoleName"])["Tags"]
            tags = {t["Key"]: t["Value"] for t in listed}
            made.append(Made("role", role["RoleName"], tags.get(TAG)))
    functions = boto3.client("lambda")
    for page in functions.get_paginator("list_functions").paginate():
        for function in page["Functions"]:
            if function["FunctionName"].startswith(FUNCTION_PREFIX):
                arn = function["FunctionArn"]
                tags = functions.list_tags(Resource=arn)["Tags"]
                made.append(
                    Made("function", function["FunctionName"], tags.get(TAG))
                )
    return made


def delete(made: Made) -> None:
    if made.kind == "secret":
        force_delete(boto3.client("secretsmanager"), made.name)
    elif made.kind == "role":
        iam = boto3.client("iam")
        role = {"RoleName": made.name}
        for name in iam.list_role_policies(**role)["PolicyNames"]:
            iam.delete_role_policy(**role, PolicyName=name)
        attached = iam.list_attached_role_policies(**role)["AttachedPolicies"]
        for policy in attached:
            iam.detach_role_policy(**role, PolicyArn=policy["PolicyArn"])
        iam.delete_role(**role)
    else:
        boto3.client("lambda").delete_function(FunctionName=made.name)


def delete_all(made: list[Made]) -> tuple[list[str], list[str]]:
    """Delete each; return what was deleted and what could not be."""
    deleted, failures = [], []
    for resource in made:
        try:
            delete(resource)
        except ClientError as error:
            # Gone since it was listed: a secret AWS was still deleting.
            if error.response["Error"]["Code"] not in GONE:
                failures.append(f"{resource}: not deleted: {error}")
                continue
        deleted.append(str(resource))
    return deleted, failures


def clean_up(run: str) -> list[str]:
    """Delete what the run made; return the leak report: what could not be
    deleted, and what is left with the run's id in its name or tag."""
    _, failures = delete_all(
        [made for made in made_by_live_runs() if made.is_of(run)]
    )
    # A deleted secret may be listed a little longer, marked for deletion.
    left = [
        str(made)
        for made in made_by_live_runs(pending_deletion=False)
        if made.tagged == run or run in made.name
    ]
    return failures + left


def sweep(older_than: timedelta, now: datetime) -> tuple[list[str], list[str]]:
    """Delete what runs that started `older_than` ago or earlier made:
    only what carries both marks of one run. Return what was deleted and
    what could not be."""
    abandoned = [
        made
        for made in made_by_live_runs()
        if (start := started(made.tagged))
        and now - start >= older_than
        and made.is_of(made.tagged)
    ]
    return delete_all(abandoned)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session) -> None:
    if not run_id():
        return
    leaks = clean_up(run_id())
    session.config.stash[LEAK_REPORT] = leaks
    if leaks:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    """What ran live, what was skipped and why, and the leak report."""
    if not run_id():
        return
    stats = terminalreporter.stats
    write = terminalreporter.write_line
    terminalreporter.section(f"live run {run_id()}")
    outcomes = {
        outcome: len(stats.get(outcome, []))
        for outcome in ("passed", "failed", "error")
    }
    details = ", ".join(f"{n} {outcome}" for outcome, n in outcomes.items())
    write(f"{sum(outcomes.values()):>5}  ran live ({details})")
    skipped = Counter(
        report.longrepr[2].removeprefix("Skipped: ")
        for report in stats.get("skipped", [])
    )
    for reason, count in sorted(skipped.items()):
        write(f"{count:>5}  skipped: {reason}")
    leaks = config.stash.get(LEAK_REPORT, [])
    if not leaks:
        write("Leak report: nothing this run made is left.")
        return
    write(f"Leak report: {len(leaks)} left, which fails the run:", red=True)
    for leak in leaks:
        write(f"  {leak}", red=True)


def main(arguments: list[str]) -> int:
    """`make live-sweep`: python -m tests.support.live MINUTES."""
    if len(arguments) != 1 or not arguments[0].isdigit():
        print("usage: python -m tests.support.live MINUTES", file=sys.stderr)
        return 2
    # The credentials and endpoint of the environment; files are not read.
    use_fake_aws_environment((*ENVIRONMENT_CREDENTIALS, "AWS_ENDPOINT_URL"))
    refused = refusal()
    if refused:
        print(f"Sweep refused: {refused}", file=sys.stderr)
        return 2
    os.environ["AWS_DEFAULT_REGION"] = os.environ[LIVE_REGION]
    older_than = timedelta(minutes=int(arguments[0]))
    deleted, failures = sweep(older_than, datetime.now(UTC))
    for line in deleted:
        print(f"deleted {line}")
    for line in failures:
        print(line, file=sys.stderr)
    if not deleted and not failures:
        print(f"Nothing left by runs older than {arguments[0]} minutes.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
