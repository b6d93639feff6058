#!/usr/bin/env bash
# The AWS CLI tabs of docs/how-to/rds-managed.md, run from inside examples/.
# Each section stands alone: turn on RDS's management of the master password
# for a new instance or an existing one, then find the secret and the
# endpoint.
set -euo pipefail

# --8<-- [start:create_instance]
# RDS generates the password and keeps it in a secret of its own.
aws rds create-db-instance --db-instance-identifier orders-db \
    --engine postgres --db-instance-class db.t4g.micro \
    --allocated-storage 20 --master-username postgres \
    --manage-master-user-password \
    --query DBInstance.MasterUserSecret.SecretArn --output text
# --8<-- [end:create_instance]

# --8<-- [start:modify_instance]
# The key is optional, and cannot be changed later. Without it, the secret
# is encrypted with aws/secretsmanager.
aws rds modify-db-instance --db-instance-identifier orders-db \
    --manage-master-user-password \
    --master-user-secret-kms-key-id alias/orders-db-secret \
    --apply-immediately \
    --query DBInstance.MasterUserSecret.SecretArn --output text
# --8<-- [end:modify_instance]

# --8<-- [start:find_secret]
# The endpoint exists once the instance is created.
aws rds wait db-instance-available --db-instance-identifier orders-db
aws rds describe-db-instances --db-instance-identifier orders-db \
    --query "DBInstances[0].[MasterUserSecret.SecretArn, Endpoint.Address, Endpoint.Port]" \
    --output text
# --8<-- [end:find_secret]
