"""secretm: read a secret from AWS Secrets Manager in a Lambda function.

Shared by our functions as the Lambda layer `secretm`. Values are cached in
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
from botocore.exceptions import ClientError

DEFAULT_MAX_AGE = 300  # seconds


class _SecretsProvider(SecretsProvider):
    """Powertools' provider, noting when it fetched each secret.

    Powertools applies max_age when it stores a value, so a read with a
    shorter max_age would get a value stored for longer: we check the age.
    """

    def __init__(self) -> None:
        super().__init__()
        self.fetched_at: dict[str, datetime] = {}

    def _get(self, name: str, **sdk_options) -> str | bytes:
        asked_at = datetime.now()
        value = super()._get(name, **sdk_options)
        self.fetched_at[name] = asked_at
        return value


# At DEBUG, botocore logs each response whole, secret values included: keep
# it quieter, even in a function whose log level is set to DEBUG.
logging.getLogger("botocore").setLevel(logging.INFO)

# Created once per Lambda container, when the layer is first imported.
_provider = _SecretsProvider()
# Powertools' cache is not safe for threads: a clear between its check and
# its read of a value makes the read return {}. One read or clear at a time.
_lock = threading.Lock()

# What to do about each error Secrets Manager can answer GetSecretValue with.
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
}
# AccessDeniedException with the message "Access to KMS is not allowed": the
# role may read the secret but not use its customer managed key.
_KMS_ADVICE = (
    "the function's role may not use the secret's KMS key; allow it "
    "kms:Decrypt on the key, in the role's policy and in the key policy"
)


class SecretError(Exception):
    """A secret could not be read. The message names the secret and the AWS
    error code, never the value."""

    def __init__(self, secret_id: str, code: str, aws_message: str) -> None:
        if code == "AccessDeniedException" and "KMS" in aws_message:
            advice = _KMS_ADVICE
        else:
            advice = _ADVICE.get(code, "see the AWS error code")
        message = f"Cannot read secret {secret_id!r} ({code}): {advice}"
        super().__init__(message)
        self.secret_id = secret_id
        self.code = code


def get_secret(
    secret_id: str, max_age: int | None = None, force_refresh: bool = False
) -> dict | str | bytes:
    """The secret's value: a dict for a JSON object, else the string, or
    bytes for a binary secret.

    From the cache only if fetched at most `max_age` seconds ago (default
    300, or POWERTOOLS_PARAMETERS_MAX_AGE), else from AWS, and then kept for
    `max_age` seconds; `force_refresh` asks AWS in any case.
    """
    if max_age is None:
        max_age = int(
            os.environ.get("POWERTOOLS_PARAMETERS_MAX_AGE", DEFAULT_MAX_AGE)
        )
    with _lock:
        fetched_at = _provider.fetched_at.get(secret_id)
        too_old = fetched_at is None or (
            datetime.now() - fetched_at > timedelta(seconds=max_age)
        )
        try:
            value = _provider.get(
                secret_id,
                max_age=max_age,
                force_fetch=force_refresh or too_old,
            )
        except GetParameterError as error:
            cause = error.__context__
            if isinstance(cause, ClientError):
                code = cause.response["Error"]["Code"]
                aws_message = cause.response["Error"].get("Message", "")
            else:
                code, aws_message = type(cause).__name__, ""
            raise SecretError(secret_id, code, aws_message) from cause
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        if isinstance(parsed, dict):
            return parsed
    return value


def clear_cache() -> None:
    """Forget every cached value, so the next reads go to AWS."""
    with _lock:
        _provider.clear_cache()


# --8<-- [end:get_secret]
