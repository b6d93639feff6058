"""examples/manage_master_password.py and manage_master_password_cli.sh: the
tabs of docs/how-to/rds-managed.md. Each section runs alone, against an RDS
instance in moto, whose secret moto's Secrets Manager holds."""

import re

import pytest
import secretm

from tests.support.aws import tabs
from tests.support.documented import (
    ACCOUNT_ID,
    DATABASE_INSTANCE,
    MASTER_SECRET_KEY_ALIAS,
    REGION,
)

pytestmark = pytest.mark.moto_only  # creates RDS instances

# rds!db-<uuid>, and the 6 characters every secret's ARN ends in.
MANAGED_SECRET_ARN = re.compile(
    rf"arn:aws:secretsmanager:{REGION}:{ACCOUNT_ID}:secret:"
    r"(?P<name>rds!db-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})-\w{6}"
)


@pytest.fixture(
    params=tabs("manage_master_password.py", "manage_master_password_cli.sh")
)
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def create_instance(aws, **credentials) -> dict:
    """An RDS instance named as on the page; `credentials` say who keeps
    its master password."""
    return aws.client("rds").create_db_instance(
        DBInstanceIdentifier=DATABASE_INSTANCE,
        Engine="postgres",
        DBInstanceClass="db.t4g.micro",
        AllocatedStorage=20,
        MasterUsername="postgres",
        **credentials,
    )["DBInstance"]


def master_user_secret(aws) -> dict:
    instances = aws.client("rds").describe_db_instances(
        DBInstanceIdentifier=DATABASE_INSTANCE
    )
    return instances["DBInstances"][0]["MasterUserSecret"]


def test_tab_creates_an_instance_whose_secret_rds_manages(aws, tab):
    result = aws.run_example(f"{tab}:create_instance")

    arn = result.stdout.strip()
    assert master_user_secret(aws)["SecretArn"] == arn
    # The secret is in Secrets Manager, named and owned by RDS.
    described = aws.client("secretsmanager").describe_secret(SecretId=arn)
    assert described["Name"] == MANAGED_SECRET_ARN.fullmatch(arn)["name"]
    assert described["OwningService"] == "rds"
    assert {
        "Key": "aws:secretsmanager:owningService",
        "Value": "rds",
    } in described["Tags"]
    # A username and a password, and nothing about where the database is.
    # moto's are its own, "admin" and a fixed password; AWS's are the
    # instance's master user (postgres) and the password RDS generated.
    value = aws.secret_json(arn)
    assert value.keys() == {"username", "password"}
    assert value["username"] == "admin"
    # moto sets no rotation up; AWS rotates it every 7 days by default.
    assert "RotationEnabled" not in described


def test_tab_hands_an_existing_instance_over_with_our_key(aws, tab):
    kms = aws.client("kms")
    key = kms.create_key(Description="orders-db master secret")["KeyMetadata"]
    kms.create_alias(AliasName=MASTER_SECRET_KEY_ALIAS, TargetKeyId=key["Arn"])
    create_instance(aws, MasterUserPassword="typed-in-by-hand")

    result = aws.run_example(f"{tab}:modify_instance")

    managed = master_user_secret(aws)
    assert managed["SecretArn"] == result.stdout.strip()
    assert MANAGED_SECRET_ARN.fullmatch(managed["SecretArn"])
    assert managed["KmsKeyId"] == key["Arn"]  # the alias, resolved
    value = aws.secret_json(managed["SecretArn"])
    assert value.keys() == {"username", "password"}


def test_tab_prints_the_secret_and_the_endpoint(aws, tab):
    instance = create_instance(aws, ManageMasterUserPassword=True)

    result = aws.run_example(f"{tab}:find_secret")

    assert result.stdout.split() == [
        instance["MasterUserSecret"]["SecretArn"],
        instance["Endpoint"]["Address"],
        "5432",
    ]


@pytest.fixture
def master_user(aws, postgres) -> dict:
    """An instance whose master password RDS manages, standing in for the
    test's PostgreSQL server: the server has the user and password of the
    secret, as RDS sets them on the instance. The secret's ARN, and the
    user's name."""
    instance = create_instance(aws, ManageMasterUserPassword=True)
    arn = instance["MasterUserSecret"]["SecretArn"]
    credentials = aws.secret_json(arn)
    postgres.create_user(credentials["username"], credentials["password"])
    yield {"secret": arn, "username": credentials["username"]}
    postgres.drop_user(credentials["username"])


def test_connect_logs_in_with_the_secret_and_the_configured_endpoint(
    aws, master_user, postgres, trusts_database_ca, monkeypatch
):
    # The function's configuration: the secret's ARN and the endpoint.
    monkeypatch.setenv("SECRET_NAME", master_user["secret"])
    monkeypatch.setenv("DB_HOST", postgres.host)
    monkeypatch.setenv("DB_PORT", str(postgres.port))
    secretm.clear_cache()

    result = aws.run_example("manage_master_password.py:connect_as_master")

    assert result.stdout == f"{master_user['username']}\n"


def test_moto_lets_anyone_change_what_aws_keeps_to_rds(aws):
    """What the page says moto does, where AWS refuses or may refuse."""
    # AWS refuses a MasterUserPassword with ManageMasterUserPassword.
    instance = create_instance(
        aws,
        MasterUserPassword="typed-in-by-hand",
        ManageMasterUserPassword=True,
    )
    arn = instance["MasterUserSecret"]["SecretArn"]
    secrets = aws.client("secretsmanager")
    # RDS may keep Secrets Manager from changing or deleting its secret.
    secrets.put_secret_value(SecretId=arn, SecretString='{"username": "x"}')
    secrets.delete_secret(SecretId=arn, ForceDeleteWithoutRecovery=True)

    with pytest.raises(secrets.exceptions.ResourceNotFoundException):
        secrets.describe_secret(SecretId=arn)
