"""examples/enable_rotation_cli.sh, shown on docs/how-to/rotate.md."""

import pytest
from rotation_steps import assert_script_turns_rotation_on

pytestmark = pytest.mark.moto_only  # deploys a Lambda function in moto


def test_cli_tab_sets_up_rotation_as_the_python_tab_does(aws, tmp_path):
    assert_script_turns_rotation_on(aws, "enable_rotation_cli.sh", tmp_path)
