import datetime

import pytest

from inducult.actionplan import presentation
from inducult.actionplan.domain import funding_match as fm

DAY = datetime.date(2027, 1, 1)


pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    ("reason", "sentence"),
    [
        (
            fm.Reason(fm.ReasonCode.THEME, {"shared": ["heritage", "tourism"]}),
            "Supports the activity's themes: Heritage and crafts, Tourism.",
        ),
        (
            fm.Reason(fm.ReasonCode.NO_SHARED_THEME, {"activity": ["tourism"]}),
            "Supports none of the activity's themes (Tourism).",
        ),
        (
            fm.Reason(fm.ReasonCode.NO_SHARED_THEME, {"activity": []}),
            "The activity has no themes yet, so none can be shared.",
        ),
        (
            fm.Reason(fm.ReasonCode.APPLICANT_KIND, {"eligible": ["school"], "restricted": True}),
            "A responsible organisation may apply (School).",
        ),
        (
            fm.Reason(fm.ReasonCode.APPLICANT_KIND, {"eligible": [], "restricted": False}),
            "The catalogue records no restriction on who may apply.",
        ),
        (
            fm.Reason(fm.ReasonCode.APPLICANT_UNKNOWN, {"eligible_kinds": ["school"]}),
            "Only School may apply, and no responsible organisation from the registry is named yet.",
        ),
        (
            fm.Reason(
                fm.ReasonCode.NO_ELIGIBLE_APPLICANT, {"applicant_kinds": ["museum"], "eligible_kinds": ["school"]}
            ),
            "Only School may apply; the responsible organisations are Museum.",
        ),
        (
            fm.Reason(
                fm.ReasonCode.PERIOD_OVERLAP,
                {"start": DAY, "end": datetime.date(2027, 6, 30), "covered_days": 181, "days": 365},
            ),
            "Its period covers 49% of the activity's (1 January 2027 – 30 June 2027).",
        ),
        (
            fm.Reason(fm.ReasonCode.PERIOD_OVERLAP, {"start": DAY, "end": DAY, "covered_days": 1, "days": 1}),
            "Its period covers the whole activity.",
        ),
        (
            fm.Reason(
                fm.ReasonCode.PERIOD_ENDS_BEFORE_ACTIVITY, {"ends": datetime.date(2026, 12, 31), "activity_starts": DAY}
            ),
            "Its period ends on 31 December 2026, before the activity starts (1 January 2027).",
        ),
        (
            fm.Reason(
                fm.ReasonCode.PERIOD_STARTS_AFTER_ACTIVITY, {"starts": datetime.date(2028, 1, 1), "activity_ends": DAY}
            ),
            "Its period starts on 1 January 2028, after the activity ends (1 January 2027).",
        ),
        (
            fm.Reason(
                fm.ReasonCode.OPEN_CALL_BEFORE_START,
                {"opens": datetime.date(2026, 9, 1), "closes": datetime.date(2026, 10, 1)},
            ),
            "A call one can apply to before the activity starts: open 1 September 2026 – 1 October 2026.",
        ),
        (
            fm.Reason(fm.ReasonCode.OPEN_CALL_BEFORE_START, {"opens": None, "closes": None}),
            "A call one can apply to before the activity starts: open with no deadline.",
        ),
        (
            fm.Reason(fm.ReasonCode.NO_CALL_BEFORE_START, {"activity_starts": DAY}),
            "No call one could still apply to before the activity starts (1 January 2027).",
        ),
    ],
)
def test_reason_sentence(reason, sentence):
    assert presentation.reason_sentence(reason) == sentence


def test_every_reason_code_has_a_sentence():
    assert set(presentation.REASON_SENTENCES) == set(fm.ReasonCode)
