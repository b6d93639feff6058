# --8<-- [start:connect_database]
import os

import psycopg
import secretm  # the secretm layer

SECRET_NAME = os.environ.get("SECRET_NAME", "prod/orders/postgres")


def connect(
    *, host: str | None = None, port: int = 5432, dbname: str = "postgres"
) -> psycopg.Connection:
    """A connection to the database, as the user the secret names.

    The secret's own host, port and dbname come first; the arguments stand
    in for those it lacks. The secret RDS manages for a master user holds
    none of them; one stored from the console holds no dbname, and AWS then
    means "postgres".
    """
    endpoint = {"host": host, "port": port, "dbname": dbname}
    credentials = secretm.get_secret(SECRET_NAME)
    try:
        return _connect(endpoint | credentials)
    except psycopg.OperationalError as error:
        # A refused password may be a cached one that rotation has replaced
        # since: read the secret again and, if it changed, try once more.
        # Anything else would only fail again.
        if not _refused_login(error):
            raise
        latest = secretm.get_secret(SECRET_NAME, force_refresh=True)
        if latest == credentials:
            raise
        return _connect(endpoint | latest)


def _refused_login(error: psycopg.OperationalError) -> bool:
    # The server took the password and refused the login. psycopg gives a
    # failed login no SQLSTATE (28P01) to tell it by.
    return error.pgconn is not None and error.pgconn.used_password


def _connect(settings: dict) -> psycopg.Connection:
    if settings["host"] is None:
        # Without a host, libpq would try a server on this machine.
        raise ValueError(
            f"The secret {SECRET_NAME} holds no host: pass the database's "
            "endpoint, connect(host=..., port=...)"
        )
    return psycopg.connect(
        host=settings["host"],
        port=settings["port"],
        user=settings["username"],
        password=settings["password"],
        dbname=settings["dbname"],
        # The password goes to no one but the database: over TLS, to a
        # server whose certificate the RDS certificate authority signed for
        # this host, and only as a SCRAM proof, never in clear text.
        sslmode="verify-full",
        # Amazon's RDS bundle; libpq's own variable names another file.
        sslrootcert=os.environ.get("PGSSLROOTCERT", "global-bundle.pem"),
        require_auth="scram-sha-256",
        connect_timeout=5,
    )


if __name__ == "__main__":
    with connect() as connection:
        row = connection.execute("SELECT current_user, current_database()")
        print(*row.fetchone())
# --8<-- [end:connect_database]
