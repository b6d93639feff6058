"""examples/secretm/, the Lambda layer shown on docs/secretm.md."""

import json
import logging
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
import secretm
import time_machine

from tests.support.api_calls import recording_calls
from tests.support.aws_errors import (
    DECRYPTION_FAILURE,
    KMS_NOT_ALLOWED,
    NOT_AUTHORIZED,
    THROTTLED,
    answering,
)
from tests.support.documented import API_KEY_SECRET, DATABASE_SECRET
from tests.support.paths import DOCS
from tests.support.unanswered import (
    sent_to,
    silent_endpoint,
    unconnectable_endpoint,
)
from tests.support.untraced import untraced

VALUE = {"username": "orders_app", "password": "s3cr3t-never-printed"}


@pytest.fixture(autouse=True)
def empty_cache():
    secretm.clear_cache()


@pytest.fixture
def stored(aws) -> str:
    """A JSON secret; returns its name."""
    return aws.create_secret(DATABASE_SECRET, VALUE)


def change_value(aws, name: str) -> dict:
    changed = VALUE | {"password": "rotated"}
    aws.client("secretsmanager").put_secret_value(
        SecretId=name, SecretString=json.dumps(changed)
    )
    return changed


def test_returns_a_dict_for_json_a_string_for_text_and_bytes_for_binary(aws):
    secrets = aws.client("secretsmanager")
    names = {kind: aws.name(f"dev/orders/{kind}") for kind in "abcd"}
    secrets.create_secret(Name=names["a"], SecretString='{"api_key": "k"}')
    secrets.create_secret(Name=names["b"], SecretString="plain-token")
    secrets.create_secret(Name=names["c"], SecretBinary=b"\x00\x01")
    secrets.create_secret(Name=names["d"], SecretString="[1, 2]")

    assert secretm.get_secret(names["a"]) == {"api_key": "k"}
    assert secretm.get_secret(names["b"]) == "plain-token"
    assert secretm.get_secret(names["c"]) == b"\x00\x01"
    assert secretm.get_secret(names["d"]) == "[1, 2]"  # JSON, not an object


def test_reads_within_five_minutes_come_from_the_cache(aws, stored):
    with time_machine.travel(0, tick=False) as clock:
        assert secretm.get_secret(stored) == VALUE
        changed = change_value(aws, stored)

        clock.shift(timedelta(minutes=4, seconds=59))
        # AWS holds the new value: the old one can only come from the cache.
        assert secretm.get_secret(stored) == VALUE

        clock.shift(timedelta(seconds=2))
        assert secretm.get_secret(stored) == changed


def test_the_cache_time_is_set_by_environment_or_argument(
    aws, stored, monkeypatch
):
    monkeypatch.setenv("POWERTOOLS_PARAMETERS_MAX_AGE", "60")
    other = aws.create_secret(API_KEY_SECRET, VALUE)
    with time_machine.travel(0, tick=False) as clock:
        secretm.get_secret(stored)
        secretm.get_secret(other, max_age=600)
        changed = change_value(aws, stored)
        change_value(aws, other)

        clock.shift(timedelta(seconds=61))

        assert secretm.get_secret(stored) == changed
        assert secretm.get_secret(other, max_age=600) == VALUE
        # Kept for 600 seconds, yet too old for a read that accepts 60.
        assert secretm.get_secret(other) == changed


def test_a_shorter_max_age_refuses_a_value_cached_by_a_default_read(
    aws, stored
):
    with time_machine.travel(0, tick=False) as clock:
        secretm.get_secret(stored)
        changed = change_value(aws, stored)

        clock.shift(timedelta(seconds=200))

        assert secretm.get_secret(stored, max_age=60) == changed
        # The value just fetched is fresh enough for the default read.
        assert secretm.get_secret(stored) == changed


def test_clear_cache_in_another_thread_never_spoils_a_read(
    stored, monkeypatch
):
    # Powertools checks that a value is cached, then reads it: a clear
    # between the two made the read return {}. Hold the read in that window
    # until the other thread has cleared the cache, or for one second if
    # the clear has to wait for the read.
    secretm.get_secret(stored)
    in_window, cleared = threading.Event(), threading.Event()
    is_cached = secretm._provider.has_not_expired_in_cache

    def is_cached_then_wait_for_the_clear(key) -> bool:
        cached = is_cached(key)
        in_window.set()
        cleared.wait(timeout=1)
        return cached

    def clear_in_the_window() -> None:
        in_window.wait(timeout=5)
        secretm.clear_cache()
        cleared.set()

    monkeypatch.setattr(
        secretm._provider,
        "has_not_expired_in_cache",
        is_cached_then_wait_for_the_clear,
    )
    clearer = threading.Thread(target=clear_in_the_window)
    clearer.start()
    value = secretm.get_secret(stored)
    clearer.join()

    assert in_window.is_set()  # Powertools still has this window
    assert cleared.is_set()
    assert value == VALUE


def test_force_refresh_and_clear_cache_read_the_new_value(aws, stored):
    secretm.get_secret(stored)
    changed = change_value(aws, stored)

    assert secretm.get_secret(stored, force_refresh=True) == changed
    aws.client("secretsmanager").put_secret_value(
        SecretId=stored, SecretString=json.dumps(VALUE)
    )
    secretm.clear_cache()
    assert secretm.get_secret(stored) == VALUE


def test_missing_secret_is_named_with_its_error_code(aws):
    name = aws.name("prod/orders/nope")

    with pytest.raises(secretm.SecretError) as error:
        secretm.get_secret(name)

    assert error.value.code == "ResourceNotFoundException"
    assert str(error.value) == (
        f"Cannot read secret {name!r} (ResourceNotFoundException): no secret "
        "has this name in the function's account and region; check the name "
        "and the region"
    )


def test_secret_pending_deletion_says_to_restore_it(aws, stored):
    aws.client("secretsmanager").delete_secret(
        SecretId=stored, RecoveryWindowInDays=7
    )

    with pytest.raises(secretm.SecretError, match="restore it") as error:
        secretm.get_secret(stored)

    assert error.value.code == "InvalidRequestException"


@pytest.mark.parametrize(
    ("error", "advice"),
    [
        (
            NOT_AUTHORIZED,
            "the function's role may not read it; attach the read policy "
            "for this secret to the role",
        ),
        (
            KMS_NOT_ALLOWED,
            "the function's role may not use the secret's KMS key; allow it "
            "kms:Decrypt on the key, in the role's policy and in the key "
            "policy",
        ),
        (
            DECRYPTION_FAILURE,
            "its KMS key cannot decrypt it; check that the key is enabled, "
            "not pending deletion, and the one the secret names",
        ),
        (THROTTLED, "see the AWS error code"),
    ],
    ids=["not authorized", "KMS not allowed", "decryption", "throttled"],
)
def test_errors_moto_cannot_produce_are_explained(error, advice, caplog):
    # moto never answers with these; stub the layer's own client.
    caplog.set_level(logging.DEBUG, logger="secretm")
    caplog.set_level(logging.DEBUG, logger="aws_lambda_powertools")
    with (
        answering(secretm._provider.client, error),
        pytest.raises(secretm.SecretError) as raised,
    ):
        secretm.get_secret(DATABASE_SECRET)

    assert raised.value.code == error.code
    assert str(raised.value) == (
        f"Cannot read secret {DATABASE_SECRET!r} ({error.code}): {advice}"
    )


def test_an_error_before_any_request_is_named_by_botocore():
    # An empty name never reaches AWS: botocore refuses it first.
    with pytest.raises(secretm.SecretError) as raised:
        secretm.get_secret("")

    assert raised.value.code == "ParamValidationError"
    assert str(raised.value) == (
        "Cannot read secret '' (ParamValidationError): see the AWS error code"
    )


def test_nothing_the_layer_logs_or_raises_holds_the_value(aws, stored, caplog):
    # botocore itself logs whole responses at DEBUG: keep it above that.
    caplog.set_level(logging.DEBUG, logger="secretm")
    caplog.set_level(logging.DEBUG, logger="aws_lambda_powertools")
    secretm.get_secret(stored)
    aws.client("secretsmanager").delete_secret(SecretId=stored)

    with pytest.raises(secretm.SecretError) as error:
        secretm.get_secret(stored, force_refresh=True)

    assert VALUE["password"] not in caplog.text
    assert VALUE["password"] not in str(error.value)
    assert VALUE["password"] not in repr(error.value.__cause__)


NO_ROUTE = (
    "no answer from Secrets Manager in time: the function's VPC has no "
    "route to it; add an interface VPC endpoint for Secrets Manager or a "
    "NAT gateway (see 'Reach Secrets Manager from a VPC')"
)
# Each way to read, for one secret.
READS = {
    "get_secret": secretm.get_secret,
    "get_secrets": lambda name: secretm.get_secrets([name]),
}


@pytest.mark.parametrize("read", READS)
def test_no_route_fails_within_3_seconds_saying_what_to_do(monkeypatch, read):
    # Two attempts of 1 s to connect, a few milliseconds apart.
    with unconnectable_endpoint() as url:
        client = sent_to(secretm._provider.client, url)
        monkeypatch.setattr(secretm._provider, "client", client)
        started = time.monotonic()
        with pytest.raises(secretm.SecretError) as raised:
            READS[read](DATABASE_SECRET)
        elapsed = time.monotonic() - started

    assert 2 <= elapsed < 3.5
    assert raised.value.code == "ConnectTimeoutError"
    assert str(raised.value) == (
        f"Cannot read secret {DATABASE_SECRET!r} (ConnectTimeoutError): "
        + NO_ROUTE
    )
    assert str(raised.value) in (DOCS / "how-to" / "vpc.md").read_text()


@pytest.mark.parametrize("read", READS)
def test_no_answer_is_tried_twice_then_explained(monkeypatch, read):
    with silent_endpoint() as endpoint:
        # The layer's retries, with a read timeout short enough for a test.
        client = sent_to(
            secretm._provider.client, endpoint.url, read_timeout=0.2
        )
        monkeypatch.setattr(secretm._provider, "client", client)
        with pytest.raises(secretm.SecretError) as raised:
            READS[read](DATABASE_SECRET)
        connections = endpoint.connections()

    assert connections == 2
    assert str(raised.value) == (
        f"Cannot read secret {DATABASE_SECRET!r} (ReadTimeoutError): "
        + NO_ROUTE
    )


@pytest.fixture
def several(aws) -> dict[str, object]:
    """Three secrets, by name: a JSON object, text and binary."""
    secrets = aws.client("secretsmanager")
    values = {
        aws.name(DATABASE_SECRET): VALUE,
        aws.name(API_KEY_SECRET): "sk-never-printed-text",
        aws.name("prod/orders/signing-key"): b"\x00binary-never-printed",
    }
    for name, value in values.items():
        if isinstance(value, bytes):
            secrets.create_secret(Name=name, SecretBinary=value)
        else:
            text = value if isinstance(value, str) else json.dumps(value)
            secrets.create_secret(Name=name, SecretString=text)
    return values


def test_get_secrets_reads_all_in_one_call_parsed_as_get_secret(several):
    with recording_calls(secretm._provider.client) as calls:
        values = secretm.get_secrets(list(several))

    assert values == several
    assert calls == [("BatchGetSecretValue", {"SecretIdList": list(several)})]


def test_get_secrets_and_get_secret_share_one_cache(several):
    first, *others = several
    secretm.get_secret(first)

    with recording_calls(secretm._provider.client) as calls:
        secretm.get_secrets(list(several))  # reads only the others
        secretm.get_secrets(list(several))
        for name in several:
            secretm.get_secret(name)

    assert calls == [("BatchGetSecretValue", {"SecretIdList": others})]


def test_get_secrets_reads_again_what_is_older_than_max_age(aws, several):
    name = aws.name(DATABASE_SECRET)
    batch_read = ("BatchGetSecretValue", {"SecretIdList": [name]})
    with time_machine.travel(0, tick=False) as clock:
        secretm.get_secrets(list(several))
        changed = change_value(aws, name)

        clock.shift(timedelta(minutes=4, seconds=59))
        assert secretm.get_secrets([name]) == {name: VALUE}
        assert secretm.get_secrets([name], max_age=60) == {name: changed}

        # Fetched with max_age=60, it is kept for 60 seconds only.
        clock.shift(timedelta(seconds=61))
        with recording_calls(secretm._provider.client) as calls:
            assert secretm.get_secrets([name]) == {name: changed}
            assert secretm.get_secrets([name], force_refresh=True)
        assert calls == [batch_read, batch_read]


def test_get_secrets_asks_for_at_most_20_secrets_a_call(aws):
    names = [aws.name(f"prod/orders/tenant-{n:02}") for n in range(21)]
    for name in names:
        aws.client("secretsmanager").create_secret(
            Name=name, SecretString="{}"
        )

    with recording_calls(secretm._provider.client) as calls:
        values = secretm.get_secrets(names)

    assert values == {name: {} for name in names}
    assert [params["SecretIdList"] for _, params in calls] == [
        names[:20],
        names[20:],
    ]


def test_get_secrets_takes_arns_and_keys_values_by_them(aws, stored):
    arn = aws.client("secretsmanager").describe_secret(SecretId=stored)["ARN"]

    assert secretm.get_secrets([arn]) == {arn: VALUE}


def test_a_missing_secret_among_several_is_named_without_values(
    aws, stored, caplog
):
    caplog.set_level(logging.DEBUG, logger="secretm")
    missing = aws.name("prod/orders/nope")

    with pytest.raises(secretm.SecretError) as raised:
        secretm.get_secrets([stored, missing])

    assert raised.value.code == "ResourceNotFoundException"
    assert raised.value.secret_id == missing
    assert str(raised.value) == (
        f"Cannot read secret {missing!r} (ResourceNotFoundException): no "
        "secret has this name in the function's account and region; check "
        "the name and the region"
    )
    assert VALUE["password"] not in str(raised.value)
    assert VALUE["password"] not in caplog.text
    # The secret that could be read was kept.
    with recording_calls(secretm._provider.client) as calls:
        assert secretm.get_secret(stored) == VALUE
    assert calls == []


def test_secretm_layer_zip_has_the_layout_lambda_mounts_at_opt_python(
    secretm_layer_zip,
):
    names = secretm_layer_zip.namelist()

    assert "python/secretm/__init__.py" in names
    assert "python/aws_lambda_powertools/__init__.py" in names
    assert all(name.startswith("python/") for name in names)
    assert not any("__pycache__" in name for name in names)


def test_secretm_from_the_zip_reads_and_caches_under_moto(
    aws, stored, secretm_layer_zip, tmp_path
):
    # Lambda extracts layers into /opt and puts /opt/python on sys.path.
    secretm_layer_zip.extractall(tmp_path / "opt")
    script = f"""
import json
import aws_lambda_powertools, boto3, secretm
first = secretm.get_secret({stored!r})
boto3.client("secretsmanager").put_secret_value(
    SecretId={stored!r}, SecretString='{{"password": "rotated"}}'
)
print(json.dumps({{
    "imported_from": [secretm.__file__, aws_lambda_powertools.__file__],
    "first": first,
    "cached": secretm.get_secret({stored!r}),
    "refreshed": secretm.get_secret({stored!r}, force_refresh=True),
}}))
"""
    layer_path = tmp_path / "opt" / "python"
    result = subprocess.run(
        [sys.executable, "-c", script],
        # The layer's copy of secretm is not examples/: nothing to measure.
        env=untraced()
        | {
            "PYTHONPATH": str(layer_path),
            "AWS_ENDPOINT_URL": aws.subprocess_endpoint_url,
        },
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    report = json.loads(result.stdout)
    assert all(
        path.startswith(str(layer_path)) for path in report["imported_from"]
    )
    assert report["first"] == report["cached"] == VALUE
    assert report["refreshed"] == {"password": "rotated"}
