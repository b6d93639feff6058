"""Errors of GetSecretValue that moto cannot produce, as AWS answers them:
code and message, for botocore's Stubber.

The messages are AWS's own: the IAM denial's form, the re:Post Knowledge
Center's "Access to KMS is not allowed" (secrets-manager-cross-account-key),
and the API reference's text for DecryptionFailure.
"""

from typing import NamedTuple

from tests.support.documented import (
    ACCOUNT_ID,
    DATABASE_SECRET,
    EXECUTION_ROLE,
)


class AwsError(NamedTuple):
    code: str
    message: str


NOT_AUTHORIZED = AwsError(
    "AccessDeniedException",
    f"User: arn:aws:sts::{ACCOUNT_ID}:assumed-role/{EXECUTION_ROLE}/"
    f"{EXECUTION_ROLE} is not authorized to perform: "
    f"secretsmanager:GetSecretValue on resource: {DATABASE_SECRET} because "
    "no identity-based policy allows the secretsmanager:GetSecretValue "
    "action",
)
KMS_NOT_ALLOWED = AwsError(
    "AccessDeniedException", "Access to KMS is not allowed"
)
DECRYPTION_FAILURE = AwsError(
    "DecryptionFailure",
    "Secrets Manager can't decrypt the protected secret text using the "
    "provided KMS key.",
)
THROTTLED = AwsError("ThrottlingException", "Rate exceeded")
