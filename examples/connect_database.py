# --8<-- [start:connect_database]
import os

import psycopg
import secretm  # the secretm layer

SECRET_NAME = os.environ.get("SECRET_NAME", "prod/orders/postgres")


def connect() -> psycopg.Connection:
    """A connection to the database, as the user the secret names."""
    try:
        return _connect(secretm.get_secret(SECRET_NAME))
    except psycopg.OperationalError:
        # The cached password may be one that rotation has replaced since:
        # read the secret again, and try once more.
        return _connect(secretm.get_secret(SECRET_NAME, force_refresh=True))


def _connect(credentials: dict) -> psycopg.Connection:
    return psycopg.connect(
        host=credentials["host"],
        port=credentials["port"],
        user=credentials["username"],
        password=credentials["password"],
        # Optional: the console stores none, and AWS then means "postgres".
        dbname=credentials.get("dbname", "postgres"),
        connect_timeout=5,
    )


if __name__ == "__main__":
    with connect() as connection:
        row = connection.execute("SELECT current_user, current_database()")
        print(*row.fetchone())
# --8<-- [end:connect_database]
