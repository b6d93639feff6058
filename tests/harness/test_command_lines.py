"""Every shell example's command lines are checked for secrets
(tests/support/command_lines.py): a script that puts one there fails its
test, and the failure does not repeat the value."""

import pytest

from tests.support.documented import DATABASE_SECRET

CANARY = "canary-never-on-a-command-line"

pytestmark = pytest.mark.moto_only  # the script names the secret as it is


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
