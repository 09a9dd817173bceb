"""Hand-built articles and events for the dashboard tests (no extractor involved).

They mirror what the sample articles in ``data/articles`` report, and add one hostile article
whose every string carries script and markup payloads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from events.model import Article, Event, Span
from events.store import Store

KREMLIN = ("supp:kremlin", "Kremlin", "RU", "landmark", 55.75202, 37.61749)
MINSK = ("625144", "Minsk", "BY", "city", 53.9, 27.56667)
ASTANA = ("1526273", "Astana", "KZ", "city", 51.1801, 71.44598)
PALACE = ("supp:konstantinovsky-palace", "Konstantinovsky Palace", "RU", "landmark",
          59.86225, 30.06284)
BREST = ("629634", "Brest", "BY", "city", 52.09755, 23.68775)
GRODNO = ("627904", "Grodno", "BY", "city", 53.6884, 23.8258)
BELARUS = ("630336", "Belarus", "BY", "country", 53.0, 28.0)
POLAND = ("798544", "Poland", "PL", "country", 52.0, 20.0)

MINSK_DEC = (
    "The meeting focused on preparations for the Supreme State Council of the Union State, "
    "scheduled for December 6 in Minsk."
)
BREST_GRODNO = (
    "The Belarusian president described the positioning as a concern, noting that one Polish "
    "brigade was reportedly near Brest, while another was said to be approximately 100 "
    "kilometers from Grodno."
)

XSS = (
    "<script>alert('xss-script')</script> <img src=x onerror=alert('xss-img')> "
    "</script><b>bold?</b> `${alert('xss-tick')}` "
    "<a href=\"javascript:alert('xss-link')\">click</a> [md](javascript:alert('xss-md')) "
    "$x^2$ **stars**"
)


def _span(text: str, needle: str, after: int = 0) -> Span | None:
    if not needle:
        return None
    at = text.find(needle, after)
    if at < 0:
        raise ValueError(f"{needle!r} not in {text!r}")
    return Span(at, at + len(needle))


def make_event(
    article: Article,
    type_: str,
    evidence: str,
    trigger: str,
    place: tuple[str, str, str, str, float | None, float | None],
    *,
    date_text: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
    granularity: str = "none",
    place_text: str | None = None,
    uncertainty_km: float | None = None,
    actors: tuple[str, ...] = (),
) -> Event:
    place_id, name, country, level, lat, lon = place
    at = article.text.find(evidence)
    if at < 0:
        raise ValueError(f"evidence not in article {article.id}: {evidence!r}")
    place_text = name if place_text is None else place_text
    key = f"{article.id}:{at}:{type_}:{place_id}"
    return Event(
        id=hashlib.sha1(key.encode()).hexdigest()[:16],
        type=type_,
        cameo="043" if type_ == "visit" else "036",
        article_id=article.id,
        evidence=evidence,
        evidence_start=at,
        evidence_end=at + len(evidence),
        trigger_span=_span(evidence, trigger),
        date_start=start,
        date_end=end if end is not None else start,
        date_granularity=granularity if start else "none",
        date_basis="explicit" if start else "none",
        date_text=date_text,
        date_span=_span(evidence, date_text),
        reported=article.published,
        place_id=place_id,
        place_name=name,
        place_text=place_text,
        place_span=_span(evidence, place_text) if place_text else None,
        country_code=country,
        lat=lat,
        lon=lon,
        place_level=level,
        uncertainty_km=uncertainty_km,
        actors=actors,
        confidence=0.8,
        sources=(article.id,),
    )


ARTICLE_DEC = Article(
    id="004_c8b0ddb14abcdc66",
    title="Putin in Belarus: Strategic Alliances Deepen in Minsk Talks",
    published=dt.date(2024, 12, 4),
    published_basis="metadata",
    source="https://example.org/news/putin-minsk",
    text=(
        "Putin in Belarus: Strategic Alliances Deepen in Minsk Talks\n"
        "On December 3, Russian President Vladimir Putin met with Dmitry Mezentsev, State "
        "Secretary of the Union State of Russia and Belarus, at the Kremlin. "
        + MINSK_DEC + "\n"
        "Putin’s December trip follows his May 2024 visit to Minsk shortly after his "
        "re-election as Russian President. This year alone, Putin and Belarusian President "
        "Alexander Lukashenko have held ten meetings, the most recent at the CSTO summit in "
        "Astana on November 28.\n"
        "Belarus currently operates several of such S-400 air defense and Iskander missile "
        "systems, both declared operational in December 2022.\n"
    ),
)

ARTICLE_JUL = Article(
    id="000_6071332e53ed9011",
    title="Russia-Belarus Talks in St. Petersburg Highlight Union State Ties",
    published=dt.date(2023, 7, 23),
    published_basis="metadata",
    source="geotimeline sample article",
    text=(
        "Russia-Belarus Talks in St. Petersburg Highlight Union State Ties\n"
        "In St. Petersburg, Belarusian President Alexander Lukashenko and Russian President "
        "Vladimir Putin met at the Konstantinovsky Palace. Lukashenko presented a map that "
        "purportedly showed the movement of Polish troops toward the borders of the Union "
        "State. " + BREST_GRODNO + "\n"
    ),
)

ARTICLE_XSS = Article(
    id="xss_article",
    title="Hostile <script>alert('xss-title')</script> title",
    published=dt.date(2024, 6, 1),
    published_basis="metadata",
    source="javascript:alert('xss-source')",
    text="Intro. Putin met officials in Minsk on June 1. " + XSS + "\n",
)

_PUTIN, _LUKA = "Vladimir Putin", "Alexander Lukashenko"


def sample_articles() -> list[Article]:
    return [ARTICLE_DEC, ARTICLE_JUL]


def sample_events() -> list[Event]:
    dec, jul = ARTICLE_DEC, ARTICLE_JUL
    day = dt.date
    return [
        make_event(
            dec, "meeting",
            "On December 3, Russian President Vladimir Putin met with Dmitry Mezentsev, State "
            "Secretary of the Union State of Russia and Belarus, at the Kremlin.",
            "met", KREMLIN, date_text="December 3", start=day(2024, 12, 3), granularity="day",
            actors=(_PUTIN, "Dmitry Mezentsev"),
        ),
        make_event(
            dec, "summit", MINSK_DEC, "Supreme State Council", MINSK, date_text="December 6",
            start=day(2024, 12, 6), granularity="day", actors=(_PUTIN, _LUKA),
        ),
        make_event(
            dec, "visit",
            "Putin’s December trip follows his May 2024 visit to Minsk shortly after his "
            "re-election as Russian President.",
            "visit", MINSK, date_text="May 2024", start=day(2024, 5, 1), end=day(2024, 5, 31),
            granularity="month", actors=(_PUTIN,),
        ),
        make_event(
            dec, "summit",
            "This year alone, Putin and Belarusian President Alexander Lukashenko have held ten "
            "meetings, the most recent at the CSTO summit in Astana on November 28.",
            "summit", ASTANA, date_text="November 28", start=day(2024, 11, 28), granularity="day",
            actors=(_PUTIN, _LUKA),
        ),
        make_event(
            dec, "deployment",
            "Belarus currently operates several of such S-400 air defense and Iskander missile "
            "systems, both declared operational in December 2022.",
            "operates", BELARUS, date_text="December 2022", start=day(2022, 12, 1),
            end=day(2022, 12, 31), granularity="month",
        ),
        make_event(
            jul, "meeting",
            "In St. Petersburg, Belarusian President Alexander Lukashenko and Russian President "
            "Vladimir Putin met at the Konstantinovsky Palace.",
            "met", PALACE, actors=(_LUKA, _PUTIN),
        ),
        make_event(
            jul, "deployment",
            "Lukashenko presented a map that purportedly showed the movement of Polish troops "
            "toward the borders of the Union State.",
            "movement", POLAND, place_text="Polish",
        ),
        make_event(
            jul, "deployment", BREST_GRODNO, "brigade", BREST, place_text="Brest",
            uncertainty_km=25,
        ),
        make_event(
            jul, "deployment", BREST_GRODNO, "brigade", GRODNO, place_text="Grodno",
            uncertainty_km=100,
        ),
    ]


def xss_events() -> list[Event]:
    art = ARTICLE_XSS
    evidence = "Putin met officials in Minsk on June 1. " + XSS
    at = art.text.find(evidence)
    assert at >= 0
    base = make_event(
        art, "meeting", "Putin met officials in Minsk on June 1.", "met",
        ("xss-place", "Minsk <img src=x onerror=alert('xss-place')>", "BY", "city", 53.91, 27.6),
        date_text="June 1", start=dt.date(2024, 6, 1), granularity="day",
        place_text="Minsk", actors=("<script>alert('xss-actor')</script>",),
    )
    from dataclasses import replace

    return [replace(base, evidence=evidence, evidence_end=at + len(evidence))]


def unlocated_event() -> Event:
    """An event whose place could not be resolved (no coordinates)."""
    from dataclasses import replace

    base = sample_events()[5]
    return replace(base, id="unlocated", place_id="", place_name="", lat=None, lon=None,
                   place_level="", country_code="")


def fill_store(path: Path, *, xss: bool = False, unlocated: bool = False) -> Path:
    with Store(path) as store:
        events = sample_events()
        for article in sample_articles():
            mine = [e for e in events if e.article_id == article.id]
            if unlocated and article.id == ARTICLE_JUL.id:
                mine.append(unlocated_event())
            store.add(article, mine)
        if xss:
            store.add(ARTICLE_XSS, xss_events())
    return path
