# The Python tab of docs/how-to/vpc.md: an interface VPC endpoint for Secrets
# Manager in the VPC of the Lambda function orders-api, which the function's
# security group may reach on HTTPS.

# --8<-- [start:create_vpc_endpoint]
import boto3

FUNCTION_NAME = "orders-api"

ec2 = boto3.client("ec2")
function = boto3.client("lambda").get_function_configuration(
    FunctionName=FUNCTION_NAME
)
subnet_ids = function["VpcConfig"]["SubnetIds"]
function_group_ids = function["VpcConfig"]["SecurityGroupIds"]
subnets = ec2.describe_subnets(SubnetIds=subnet_ids)["Subnets"]
vpc_id = subnets[0]["VpcId"]
# An endpoint takes one subnet in each Availability Zone; it serves the
# function's other subnets in that zone too.
subnet_by_zone = {s["AvailabilityZone"]: s["SubnetId"] for s in subnets}

# Private DNS needs both: the standard name of Secrets Manager then resolves
# to the endpoint, so the function's code stays as it is.
ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsSupport={"Value": True})
ec2.modify_vpc_attribute(VpcId=vpc_id, EnableDnsHostnames={"Value": True})

# The endpoint's own security group: HTTPS in, from the function only.
group_id = ec2.create_security_group(
    GroupName=f"{FUNCTION_NAME}-secretsmanager-endpoint",
    Description=f"HTTPS to Secrets Manager from {FUNCTION_NAME}",
    VpcId=vpc_id,
)["GroupId"]
ec2.authorize_security_group_ingress(
    GroupId=group_id,
    IpPermissions=[
        {
            "IpProtocol": "tcp",
            "FromPort": 443,
            "ToPort": 443,
            "UserIdGroupPairs": [
                {"GroupId": group} for group in function_group_ids
            ],
        }
    ],
)

endpoint = ec2.create_vpc_endpoint(
    VpcEndpointType="Interface",
    VpcId=vpc_id,
    ServiceName=f"com.amazonaws.{ec2.meta.region_name}.secretsmanager",
    SubnetIds=list(subnet_by_zone.values()),
    SecurityGroupIds=[group_id],
    PrivateDnsEnabled=True,
)["VpcEndpoint"]
print(endpoint["VpcEndpointId"])
# --8<-- [end:create_vpc_endpoint]
