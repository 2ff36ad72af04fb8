"""entities.py: who a document names, before any quote is read."""

from statements.tests.extraction_stages import document, entities


def _mentions(text, language):
    doc = document(text, language)
    found = entities(doc)
    return found, [(text[m.start:m.end], m.name, m.kind, m.how, m.is_new) for m in found.mentions]


def test_a_role_descriptor_an_alias_and_a_later_bare_surname_name_the_same_gazetteer_actor():
    text = "Le porte-parole du Kremlin, Dmitri Peskov, a démenti. Selon M. Peskov, la Russie n'y est pour rien."
    found, mentions = _mentions(text, "fr")
    assert mentions[:3] == [("porte-parole du Kremlin", "Dmitry Peskov", "person", "descriptor", False),
                            ("Dmitri Peskov", "Dmitry Peskov", "person", "alias", False),
                            ("Peskov", "Dmitry Peskov", "person", "alias", False)]
    assert ("la Russie", "Russia", "state", "alias", False) in mentions
    assert found.new_actors == {}


def test_a_bare_surname_is_the_person_named_in_full_before_not_another_the_gazetteer_knows_by_it():
    text = ("White House press secretary Jay Carney said the call went well. Mr. Carney would not go further. "
            "Carney said so again.")
    _, mentions = _mentions(text, "en")
    assert [name for written, name, *_ in mentions if "Carney" in written] == ["Jay Carney"] * 3
    _, alone = _mentions("Carney said the budget was balanced.", "en")
    assert [name for written, name, *_ in alone if written == "Carney"] == ["Mark Carney"]


def test_a_name_spelt_without_its_letters_is_the_same_person():
    from statements.dates import PartialDate
    from statements.extraction import extract
    from statements.tests.extraction_stages import GAZETTEER

    text = ('"Our assessment is that Russia is behind this intrusion," Foreign Minister Ine Eriksen Søreide said.\n\n'
            '"Making a public attribution is a strong signal," Soereide told reporters.')
    result = extract(text, gazetteer=GAZETTEER, published=PartialDate.parse("2020-10-13"), language="en")
    assert [q.speaker for q in result.quotes] == ["Ine Eriksen Søreide"] * 2
    _, mentions = _mentions("The president of the BSI, Arne Schoenbohm, spoke on Monday.", "en")
    assert ("Arne Schoenbohm", "Arne Schönbohm", "person", "alias", False) in mentions


def test_a_name_after_a_title_is_a_new_person_with_the_gender_the_title_gives():
    found, mentions = _mentions("Hier, la ministre Marie Dupont a parlé longuement.", "fr")
    assert ("Marie Dupont", "Marie Dupont", "person", "ner", True) in mentions
    assert found.new_gender["Marie Dupont"] == "female"
    assert found.surnames["Dupont"] == "Marie Dupont"


def test_an_institution_the_gazetteer_lacks_is_new_and_the_state_it_names_stays_a_mention():
    found, mentions = _mentions("L'ambassade de Chine à Berne a réagi dans la soirée.", "fr")
    assert ("ambassade de Chine à Berne", "ambassade de Chine à Berne", "agency", "ner", True) in mentions
    assert ("Chine", "China", "state", "alias", False) in mentions
    assert found.new_actors["ambassade de Chine à Berne"].kind == "agency"


def test_an_unknown_acronym_that_speaks_is_a_body_and_a_name_before_said_a_person():
    found, mentions = _mentions("The HSE said in a statement that it was working. Paul Reid said it was serious.", "en")
    assert mentions == [("HSE", "HSE", "agency", "ner", True), ("Paul Reid", "Paul Reid", "person", "ner", True)]
    assert [m.name for m in found.persons] == ["Paul Reid"]


def test_mentions_between_two_positions_are_those_wholly_inside():
    text = "Le porte-parole du Kremlin, Dmitri Peskov, a démenti."
    found, _ = _mentions(text, "fr")
    assert [m.written for m in found.mentions_in(0, text.index(","))] == ["porte-parole du Kremlin"]
    assert [m.written for m in found.mentions_in(5, len(text))] == ["Dmitri Peskov"]


def test_a_role_names_the_person_in_apposition_not_the_subject_of_the_clause_after_it():
    apposed = "« Nous savons qui a fait cela », a déclaré le directeur du FBI, James Comey."
    assert _mentions(apposed, "fr")[1][0][:2] == ("directeur du FBI", "James Comey")
    opinion = "Pour le directeur du FBI, James Comey a commis une faute grave."
    assert _mentions(opinion, "fr")[1][0][:2] == ("directeur du FBI", "Christopher Wray")  # the holder in July 2021


def test_a_name_in_apposition_with_a_company_noun_is_a_new_company_and_so_are_its_later_mentions():
    text = "Brindlecorp, a Leeds-based software company, was hit. Later, Brindlecorp said it had restored service."
    found, mentions = _mentions(text, "en")
    assert [m[1:] for m in mentions if m[0] == "Brindlecorp"] == [("Brindlecorp", "company", "ner", True)] * 2
    assert found.new_actors["Brindlecorp"].kind == "company"


def test_a_name_after_a_french_company_noun_and_its_adjectives_is_a_new_company():
    text = "Les pirates ont visé l'éditeur américain de logiciels Pralinex. Pralinex a demandé de couper les serveurs."
    found, mentions = _mentions(text, "fr")
    assert [m[1:] for m in mentions if m[0] == "Pralinex"] == [("Pralinex", "company", "ner", True)] * 2


def test_a_capitalised_name_no_company_noun_describes_stays_no_company():
    _, mentions = _mentions("Brindlecorp was hit on Friday. Brindlecorp, the capital of the region, was calm.", "en")
    assert not [m for m in mentions if m[0] == "Brindlecorp"]


def test_a_victim_the_gazetteer_names_without_an_actor_is_a_body_of_the_text_but_no_new_actor_of_its_own():
    found, mentions = _mentions("Après Kaseya, les pirates ont visé le géant de la viande JBS, qui a payé.", "fr")
    assert [m for m in mentions if m[2] == "company"] == [("Kaseya", "Kaseya", "company", "victim", True),
                                                          ("JBS", "JBS", "company", "victim", True)]
    assert found.new_actors == {}
    assert not [m for m in _mentions("The Kaseya attack spread on Friday.", "en")[1] if m[0] == "Kaseya"]


def test_a_victim_that_speaks_is_the_speaker_and_a_new_actor():
    from pathlib import Path

    from statements.dates import PartialDate
    from statements.extraction import Gazetteer, extract

    gaz = Gazetteer.from_directory(Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer")
    text = ("Le fournisseur JBS a été visé par des pirates. « Nous avons payé pour protéger nos clients », a indiqué "
            "l'entreprise. « Les pirates ont été payés », a dit le géant de la viande, selon un dirigeant.")
    result = extract(text, gazetteer=gaz, published=PartialDate.parse("2021-06-09"), language="fr")
    assert result.quotes[0].speaker == "JBS"
    assert [(actor.name, actor.kind) for actor in result.new_actors] == [("JBS", "company")]
    assert "JBS" in result.actors
    silent = extract("Après Kaseya, les pirates ont visé JBS. « C'est grave », a dit Joe Biden.", gazetteer=gaz,
                     published=PartialDate.parse("2021-07-09"), language="fr")
    assert "JBS" not in silent.actors and not silent.new_actors


def test_a_victim_named_by_what_it_is_and_where_is_the_gazetteers_victim_and_speaks_as_it():
    from statements.dates import PartialDate
    from statements.extraction import extract
    from statements.tests.extraction_stages import GAZETTEER

    text = ("Une patiente n'a pas pu être admise au CHU de Düsseldorf et a été transférée vers l'hôpital de "
            "Wuppertal. « Le système s'est progressivement effondré », explique le CHU dans un communiqué.")
    _, mentions = _mentions(text, "fr")
    assert [m[:2] for m in mentions if m[3] == "victim"] == [("CHU de Düsseldorf", "Düsseldorf University Hospital")]
    result = extract(text, gazetteer=GAZETTEER, published=PartialDate.parse("2020-09-17"), language="fr")
    assert result.quotes[0].speaker == "Düsseldorf University Hospital"


def test_an_incident_s_name_is_a_company_only_where_the_company_the_text_calls_it_speaks():
    # MOVEit names the breach, not one of its victims
    named = "Après MOVEit, les pirates ont visé l'éditeur américain de logiciels MOVEit, qui a payé."
    assert not [m for m in _mentions(named, "fr")[1] if m[2] == "company"]
    speaking = "MOVEit, a Massachusetts software company, said fewer than 60 customers were hit."
    assert ("MOVEit", "MOVEit", "company", "ner", True) in _mentions(speaking, "en")[1]
    inverted = "L'éditeur de logiciels MOVEit a été visé. « Nous avons trouvé la faille », a indiqué l'entreprise."
    assert ("MOVEit", "MOVEit", "company", "ner", True) in _mentions(inverted, "fr")[1]


def test_a_roles_portfolio_is_no_body_but_a_body_a_role_belongs_to_is():
    from pathlib import Path

    from statements.dates import PartialDate
    from statements.extraction import Gazetteer, extract

    gaz = Gazetteer.from_directory(Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer")
    text = ("Le porte-parole du ministère géorgien des Affaires étrangères a dénoncé l'attaque. Le ministre "
            "coordinateur de la Sécurité nationale a réuni les services.\n\n"
            "« Ce traité donne aux gouvernements un outil de surveillance », estime Deborah Brown, directrice "
            "adjointe de la division technologie de Human Rights Watch.")
    actors = extract(text, gazetteer=gaz, published=PartialDate.parse("2024-08-09"), language="fr").actors
    assert "Affaires étrangères" not in actors and "Sécurité nationale" not in actors
    assert "Human Rights Watch" in actors


def test_a_french_bodys_name_keeps_the_adjective_after_its_capitalised_word():
    from pathlib import Path

    from statements.dates import PartialDate
    from statements.extraction import Gazetteer, extract

    gaz = Gazetteer.from_directory(Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer")
    text = ("L'ambassade de Chine en République tchèque a rejeté ces accusations. « La Chine s'oppose fermement à "
            "toute politisation », a-t-elle déclaré.")
    result = extract(text, gazetteer=gaz, published=PartialDate.parse("2025-05-28"), language="fr")
    assert [q.speaker for q in result.quotes] == ["ambassade de Chine en République tchèque"]


def test_a_bodys_name_names_its_state_but_not_a_shorter_name_it_holds():
    from pathlib import Path

    from statements.dates import PartialDate
    from statements.extraction import Gazetteer, extract

    gaz = Gazetteer.from_directory(Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer")
    text = '"We will hold Iran accountable," National Security Council spokeswoman Adrienne Watson said.'
    actors = extract(text, gazetteer=gaz, published=PartialDate.parse("2022-09-08"), language="en").actors
    assert "United States National Security Council" in actors
    assert "United Nations Security Council" not in actors


def test_a_name_with_middle_initials_and_a_suffix_is_the_gazetteer_person_without_them():
    from statements.dates import PartialDate
    from statements.extraction import extract
    from statements.tests.extraction_stages import GAZETTEER

    text = ('Attorney General Eric H. Holder Jr. told reporters on Monday: "This case alleges economic espionage."\n\n'
            '"We will not tolerate it," said Jane Q. Roe Jr., a prosecutor.')
    result = extract(text, gazetteer=GAZETTEER, published=PartialDate.parse("2014-05-19"), language="en")
    # a person the gazetteer lacks keeps her name
    assert [q.speaker for q in result.quotes] == ["Eric Holder", "Jane Q. Roe Jr"]
    assert "Eric H. Holder Jr." not in {actor.name for actor in result.new_actors}


def test_a_rank_or_a_title_with_its_portfolio_before_a_new_name_is_not_part_of_the_name():
    text = ("“We are examining possible ties,” said Detective Superintendent Tero Muurman of the police. "
            "Speaker of Parliament Anu Vehviläinen said it was serious.")
    found, _ = _mentions(text, "en")
    assert {"Tero Muurman", "Anu Vehviläinen"} <= set(found.new_actors)
    assert not [name for name in found.new_actors if "Detective" in name or "Parliament" in name]


def test_an_abbreviated_common_noun_that_speaks_is_no_body():
    found, _ = _mentions("One lawmaker said it came as no surprise. “We were told in December,” the MP said.", "en")
    assert "MP" not in found.new_actors
