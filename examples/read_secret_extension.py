# The code of docs/lambda-extension.md: read a secret in a Lambda function
# through the AWS Parameters and Secrets Lambda Extension, which serves
# HTTP on localhost inside the function's execution environment.

# --8<-- [start:get_secret]
import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_PORT = "2773"
# Fail with a message that names the secret, rather than wait for the
# function's own timeout, when the extension does not answer.
TIMEOUT_SECONDS = 2

# Secrets Manager's errors, which the extension passes on: what to do.
WHAT_TO_DO = {
    "ResourceNotFoundException": "check the secret's name and region",
    "AccessDeniedException": (
        "allow the function's role secretsmanager:GetSecretValue on it, "
        "and kms:Decrypt on its key if that is a customer managed key"
    ),
    "InvalidRequestException": "restore it: it is scheduled for deletion",
    "DecryptionFailure": "check that its KMS key is enabled",
}
# The extension's own refusals, by HTTP status.
WHAT_TO_DO_FOR_STATUS = {
    400: "check the secret's name or ARN, and the version stage asked for",
    403: (
        "send the function's AWS_SESSION_TOKEN in the "
        "X-Aws-Parameters-Secrets-Token header"
    ),
}
ANY_OTHER_STATUS = (
    "set PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL to debug and read the "
    "extension's lines in the function's log"
)


class SecretError(Exception):
    """A secret could not be read. The message never holds its value."""


def get_secret(
    secret_id: str, version_stage: str | None = None
) -> dict | str | bytes:
    """The secret's value: a dict for a JSON object, else the string, or
    bytes for a binary secret. `version_stage` asks for another version
    than the current one, such as AWSPREVIOUS."""
    # Lambda sets it in every function; the extension serves only callers
    # that send it, so that no other request can reach it.
    token = os.environ.get("AWS_SESSION_TOKEN")
    if not token:
        raise SecretError(
            f"Cannot read secret {secret_id!r}: AWS_SESSION_TOKEN is not "
            "set; the extension serves only code running in Lambda"
        )
    query = {"secretId": secret_id}
    if version_stage:
        query["versionStage"] = version_stage
    port = os.environ.get(
        "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", DEFAULT_PORT
    )
    try:
        # Plain HTTP, to a process in this execution environment only.
        with urllib.request.urlopen(
            urllib.request.Request(
                f"http://localhost:{port}/secretsmanager/get?"
                + urllib.parse.urlencode(query),
                headers={"X-Aws-Parameters-Secrets-Token": token},
            ),
            timeout=TIMEOUT_SECONDS,
        ) as answer:
            response = json.load(answer)
    except urllib.error.HTTPError as refused:
        message = refusal(secret_id, refused.code, refused.read())
        raise SecretError(message) from None
    except (urllib.error.URLError, TimeoutError) as error:
        message = (
            f"Cannot read secret {secret_id!r}: no answer from the extension "
            f"on localhost:{port}; add the AWS Parameters and Secrets Lambda "
            "Extension layer to the function, and check "
            "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"
        )
        raise SecretError(message) from error
    # The extension answers with GetSecretValue's response, as JSON.
    if "SecretBinary" in response:
        return base64.b64decode(response["SecretBinary"])
    value = response["SecretString"]
    try:
        parsed = json.loads(value)
    except ValueError:
        return value
    return parsed if isinstance(parsed, dict) else value


def refusal(secret_id: str, status: int, body: bytes) -> str:
    """The message for an error answer: Secrets Manager's error code, from
    a body in its JSON error form, else the extension's HTTP status."""
    try:
        code = json.loads(body)["__type"]
    except (ValueError, TypeError, KeyError):
        code = None
    if code in WHAT_TO_DO:
        return f"Cannot read secret {secret_id!r} ({code}): {WHAT_TO_DO[code]}"
    what_to_do = WHAT_TO_DO_FOR_STATUS.get(status, ANY_OTHER_STATUS)
    return f"Cannot read secret {secret_id!r} (HTTP {status}): {what_to_do}"


# --8<-- [end:get_secret]
