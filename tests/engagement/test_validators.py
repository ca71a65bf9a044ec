import pytest
from django.core.exceptions import ValidationError

from inducult.engagement.enums import EngagementKind
from inducult.engagement.validators import validate_engagement_kinds


def test_engagement_kinds_accepts_known_codes():
    validate_engagement_kinds(["focus_group", "bilateral_meeting"])


def test_engagement_kinds_refuses_an_unknown_kind_listing_the_allowed_ones():
    with pytest.raises(ValidationError) as error:
        validate_engagement_kinds(["bilateral_meeting", "coffee"])

    allowed = ", ".join(EngagementKind.values)
    assert error.value.messages == [f"Unknown engagement kind(s): coffee. Allowed: {allowed}."]
    assert "focus_group, bilateral_meeting, round_table" in allowed


@pytest.mark.parametrize("value", [[], "bilateral_meeting", [1], {"kind": "workshop"}])
def test_engagement_kinds_refuses_anything_but_a_list_of_codes(value):
    with pytest.raises(ValidationError) as error:
        validate_engagement_kinds(value)

    assert error.value.code == "invalid_kinds"
