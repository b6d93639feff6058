"""examples/enable_rotation.py, shown on docs/how-to/rotate.md."""

import pytest
from rotation_steps import assert_script_turns_rotation_on

pytestmark = pytest.mark.moto_only  # deploys a Lambda function in moto


def test_script_lets_secrets_manager_rotate_the_secret_every_30_days(
    aws, tmp_path
):
    assert_script_turns_rotation_on(aws, "enable_rotation.py", tmp_path)
