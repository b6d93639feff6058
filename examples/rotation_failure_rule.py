# The Python tabs of docs/how-to/alarms.md that create the topic for the
# alerts, then the rule that sends it each failed rotation. Run from inside
# examples/, next to rotation_failure_rule.json.

# --8<-- [start:topic]
import boto3

sns = boto3.client("sns")
# Creating a topic that already exists returns it unchanged.
topic_arn = sns.create_topic(Name="secrets-alerts")["TopicArn"]
# AWS emails a link to confirm the subscription: nothing arrives before.
sns.subscribe(TopicArn=topic_arn, Protocol="email", Endpoint="ops@example.com")
# --8<-- [end:topic]

# --8<-- [start:rotation_rule]
import json
from pathlib import Path

import boto3

RULE_NAME = "secrets-rotation-failed"

events = boto3.client("events")
rule_arn = events.put_rule(
    Name=RULE_NAME,
    Description="A secret's rotation failed or was abandoned",
    EventPattern=Path("rotation_failure_rule.json").read_text(),
)["RuleArn"]

# EventBridge may publish to the topic, for this rule only. The topic's
# other statements stay; a second run replaces this one.
sns = boto3.client("sns")
topic_arn = sns.create_topic(Name="secrets-alerts")["TopicArn"]
attributes = sns.get_topic_attributes(TopicArn=topic_arn)["Attributes"]
policy = json.loads(attributes["Policy"])
publish = {
    "Sid": "EventBridgePublish",
    "Effect": "Allow",
    "Principal": {"Service": "events.amazonaws.com"},
    "Action": "sns:Publish",
    "Resource": topic_arn,
    "Condition": {"ArnEquals": {"aws:SourceArn": rule_arn}},
}
policy["Statement"] = [
    statement
    for statement in policy["Statement"]
    if statement.get("Sid") != publish["Sid"]
] + [publish]
sns.set_topic_attributes(
    TopicArn=topic_arn,
    AttributeName="Policy",
    AttributeValue=json.dumps(policy),
)

events.put_targets(
    Rule=RULE_NAME, Targets=[{"Id": "secrets-alerts", "Arn": topic_arn}]
)
# --8<-- [end:rotation_rule]
