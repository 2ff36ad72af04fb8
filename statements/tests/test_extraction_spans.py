"""spans.py: which quotation spans are statements, and the sentence read around each one."""

from statements.extraction.spans import Statements
from statements.tests.extraction_stages import document


def _statements(text, language="fr"):
    return Statements(document(text, language))


def test_a_quoted_word_or_name_is_no_statement():
    text = ("Le groupe se fait appeler « Homeland Justice ». Il parle de « rançongiciel ». "
            "« Nous ne paierons jamais de rançon », a dit le ministre. La suite.")
    statements = _statements(text)
    assert [text[s.start:s.end] for s in statements.spans] == ["Nous ne paierons jamais de rançon"]


def test_a_quote_is_read_with_its_sentence_and_no_further():
    text = "Il pleuvait. « Nous ne paierons jamais de rançon », a dit le ministre. La suite."
    [quote] = _statements(text).quotes
    assert text[quote.prefix_start:quote.tail_end] == " « Nous ne paierons jamais de rançon », a dit le ministre"
    assert not quote.tail_new_sentence


def test_a_quote_ending_its_sentence_before_a_new_one_says_so():
    text = "“We will not pay any ransom.” The minister was firm."
    [quote] = _statements(text, "en").quotes
    assert quote.tail_new_sentence


def test_the_sentence_of_a_quote_stops_at_the_quote_before():
    text = "« Nous enquêtons sur ces faits graves » et « nous répondrons à ces attaques », a dit le ministre."
    first, second = _statements(text).quotes
    assert second.prefix_start == first.span.close + 1


def test_positions_inside_a_statement_include_its_marks():
    text = "Il a déclaré « nous enquêtons sur ces faits graves » hier."
    statements = _statements(text)
    assert statements.in_quote(text.index("«")) and statements.in_quote(text.index("»"))
    assert not statements.in_quote(text.index("hier"))
