import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from tests.factories import ActivityFactory, FundingCallFactory, FundingInstrumentFactory, IndicatorFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def _errors(instance) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict


def test_activity_ending_before_it_starts_is_refused(region):
    activity = ActivityFactory.build(
        region=region, starts_on=datetime.date(2021, 1, 1), ends_on=datetime.date(2020, 12, 31)
    )

    assert _errors(activity)["ends_on"] == ["An activity cannot end before it starts."]


def test_activity_ending_before_it_starts_is_refused_by_the_database(region):
    with pytest.raises(IntegrityError):
        ActivityFactory(region=region, starts_on=datetime.date(2021, 1, 1), ends_on=datetime.date(2020, 12, 31))


def test_activity_with_half_a_period_is_refused(region):
    activity = ActivityFactory.build(region=region, starts_on=datetime.date(2021, 1, 1), ends_on=None)

    assert _errors(activity)["ends_on"] == ["Give both the start and the end of the period, or neither."]


def test_activity_without_period_is_accepted(region):
    ActivityFactory.build(region=region, starts_on=None, ends_on=None).full_clean()


def test_activity_negative_budget_is_refused(region):
    activity = ActivityFactory.build(region=region, budget=Decimal("-1"))

    assert _errors(activity)["budget"] == ["An amount cannot be negative."]


def test_activity_absurd_budget_is_refused(region):
    activity = ActivityFactory.build(region=region, budget=Decimal("10000000000.01"))

    assert _errors(activity)["budget"] == [
        "An amount above 10 billion is not plausible here; check the digits and the currency."
    ]


def test_activity_budget_of_ten_billion_is_accepted(region):
    ActivityFactory.build(region=region, budget=Decimal("10000000000"), currency="EUR").full_clean()


def test_activity_implausible_year_is_refused(region):
    activity = ActivityFactory.build(
        region=region, starts_on=datetime.date(2019, 1, 1), ends_on=datetime.date(2201, 1, 1)
    )

    assert _errors(activity)["ends_on"] == ["A date after 2100 is not plausible here."]


def test_activity_unknown_theme_is_refused(region):
    activity = ActivityFactory.build(region=region, themes=["tourism", "astrology"])

    assert _errors(activity)["themes"] == ["Unknown value(s): astrology"]


def test_call_closing_before_it_opens_is_refused(region):
    call = FundingCallFactory.build(
        instrument=FundingInstrumentFactory(region=region),
        opens_on=datetime.date(2026, 5, 1),
        closes_on=datetime.date(2026, 4, 30),
    )

    assert _errors(call)["closes_on"] == ["A call cannot close before it opens."]


def test_call_closing_before_it_opens_is_refused_by_the_database(region):
    with pytest.raises(IntegrityError):
        FundingCallFactory(
            instrument=FundingInstrumentFactory(region=region),
            opens_on=datetime.date(2026, 5, 1),
            closes_on=datetime.date(2026, 4, 30),
        )


def test_call_negative_budget_is_refused(region):
    call = FundingCallFactory.build(instrument=FundingInstrumentFactory(region=region), budget=Decimal("-5"))

    assert _errors(call)["budget"] == ["An amount cannot be negative."]


def test_call_open_on_its_days_only(region):
    call = FundingCallFactory.build(opens_on=datetime.date(2026, 3, 1), closes_on=datetime.date(2026, 5, 31))

    assert [call.is_open_on(datetime.date(2026, m, d)) for m, d in ((2, 28), (3, 1), (5, 31), (6, 1))] == [
        False,
        True,
        True,
        False,
    ]


def test_instrument_period_ending_before_it_starts_is_refused(region):
    instrument = FundingInstrumentFactory.build(
        region=region, starts_on=datetime.date(2027, 1, 1), ends_on=datetime.date(2026, 1, 1)
    )

    assert _errors(instrument)["ends_on"] == ["The instrument's period cannot end before it starts."]


def test_instrument_rate_above_hundred_is_refused(region):
    instrument = FundingInstrumentFactory.build(region=region, co_financing_rate=Decimal("120"))

    assert _errors(instrument)["co_financing_rate"] == ["A rate cannot be above 100 %."]


def test_indicator_negative_values_are_refused(region):
    indicator = IndicatorFactory.build(
        activity=ActivityFactory(region=region), target=Decimal("-1"), achieved=Decimal("-2")
    )

    errors = _errors(indicator)

    assert errors["target"] == ["A target cannot be negative."]
    assert errors["achieved"] == ["An achieved value cannot be negative."]


def test_indicator_share_of_target(region):
    indicator = IndicatorFactory.build(target=Decimal("40"), achieved=Decimal("30"))

    assert indicator.share == 75
    assert IndicatorFactory.build(target=None, achieved=Decimal("3")).share is None


def test_the_next_call_is_the_one_opening_soonest_not_the_one_closing_first(region):
    instrument = FundingInstrumentFactory(region=region)
    today = datetime.date(2026, 1, 1)
    # Listed first (it closes first) but opens later than the other.
    FundingCallFactory(instrument=instrument, opens_on=datetime.date(2027, 2, 1), closes_on=datetime.date(2027, 3, 1))
    sooner = FundingCallFactory(
        instrument=instrument, opens_on=datetime.date(2026, 6, 1), closes_on=datetime.date(2027, 12, 31)
    )
    open_now = FundingCallFactory(instrument=instrument, opens_on=datetime.date(2025, 6, 1), closes_on=None)

    assert instrument.next_call(today) == sooner
    assert instrument.open_calls(today) == [open_now]
    assert instrument.next_call(datetime.date(2028, 1, 1)) is None
