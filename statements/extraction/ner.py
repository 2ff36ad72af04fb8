"""spaCy named entities, loaded once per model and only when a language has a model."""

from __future__ import annotations

import re
import threading

from .intervals import Intervals

_models: dict = {}
_lock = threading.Lock()


def load(model: str | None):
    if not model:
        return None
    with _lock:
        if model not in _models:
            try:
                import spacy

                nlp = spacy.load(model)
                nlp.select_pipes(enable=_needed_by_ner(nlp))
                _models[model] = nlp
            except (ImportError, OSError):
                _models[model] = None
        return _models[model]


def _needed_by_ner(nlp) -> list[str]:
    """The "ner" pipe and the pipes whose output it listens to. A shared "tok2vec" that only the
    tagger and parser listen to (fr_core_news_sm's "ner" embeds its own) would be half the model's
    time for nothing: the entities are the same without it."""
    listened = [name for name in nlp.pipe_names
                if "ner" in getattr(nlp.get_pipe(name), "listening_components", ())]
    return [*listened, "ner"]


MODEL_BUDGET = 100_000  # characters of distinct sentences the model reads per document (a bound for huge input)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_CANDIDATE = re.compile(r"(?<=[\w,;:«»“”\"'’()\-] )[A-ZÀ-Ý][\w'’\-]+")


def entities(text: str, model: str | None, covered: Intervals | None = None) -> list[tuple[int, int, str]]:
    """(start, end, label) of entities, or [] when no model is available.

    Only the sentences holding a capitalised word that is not sentence-initial and not already
    covered by a known name are run through the model (the slow part of extraction), each distinct
    sentence once, and no more than MODEL_BUDGET characters of them: the rest of a huge document
    is read by the rules and the gazetteer only.
    """
    nlp = load(model)
    if nlp is None:
        return []
    covered = covered or Intervals()
    chunks: list[tuple[int, str]] = []
    distinct: dict[str, list] = {}  # a sentence written again is read once
    budget = MODEL_BUDGET
    for m in _SENTENCE.finditer(text):
        for c in _CANDIDATE.finditer(text, m.start(), m.end()):
            if not covered.contains(c.start()):
                sentence = m.group()
                if sentence not in distinct:
                    if budget < len(sentence):
                        break
                    budget -= len(sentence)
                    distinct[sentence] = []
                chunks.append((m.start(), sentence))
                break
    for sentence, doc in zip(distinct, nlp.pipe(distinct), strict=True):
        distinct[sentence] = [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]
    return [(offset + a, offset + b, label) for offset, sentence in chunks for a, b, label in distinct[sentence]]


def preload() -> None:
    """Load every language's model now (a worker does it once, before forking its processes)."""
    from .languages import all_languages

    for data in all_languages():
        load(data.SPACY_MODEL)
