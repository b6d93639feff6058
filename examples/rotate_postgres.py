# --8<-- [start:rotate_postgres]
"""Rotate the password of a PostgreSQL user whose credentials a Secrets
Manager secret holds (single-user rotation).

Secrets Manager calls lambda_handler once for each step, in this order, with
the same ClientRequestToken: the id of the new version. Any step may be
called again after a failure, so each one first checks what is already done.
"""

import json
import logging
import os

import boto3
import psycopg
from psycopg import sql

logger = logging.getLogger(__name__)
logger.setLevel(logging.INFO)
# At DEBUG, botocore logs the body of each request and response, and with
# them both passwords: keep it at INFO whatever level the function logs at.
logging.getLogger("botocore").setLevel(logging.INFO)

# Refused by RDS in passwords (/ ' " @ space), or breaking .pgpass lines
# and connection URLs (: \), as in AWS's own rotation functions.
EXCLUDED_CHARACTERS = ":/'\"@ \\"
REQUIRED_KEYS = {"engine", "host", "port", "username", "password"}


class RotationError(Exception):
    """A step refused to run. The message never holds a password."""


def lambda_handler(event, context):
    secret_id = event["SecretId"]
    token = event["ClientRequestToken"]
    step = event["Step"]
    if step not in STEPS:
        raise RotationError(f"Unknown step {step!r}")

    secrets = boto3.client("secretsmanager")
    described = secrets.describe_secret(SecretId=secret_id)
    if not described.get("RotationEnabled"):
        raise RotationError(f"Rotation is not enabled for {secret_id}")
    stages = described["VersionIdsToStages"].get(token)
    if stages is None:
        raise RotationError(f"{secret_id} has no version {token}")
    if "AWSCURRENT" in stages:
        logger.info("%s: version %s is already AWSCURRENT", step, token)
        return
    if "AWSPENDING" not in stages:
        raise RotationError(
            f"Version {token} of {secret_id} is not AWSPENDING"
        )

    STEPS[step](secrets, secret_id, token)
    logger.info("%s: done for version %s of %s", step, token, secret_id)


def create_secret(secrets, secret_id, token):
    """Store the current credentials with a new password as AWSPENDING."""
    current = read(secrets, secret_id, "AWSCURRENT")
    try:
        read(secrets, secret_id, "AWSPENDING", token)
        return  # stored by an earlier call with this token
    except secrets.exceptions.ResourceNotFoundException:
        pass
    password = secrets.get_random_password(
        PasswordLength=32, ExcludeCharacters=EXCLUDED_CHARACTERS
    )["RandomPassword"]
    secrets.put_secret_value(
        SecretId=secret_id,
        ClientRequestToken=token,
        SecretString=json.dumps(current | {"password": password}),
        VersionStages=["AWSPENDING"],
    )


def set_secret(secrets, secret_id, token):
    """Give the database user the AWSPENDING password."""
    pending = read(secrets, secret_id, "AWSPENDING", token)
    current = read(secrets, secret_id, "AWSCURRENT")
    if without_password(pending) != without_password(current):
        raise RotationError(
            f"Version {token} of {secret_id} names another user or database"
        )
    try:
        connect(pending).close()
        return  # the password was changed by an earlier call
    except psycopg.OperationalError:
        pass
    with log_in_to_change(secrets, secret_id, current, pending) as connection:
        # Send only the password's hash, as psql's \password does: the new
        # password never appears in the server's logs or statistics. SCRAM,
        # whatever the server's password_encryption: connect() requires it.
        verifier = connection.pgconn.encrypt_password(
            pending["password"].encode(),
            pending["username"].encode(),
            b"scram-sha-256",
        )
        # If another session is changing the user too, and holds its lock,
        # give up after 5 s rather than wait until Lambda stops the function.
        connection.execute("SET lock_timeout = '5s'")
        connection.execute(
            sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                sql.Identifier(pending["username"]),
                sql.Literal(verifier.decode()),
            )
        )


def log_in_to_change(secrets, secret_id, current, pending):
    """A connection as the user, with the AWSCURRENT password or, if that no
    longer logs in (after a roll-back, or a password changed in the secret
    only), with AWSPREVIOUS, as AWS's own rotation functions do."""
    try:
        return connect(current)
    except psycopg.OperationalError as error:
        if not refused_login(error):
            raise  # not reached, or not the database: no other password
        refused = error
    try:
        previous = read(secrets, secret_id, "AWSPREVIOUS")
    except secrets.exceptions.ResourceNotFoundException:
        raise RotationError(
            f"The AWSCURRENT password of {secret_id} does not log in, and "
            "there is no AWSPREVIOUS version to try"
        ) from refused
    if (previous["username"], previous["host"]) != (
        pending["username"],
        pending["host"],
    ):
        raise RotationError(
            f"The AWSPREVIOUS version of {secret_id} names another user or "
            "host"
        ) from refused
    return connect(previous)


def test_secret(secrets, secret_id, token):
    """Log in with the AWSPENDING password."""
    pending = read(secrets, secret_id, "AWSPENDING", token)
    with connect(pending) as connection:
        connection.execute("SELECT 1")


def finish_secret(secrets, secret_id, token):
    """Move AWSCURRENT to the new version; AWSPREVIOUS follows the old one."""
    versions = secrets.describe_secret(SecretId=secret_id)[
        "VersionIdsToStages"
    ]
    [current] = [v for v, stages in versions.items() if "AWSCURRENT" in stages]
    secrets.update_secret_version_stage(
        SecretId=secret_id,
        VersionStage="AWSCURRENT",
        MoveToVersionId=token,
        RemoveFromVersionId=current,
    )


STEPS = {
    "createSecret": create_secret,
    "setSecret": set_secret,
    "testSecret": test_secret,
    "finishSecret": finish_secret,
}


def read(secrets, secret_id, stage, version=None):
    """The credentials in one version of the secret, checked for the keys
    a connection needs."""
    version_id = {"VersionId": version} if version else {}
    response = secrets.get_secret_value(
        SecretId=secret_id, VersionStage=stage, **version_id
    )
    credentials = json.loads(response["SecretString"])
    missing = REQUIRED_KEYS - credentials.keys()
    if missing:
        raise RotationError(
            f"The {stage} version of {secret_id} lacks {sorted(missing)}"
        )
    return credentials


def without_password(credentials):
    return {k: v for k, v in credentials.items() if k != "password"}


def connect(credentials):
    """A connection that gives the password to no one but the database:
    over TLS, to a server whose certificate the RDS certificate authority
    signed for this host, and only as a SCRAM proof, never in clear text."""
    return psycopg.connect(
        host=credentials["host"],
        port=credentials["port"],
        user=credentials["username"],
        password=credentials["password"],
        dbname=credentials.get("dbname", "postgres"),
        sslmode="verify-full",
        # Amazon's RDS bundle, deployed with the function; libpq's own
        # variable names another file.
        sslrootcert=os.environ.get("PGSSLROOTCERT", "global-bundle.pem"),
        require_auth="scram-sha-256",
        connect_timeout=5,
    )


def refused_login(error):
    """Whether the server took the password and refused the login. psycopg
    gives a failed login no SQLSTATE (28P01) to tell it by."""
    return error.pgconn is not None and error.pgconn.used_password


# --8<-- [end:rotate_postgres]
