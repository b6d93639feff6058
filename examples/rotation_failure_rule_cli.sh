#!/usr/bin/env bash
# The AWS CLI tabs of docs/how-to/alarms.md that create the topic for the
# alerts, then the rule that sends it each failed rotation. Run from inside
# examples/, next to rotation_failure_rule.json.
set -euo pipefail

# --8<-- [start:topic]
# Creating a topic that already exists returns it unchanged.
TOPIC_ARN=$(aws sns create-topic --name secrets-alerts \
    --query TopicArn --output text)
# AWS emails a link to confirm the subscription: nothing arrives before.
aws sns subscribe --topic-arn "$TOPIC_ARN" --protocol email \
    --notification-endpoint ops@example.com
# --8<-- [end:topic]

# --8<-- [start:rotation_rule]
RULE_NAME=secrets-rotation-failed

RULE_ARN=$(aws events put-rule --name "$RULE_NAME" \
    --description "A secret's rotation failed or was abandoned" \
    --event-pattern file://rotation_failure_rule.json \
    --query RuleArn --output text)

# EventBridge may publish to the topic, for this rule only. The topic's
# other statements stay; a second run replaces this one.
TOPIC_ARN=$(aws sns create-topic --name secrets-alerts \
    --query TopicArn --output text)
POLICY=$(aws sns get-topic-attributes --topic-arn "$TOPIC_ARN" \
    --query Attributes.Policy --output text |
    jq --compact-output --arg topic "$TOPIC_ARN" --arg rule "$RULE_ARN" '
        .Statement |= map(select(.Sid != "EventBridgePublish")) + [{
            Sid: "EventBridgePublish",
            Effect: "Allow",
            Principal: {Service: "events.amazonaws.com"},
            Action: "sns:Publish",
            Resource: $topic,
            Condition: {ArnEquals: {"aws:SourceArn": $rule}}
        }]')
aws sns set-topic-attributes --topic-arn "$TOPIC_ARN" \
    --attribute-name Policy --attribute-value "$POLICY"

aws events put-targets --rule "$RULE_NAME" \
    --targets "Id=secrets-alerts,Arn=$TOPIC_ARN"
# --8<-- [end:rotation_rule]
