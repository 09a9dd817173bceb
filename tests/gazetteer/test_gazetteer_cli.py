import json
import subprocess
import sys

from gazetteer.cli import main
from gazetteer.index import Gazetteer


def test_geocode(capsys, gz):
    assert main(["geocode", "Grodno", "--limit", "1"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["raw"]["name"] == "Hrodna" and rows[0]["raw"]["country_code"] == "BY"


def test_geocode_not_found_exit_1(capsys, gz):
    assert main(["geocode", "Xyzzyqq Nowhere"]) == 1
    assert "no place" in capsys.readouterr().err


def test_geoparse_file(tmp_path, capsys, gz):
    f = tmp_path / "a.txt"
    f.write_text("Polish troops near Brest.", encoding="utf-8")
    assert main(["geoparse", str(f)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["text"], r["kind"]) for r in rows] == [("Polish", "demonym"), ("Brest", "name")]
    assert rows[1]["place"]["country_code"] == "BY"


def test_geoparse_unknown_file_exit_2(tmp_path, capsys, gz):
    assert main(["geoparse", str(tmp_path / "missing.txt")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_geoparse_undecodable_file_exit_2(tmp_path, capsys, gz):
    f = tmp_path / "bin.txt"
    f.write_bytes(b"\xff\xfe\xfa" * 10)
    assert main(["geoparse", str(f)]) == 2


def test_build_from_dump_and_use_it(tiny_dump, tmp_path, capsys):
    out = tmp_path / "custom.sqlite"
    assert main(["build", "--geonames", str(tiny_dump), "--output", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert Gazetteer(str(out)).lookup("Testograd")[0].id == "900001"
    assert main(["geocode", "Testograd", "--index", str(out)]) == 0


def test_build_unreadable_dump_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text("garbage\n", encoding="utf-8")
    assert main(["build", "--geonames", str(bad), "--output", str(tmp_path / "o.sqlite")]) == 2
    assert "error:" in capsys.readouterr().err


def test_module_entry_point_usage_error():
    proc = subprocess.run([sys.executable, "-m", "gazetteer"], capture_output=True, text=True)
    assert proc.returncode == 2 and "usage" in proc.stderr
