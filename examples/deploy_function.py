# --8<-- [start:deploy_function]
import io
import zipfile
from pathlib import Path

import boto3

FUNCTION_NAME = "orders-api"
SECRET_NAME = "prod/orders/postgres"
LAYER_ZIP = Path("../dist/secretm-layer.zip")  # built by `make layer`

awslambda = boto3.client("lambda")
layer = awslambda.publish_layer_version(
    LayerName="secretm",
    Description="get_secret with a five-minute cache",
    Content={"ZipFile": LAYER_ZIP.read_bytes()},
    CompatibleRuntimes=["python3.12", "python3.13"],
)

code = io.BytesIO()
with zipfile.ZipFile(code, "w") as archive:
    archive.write("lambda_function.py")

role = boto3.client("iam").get_role(RoleName=FUNCTION_NAME)["Role"]
awslambda.create_function(
    FunctionName=FUNCTION_NAME,
    Runtime="python3.12",
    Role=role["Arn"],
    Handler="lambda_function.lambda_handler",
    Code={"ZipFile": code.getvalue()},
    Layers=[layer["LayerVersionArn"]],
    Environment={"Variables": {"SECRET_NAME": SECRET_NAME}},
)
# --8<-- [end:deploy_function]
