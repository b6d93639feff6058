# The Python tabs of docs/how-to/rds-managed.md. Each section stands alone:
# turn on RDS's management of the master password for a new instance or an
# existing one, find the secret and the endpoint, and connect with them.

# --8<-- [start:create_instance]
import boto3

rds = boto3.client("rds")
response = rds.create_db_instance(
    DBInstanceIdentifier="orders-db",
    Engine="postgres",
    DBInstanceClass="db.t4g.micro",
    AllocatedStorage=20,
    MasterUsername="postgres",
    # RDS generates the password and keeps it in a secret of its own.
    ManageMasterUserPassword=True,
)
print(response["DBInstance"]["MasterUserSecret"]["SecretArn"])
# --8<-- [end:create_instance]

# --8<-- [start:modify_instance]
import boto3

rds = boto3.client("rds")
response = rds.modify_db_instance(
    DBInstanceIdentifier="orders-db",
    ManageMasterUserPassword=True,
    # Optional: a customer managed key, which cannot be changed later.
    # Without it, the secret is encrypted with aws/secretsmanager.
    MasterUserSecretKmsKeyId="alias/orders-db-secret",
    ApplyImmediately=True,  # not at the next maintenance window
)
print(response["DBInstance"]["MasterUserSecret"]["SecretArn"])
# --8<-- [end:modify_instance]

# --8<-- [start:find_secret]
import boto3

rds = boto3.client("rds")
# The endpoint exists once the instance is created.
rds.get_waiter("db_instance_available").wait(DBInstanceIdentifier="orders-db")
response = rds.describe_db_instances(DBInstanceIdentifier="orders-db")
instance = response["DBInstances"][0]
endpoint = instance["Endpoint"]
secret_arn = instance["MasterUserSecret"]["SecretArn"]
print(secret_arn, endpoint["Address"], endpoint["Port"], sep="\t")
# --8<-- [end:find_secret]

# --8<-- [start:connect_as_master]
import os

from connect_database import connect  # SECRET_NAME: the secret's ARN

# The secret holds the user and password only: the endpoint comes from the
# function's configuration, as DB_HOST and DB_PORT.
with connect(
    host=os.environ["DB_HOST"], port=int(os.environ["DB_PORT"])
) as connection:
    print(*connection.execute("SELECT current_user").fetchone())
# --8<-- [end:connect_as_master]
