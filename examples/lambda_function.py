# --8<-- [start:handler]
import os

import secretm  # from the secretm layer, at /opt/python


def lambda_handler(event, context):
    # Within five minutes of the last read, this makes no API call.
    credentials = secretm.get_secret(os.environ["SECRET_NAME"])
    # Connect to the database with credentials["host"], ["port"],
    # ["username"] and ["password"]; return or log nothing secret.
    return {"database": credentials["dbname"], "host": credentials["host"]}


# --8<-- [end:handler]
