"""The pure report context: sections from hand-made facts, no database."""

import dataclasses
import datetime
import zoneinfo

from django.utils import translation

from inducult.reports.domain import facts as f
from inducult.reports.presentation import context as ctx

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
NOW = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=PRAGUE)


def _facts(**overrides) -> f.ReportFacts:
    values = {
        "region_name": "Karlovarský kraj",
        "region_slug": "karlovy-vary",
        "year": 2019,
        "language": "en",
        "requested_language": "en",
        "generated_at": NOW,
    }
    values.update(overrides)
    return f.ReportFacts(**values)


def _full() -> f.ReportFacts:
    return _facts(
        strategy=f.StrategyFact("Living Industrial Culture", "Original", datetime.date(2019, 1, 1), "Vision"),
        milestones=(
            f.MilestoneFact(
                "M1",
                "Focus group",
                "achieved",
                1,
                1,
                sample_count=1,
                rules=(f.RuleFact("≥ 1 × Focus group", True, "achieved", 1, 1, 1),),
            ),
            f.MilestoneFact(
                "M3",
                "New priorities",
                "missed",
                0,
                1,
                rules=(f.RuleFact("Deliverable", False, "missed", 0, 1),),
            ),
            f.MilestoneFact("M8", "Actualisation", "not_applicable", None, None),
        ),
        engagements=f.EngagementStats(
            held=7,
            planned=2,
            public=3,
            samples=7,
            organisations=5,
            by_kind={"bilateral_meeting": 6, "focus_group": 1},
            by_month={3: {"bilateral_meeting": 6}, 5: {"focus_group": 1}},
        ),
        organisations=(f.OrganisationFact("Hornické muzeum Krásno", "museum", "Krásno", 4, 3),),
        activities=(
            f.ActivityFact(
                "Visitors' centre",
                "WP2",
                "running",
                datetime.date(2019, 1, 1),
                datetime.date(2019, 6, 30),
                late="overrunning",
                indicators=(f.IndicatorFact("Visitors", "people", 1000.0, 250.0),),
                is_sample=True,
            ),
        ),
        stops=(f.ExhibitionStopFact("InduCult", "Museum Sokolov", "2019", 420, visitors_is_sample=True),),
        next_calls=(f.CallFact("Call 12", "IROP", datetime.date(2020, 2, 1), None, 1_000_000.0, "CZK"),),
    )


def test_report_has_its_sections_in_order():
    with translation.override("en"):
        report = ctx.build(_full())

    keys = [s.key for s in report.sections]
    assert keys == ["summary", "milestones", "engagement", "organisations", "actionplan", "events", "next_year"]
    assert report.title == "Annual report 2019"
    assert report.has_data
    assert report.section("next_year").heading == "Plans and open calls for 2020"


def test_milestone_table_carries_status_count_target_and_evidence():
    with translation.override("en"):
        table = ctx.build(_full()).table("milestones")

    assert [row[:5] for row in table.rows] == [
        ("M1", "Focus group", "Achieved", "1", "1"),
        ("M3", "New priorities", "Missed", "0", "1"),
        ("M8", "Actualisation", "Not due this year", "—", "—"),
    ]
    assert table.rows[0][5] == "1 held engagement (1 of them samples)"
    assert table.rows[1][5] == "no deliverable recorded"
    assert sum(table.widths) == 100


def test_engagement_section_has_charts_with_the_same_numbers_as_its_table():
    with translation.override("en"):
        section = ctx.build(_full()).section("engagement")

    month = next(b for b in section.blocks if isinstance(b, ctx.MonthChart))
    bars = next(b for b in section.blocks if isinstance(b, ctx.BarChart))
    assert month.counts[3] == {"bilateral_meeting": 6}
    assert month.kinds == ("focus_group", "bilateral_meeting")
    assert bars.rows == (("Bilateral meeting", 6), ("Focus group (discussion group)", 1))
    assert section.table("engagements_by_kind").rows == (
        ("Bilateral meeting", "6"),
        ("Focus group (discussion group)", "1"),
    )


def test_samples_are_marked_and_explained():
    with translation.override("en"):
        report = ctx.build(_full())

    assert report.table("activities").rows[0][0] == "Visitors' centre (sample)"
    assert report.table("activities").rows[0][4] == "running after its end"
    assert report.table("indicators").rows[0][2:] == ("1,000 people", "250 people", "25 %")
    assert report.table("exhibition").rows[0][3] == "420 (sample)"
    assert any("(sample)" in note for note in report.notes)


def test_year_without_data_is_a_valid_report_that_says_so():
    with translation.override("en"):
        report = ctx.build(_facts(year=2031))

    assert not report.has_data
    summary = report.section("summary")
    assert "No data were recorded for Karlovarský kraj in 2031" in summary.blocks[0].text
    assert report.table("milestones") is None
    assert report.table("organisations").rows == ()
    assert report.table("organisations").empty == "No organisation took part in a held engagement in 2031."
    assert report.notes == ()


def test_czech_report_keeps_the_figures():
    with translation.override("cs"):
        report = ctx.build(dataclasses.replace(_full(), language="cs", requested_language="cs"))

    assert report.language == "cs"
    assert [row[0] for row in report.table("milestones").rows] == ["M1", "M3", "M8"]
    assert [row[3:5] for row in report.table("milestones").rows] == [("1", "1"), ("0", "1"), ("—", "—")]
    assert report.table("calls").rows[0][4] == "1\xa0000\xa0000 CZK"  # grouped by no-break spaces


def test_language_other_than_czech_or_english_falls_back_to_english_with_a_note():
    assert ctx.resolve_language("de", "cs") == ("en", "de")
    assert ctx.resolve_language(None, "de") == ("en", "de")
    assert ctx.resolve_language(None, "cs") == ("cs", "cs")
    assert ctx.resolve_language("EN", "cs") == ("en", "en")
    with translation.override("en"):
        report = ctx.build(_facts(requested_language="de"))

    assert report.notes == ("Report language “de” is not available; English is used.",)


def _counted(held: int, organisations: int, samples: int = 0) -> f.ReportFacts:
    stats = dataclasses.replace(_full().engagements, held=held, organisations=organisations, samples=samples)
    return dataclasses.replace(_full(), engagements=stats)


def test_the_summary_sentence_takes_each_numbers_plural_form():
    with translation.override("en"):
        one = ctx.build(_counted(1, 1)).section("summary").blocks[0].text
        many = ctx.build(_counted(7, 5)).section("summary").blocks[0].text
    assert one.startswith("In 2019 1 engagement was held with 1 organisation;")
    assert many.startswith("In 2019 7 engagements were held with 5 organisations;")


def test_the_summary_sentence_says_how_many_of_the_engagements_are_samples():
    with translation.override("en"):
        text = ctx.build(_counted(16, 13, samples=16)).section("summary").blocks[0].text
    assert text.startswith("In 2019 16 engagements were held (16 of them samples) with 13 organisations;")


def test_the_czech_summary_uses_the_three_czech_plural_forms():
    with translation.override("cs"):
        texts = [ctx.build(_counted(n, n)).section("summary").blocks[0].text for n in (1, 3, 5)]
    assert texts[0].startswith("V roce 2019 proběhla 1 aktivita s 1 organizací;")
    assert texts[1].startswith("V roce 2019 proběhly 3 aktivity s 3 organizacemi;")
    assert texts[2].startswith("V roce 2019 proběhlo 5 aktivit s 5 organizacemi;")
