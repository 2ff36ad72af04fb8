"""The extraction contract: `extract --json` and `evaluate_extraction`, without writing to the database."""

import json
from pathlib import Path

from django.core.management import call_command

from statements.models import Article, Quote

CASES = Path(__file__).parent / "extraction_cases"


def test_extract_prints_one_json_object_per_document_and_stores_nothing(db, capsys):
    files = sorted(CASES.glob("*.txt"))[:2]
    call_command("extract", "--json", *map(str, files), "--gazetteer", str(CASES / "gazetteer"))
    lines = capsys.readouterr().out.splitlines()
    predictions = [json.loads(line) for line in lines]
    assert [Path(p["path"]).name for p in predictions] == [f.name for f in files]
    for prediction in predictions:
        assert prediction["language"] in {"fr", "en"}
        assert prediction["quotes"] and all({"text", "speaker", "start", "end", "kind"} <= set(q)
                                            for q in prediction["quotes"])
    assert not Article.objects.exists() and not Quote.objects.exists()


def test_evaluate_extraction_scores_an_annotated_sample(db, capsys):
    call_command("evaluate_extraction", str(CASES / "gold-cases.json"), "--gazetteer", str(CASES / "gazetteer"),
                 "--json")
    report = json.loads(capsys.readouterr().out)
    assert report["quote_recall"] >= 0.95
    assert report["speaker_accuracy"] >= 0.92
