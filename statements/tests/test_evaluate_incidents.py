"""How the scorer matches predicted incidents to gold ones (statements/extraction/evaluate.py)."""

from statements.extraction.evaluate import score


def gold(incidents, quote_incident, aliases=None):
    return {"aliases": aliases or {}, "documents": [{
        "id": "a", "file": "a.txt", "incidents": incidents, "actors": [],
        "quotes": [{"text": "nous allons agir", "speaker": None, "incident": quote_incident}]}]}


def prediction(incidents, quote_incidents, new_incidents=()):
    return [{"path": "a.txt", "actors": [], "incidents": incidents, "new_incidents": list(new_incidents),
             "quotes": [{"text": "nous allons agir", "speaker": None, "incidents": quote_incidents}]}]


def test_a_gold_incident_the_alias_table_lacks_is_found_by_its_own_name():
    metrics = score(gold(["Kyivstar attack"], "Kyivstar attack"),
                    prediction(["Kyivstar attack"], ["Kyivstar attack"]))
    assert metrics["incident_recall"] == metrics["incident_precision"] == 1.0
    assert metrics["incident_link_recall"] == metrics["incident_link_precision"] == 1.0


def test_a_found_incident_is_the_gold_incident_naming_its_victim():
    found = "Attaque par rançongiciel qui a frappé le centre hospitalier de Dax"
    metrics = score(gold(["Dax hospital attack"], "Dax hospital attack"),
                    prediction([found], [found], [{"name": found, "victim": "centre hospitalier de Dax"}]))
    assert metrics["incident_recall"] == metrics["incident_precision"] == 1.0
    assert metrics["incident_link_recall"] == 1.0


def test_a_found_incident_naming_another_victim_is_wrong():
    found = "Cyberattaque contre l'hôpital de Cannes"
    metrics = score(gold(["Dax hospital attack"], "Dax hospital attack"),
                    prediction([found], [found], [{"name": found, "victim": "hôpital de Cannes"}]))
    assert metrics["incident_recall"] == metrics["incident_precision"] == 0.0
    assert metrics["incident_link_precision"] == 0.0
