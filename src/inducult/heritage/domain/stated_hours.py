"""Reading opening hours as sources state them ("March–November, Wed–Sun 9:00–12:00 and
13:00–17:00; closed December–February") into the structure of ``opening_hours``, only where that
can be done without guessing (decision 0010). Pure: no Django imports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time

# The calendar helpers work on day indexes of a leap reference year; they are shared, not public.
from inducult.heritage.domain.opening_hours import (
    _MONTH_ABBR,
    _REF_START,
    _REF_YEAR,
    _YEAR_DAYS,
    ALL_WEEKDAYS,
    Interval,
    Kind,
    MonthDay,
    OpeningHours,
    OpeningHoursError,
    Season,
    _day_set,
    _month_day_of,
    _season_ranges,
    validate,
)

# --- Why a text stays text -----------------------------------------------------------------------


def gettext_noop(message: str) -> str:
    """Marks a reason for the translation catalogues (``make messages`` collects calls by this name)
    without importing Django; ``heritage.presentation.hours_review`` translates a stored reason."""
    return message


# Each reason is one sentence in English (it is stored with the site, see models.Site); "%(name)s"
# marks a part quoted from the stated text, kept as stated in every language.
NO_HOURS = gettext_noop("no hours stated")
AS_STATED = gettext_noop("seasons, days and hours as stated")
APPOINTMENT_AS_STATED = gettext_noop("by appointment, as stated")
REPORTED_CLOSED = gettext_noop("it reports the site as closed without saying for how long")
OCCASIONAL = gettext_noop("it mentions occasional or irregular opening only")
SEE_WEBSITE = gettext_noop("it refers to a website for the hours")
HOURS_NOT_STATED = gettext_noop("hours not stated")
RECURRING_EVENT = gettext_noop("it describes a recurring event, not opening hours")
EXAMPLE_YEAR = gettext_noop("it only gives an example from one year, not the regular hours")
OUTDOOR = gettext_noop("it describes an outdoor site or trail without stating access times")
DEPENDS = gettext_noop("it says the hours depend on something it does not state")
HOLIDAYS = gettext_noop("it mentions holidays, whose dates the structure cannot hold")
WEATHER = gettext_noop("it makes the hours depend on the weather")
APPOINTMENT_MIXED = gettext_noop(
    "it combines visits by appointment with other access rules, which one schedule cannot hold"
)
TOURS_ONLY = gettext_noop("it mentions tours at fixed times only")
NO_DAYS_OR_HOURS = gettext_noop("it states no days or hours of opening")
NO_DAYS = gettext_noop("it states hours but not the days of the week they apply to")
CONTRADICTION = gettext_noop("the stated hours contradict each other: %(problems)s")
CANNOT_READ = gettext_noop("the parser cannot read '%(clause)s' as opening hours")
NOT_A_TIME = gettext_noop("%(time)s is not a time of day the structure can hold")
EXCEPT_WITHOUT_DAYS = gettext_noop("it says 'except' without naming weekdays")
OTHER_MONTH_LIMIT = gettext_noop("'%(limit)s' limits a different month than the one it follows")
NO_SUCH_DAY = gettext_noop("it names a day that does not exist (%(problem)s)")
MID_MONTH = gettext_noop("it says 'mid-%(month)s' without a stated day that fixes it")
UNTIL_OUTSIDE = gettext_noop("it changes the closing time for months no stated season covers")
CLOSED_AND_OPEN = gettext_noop("it says the site is closed on days for which it also gives opening hours")

# Every reason a text can stay text for; a stored reason is one of these or several of the blockers'
# joined by "; ".
REASONS = (
    NO_HOURS, REPORTED_CLOSED, OCCASIONAL, SEE_WEBSITE, HOURS_NOT_STATED, RECURRING_EVENT, EXAMPLE_YEAR,
    OUTDOOR, DEPENDS, HOLIDAYS, WEATHER, APPOINTMENT_MIXED, TOURS_ONLY, NO_DAYS_OR_HOURS, NO_DAYS,
    CONTRADICTION, CANNOT_READ, NOT_A_TIME, EXCEPT_WITHOUT_DAYS, OTHER_MONTH_LIMIT, NO_SUCH_DAY, MID_MONTH,
    UNTIL_OUTSIDE, CLOSED_AND_OPEN,
)  # fmt: skip


# --- Reading stated hours -----------------------------------------------------------------------


@dataclass(frozen=True)
class ParseResult:
    """`hours` when the text could be structured without guessing; otherwise None, and `reason`
    says in one sentence why the text stays text for the coordinator."""

    hours: OpeningHours | None
    reason: str


class _Unreadable(Exception):
    """The text cannot be structured; the message is the reason shown to the coordinator."""


def parse_stated(text: str) -> ParseResult:
    """Structure hours stated in free English text, or say why not.

    Structured: empty text (unknown), "by appointment / reservation / on request" alone, and
    schedules made of clauses like "1 May–30 June and 1 Sept–30 Oct Wed–Sun", "March–November,
    Wed–Sun 9:00–12:00 and 13:00–17:00", "Feb–Apr Wed–Sun 10–17", "daily except Monday",
    "Year-round, Wed–Sun 9:00–17:00, October–March until 15:00", "May, June, October (to 15 Oct)", "closed
    December–February" (checked against the seasons, nothing else), "tours at …" (kept as a note).

    Defaults that are readings, not guesses: a clause without dates applies all year; days without
    times give open_hours_unknown. Days are never supplied: hours without stated days ("Year-round
    9:00–17:00") stay text for the coordinator, since "every day" would be a guess. A
    "mid-April" boundary is accepted only when another season of the same text starts or ends on a
    stated day of that month (then the boundary is the day next to it).

    Kept as notes: source remarks in parentheses ("(omks.cz)", "(as reported by …, May 2020)"), a
    leading "2024:" and later sentences that use no word about days, times or access ("Mine-train
    rides in the summer season."). Anything that changes the meaning and cannot be represented
    ("currently closed", "occasional tours", "e.g. 2019 season", "see website", an event, a trail,
    by appointment only in some months) returns hours=None with the reason.
    """
    cleaned = _normalise(text)
    if not cleaned:
        return ParseResult(OpeningHours.unknown(), NO_HOURS)
    blockers = [reason for pattern, reason in _BLOCKERS if pattern.search(cleaned)]
    if blockers:
        return ParseResult(None, "; ".join(blockers))
    body, remarks, sources = _split_off_remarks(cleaned)
    try:
        if _APPOINTMENT.search(body):
            return _appointment(body, remarks + sources)
        hours = _schedule(body, remarks, sources)
    except _Unreadable as unreadable:
        return ParseResult(None, str(unreadable))
    return ParseResult(hours, AS_STATED)


def _normalise(text: str) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return re.sub(r"[—‒−]", "–", text)  # em dash, figure dash and minus sign read as the en dash


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(alternatives), re.IGNORECASE)


# Checked on the whole text first: each of these changes what the hours mean in a way the
# structure cannot hold, so a partial structure would mislead the map filter.
_BLOCKERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        _words(
            r"\b(?:is|are|was|were|now|currently|temporarily|permanently)\s+closed\b",
            r"\buntil\s+further\s+notice\b",
            r"\b(?:reconstruction|renovation|refurbishment)\b",
        ),
        REPORTED_CLOSED,
    ),
    (
        _words(r"\boccasional(?:ly)?\b", r"\birregular(?:ly)?\b", r"\bsporadic"),
        OCCASIONAL,
    ),
    (_words(r"\bsee\s+(?:the\s+)?(?:website|web|www|page|facebook)"), SEE_WEBSITE),
    (
        _words(
            r"\bhours\s+not\s+(?:captured|stated|given|known|published)\b", r"\bno\s+hours\b", r"\bhours\s+unknown\b"
        ),
        HOURS_NOT_STATED,
    ),
    (
        _words(r"\bannual(?:ly)?\b", r"\bheld\s+(?:in|on|with|every|each)\b"),
        RECURRING_EVENT,
    ),
    (_words(r"\be\.\s?g\.", r"\bfor\s+example\b"), EXAMPLE_YEAR),
    (_words(r"\boutdoor\b", r"\btrail\b"), OUTDOOR),
    (_words(r"\bdepend(?:s|ing)?\b"), DEPENDS),
    (_words(r"\bholidays?\b"), HOLIDAYS),
    (_words(r"\bweather\b"), WEATHER),
)

# Words about days, times or access: a parenthesis or sentence containing one is never a mere remark.
_HOURS_WORD = _words(
    r"\b(?:open|opens|opened|opening|close|closes|closed|closing|closure|except|only|hours?|hourly|daily)\b",
    r"\b(?:days?|weekly|weeks?|weekends?|weekdays|tours?|visits?|visitors|entry|entrance|admission)\b",
    r"\b(?:access|accessible|reservation|reserve|appointment|request|booking|book|until|till|from)\b",
    r"\b(?:shorter|longer|earlier|later|reduced|extended|limited|varies|vary|changes?|changed|no|not|never)\b",
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)s?\b",
)
_CLOCK_LIKE = re.compile(r"\d{1,2}[:.]\d{2}")
_DOMAIN = re.compile(r"\b[a-z0-9-]+\.[a-z]{2,}\b", re.IGNORECASE)
_SOURCE_WORD = _words(r"\bas reported\b", r"\breport\b", r"\bundated\b", r"\bdeník\b", r"\bwikipedia\b")
_PARENTHESIS = re.compile(r"\s*\(([^()]*)\)")
_YEAR_PREFIX = re.compile(r"(\d{4})\s*:\s*")


def _is_source(inner: str) -> bool:
    """A parenthesis naming where the hours come from ("omks.cz", "as reported by …, May 2020")."""
    if _HOURS_WORD.search(inner) or _CLOCK_LIKE.search(inner):
        return False
    return bool(_DOMAIN.search(inner) or _SOURCE_WORD.search(inner))


def _split_off_remarks(text: str) -> tuple[str, list[str], list[str]]:
    """The hours text without source parentheses and year prefix, plus those as note sentences."""
    sources = [match[1].strip() for match in _PARENTHESIS.finditer(text) if _is_source(match[1])]
    body = _PARENTHESIS.sub(lambda m: "" if _is_source(m[1]) else m[0], text).strip()
    remarks = []
    if year := _YEAR_PREFIX.match(body):
        remarks.append(f"Hours as stated for {year[1]}.")
        body = body[year.end() :]
    return body, remarks, [f"Source: {source.rstrip('.')}." for source in sources]


_APPOINTMENT = _words(
    r"\bby\s+(?:prior\s+)?(?:reservation|appointment|arrangement|booking)\b",
    r"\bon\s+request\b",
    r"\b(?:reservation|booking|appointment)\s+(?:is\s+)?(?:required|necessary|needed)\b",
)
_APPOINTMENT_ONLY = re.compile(
    r"(?:(?:guided\s+)?(?:tours?|visits?)\s+(?:are\s+|is\s+)?(?:only\s+)?|open\s+(?:only\s+)?|only\s+)?"
    r"(?:by\s+(?:prior\s+)?(?:reservation|appointment|arrangement|booking)|on\s+request)(?:\s+only)?"
    r"|(?:reservation|booking|appointment)\s+(?:is\s+)?(?:required|necessary|needed)",
    re.IGNORECASE,
)


def _appointment(body: str, notes: list[str]) -> ParseResult:
    statement = body.strip().rstrip(".").strip()
    if not _APPOINTMENT_ONLY.fullmatch(statement):
        # "May–September, by reservation; closed otherwise" needs a seasonal appointment rule.
        raise _Unreadable(APPOINTMENT_MIXED)
    note = " ".join([_sentence(statement), *notes])
    return ParseResult(OpeningHours.by_appointment(note), APPOINTMENT_AS_STATED)


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


# Abbreviations that end in a full stop without ending the sentence.
_ABBREVIATIONS = {"sept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "approx", "ca"}


def _sentences(text: str) -> list[str]:
    sentences, start = [], 0
    for stop in re.finditer(r"\.\s+(?=\w)", text):
        word = re.search(r"(\w+)$", text[start : stop.start()])
        if not text[stop.end()].isupper() or (word and word[1].lower() in _ABBREVIATIONS):
            continue
        sentences.append(text[start : stop.start()])
        start = stop.end()
    sentences.append(text[start:].rstrip(". "))
    return [s.strip() for s in sentences if s.strip()]


def _is_remark(sentence: str) -> bool:
    """A later sentence about something else than the hours ("Mine-train rides in the summer season")."""
    return not (_HOURS_WORD.search(sentence) or re.search(r"\d", sentence) or _MONTH_WORD.search(sentence))


# - Clauses -


@dataclass(frozen=True)
class _Mid:
    """A "mid-April" boundary, fixed later by a stated day of the same month."""

    month: int


_Endpoint = MonthDay | _Mid
_Range = tuple[_Endpoint, _Endpoint]


@dataclass
class _SeasonClause:
    ranges: list[_Range]  # empty: all year
    weekdays: frozenset[int]
    intervals: tuple[Interval, ...]
    until: list[tuple[list[_Range], time]] = field(default_factory=list)  # "October–March until 15:00"


@dataclass
class _ClosedClause:
    ranges: list[_Range] | None = None  # None with no weekdays: "closed the rest of the year"
    weekdays: frozenset[int] = frozenset()


@dataclass
class _TourClause:
    text: str


_Clause = _SeasonClause | _ClosedClause | _TourClause

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
_MONTH_WORD = re.compile(r"\b" + _MONTH, re.IGNORECASE | re.ASCII)
_WEEKDAY = (
    r"(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?"
    r"|sun(?:day)?)s?\.?(?![a-z])"
)
_WEEKDAY_NUMBER = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_LAST_DAY_COMMON_YEAR = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _pattern(regex: str) -> re.Pattern[str]:
    # ASCII: in Unicode mode "ſ" would match "s" case-insensitively and miss the month/day tables.
    return re.compile(r"\s*" + regex, re.IGNORECASE | re.ASCII)


_DASH = _pattern(r"(?:[–-]|to\b)\s*")
_LIST_SEP = _pattern(r"(?:,\s*and\b|,|and\b|&)")
_COMMA = _pattern(r",")
_YEAR_ROUND = _pattern(r"(?:year[- ]round|all\s+year(?:\s+round)?|throughout\s+the\s+year)(?![a-z])")
_MID_MONTH = _pattern(r"mid[- ]?" + _MONTH)
_DAY_MONTH = _pattern(r"(\d{1,2})(?:st|nd|rd|th)?\.?\s+" + _MONTH)
_MONTH_ONLY = _pattern(_MONTH)
_MONTH_LIMIT = _pattern(r"\(\s*(to|until|till|from)\s+(\d{1,2})\s+" + _MONTH + r"\s*\)")
_DAILY = _pattern(r"(?:daily|every\s+day|each\s+day)(?![a-z])")
_EXCEPT = _pattern(r",?\s*except(?:\s+on)?(?![a-z])")
_WEEKDAY_NAME = _pattern(_WEEKDAY)
_WEEKENDS = _pattern(r"(?:at\s+)?weekends?(?![a-z])")
_WORKDAYS = _pattern(r"(?:weekdays|working\s+days)(?![a-z])")
_CLOCK = r"(\d{1,2})(?:[:.](\d{2}))?"
_INTERVAL = _pattern(_CLOCK + r"\s*(?:[–-]|to\b)\s*" + _CLOCK + r"(?![\d:.])")
_UNTIL = _pattern(r"(?:until|till|to)\s+" + _CLOCK + r"(?![\d:.])")
_OPEN = _pattern(r"open(?![a-z])")
_CLOSED = _pattern(r"closed(?![a-z])")
_CLOSED_REST = _pattern(r"(?:the\s+rest\s+of\s+the\s+year|otherwise|at\s+other\s+times|on\s+other\s+days)(?![a-z])")
_CLOSED_PREPOSITION = _pattern(r"(?:in|on|from|during)(?![a-z])")
_TOURS = _pattern(r"(?:guided\s+)?tours?\s+(?:at|start\s+at|begin\s+at|every)\s+\S.*")


class _Cursor:
    """A position in one clause; each `take` matches at the position and moves past the match."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def take(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        match = pattern.match(self.text, self.pos)
        if match:
            self.pos = match.end()
        return match

    def at_end(self) -> bool:
        return not self.text[self.pos :].strip()


def _unreadable_clause(clause: str) -> _Unreadable:
    return _Unreadable(CANNOT_READ % {"clause": clause})


def _schedule(body: str, remarks: list[str], sources: list[str]) -> OpeningHours:
    clauses: list[_Clause] = []
    for number, sentence in enumerate(_sentences(body)):
        if number > 0 and _is_remark(sentence):
            remarks.append(_sentence(sentence))
            continue
        clauses += [_clause(part.strip()) for part in sentence.split(";") if part.strip()]
    season_clauses = [c for c in clauses if isinstance(c, _SeasonClause)]
    tours = [_sentence(c.text) for c in clauses if isinstance(c, _TourClause)]
    if not season_clauses:
        if tours:
            raise _Unreadable(TOURS_ONLY)
        raise _Unreadable(NO_DAYS_OR_HOURS)
    seasons = _seasons(season_clauses)
    _check_closures([c for c in clauses if isinstance(c, _ClosedClause)], seasons, _stated_ranges(season_clauses))
    hours = OpeningHours(Kind.REGULAR, tuple(seasons), note=" ".join([*remarks, *tours, *sources]))
    try:
        validate(hours)
    except OpeningHoursError as error:
        raise _Unreadable(CONTRADICTION % {"problems": "; ".join(error.problems)}) from None
    return hours


def _clause(clause: str) -> _Clause:
    cursor = _Cursor(clause)
    if cursor.take(_CLOSED):
        parsed: _Clause = _closed_clause(cursor, clause)
    elif tour := _TOURS.fullmatch(clause):
        parsed = _TourClause(tour[0].strip())
        cursor.pos = len(clause)
    else:
        cursor.take(_OPEN)
        parsed = _season_clause(cursor, clause)
    if not cursor.at_end():
        raise _unreadable_clause(clause)
    return parsed


def _closed_clause(cursor: _Cursor, clause: str) -> _ClosedClause:
    if cursor.take(_CLOSED_REST):
        return _ClosedClause()
    cursor.take(_CLOSED_PREPOSITION)
    ranges = _date_spec(cursor)
    if ranges is not None:
        return _ClosedClause(ranges=ranges)
    weekdays = _weekday_list(cursor)
    if weekdays is None:
        raise _unreadable_clause(clause)
    return _ClosedClause(weekdays=weekdays)


def _season_clause(cursor: _Cursor, clause: str) -> _SeasonClause:
    ranges = _date_spec(cursor)
    cursor.take(_COMMA)
    weekdays = _weekday_spec(cursor)
    cursor.take(_COMMA)
    intervals, bare_hours = _intervals(cursor)
    if weekdays is None and not intervals:
        # "May–September" alone states neither the days nor the times.
        raise _unreadable_clause(clause)
    if weekdays is None and bare_hours:
        # "May 10–17" could be dates; hours without minutes are read only after stated days.
        raise _unreadable_clause(clause)
    if weekdays is None:
        # "Year-round 9:00–17:00": the hours of the days it is open, but which days? Reading it as
        # "daily" would show the site open on days nobody stated (issue #14).
        raise _Unreadable(NO_DAYS)
    parsed = _SeasonClause(ranges or [], weekdays, intervals)
    while intervals and cursor.take(_COMMA):
        override_ranges = _date_spec(cursor)
        until = cursor.take(_UNTIL)
        if override_ranges is None or until is None:
            raise _unreadable_clause(clause)
        parsed.until.append((override_ranges, _clock_time(until[1], until[2])))
    return parsed


def _clock_time(hour: str, minute: str | None) -> time:
    if int(hour) > 23 or (minute is not None and int(minute) > 59):
        raise _Unreadable(NOT_A_TIME % {"time": f"{hour}:{minute or '00'}"})
    return time(int(hour), int(minute or 0))


def _intervals(cursor: _Cursor) -> tuple[tuple[Interval, ...], bool]:
    """Intervals like "9:00–12:00 and 13:00–17:00" or "10–17"; also whether any lacked minutes."""
    intervals: list[Interval] = []
    bare = False
    while True:
        before = cursor.pos
        if intervals and not cursor.take(_LIST_SEP):
            break
        match = cursor.take(_INTERVAL)
        if match is None:
            cursor.pos = before
            break
        bare = bare or match[2] is None or match[4] is None
        intervals.append(Interval(_clock_time(match[1], match[2]), _clock_time(match[3], match[4])))
    return tuple(intervals), bare


def _weekday_spec(cursor: _Cursor) -> frozenset[int] | None:
    if cursor.take(_DAILY):
        if cursor.take(_EXCEPT):
            excluded = _weekday_list(cursor)
            if excluded is None:
                raise _Unreadable(EXCEPT_WITHOUT_DAYS)
            return ALL_WEEKDAYS - excluded
        return ALL_WEEKDAYS
    return _weekday_list(cursor)


def _weekday_list(cursor: _Cursor) -> frozenset[int] | None:
    days: set[int] = set()
    while True:
        before = cursor.pos
        if days and not cursor.take(_LIST_SEP):
            break
        item = _weekday_item(cursor)
        if item is None:
            cursor.pos = before
            break
        days |= item
    return frozenset(days) if days else None


def _weekday_item(cursor: _Cursor) -> set[int] | None:
    if cursor.take(_WEEKENDS):
        return {5, 6}
    if cursor.take(_WORKDAYS):
        return {0, 1, 2, 3, 4}
    first = cursor.take(_WEEKDAY_NAME)
    if first is None:
        return None
    start = _WEEKDAY_NUMBER[first[1][:3].lower()]
    before = cursor.pos
    if cursor.take(_DASH) and (last := cursor.take(_WEEKDAY_NAME)):
        end = _WEEKDAY_NUMBER[last[1][:3].lower()]
        return {(start + offset) % 7 for offset in range((end - start) % 7 + 1)}  # Fri–Mon wraps the week
    cursor.pos = before
    return {start}


def _date_spec(cursor: _Cursor) -> list[_Range] | None:
    if cursor.take(_YEAR_ROUND):
        return [(MonthDay(1, 1), MonthDay(12, 31))]
    first = _date_item(cursor)
    if first is None:
        return None
    ranges = [first]
    while True:
        before = cursor.pos
        item = _date_item(cursor) if cursor.take(_LIST_SEP) else None
        if item is None:
            cursor.pos = before
            return _merge_adjacent(ranges)
        ranges.append(item)


def _date_item(cursor: _Cursor) -> _Range | None:
    """ "1 May–30 June", "Jan–mid-Apr", "March–November", or a single month "October (to 15 Oct)"."""
    before = cursor.pos
    start = _endpoint(cursor, is_start=True)
    if start is None:
        return None
    if cursor.take(_DASH) and (end := _endpoint(cursor, is_start=False)) is not None:
        return (start, end)
    # Not a range: read it again as a single month (which may carry a "(to 15 Oct)" limit).
    cursor.pos = before
    single = cursor.take(_MONTH_ONLY)
    if single is None:
        return None
    number = _MONTHS[single[1][:3].lower()]
    first, last = MonthDay(number, 1), MonthDay(number, _LAST_DAY_COMMON_YEAR[number - 1])
    limit = cursor.take(_MONTH_LIMIT)
    if limit is not None:
        if _MONTHS[limit[3][:3].lower()] != number:
            raise _Unreadable(OTHER_MONTH_LIMIT % {"limit": limit[0].strip()})
        bound = _month_day(number, limit[2])
        first, last = (first, bound) if limit[1].lower() != "from" else (bound, last)
    return (first, last)


def _endpoint(cursor: _Cursor, *, is_start: bool) -> _Endpoint | None:
    if mid := cursor.take(_MID_MONTH):
        return _Mid(_MONTHS[mid[1][:3].lower()])
    if exact := cursor.take(_DAY_MONTH):
        return _month_day(_MONTHS[exact[2][:3].lower()], exact[1])
    if month := cursor.take(_MONTH_ONLY):
        number = _MONTHS[month[1][:3].lower()]
        # A month as an end means its last day; February's is written 28 Feb, which covers the 29th.
        return MonthDay(number, 1 if is_start else _LAST_DAY_COMMON_YEAR[number - 1])
    return None


def _month_day(month: int, day: str) -> MonthDay:
    try:
        return MonthDay(month, int(day))
    except OpeningHoursError as error:
        raise _Unreadable(NO_SUCH_DAY % {"problem": error}) from None


def _next_day(day: MonthDay) -> MonthDay:
    if day == MonthDay(2, 28):
        return MonthDay(3, 1)  # 28 Feb as an end already covers the 29th
    return _month_day_of((_day_index(day) + 1) % _YEAR_DAYS)


def _day_index(day: MonthDay) -> int:
    return (date(_REF_YEAR, day.month, day.day) - _REF_START).days


def _merge_adjacent(ranges: list[_Range]) -> list[_Range]:
    """ "May, June" is one season 1 May–30 June, not two."""
    merged = [ranges[0]]
    for start, end in ranges[1:]:
        previous_start, previous_end = merged[-1]
        if isinstance(previous_end, MonthDay) and isinstance(start, MonthDay) and _next_day(previous_end) == start:
            merged[-1] = (previous_start, end)
        else:
            merged.append((start, end))
    return merged


# - From clauses to seasons -


def _seasons(clauses: list[_SeasonClause]) -> list[Season]:
    stated = _stated_ranges(clauses)
    seasons: list[Season] = []
    for clause in clauses:
        ranges = _resolve_all(clause.ranges, stated) or [(MonthDay(1, 1), MonthDay(12, 31))]
        made = [Season(start, end, clause.weekdays, clause.intervals) for start, end in ranges]
        for override_ranges, closes in clause.until:
            made = _apply_until(made, _resolve_all(override_ranges, stated), closes)
        seasons += made
    return seasons


def _stated_ranges(clauses: Sequence[_SeasonClause]) -> list[_Range]:
    """Every date range of the text, the context that fixes a "mid-April"."""
    return [r for clause in clauses for r in (*clause.ranges, *(r for ranges, _ in clause.until for r in ranges))]


def _resolve_all(ranges: Sequence[_Range], stated: Sequence[_Range]) -> list[tuple[MonthDay, MonthDay]]:
    return [(_resolve(start, stated, is_start=True), _resolve(end, stated, is_start=False)) for start, end in ranges]


def _resolve(endpoint: _Endpoint, context: Sequence[_Range], *, is_start: bool) -> MonthDay:
    """A "mid-April" end is the day before a stated start in April ("15 Apr–31 Oct"), and vice versa."""
    if isinstance(endpoint, MonthDay):
        return endpoint
    if is_start:
        anchors = {_next_day(end) for _, end in context if isinstance(end, MonthDay) and end.month == endpoint.month}
    else:
        anchors = {
            _month_day_of((_day_index(start) - 1) % _YEAR_DAYS)
            for start, _ in context
            if isinstance(start, MonthDay) and start.month == endpoint.month and start.day > 1
        }
    if len(anchors) != 1:
        raise _Unreadable(MID_MONTH % {"month": _MONTH_ABBR[endpoint.month - 1]})
    return anchors.pop()


def _apply_until(seasons: list[Season], ranges: list[tuple[MonthDay, MonthDay]], closes: time) -> list[Season]:
    """ "Year-round 9:00–17:00, October–March until 15:00": split the seasons, close earlier inside."""
    shorter_days = frozenset().union(*(_day_set(start, end) for start, end in ranges))
    result: list[Season] = []
    touched = False
    for season in seasons:
        days = _day_set(season.start, season.end)
        inside, outside = days & shorter_days, days - shorter_days
        if not inside:
            result.append(season)
            continue
        touched = True
        *earlier, last = season.intervals
        shortened = (*earlier, Interval(last.opens, closes))
        result += [Season(s, e, season.weekdays, season.intervals) for s, e in _season_ranges(outside)]
        result += [Season(s, e, season.weekdays, shortened) for s, e in _season_ranges(inside)]
    if not touched:
        raise _Unreadable(UNTIL_OUTSIDE)
    return result


def _check_closures(closures: list[_ClosedClause], seasons: list[Season], stated: list[_Range]) -> None:
    """ "closed December–February" after the seasons must agree with them: not covered means closed."""
    for closure in closures:
        if closure.ranges is None and not closure.weekdays:
            continue  # "closed the rest of the year" is what a regular schedule means anyway
        if closure.ranges is not None:
            closed_days = frozenset().union(*(_day_set(s, e) for s, e in _resolve_all(closure.ranges, stated)))
            clash = [s for s in seasons if _day_set(s.start, s.end) & closed_days]
        else:
            clash = [s for s in seasons if s.weekdays & closure.weekdays]
        if clash:
            raise _Unreadable(CLOSED_AND_OPEN)
