# --8<-- [start:handler]
import os

import secretm  # from the secretm layer, at /opt/python


def lambda_handler(event, context):
    # Within five minutes of the last read, this makes no API call.
    credentials = secretm.get_secret(os.environ["SECRET_NAME"])
    # Connect to the database with credentials["host"], ["port"],
    # ["username"] and ["password"]; return or log nothing secret. A secret
    # stored from the console has no dbname: AWS then means "postgres".
    database = credentials.get("dbname", "postgres")
    return {"database": database, "host": credentials["host"]}


# --8<-- [end:handler]
