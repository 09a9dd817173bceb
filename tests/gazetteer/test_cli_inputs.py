"""``python -m gazetteer``: folders as inputs (like ``python -m events``) and region names."""

import json

from gazetteer.cli import main


def test_geoparse_takes_folders_and_says_what_it_skipped(tmp_path, capsys, gz):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("Polish troops near Brest.", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("Talks in Grodno.", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa" * 10)
    assert main(["geoparse", str(tmp_path)]) == 2  # bad.txt failed; the others were read
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [(r["file"], r["text"]) for r in rows] == [
        (str(tmp_path / "a.txt"), "Polish"), (str(tmp_path / "a.txt"), "Brest"),
        (str(tmp_path / "sub" / "b.md"), "Grodno"),
    ]
    err = captured.err.splitlines()
    assert len(err) == 2 and err[0].startswith(f"error: cannot read {str(tmp_path / 'bad.txt')!r}")
    assert err[1].startswith("1 skipped (hidden, or not one of .txt") and "photo.png" in err[1]


def test_geocode_names_the_region_not_its_code(capsys, gz):
    assert main(["geocode", "Grodno", "--limit", "1"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["address"] == "Hrodna, Grodnenskaya, BY" and row["region"] == "Grodnenskaya"
    # Minsk City (BY.04) lies inside Minsk oblast: named from GeoNames' own admin1 row.
    assert main(["geocode", "Минск", "--limit", "1"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["address"] == "Minsk, Horad Minsk, BY" and row["region"] == "Horad Minsk"
    # Kowloon's region code (HK.00) names no region: no bare code instead.
    assert main(["geocode", "Kowloon", "--limit", "1"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["raw"]["admin1"] == "00" and row["address"] == "Kowloon, HK" and row["region"] is None
