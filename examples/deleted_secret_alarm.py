# The Python tab of docs/how-to/alarms.md that raises an alarm when anything
# reads a secret scheduled for deletion. Your trail must already send its
# events to the log group; the topic is the page's first section.

# --8<-- [start:deleted_secret_alarm]
import boto3

LOG_GROUP = "CloudTrail/secrets-audit"  # where your trail sends its events
NAMESPACE = "CloudTrailLogMetrics"
METRIC = "AttemptsToAccessDeletedSecrets"
# The User Guide's pattern: a GetSecretValue call refused because the secret
# is scheduled for deletion.
PATTERN = (
    '{ $.eventName = "GetSecretValue" && '
    '$.errorMessage = "*secret because it was marked for deletion*" }'
)

boto3.client("logs").put_metric_filter(
    logGroupName=LOG_GROUP,
    filterName=METRIC,
    filterPattern=PATTERN,
    metricTransformations=[
        {
            "metricName": METRIC,
            "metricNamespace": NAMESPACE,
            "metricValue": "1",
        }
    ],
)

topic_arn = boto3.client("sns").create_topic(Name="secrets-alerts")["TopicArn"]
boto3.client("cloudwatch").put_metric_alarm(
    AlarmName=METRIC + "Alarm",
    AlarmDescription="Something read a secret scheduled for deletion",
    Namespace=NAMESPACE,
    MetricName=METRIC,
    Statistic="Sum",
    Period=300,  # seconds
    EvaluationPeriods=1,
    Threshold=1,
    ComparisonOperator="GreaterThanOrEqualToThreshold",
    # The filter records nothing while nobody tries: that is the good case.
    TreatMissingData="notBreaching",
    AlarmActions=[topic_arn],
)
# --8<-- [end:deleted_secret_alarm]
