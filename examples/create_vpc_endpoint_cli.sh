#!/usr/bin/env bash
# The AWS CLI tab of docs/how-to/vpc.md, run from inside examples/: an
# interface VPC endpoint for Secrets Manager in the VPC of the Lambda function
# orders-api, which the function's security group may reach on HTTPS.
set -euo pipefail

# --8<-- [start:create_vpc_endpoint]
FUNCTION_NAME=orders-api

read -r -a SUBNET_IDS < <(aws lambda get-function-configuration \
    --function-name "$FUNCTION_NAME" --query VpcConfig.SubnetIds --output text)
read -r -a FUNCTION_GROUP_IDS < <(aws lambda get-function-configuration \
    --function-name "$FUNCTION_NAME" --query VpcConfig.SecurityGroupIds \
    --output text)
VPC_ID=$(aws ec2 describe-subnets --subnet-ids "${SUBNET_IDS[0]}" \
    --query "Subnets[0].VpcId" --output text)
# An endpoint takes one subnet in each Availability Zone; it serves the
# function's other subnets in that zone too.
read -r -a ENDPOINT_SUBNET_IDS < <(aws ec2 describe-subnets \
    --subnet-ids "${SUBNET_IDS[@]}" --output json |
    jq -r '[.Subnets[] | {(.AvailabilityZone): .SubnetId}] | add | join(" ")')
REGION=$(aws ec2 describe-availability-zones \
    --query "AvailabilityZones[0].RegionName" --output text)

# Private DNS needs both: the standard name of Secrets Manager then resolves
# to the endpoint, so the function's code stays as it is.
aws ec2 modify-vpc-attribute --vpc-id "$VPC_ID" --enable-dns-support
aws ec2 modify-vpc-attribute --vpc-id "$VPC_ID" --enable-dns-hostnames

# The endpoint's own security group: HTTPS in, from the function only.
GROUP_ID=$(aws ec2 create-security-group \
    --group-name "$FUNCTION_NAME-secretsmanager-endpoint" \
    --description "HTTPS to Secrets Manager from $FUNCTION_NAME" \
    --vpc-id "$VPC_ID" --query GroupId --output text)
for FUNCTION_GROUP_ID in "${FUNCTION_GROUP_IDS[@]}"; do
    aws ec2 authorize-security-group-ingress --group-id "$GROUP_ID" \
        --protocol tcp --port 443 --source-group "$FUNCTION_GROUP_ID" \
        --output text > /dev/null
done

aws ec2 create-vpc-endpoint --vpc-endpoint-type Interface \
    --vpc-id "$VPC_ID" \
    --service-name "com.amazonaws.$REGION.secretsmanager" \
    --subnet-ids "${ENDPOINT_SUBNET_IDS[@]}" --security-group-ids "$GROUP_ID" \
    --private-dns-enabled \
    --query VpcEndpoint.VpcEndpointId --output text
# --8<-- [end:create_vpc_endpoint]
