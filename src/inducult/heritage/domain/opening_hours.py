"""Opening hours of heritage sites: a small structure, its rules, and a careful reader of stated hours.

Visitors filter the map by "open on a date" and the tour planner asks for a site's opening intervals
on a date. Both read `on(hours, day)`. Hours that nobody stated stay unknown: nothing here guesses
(decision 0010). There are no Django imports; the models layer stores `to_dict(hours)` as JSON.

Semantics of `on(hours, day)`, in this order:

1. Exceptions: concrete dates (a Christmas closure, special hours). When several cover the day, the
   latest-starting one wins (a short closure inside a longer special period); `validate` rejects two
   exceptions that start on the same day, because then nothing says which one is meant.
2. The kind: "unknown" gives state "unknown", "by_appointment" gives "by_appointment".
3. Kind "regular": the season covering the day's calendar day and weekday gives "open" with its
   intervals, or "open_hours_unknown" when the season states days but no times. A day no season
   covers is "closed": a regular schedule lists when a site is open, everything else is closed.

Seasons recur every year from `start` to `end` inclusive; `start` after `end` means the season wraps
the year end (1 Nov–28 Feb). 29 February: a season ending on 28 February also covers 29 February in
leap years, because sources write "to 28 February" (or "November–February") for "to the end of
February". A season may start or end on 29 February: in common years it then starts on 1 March or
ends on 28 February.

`stated_hours.parse_stated(text)` turns the free-text hours of the sites spreadsheet into this
structure only where the text states them completely (see its docstring). Of the 52 rows of
karlovy-vary-sites.csv, 36 parse: 26 empty cells become "unknown", 1 is by appointment and 9 are
regular schedules; 16 stay text for the coordinator, each with a one-sentence reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

__all__ = [
    "DateException",
    "DayHours",
    "Interval",
    "Kind",
    "MonthDay",
    "OpeningHours",
    "OpeningHoursError",
    "Season",
    "State",
    "describe",
    "from_dict",
    "is_open",
    "on",
    "schema_org",
    "to_dict",
    "validate",
    "ALL_WEEKDAYS",
    "FORMAT_VERSION",
]

FORMAT_VERSION = 1

_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Days per month in a leap year: a recurring day may be 29 February.
_MONTH_LENGTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
ALL_WEEKDAYS: frozenset[int] = frozenset(range(7))


class Kind(StrEnum):
    REGULAR = "regular"
    BY_APPOINTMENT = "by_appointment"
    UNKNOWN = "unknown"


class State(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    OPEN_HOURS_UNKNOWN = "open_hours_unknown"  # open that day, but nobody stated the times
    BY_APPOINTMENT = "by_appointment"
    UNKNOWN = "unknown"


class OpeningHoursError(ValueError):
    """Invalid or malformed opening hours; `problems` lists every problem found, one sentence each."""

    def __init__(self, problems: str | Sequence[str]) -> None:
        self.problems: list[str] = [problems] if isinstance(problems, str) else list(problems)
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            message = f"{len(self.problems)} problems: " + "; ".join(self.problems)
        super().__init__(message)


# --- The structure ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Interval:
    """Open from `opens` to `closes` on the same day. Not checked here, so that `validate` can
    report a wrong interval together with every other problem."""

    opens: time
    closes: time

    def __str__(self) -> str:
        return f"{_clock(self.opens)}–{_clock(self.closes)}"


@dataclass(frozen=True, order=True)
class MonthDay:
    """A calendar day that recurs every year; 29 February is allowed."""

    month: int
    day: int

    def __post_init__(self) -> None:
        if not _is_int(self.month) or not _is_int(self.day):
            raise OpeningHoursError(f"month and day must be whole numbers, got {self.month!r} and {self.day!r}")
        if not 1 <= self.month <= 12:
            raise OpeningHoursError(f"month {self.month} is not between 1 and 12")
        if not 1 <= self.day <= _MONTH_LENGTH[self.month - 1]:
            raise OpeningHoursError(f"{self.day} {_MONTH_ABBR[self.month - 1]} is not a calendar day")

    def __str__(self) -> str:
        return f"{self.day} {_MONTH_ABBR[self.month - 1]}"


@dataclass(frozen=True)
class Season:
    """Open on `weekdays` (0 = Monday … 6 = Sunday) from `start` to `end` every year. No intervals
    means the days are known but the times are not ("open_hours_unknown" on such a day)."""

    start: MonthDay
    end: MonthDay
    weekdays: frozenset[int]
    intervals: tuple[Interval, ...]
    note: str = ""

    def __post_init__(self) -> None:
        # Accept any collection from callers (a form, a list from JSON) but keep the value hashable.
        object.__setattr__(self, "weekdays", frozenset(self.weekdays))
        object.__setattr__(self, "intervals", tuple(self.intervals))

    @property
    def wraps(self) -> bool:
        """Whether the season runs over the year end (1 Nov–28 Feb)."""
        return self.start > self.end

    def covers(self, day: date) -> bool:
        return day.weekday() in self.weekdays and _covers_month_day(self.start, self.end, day.month, day.day)


@dataclass(frozen=True)
class DateException:
    """Concrete dates that override the seasons: a closure, or special hours."""

    start: date
    end: date
    closed: bool
    intervals: tuple[Interval, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "intervals", tuple(self.intervals))

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class OpeningHours:
    kind: str  # a Kind value
    seasons: tuple[Season, ...] = ()
    exceptions: tuple[DateException, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "seasons", tuple(self.seasons))
        object.__setattr__(self, "exceptions", tuple(self.exceptions))

    @classmethod
    def unknown(cls, note: str = "") -> OpeningHours:
        return cls(Kind.UNKNOWN, note=note)

    @classmethod
    def by_appointment(cls, note: str = "") -> OpeningHours:
        return cls(Kind.BY_APPOINTMENT, note=note)


@dataclass(frozen=True)
class DayHours:
    state: str  # a State value
    intervals: tuple[Interval, ...] = ()
    note: str = ""


# --- Calendar helpers ---------------------------------------------------------------------------

# Day sets are computed on a leap year so that 29 February has a place.
_REF_YEAR = 2000
_REF_START = date(_REF_YEAR, 1, 1)
_YEAR_DAYS = 366


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _clock(value: time) -> str:
    if value.second or value.microsecond:
        return value.isoformat()
    return value.strftime("%H:%M")


def _effective_end(end: MonthDay) -> tuple[int, int]:
    # "to 28 February" means "to the end of February": it takes 29 February along in leap years.
    return (2, 29) if (end.month, end.day) == (2, 28) else (end.month, end.day)


def _covers_month_day(start: MonthDay, end: MonthDay, month: int, day: int) -> bool:
    key = (month, day)
    first, last = (start.month, start.day), _effective_end(end)
    # Whether the season wraps is decided on the dates as written: 1 Mar–28 Feb is the whole year.
    if start <= end:
        return first <= key <= last
    return key >= first or key <= last


def _month_day_of(index: int) -> MonthDay:
    day = _REF_START + timedelta(days=index)
    return MonthDay(day.month, day.day)


@lru_cache(maxsize=1024)
def _day_set(start: MonthDay, end: MonthDay) -> frozenset[int]:
    """The season's days as indexes into a leap year (0 = 1 Jan, 59 = 29 Feb, 365 = 31 Dec)."""
    days = (_month_day_of(index) for index in range(_YEAR_DAYS))
    return frozenset(index for index, md in enumerate(days) if _covers_month_day(start, end, md.month, md.day))


def _runs(indexes: frozenset[int], size: int) -> list[tuple[int, int]]:
    """Maximal runs of consecutive indexes on a circle of `size` (a run may wrap past the end)."""
    if len(indexes) == size:
        return [(0, size - 1)]
    runs = []
    for first in sorted(i for i in indexes if (i - 1) % size not in indexes):
        last = first
        while (last + 1) % size in indexes:
            last = (last + 1) % size
        runs.append((first, last))
    return runs


def _season_ranges(indexes: frozenset[int]) -> list[tuple[MonthDay, MonthDay]]:
    """Day sets back to start/end pairs; a run ending on 29 Feb is written "28 Feb" (same days)."""
    ranges = []
    for first, last in _runs(indexes, _YEAR_DAYS):
        end = _month_day_of(last)
        ranges.append((_month_day_of(first), MonthDay(2, 28) if end == MonthDay(2, 29) else end))
    return ranges


def _ranges_text(indexes: frozenset[int]) -> str:
    parts = []
    for first, last in _runs(indexes, _YEAR_DAYS):
        start, end = _month_day_of(first), _month_day_of(last)
        parts.append(str(start) if first == last else f"{start}–{end}")
    return ", ".join(parts)


def _weekdays_text(weekdays: Iterable[int]) -> str:
    days = frozenset(d for d in weekdays if _is_int(d) and 0 <= d <= 6)
    if days == ALL_WEEKDAYS:
        return "daily"
    parts = []
    for first, last in _runs(days, 7):
        parts.append(_DAY_ABBR[first] if first == last else f"{_DAY_ABBR[first]}–{_DAY_ABBR[last]}")
    return ", ".join(parts)


def _dates_text(start: date, end: date) -> str:
    def full(day: date) -> str:
        return f"{day.day} {_MONTH_ABBR[day.month - 1]} {day.year}"

    if start == end:
        return full(start)
    if (start.year, start.month) == (end.year, end.month) and start < end:
        return f"{start.day}–{full(end)}"
    return f"{full(start)}–{full(end)}"


def _season_label(number: int, season: Season) -> str:
    return f"Season {number} ({season.start}–{season.end})"


def _exception_label(number: int, exception: DateException) -> str:
    return f"Exception {number} ({_dates_text(exception.start, exception.end)})"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# --- Validation ---------------------------------------------------------------------------------


def validate(hours: OpeningHours) -> None:
    """Raise OpeningHoursError listing every problem, or return None when the hours make sense."""
    problems = list(_problems(hours))
    if problems:
        raise OpeningHoursError(problems)


def _problems(hours: OpeningHours) -> Iterator[str]:
    if hours.kind not in tuple(Kind):  # a tuple, so that an unhashable wrong kind is still reported
        yield f"Kind {hours.kind!r} is not one of: {', '.join(Kind)}"
    elif hours.kind != Kind.REGULAR and hours.seasons:
        yield (
            f"Kind {str(hours.kind)!r} cannot have seasons ({len(hours.seasons)} given): "
            "seasons belong to kind 'regular'"
        )
    for number, season in enumerate(hours.seasons, 1):
        yield from _season_problems(_season_label(number, season), season)
    yield from _season_overlaps(hours.seasons)
    for number, exception in enumerate(hours.exceptions, 1):
        yield from _exception_problems(_exception_label(number, exception), exception)
    yield from _exception_clashes(hours.exceptions)


def _season_problems(label: str, season: Season) -> Iterator[str]:
    if not season.weekdays:
        yield f"{label}: has no weekdays"
    for weekday in sorted(season.weekdays, key=repr):
        if not _is_int(weekday) or not 0 <= weekday <= 6:
            yield f"{label}: weekday {weekday!r} is not 0 (Monday) to 6 (Sunday)"
    yield from _interval_problems(label, season.intervals)


def _interval_problems(label: str, intervals: Sequence[Interval]) -> Iterator[str]:
    sound = []
    for interval in intervals:
        if not (
            isinstance(interval, Interval) and isinstance(interval.opens, time) and isinstance(interval.closes, time)
        ):
            yield f"{label}: {interval!r} is not an interval of two times"
            continue
        bad_clock = [t for t in (interval.opens, interval.closes) if t.second or t.microsecond or t.tzinfo]
        for moment in bad_clock:
            yield f"{label}: {moment.isoformat()} is not a whole minute of local time"
        if interval.closes < interval.opens:
            yield f"{label}: {interval} ends before it starts"
        elif interval.closes == interval.opens:
            yield f"{label}: {interval} ends when it starts"
        elif not bad_clock:
            sound.append(interval)
    sound.sort(key=lambda i: (i.opens, i.closes))
    for earlier, later in zip(sound, sound[1:], strict=False):
        # Touching intervals (09:00–12:00, 12:00–13:00) are allowed; only a shared minute is an overlap.
        if later.opens < earlier.closes:
            yield f"{label}: {earlier} and {later} overlap"


def _season_overlaps(seasons: Sequence[Season]) -> Iterator[str]:
    for i, first in enumerate(seasons):
        for j in range(i + 1, len(seasons)):
            second = seasons[j]
            weekdays = first.weekdays & second.weekdays
            days = _day_set(first.start, first.end) & _day_set(second.start, second.end)
            if weekdays and days:
                yield (
                    f"{_season_label(i + 1, first)} and {_lower_first(_season_label(j + 1, second))} overlap: "
                    f"both cover {_ranges_text(days)} on {_weekdays_text(weekdays)}"
                )


def _exception_problems(label: str, exception: DateException) -> Iterator[str]:
    if exception.end < exception.start:
        yield f"{label}: ends before it starts"
    if exception.closed and exception.intervals:
        yield f"{label}: is closed but lists opening intervals"
    yield from _interval_problems(label, exception.intervals)


def _exception_clashes(exceptions: Sequence[DateException]) -> Iterator[str]:
    for i, first in enumerate(exceptions):
        for j in range(i + 1, len(exceptions)):
            if exceptions[j].start == first.start:
                yield (
                    f"{_exception_label(i + 1, first)} and {_lower_first(_exception_label(j + 1, exceptions[j]))} "
                    "start on the same day, so which one applies is ambiguous"
                )


# --- Questions about a day ----------------------------------------------------------------------


def on(hours: OpeningHours, day: date) -> DayHours:
    """What the schedule says about `day` (see the module docstring for the order of the rules)."""
    exception = _exception_on(hours.exceptions, day)
    if exception is not None:
        if exception.closed:
            return DayHours(State.CLOSED, note=exception.note)
        return _open_day(exception.intervals, exception.note)
    if hours.kind == Kind.UNKNOWN:
        return DayHours(State.UNKNOWN, note=hours.note)
    if hours.kind == Kind.BY_APPOINTMENT:
        return DayHours(State.BY_APPOINTMENT, note=hours.note)
    if hours.kind != Kind.REGULAR:
        raise OpeningHoursError(f"Kind {hours.kind!r} is not one of: {', '.join(Kind)}")
    # Valid seasons never overlap; should invalid ones do, the first listed wins.
    season = next((s for s in hours.seasons if s.covers(day)), None)
    if season is None:
        return DayHours(State.CLOSED)
    return _open_day(season.intervals, season.note)


def is_open(hours: OpeningHours, day: date) -> bool | None:
    """True if open (also with unstated times), False if closed, None if unknown or by appointment."""
    state = on(hours, day).state
    if state in (State.OPEN, State.OPEN_HOURS_UNKNOWN):
        return True
    if state == State.CLOSED:
        return False
    return None


def _exception_on(exceptions: Sequence[DateException], day: date) -> DateException | None:
    covering = [e for e in exceptions if e.covers(day)]
    # max() keeps the first of equal starts; validate() rejects such ties anyway.
    return max(covering, key=lambda e: e.start, default=None)


def _open_day(intervals: tuple[Interval, ...], note: str) -> DayHours:
    if intervals:
        return DayHours(State.OPEN, intervals, note)
    return DayHours(State.OPEN_HOURS_UNKNOWN, note=note)


# --- JSON ---------------------------------------------------------------------------------------


def to_dict(hours: OpeningHours) -> dict[str, Any]:
    """A JSON-serialisable dict (version 1): times "HH:MM", dates ISO, month-days "MM-DD"."""
    return {
        "version": FORMAT_VERSION,
        "kind": str(hours.kind),
        "seasons": [
            {
                "start": f"{s.start.month:02d}-{s.start.day:02d}",
                "end": f"{s.end.month:02d}-{s.end.day:02d}",
                "weekdays": sorted(s.weekdays),
                "intervals": [_interval_to_dict(i) for i in s.intervals],
                "note": s.note,
            }
            for s in hours.seasons
        ],
        "exceptions": [
            {
                "start": e.start.isoformat(),
                "end": e.end.isoformat(),
                "closed": e.closed,
                "intervals": [_interval_to_dict(i) for i in e.intervals],
                "note": e.note,
            }
            for e in hours.exceptions
        ],
        "note": hours.note,
    }


def _interval_to_dict(interval: Interval) -> dict[str, str]:
    for moment in (interval.opens, interval.closes):
        if moment.second or moment.microsecond:
            # "HH:MM" would silently drop the seconds and the round trip would change the hours.
            raise OpeningHoursError(f"{moment.isoformat()} is not a whole minute and cannot be stored as HH:MM")
    return {"opens": _clock(interval.opens), "closes": _clock(interval.closes)}


def from_dict(data: object) -> OpeningHours:
    """Read what `to_dict` wrote. Malformed input and invalid hours raise OpeningHoursError, so
    whatever this returns has passed `validate`."""
    top = _object(data, "opening hours")
    _check_keys(top, "opening hours", required={"version", "kind"}, optional={"seasons", "exceptions", "note"})
    version = top["version"]
    if not _is_int(version) or version != FORMAT_VERSION:
        raise OpeningHoursError(f"opening hours: version {version!r} is not supported; this code reads version 1")
    kind = top["kind"]
    if not isinstance(kind, str) or kind not in set(Kind):
        raise OpeningHoursError(f"opening hours: kind {kind!r} is not one of: {', '.join(Kind)}")
    seasons = [_season_from(item, f"season {n}") for n, item in enumerate(_list(top, "seasons", "opening hours"), 1)]
    exceptions = [
        _exception_from(item, f"exception {n}") for n, item in enumerate(_list(top, "exceptions", "opening hours"), 1)
    ]
    hours = OpeningHours(Kind(kind), tuple(seasons), tuple(exceptions), _text(top, "note", "opening hours"))
    validate(hours)
    return hours


def _object(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise OpeningHoursError(f"{where}: expected a JSON object, got {type(value).__name__}")
    return value


def _check_keys(data: Mapping[str, Any], where: str, required: set[str], optional: set[str]) -> None:
    missing = sorted(required - data.keys())
    if missing:
        raise OpeningHoursError(f"{where}: missing key {missing[0]!r}")
    unexpected = sorted(str(k) for k in data.keys() - required - optional)
    if unexpected:
        raise OpeningHoursError(f"{where}: unexpected key {unexpected[0]!r}")


def _list(data: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise OpeningHoursError(f"{where}: {key!r} must be a list, got {type(value).__name__}")
    return value


def _text(data: Mapping[str, Any], key: str, where: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise OpeningHoursError(f"{where}: {key!r} must be a string, got {type(value).__name__}")
    return value


_CLOCK_FORMAT = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")
_MONTH_DAY_FORMAT = re.compile(r"(\d\d)-(\d\d)")
_DATE_FORMAT = re.compile(r"\d{4}-\d\d-\d\d")


def _clock_from(value: object, where: str) -> time:
    if not isinstance(value, str) or not _CLOCK_FORMAT.fullmatch(value):
        raise OpeningHoursError(f"{where}: {value!r} is not a time written HH:MM (00:00 to 23:59)")
    return time(int(value[:2]), int(value[3:]))


def _interval_from(value: object, where: str) -> Interval:
    data = _object(value, where)
    _check_keys(data, where, required={"opens", "closes"}, optional=set())
    return Interval(_clock_from(data["opens"], f"{where}, opens"), _clock_from(data["closes"], f"{where}, closes"))


def _intervals_from(data: Mapping[str, Any], where: str) -> tuple[Interval, ...]:
    return tuple(
        _interval_from(item, f"{where}, interval {n}") for n, item in enumerate(_list(data, "intervals", where), 1)
    )


def _month_day_from(value: object, where: str) -> MonthDay:
    match = _MONTH_DAY_FORMAT.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise OpeningHoursError(f"{where}: {value!r} is not a month-day written MM-DD")
    try:
        return MonthDay(int(match[1]), int(match[2]))
    except OpeningHoursError as error:
        raise OpeningHoursError(f"{where}: {error}") from None


def _date_from(value: object, where: str) -> date:
    if not isinstance(value, str) or not _DATE_FORMAT.fullmatch(value):
        raise OpeningHoursError(f"{where}: {value!r} is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise OpeningHoursError(f"{where}: {value!r} is not a calendar date") from None


def _weekdays_from(data: Mapping[str, Any], where: str) -> frozenset[int]:
    weekdays = _list(data, "weekdays", where)
    for weekday in weekdays:
        if not _is_int(weekday) or not 0 <= weekday <= 6:
            raise OpeningHoursError(f"{where}: weekday {weekday!r} is not a whole number 0 (Monday) to 6 (Sunday)")
    if len(set(weekdays)) != len(weekdays):
        raise OpeningHoursError(f"{where}: a weekday is listed twice in {weekdays!r}")
    return frozenset(weekdays)


def _season_from(value: object, where: str) -> Season:
    data = _object(value, where)
    _check_keys(data, where, required={"start", "end", "weekdays", "intervals"}, optional={"note"})
    return Season(
        start=_month_day_from(data["start"], f"{where}, start"),
        end=_month_day_from(data["end"], f"{where}, end"),
        weekdays=_weekdays_from(data, where),
        intervals=_intervals_from(data, where),
        note=_text(data, "note", where),
    )


def _exception_from(value: object, where: str) -> DateException:
    data = _object(value, where)
    _check_keys(data, where, required={"start", "end", "closed"}, optional={"intervals", "note"})
    closed = data["closed"]
    if not isinstance(closed, bool):
        raise OpeningHoursError(f"{where}: 'closed' must be true or false, got {closed!r}")
    return DateException(
        start=_date_from(data["start"], f"{where}, start"),
        end=_date_from(data["end"], f"{where}, end"),
        closed=closed,
        intervals=_intervals_from(data, where),
        note=_text(data, "note", where),
    )


# --- schema.org ---------------------------------------------------------------------------------

_SCHEMA_DAYS = tuple(f"https://schema.org/{name}" for name in _DAY_NAMES)


def schema_org(hours: OpeningHours, year: int) -> list[dict[str, Any]]:
    """schema.org OpeningHoursSpecification dicts for `year` (the seasons' dates in that year).

    One specification per interval and date range; a wrapping season gives two date ranges
    (1 Jan–end and start–31 Dec). Days with unstated times are left out: schema.org cannot say
    "open, hours unknown", and leaving a day out claims nothing. Exceptions that touch `year` are
    given with their own dates; a closed one has opens = closes = "00:00:00", the schema.org way of
    saying closed. Unknown or by-appointment hours give [].
    """
    if hours.kind != Kind.REGULAR:
        return []
    specifications = []
    for season in hours.seasons:
        days = [_SCHEMA_DAYS[d] for d in sorted(season.weekdays)]
        for first, last in _season_dates_in(season, year):
            for interval in season.intervals:
                specifications.append(_specification(interval.opens, interval.closes, first, last, days))
    for exception in hours.exceptions:
        if exception.end.year < year or exception.start.year > year:
            continue
        if exception.closed:
            specifications.append(_specification(time(0), time(0), exception.start, exception.end))
        for interval in exception.intervals:
            specifications.append(_specification(interval.opens, interval.closes, exception.start, exception.end))
    return specifications


def _specification(opens: time, closes: time, first: date, last: date, days: list[str] | None = None) -> dict[str, Any]:
    specification: dict[str, Any] = {"@type": "OpeningHoursSpecification"}
    if days is not None:
        specification["dayOfWeek"] = days
    specification |= {
        "opens": opens.strftime("%H:%M:%S"),
        "closes": closes.strftime("%H:%M:%S"),
        "validFrom": first.isoformat(),
        "validThrough": last.isoformat(),
    }
    return specification


def _season_dates_in(season: Season, year: int) -> list[tuple[date, date]]:
    first, last = _start_in(season.start, year), _end_in(season.end, year)
    if not season.wraps:
        return [(first, last)] if first <= last else []  # a 29-Feb-only season in a common year
    return [(date(year, 1, 1), last), (first, date(year, 12, 31))]


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _start_in(start: MonthDay, year: int) -> date:
    if start == MonthDay(2, 29) and not _is_leap(year):
        return date(year, 3, 1)
    return date(year, start.month, start.day)


def _end_in(end: MonthDay, year: int) -> date:
    if end.month == 2 and end.day >= 28:
        return date(year, 2, 29 if _is_leap(year) else 28)
    return date(year, end.month, end.day)


# --- Plain English ------------------------------------------------------------------------------


def describe(hours: OpeningHours) -> list[str]:
    """Lines for people, e.g. "1 Mar–30 Nov: Wed–Sun 09:00–12:00, 13:00–17:00"."""
    if hours.kind == Kind.UNKNOWN:
        lines = ["Opening hours not known"]
    elif hours.kind == Kind.BY_APPOINTMENT:
        lines = ["By appointment"]
    elif hours.seasons:
        lines = [_describe_season(season) for season in hours.seasons]
    else:
        lines = ["Closed"]
    lines += [_describe_exception(exception) for exception in hours.exceptions]
    if hours.note:
        lines.append(hours.note)
    return lines


def _describe_season(season: Season) -> str:
    days = _day_set(season.start, season.end)
    if len(days) == _YEAR_DAYS:
        dates = "All year"
    elif season.start == season.end:
        dates = str(season.start)
    else:
        dates = f"{season.start}–{season.end}"
    times = " " + ", ".join(map(str, season.intervals)) if season.intervals else ", hours not stated"
    return f"{dates}: {_weekdays_text(season.weekdays)}{times}" + (f" ({season.note})" if season.note else "")


def _describe_exception(exception: DateException) -> str:
    if exception.closed:
        what = "closed"
    elif exception.intervals:
        what = ", ".join(map(str, exception.intervals))
    else:
        what = "open, hours not stated"
    note = f" ({exception.note})" if exception.note else ""
    return f"{_dates_text(exception.start, exception.end)}: {what}{note}"
