"""Reading article files (txt, md, html, json, jsonl) into normalised ``Article`` values.

Every reader ends in the same place: NFC text with ``\\n`` line ends, an id (the header's ``id``,
else the file stem), a title, a publication date with its basis, a source and any other header
keys in ``meta``. Anything that cannot be read raises ``ArticleError`` with one line naming the
file and the reason; nothing here writes anywhere.
"""

from __future__ import annotations

import codecs
import copy
import dataclasses
import datetime as dt
import email.utils
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from events.exc import ArticleError
from events.model import Article
from events.parts import MAX_ARTICLE_CHARS, split_long

SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
# Larger files are refused before reading; 50 MB of plain text still fits.
MAX_FILE_BYTES = 64 * 1024 * 1024
# An HTML page is parsed whole into a tree that the text and date extractors copy: about 75 MB
# of memory per MB of dense markup, so larger pages are refused (a news page is rarely 1 MB).
MAX_HTML_BYTES = 3 * 1024 * 1024
# A publication year outside this range is a typo or garbage, not a news article.
MIN_YEAR, MAX_YEAR = 1800, 2100
# Header keys with a meaning of their own; every other key goes to ``Article.meta``.
_KNOWN_KEYS = ("id", "title", "published", "date", "source", "url")
# A first body line longer than this is a paragraph, not a title.
_MAX_TITLE_CHARS = 200

# File signatures of binary formats people scrape by mistake, checked before any decoding.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"%PDF-", "PDF document"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "executable"),
    (b"MZ\x90\x00", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
)
# Control characters that never occur in text (tab, newline, CR, form feed excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Front matter opens with a line of three dashes and closes with "---" (or YAML's "...").
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
# "key: value" in a header; keys are simple identifiers, compared lower-case.
_HEADER_LINE = re.compile(r"^([A-Za-z_][\w.-]*)[ \t]*:[ \t]*(.*)$")
# ISO dates, optionally with a time and zone (only the calendar date is kept); years of any
# length so that "99999-01-01" gets a clear "year out of range" message.
# The time must be a real one (hours 0-23, minutes 0-59, seconds up to a leap 60) and so must
# the zone offset (at most 14 hours): "T25:00:00" or "+99:99" are garbage, not a date.
_ISO_DATE = re.compile(
    r"^(\d{4,})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](?:[01]?\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60)(?:[.,]\d+)?)?[ ]?"
    r"(?:Z|UTC|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)?)?$"
)
# Dates written out in words, as some scrapers store them ("February 3, 2023", "3 Feb 2023").
_WORDY_DATES = ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y",
                "%b. %d, %Y")
# Legacy encodings preferred when the detector finds several about equally plausible.
_COMMON_LEGACY = ("cp1252", "cp1251", "koi8_r", "cp1250", "iso8859_15")
# An HTML page's declared charset, for legacy pages that are not UTF-8.
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# Characters that no text holds but a str can: NUL, and halves of UTF-16 surrogate pairs, which
# cannot even be encoded (so the store fails on them). JSON escapes ("\u0000", "\ud800") make
# them, and so does Python for a file name that is not UTF-8 ("caf\xe9.txt" -> "caf\udce9").
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
# Values quoted in an error message are cut to this many characters: the line stays readable
# when a header value is a megabyte long.
_MAX_QUOTED = 60
# Elements holding code or styling, never article text. trafilatura drops them itself, but not
# on every path: on a page with a stray "<" before a script, its fallback kept the script's code
# as text. JSON-LD stays: trafilatura reads the title and author from it.
_CODE_ELEMENTS = "//script[not(@type='application/ld+json')]|//style|//noscript|//template"
# Why a decoder stops on a multi-byte character cut off by the end of the data.
_TRUNCATED = ("unexpected end of data", "truncated data")


def iter_files(
    paths: Iterable[str | os.PathLike[str]], *, skipped: list[tuple[str, str]] | None = None
) -> Iterator[Path]:
    """The files to read: directories expanded recursively (sorted), other paths kept as given.

    Inside directories only files with a supported suffix are taken, and hidden files and
    folders (names starting with ".") are skipped; each skipped one is appended to ``skipped``
    as (path, reason) when given. A path that is not a directory is yielded as it is, even when
    it does not exist or has another suffix, so that ``read_path`` reports it. Each file once.
    """
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, passed = [], []
            for root, dirs, files in os.walk(path):
                passed += [(Path(root) / d, "hidden folder") for d in dirs if d.startswith(".")]
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for f in files:
                    if f.startswith("."):
                        passed.append((Path(root) / f, "hidden file"))
                    elif Path(f).suffix.lower() not in SUFFIXES:
                        passed.append((Path(root) / f, "unsupported type"))
                    else:
                        found.append(Path(root) / f)
            candidates = sorted(found)
            if skipped is not None:
                skipped += [(str(p), reason) for p, reason in sorted(passed)
                            if os.path.abspath(p) not in seen]
                seen.update(os.path.abspath(p) for p, _ in passed)
        else:
            candidates = [path]
        for candidate in candidates:
            key = os.path.abspath(candidate)
            if key not in seen:
                seen.add(key)
                yield candidate


def read_path(path: str | os.PathLike[str]) -> list[Article]:
    """The articles in one file (a ``.jsonl`` or a JSON list may hold many).

    Raises ArticleError (one line: the path and the reason) when the file is missing, too
    large, binary, undecodable or malformed.
    """
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ArticleError(f"{name}: is a directory, not a file")
        if not path.is_file():  # a FIFO or a device would block or never end
            raise ArticleError(f"{name}: not a regular file")
        _check_suffix(name, path.suffix)
        if size > MAX_FILE_BYTES:
            raise ArticleError(f"{name}: {_too_large(size)}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{name}: no such file") from None
    except PermissionError:
        raise ArticleError(f"{name}: cannot read it (permission denied)") from None
    except OSError as e:
        raise ArticleError(f"{name}: cannot read it ({e.strerror or e})") from None
    return _parse(name, _storable(path.stem), path.suffix.lower(), data,
                  _storable(os.path.abspath(path)))


def read_bytes(name: str, data: bytes) -> list[Article]:
    """The articles in uploaded bytes; ``name`` (only its last component is used) gives the format
    and the default id."""
    base = Path(str(name).replace("\\", "/")).name
    _check_suffix(base, Path(base).suffix)
    if len(data) > MAX_FILE_BYTES:
        raise ArticleError(f"{base}: {_too_large(len(data))}")
    return _parse(base, _storable(Path(base).stem), Path(base).suffix.lower(), data,
                  _storable(f"upload:{base}"))


def parse_published(value: object, name: str = "") -> dt.date | None:
    """A strict publication date: ISO ``YYYY-MM-DD`` (a time part is allowed and dropped) or an
    RFC 2822 date as in feeds. Empty is None; an impossible or absurd date raises ArticleError."""
    prefix = f"{name}: " if name else ""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    else:
        if not isinstance(value, str):
            raise ArticleError(
                f"{prefix}published date must be a string, got {type(value).__name__}"
            )
        text = _unquote(value.strip())
        if not text:
            return None
        day = _parse_date_text(text, prefix)
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ArticleError(
            f"{prefix}published date {_quoted(value)} has year {day.year}, "
            f"outside {MIN_YEAR}-{MAX_YEAR}"
        )
    return day


def _quoted(value: object) -> str:
    """``repr(value)`` for an error message, cut after ``_MAX_QUOTED`` characters."""
    if isinstance(value, str) and len(value) > _MAX_QUOTED:
        return f"{value[:_MAX_QUOTED]!r}... ({len(value):,} characters)"
    return repr(value)


def _parse_date_text(text: str, prefix: str) -> dt.date:
    shown = _quoted(text)
    match = _ISO_DATE.match(text)
    if match:
        digits, month, day = match.groups()
        # int() refuses strings of 4,300+ digits (ValueError); any year that long is absurd.
        year = digits.lstrip("0") or "0"
        if len(year) > 4 or not MIN_YEAR <= int(year) <= MAX_YEAR:
            year = year if len(year) <= 12 else f"of {len(year):,} digits"
            raise ArticleError(
                f"{prefix}published date {shown} has year {year}, outside {MIN_YEAR}-{MAX_YEAR}"
            )
        try:
            return dt.date(int(year), int(month), int(day))
        except ValueError as e:
            raise ArticleError(f"{prefix}published date {shown} is impossible ({e})") from None
    for pattern in _WORDY_DATES:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError as e:
            if "out of range" in str(e):
                raise ArticleError(
                    f"{prefix}published date {shown} is impossible ({e})"
                ) from None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        raise ArticleError(
            f"{prefix}published date {shown} is not a date (expected YYYY-MM-DD)"
        ) from None


def _storable(name: str) -> str:
    """A file name as an id or source: any character of ``_NOT_TEXT`` shown as its escape."""
    return _NOT_TEXT.sub(lambda m: _escaped(m.group()), name)


def _escaped(char: str) -> str:
    return char.encode("unicode_escape").decode("ascii")


def _check_suffix(name: str, suffix: str) -> None:
    if suffix.lower() not in SUFFIXES:
        shown = repr(suffix) if suffix else "no suffix"
        raise ArticleError(
            f"{name}: unsupported file type {shown} (supported: {', '.join(SUFFIXES)})"
        )


def _too_large(size: int) -> str:
    return f"file is {size / 2**20:.1f} MB, larger than the {MAX_FILE_BYTES // 2**20} MB limit"


def _parse(name: str, stem: str, suffix: str, data: bytes, default_source: str) -> list[Article]:
    articles = _parse_whole(name, stem, suffix, data, default_source)
    # Texts longer than any news story are read as several articles (events.parts says why).
    if all(len(a.text) <= MAX_ARTICLE_CHARS for a in articles):
        return articles
    return _unique(name, [part for article in articles for part in split_long(article)])


def _parse_whole(name: str, stem: str, suffix: str, data: bytes, default_source: str) -> list[Article]:
    if suffix in (".html", ".htm"):
        return [_read_html(name, stem, data, default_source)]
    text = decode(data, name)
    if suffix == ".json":
        return _read_json(name, stem, text, default_source)
    if suffix == ".jsonl":
        return _read_jsonl(name, stem, text, default_source)
    return [_read_text(name, stem, text, default_source, markdown=suffix == ".md")]


def decode(data: bytes, name: str = "", declared: str | None = None) -> str:
    """Bytes to normalised text: UTF-8 (BOM or not), UTF-16/32 with a BOM, else the declared or
    detected legacy encoding (cp1251, latin-1...). Binary data raises ArticleError."""
    prefix = f"{name}: " if name else ""
    if not data:
        raise ArticleError(f"{prefix}empty file")
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ArticleError(f"{prefix}binary data ({kind}), not a text article")
    text = _decode_with_bom(data, prefix)
    if text is None:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise ArticleError(f"{prefix}contains NUL bytes (first at byte {nul}): binary data")
        text = _decode_without_bom(data, declared)
        if text is None:
            raise ArticleError(f"{prefix}not UTF-8 and no known text encoding fits: binary data?")
    _check_controls(text, prefix)
    return normalise(text)


def _check_controls(text: str, prefix: str, what: str = "the text") -> None:
    """Refuse text with a NUL or more than the odd control character: it is binary data."""
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if "\x00" in text or controls > max(2, len(sample) // 100):
        raise ArticleError(f"{prefix}{controls} control characters in {what}: binary data")


def normalise(text: str) -> str:
    """NFC, ``\\r\\n`` and lone ``\\r`` as ``\\n``, no BOM."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _decode_with_bom(data: bytes, prefix: str) -> str | None:
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return _decode_cut(data, encoding)
            except UnicodeDecodeError as e:
                raise ArticleError(
                    f"{prefix}invalid {encoding.upper()} after its byte-order mark"
                    f" at byte {e.start}"
                ) from None
    return None


def _decode_cut(data: bytes, encoding: str) -> str:
    """``data.decode(encoding)``, except that a last character cut in two (a truncated download,
    ``head -c``) is dropped instead of making the whole file undecodable."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        if e.reason in _TRUNCATED and e.end == len(data):
            return data[: e.start].decode(encoding)
        raise


def _decode_without_bom(data: bytes, declared: str | None) -> str | None:
    try:
        return _decode_cut(data, "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    # Imported here: detection is only needed for the rare legacy file.
    import charset_normalizer

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    # Short Western text often fits several code pages about equally (French in cp1257 looks
    # as clean as in cp1252); among near-equals, take the encodings news scrapes really use.
    for encoding in _COMMON_LEGACY:
        for match in matches:
            if encoding in match.could_be_from_charset and match.chaos <= best.chaos + 0.05:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    break
    return str(best)


def _read_text(name: str, stem: str, text: str, source: str, *, markdown: bool) -> Article:
    header, body = _split_front_matter(name, text)
    body = body.strip()
    if not body:
        reason = "no text after the front matter" if header else "contains only whitespace"
        raise ArticleError(f"{name}: {reason}")
    title = header.get("title") or _first_line_title(body, markdown=markdown)
    return _build(name, header, body, stem=stem, title=title, source=source, basis="metadata")


def _split_front_matter(name: str, text: str) -> tuple[dict[str, str], str]:
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if first.strip() != "---":
        return {}, text
    close = _FRONT_CLOSE.search(text, first_end + 1) if first_end >= 0 else None
    if close is None:
        raise ArticleError(f"{name}: front matter opened with '---' on line 1 is never closed")
    header: dict[str, str] = {}
    last_key = None
    block = text[first_end + 1 : close.start()]
    for lineno, line in enumerate(block.split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if last_key and (line[0] in " \t" or line.startswith("- ")):
            # YAML-style continuation or list item: kept as one comma-separated string.
            item = _unquote(line.strip().removeprefix("- ").strip())
            header[last_key] = f"{header[last_key]}, {item}" if header[last_key] else item
            continue
        match = _HEADER_LINE.match(line)
        if match is None:
            raise ArticleError(
                f"{name}: front matter line {lineno} is not 'key: value': {line[:60]!r}"
            )
        last_key = match.group(1).lower()
        header[last_key] = _unquote(match.group(2).strip())
    return header, text[close.end() :]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _first_line_title(body: str, *, markdown: bool) -> str:
    for line in body.split("\n", 20)[:20]:
        line = line.strip()
        if markdown:
            line = line.lstrip("#").strip()
        if line:
            return line if len(line) <= _MAX_TITLE_CHARS else ""
    return ""


def _build(
    name: str,
    header: Mapping[str, str],
    text: str,
    *,
    stem: str,
    title: str,
    source: str,
    basis: str,
) -> Article:
    article_id = (header.get("id") or "").strip() or stem
    raw_date = header.get("published") or header.get("date")
    published = parse_published(raw_date, name)
    if header.get("source"):
        source = header["source"]
    elif header.get("url"):
        source = header["url"]
    meta = [(k, v) for k, v in header.items() if k not in _KNOWN_KEYS]
    if header.get("source") and header.get("url"):
        meta.append(("url", header["url"]))
    if header.get("published") and header.get("date"):
        meta.append(("date", header["date"]))
    return Article(
        id=article_id,
        text=text,
        title=normalise(title.strip()),
        published=published,
        published_basis=basis if published else "none",
        source=source,
        meta=tuple(meta),
    )


def _read_html(name: str, stem: str, data: bytes, source: str) -> Article:
    if len(data) > MAX_HTML_BYTES:
        raise ArticleError(
            f"{name}: HTML page of {len(data) / 2**20:.1f} MB, larger than the "
            f"{MAX_HTML_BYTES // 2**20} MB limit for HTML (a page is parsed whole); "
            "save its text as .txt to add it"
        )
    declared = _HTML_CHARSET.search(data[:4096])
    html = decode(data, name, declared.group(1).decode("ascii", "replace") if declared else None)
    if not html.strip():
        raise ArticleError(f"{name}: contains only whitespace")
    # Imported here: trafilatura and htmldate are slow to import and only HTML needs them.
    import htmldate
    import trafilatura
    from trafilatura.utils import load_html

    # Both libraries get a parsed tree, never the string: htmldate DOWNLOADS a string argument
    # that starts with "http" and has no spaces, so an uploaded file holding a URL would make
    # this process fetch it. Parsing (lxml, no network) never fetches; each library copies the
    # tree before changing it. htmldate gets the scripts too (dates hide in them).
    try:
        tree = load_html(html)
        doc = None if tree is None else trafilatura.bare_extraction(
            _without_code(tree), with_metadata=True, favor_recall=True, include_comments=False
        )
    except Exception as e:  # noqa: BLE001 - a parser failure on hostile HTML is a per-file error
        raise ArticleError(f"{name}: HTML could not be parsed ({type(e).__name__})") from None
    text = normalise((getattr(doc, "text", None) or "").strip()) if doc is not None else ""
    if not text:
        raise ArticleError(f"{name}: no article text found in the HTML")
    try:
        found = htmldate.find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 - date guessing is best effort; no date is a valid outcome
        found = None
    published = None
    if found:
        try:
            published = parse_published(found, name)
        except ArticleError:
            published = None  # a guessed date that makes no sense is no date, not a bad file
    header = {"id": "", "title": getattr(doc, "title", None) or ""}
    for key in ("url", "author", "sitename"):
        value = getattr(doc, key, None)
        if value:
            header[key] = str(value)
    article = _build(name, header, text, stem=stem, title=header["title"], source=source,
                     basis="html")
    if published is not None:
        article = dataclasses.replace(article, published=published, published_basis="html")
    return article


def _without_code(tree):  # an lxml.html element (untyped: lxml is imported with trafilatura)
    """A copy of ``tree`` without its ``_CODE_ELEMENTS``; the text that follows each stays."""
    tree = copy.deepcopy(tree)
    for element in tree.xpath(_CODE_ELEMENTS):
        if element.getparent() is not None:
            element.drop_tree()
    return tree


def _loads(text: str, at: str, *, line: bool = False) -> object:
    """``json.loads`` whose every failure is an ArticleError starting with ``at`` ("name: " or
    "name: line 3: "); ``line`` leaves the line number out (it is in ``at``)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        # Python's messages end "... at" where it appends the position itself: drop that word.
        reason = e.msg.removesuffix(" at").removesuffix(" starting")
        where = f"column {e.colno}" if line else f"line {e.lineno} column {e.colno}"
        raise ArticleError(f"{at}invalid JSON at {where}: {reason}") from None
    except RecursionError:
        raise ArticleError(f"{at}invalid JSON: nested too deeply to read") from None
    except ValueError:  # Python refuses to convert integers of more than 4,300 digits
        raise ArticleError(
            f"{at}invalid JSON: an integer of more than {sys.get_int_max_str_digits():,} digits"
        ) from None


def _read_json(name: str, stem: str, text: str, source: str) -> list[Article]:
    data = _loads(text, f"{name}: ")
    if isinstance(data, dict):
        return [_from_mapping(name, data, default_id=stem, source=source)]
    if isinstance(data, list):
        if not data:
            raise ArticleError(f"{name}: empty JSON list, no articles")
        articles = [
            _from_mapping(name, item, default_id=f"{stem}-{i}", source=source, where=f"item {i}")
            for i, item in enumerate(data, start=1)
        ]
        return _unique(name, articles)
    raise ArticleError(
        f"{name}: JSON must be an object or a list of objects, got {type(data).__name__}"
    )


def _read_jsonl(name: str, stem: str, text: str, source: str) -> list[Article]:
    articles = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        item = _loads(line, f"{name}: line {lineno}: ", line=True)
        articles.append(
            _from_mapping(name, item, default_id=f"{stem}-{lineno}", source=source,
                          where=f"line {lineno}")
        )
    if not articles:
        raise ArticleError(f"{name}: contains only whitespace")
    return _unique(name, articles)


def _from_mapping(
    name: str, item: object, *, default_id: str, source: str, where: str = ""
) -> Article:
    at = f"{name}: {where}: " if where else f"{name}: "
    if not isinstance(item, dict):
        raise ArticleError(f"{at}expected a JSON object, got {type(item).__name__}")
    text = item.get("text")
    if "text" not in item:
        raise ArticleError(f"{at}no 'text' field")
    if not isinstance(text, str):
        raise ArticleError(f"{at}'text' must be a string, got {type(text).__name__}")
    text = normalise(text).strip()
    if not text:
        raise ArticleError(f"{at}'text' is empty")
    # JSON escapes ("\u0000", "\ud800") reach past the checks decode() made on the file's bytes.
    _check_controls(text, at, "'text'")
    _check_string(text, at, "'text'")
    header: dict[str, str] = {}
    for key, value in item.items():
        key = str(key).lower()
        _check_string(key, at, "a key")
        if key == "text":
            continue
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if key in _KNOWN_KEYS:
            if value is None:
                continue
            if not isinstance(value, str):
                raise ArticleError(f"{at}{key!r} must be a string, got {type(value).__name__}")
            header[key] = value
        elif isinstance(value, str):
            header[key] = value
        else:
            header[key] = json.dumps(value, ensure_ascii=False)
        _check_string(header[key], at, f"the value of {_quoted(key)}")
    try:
        return _build(name, header, text, stem=default_id, title=header.get("title", ""),
                      source=source, basis="metadata")
    except ArticleError as e:
        if where:
            raise ArticleError(str(e).replace(f"{name}: ", at, 1)) from None
        raise


def _check_string(value: str, at: str, what: str) -> None:
    """Refuse a JSON string that is not text: a NUL or half of a surrogate pair in it."""
    bad = _NOT_TEXT.search(value)
    if bad:
        raise ArticleError(
            f"{at}{what} holds {_escaped(bad.group())} at character {bad.start()}, not text"
        )


def _unique(name: str, articles: list[Article]) -> list[Article]:
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            raise ArticleError(f"{name}: article id {_quoted(article.id)} occurs twice")
        seen.add(article.id)
    return articles
