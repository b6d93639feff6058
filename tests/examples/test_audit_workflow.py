"""examples/audit_workflow.yml, shown on docs/how-to/audit.md. `make
workflows` checks it against GitHub's workflow schema and with zizmor, as
it checks ours; these tests check what the page promises of it."""

import re
import shlex

import pytest
import yaml
from audit_secrets import main

from tests.support.paths import EXAMPLES, ROOT

WORKFLOW = EXAMPLES / "audit_workflow.yml"
FULL_COMMIT_SHA = re.compile(r"^[\w-]+/[\w-]+@[0-9a-f]{40}$")


def steps() -> list[dict]:
    [job] = yaml.safe_load(WORKFLOW.read_text())["jobs"].values()
    return job["steps"]


def test_make_workflows_checks_it():
    makefile = (ROOT / "Makefile").read_text()

    assert re.search(
        r"^WORKFLOWS :=.* examples/audit_workflow\.yml$",
        makefile,
        re.MULTILINE,
    )


def test_it_runs_weekly_with_a_role_through_oidc_and_reads_nothing_else():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    [job] = workflow["jobs"].values()

    # PyYAML reads the key `on` as True.
    assert workflow[True]["schedule"] == [{"cron": "0 6 * * 1"}]
    assert workflow["permissions"] == {}
    assert job["permissions"] == {"id-token": "write", "contents": "read"}
    [credentials] = [
        step
        for step in steps()
        if step.get("uses", "").startswith(
            "aws-actions/configure-aws-credentials@"
        )
    ]
    assert set(credentials["with"]) == {"role-to-assume", "aws-region"}


def test_every_action_is_pinned_to_a_full_commit_sha():
    actions = [step["uses"] for step in steps() if "uses" in step]

    assert len(actions) == 3
    assert [a for a in actions if not FULL_COMMIT_SHA.match(a)] == []


@pytest.mark.moto_only  # lists every secret: an account of its own
def test_its_command_audits_and_exits_0_on_a_clean_account(capsys):
    [command] = [
        step["run"]
        for step in steps()
        if "audit_secrets" in step.get("run", "")
    ]
    arguments = shlex.split(command)

    assert arguments[:2] == ["python", "audit_secrets.py"]
    with pytest.raises(SystemExit) as exit_info:
        main(arguments[2:])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.endswith(
        "0 of 0 secrets break a rule. They cost $0.00 a month; deleting the "
        "unused ones (0) would save $0.00 a month.\n"
    )
