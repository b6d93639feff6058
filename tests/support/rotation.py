"""Rotations in moto, started and driven as Secrets Manager would.

moto stores Lambda functions but runs their code only in Docker, which these
machines lack. So the tests turn rotation on with moto's rotate_secret, which
records the new AWSPENDING version without a value, as AWS does before its
first call, and then call the rotation function's handler for each step.
"""

import json

import psycopg
import rotate_postgres
from botocore.exceptions import ClientError

from tests.support.documented import ROTATION_FUNCTION
from tests.support.functions import create_function
from tests.support.paths import EXAMPLES

STEPS = ["createSecret", "setSecret", "testSecret", "finishSecret"]


def create_rotation_function(aws) -> str:
    """The rotation function, deployed in moto; returns its ARN."""
    return create_function(
        aws, ROTATION_FUNCTION, EXAMPLES / "rotate_postgres.py"
    )


def start_rotation(aws, secret_id: str) -> str:
    """Turn rotation on; returns the token Secrets Manager passes to each
    step, which is the id of the new version."""
    response = aws.client("secretsmanager").rotate_secret(
        SecretId=secret_id,
        RotationLambdaARN=create_rotation_function(aws),
        RotationRules={"AutomaticallyAfterDays": 30},
    )
    return response["VersionId"]


def run_step(secret_id: str, token: str, step: str) -> None:
    event = {"SecretId": secret_id, "ClientRequestToken": token, "Step": step}
    rotate_postgres.lambda_handler(event, None)


def rotate(secret_id: str, token: str) -> None:
    for step in STEPS:
        run_step(secret_id, token, step)


def versions(aws, secret_id: str) -> dict[str, tuple[set[str], str | None]]:
    """Each version of the secret: its stages, and its value if it has one."""
    secrets = aws.client("secretsmanager")
    listed = secrets.list_secret_version_ids(SecretId=secret_id)["Versions"]
    result = {}
    for version in listed:
        try:
            value = secrets.get_secret_value(
                SecretId=secret_id, VersionId=version["VersionId"]
            )["SecretString"]
        except ClientError:
            value = None  # the AWSPENDING version before createSecret
        result[version["VersionId"]] = (set(version["VersionStages"]), value)
    return result


def current_credentials(aws, secret_id: str) -> dict:
    """What AWS returns to a reader now. moto's rotate_secret points reads
    that name no stage at the new, still empty version from the start, while
    AWS goes on returning AWSCURRENT: so this names the stage, which AWS
    answers the same either way."""
    response = aws.client("secretsmanager").get_secret_value(
        SecretId=secret_id, VersionStage="AWSCURRENT"
    )
    return json.loads(response["SecretString"])


def logs_in(credentials: dict) -> bool:
    """Whether the database accepts these credentials."""
    try:
        psycopg.connect(
            host=credentials["host"],
            port=credentials["port"],
            user=credentials["username"],
            password=credentials["password"],
            dbname=credentials["dbname"],
        ).close()
    except psycopg.OperationalError:
        return False
    return True
