"""secretm: read a secret from AWS Secrets Manager in a Lambda function.

Shared by our functions as the Lambda layer `secretm`: get_secret reads one
secret, get_secrets several in one call. Values are cached in
memory for five minutes (POWERTOOLS_PARAMETERS_MAX_AGE, in seconds, changes
that), so only the first read in that time makes an API call. Safe to call
from several threads. Nothing here logs a value.
"""

# --8<-- [start:get_secret]
import json
import logging
import os
import threading
from datetime import datetime, timedelta

from aws_lambda_powertools.utilities.parameters import SecretsProvider
from aws_lambda_powertools.utilities.parameters.exceptions import (
    GetParameterError,
)
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

DEFAULT_MAX_AGE = 300  # seconds
# Give up within seconds when Secrets Manager does not answer, as from a VPC
# with no route to it, not at the function's timeout: botocore's defaults
# wait 60 s to connect and 60 s to read, and retry. Two attempts, each of at
# most 1 s to connect and 2 s to read: ample in the region, where a call
# takes milliseconds; about 2 s in all when no connection can be made.
_CLIENT_CONFIG = Config(
    connect_timeout=1,
    read_timeout=2,
    retries={"mode": "standard", "total_max_attempts": 2},
)
# BatchGetSecretValue reads at most 20 secrets a call.
_BATCH_SIZE = 20


class _SecretsProvider(SecretsProvider):
    """Powertools' provider, noting when it fetched each secret.

    Powertools applies max_age when it stores a value, so a read with a
    shorter max_age would get a value stored for longer: we check the age.
    """

    def __init__(self) -> None:
        super().__init__(boto_config=_CLIENT_CONFIG)
        self.fetched_at: dict[str, datetime] = {}

    def _get(self, name: str, **sdk_options) -> str | bytes:
        asked_at = datetime.now()
        value = super()._get(name, **sdk_options)
        self.fetched_at[name] = asked_at
        return value

    def is_fresh(self, name: str, max_age: int) -> bool:
        """Cached, and fetched at most `max_age` seconds ago."""
        fetched_at = self.fetched_at.get(name)
        return (
            fetched_at is not None
            and datetime.now() - fetched_at <= timedelta(seconds=max_age)
            and self.has_not_expired_in_cache(self._build_cache_key(name))
        )

    def cached(self, name: str) -> str | bytes:
        return self.fetch_from_cache(self._build_cache_key(name))

    def get_batch(
        self, names: list[str], max_age: int
    ) -> tuple[dict[str, str | bytes], list[dict]]:
        """One BatchGetSecretValue call: the values read, by the name or ARN
        asked for, each cached as a single read would be, and the errors."""
        asked_at = datetime.now()
        response = self.client.batch_get_secret_value(SecretIdList=names)
        values = {}
        for secret in response["SecretValues"]:
            name = secret["Name"] if secret["Name"] in names else secret["ARN"]
            value = secret.get("SecretString", secret.get("SecretBinary"))
            self.add_to_cache(self._build_cache_key(name), value, max_age)
            self.fetched_at[name] = asked_at
            values[name] = value
        return values, response["Errors"]


# At DEBUG, botocore logs each response whole, secret values included: keep
# it quieter, even in a function whose log level is set to DEBUG.
logging.getLogger("botocore").setLevel(logging.INFO)

# Created once per Lambda container, when the layer is first imported.
_provider = _SecretsProvider()
# Powertools' cache is not safe for threads: a clear between its check and
# its read of a value makes the read return {}. One read or clear at a time.
_lock = threading.Lock()

# No answer in time: from a function in a VPC, no route to Secrets Manager.
_NO_ROUTE_ADVICE = (
    "no answer from Secrets Manager in time: the function's VPC has no "
    "route to it; add an interface VPC endpoint for Secrets Manager or a "
    "NAT gateway (see 'Reach Secrets Manager from a VPC')"
)
# What to do about each error Secrets Manager can answer GetSecretValue with,
# and about botocore's timeouts, when it does not answer.
_ADVICE = {
    "ResourceNotFoundException": (
        "no secret has this name in the function's account and region; "
        "check the name and the region"
    ),
    "AccessDeniedException": (
        "the function's role may not read it; attach the read policy "
        "for this secret to the role"
    ),
    "InvalidRequestException": (
        "it is scheduled for deletion; restore it if it is still needed"
    ),
    "DecryptionFailure": (
        "its KMS key cannot decrypt it; check that the key is enabled, not "
        "pending deletion, and the one the secret names"
    ),
    "ConnectTimeoutError": _NO_ROUTE_ADVICE,
    "ReadTimeoutError": _NO_ROUTE_ADVICE,
}
# AccessDeniedException with the message "Access to KMS is not allowed": the
# role may read the secret but not use its customer managed key.
_KMS_ADVICE = (
    "the function's role may not use the secret's KMS key; allow it "
    "kms:Decrypt on the key, in the role's policy and in the key policy"
)


class SecretError(Exception):
    """A secret could not be read. The message names the secret and the AWS
    error code (or botocore's error), never the value."""

    def __init__(self, secret_id: str, code: str, aws_message: str) -> None:
        if code == "AccessDeniedException" and "KMS" in aws_message:
            advice = _KMS_ADVICE
        else:
            advice = _ADVICE.get(code, "see the AWS error code")
        message = f"Cannot read secret {secret_id!r} ({code}): {advice}"
        super().__init__(message)
        self.secret_id = secret_id
        self.code = code

    @classmethod
    def caused_by(cls, secret_id: str, cause: Exception) -> "SecretError":
        """The error for AWS's answer `cause`, or botocore's own error."""
        if isinstance(cause, ClientError):
            error = cause.response["Error"]
            return cls(secret_id, error["Code"], error.get("Message", ""))
        return cls(secret_id, type(cause).__name__, "")


def _max_age(max_age: int | None) -> int:
    if max_age is None:
        return int(
            os.environ.get("POWERTOOLS_PARAMETERS_MAX_AGE", DEFAULT_MAX_AGE)
        )
    return max_age


def _parsed(value: str | bytes) -> dict | str | bytes:
    """A dict for a JSON object, else the value as it is."""
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        if isinstance(parsed, dict):
            return parsed
    return value


def get_secret(
    secret_id: str, max_age: int | None = None, force_refresh: bool = False
) -> dict | str | bytes:
    """The secret's value: a dict for a JSON object, else the string, or
    bytes for a binary secret.

    From the cache only if fetched at most `max_age` seconds ago (default
    300, or POWERTOOLS_PARAMETERS_MAX_AGE), else from AWS, and then kept for
    `max_age` seconds; `force_refresh` asks AWS in any case.
    """
    max_age = _max_age(max_age)
    with _lock:
        try:
            value = _provider.get(
                secret_id,
                max_age=max_age,
                force_fetch=(
                    force_refresh or not _provider.is_fresh(secret_id, max_age)
                ),
            )
        except GetParameterError as error:
            cause = error.__context__
            raise SecretError.caused_by(secret_id, cause) from cause
    return _parsed(value)


def get_secrets(
    secret_ids: list[str],
    max_age: int | None = None,
    force_refresh: bool = False,
) -> dict[str, dict | str | bytes]:
    """The values of several secrets, by name (or ARN), each as get_secret
    returns it, cached and refreshed as get_secret does.

    Those not fresh in the cache are read with BatchGetSecretValue, 20 a
    call. If any cannot be read, raises SecretError for the first failure
    AWS reports, naming that secret; the others read are cached.
    """
    max_age = _max_age(max_age)
    with _lock:
        stale = [
            name
            for name in dict.fromkeys(secret_ids)
            if force_refresh or not _provider.is_fresh(name, max_age)
        ]
        values = {
            name: _provider.cached(name)
            for name in secret_ids
            if name not in stale
        }
        for start in range(0, len(stale), _BATCH_SIZE):
            batch = stale[start : start + _BATCH_SIZE]
            try:
                fetched, errors = _provider.get_batch(batch, max_age)
            except (ClientError, BotoCoreError) as error:
                raise SecretError.caused_by(", ".join(batch), error) from error
            if errors:
                first = errors[0]
                raise SecretError(
                    first["SecretId"],
                    first["ErrorCode"],
                    first.get("Message", ""),
                )
            values |= fetched
    return {name: _parsed(values[name]) for name in secret_ids}


def clear_cache() -> None:
    """Forget every cached value, so the next reads go to AWS."""
    with _lock:
        _provider.clear_cache()


# --8<-- [end:get_secret]
