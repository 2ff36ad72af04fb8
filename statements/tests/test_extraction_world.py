"""The "world" corpus (statements/tests/extraction_world/): articles written like real ones, scored on
the dev split, the one the rules and the fitted weights were written against.

The thresholds are the figures reached (so that a regression fails), not the goals of issue #20;
the held-out split is never asserted on here: it is reported on its own (see the README there).
"""

import json
from pathlib import Path

import pytest

from statements.extraction import Gazetteer, extract
from statements.extraction.confidence import calibrate
from statements.extraction.evaluate import gold_split, score
from statements.extraction.model import ExtractedQuote
from statements.ingest.documents import read_documents

HERE = Path(__file__).resolve().parent
GOLD = HERE / "extraction_world" / "gold-world.json"
GAZETTEER = Gazetteer.from_directory(HERE.parents[1] / "fixtures" / "gazetteer")


@pytest.fixture(scope="module")
def dev_scores():
    gold = gold_split(json.loads(GOLD.read_text(encoding="utf-8")), "dev")
    predictions = []
    for document in gold["documents"]:
        path = HERE / document["file"]
        parsed = read_documents(path.name, path.read_bytes(), max_bytes=10**8)[0]
        result = extract(parsed.text, gazetteer=GAZETTEER, published=parsed.published, title=parsed.title)
        predictions.append(result.as_json(str(path)))
    return score(gold, predictions)


def test_dev_quotes_are_found(dev_scores):
    assert dev_scores["quote_precision"] >= 0.99
    assert dev_scores["quote_recall"] >= 0.99


def test_dev_speakers(dev_scores):
    assert dev_scores["speaker_accuracy"] >= 0.76
    assert dev_scores["attributed_recall"] >= 0.76
    assert dev_scores["wrong_speaker_rate"] <= 0.065


def test_a_confident_speaker_is_right(dev_scores):
    assert dev_scores["confidence_0.8-1.0_quotes"] >= 60
    assert dev_scores["confidence_0.8-1.0_accuracy"] >= 0.97


TABLE = {"rules": {"unsure": {"share": 0.3, "confidence": 0.1}, "sure": {"share": 0.97, "confidence": 0.9}},
         "default": {"share": 0.6, "confidence": 0.5}, "unattributed": 0.3, "keep_at_least": 0.5}


def test_an_unsure_rule_leaves_the_speaker_to_the_reviewer(monkeypatch):
    monkeypatch.setattr("statements.extraction.confidence.weights", lambda: TABLE)
    quote = ExtractedQuote("Nous condamnons", 0, 15, speaker="Kremlin", how="unsure")
    calibrate([quote])
    assert quote.speaker is None and quote.candidate_speaker == "Kremlin" and quote.confidence < 0.5


def test_a_sure_rule_keeps_its_speaker_with_its_fitted_confidence(monkeypatch):
    monkeypatch.setattr("statements.extraction.confidence.weights", lambda: TABLE)
    quote = ExtractedQuote("Nous condamnons", 0, 15, speaker="Kremlin", how="sure")
    calibrate([quote])
    assert quote.speaker == "Kremlin" and quote.confidence == 0.9


def test_every_fitted_rule_has_a_share_and_a_confidence_below_it():
    from statements.extraction.confidence import weights

    for rule in weights()["rules"].values():
        assert 0 <= rule["confidence"] <= rule["share"] <= 1
