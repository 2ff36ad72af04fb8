"""Confidence of each quote's speaker, from weights fitted on annotated articles (weights.json).

Every attribution rule (`ExtractedQuote.how`, with ":new" when the speaker is a person or body the
gazetteer lacks) has the share of right speakers it gave on the annotated dev split, smoothed, and
the lower bound of that share, which is the quote's confidence (rules seen rarely stay below 0.8).
A rule whose share is below `keep_at_least` does not separate
its candidate from the others clearly enough: the speaker is left empty (kept as
`candidate_speaker` for the reviewer) and the quote's low confidence sends it to the review queue.
Refit with `python -m statements.extraction.fit_weights GOLD.json --split dev`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .model import ExtractedQuote

WEIGHTS_PATH = Path(__file__).with_name("weights.json")


@cache
def weights() -> dict:
    if not WEIGHTS_PATH.exists():
        return {"rules": {}, "default": {"share": 0.5, "confidence": 0.5}, "unattributed": 0.3, "keep_at_least": 0.0}
    return json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))


def rule_key(quote: ExtractedQuote) -> str:
    return f"{quote.how or 'none'}{':new' if quote.speaker_is_new else ''}"


def calibrate(quotes: list[ExtractedQuote]) -> None:
    table = weights()
    for quote in quotes:
        quote.candidate_speaker, quote.rule = quote.speaker, rule_key(quote)
        if not quote.speaker:
            quote.confidence = min(quote.confidence, table["unattributed"])
            continue
        rule = table["rules"].get(quote.rule, table["default"])
        quote.confidence = rule["confidence"]
        if rule["share"] < table["keep_at_least"]:
            quote.speaker, quote.speaker_is_new = None, False
