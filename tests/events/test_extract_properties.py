"""Property-based tests: extract() on arbitrary text never raises and keeps its invariants."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.extract import extract
from events.model import EVENT_TYPES, GRANULARITIES, Article

# Words that make the extractor work hard: triggers, places, dates, negations and punctuation.
VOCABULARY = [
    "met", "visit", "visited", "summit", "talks", "troops", "deployed", "exercise", "near", "in",
    "at", "to", "from", "Minsk", "Brest", "Astana", "Kremlin", "Polish", "Russian", "Putin",
    "December", "6", "May", "2024", "Tuesday", "yesterday", "next", "week", "100", "kilometers",
    "not", "if", "here", "the", ",", ".", "\n", "'s", "--", "February", "30", "Zapad-2021",
    "since", "2000", "St.", "Petersburg", "U.S.", "NATO", "CSTO", "<script>", "é", "\x00",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(VOCABULARY), max_size=60).map(" ".join),
)
anchors = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=anchors)
def test_extract_never_raises_and_keeps_its_invariants(text, published):
    article = Article(id="prop", text=text, published=published)
    for event in extract(article):
        assert event.type in EVENT_TYPES
        assert event.date_granularity in GRANULARITIES
        assert text[event.evidence_start:event.evidence_end] == event.evidence
        for span in (event.trigger_span, event.place_span, event.date_span):
            if span is not None:
                assert 0 <= span.start < span.end <= len(event.evidence)
        assert (event.date_start is None) == (event.date_end is None)
        if event.date_start is not None:
            assert event.date_start <= event.date_end
        else:
            assert event.date_granularity == "none"
        if event.lat is not None:
            assert -90 <= event.lat <= 90 and -180 <= event.lon <= 180
        assert event.id and event.article_id == "prop" and event.sources == ("prop",)
