"""Errors of GetSecretValue as AWS answers them, code and message, for
botocore's Stubber: moto cannot produce some of them at all.

The messages are AWS's own: the IAM denial's form, the re:Post Knowledge
Center's "Access to KMS is not allowed" (secrets-manager-cross-account-key),
and the API reference's texts for the others.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple

import pytest
from botocore.stub import Stubber

from tests.support.documented import (
    ACCOUNT_ID,
    DATABASE_SECRET,
    EXECUTION_ROLE,
)
from tests.support.live import run_id


class AwsError(NamedTuple):
    code: str
    message: str


RESOURCE_NOT_FOUND = AwsError(
    "ResourceNotFoundException",
    "Secrets Manager can't find the specified secret.",
)
MARKED_FOR_DELETION = AwsError(
    "InvalidRequestException",
    "You can't perform this operation on the secret because it was marked "
    "for deletion.",
)


@contextmanager
def answering(client, error: AwsError) -> Iterator[None]:
    """`client` answers its next GetSecretValue with `error`, as AWS does.
    A live run skips the test: the answer would not come from AWS."""
    if run_id():
        pytest.skip("needs an error made by botocore's Stubber, not AWS")
    with Stubber(client) as stub:
        stub.add_client_error(
            "get_secret_value",
            service_error_code=error.code,
            service_message=error.message,
        )
        yield


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

# AWS's answer for each error code an advice table of the examples names.
BY_CODE = {
    error.code: error
    for error in (
        RESOURCE_NOT_FOUND,
        MARKED_FOR_DELETION,
        NOT_AUTHORIZED,
        DECRYPTION_FAILURE,
    )
}
# Errors any AWS API can answer with, which botocore's service models leave
# out: "Common Errors" in the Secrets Manager API reference
# (docs.aws.amazon.com/secretsmanager/latest/apireference/CommonErrors.html).
COMMON_ERRORS = {
    "AccessDeniedException",
    "IncompleteSignature",
    "InternalFailure",
    "InvalidAction",
    "InvalidClientTokenId",
    "NotAuthorized",
    "OptInRequired",
    "RequestExpired",
    "ServiceUnavailable",
    "ThrottlingException",
    "ValidationError",
}
