"""Suggestion reasons in words: numbers take their plural forms."""

import pytest
from django.utils import translation

from inducult.cooperation.domain import pairs
from inducult.cooperation.presentation import reason_text


@pytest.mark.parametrize(
    ("language", "count", "text"),
    [
        ("en", 1, "Has cooperated with 1 other partner"),
        ("en", 2, "Has cooperated with 2 other partners"),
        ("cs", 1, "Spolupracoval s 1 dalším partnerem"),
        ("cs", 3, "Spolupracoval s 3 dalšími partnery"),
        ("de", 1, "Hat mit 1 anderen Partner kooperiert"),
        ("de", 4, "Hat mit 4 anderen Partnern kooperiert"),
    ],
)
def test_past_cooperation_with_others_is_counted_in_words(language, count, text):
    with translation.override(language):
        assert reason_text(pairs.Reason("past_with_others", count=count)) == text
