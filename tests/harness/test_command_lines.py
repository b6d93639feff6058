"""Every shell example's command lines are checked for secrets
(tests/support/command_lines.py): a script that puts one there fails its
test, and the failure does not repeat the value. Every shell example that
runs the AWS CLI runs under each version readers use."""

import pytest

from tests.support.aws import AWS_CLI_VERSIONS, tabs
from tests.support.documented import DATABASE_SECRET

CANARY = "canary-never-on-a-command-line"

pytestmark = pytest.mark.moto_only  # the script names the secret as it is


@pytest.mark.aws_cli(2)
def test_a_secret_on_an_aws_command_line_fails_the_run(aws, tmp_path):
    aws.create_secret(DATABASE_SECRET, {"password": CANARY})
    script = tmp_path / "leaky.sh"
    script.write_text(
        f"aws secretsmanager put-secret-value --secret-id {DATABASE_SECRET} "
        f'--secret-string \'{{"password": "{CANARY}"}}\'\n'
    )

    with pytest.raises(pytest.fail.Exception) as failure:
        aws.run_shell(script, stdin="")

    message = str(failure.value)
    assert message.startswith(
        "examples/leaky.sh put a secret's value on a command line, where any "
        "local user can read it (ps): aws, argument 6."
    )
    assert CANARY not in message


def test_an_aws_cli_tab_runs_under_each_version_and_python_once():
    params = tabs(
        "read_secret.py", "read_secret_cli.sh", "cost_estimate_cli.sh"
    )

    assert [getattr(param, "id", param) for param in params] == [
        "read_secret.py",
        *(f"read_secret_cli.sh-v{version}" for version in AWS_CLI_VERSIONS),
        "cost_estimate_cli.sh",  # runs Python, not the AWS CLI
    ]


def test_an_aws_cli_script_run_without_a_version_fails(aws, tmp_path):
    script = tmp_path / "unversioned.sh"
    script.write_text("aws sts get-caller-identity\n")

    with pytest.raises(pytest.fail.Exception) as failure:
        aws.run_shell(script, stdin="")

    assert str(failure.value).startswith(
        "examples/unversioned.sh runs the AWS CLI: run it through a `tab` "
        "fixture with params=tabs(...)"
    )
