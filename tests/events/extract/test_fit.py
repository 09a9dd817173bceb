"""Refitting the confidence weights: labels follow the scorer's rule, and the validation split's
articles are never opened."""

from __future__ import annotations

import json

import pytest

from events.articles import read_path as fit_read_path
from events.extract import fit
from events.extract.confidence import ConfidenceModel


def _event(type_, lat, lon, date):
    return {"type": type_, "lat": lat, "lon": lon, "date": date}


def test_matches_are_one_to_one_nearest_first_and_need_agreeing_dates():
    gold = [_event("visit", 53.9, 27.56, "2024-12"), _event("meeting", 53.9, 27.56, None)]
    predicted = [
        _event("visit", 53.95, 27.6, "2024-12-02"),   # agrees at the coarser granularity
        _event("visit", 53.9, 27.56, "2024-12-03"),   # nearer, so it takes the gold visit
        _event("meeting", 53.9, 27.56, "2024-12-03"),  # a dated prediction never matches a null date
        _event("meeting", 52.1, 23.7, None),          # too far (Brest)
    ]
    assert fit._matches(predicted, gold) == {1}


CITIES = ("Minsk", "Warsaw", "Vilnius", "Riga", "Kyiv", "Tallinn")


def _write_set(root, validation_text):
    (root / "articles").mkdir(parents=True)
    gold = []
    for i, city in enumerate(CITIES):
        (root / "articles" / f"a{i}.txt").write_text(
            f"---\nid: a{i}\npublished: 2024-12-04\n---\n\nThe ministers met in {city} on Monday. "
            f"They will travel to Paris next year.\n", encoding="utf-8")
        gold.append({"article": f"a{i}", "type": "meeting", "place": city, "lat": None, "lon": None,
                     "date": "2024-12-02", "date_granularity": "day"})
    (root / "articles" / "v0.txt").write_bytes(validation_text)
    (root / "split.json").write_text(json.dumps({"train": [f"a{i}" for i in range(6)],
                                                 "validation": ["v0"]}), encoding="utf-8")
    return gold


def test_a_fit_on_a_small_set_writes_weights_that_load(tmp_path, monkeypatch):
    pytest.importorskip("sklearn", reason="refitting needs scikit-learn")
    gold = _write_set(tmp_path, b"---\nid: v0\n---\n\nThe ministers met in Minsk on Monday.\n")
    from gazetteer import Gazetteer

    opened = []
    monkeypatch.setattr(fit, "read_path", lambda path: opened.append(path.name) or fit_read_path(path))

    for event in gold:  # gold points from the gazetteer, so the labels do not depend on typing them
        place = Gazetteer.default().lookup(event["place"])[0]
        event["lat"], event["lon"] = place.lat, place.lon
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    out = tmp_path / "weights.json"
    assert fit.main([str(tmp_path), "--out", str(out)]) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["gold_events"] == 6 and written["matching_gold"] == 6
    assert "v0.txt" not in opened and len(opened) == 6
    model = ConfidenceModel.load(out)
    assert 0.0 < model.threshold < 1.0 and "bias" in model.weights
    # The threshold is half the F1 reached (the F1-optimal threshold for calibrated probabilities).
    assert abs(written["threshold"] - written["cross_validated_f1"] / 2) <= 0.05
