"""Dates stage: finds temporal expressions and resolves them against the publication date.

Cascade (the method says which step fired): explicit date (dateparser, with the publication date as
the reference) -> weekday or relative phrase ('Tuesday' is the most recent Tuesday on or before
publication; 'yesterday', 'last week', 'in June' = the last June) -> anchored phrase ('three months
after ISIS lost control of Mosul' = three months before the date of the report) -> nothing (durations
such as 'a four-month battle' are not points in time). Writes the dates layer."""

from __future__ import annotations

import calendar
import datetime as dt
import re

import dateparser
from spacy.language import Language
from spacy.tokens import Doc

from ..lexicons import read_tsv
from ..nlp import layers
from ..nlp.layer_types import ResolvedDate
from ..nlp.layers import Stage, assigns, register, requires
from ..nlp.sents import ents_of, text_of
from ..records import DateMention

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
         "year": "year", "years": "year"}
WORD = r"[A-Za-z]+|\d+"
AGO = re.compile(rf"\b({WORD})\s+(days?|weeks?|months?|years?)\s+ago\b", re.I)
ANCHOR_WORD = "after"  # every ANCHOR match holds it: a text without it is not scanned
ANCHOR = re.compile(rf"\b({WORD})\s+(days?|weeks?|months?|years?)\s+{ANCHOR_WORD}\b", re.I)
RELATIVE_PERIOD = re.compile(r"\b(last|past|this|next|previous|coming)\s+(week|month|year)\b", re.I)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
DECADE = re.compile(r"\b(1[89]\d|20\d)0s\b|'(\d)0s\b")
YEAR_OF_MONTH = re.compile(r"\b(last|this|next|previous)\s+year\b|\ba\s+year\s+(?:ago|earlier)\b", re.I)
LAST_MONTH = re.compile(r"\blast\s+(?:[a-z]+\.?)$", re.I)  # 'last December'
PART_OF_PERIOD = re.compile(r"\b(earlier|later|early|late)\s+(this|last)\s+(week|month|year)\b", re.I)
DAYNUM = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
MONTH_RE = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\b", re.I)
DAY_RANGE = re.compile(r"\b([0-3]?\d)\s*(?:and|to|until|-|–)\s*([0-3]?\d)\s+([a-z]+)\.?(?:\s+(\d{4}))?", re.I)
DURATION = re.compile(r"^(?!(?:last|past|this|next|previous|coming|that|same)\b)"  # 'last year' is a date
                      r"(?:a|an|the|\d+|[a-z]+)[- ](?:day|week|month|year|hour|minute)s?(?:-long| long)?$|"
                      r"^(?:several|many|few|some|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                      r"(?:days|weeks|months|years|decades|hours)$", re.I)


def _shift(d: dt.date, n: int, unit: str) -> dt.date:
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "month":
        m = d.month - 1 + n
        y = d.year + m // 12
        m = m % 12 + 1
        return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))
    return dt.date(d.year + n, d.month, min(d.day, calendar.monthrange(d.year + n, d.month)[1]))


def _period(d: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    if unit == "week":
        start = d - dt.timedelta(days=d.weekday())
        return start, start + dt.timedelta(days=6)
    if unit == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if unit == "year":
        return d.replace(month=1, day=1), d.replace(month=12, day=31)
    return d, d


def fmt(start: dt.date, end: dt.date, precision: str) -> tuple[str, str]:
    if precision == "month":
        return start.strftime("%Y-%m"), end.strftime("%Y-%m")
    if precision == "year":
        return str(start.year), str(end.year)
    return start.isoformat(), end.isoformat()


DEICTIC = ("yesterday", "today", "tonight", "last night", "this morning")
DAY_WORD_RE = re.compile(r"\b(?:" + "|".join([*WEEKDAYS, *DEICTIC]) + r")\b", re.I)  # one scan for both


class Resolver:
    """Text of a temporal expression + publication date -> (start, end, precision, method)."""

    def __init__(self) -> None:
        rows = read_tsv("tacitus.lexicons", "time_words.tsv")
        self.numbers = {r["word"]: int(r["value"]) for r in rows if r["kind"] == "number"}
        self.days = {r["word"]: int(r["value"]) for r in rows if r["kind"] == "day"}
        self.day_patterns = [(re.compile(rf"\b{re.escape(phrase)}\b"), off)  # the longest phrase first
                             for phrase, off in sorted(self.days.items(), key=lambda x: -len(x[0]))]

    def number(self, w: str) -> int | None:
        return int(w) if w.isdigit() else self.numbers.get(w.lower())

    def resolve(self, text: str, pub: dt.date) -> tuple[str, str, str, str] | None:
        t = " ".join(text.lower().replace("’", "'").split())
        part = self._part_of_period(t, pub)
        if part:
            return part
        t = re.sub(r"^(?:on|in|since|by|during|the|earlier|early|late|later)\s+", "", t)
        for pattern, off in self.day_patterns:
            if pattern.search(t):
                d = pub + dt.timedelta(days=off)
                return (*fmt(d, d, "day"), "day", "relative_to_published")
        m = AGO.search(t)
        if m and self.number(m.group(1)):
            unit = UNITS[m.group(2).lower()]
            d = _shift(pub, -self.number(m.group(1)), unit)
            s, e = _period(d, unit)
            return (*fmt(s, e, unit), unit, "relative_to_published")
        m = DECADE.search(t)  # 'the 1980s', "the '90s"
        if m and not MONTH_RE.search(t):
            y = int(m.group(1)) * 10 if m.group(1) else (1900 if int(m.group(2)) > pub.year % 100 // 10 else 2000) \
                + int(m.group(2)) * 10
            return str(y), str(y + 9), "decade", "explicit"
        m = RELATIVE_PERIOD.search(t)
        if m and not MONTH_RE.search(t):
            which, unit = m.group(1).lower(), m.group(2).lower()
            n = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[which]
            s, e = _period(_shift(pub, n, unit), unit)
            return (*fmt(s, e, unit), unit, "relative_to_published")
        m = WEEKDAY_RE.search(t)
        if m and not MONTH_RE.search(t):
            wd = WEEKDAYS[m.group(1).lower()]
            if re.search(r"\bnext\b", t):
                d = pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
            else:
                d = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
                if re.search(r"\blast\b", t) and d == pub:
                    d -= dt.timedelta(days=7)
            return (*fmt(d, d, "day"), "day", "weekday_relative_to_published")
        return self._calendar(t, pub)

    @staticmethod
    def _part_of_period(t: str, pub: dt.date) -> tuple[str, str, str, str] | None:
        """'earlier this month' (the month's start to the report), 'later this year', 'late last
        year' (its last third): a range of days whose precision says how wide it is."""
        m = PART_OF_PERIOD.search(t)
        if not m:
            return None
        side, which, unit = m.group(1).lower(), m.group(2).lower(), m.group(3).lower()
        s0, e0 = _period(_shift(pub, -1 if which == "last" else 0, unit), unit)
        if which == "this":
            s0, e0 = (s0, pub) if side in ("earlier", "early") else (pub, e0)
        elif side in ("early", "earlier"):
            e0 = s0 + (e0 - s0) / 3
        else:
            s0 = e0 - (e0 - s0) / 3
        precision = {"week": "day", "month": "week", "year": "month"}[unit]
        return s0.isoformat(), e0.isoformat(), precision, "relative_to_published"

    def _calendar(self, t: str, pub: dt.date) -> tuple[str, str, str, str] | None:
        m = DAY_RANGE.search(t)  # "between 10 and 15 June", "10-15 June 2014"
        if m:
            a = self._calendar(f"{m.group(1)} {m.group(3)} {m.group(4) or ''}", pub)
            b = self._calendar(f"{m.group(2)} {m.group(3)} {m.group(4) or ''}", pub)
            if a and b:
                return a[0], b[1], "day", "explicit_range"
        months = MONTH_RE.findall(t)
        years = YEAR.findall(t)
        if not months and not years:
            return None
        if len(months) >= 2 or (" to " in t or "-" in t or "–" in t or " and " in t) and (months or len(years) > 1):
            parts = re.split(r"\s+(?:to|and|until|till)\s+|\s*[–-]\s*", t)
            if len(parts) == 2:
                a, b = self._calendar(parts[0], pub), self._calendar(parts[1], pub)
                if a and b:
                    prec = a[2] if a[2] == b[2] else "month" if "month" in (a[2], b[2]) else a[2]
                    return a[0], b[1], prec, "explicit_range"
        if not months:
            y = int(years[0])
            return str(y), str(y), "year", "explicit"
        month = MONTHS[months[0].lower().rstrip(".")]
        rest = MONTH_RE.sub(" ", t)
        rest = YEAR.sub(" ", rest)
        day_m = DAYNUM.search(rest)
        day = int(day_m.group(1)) if day_m and 1 <= int(day_m.group(1)) <= 31 else None
        said = YEAR_OF_MONTH.search(t)
        if years:
            year, method = int(years[0]), "explicit"
        elif said:  # 'June last year', 'in March this year'
            which = (said.group(1) or "last").lower()
            year = pub.year + {"last": -1, "previous": -1, "this": 0, "next": 1}[which]
            method = "relative_to_published"
        elif LAST_MONTH.search(t) and day is None:  # 'last December': the last one before this month
            year = pub.year if month < pub.month else pub.year - 1
            method = "relative_to_published"
        else:  # the most recent such month on or before publication
            year = pub.year if (month, day or 1) <= (pub.month, pub.day) else pub.year - 1
            method = "month_without_year" if day is None else "day_without_year"
        if day is not None:
            try:
                d = dt.date(year, month, day)
            except ValueError:
                return None
            return (*fmt(d, d, "day"), "day", method)
        s, e = _period(dt.date(year, month, 1), "month")
        return (*fmt(s, e, "month"), "month", method)

    def dateparser_fallback(self, text: str, pub: dt.date) -> tuple[str, str, str, str] | None:
        d = dateparser.parse(text, languages=["en"], settings={
            "RELATIVE_BASE": dt.datetime(pub.year, pub.month, pub.day), "PREFER_DATES_FROM": "past",
            "STRICT_PARSING": True})
        if d is None:
            return None
        return (*fmt(d.date(), d.date(), "day"), "day", "dateparser")


class DatesStage(Stage):
    name = "tacitus_dates"
    reads = ("meta", "doc.ents")
    writes = ("dates",)

    def __init__(self) -> None:
        register()
        self.r = Resolver()

    def run(self, doc: Doc) -> Doc:
        meta = layers.get(doc, "meta")
        published = meta.published if meta is not None else None
        try:
            pub = dt.date.fromisoformat(str(published)[:10]) if published else None
        except ValueError:
            pub = None
        out: list[dict] = []
        if pub is None:
            layers.put(doc, "dates", [])
            return doc
        spans: list[tuple[int, int]] = []
        for ent in ents_of(doc):
            if ent.label_ in ("DATE", "TIME"):
                spans.append((ent.start_char, ent.end_char))
        for m in DAY_WORD_RE.finditer(text_of(doc)):  # a weekday or 'yesterday' that NER did not mark
            if not any(s <= m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
        for s, e in sorted(spans):
            text = text_of(doc)[s:e]
            if self._name_part(doc, s, e, text):
                continue
            if DURATION.match(text.strip()) and not AGO.search(text):
                continue
            res = self.r.resolve(text, pub)
            if res is None and re.search(r"\d", text) and len(text) > 4:
                res = self.r.dateparser_fallback(text, pub)
            if res is None:
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            out.append({"text": text, "start": res[0], "end": res[1], "precision": res[2], "method": res[3],
                        "offset_start": s, "offset_end": e, "tok": [span.start, span.end] if span else None})
        anchors = ANCHOR.finditer(text_of(doc)) if ANCHOR_WORD in text_of(doc).lower() else ()
        for m in anchors:  # "three months after ISIS lost control of Mosul"
            n = self.r.number(m.group(1))
            if not n:
                continue
            unit = UNITS[m.group(2).lower()]
            clause_end = re.search(r"[,.;—–]", text_of(doc)[m.end():])
            e = m.end() + (clause_end.start() if clause_end else len(text_of(doc)) - m.end())
            if any(m.start() <= x["offset_start"] < e and x["precision"] == "day" for x in out):
                continue  # '... two days after the army repelled an assault on Friday': its own date
            d = _shift(self._anchor(out, m.start(), pub), -n, unit)
            s0, e0 = _period(d, unit)
            span = doc.char_span(m.start(), e, alignment_mode="expand")
            out = [x for x in out if not (m.start() <= x["offset_start"] < e)]
            out.append({"text": text_of(doc)[m.start():e], "start": fmt(s0, e0, unit)[0], "end": fmt(s0, e0, unit)[1],
                        "precision": unit, "method": "anchored", "offset_start": m.start(), "offset_end": e,
                        "tok": [span.start, span.end] if span else None})
        layers.put(doc, "dates", [
            ResolvedDate(DateMention(text=d["text"], start=d["start"], end=d["end"], precision=d["precision"],
                                     offset_start=d["offset_start"], offset_end=d["offset_end"], method=d["method"]),
                         tuple(d["tok"]) if d["tok"] else None)
            for d in sorted(out, key=lambda x: x["offset_start"])])
        return doc


    @staticmethod
    def _anchor(found: list[dict], at: int, pub: dt.date) -> dt.date:
        """What 'two days after X' counts back from: the date of what the sentence's subject refers
        to ('The attack came two days after ...'), i.e. the last day the text gave before the phrase;
        the report's date when it gave none."""
        days = [x for x in found if x["offset_start"] < at and x["precision"] == "day" and x["start"] == x["end"]]
        if not days:
            return pub
        return dt.date.fromisoformat(max(days, key=lambda x: x["offset_start"])["start"])

    @staticmethod
    def _name_part(doc: Doc, s: int, e: int, text: str) -> bool:
        """A bare month that is part of a name ('Theresa May', 'Mr March said'): right after a
        capitalised word that starts no sentence and is no preposition, or before a reporting verb."""
        if not MONTH_RE.fullmatch(text.strip()) or text.strip().lower() not in MONTHS:
            return False
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return False
        first = span[0]
        if first.ent_type_ == "PERSON":
            return True
        prev = doc[first.i - 1] if first.i > 0 else None
        if prev is not None and prev.text[:1].isupper() and prev.pos_ == "PROPN" and not prev.is_sent_start \
                and prev.ent_type_ != "DATE":
            return True
        nxt = doc[span.end] if span.end < len(doc) else None
        return nxt is not None and nxt.pos_ in ("VERB", "AUX") and first.dep_ in ("nsubj", "nsubjpass")


@Language.factory(DatesStage.name, requires=requires(DatesStage.reads), assigns=assigns(DatesStage.writes))
def make_dates(nlp: Language, name: str) -> DatesStage:
    return DatesStage()
