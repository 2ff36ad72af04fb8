"""Scoring extraction output against a gold file (same rules as the shared eval/score.py).

    from statements.extraction.evaluate import score, predict_directory
    metrics, errors = score_with_errors(gold, predictions)   # or score(gold, predictions) -> metrics

Gold format: see statements/tests/extraction_cases/gold-cases.json (documents with quotes, speakers,
not_quotes, actors, incidents, and an alias table).
"""
import re
import unicodedata
from collections import defaultdict


def fold(s):
    """The scorer's own folding, as in ../shared/eval/score.py (quote marks become spaces, lower() not
    casefold()), not actors.names.fold: the figures printed here must be the scorer's, to the quote."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    s = re.sub(r"[\u00ab\u00bb\u201c\u201d\"]", " ", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def words(s):
    return set(re.findall(r"\w+", fold(s)))


def same_text(a, b):
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    short, long_ = sorted((fa, fb), key=len)
    if short in long_ and len(short) >= 0.6 * len(long_):
        return True
    wa, wb = words(a), words(b)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.6


class Names:
    def __init__(self, aliases):
        self.canon = {}
        for name, alts in aliases.items():
            for n in [name, *alts]:
                self.canon[fold(n)] = name

    def resolve(self, name):
        return self.canon.get(fold(name)) if name else None


def pair(preds, golds):
    """Greedy one-to-one pairing of predicted and gold quotes by text."""
    used, pairs = set(), []
    for p in preds:
        for i, g in enumerate(golds):
            if i not in used and same_text(p.get("text", ""), g["text"]):
                used.add(i)
                pairs.append((p, g))
                break
        else:
            pairs.append((p, None))
    return pairs


def score_with_errors(gold, predictions):
    names = Names(gold.get("aliases", {}))
    by_file = {d["file"].rsplit("/", 1)[-1]: d for d in gold["documents"]}
    seen = {}
    for p in predictions:
        key = str(p.get("path", "")).rsplit("/", 1)[-1]
        if key in by_file:
            seen[key] = p
    c = defaultdict(int)
    spoken_as = defaultdict(set)
    errors = []
    for key, doc in by_file.items():
        pred = seen.get(key, {"quotes": [], "actors": [], "incidents": []})
        if key not in seen:
            errors.append(f"{doc['id']}: no prediction")
        golds = doc["quotes"]
        c["gold_required"] += sum(1 for g in golds if not g.get("optional"))
        negatives = doc.get("not_quotes", [])
        for p, g in pair(pred.get("quotes", []), golds):
            c["predicted"] += 1
            if g is None:
                if any(same_text(p.get("text", ""), n) for n in negatives):
                    errors.append(f"{doc['id']}: scare quote reported: {p.get('text')!r}")
                else:
                    errors.append(f"{doc['id']}: no such quote: {p.get('text', '')[:60]!r}")
                continue
            c["predicted_matched"] += 1
            if g.get("optional"):
                continue
            c["found"] += 1
            said = p.get("speaker")
            said_canon = names.resolve(said)
            if g["speaker"] is None:
                right = said_canon is None
            else:
                allowed = {g["speaker"], *g.get("speaker_alt", [])}
                right = said_canon in allowed or said in allowed
                spoken_as[g["speaker"]].add(fold(said) if said else "")
            c["speaker_right"] += right
            c["speaker_wrong"] += bool(said) and not right
            band = confidence_band(p.get("confidence", 0.0))
            c[f"band_{band}_found"] += 1
            c[f"band_{band}_right"] += right
            if not right:
                errors.append(f"{doc['id']}: {g['text'][:50]!r}: speaker {said!r}, gold {g['speaker']!r}")
            for link, field in (("incident", "incidents"), ("event", "events")):
                if link not in g:
                    continue  # a gold file without links per quote (the samples' format)
                c[f"{link}_link_annotated"] += 1
                wanted, linked = g[link], p.get(field) or []
                c[f"{link}_link_gold"] += bool(wanted)
                c[f"{link}_link_predicted"] += bool(linked)
                c[f"{link}_link_right"] += bool(wanted and wanted in linked)
                if (wanted not in linked) if wanted else linked:
                    errors.append(f"{doc['id']}: {g['text'][:50]!r}: {link} {linked}, gold {wanted!r}")
        for kind in ("actors", "incidents"):
            want = set(doc.get(kind, []))
            optional = set(doc.get("optional_" + kind, []))
            got = {names.resolve(n) or fold(n) for n in pred.get(kind, [])}
            c[kind + "_gold"] += len(want)
            c[kind + "_found"] += len(want & got)
            c[kind + "_predicted"] += len(got)
            c[kind + "_predicted_right"] += len(got & (want | optional))
            for miss in sorted(want - got):
                errors.append(f"{doc['id']}: {kind[:-1]} missed: {miss}")
    def ratio(a, b):
        return round(a / b, 3) if b else 1.0
    split = {k: sorted(v) for k, v in spoken_as.items() if len(v) > 1}
    metrics = {
        "quote_precision": ratio(c["predicted_matched"], c["predicted"]),
        "quote_recall": ratio(c["found"], c["gold_required"]),
        "speaker_accuracy": ratio(c["speaker_right"], c["found"]),
        "attributed_recall": ratio(c["speaker_right"], c["gold_required"]),
        "speaker_consistency": ratio(len(spoken_as) - len(split), len(spoken_as)),
        "wrong_speaker_rate": ratio(c["speaker_wrong"], c["found"]) if c["found"] else 0.0,
        "wrong_speakers": c["speaker_wrong"],
        "found_quotes": c["found"],
        "actor_recall": ratio(c["actors_found"], c["actors_gold"]),
        "actor_precision": ratio(c["actors_predicted_right"], c["actors_predicted"]),
        "incident_recall": ratio(c["incidents_found"], c["incidents_gold"]),
        "incident_precision": ratio(c["incidents_predicted_right"], c["incidents_predicted"]),
    }
    for link in ("incident", "event"):  # per quote: what it is about (gold files that annotate it)
        if c[f"{link}_link_annotated"]:
            metrics[f"{link}_link_recall"] = ratio(c[f"{link}_link_right"], c[f"{link}_link_gold"])
            metrics[f"{link}_link_precision"] = ratio(c[f"{link}_link_right"], c[f"{link}_link_predicted"])
    for low, high in CONFIDENCE_BANDS:  # is a confident speaker right? (review what is not)
        band = f"{low:.1f}-{high:.1f}"
        metrics[f"confidence_{band}_quotes"] = c[f"band_{band}_found"]
        metrics[f"confidence_{band}_accuracy"] = ratio(c[f"band_{band}_right"], c[f"band_{band}_found"])
    for name, variants in split.items():
        errors.append(f"speaker {name} reported under several names: {variants}")
    return metrics, errors


CONFIDENCE_BANDS = ((0.0, 0.5), (0.5, 0.8), (0.8, 1.0))


def confidence_band(confidence: float) -> str:
    for low, high in CONFIDENCE_BANDS:
        if confidence < high:
            return f"{low:.1f}-{high:.1f}"
    low, high = CONFIDENCE_BANDS[-1]
    return f"{low:.1f}-{high:.1f}"


def gold_split(gold: dict, split: str | None) -> dict:
    """The gold annotation restricted to the documents of one split ("dev", "heldout"), or all of it."""
    if not split:
        return gold
    return {**gold, "documents": [d for d in gold["documents"] if d.get("split") == split]}


def score(gold: dict, predictions: list[dict]) -> dict:
    """Metrics only: quote precision/recall, speaker accuracy, attributed recall, consistency, actors, incidents."""
    return score_with_errors(gold, predictions)[0]


def predict_files(paths, gazetteer, language=None) -> list[dict]:
    """Run the extractor over files (with an optional ' date YYYY-MM ' header) in the scorer format."""
    from pathlib import Path

    from . import extract
    from .__main__ import split_header

    out = []
    for path in paths:
        text, published = split_header(Path(path).read_text(encoding="utf-8"))
        out.append(extract(text, gazetteer=gazetteer, published=published, language=language).as_json(str(path)))
    return out
