"""examples/deleted_secret_alarm.py and deleted_secret_alarm_cli.sh: the
tabs of docs/how-to/alarms.md that raise an alarm when anything reads a
secret scheduled for deletion."""

import pytest

from tests.support.aws import tabs
from tests.support.documented import (
    ALERTS_TOPIC,
    CLOUDTRAIL_LOG_GROUP,
    DELETED_SECRET_ALARM,
    DELETED_SECRET_METRIC,
    DELETED_SECRET_NAMESPACE,
)

pytestmark = pytest.mark.moto_only  # a log group and an alarm, fixed names

# The filter pattern of "Monitor secrets scheduled for deletion", as the
# User Guide prints it: https://docs.aws.amazon.com/secretsmanager/latest/
# userguide/monitoring_cloudwatch_deleted-secrets.html
USER_GUIDE_PATTERN = (
    '{ $.eventName = "GetSecretValue" && '
    '$.errorMessage = "*secret because it was marked for deletion*" }'
)


@pytest.fixture(
    params=tabs("deleted_secret_alarm.py", "deleted_secret_alarm_cli.sh")
)
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def test_tab_alarms_on_reads_of_a_secret_scheduled_for_deletion(aws, tab):
    # What the page asks for first: a trail that sends its events here.
    logs = aws.client("logs")
    logs.create_log_group(logGroupName=CLOUDTRAIL_LOG_GROUP)

    aws.run_example(tab)

    [metric_filter] = logs.describe_metric_filters(
        logGroupName=CLOUDTRAIL_LOG_GROUP
    )["metricFilters"]
    assert metric_filter["filterPattern"] == USER_GUIDE_PATTERN
    assert metric_filter["metricTransformations"] == [
        {
            "metricName": DELETED_SECRET_METRIC,
            "metricNamespace": DELETED_SECRET_NAMESPACE,
            "metricValue": "1",
        }
    ]
    topic_arn = aws.client("sns").create_topic(Name=ALERTS_TOPIC)["TopicArn"]
    [alarm] = aws.client("cloudwatch").describe_alarms(
        AlarmNames=[DELETED_SECRET_ALARM]
    )["MetricAlarms"]
    keys = (
        "Namespace",
        "MetricName",
        "Dimensions",
        "Statistic",
        "Period",
        "EvaluationPeriods",
        "ComparisonOperator",
        "Threshold",
        "TreatMissingData",
        "ActionsEnabled",
        "AlarmActions",
    )
    assert {key: alarm[key] for key in keys} == {
        "Namespace": DELETED_SECRET_NAMESPACE,
        "MetricName": DELETED_SECRET_METRIC,
        "Dimensions": [],
        # One attempt or more within five minutes.
        "Statistic": "Sum",
        "Period": 300,
        "EvaluationPeriods": 1,
        "ComparisonOperator": "GreaterThanOrEqualToThreshold",
        "Threshold": 1.0,
        "TreatMissingData": "notBreaching",
        "ActionsEnabled": True,
        "AlarmActions": [topic_arn],
    }
