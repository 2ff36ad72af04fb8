"""document.py: the shared reading of a document every stage starts from."""

from statements.tests.extraction_stages import document


def test_sentences_start_after_a_stop_but_not_after_an_abbreviation_or_an_initial():
    text = "Le Kremlin a démenti. Selon M. Peskov, J. Doe ment. Fin."
    doc = document(text, "fr")
    assert [text[s:s + 6] for s in doc.sentence_starts] == ["Le Kre", " Selon", " Fin.", ""]  # "" the text's end


def test_a_decimal_point_is_no_sentence_end():
    text = "The thieves took $1.5 billion. It was 2.7 times the record."
    doc = document(text, "en")
    assert [text[s:s + 6] for s in doc.sentence_starts] == ["The th", " It wa", ""]


def test_the_normalised_text_keeps_every_position_of_the_text():
    text = "L\u2019ANSSI a dit\u00a0: \u00ab\u202fnous enqu\u00eatons\u202f\u00bb \u2014 fin."
    doc = document(text, "fr")
    assert len(doc.norm) == len(text) and doc.norm.startswith("L'ANSSI a dit : ") and " - fin." in doc.norm


def test_every_quotation_span_is_kept_statements_or_not():
    doc = document("Il parle de « rançongiciel ». « Nous ne paierons jamais de rançon », a-t-il dit.", "fr")
    assert [doc.text[s.start:s.end] for s in doc.spans] == ["rançongiciel", "Nous ne paierons jamais de rançon"]


def test_roles_are_read_at_the_publication_date_else_at_the_date_the_text_tells():
    text = "Le rançongiciel NotPetya a paralysé Maersk. « Nous enquêtons toujours sur ce point », a dit le ministre."
    dated = document(text, "fr", "2021-07-09")
    undated = document(text, "fr", None)
    assert (str(dated.when), dated.when_source) == ("2021-07-09", "published")
    assert (str(undated.when), undated.when_source) == ("2017-06", "incident")
