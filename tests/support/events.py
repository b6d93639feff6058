"""CloudTrail events as EventBridge delivers them, and which of them an
event pattern lets through, by moto's own matcher."""

import json

from tests.support.paths import TESTS

# AWS's example of a Secrets Manager RotationFailed entry, as the User
# Guide prints it: https://docs.aws.amazon.com/secretsmanager/latest/
# userguide/cloudtrail_log_entries.html
ROTATION_FAILED = TESTS / "support" / "rotation_failed_event.json"


def rotation_event(event_name: str) -> dict:
    """AWS's RotationFailed example, named `event_name`; with no
    errorMessage unless the name says something failed."""
    record = json.loads(ROTATION_FAILED.read_text())
    record["eventName"] = event_name
    if "Failed" not in event_name:
        del record["errorMessage"]
    return record


def matched_event_names(aws, pattern: str, records: list[dict]) -> list[str]:
    """The eventName of each CloudTrail record that a rule with `pattern`
    receives, when EventBridge delivers the records as "AWS Service Event
    via CloudTrail" events. The rule, on a bus of its own, sends them to a
    queue: moto can deliver to one, not publish to a topic."""
    events, sqs = aws.client("events"), aws.client("sqs")
    queue_url = sqs.create_queue(QueueName="matched-events")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(
        QueueUrl=queue_url, AttributeNames=["QueueArn"]
    )["Attributes"]["QueueArn"]
    bus = events.create_event_bus(Name="matched-events")["EventBusArn"]
    events.put_rule(Name="matched", EventBusName=bus, EventPattern=pattern)
    events.put_targets(
        Rule="matched",
        EventBusName=bus,
        Targets=[{"Id": "queue", "Arn": queue_arn}],
    )
    events.put_events(
        Entries=[
            {
                "Source": "aws.secretsmanager",
                "DetailType": "AWS Service Event via CloudTrail",
                "Detail": json.dumps(record),
                "EventBusName": bus,
            }
            for record in records
        ]
    )
    messages = sqs.receive_message(
        QueueUrl=queue_url, MaxNumberOfMessages=10
    ).get("Messages", [])
    return [
        json.loads(message["Body"])["detail"]["eventName"]
        for message in messages
    ]
