"""Checks shared by the tests of the IAM policy documents in examples/."""

import json
from fnmatch import fnmatchcase

import boto3
from botocore.exceptions import ClientError
from moto.core import enable_iam_authentication
from parliament import analyze_policy_string

from tests.support.documented import (
    ACCOUNT_ID,
    DATABASE_SECRET,
    EXECUTION_ROLE,
    READER_ACCOUNT_ID,
    READER_ROLE,
    REGION,
)
from tests.support.paths import EXAMPLES

PLACEHOLDERS = {
    "REGION": REGION,
    "ACCOUNT_ID": ACCOUNT_ID,
    "SECRET_NAME": DATABASE_SECRET,
}


def fill(template: str, **values: str) -> str:
    """The template from examples/ with its placeholders replaced."""
    text = (EXAMPLES / template).read_text()
    for placeholder, value in (PLACEHOLDERS | values).items():
        text = text.replace(placeholder, value)
    return text


def lint(document: str) -> list[str]:
    """parliament's findings for an identity policy, as 'ISSUE: detail'."""
    findings = analyze_policy_string(document).findings
    return [f"{finding.issue}: {finding.detail}" for finding in findings]


# The placeholders of the policies that share a secret with another
# account, as fill() takes them.
READER = {"READER_ACCOUNT": READER_ACCOUNT_ID, "READER_ROLE": READER_ROLE}
READER_ROLE_ARN = f"arn:aws:iam::{READER_ACCOUNT_ID}:role/{READER_ROLE}"


def lint_resource_policy(document: str) -> list[str]:
    """parliament's findings for a key or secret policy. parliament reads
    any policy as an identity policy: it checks actions, condition keys and
    principals, but flags the "Resource": "*" that such a policy must have
    (there it means the key or secret itself), so that finding is dropped.
    """
    return [f for f in lint(document) if not f.startswith("RESOURCE_STAR: ")]


def statements(document: str) -> list[dict]:
    return json.loads(document)["Statement"]


def iam_matches(pattern: str, arn: str) -> bool:
    """IAM's resource matching: case-sensitive, `*` any run of characters and
    `?` exactly one. fnmatch adds `[...]` classes, which IAM does not have."""
    assert "[" not in pattern, f"IAM has no [...] wildcard: {pattern}"
    return fnmatchcase(arn, pattern)


def create_execution_role(iam) -> None:
    """The Lambda function's role, as examples/lambda_trust_policy.json
    lets the Lambda service assume it."""
    iam.create_role(
        RoleName=EXECUTION_ROLE,
        AssumeRolePolicyDocument=(
            EXAMPLES / "lambda_trust_policy.json"
        ).read_text(),
    )


# What a reader must not be able to do with a read-only policy.
UNWANTED_CALLS = {
    "PutSecretValue": lambda secrets, name: secrets.put_secret_value(
        SecretId=name, SecretString="{}"
    ),
    "UpdateSecret": lambda secrets, name: secrets.update_secret(
        SecretId=name, Description="changed"
    ),
    "DeleteSecret": lambda secrets, name: secrets.delete_secret(SecretId=name),
    "ListSecrets": lambda secrets, name: secrets.list_secrets(),
}


def assume_role_with_actions(aws, document: str) -> dict:
    """Credentials of a role holding the document's actions, for calls made
    with IAM enforcement on.

    moto enforces Secrets Manager permissions per action only: it takes every
    request's resource as "*", denies a statement that names an ARN, and
    cannot parse `-??????`. So the role gets the documented actions on "*",
    without conditions. This proves which actions the policy allows, not
    which secrets; iam_matches() checks the resources against real ARNs.
    """
    widened = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": s["Effect"], "Action": s["Action"], "Resource": "*"}
            for s in statements(document)
        ],
    }
    iam = aws.client("iam")
    create_execution_role(iam)
    iam.put_role_policy(
        RoleName=EXECUTION_ROLE,
        PolicyName="documented-actions",
        PolicyDocument=json.dumps(widened),
    )
    role_arn = iam.get_role(RoleName=EXECUTION_ROLE)["Role"]["Arn"]
    return aws.client("sts").assume_role(
        RoleArn=role_arn, RoleSessionName="docs-test"
    )["Credentials"]


def secrets_client_as(credentials: dict):
    """A Secrets Manager client that signs with these (the role's)
    credentials."""
    return boto3.client(
        "secretsmanager",
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
    )


def assert_allows_reading_only(aws, document: str, secret_name: str) -> None:
    """With IAM enforcement on, a role holding the document's actions reads
    the secret and is denied every call in UNWANTED_CALLS (see
    assume_role_with_actions for what moto can prove)."""
    secrets = secrets_client_as(assume_role_with_actions(aws, document))

    with enable_iam_authentication():
        secrets.get_secret_value(SecretId=secret_name)
        outcomes = {}
        for action, call in UNWANTED_CALLS.items():
            try:
                call(secrets, secret_name)
                outcomes[action] = "allowed"
            except ClientError as error:
                denied = "AccessDenied" in str(error)
                outcomes[action] = "denied" if denied else str(error)
    assert outcomes == dict.fromkeys(UNWANTED_CALLS, "denied")


def create_secrets_and_lookalikes(
    aws, monkeypatch, names: list[str], lookalikes: list[str]
) -> tuple[list[str], list[str]]:
    """The ARNs moto generates for `names`, and the ARNs of secrets a policy
    for them must not reach: the `lookalikes`, and the first name in another
    region and in another account."""
    secrets = aws.client("secretsmanager")

    def create(client, name: str) -> str:
        return client.create_secret(Name=name, SecretString="{}")["ARN"]

    arns = [create(secrets, name) for name in names]
    outside = [create(secrets, name) for name in lookalikes]
    other_region = boto3.client("secretsmanager", region_name="eu-west-1")
    outside.append(create(other_region, names[0]))
    monkeypatch.setenv("MOTO_ACCOUNT_ID", "111122223333")
    outside.append(create(secrets, names[0]))
    monkeypatch.delenv("MOTO_ACCOUNT_ID")
    return arns, outside


def create_secret_and_neighbours(aws, monkeypatch) -> tuple[str, list[str]]:
    """The ARN moto generates for the documented secret, and the ARNs of
    secrets a policy for it must not reach: names that extend it, and the
    same name in another region and in another account."""
    name = DATABASE_SECRET
    [arn], neighbours = create_secrets_and_lookalikes(
        aws,
        monkeypatch,
        [name],
        [f"{name}-old", f"{name}x", f"{name}/replica", name.upper()],
    )
    return arn, neighbours


def attached_policies(iam) -> list[dict]:
    """Name, description and document of each managed policy on the role."""
    result = []
    attached = iam.list_attached_role_policies(RoleName=EXECUTION_ROLE)
    for entry in attached["AttachedPolicies"]:
        policy = iam.get_policy(PolicyArn=entry["PolicyArn"])["Policy"]
        version = iam.get_policy_version(
            PolicyArn=policy["Arn"], VersionId=policy["DefaultVersionId"]
        )
        result.append(
            {
                "name": policy["PolicyName"],
                "description": policy.get("Description"),
                "document": version["PolicyVersion"]["Document"],
            }
        )
    return result
