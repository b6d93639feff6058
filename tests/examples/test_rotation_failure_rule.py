"""examples/rotation_failure_rule.py and rotation_failure_rule_cli.sh, with
the pattern both read, rotation_failure_rule.json: the tabs of
docs/how-to/alarms.md that create the topic for the alerts and the rule
that sends it each failed rotation."""

import json

import pytest

from tests.support.aws import tabs
from tests.support.documented import (
    ALERTS_EMAIL,
    ALERTS_TOPIC,
    ROTATION_FAILURE_RULE,
)
from tests.support.events import matched_event_names, rotation_event
from tests.support.paths import EXAMPLES

# Creates a topic and a rule under fixed names, and sends events in
# Secrets Manager's name (source aws.secretsmanager), which AWS keeps for
# its own services.
pytestmark = pytest.mark.moto_only

PATTERN = EXAMPLES / "rotation_failure_rule.json"


@pytest.fixture(
    params=tabs("rotation_failure_rule.py", "rotation_failure_rule_cli.sh")
)
def tab(request: pytest.FixtureRequest) -> str:
    return request.param


def topic_statements(aws, topic_arn: str) -> tuple[list[dict], list[dict]]:
    """The statements of the topic's policy that let EventBridge publish,
    and the others."""
    policy = aws.client("sns").get_topic_attributes(TopicArn=topic_arn)
    statements = json.loads(policy["Attributes"]["Policy"])["Statement"]
    eventbridge = {"Service": "events.amazonaws.com"}
    return (
        [s for s in statements if s["Principal"] == eventbridge],
        [s for s in statements if s["Principal"] != eventbridge],
    )


def test_tab_sends_failed_rotations_to_the_emailed_topic(aws, tab):
    sns, events = aws.client("sns"), aws.client("events")
    # The topic as the tab finds it, if it already exists.
    topic_arn = sns.create_topic(Name=ALERTS_TOPIC)["TopicArn"]
    _, before = topic_statements(aws, topic_arn)

    aws.run_example(tab)
    # Run again, the rule's section changes nothing.
    aws.run_example(f"{tab}:rotation_rule")

    subscriptions = sns.list_subscriptions_by_topic(TopicArn=topic_arn)
    assert [
        (subscription["Protocol"], subscription["Endpoint"])
        for subscription in subscriptions["Subscriptions"]
    ] == [("email", ALERTS_EMAIL)]
    rule = events.describe_rule(Name=ROTATION_FAILURE_RULE)
    assert rule["State"] == "ENABLED"
    assert json.loads(rule["EventPattern"]) == json.loads(PATTERN.read_text())
    targets = events.list_targets_by_rule(Rule=ROTATION_FAILURE_RULE)
    assert targets["Targets"] == [{"Id": ALERTS_TOPIC, "Arn": topic_arn}]
    # EventBridge may publish to the topic, for this rule only, once; what
    # the policy allowed before stays.
    publish, others = topic_statements(aws, topic_arn)
    assert others == before
    assert publish == [
        {
            "Sid": "EventBridgePublish",
            "Effect": "Allow",
            "Principal": {"Service": "events.amazonaws.com"},
            "Action": "sns:Publish",
            "Resource": topic_arn,
            "Condition": {"ArnEquals": {"aws:SourceArn": rule["Arn"]}},
        }
    ]


def test_the_pattern_matches_failed_rotations_only(aws):
    names = [
        "RotationStarted",
        "RotationFailed",
        "RotationAbandoned",
        "RotationSucceeded",
        "TestRotationStarted",
        "TestRotationFailed",
        "TestRotationSucceeded",
    ]

    matched = matched_event_names(
        aws, PATTERN.read_text(), [rotation_event(name) for name in names]
    )

    assert matched == [
        "RotationFailed",
        "RotationAbandoned",
        "TestRotationFailed",
    ]
