"""Fit the speaker confidence of each attribution rule on annotated articles: weights.json.

    python -m statements.extraction.fit_weights statements/tests/extraction_world/gold-world.json

For each rule (`how`, see confidence.py): the share of the annotated required quotes it attributed
to the right speaker, smoothed towards KEEP_AT_LEAST with PRIOR_WEIGHT pseudo-quotes (below
KEEP_AT_LEAST its speakers are left empty), and the lower bound of that share, its confidence.
Only the split given is read (never fit on the held-out documents).
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

from statements.ingest.documents import read_documents

from . import Gazetteer, extract
from .confidence import WEIGHTS_PATH
from .evaluate import Names, gold_split, pair

ROOT = Path(__file__).resolve().parents[2]
KEEP_AT_LEAST = 0.5  # below this share of right speakers a rule's speaker is left empty
CONFIDENCE_Z = 1.645  # a quote's confidence is the lower bound of its rule's share of right speakers, at 95 %
PRIOR_WEIGHT = 2  # pseudo-quotes at KEEP_AT_LEAST added to each rule's count (rare rules stay uncertain)
UNSEEN_CONFIDENCE = 0.5  # the confidence of a rule absent from the annotated split: below 0.8, in the review queue


def fit(gold: dict, gold_path: Path, gazetteer: Gazetteer) -> dict:
    names = Names(gold.get("aliases", {}))
    seen, right = Counter(), Counter()
    unattributed = [0, 0]
    for document in gold["documents"]:
        path = gold_path.parent.parent / document["file"]
        parsed = read_documents(path.name, path.read_bytes(), max_bytes=10**8)[0]
        result = extract(parsed.text, gazetteer=gazetteer, published=parsed.published, title=parsed.title)
        predicted = [q.as_dict() for q in result.quotes]
        for p, g in pair(predicted, document["quotes"]):
            if g is None or g.get("optional"):
                continue
            said = p.get("candidate_speaker")
            if not said:
                unattributed[0] += 1
                unattributed[1] += g["speaker"] is None
                continue
            allowed = {g["speaker"], *g.get("speaker_alt", [])} if g["speaker"] else {None}
            seen[p["rule"]] += 1
            right[p["rule"]] += names.resolve(said) in allowed or said in allowed
    rules = {key: {"share": round((right[key] + PRIOR_WEIGHT * KEEP_AT_LEAST) / (seen[key] + PRIOR_WEIGHT), 3),
                   "confidence": round(_lower_bound(right[key], seen[key]), 3)} for key in sorted(seen)}
    total_seen, total_right = sum(seen.values()), sum(right.values())
    return {"fitted_on": f"{gold_path.name}, split {gold_split_name(gold)}", "rules": rules,
            "counts": {key: [right[key], seen[key]] for key in sorted(seen)},
            # a rule the annotated set never saw keeps its speaker, for review: nothing says it is as sure as the rest
            "default": {"share": KEEP_AT_LEAST, "confidence": UNSEEN_CONFIDENCE},
            "seen": {"share": round((total_right + 1) / (total_seen + 2), 3),
                     "confidence": round(_lower_bound(total_right, total_seen), 3)} if total_seen else None,
            "unattributed": round((unattributed[1] + 1) / (unattributed[0] + 2), 3) if unattributed[0] else 0.3,
            "keep_at_least": KEEP_AT_LEAST}


def _lower_bound(right: int, seen: int) -> float:
    """Wilson's lower bound of the share of right speakers (one-sided, 95 %): a rule seen right 5 times
    out of 5 is not yet as sure as one right 36 times out of 37."""
    share = right / seen
    z2 = CONFIDENCE_Z * CONFIDENCE_Z
    centre = share + z2 / (2 * seen)
    margin = CONFIDENCE_Z * math.sqrt(share * (1 - share) / seen + z2 / (4 * seen * seen))
    return max(0.0, (centre - margin) / (1 + z2 / seen))


def gold_split_name(gold: dict) -> str:
    return ",".join(sorted({d.get("split", "") for d in gold["documents"]}))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m statements.extraction.fit_weights")
    parser.add_argument("gold", type=Path)
    parser.add_argument("--split", default="dev", help="a split, or several separated by commas")
    parser.add_argument("--gazetteer", type=Path, default=ROOT / "fixtures" / "gazetteer")
    args = parser.parse_args(argv)
    gold = gold_split(json.loads(args.gold.read_text(encoding="utf-8")), args.split)
    table = fit(gold, args.gold, Gazetteer.from_directory(args.gazetteer))
    WEIGHTS_PATH.write_text(json.dumps(table, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(table['rules'])} rules -> {WEIGHTS_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
