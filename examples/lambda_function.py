# --8<-- [start:handler]
import os

import secretm  # from the secretm layer, at /opt/python


def lambda_handler(event, context):
    # From memory within five minutes of the read that fetched it: one API
    # call every five minutes per execution environment.
    credentials = secretm.get_secret(os.environ["SECRET_NAME"])
    # Connect to the database with credentials["host"], ["port"],
    # ["username"] and ["password"]; return or log nothing secret. A secret
    # stored from the console has no dbname: AWS then means "postgres".
    database = credentials.get("dbname", "postgres")
    return {"database": database, "host": credentials["host"]}


# --8<-- [end:handler]
