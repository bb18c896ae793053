"""Business time: an office's working time, and arithmetic in it.

A pure module (no Django): a `WorkingCalendar` is built from a weekly schedule with several
intervals a day, the office's time zone, holidays, closures (whole-day or partial), dated
overrides (e.g. Ramadan hours) and special days that replace the week (e.g. the registration
days 27-29 Aug 2024, PKPU 8/2024 Pasal 96). The functions add working minutes to an instant,
count working minutes between two instants, find the next opening and explain a due time.

Which plan applies to a date, strongest first:
1. a special day (the coordinator opened the desk that day: it wins even over a holiday);
2. a holiday (national holiday or collective leave): closed;
3. a dated override covering the date (Ramadan hours): its weekly hours;
4. the regular weekly hours.
Closures are then cut out of the day (a whole day, or a span of it).

Speed: each date's open spans are computed once and cached; a running total of working time
per day (a prefix sum) lets adding N minutes jump to the right day with a binary search, so
whole weeks and months are skipped without walking them. Indonesian zones (WIB, WITA, WIT) have
no daylight saving time, so local wall-clock arithmetic is exact.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

US_PER_MINUTE = 60_000_000
DAY_MINUTES = 24 * 60
_CHUNK_DAYS = 400
_GIVE_UP_DAYS = 366 * 30

Span = tuple[int, int]  # local minutes since midnight, [start, end), end may be 1440


def parse_clock(value: time | int | str) -> int:
    """Return minutes since midnight from a `time`, an int, or text like '07.30' or '24:00'."""
    if isinstance(value, time):
        return value.hour * 60 + value.minute
    if isinstance(value, int):
        minutes = value
    else:
        text = value.strip().replace(".", ":")
        hours, _, mins = text.partition(":")
        if not hours.isdecimal() or not (mins.isdecimal() or mins == ""):
            raise ValueError(f"not a clock time: {value!r}")
        minutes = int(hours) * 60 + int(mins or 0)
    if not 0 <= minutes <= DAY_MINUTES:
        raise ValueError(f"clock time out of range: {value!r}")
    return minutes


def format_clock(minutes: int) -> str:
    """Return minutes since midnight in the Indonesian style, e.g. 450 -> '07.30'."""
    return f"{minutes // 60:02d}.{minutes % 60:02d}"


def parse_spans(spans: Iterable[Sequence[time | int | str]]) -> tuple[Span, ...]:
    """Validate and sort spans of (start, end); they must not overlap and end after start."""
    out = sorted((parse_clock(a), parse_clock(b)) for a, b in spans)
    if not out:
        return ()
    for (s, e), nxt in zip(out, [*out[1:], None], strict=True):
        if e <= s:
            raise ValueError(f"{format_clock(s)}-{format_clock(e)} ends before it starts")
        if nxt is not None and nxt[0] < e:
            raise ValueError(f"{format_clock(s)}-{format_clock(e)} overlaps the next span")
    return tuple(out)


def parse_spans_text(text: str) -> tuple[Span, ...]:
    """Parse '07.30-12.00, 13.00-16.00' (dash or en dash; empty text = closed)."""
    spans = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        a, sep, b = part.replace("–", "-").replace("—", "-").partition("-")
        if not sep:
            raise ValueError(f"not a span: {part!r}")
        spans.append((a, b))
    return parse_spans(spans)


def spans_text(spans: Iterable[Span]) -> str:
    """Format spans as '07.30–12.00, 13.00–16.00'."""
    return ", ".join(f"{format_clock(s)}–{format_clock(e)}" for s, e in spans)


@dataclass(frozen=True)
class Closure:
    """A closure of one date: the whole day (no start/end) or a span of it."""

    day: date
    name: str
    start: int | None = None
    end: int | None = None

    @property
    def whole_day(self) -> bool:
        return self.start is None


@dataclass(frozen=True)
class Override:
    """Weekly hours for a date range, e.g. Ramadan (Perpres 21/2023: work starts 08.00)."""

    first: date
    last: date
    name: str
    weekly: Mapping[int, tuple[Span, ...]]


@dataclass(frozen=True)
class SpecialDay:
    """A date whose hours replace the week, e.g. a registration day or a weekend opening."""

    day: date
    name: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class DayPlan:
    """What a date looks like: its open spans and why."""

    day: date
    spans: tuple[Span, ...]
    kind: str  # regular | override | special | holiday
    name: str = ""
    closures: tuple[Closure, ...] = ()

    @property
    def minutes(self) -> int:
        return sum(e - s for s, e in self.spans)


class WorkingCalendar:
    """An office's working time. Build once, reuse: per-date plans are cached inside."""

    def __init__(
        self,
        *,
        tz: str,
        weekly: Mapping[int, Iterable[Sequence[time | int | str]]],
        holidays: Mapping[date, str] | None = None,
        closures: Iterable[Closure] = (),
        overrides: Iterable[Override] = (),
        special_days: Iterable[SpecialDay] = (),
    ) -> None:
        self.tz_name = tz
        self.tz = ZoneInfo(tz)
        self.weekly: dict[int, tuple[Span, ...]] = {
            wd: parse_spans(weekly.get(wd, ())) for wd in range(7)
        }
        self.holidays: dict[date, str] = dict(holidays or {})
        self.closures: dict[date, list[Closure]] = {}
        for closure in closures:
            self.closures.setdefault(closure.day, []).append(closure)
        self.overrides: tuple[Override, ...] = tuple(
            sorted(overrides, key=lambda o: (o.first, o.last))
        )
        self.special_days: dict[date, SpecialDay] = {s.day: s for s in special_days}
        self._plans: dict[int, DayPlan] = {}
        self._lock = threading.RLock()  # guards the prefix sums (a rebuild moves the origin)
        self._origin = 0  # ordinal of the first day in the prefix sums
        self._cum: list[int] = [0]  # _cum[i] = working µs of days origin..origin+i-1
        self._day_spans: list[tuple[tuple[int, int], ...]] = []  # in µs, per day index
        dated = [*self.holidays, *self.closures, *self.special_days]
        dated += [o.last for o in self.overrides]
        self._last_dated = max(dated) if dated else date.min
        self.week_minutes = sum(e - s for spans in self.weekly.values() for s, e in spans)

    # -- per-date plans -------------------------------------------------------------------

    def plan(self, day: date) -> DayPlan:
        """Return the open spans of a local date, with the reason (cached)."""
        key = day.toordinal()
        found = self._plans.get(key)
        if found is None:
            found = self._plans[key] = self._build_plan(day)
        return found

    def _build_plan(self, day: date) -> DayPlan:
        special = self.special_days.get(day)
        if special is not None:
            spans, kind, name = special.spans, "special", special.name
        elif day in self.holidays:
            spans, kind, name = (), "holiday", self.holidays[day]
        else:
            spans, kind, name = self.weekly[day.weekday()], "regular", ""
            for override in self.overrides:
                if override.first <= day <= override.last:
                    spans, kind = override.weekly.get(day.weekday(), ()), "override"
                    name = override.name
                    break
        closures = tuple(self.closures.get(day, ()))
        for closure in closures:
            spans = _subtract(spans, closure)
        return DayPlan(day=day, spans=tuple(spans), kind=kind, name=name, closures=closures)

    # -- prefix sums ------------------------------------------------------------------------

    def _index(self, ordinal: int) -> int:
        """Return the day index of an ordinal, extending the prefix sums to cover it."""
        if not self._cum[1:] or ordinal < self._origin:
            self._rebuild(ordinal - 7 if not self._cum[1:] else ordinal - 366)
        idx = ordinal - self._origin
        while idx >= len(self._day_spans):
            self._extend(_CHUNK_DAYS)
        return idx

    def _rebuild(self, origin: int) -> None:
        with self._lock:
            end = self._origin + len(self._day_spans) if self._day_spans else origin
            self._origin = origin
            self._cum = [0]
            self._day_spans = []
            self._extend_locked(max(end - origin, _CHUNK_DAYS))

    def _extend(self, days: int) -> None:
        with self._lock:
            self._extend_locked(days)

    def _extend_locked(self, days: int) -> None:
        cum, day_spans = self._cum, self._day_spans
        total = cum[-1]
        start = self._origin + len(day_spans)
        for ordinal in range(start, start + days):
            spans = self.plan(date.fromordinal(ordinal)).spans
            us = tuple((s * US_PER_MINUTE, e * US_PER_MINUTE) for s, e in spans)
            day_spans.append(us)
            total += sum(e - s for s, e in us)
            cum.append(total)

    def _position(self, at: datetime) -> int:
        """Return working µs from the origin up to the instant `at`."""
        local = at.astimezone(self.tz)
        idx = self._index(local.toordinal())
        us = _micros(local)
        pos = self._cum[idx]
        for s, e in self._day_spans[idx]:
            if us <= s:
                break
            pos += (us if us < e else e) - s
        return pos

    def _instant(self, target: int) -> datetime:
        """Return the earliest instant whose working position equals `target`."""
        cum = self._cum
        give_up = len(cum) + _GIVE_UP_DAYS
        while cum[-1] < target:
            if len(cum) > give_up and self._origin + len(cum) > self._last_dated.toordinal():
                raise ValueError("the calendar has no working time left to count")
            self._extend(_CHUNK_DAYS)
            cum = self._cum
        idx = bisect_left(cum, target) - 1
        rest = target - cum[idx]
        for s, e in self._day_spans[idx]:
            if rest <= e - s:
                return self._local(self._origin + idx, s + rest)
            rest -= e - s
        raise AssertionError("prefix sums out of step")  # pragma: no cover

    def _local(self, ordinal: int, us: int) -> datetime:
        midnight = datetime.combine(date.fromordinal(ordinal), time.min, tzinfo=self.tz)
        return midnight + timedelta(microseconds=us)


def _subtract(spans: Sequence[Span], closure: Closure) -> list[Span]:
    if closure.start is None:
        return []
    cs, ce = closure.start, closure.end if closure.end is not None else DAY_MINUTES
    out: list[Span] = []
    for s, e in spans:
        if ce <= s or e <= cs:
            out.append((s, e))
            continue
        if s < cs:
            out.append((s, cs))
        if ce < e:
            out.append((ce, e))
    return out


def _micros(local: datetime) -> int:
    """Return microseconds since local midnight."""
    return ((local.hour * 60 + local.minute) * 60 + local.second) * 1_000_000 + local.microsecond


def _check_aware(*values: datetime) -> None:
    for value in values:
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("business time needs aware datetimes")


# -- the public functions ------------------------------------------------------------------


def add_working_minutes(cal: WorkingCalendar, start: datetime, minutes: int | float) -> datetime:
    """Return the instant at which `minutes` of working time have passed since `start`.

    Adding 0 returns `start` unchanged. Otherwise the result lies inside an open span or at
    its end (a due time of 16.00 means "by closing time"), never in closed time.
    """
    _check_aware(start)
    if minutes < 0:
        raise ValueError("minutes must not be negative")
    if minutes == 0:
        return start
    with cal._lock:
        target = cal._position(start) + round(minutes * US_PER_MINUTE)
        return cal._instant(target)


def working_minutes_between(cal: WorkingCalendar, a: datetime, b: datetime) -> float:
    """Return the working minutes from `a` to `b` (negative when `b` is before `a`)."""
    _check_aware(a, b)
    with cal._lock:
        # cover the earlier date first, so that neither position moves the origin
        cal._index(min(a, b).astimezone(cal.tz).toordinal())
        pos_a = cal._position(a)
        pos_b = cal._position(b)
    return (pos_b - pos_a) / US_PER_MINUTE


def is_open(cal: WorkingCalendar, at: datetime) -> bool:
    """Return whether the office is open at the instant (spans are [start, end))."""
    _check_aware(at)
    local = at.astimezone(cal.tz)
    us = _micros(local)
    return any(s * US_PER_MINUTE <= us < e * US_PER_MINUTE for s, e in cal.plan(local.date()).spans)


def open_intervals(
    cal: WorkingCalendar, start: datetime, end: datetime
) -> list[tuple[datetime, datetime]]:
    """Return the open intervals overlapping [start, end), clipped, merged across midnight."""
    _check_aware(start, end)
    out: list[tuple[datetime, datetime]] = []
    if end <= start:
        return out
    first = start.astimezone(cal.tz).date()
    last = end.astimezone(cal.tz).date()
    day = first
    while day <= last:
        for s, e in cal.plan(day).spans:
            a = cal._local(day.toordinal(), s * US_PER_MINUTE)
            b = cal._local(day.toordinal(), e * US_PER_MINUTE)
            a, b = max(a, start), min(b, end)
            if a >= b:
                continue
            if out and out[-1][1] == a:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        day += timedelta(days=1)
    return out


def current_interval(cal: WorkingCalendar, at: datetime) -> tuple[datetime, datetime] | None:
    """Return the open interval (merged across midnight) containing `at`, or None."""
    if not is_open(cal, at):
        return None
    horizon = at + timedelta(days=8)
    found = open_intervals(cal, at - timedelta(days=2), horizon)
    for a, b in found:
        if a <= at < b:
            return a, b
    return None  # pragma: no cover


def next_opening(cal: WorkingCalendar, at: datetime, *, within_days: int = 3660) -> datetime | None:
    """Return `at` when open, else the start of the next open interval (None if never)."""
    _check_aware(at)
    if is_open(cal, at):
        return at
    local = at.astimezone(cal.tz)
    minute_us = _micros(local)
    day = local.date()
    for offset in range(within_days):
        current = day + timedelta(days=offset)
        for s, _e in cal.plan(current).spans:
            if offset or s * US_PER_MINUTE >= minute_us:
                return cal._local(current.toordinal(), s * US_PER_MINUTE)
    return None
