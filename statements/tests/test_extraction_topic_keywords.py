"""Topic keywords: the scan the topics of a language share finds what each topic's own pattern finds."""

import itertools

from statements.extraction.gazetteer import Gazetteer, KeywordPattern, KeywordScan

KEYWORDS = [["cyber", "cyberattaque", "attaque"], ["cyberattaque de", "de", "-de"], ["#x", "x", "'a"], ["a"]]
PIECES = ["cyber", "attaque", " ", "de", "-", "#", "x", "'", "a", "é", "1"]


def _patterns(keyword_lists):
    scan = KeywordScan(keyword_lists)
    return [KeywordPattern(words, scan, index) for index, words in enumerate(keyword_lists)]


def _same_as_the_expression(pattern: KeywordPattern, text: str) -> None:
    expected, found = pattern.pattern.search(text), pattern.search(text)
    assert (expected and expected.span()) == (found and found.span()), (pattern.pattern.pattern, text)
    assert pattern.findall(text) == pattern.pattern.findall(text), (pattern.pattern.pattern, text)


def test_search_and_findall_answer_as_each_topics_expression_on_every_short_text():
    """Keywords inside others ("cyber" in "cyberattaque"), across lists, after a word character (no match),
    beginning with punctuation: every text of up to four pieces, each list asked in turn about the same text."""
    patterns = _patterns(KEYWORDS)
    for length in range(5):
        for pieces in itertools.product(PIECES, repeat=length):
            text = "".join(pieces)
            for pattern in patterns:
                _same_as_the_expression(pattern, text)


def test_texts_asked_in_alternation_and_equal_texts_get_their_own_answers():
    lead, article = "la cyberattaque de lundi", "une attaque, une autre attaque et encore une attaque"
    patterns = _patterns(KEYWORDS)
    for _ in range(3):
        for pattern in patterns:
            for text in (lead, article, "".join(["la cyber", "attaque de lundi"])):
                _same_as_the_expression(pattern, text)
    assert len(patterns[0].findall(article)) == 3


def test_an_empty_keyword_matches_where_the_expression_does():
    pattern = _patterns([["", "x"]])[0]
    for text in ("", "ab x", "x-x"):
        _same_as_the_expression(pattern, text)


def test_a_gazetteers_topics_are_found_in_a_folded_text():
    gazetteer = Gazetteer.from_entries(topics=[
        {"slug": "ransomware", "keywords": {"fr": ["rançongiciel"], "*": ["ransomware"]}},
        {"slug": "espionage", "keywords": {"fr": ["espionnage", "cyberespionnage"]}},
    ])
    def topics(text):
        return [slug for slug, pattern in gazetteer.topic_patterns("fr") if pattern.search(text)]

    assert topics("le rancongiciel lockbit et une campagne de cyberespionnage") == ["ransomware", "espionage"]
    assert topics("un service d'antiespionnage") == []  # a keyword inside a word is not the topic's
