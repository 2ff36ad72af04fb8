"""Language data, one module per language (fr.py, en.py), compiled into regexes once.

The extraction logic never branches on a language code: everything that differs between
languages is in these modules.
"""

from __future__ import annotations

import importlib
import re
from functools import cache

from ..text import fold

SUPPORTED = ("fr", "en")
DEFAULT = "fr"


def _er_forms(infinitive: str) -> tuple[list[str], list[str]]:
    """3rd-person finite forms and participles of a regular -er verb."""
    reflexive = ""
    if infinitive.startswith("s'"):
        reflexive, infinitive = "s'", infinitive[2:]
    if not infinitive.endswith("er"):
        return [], []
    stem = infinitive[:-2]
    finite = [stem + e for e in ("e", "ent", "ait", "aient", "a", "èrent", "era", "erait", "eront", "eraient")]
    participles = [stem + e for e in ("é", "ée", "és", "ées")]
    return [reflexive + f for f in finite], participles


def _alternation(words) -> str:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace("\\ ", r"\s+").replace("'", "'") for w in words)


class LanguageData:
    def __init__(self, module):
        self.module = module
        for name in dir(module):
            if name.isupper():
                setattr(self, name, getattr(module, name))
        finite, participles = [], []
        for verb in getattr(module, "SPEECH_VERBS_ER", []):
            f, p = _er_forms(verb)
            finite += f
            participles += p
        irregular = list(getattr(module, "SPEECH_FORMS_IRREGULAR", []))
        phrases = list(getattr(module, "SPEECH_PHRASES", []))
        phrases += [f"{verb} {named}" for verb in getattr(module, "NAMING_VERBS", [])
                    for named in getattr(module, "NAMED_OBJECTS", [])]
        finite += irregular + phrases
        participles += irregular + phrases
        self.speech_forms = set(finite) | set(participles)
        adverbs = _alternation(self.ADVERBS)
        aux = _alternation(self.AUXILIARIES)
        inv = self.INVERTED_PRONOUN
        w = r"(?<![\w-])"
        e = r"(?![\w'])"
        self.verb = re.compile(
            rf"{w}(?:(?:{aux})(?:{inv})?(?:\s+(?:{adverbs}))*\s+(?:{_alternation(participles)})"
            rf"|(?:{_alternation(finite)})(?:{inv.replace('?P<pron>', '?P<pron2>')})?){e}",
            re.IGNORECASE,
        )
        self.passive_verb = re.compile(  # "was warned", « a été dénoncée »: its agent follows ("by X", « par X »)
            rf"{w}(?:{_alternation(self.PASSIVE_AUXILIARIES)})\s+(?:{adverbs}\s+)*"
            rf"(?:{_alternation(participles + finite)}){e}",
            re.IGNORECASE)
        # a sentence opening on a noun and a name the gazetteer lacks (« Le quotidien De Standaard, lui, désigne la
        # NSA », "The newspaper De Volkskrant reported"): that name is the subject, whoever is named after it
        self.named_noun_opening = re.compile(
            rf"\s*(?:{_alternation(self.DETERMINERS)})\s*[a-zà-ÿ][\w-]*[^\S\n]+(?-i:[A-ZÀ-Ý][\w'’-]*)"
            rf"(?:[^\S\n]+(?-i:[A-ZÀ-Ý][\w'’-]*))*", re.IGNORECASE)
        # never "selon laquelle", "according to which": a relative clause whose antecedent is the source, said before
        self.source = re.compile(rf"{w}(?:{_alternation(self.SOURCE_PREPOSITIONS)}){e}"
                                 rf"(?!\s+(?:{_alternation(self.RELATIVE_PRONOUNS)}){e})", re.IGNORECASE)
        self.prefix_source = re.compile(
            rf"(?:^|[,;]\s*|\s)(?:{_alternation(self.PREFIX_SOURCE_PREPOSITIONS)})\s+(?P<np>[^,;:]{{2,80}}?)\s*,\s*$",
            re.IGNORECASE,
        )
        # « Pour le député X, la fuite révèle une faille : « ... »: the opinion's holder opens the sentence
        self.opening_opinion = re.compile(
            rf"\s*(?:{_alternation(self.PREFIX_SOURCE_PREPOSITIONS)})\s+(?P<np>[^,;:]{{2,80}}?)\s*,[^;:«“\"]*:\s*$",
            re.IGNORECASE)
        self.pronoun = re.compile(rf"{w}(?P<pron>{_alternation(self.PRONOUNS)}){e}", re.IGNORECASE)
        self.complementizer_end = re.compile(rf"(?:{_alternation(self.COMPLEMENTIZERS)})\s*$", re.IGNORECASE)
        self.relative_clause = re.compile(rf",\s*(?:{_alternation(self.RELATIVE_PRONOUNS)}){e}[^,;:]*$", re.IGNORECASE)
        self.relative_opening = re.compile(rf"\s*(?:{_alternation(self.RELATIVE_PRONOUNS)}){e}", re.IGNORECASE)
        self.generic_heads = {fold(n) for n in self.GENERIC_HEAD_NOUNS}
        self.generic_document_nouns = {fold(n) for n in self.GENERIC_DOCUMENT_NOUNS}
        self.document = re.compile(rf"{w}(?:{_alternation(self.DOCUMENT_NOUNS)}){e}", re.IGNORECASE)
        self.spokes = re.compile(rf"{w}(?:{_alternation(self.SPOKES_NOUNS)}){e}", re.IGNORECASE)
        self.role = re.compile(rf"{w}(?:{_alternation(self.ROLE_NOUNS)})s?{e}", re.IGNORECASE)
        # "Mark Hollis, head of", "Paul Foster, deputy director and head of", « X, ancien directeur »: a role after
        # a comma, behind a determiner and a few lowercase modifiers (never a relative pronoun: "X, whose chief")
        self.apposed_role = re.compile(
            rf",\s*(?:(?:{_alternation(self.DETERMINERS)})\s*)?"
            rf"(?:(?!(?:{_alternation(self.RELATIVE_PRONOUNS)}){e})(?-i:[a-zà-ÿ][\w-]*)\s+){{0,3}}?"
            rf"(?:{_alternation(self.ROLE_NOUNS)})s?{e}", re.IGNORECASE)
        self.witness = re.compile(rf"{w}(?:{_alternation(self.WITNESS_NOUNS)})s?{e}", re.IGNORECASE)
        self.naming_cue_end = re.compile(rf"{w}(?:{_alternation(self.NAMING_CUES)})\s*[:,]?\s*$", re.IGNORECASE)
        self.stopwords = set(self.STOPWORDS)
        self.prepositions = {fold(p) for p in self.PREPOSITIONS}
        self.genitive = {fold(p).rstrip("'") for p in self.GENITIVE}
        self.acronym_links = {fold(word) for word in self.ACRONYM_LINKS}
        self.participle_opening = re.compile(
            rf"\s*(?-i:[a-zà-ÿ]+(?:{_alternation(self.PRESENT_PARTICIPLE_ENDINGS)})){e}")
        self.anonymous = {fold(p) for p in self.ANONYMOUS_HEADS}
        self.plural_heads = {fold(p) for p in self.PLURAL_HEADS}
        self.determiners = {fold(p).rstrip("'") for p in self.DETERMINERS}
        self.title_function_words = {fold(p).rstrip("'") for p in self.TITLE_FUNCTION_WORDS}
        self.not_names = set(self.NOT_NAMES)
        self.clitics = {fold(c) for c in self.SUBJECT_CLITICS}
        self.document_clitic = re.compile(rf"(?<![\w'])(?:{_alternation(self.DOCUMENT_CLITICS) or '(?!)'})\s*$")
        self.abbreviations = sorted(self.ABBREVIATIONS, key=len, reverse=True)
        self.claim_cues = {kind: [fold(c) for c in cues] for kind, cues in self.CLAIM_CUES.items()}
        self.female_markers = [fold(m) for m in self.FEMALE_MARKERS]
        self.male_markers = [fold(m) for m in self.MALE_MARKERS]
        self.org_words = {kind: {fold(x) for x in words} for kind, words in self.ORG_WORDS.items()}
        self.national_body_ends = self.org_words.get("agency", set()) | {fold(x) for x in self.NATIONAL_BODY_ENDS}
        self.institution_nouns = {fold(noun): set(kinds) for noun, kinds in self.INSTITUTION_NOUNS.items()}
        articles = [*self.DETERMINERS, *self.CONTRACTED_ARTICLES]  # « du constructeur » after « une porte-parole »
        self.institution_noun = re.compile(
            rf"\s*(?:{_alternation(articles)})\s*(?:[\w.-]+\s+){{0,2}}?(?P<noun>{_alternation(self.INSTITUTION_NOUNS)})"
            rf"(?:\s+[\w.'’-]+){{0,2}}\s*", re.IGNORECASE)
        capitalised = r"(?-i:[A-ZÀ-Ý][\w'-]*)"
        linked = rf"\s+(?:{_alternation(self.INSTITUTION_LINKERS)})\s*(?:(?:{_alternation(self.DETERMINERS)})\s*)?"
        if getattr(self, "INSTITUTION_NAME_APPOSED", False):  # « la métropole Aix-Marseille-Provence »
            linked = rf"(?:{linked}|[ \u00a0])"  # one space: never across a line
        # a possessive owner stands for the determiner: "Georgia's Foreign Ministry", "the Georgian Foreign Ministry"
        owner = rf"(?=(?-i:[A-ZÀ-Ý][\w-]*)(?:{_alternation(self.POSSESSIVE_MARKERS) or '(?!)'})\s)"
        # « la mission iranienne auprès des Nations unies »: a lower-case adjective between the noun and what follows
        endings = _alternation(self.NAME_ADJECTIVE_ENDINGS)
        adjective = rf"(?:[ \u00a0](?-i:[a-zà-ÿ]+(?:{endings}))(?=\s))?" if endings else ""
        # "Department for Business, Energy and Industrial Strategy": a list of portfolios, with a comma at least
        # (« de l'Économie, des Finances et de l'Industrie »: each may have its linker and article)
        its_linker = rf"(?:{_alternation(self.INSTITUTION_LINKERS)})\s*(?:(?:{_alternation(self.DETERMINERS)})\s*)?"
        portfolio = rf"(?:{its_linker})?{capitalised}(?:\s+{capitalised}){{0,2}}"
        portfolios = rf"(?:(?:,\s+{portfolio}){{1,3}},?\s+(?:{_alternation(self.NAME_LIST_JOINERS)})\s+{portfolio})?"
        self.new_institution = re.compile(
            rf"(?<![\w'])(?:(?:{_alternation(self.DETERMINERS)})\s*|{owner})(?P<name>(?P<before>(?:(?:{capitalised}|"
            rf"{_alternation(self.INSTITUTION_DOMAINS) or '(?!)'})\s+){{0,4}})"
            rf"(?P<noun>{_alternation(self.NEW_INSTITUTION_NOUNS)}){adjective}"
            rf"(?P<after>(?:{linked}{capitalised}(?:\s+{capitalised}){{0,2}}{portfolios}){{0,2}}))"
            rf"(?![\w-])", re.IGNORECASE)
        self.institution_pronouns = set(self.INSTITUTION_PRONOUNS)
        self.body_possessives = {fold(word) for word in self.BODY_POSSESSIVES}
        self.as_opener = re.compile(rf"\s*(?:{_alternation(self.AS_OPENERS) or '(?!)'})(?![\w-])", re.IGNORECASE)
        self.collective_subject = re.compile(rf"\s*(?:{_alternation(self.COLLECTIVE_SUBJECTS)})\s*", re.IGNORECASE)
        self.new_institution_noun = re.compile(  # "ministères" too
            rf"(?<![\w'])(?:{_alternation(self.NEW_INSTITUTION_NOUNS)})s?(?![\w-])", re.IGNORECASE)
        self.self_naming_nouns = {fold(noun) for noun in getattr(self, "SELF_NAMING_INSTITUTION_NOUNS", ())}
        self.generic_institution_nouns = {fold(noun) for noun in getattr(self, "GENERIC_INSTITUTION_NOUNS", ())}
        self.opinion_prepositions = {fold(p) for p in self.OPINION_PREPOSITIONS}
        self.questioned_participles = {fold(p) for p in self.QUESTIONED_PARTICIPLES}
        self.agent_prepositions = {fold(p) for p in self.AGENT_PREPOSITIONS}
        self.passive_agents = {fold(p) for p in self.PASSIVE_AGENTS}
        self.addressee_verbs = {fold(v) for v in self.ADDRESSEE_VERBS}
        self.person_title_before = re.compile(rf"(?<![\w.])(?:{_alternation(self.PERSON_TITLE_CUES)})\s*$")
        self.person_after = re.compile(rf"^(?:{_alternation(self.PERSON_AFTER_CUES)})", re.IGNORECASE)
        company = _alternation([n for n, kinds in self.INSTITUTION_NOUNS.items() if set(kinds) == {"company"}])
        articles = _alternation([*self.DETERMINERS, *self.INDEFINITE_ARTICLES])
        # "Kaseya, a Miami-based software company" / « l'éditeur américain de logiciels Kaseya »
        self.company_after = re.compile(rf",\s*(?:{articles})\s*(?:[\w'-]+\s+){{0,3}}?(?:{company})(?![\w-])",
                                        re.IGNORECASE)
        self.company_noun = re.compile(rf"(?<![\w'])(?:{_alternation(self.DETERMINERS)})\s*(?:{company})(?![\w-])",
                                       re.IGNORECASE)
        nationality = _alternation(self.COMPANY_NATIONALITY_NOUNS) or "(?!)"
        self.company_before = re.compile(
            rf"(?<![\w'])(?:{articles})\s*(?:(?:[\w-]+\s+){{0,2}}?(?:{company})(?:\s+(?-i:[a-zà-ÿ'-]+)){{0,3}}"
            rf"|(?-i:{nationality}))\s+$", re.IGNORECASE)
        # "Macron's En Marche! movement": a body named between a possessive and its kind's noun
        markers = _alternation(self.POSSESSIVE_MARKERS)
        self.possessive_owner = re.compile(rf"\S+(?:{markers or '(?!)'})\s+")  # "Germany's " opening a body's name
        # "National Police of ", « Police nationale d' »: a body's name before its state's, up to the genitive
        self.body_before_genitive = re.compile(
            rf"(?<![\w'-])(?P<body>[\w&-]+(?:[^\S\n]+[\w&-]+){{0,4}}?)[^\S\n]+(?:{_alternation(self.GENITIVE)})"
            rf"[^\S\n]*(?:(?:{_alternation(self.DETERMINERS)})[^\S\n]*)?$")
        self.possessed_body = re.compile(
            rf"\w(?:{markers})[^\S\n]+(?P<name>(?-i:[A-ZÀ-Ý][\w-]*)(?:[^\S\n]+(?-i:[A-ZÀ-Ý][\w-]*)){{0,3}})!?"
            rf"[^\S\n]+(?P<noun>{_alternation(self.INSTITUTION_NOUNS)})(?![\w-])") if markers else None
        # "A Siemens spokesman said": the name a spokesperson's noun follows is a body's
        self.spokes_after_name = re.compile(rf"[^\S\n]+(?:{_alternation(self.SPOKES_NOUNS)}){e}", re.IGNORECASE)


@cache
def language_data(code: str) -> LanguageData:
    if code not in SUPPORTED:
        code = DEFAULT
    return LanguageData(importlib.import_module(f"{__name__}.{code}"))


def all_languages() -> list[LanguageData]:
    return [language_data(code) for code in SUPPORTED]


def detect_language(text: str) -> str:
    """The supported language whose stopwords are the most frequent in the text."""
    words = re.findall(r"[a-zà-ÿ']+", text[:5000].lower())
    best, best_score = DEFAULT, -1
    for data in all_languages():
        score = sum(1 for word in words if word in data.stopwords)
        if score > best_score:
            best, best_score = data.CODE, score
    return best
