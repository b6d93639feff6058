"""examples/attach_read_policy_cli.sh, shown on docs/policies.md."""

import pytest
from iam_checks import (
    attached_policies,
    create_execution_role,
    delete_attached_policies,
)

pytestmark = pytest.mark.moto_only  # creates IAM policies in the account


def test_cli_tab_attaches_the_same_policy_as_the_python_tab(aws, tmp_path):
    iam = aws.client("iam")
    create_execution_role(iam)
    aws.run_example(
        "attach_read_policy.py", documented_names=[], tmp_path=tmp_path
    )
    attached_by_python = attached_policies(iam)
    delete_attached_policies(iam)

    aws.run_example(
        "attach_read_policy_cli.sh", documented_names=[], tmp_path=tmp_path
    )

    assert attached_policies(iam) == attached_by_python
