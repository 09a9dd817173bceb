"""Dates in text: find temporal expressions and normalise them against an anchor date.

``patterns`` holds the regular expressions and word tables, ``arithmetic`` the calendar
arithmetic and clause tense, ``absolute`` the rules for calendar expressions, ``relative`` those
read against the anchor, and ``scanner`` the one loop that runs them (its docstring states the
conventions).
"""

from events.timex.scanner import find_dates

__all__ = ["find_dates"]
