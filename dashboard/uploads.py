"""Adding articles from the browser: uploads go from memory to the store, never to a file path.

An upload's bytes are handed to ``events.ingest.ingest_bytes``; its name only tells the format
and the default article id. Nothing is written to disk under a name the browser chose, so a name
like ``../../etc/passwd`` or ``C:\\x\\..\\y.txt`` cannot place a file anywhere. Each file is
refused or ingested on its own, with a one-line message. A thread of its own stores the files
(``dashboard.background``) while the page shows the progress by bytes, can cancel, and stays
usable; at most ``MAX_UPLOAD_FILES`` files are taken at a time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from dashboard import background
from dashboard.diagnose import no_event_reason
from dashboard.passage import esc
from events.store import Store

# Keep in step with server.maxUploadSize in .streamlit/config.toml (the browser-side limit).
MAX_UPLOAD_MB = 20
ACCEPTED = ("txt", "md", "html", "htm", "json", "jsonl")
K_RESULTS, K_FORM, K_JOB = "gt_upload_results", "gt_upload_form", "gt_upload_job"
# Files past this many in one upload are refused: each is held in memory until it is stored.
MAX_UPLOAD_FILES = 100
# How long the run that starts an upload waits for it before showing its progress instead.
_SHOWN_AT_ONCE_S = 2.0
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


def ingest_upload(name: str, data: bytes, store: Store,
                  done: Callable[[int, int], None] | None = None) -> UploadResult:
    """One uploaded file into ``store``; never raises for a bad file. ``done(i, n)`` is called
    after each of its ``n`` articles is extracted (see ``ingest_bytes``)."""
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
    result = ingest_bytes(label, data, store, done=done)
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


def running() -> bool:
    """Whether this session has an upload being stored right now."""
    job = st.session_state.get(K_JOB)
    return job is not None and not job.finished.is_set()


def upload_form(store_path: Path) -> bool:
    """The uploader (call inside a sidebar container). True when an upload of this session
    finished storing since the last run (its results are shown then)."""
    changed = False
    job: background.UploadJob | None = st.session_state.get(K_JOB)
    if job is not None and job.finished.is_set():
        changed, job = _collect(job), None
    with st.form(K_FORM, clear_on_submit=True, border=False):
        files = st.file_uploader(
            f"Articles (txt, md, html, json, jsonl; up to {MAX_UPLOAD_MB} MB each, "
            f"{MAX_UPLOAD_FILES} at a time)",
            # Any type is taken and refused here with a reason: a browser-side filter would
            # make a .png or .pdf vanish from the list without a word.
            type=None, accept_multiple_files=True, max_upload_size=MAX_UPLOAD_MB,
        )
        submitted = st.form_submit_button("Add to the map", width="stretch")
    if submitted and files and job is not None:
        st.session_state[K_RESULTS] = st.session_state.get(K_RESULTS, []) + [
            _refusal(upload.name, f"{safe_name(upload.name)}: not added: the upload before it is "
                                  "still being stored; add it again when that is done")
            for upload in files]
    elif submitted and files:
        st.session_state[K_RESULTS] = []
        job = st.session_state[K_JOB] = start_upload(
            [(upload.name, upload.getvalue()) for upload in files], store_path)
        # A small upload is done within moments: shown at once, as if stored in this run.
        job.finished.wait(_SHOWN_AT_ONCE_S)
    if job is not None and job.finished.is_set():
        changed, job = _collect(job) or changed, None
    if job is not None:
        _progress(job)
    for result in st.session_state.get(K_RESULTS, []):
        kind = "gt-ok" if result.ok else "gt-err"
        # st.error/st.success would read the message as Markdown; a file name is not trusted.
        st.html(f'<div class="gt-upload {kind}">{esc(result.message)}</div>')
    return changed


def _collect(job: background.UploadJob) -> bool:
    """A finished upload's results, to show from now on; True when it stored something."""
    del st.session_state[K_JOB]
    st.session_state[K_RESULTS] = list(job.results)
    return any(r.ok for r in job.results)


def start_upload(files: list[tuple[str, bytes]], store_path: Path) -> background.UploadJob:
    """Store ``files`` ((name, bytes)) in the background; past ``MAX_UPLOAD_FILES``, each file
    is refused in one line (the first ones are stored)."""
    refused = tuple(_refusal(name, f"{safe_name(name)}: not added: at most {MAX_UPLOAD_FILES} files "
                                   "at a time") for name, _ in files[MAX_UPLOAD_FILES:])
    del files[MAX_UPLOAD_FILES:]
    return background.start(files, store_path, ingest_upload, _refusal, refused=refused)


def _refusal(name: str, message: str) -> UploadResult:
    return UploadResult(safe_name(name) if name else "", False, message)


@st.fragment(run_every=1)
def _progress(job: background.UploadJob) -> None:
    """The running upload's progress, looked at again every second; the whole page reruns
    (and shows the new events) once it is done."""
    if job.finished.is_set():
        st.rerun(scope="app")
    done, total = job.done_bytes, job.total_bytes
    # (the progress text is Markdown: the file's name, which is not trusted, goes in HTML)
    st.progress(job.fraction(), text=f"Reading and extracting: {done / 1e6:.1f} of "
                                     f"{total / 1e6:.1f} MB, {len(job.results)} of "
                                     f"{len(job.names)} files done")
    if job.current:
        st.html(f'<div class="gt-key">Now: {esc(safe_name(job.current))}</div>')
    if job.cancel_requested.is_set():
        st.caption("Cancelling: the files already stored stay.")
    elif st.button("Cancel", key="gt_upload_cancel"):
        job.cancel()
