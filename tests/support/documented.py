"""The names and values the pages and examples use, written once.

A test that sets up what an example expects takes the names from here, so a
renamed secret is renamed in one place besides the pages.
"""

REGION = "us-west-2"
# Where docs/how-to/replicate.md replicates a secret to.
REPLICA_REGION = "eu-west-1"
ACCOUNT_ID = "123456789012"  # moto's default account
# The account and role that read prod/orders/postgres across accounts.
READER_ACCOUNT_ID = "444455556666"
READER_ROLE = "orders-reporting"

DATABASE_SECRET = "prod/orders/postgres"
API_KEY_SECRET = "prod/orders/payments-api"
DEV_API_KEY_SECRET = "dev/orders/payments-api"
# The ARN the pages show for DATABASE_SECRET: AWS ends it in six random
# characters.
DATABASE_SECRET_ARN = (
    f"arn:aws:secretsmanager:{REGION}:{ACCOUNT_ID}:secret:"
    f"{DATABASE_SECRET}-AbCdEf"
)
# What `run_example` swaps for unique names on a shared endpoint.
SECRET_NAMES = (DATABASE_SECRET, API_KEY_SECRET, DEV_API_KEY_SECRET)

EXECUTION_ROLE = "orders-api"  # the Lambda function and its role
ROTATION_FUNCTION = "rotate-orders-postgres"
DATABASE = "orders"  # the dbname of examples/database_secret.json
DATABASE_INSTANCE = "orders-db"  # the RDS instance
# The customer managed key of the secret RDS manages for its master user.
MASTER_SECRET_KEY_ALIAS = "alias/orders-db-secret"
# The keys of a secret stored from the console as "Credentials for Amazon RDS
# database": no dbname, which AWS then takes to be "postgres".
CONSOLE_DATABASE_KEYS = (
    "username",
    "password",
    "engine",
    "host",
    "port",
    "dbInstanceIdentifier",
)


def as_stored_from_the_console(credentials: dict) -> dict:
    """`credentials` with exactly CONSOLE_DATABASE_KEYS, for an instance
    named orders-db."""
    with_instance = credentials | {"dbInstanceIdentifier": "orders-db"}
    return {key: with_instance[key] for key in CONSOLE_DATABASE_KEYS}


# docs/how-to/alarms.md: where the alerts go, and what raises them.
ALERTS_TOPIC = "secrets-alerts"
ALERTS_EMAIL = "ops@example.com"
ROTATION_FAILURE_RULE = "secrets-rotation-failed"
CLOUDTRAIL_LOG_GROUP = "CloudTrail/secrets-audit"  # the trail's log group
DELETED_SECRET_METRIC = "AttemptsToAccessDeletedSecrets"
DELETED_SECRET_NAMESPACE = "CloudTrailLogMetrics"
DELETED_SECRET_ALARM = "AttemptsToAccessDeletedSecretsAlarm"
