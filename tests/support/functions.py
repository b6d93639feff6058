"""Lambda functions in moto, deployed as a reader deploys them."""

import io
import zipfile
from pathlib import Path

from tests.support.paths import EXAMPLES


def create_function(aws, name: str, source: Path, **options) -> str:
    """The function `name`, running the file `source` (its handler is
    `lambda_handler`), with a role of the same name that Lambda may assume;
    `options` are more of create_function's, such as VpcConfig. Returns the
    function's ARN."""
    role = aws.client("iam").create_role(
        RoleName=name,
        AssumeRolePolicyDocument=(
            EXAMPLES / "lambda_trust_policy.json"
        ).read_text(),
    )["Role"]
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.write(source, source.name)
    return aws.client("lambda").create_function(
        FunctionName=name,
        Runtime="python3.12",
        Role=role["Arn"],
        Handler=f"{source.stem}.lambda_handler",
        Code={"ZipFile": code.getvalue()},
        **options,
    )["FunctionArn"]
