"""spaCy named entities, loaded once per model and only when a language has a model."""

from __future__ import annotations

import re
import threading

_models: dict = {}
_lock = threading.Lock()
KEEP = ("tok2vec", "ner")


def load(model: str | None):
    if not model:
        return None
    with _lock:
        if model not in _models:
            try:
                import spacy

                nlp = spacy.load(model)
                disable = [name for name in nlp.pipe_names if name not in KEEP]
                nlp.select_pipes(disable=disable)
                _models[model] = nlp
            except (ImportError, OSError):
                _models[model] = None
        return _models[model]


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_CANDIDATE = re.compile(r"(?<=[\w,;:«»“”\"'’()\-] )[A-ZÀ-Ý][\w'’\-]+")


def entities(text: str, model: str | None, covered=()) -> list[tuple[int, int, str]]:
    """(start, end, label) of entities, or [] when no model is available.

    Only the sentences holding a capitalised word that is not sentence-initial and not already
    covered by a known name are run through the model (the slow part of extraction).
    """
    nlp = load(model)
    if nlp is None:
        return []
    chunks = []
    for m in _SENTENCE.finditer(text):
        for c in _CANDIDATE.finditer(text, m.start(), m.end()):
            if not any(a <= c.start() < b for a, b in covered):
                chunks.append((m.start(), m.group()))
                break
    out = []
    for (offset, _), doc in zip(chunks, nlp.pipe(chunk for _, chunk in chunks), strict=False):
        out += [(offset + ent.start_char, offset + ent.end_char, ent.label_) for ent in doc.ents]
    return out


def preload() -> None:
    """Load every language's model now (a worker does it once, before forking its processes)."""
    from .languages import all_languages

    for data in all_languages():
        load(data.SPACY_MODEL)
