"""The text Excel displays for a cell: a spreadsheet of pairs is checked as the reviewer reads it.

A workbook stores 5% as 0.05 with the number format `0%`, and a date as a number with a date
format; read as values they become `0.05` and `2022-09-30 00:00:00`, and a `number` flag says
百分之五 ≠ 0.05. The common formats are rendered as Excel shows them: General, fixed decimals
(`0`, `0.00`), thousands separators (`#,##0`), percents (`0%`, `0.0%`) and dates and times written
with y, m, d, h, s codes (`yyyy-mm-dd`, `dd.mm.yyyy`, `yyyy"年"m"月"d"日"`). Other formats (currency,
fractions, scientific, a locale's built-in short date) fall back to General numbers and ISO dates.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

_DECIMALS = re.compile(r"\.([0#?]+)")
_PLAIN_NUMBER = re.compile(r"^[#,0.?]+%?$")  # 0, 0.00, #,##0, #,##0.00, 0%, 0.0%
_DATE_CODE = re.compile(r'"[^"]*"|\\.|y+|m+|d+|h+|s+|[^ymdhs"\\]+', re.IGNORECASE)
_LOCALE = re.compile(r"\[\$-[0-9A-Fa-f]+\]")  # [$-409]: the locale a format was written in
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def cell_text(value, number_format: str | None) -> str:
    """What Excel shows for a cell holding `value` with `number_format` ('' for an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return _date_text(value, number_format or "")
    if isinstance(value, (int, float)):
        return _number_text(value, number_format or "General")
    return str(value)


def _general(value: float) -> str:
    """Excel's General: no trailing zeros, about 15 significant digits (0.1 + 0.2 shows 0.3)."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.15g}"


def _number_text(value: float, number_format: str) -> str:
    section = number_format.split(";")[0].strip()
    if not _PLAIN_NUMBER.match(section):
        return _general(value)
    decimals = len(m.group(1)) if (m := _DECIMALS.search(section)) else 0
    percent = section.endswith("%")
    # half away from zero, as Excel rounds (0.125 with 0.00 shows 0.13), from the shortest decimal form
    shown = Decimal(repr(float(value))) * (100 if percent else 1)
    shown = shown.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{shown:,f}" if "," in section else f"{shown:f}"
    return text + ("%" if percent else "")


def _date_text(value: dt.datetime | dt.date | dt.time, number_format: str) -> str:
    """The date or time as the format's y/m/d/h/s codes write it, else ISO (no midnight time)."""
    shown = _by_codes(value, number_format) if not isinstance(value, dt.time) else None
    if shown is not None:
        return shown
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    return value.isoformat()


def _by_codes(value: dt.datetime | dt.date, number_format: str) -> str | None:
    """`value` written by a date format of y/m/d/h/s codes and literals, or None for a format we do
    not render (Excel's built-in short date `mm-dd-yy` follows the reader's locale: ISO instead)."""
    section = _LOCALE.sub("", number_format.split(";")[0])
    if section.lower() in ("", "general", "mm-dd-yy") or "[" in section or "/p" in section.lower():
        return None
    tokens = _DATE_CODE.findall(section)
    codes = [k for k, token in enumerate(tokens) if token[0].lower() in "ymdhs"]
    if not any(tokens[k][0].lower() in "yd" for k in codes):
        return None  # a time or an unknown format
    moment = value if isinstance(value, dt.datetime) else dt.datetime.combine(value, dt.time())
    out = []
    for k, token in enumerate(tokens):
        if k not in codes:
            out.append(token[1:-1] if token.startswith('"') else token.lstrip("\\"))
            continue
        at = codes.index(k)
        before = tokens[codes[at - 1]][0].lower() if at else ""
        after = tokens[codes[at + 1]][0].lower() if at + 1 < len(codes) else ""
        minutes = token[0].lower() == "m" and len(token) <= 2 and (before == "h" or after == "s")
        out.append(_code_text(moment, token.lower(), minutes))
    return "".join(out)


def _code_text(moment: dt.datetime, code: str, minutes: bool) -> str:
    """One date code's text: yyyy 2022, yy 22, mmmm September, mmm Sep, mm 09, m 9, dddd Friday, dd 30 …"""
    kind, width = code[0], len(code)
    if kind == "y":
        return f"{moment.year:04d}" if width > 2 else f"{moment.year % 100:02d}"
    if kind == "m" and not minutes:
        if width >= 3:
            name = _MONTHS[moment.month - 1]
            return name if width == 4 else name[:3]
        return f"{moment.month:0{width}d}"
    if kind == "d" and width >= 3:
        name = _DAYS[moment.weekday()]
        return name if width >= 4 else name[:3]
    number = {"m": moment.minute, "d": moment.day, "h": moment.hour, "s": moment.second}[kind]
    return f"{number:0{min(width, 2)}d}"
