"""Scoring extraction output against a gold file (same rules as the shared eval/score.py).

    from statements.extraction.evaluate import score, predict_directory
    metrics, errors = score_with_errors(gold, predictions)   # or score(gold, predictions) -> metrics

Gold format: see statements/tests/extraction_cases/gold-cases.json (documents with quotes, speakers,
not_quotes, actors, incidents, and an alias table).

Names (actors, incidents) are compared by their canonical name through the alias table, else folded, on both
sides: a gold name the alias table lacks ("Kyivstar attack") is found by the same name predicted (../shared's
score.py folds only the predicted side, the same figures whenever the alias table lists every gold name).
An incident the gazetteer lacks (the prediction's `new_incidents`, named as the article writes it: "Attaque
par rançongiciel qui a frappé le centre hospitalier de Dax") is the gold incident of its document whose name
holds every capitalised word of its victim ("Dax hospital attack"), when exactly one gold incident does; else
it is scored under its own name.
"""
import re
import unicodedata
from collections import defaultdict
from itertools import combinations


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

    def canonical(self, name):
        """The name the alias table gives, else the name folded (for either side of a comparison)."""
        return self.resolve(name) or fold(name)


def found_as_gold(pred: dict, gold_incidents: set[str]) -> dict[str, str]:
    """The gold incident each incident the gazetteer lacks stands for (see the module's docstring)."""
    named = {}
    for found in pred.get("new_incidents", []):
        victim = [word for word in re.findall(r"[\w&-]+", found.get("victim", "")) if word[:1].isupper()]
        if not victim:
            continue
        holding = [g for g in gold_incidents if {fold(word) for word in victim} <= words(g)]
        if len(holding) == 1:
            named[found["name"]] = holding[0]
    return named


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
        found_as = found_as_gold(pred, {*doc.get("incidents", []), *doc.get("optional_incidents", [])})
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
                wanted = names.canonical(g[link]) if g[link] else None
                linked = [names.canonical(found_as.get(n, n)) for n in p.get(field) or []]
                c[f"{link}_link_gold"] += bool(wanted)
                c[f"{link}_link_predicted"] += bool(linked)
                c[f"{link}_link_right"] += bool(wanted and wanted in linked)
                if (wanted not in linked) if wanted else linked:
                    errors.append(f"{doc['id']}: {g['text'][:50]!r}: {link} {linked}, gold {wanted!r}")
        for kind in ("actors", "incidents"):
            want = {names.canonical(n) for n in doc.get(kind, [])}
            optional = {names.canonical(n) for n in doc.get("optional_" + kind, [])}
            predicted = pred.get(kind, []) if kind == "actors" else [found_as.get(n, n) for n in pred.get(kind, [])]
            got = {names.canonical(n) for n in predicted}
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
    """The gold annotation restricted to the documents of a split ("dev", "heldout") or of several ("dev,fresh"),
    or all of it."""
    if not split:
        return gold
    splits = set(split.split(","))
    return {**gold, "documents": [d for d in gold["documents"] if d.get("split") in splits]}


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


def score_statement_pairs(gold: dict, reports: list[dict], split: str | None = None) -> tuple[dict, list[str]]:
    """Are the reports of one statement recognised? Pair recall and precision across articles.

    `reports`: one dict per stored quote, {"path", "text", "statement"} (the id of the Statement it reports).
    A gold pair is two required quotes of different documents with the same `statement_group`; a predicted
    pair is two quotes of different documents reporting one Statement, right when both are gold quotes of
    one group. A predicted pair touching an optional gold fragment of no group is not counted (the fragment
    need not be found), one touching a quote the gold does not have counts as wrong. With `split`, the pairs
    with at least one document of that split ("dev": both documents dev), as the groups cross the splits.
    """
    documents = {d["file"].rsplit("/", 1)[-1]: d for d in gold["documents"]}
    by_document: dict[str, list[dict]] = defaultdict(list)
    for report in reports:
        by_document[str(report["path"]).rsplit("/", 1)[-1]].append(report)
    group_of, optional = {}, set()  # (document, gold index) -> group
    reported: dict[tuple[str, int], object] = {}  # (document, gold index) -> statement
    predicted = []  # (document, gold index or None, statement)
    for key, doc in documents.items():
        golds = doc["quotes"]
        for index, g in enumerate(golds):
            group_of[(key, index)] = g.get("statement_group")
            if g.get("optional"):
                optional.add((key, index))
        for report, g in pair(by_document.get(key, []), golds):
            index = golds.index(g) if g is not None else None
            predicted.append((key, index, report["statement"]))
            if index is not None:
                reported[(key, index)] = report["statement"]

    def counted(key_a: str, key_b: str) -> bool:
        splits = {documents[key_a].get("split"), documents[key_b].get("split")}
        return split is None or (splits == {split} if split == "dev" else split in splits)

    c, errors = defaultdict(int), []
    members: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for place, group in group_of.items():
        if group and place not in optional:
            members[group].append(place)
    for group, places in members.items():
        for a, b in combinations(places, 2):
            if a[0] == b[0] or not counted(a[0], b[0]):
                continue
            c["gold"] += 1
            same = a in reported and b in reported and reported[a] == reported[b]
            c["found"] += same
            if not same:
                errors.append(f"{group}: {a[0]} and {b[0]} not recognised as one statement")
    for (key_a, index_a, statement_a), (key_b, index_b, statement_b) in combinations(predicted, 2):
        if key_a == key_b or statement_a != statement_b or not counted(key_a, key_b):
            continue
        group_a = group_of.get((key_a, index_a)) if index_a is not None else None
        group_b = group_of.get((key_b, index_b)) if index_b is not None else None
        if ((key_a, index_a) in optional and not group_a) or ((key_b, index_b) in optional and not group_b):
            continue
        c["predicted"] += 1
        right = bool(group_a) and group_a == group_b
        c["right"] += right
        if not right:
            text_a = documents[key_a]["quotes"][index_a]["text"] if index_a is not None else "(no gold quote)"
            text_b = documents[key_b]["quotes"][index_b]["text"] if index_b is not None else "(no gold quote)"
            errors.append(f"wrongly one statement: {key_a} {text_a[:50]!r} / {key_b} {text_b[:50]!r}")
    ratio = lambda a, b: round(a / b, 3) if b else 1.0  # noqa: E731
    return {"statement_pair_recall": ratio(c["found"], c["gold"]),
            "statement_pair_precision": ratio(c["right"], c["predicted"]),
            "statement_pairs_gold": c["gold"], "statement_pairs_predicted": c["predicted"]}, errors
