"""Adding articles from the browser: uploads go from memory to the store, never to a file path.

An upload's bytes are handed to ``events.ingest.ingest_bytes``; its name only tells the format
and the default article id. Nothing is written to disk under a name the browser chose, so a name
like ``../../etc/passwd`` or ``C:\\x\\..\\y.txt`` cannot place a file anywhere. Each file is
refused or ingested on its own, with a one-line message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from dashboard import busy
from dashboard.diagnose import no_event_reason
from dashboard.passage import esc
from events.exc import EventsError
from events.store import Store

# Keep in step with server.maxUploadSize in .streamlit/config.toml (the browser-side limit).
MAX_UPLOAD_MB = 20
ACCEPTED = ("txt", "md", "html", "htm", "json", "jsonl")
K_RESULTS, K_FORM = "gt_upload_results", "gt_upload_form"
# Control characters (and DEL) have no place in a file name shown back to the user.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class UploadResult:
    name: str
    ok: bool
    message: str


def safe_name(name: str) -> str:
    """The last component of an uploaded name, separators of both kinds and ``..`` removed."""
    base = _CONTROL.sub("", str(name)).replace("\\", "/").rsplit("/", 1)[-1].strip()
    base = base.lstrip(".").strip()
    return base or "upload.txt"


def ingest_upload(name: str, data: bytes, store: Store) -> UploadResult:
    """One uploaded file into ``store``; never raises for a bad file."""
    from events.ingest import ingest_bytes

    label = safe_name(name)
    size_mb = len(data) / 1_000_000
    if len(data) > MAX_UPLOAD_MB * 1_000_000:
        return UploadResult(label, False, f"{label}: too large ({size_mb:.1f} MB; the limit is "
                                          f"{MAX_UPLOAD_MB} MB)")
    suffix = Path(label).suffix.lower().lstrip(".")
    if suffix not in ACCEPTED:
        kind = f"a .{suffix} file" if suffix else "a file without a type"
        return UploadResult(label, False, f"{label}: not added: {kind} is not an article; "
                                          f"the dashboard reads {', '.join(ACCEPTED)}")
    result = ingest_bytes(label, data, store)
    if result.error:
        return UploadResult(label, False, result.error)
    articles = len(result.article_ids)
    # Replacements are said, never silent (ingest names the article and why).
    replaced = "".join(f"; {note.removeprefix(f'{label}: ')}" for note in result.replaced)
    why = ""
    if result.events == 0 and articles == 1:
        article = store.article(result.article_ids[0])
        if article is not None:
            why = f" ({no_event_reason(article)})"
    return UploadResult(
        label, True,
        f"{label}: {articles} article{'s' if articles != 1 else ''}, "
        f"{result.events} event{'s' if result.events != 1 else ''}{why}{replaced}",
    )


def upload_form(store_path: Path) -> bool:
    """The uploader (call inside a sidebar container). True when something was stored."""
    changed = False
    with st.form(K_FORM, clear_on_submit=True, border=False):
        files = st.file_uploader(
            f"Articles (txt, md, html, json, jsonl; up to {MAX_UPLOAD_MB} MB each)",
            # Any type is taken and refused here with a reason: a browser-side filter would
            # make a .png or .pdf vanish from the list without a word.
            type=None, accept_multiple_files=True, max_upload_size=MAX_UPLOAD_MB,
        )
        submitted = st.form_submit_button("Add to the map", width="stretch")
    if submitted and files:
        results = []
        try:
            with st.spinner("Reading and extracting…"), busy.writing(store_path), \
                    Store(store_path) as store:
                for upload in files:
                    results.append(ingest_upload(upload.name, upload.getvalue(), store))
        except (EventsError, OSError) as e:
            results.append(UploadResult("", False, f"Cannot write to the event store: {e}"))
        st.session_state[K_RESULTS] = results
        changed = any(r.ok for r in results)
    for result in st.session_state.get(K_RESULTS, []):
        kind = "gt-ok" if result.ok else "gt-err"
        # st.error/st.success would read the message as Markdown; a file name is not trusted.
        st.html(f'<div class="gt-upload {kind}">{esc(result.message)}</div>')
    return changed
