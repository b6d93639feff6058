# --8<-- [start:store_secret]
import json

import boto3

secrets = boto3.client("secretsmanager")


def store_secret(name: str, description: str, value: dict) -> str:
    """Store key/value pairs as a new JSON secret and return its ARN.

    Our convention: no tags and no resource policy; access is granted by the
    IAM role of whatever reads the secret.
    """
    try:
        response = secrets.create_secret(
            Name=name, Description=description, SecretString=json.dumps(value)
        )
    except secrets.exceptions.ResourceExistsException:
        raise ValueError(
            f"A secret named {name!r} already exists. To change its value, use "
            "put_secret_value; to store a new secret, choose another name."
        ) from None
    return response["ARN"]


# --8<-- [end:store_secret]


if __name__ == "__main__":
    # --8<-- [start:store_database_credentials]
    with open("database_secret.json") as file:
        store_secret(
            name="prod/orders/postgres",
            description="Orders database (RDS PostgreSQL), user orders_app",
            value=json.load(file),
        )
    # --8<-- [end:store_database_credentials]

    # --8<-- [start:store_other_secret]
    store_secret(
        name="prod/orders/payments-api",
        description="API key of the payment provider, used by the orders service",
        value={"api_key": "EXAMPLE-replace-with-the-real-key"},
    )
    # --8<-- [end:store_other_secret]
