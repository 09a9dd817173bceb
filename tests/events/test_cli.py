import csv
import io
import json
import re
import subprocess
import sys
import time
import types

import pytest
from pipeline_helpers import REPO, SAMPLE_ARTICLES, fake_extract
from tqdm import tqdm

import events
from events.articles import read_path
from events.cli import main
from events.store import Store


@pytest.fixture(autouse=True)
def stand_in_extractor(monkeypatch):
    """The CLI's extractor replaced by the deterministic stand-in (the real one is tested by
    its owner); installed as the module so the CLI's lazy import finds it."""
    module = types.ModuleType("events.extract")
    module.extract = fake_extract
    monkeypatch.setitem(sys.modules, "events.extract", module)
    monkeypatch.setattr(events, "extract", module, raising=False)


def expected_events():
    return [e for path in sorted(SAMPLE_ARTICLES.glob("*.txt")) for a in read_path(path)
            for e in fake_extract(a)]


def test_ingest_then_reingest(tmp_path, capsys):
    db = tmp_path / "s.sqlite"
    assert main(["ingest", str(SAMPLE_ARTICLES), "--db", str(db), "--no-progress"]) == 0
    err = capsys.readouterr().err
    n = len(expected_events())
    assert f"2 of 2 files ingested: 2 articles, {n} events" in err
    assert main(["ingest", str(SAMPLE_ARTICLES), "--db", str(db)]) == 0
    # The progress bar, on stderr, counts the input's bytes.
    size = sum(p.stat().st_size for p in SAMPLE_ARTICLES.glob("*.txt"))
    assert f"| 0.00/{tqdm.format_sizeof(size, divisor=1024)} [" in capsys.readouterr().err
    with Store(db) as store:
        assert store.counts() == {"articles": 2, "events": n}
        assert store.events() == expected_events()


def test_reingest_skips_unchanged_articles_unless_forced(tmp_path, capsys):
    calls = []
    module = sys.modules["events.extract"]

    def counting(article):
        calls.append(article.id)
        return fake_extract(article)

    module.extract = counting
    db = str(tmp_path / "s.sqlite")
    for argv, expected in ((["--workers", "1"], 2), ([], 0), (["--force"], 2)):
        calls.clear()
        assert main(["ingest", str(SAMPLE_ARTICLES), "--db", db, "--no-progress", *argv]) == 0
        assert len(calls) == expected, argv
    assert f"2 articles, {len(expected_events())} events" in capsys.readouterr().err


def test_ingest_reports_each_failed_file(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Leaders met in Minsk.")
    (tmp_path / "in" / "bad.json").write_text("[")
    missing = tmp_path / "missing.md"
    code = main(["ingest", str(tmp_path / "in"), str(missing), "--db", str(tmp_path / "s.sqlite")])
    assert code == 1
    err = capsys.readouterr().err
    assert "1 of 3 files ingested" in err and "2 files failed:" in err
    assert f"  {tmp_path / 'in' / 'bad.json'}: invalid JSON at line 1 column 2" in err
    assert f"  {missing}: no such file" in err
    with Store(tmp_path / "s.sqlite") as store:
        assert [a.id for a in store.articles()] == ["good"]


def test_json_that_python_cannot_parse_is_refused_and_the_batch_goes_on(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text("Leaders met in Minsk.")
    (folder / "b-deep.json").write_bytes(b"[" * 2_000 + b"]" * 2_000)
    (folder / "c-huge.json").write_bytes(b'{"text": "x", "n": ' + b"9" * 4_301 + b"}")
    (folder / "d-good.jsonl").write_text('{"id": "j", "text": "Putin visited Astana."}')
    db = tmp_path / "s.sqlite"
    assert main(["ingest", str(folder), "--db", str(db), "--no-progress", "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"  {folder / 'b-deep.json'}: invalid JSON: nested too deeply to read\n" in err
    assert (f"  {folder / 'c-huge.json'}: invalid JSON: an integer of more than 4,300 digits\n"
            in err)
    with Store(db) as store:
        assert sorted(a.id for a in store.articles()) == ["a-good", "j"]
    assert main(["extract", str(folder)]) == 1
    captured = capsys.readouterr()
    assert len(captured.err.strip().splitlines()) == 2 and "Traceback" not in captured.err
    assert {json.loads(line)["article"] for line in captured.out.splitlines()} <= {"a-good", "j"}


def test_a_changed_id_replaces_the_old_article_and_says_so(tmp_path, capsys):
    article = tmp_path / "in" / "story.txt"
    article.parent.mkdir()
    article.write_text("---\nid: old-id\n---\nPutin met Lukashenko in Minsk.\n")
    db = str(tmp_path / "s.sqlite")
    assert main(["ingest", str(article.parent), "--db", db, "--no-progress"]) == 0
    assert "files: 1 new\n" in capsys.readouterr().err
    article.write_text("---\nid: new-id\n---\nPutin met Lukashenko in Minsk.\n")
    assert main(["ingest", str(article.parent), "--db", db, "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "files: 1 replaced\n" in err
    assert (f"  {article}: replaced article 'old-id', an id the file no longer holds "
            "(now 'new-id')\n") in err
    with Store(db) as store:
        assert [a.id for a in store.articles()] == ["new-id"]
        assert {e.article_id for e in store.events()} <= {"new-id"}
    assert main(["ingest", str(article), "--db", db, "--no-progress"]) == 0
    assert "files: 1 unchanged\n" in capsys.readouterr().err


def test_every_file_in_a_folder_is_accounted_for(tmp_path, capsys):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Leaders met in Minsk.")
    (folder / "b.md").write_text("Leaders met in Astana.")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "sub" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "sub" / "NOTES").write_text("no extension")
    (folder / ".DS_Store").write_bytes(b"\x00")
    db = str(tmp_path / "s.sqlite")
    assert main(["ingest", str(folder), "--db", db, "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "files: 2 new, 1 skipped: hidden file, 3 skipped: unsupported type\n" in err
    listed = err.split("3 skipped (unsupported type):\n", 1)[1].splitlines()[:3]
    assert listed == [f"  {folder / 'scan.pdf'}", f"  {folder / 'sub' / 'NOTES'}",
                      f"  {folder / 'sub' / 'photo.png'}"]
    assert main(["ingest", str(folder), "--db", db, "--no-progress"]) == 0
    assert "files: 2 unchanged, 1 skipped: hidden file" in capsys.readouterr().err
    assert main(["extract", str(folder)]) == 0
    assert "3 skipped (unsupported type):" in capsys.readouterr().err


def test_export_from_a_missing_store_fails_and_creates_nothing(tmp_path, capsys):
    typo = tmp_path / "typo.sqlite"
    assert main(["export", "--db", str(typo)]) == 2
    assert capsys.readouterr().err == f"error: {typo}: no such store (ingest creates one)\n"
    assert list(tmp_path.iterdir()) == []


def test_db_help_states_the_real_default(capsys):
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "data/geotimeline.sqlite" in " ".join(capsys.readouterr().out.split())


def test_ingest_of_nothing_says_so(tmp_path, capsys):
    assert main(["ingest", str(tmp_path), "--db", str(tmp_path / "s.sqlite")]) == 1
    assert f"no article files found in {tmp_path}" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [[], ["ingest"], ["ingest", "x", "--workers", "0"], ["extract", "x", "--format", "xml"],
     ["dates", "x", "--anchor", "2023-02-30"], ["frobnicate"]],
)
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_unusable_store_exits_2(tmp_path, capsys):
    db = tmp_path / "not.sqlite"
    db.write_bytes(b"garbage" * 200)
    assert main(["ingest", str(SAMPLE_ARTICLES), "--db", str(db)]) == 2
    assert f"error: {db}: not a geotimeline store" in capsys.readouterr().err


def test_extract_jsonl(capsys):
    assert main(["extract", str(SAMPLE_ARTICLES)]) == 0
    out = capsys.readouterr().out
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == [e.id for e in expected_events()]
    assert {"article", "type", "lat", "lon", "date", "date_granularity"} <= set(records[0])


def test_extract_csv_and_geojson(capsys):
    assert main(["extract", str(SAMPLE_ARTICLES), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(expected_events())
    assert rows[0]["article_title"].startswith("Russia-Belarus Talks")
    assert main(["extract", str(SAMPLE_ARTICLES), "--format", "geojson"]) == 0
    collection = json.loads(capsys.readouterr().out)
    assert len(collection["features"]) == len(expected_events())


def test_extract_keeps_going_past_a_bad_file(tmp_path, capsys):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    assert main(["extract", str(tmp_path / "bad.txt"), str(SAMPLE_ARTICLES)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == len(expected_events())
    assert captured.err.strip() == f"{tmp_path / 'bad.txt'}: contains NUL bytes (first at byte 0): binary data"


def test_progress_moves_within_one_big_file(tmp_path, capsys):
    module = sys.modules["events.extract"]

    def slow(article):
        time.sleep(0.12)  # past tqdm's refresh interval, so each step is drawn
        return fake_extract(article)

    module.extract = slow
    lines = [json.dumps({"id": f"a{i}", "text": f"Article {i} is here."}) for i in range(5)]
    (tmp_path / "many.jsonl").write_text("\n".join(lines) + "\n")
    assert main(["ingest", str(tmp_path / "many.jsonl"), "--db", str(tmp_path / "s.sqlite")]) == 0
    err = capsys.readouterr().err
    shown = {int(p) for p in re.findall(r"(\d+)%\|", err)}
    assert shown & {20, 40, 60, 80}, err  # between the start and the end of the one file
    assert "1 of 1 files ingested: 5 articles" in err


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_a_dash_reads_paths_from_stdin(command, tmp_path, capsys, monkeypatch):
    files = sorted(SAMPLE_ARTICLES.glob("*.txt"))
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{files[0]}\n\n{files[1]}\n"))
    argv = [command, "-"] + (["--db", str(tmp_path / "s.sqlite"), "--no-progress"]
                             if command == "ingest" else [])
    assert main(argv) == 0
    captured = capsys.readouterr()
    if command == "ingest":
        assert "2 of 2 files ingested: 2 articles" in captured.err
    else:
        assert [json.loads(line)["id"] for line in captured.out.splitlines()] == [
            e.id for e in expected_events()]


def test_dash_is_documented_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    assert "'-' reads more paths from standard input, one per line" in " ".join(
        capsys.readouterr().out.split())


def test_export_from_the_store(tmp_path, capsys):
    db = str(tmp_path / "s.sqlite")
    main(["ingest", str(SAMPLE_ARTICLES), "--db", db, "--no-progress"])
    capsys.readouterr()
    assert main(["export", "--db", db]) == 0
    exported = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    assert exported == [e.id for e in expected_events()]


def test_dates_uses_find_dates_with_the_anchor(monkeypatch, capsys):
    calls = []

    def find_dates(text, anchor):
        calls.append(anchor)
        return [types.SimpleNamespace(start=0, end=6, text=text[:6], type="DATE",
                                      value="2024-12", first=None, last=None,
                                      granularity="month", basis="explicit")]

    module = types.ModuleType("events.timex")
    module.find_dates = find_dates
    monkeypatch.setitem(sys.modules, "events.timex", module)
    monkeypatch.setattr(events, "timex", module, raising=False)
    path = SAMPLE_ARTICLES / "004_c8b0ddb14abcdc66.txt"
    assert main(["dates", str(path), "--anchor", "2024-12-05"]) == 0
    assert main(["dates", str(path)]) == 0
    assert [str(a) for a in calls] == ["2024-12-05", "2024-12-04"]
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == {"article": "004_c8b0ddb14abcdc66", "anchor": "2024-12-05", "start": 0,
                        "end": 6, "text": "Putin ", "type": "DATE", "value": "2024-12",
                        "first": None, "last": None, "granularity": "month", "basis": "explicit"}


def test_python_dash_m_events_runs_the_real_date_tagger():
    path = SAMPLE_ARTICLES / "004_c8b0ddb14abcdc66.txt"
    done = subprocess.run([sys.executable, "-m", "events", "dates", str(path)], cwd=REPO,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    text = read_path(path)[0].text
    found = [json.loads(line) for line in done.stdout.splitlines()]
    assert found and all(text[d["start"]:d["end"]] == d["text"] for d in found)
    assert any(d["text"] == "December 3" and d["value"] == "2024-12-03" for d in found)


def test_corrections_export_and_import_between_stores(tmp_path, capsys):
    from events import corrections

    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    for db in (first, second):
        assert main(["ingest", str(SAMPLE_ARTICLES), "--db", str(db), "--no-progress"]) == 0
    with Store(first) as store:
        # (The stand-in extractor's events of one article share a passage, type and place:
        # one correction is about all of them, so take the two from different articles.)
        rejected, moved = store.events()[0], store.events()[-1]
        assert rejected.article_id != moved.article_id
        corrections.save(store, [corrections.reject(rejected, by="Ann"),
                                 corrections.change_type(moved, "exercise")])
    capsys.readouterr()
    out = tmp_path / "fixes.jsonl"
    assert main(["corrections", "export", "--db", str(first), str(out)]) == 0
    assert "2 corrections exported" in capsys.readouterr().err
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["correction"]["kind"] for line in lines] == ["reject", "type"]
    assert main(["corrections", "import", "--db", str(second), str(out)]) == 0
    assert "2 corrections imported, 0 already in the store" in capsys.readouterr().err
    assert main(["corrections", "import", "--db", str(second), str(out)]) == 0
    assert "0 corrections imported, 2 already in the store" in capsys.readouterr().err

    # The event export shows the corrected view and says what was corrected.
    assert main(["export", "--db", str(second)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rejected.article_id not in {r["article"] for r in records}
    changed = next(r for r in records if r["id"] == moved.id)
    assert changed["type"] == "exercise" and changed["corrected"] == ["type"]
    assert main(["export", "--db", str(second), "--uncorrected"]) == 0
    raw = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rejected.article_id in {r["article"] for r in raw}
    assert all(r["corrected"] == [] for r in raw)


def test_corrections_import_from_stdin_and_bad_input(tmp_path, capsys, monkeypatch):
    db = tmp_path / "s.sqlite"
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"article": "a1"}\n'))
    assert main(["corrections", "import", "--db", str(db)]) == 2
    assert "error: <stdin>, line 1: not a correction line" in capsys.readouterr().err
    assert main(["corrections", "import", "--db", str(db), str(tmp_path / "none.jsonl")]) == 2
    assert "none.jsonl: cannot read" in capsys.readouterr().err
    assert main(["corrections", "export", "--db", str(tmp_path / "missing.sqlite")]) == 2
    assert "no such store" in capsys.readouterr().err
