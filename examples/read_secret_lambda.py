# The Lambda function of docs/how-to/retrieve.md: the code of a file
# lambda_function.py, whose handler is lambda_function.lambda_handler.

# --8<-- [start:lambda_function]
import json
import logging
import os

import boto3
from botocore.config import Config
from botocore.exceptions import (
    ClientError,
    ConnectTimeoutError,
    ReadTimeoutError,
)

logger = logging.getLogger()
logger.setLevel(logging.INFO)

# Created once, when Lambda loads this file, and reused by every invocation
# that the same execution environment serves. If Secrets Manager does not
# answer, as from a VPC with no route to it, give up within seconds (two
# attempts, each 1 s to connect and 2 s to read), not at the timeout.
secrets = boto3.client(
    "secretsmanager",
    config=Config(
        connect_timeout=1,
        read_timeout=2,
        retries={"mode": "standard", "total_max_attempts": 2},
    ),
)

NO_ROUTE = (
    "no answer in time: the function's VPC has no route to Secrets Manager; "
    "add an interface VPC endpoint for it, or a NAT gateway"
)
# What to do about each error that GetSecretValue returns, and about
# botocore's timeouts, when Secrets Manager does not answer at all.
WHAT_TO_DO = {
    "ResourceNotFoundException": "check the secret's name and region",
    "AccessDeniedException": "allow the function's role to read it",
    "InvalidRequestException": "restore it: it is scheduled for deletion",
    "DecryptionFailure": (
        "check that its KMS key is enabled and not pending deletion"
    ),
    "ConnectTimeoutError": NO_ROUTE,
    "ReadTimeoutError": NO_ROUTE,
}
# AccessDeniedException "Access to KMS is not allowed": the role may read the
# secret, not decrypt it with its customer managed key.
KMS_DENIED = "allow the role kms:Decrypt on its key (role and key policy)"


class SecretError(Exception):
    """A secret could not be read. The message never holds its value."""


def get_secret(secret_name: str) -> dict:
    """The key/value pairs stored in the secret `secret_name`."""
    try:
        response = secrets.get_secret_value(SecretId=secret_name)
    except (ClientError, ConnectTimeoutError, ReadTimeoutError) as error:
        if isinstance(error, ClientError):
            code = error.response["Error"]["Code"]
            aws_message = error.response["Error"].get("Message", "")
        else:  # a timeout: no answer from AWS at all
            code, aws_message = type(error).__name__, ""
        what_to_do = WHAT_TO_DO.get(code, "look the code up in the API docs")
        if code == "AccessDeniedException" and "KMS" in aws_message:
            what_to_do = KMS_DENIED
        message = f"Cannot read secret {secret_name} ({code}): {what_to_do}"
        raise SecretError(message) from error
    try:
        values = json.loads(response["SecretString"])
    except json.JSONDecodeError as error:
        # error.msg says what is wrong and where, without quoting the text.
        message = (
            f"Secret {secret_name} is not valid JSON ({error.msg}): "
            "correct it on the console's Plaintext tab"
        )
        raise SecretError(message) from None
    if not isinstance(values, dict):
        # Its "keys" would be the value itself, or its characters.
        kind = type(values).__name__
        message = (
            f"Secret {secret_name} holds a JSON {kind}, not key/value pairs: "
            "store it as an object, as on the Store page"
        )
        raise SecretError(message)
    return values


def lambda_handler(event, context):
    # The function's environment variable SECRET_NAME names the secret, so
    # the same code reads dev/orders/postgres in development.
    secret_name = os.environ["SECRET_NAME"]
    credentials = get_secret(secret_name)
    # Connect with credentials["host"], credentials["port"],
    # credentials["username"] and credentials["password"]. Log the
    # secret's name and keys, never its values:
    keys = ", ".join(sorted(credentials))
    logger.info("Read %s, keys: %s", secret_name, keys)
    # --8<-- [end:lambda_function]
