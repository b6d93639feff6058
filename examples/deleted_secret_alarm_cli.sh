#!/usr/bin/env bash
# The AWS CLI tab of docs/how-to/alarms.md that raises an alarm when anything
# reads a secret scheduled for deletion. Your trail must already send its
# events to the log group; the topic is the page's first section.
set -euo pipefail

# --8<-- [start:deleted_secret_alarm]
LOG_GROUP=CloudTrail/secrets-audit  # where your trail sends its events
NAMESPACE=CloudTrailLogMetrics
METRIC=AttemptsToAccessDeletedSecrets
# The User Guide's pattern: a GetSecretValue call refused because the secret
# is scheduled for deletion.
PATTERN='{ $.eventName = "GetSecretValue" && $.errorMessage = "*secret because it was marked for deletion*" }'

aws logs put-metric-filter --log-group-name "$LOG_GROUP" \
    --filter-name "$METRIC" --filter-pattern "$PATTERN" \
    --metric-transformations \
    "metricName=$METRIC,metricNamespace=$NAMESPACE,metricValue=1"

TOPIC_ARN=$(aws sns create-topic --name secrets-alerts \
    --query TopicArn --output text)
# --treat-missing-data: the filter records nothing while nobody tries, and
# that is the good case.
aws cloudwatch put-metric-alarm --alarm-name "${METRIC}Alarm" \
    --alarm-description "Something read a secret scheduled for deletion" \
    --namespace "$NAMESPACE" --metric-name "$METRIC" \
    --statistic Sum --period 300 --evaluation-periods 1 \
    --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold \
    --treat-missing-data notBreaching \
    --alarm-actions "$TOPIC_ARN"
# --8<-- [end:deleted_secret_alarm]
