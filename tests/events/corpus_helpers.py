"""A small article corpus generated into a test's folder, so that ingest tests never depend on
the development data in ../shared (a user's clone has none).

The texts are short news paragraphs built from a few hand-written templates, varied in people,
places and dates, so the real extractor finds events in most of them and no two are equal.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from pipeline_helpers import fake_extract

from events.model import Article, Event

# (who, whom, where): pairs of leaders and a city of one of them, resolvable by the gazetteer.
_MEETINGS = (
    ("Vladimir Putin", "Alexander Lukashenko", "Minsk"),
    ("Emmanuel Macron", "Olaf Scholz", "Berlin"),
    ("Recep Tayyip Erdogan", "Vladimir Putin", "Sochi"),
    ("Joe Biden", "Justin Trudeau", "Ottawa"),
    ("Xi Jinping", "Kassym-Jomart Tokayev", "Astana"),
)
_TEMPLATES = (
    "{who} met {whom} in {where} on {day}, officials said.\n\n"
    "The two leaders discussed trade and security. {extra}",
    "{who} arrived in {where} on {day} for a two-day visit, his office said.\n\n"
    "He held talks with {whom} about energy prices. {extra}",
    "Troops were deployed near {where} on {day}, the ministry said.\n\n"
    "{who} and {whom} did not comment. {extra}",
    "A military exercise began near {where} on {day}.\n\n"
    "It will last a week, according to {who}'s spokesman. {extra}",
)


def write_articles(folder: Path, count: int, prefix: str = "gen-") -> list[str]:
    """``count`` article files ``{prefix}NNN.txt`` in ``folder``, each with its own id, date and
    text; returns their ids in file order."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = []
    for i in range(count):
        who, whom, where = _MEETINGS[i % len(_MEETINGS)]
        published = dt.date(2024, 1, 1) + dt.timedelta(days=7 * i)
        day = (published - dt.timedelta(days=i % 3)).strftime("%B %-d")
        text = _TEMPLATES[i // len(_MEETINGS) % len(_TEMPLATES)].format(
            who=who, whom=whom, where=where, day=day, extra=f"(Report {i} of the series.)"
        )
        article_id = f"{prefix}{i:03d}"
        (folder / f"{article_id}.txt").write_text(
            f"---\nid: {article_id}\ntitle: Report {i}\npublished: {published}\n---\n{text}\n",
            encoding="utf-8",
        )
        ids.append(article_id)
    return ids


def slow_fake_extract(article: Article) -> list[Event]:
    """``fake_extract`` taking a tenth of a second: keeps a worker busy long enough to be killed
    in the middle of its tasks. Module-level, so that worker processes can import it."""
    time.sleep(0.1)
    return fake_extract(article)
