"""secretm: read a secret from AWS Secrets Manager in a Lambda function.

Shared by our functions as the Lambda layer `secretm`. Values are cached in
memory for five minutes (POWERTOOLS_PARAMETERS_MAX_AGE, in seconds, changes
that), so a warm invocation makes no API call. Nothing here logs a value.
"""

# --8<-- [start:get_secret]
import json

from aws_lambda_powertools.utilities.parameters import SecretsProvider
from aws_lambda_powertools.utilities.parameters.exceptions import (
    GetParameterError,
)
from botocore.exceptions import ClientError

# Created once per Lambda container, when the layer is first imported.
_provider = SecretsProvider()

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

    Served from the cache for `max_age` seconds (default 300, or
    POWERTOOLS_PARAMETERS_MAX_AGE); `force_refresh` asks AWS again.
    """
    try:
        value = _provider.get(
            secret_id, max_age=max_age, force_fetch=force_refresh
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
    _provider.clear_cache()


# --8<-- [end:get_secret]
