"""examples/create_vpc_endpoint.py and create_vpc_endpoint_cli.sh: the
Python and AWS CLI tabs of docs/how-to/vpc.md. Each creates, in the VPC of
the function orders-api, an interface endpoint for Secrets Manager whose
security group lets the function's security group in on port 443.

moto keeps the endpoint's configuration; it resolves no DNS name and routes
no packet, so what the endpoint does for the function rests on AWS's docs."""

import pytest

from tests.support.aws import tabs
from tests.support.documented import EXECUTION_ROLE, REGION
from tests.support.functions import create_function
from tests.support.paths import EXAMPLES

pytestmark = pytest.mark.moto_only  # creates EC2 and Lambda resources


@pytest.fixture(
    params=tabs("create_vpc_endpoint.py", "create_vpc_endpoint_cli.sh")
)
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def function_network(aws) -> dict:
    """The function orders-api in three private subnets of its own VPC, two
    of them in one Availability Zone, with its own security group; another
    VPC beside it."""
    ec2 = aws.client("ec2")
    ec2.create_vpc(CidrBlock="10.1.0.0/16")  # not the function's
    vpc_id = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnet_ids = [
        ec2.create_subnet(VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=zone)[
            "Subnet"
        ]["SubnetId"]
        for cidr, zone in [
            ("10.0.1.0/24", f"{REGION}a"),
            ("10.0.2.0/24", f"{REGION}b"),
            ("10.0.3.0/24", f"{REGION}b"),
        ]
    ]
    group_id = ec2.create_security_group(
        GroupName=EXECUTION_ROLE, Description="the function", VpcId=vpc_id
    )["GroupId"]
    create_function(
        aws,
        EXECUTION_ROLE,
        EXAMPLES / "lambda_function.py",
        VpcConfig={"SubnetIds": subnet_ids, "SecurityGroupIds": [group_id]},
    )
    return {"vpc": vpc_id, "subnets": subnet_ids, "group": group_id}


def test_tab_creates_the_endpoint_the_function_can_reach(
    aws, tab, function_network
):
    ec2 = aws.client("ec2")

    result = aws.run_example(tab)

    [endpoint] = ec2.describe_vpc_endpoints()["VpcEndpoints"]
    assert result.stdout == endpoint["VpcEndpointId"] + "\n"
    assert endpoint["VpcEndpointType"] == "Interface"
    assert endpoint["ServiceName"] == f"com.amazonaws.{REGION}.secretsmanager"
    assert endpoint["VpcId"] == function_network["vpc"]
    # One subnet in each of the function's zones: AWS refuses two in one.
    [in_a, *in_b] = function_network["subnets"]
    assert len(endpoint["SubnetIds"]) == 2
    assert in_a in endpoint["SubnetIds"]
    assert len(set(in_b) & set(endpoint["SubnetIds"])) == 1
    assert endpoint["PrivateDnsEnabled"] is True
    for attribute in ("enableDnsSupport", "enableDnsHostnames"):
        answer = ec2.describe_vpc_attribute(
            VpcId=function_network["vpc"], Attribute=attribute
        )
        assert answer[attribute[0].upper() + attribute[1:]]["Value"] is True

    # Its own security group, in the function's VPC, lets in HTTPS from the
    # function's security group and nothing else.
    [group] = endpoint["Groups"]
    assert group["GroupId"] != function_network["group"]
    [described] = ec2.describe_security_groups(GroupIds=[group["GroupId"]])[
        "SecurityGroups"
    ]
    assert described["VpcId"] == function_network["vpc"]
    [rule] = described["IpPermissions"]
    assert (rule["IpProtocol"], rule["FromPort"], rule["ToPort"]) == (
        "tcp",
        443,
        443,
    )
    assert [pair["GroupId"] for pair in rule["UserIdGroupPairs"]] == [
        function_network["group"]
    ]
    assert rule["IpRanges"] == rule["Ipv6Ranges"] == []
