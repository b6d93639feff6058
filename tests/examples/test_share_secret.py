"""examples/share_secret.py and share_secret_cli.sh: the owner's tabs of
docs/how-to/cross-account.md, which encrypt the secret with a new key and
attach a resource policy. moto enforces neither policy and does not read
across accounts: these tests check what the tabs store and send."""

import base64
import json
from collections.abc import Callable, Iterator

import pytest
from moto.moto_api import recorder

from tests.support.aws import tabs
from tests.support.documented import DATABASE_SECRET
from tests.support.iam import READER, fill, iam_matches, statements

# creates KMS keys, and reads the requests moto receives
pytestmark = pytest.mark.moto_only

KEY_POLICY = "cross_account_key_policy.json"
RESOURCE_POLICY = "cross_account_resource_policy.json"


@pytest.fixture(params=tabs("share_secret.py", "share_secret_cli.sh"))
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def requests_to(
    monkeypatch, tmp_path
) -> Iterator[Callable[[str], list[dict]]]:
    """The parameters of each request of a Secrets Manager operation that
    moto received since the fixture started, from boto3 or the AWS CLI."""
    monkeypatch.setattr(recorder, "_location", str(tmp_path / "requests"))
    recorder.reset_recording()
    recorder.start_recording()

    def requests_to(operation: str) -> list[dict]:
        target = f"secretsmanager.{operation}"
        lines = (tmp_path / "requests").read_text().splitlines()
        entries = [json.loads(line) for line in lines]
        return [
            json.loads(base64.b64decode(entry["body"]))
            for entry in entries
            if entry["headers"].get("X-Amz-Target") == target
        ]

    yield requests_to
    recorder.stop_recording()


def test_tab_encrypts_with_a_shared_key_and_attaches_the_policy(
    aws, tab, requests_to
):
    name = aws.create_database_secret(DATABASE_SECRET)
    before = aws.secret_state(name)

    result = aws.run_example(tab)

    secrets, kms = aws.client("secretsmanager"), aws.client("kms")
    described = secrets.describe_secret(SecretId=name)
    key = kms.describe_key(KeyId=described["KmsKeyId"])["KeyMetadata"]
    # encrypt_with_shared_key: a new customer managed key, with the
    # documented key policy, now encrypts the secret.
    assert key["KeyManager"] == "CUSTOMER"
    assert described["KmsKeyId"] == key["Arn"]
    key_policy = kms.get_key_policy(KeyId=key["KeyId"], PolicyName="default")
    assert json.loads(key_policy["Policy"]) == json.loads(
        fill(KEY_POLICY, **READER)
    )
    # attach_resource_policy: the documented policy, read back as stored,
    # sent with BlockPublicPolicy.
    stored = secrets.get_resource_policy(SecretId=name)["ResourcePolicy"]
    assert json.loads(stored) == json.loads(fill(RESOURCE_POLICY, **READER))
    [put] = requests_to("PutResourcePolicy")
    assert put["BlockPublicPolicy"] is True
    # The value is untouched, and the reader's policy gets both ARNs.
    assert aws.secret_state(name) == before | {
        "kms_key": key["Arn"],
        "resource_policy": stored,
    }
    assert result.stdout.splitlines() == [
        f"Key for the reader's policy: {key['Arn']}",
        f"Secret for the reader's policy: {described['ARN']}",
    ]


def test_the_readers_policy_filled_from_the_output_names_what_is_shared(
    aws,
):
    # The reader fills examples/read_secret_kms_policy.json with the ARNs
    # the owner's tab printed: its resources must be the shared secret and
    # key, and not the secret's neighbours.
    name = aws.create_database_secret(DATABASE_SECRET)
    neighbour = aws.create_database_secret(f"{DATABASE_SECRET}-old")

    # Both tabs print the same lines (test above).
    result = aws.run_example("share_secret.py")

    key_arn = result.stdout.splitlines()[0].split(": ")[1]
    secrets = aws.client("secretsmanager")
    arn = secrets.describe_secret(SecretId=name)["ARN"]
    other = secrets.describe_secret(SecretId=neighbour)["ARN"]
    read_secret, decrypt = statements(
        fill("read_secret_kms_policy.json", KMS_KEY_ID=key_arn.split("/")[1])
    )
    assert iam_matches(read_secret["Resource"], arn)
    assert not iam_matches(read_secret["Resource"], other)
    assert decrypt["Resource"] == key_arn
