"""examples/database_secret.json: how AWS structures database credentials."""

import json

from tests.support.paths import EXAMPLES

# Keys AWS documents for database secrets; they are case-sensitive.
REQUIRED_KEYS = {"engine", "host", "port", "username", "password"}
OPTIONAL_KEYS = {
    "dbname",
    "dbInstanceIdentifier",
    "dbClusterIdentifier",
    "masterarn",
}
MAX_SECRET_BYTES = 65_536


def test_database_secret_uses_the_keys_and_types_aws_expects():
    text = (EXAMPLES / "database_secret.json").read_text()
    secret = json.loads(text)

    assert secret.keys() >= REQUIRED_KEYS
    assert secret.keys() <= REQUIRED_KEYS | OPTIONAL_KEYS
    assert type(secret["port"]) is int, (
        "port must be a JSON number, not a string"
    )
    assert all(
        isinstance(value, str)
        for key, value in secret.items()
        if key != "port"
    )
    assert len(text.encode()) <= MAX_SECRET_BYTES
