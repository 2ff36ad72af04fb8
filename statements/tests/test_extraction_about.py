"""What each quote is about (statements/extraction/about.py): incidents and events from the article's context."""

import json
from pathlib import Path

from statements.dates import PartialDate
from statements.extraction import Gazetteer, extract
from statements.extraction.evaluate import score
from statements.ingest.preview import documents_extract, gold_files

ACTORS = [
    {"name": "Joe Biden", "kind": "person", "country": "US", "aliases": {"*": ["Biden"]}},
    {"name": "Vladimir Putin", "kind": "person", "country": "RU", "aliases": {"fr": ["Poutine"], "en": ["Putin"]}},
    {"name": "Jen Psaki", "kind": "person", "country": "US", "aliases": {"*": ["Psaki"]}},
    {"name": "White House", "kind": "agency", "country": "US", "aliases": {"fr": ["Maison Blanche"]}},
    {"name": "Costa Rica", "kind": "state", "country": "CR", "aliases": {}},
    {"name": "Conti", "kind": "group", "aliases": {}},
    {"name": "GRU", "kind": "agency", "country": "RU", "aliases": {}},
    {"name": "United Kingdom", "kind": "state", "country": "GB", "aliases": {"*": ["UK"]}},
    {"name": "Netherlands", "kind": "state", "country": "NL", "aliases": {}},
    {"name": "Jeremy Hunt", "kind": "person", "country": "GB", "aliases": {"*": ["Hunt"]}},
    {"name": "OPCW", "kind": "igo", "aliases": {"fr": ["OIAC"]}},
    {"name": "En Marche", "kind": "other", "aliases": {}},
    {"name": "Rodrigo Chaves", "kind": "person", "country": "CR", "aliases": {"*": ["Chaves"]}},
    {"name": "Maria Zakharova", "kind": "person", "country": "RU", "aliases": {"*": ["Zakharova"]}},
    {"name": "Hua Chunying", "kind": "person", "country": "CN", "aliases": {"*": ["Hua"]}},
]
INCIDENTS = [
    {"name": "Kaseya", "kind": "ransomware", "start": "2021-07-02", "patterns": {"*": ["Kaseya"]}},
    {"name": "JBS", "kind": "ransomware", "start": "2021-05-30", "patterns": {"*": ["JBS"]}, "victims": ["JBS"]},
    {"name": "SolarWinds", "kind": "espionage", "start": "2020-12-13", "patterns": {"*": ["SolarWinds"]}},
    {"name": "NotPetya", "kind": "wiper", "start": "2017-06-27", "victims": ["Saint-Gobain", "Maersk"]},
    {"name": "Conti attack on Costa Rica", "kind": "ransomware", "start": "2022-04-17", "victims": ["Costa Rica"],
     "attributions": [{"claimant": "Costa Rica", "attributed_to": "Conti"}]},
    {"name": "OPCW hacking attempt", "kind": "espionage", "start": "2018-04-13", "victims": ["OPCW"],
     "attributions": [{"claimant": "Netherlands", "attributed_to": "GRU"}]},
    {"name": "Macron Leaks", "kind": "hack-and-leak", "start": "2017-05-05", "victims": ["En Marche"],
     "aliases": {"fr": ["piratage de la campagne d'Emmanuel Macron"]}, "patterns": {"*": ["MacronLeaks"]}},
    {"name": "Ukrainian power grid attack 2015", "kind": "sabotage", "start": "2015-12-23",
     "aliases": {"fr": ["attaque contre le réseau électrique ukrainien"]}},
    {"name": "Georgia 2019 cyberattack", "kind": "sabotage", "start": "2019-10-28",
     "aliases": {"fr": ["cyberattaque contre la Géorgie"]}},
    {"name": "OPM data breach", "kind": "espionage", "start": "2015-06", "aliases": {"en": ["OPM hack"]},
     "victims": ["Office of Personnel Management"]},
]
EVENTS = [
    {"name": "Biden-Putin call of 9 July 2021", "kind": "call", "start": "2021-07-09", "end": "2021-07-09",
     "participants": ["Joe Biden", "Vladimir Putin"], "incidents": ["Kaseya"]},
    {"name": "Biden-Putin Geneva summit", "kind": "summit", "start": "2021-06-16", "end": "2021-06-16",
     "location": "Geneva", "participants": ["Joe Biden", "Vladimir Putin"], "aliases": {"fr": ["sommet de Genève"]}},
    {"name": "Dutch exposure of the GRU OPCW operation", "kind": "statement", "start": "2018-10-04",
     "end": "2018-10-04", "participants": ["Netherlands", "GRU", "United Kingdom"],
     "incidents": ["OPCW hacking attempt"]},
    {"name": "Indictment of six GRU officers", "kind": "indictment", "start": "2020-10-19", "end": "2020-10-19",
     "participants": ["GRU"], "aliases": {"fr": ["inculpation de six officiers du GRU"]},
     "incidents": ["Macron Leaks", "Ukrainian power grid attack 2015", "Georgia 2019 cyberattack"]},
]
EVENTS += [
    {"name": "US sanctions on Russia of 15 April 2021", "kind": "sanctions", "start": "2021-04-15",
     "end": "2021-04-15", "participants": ["Joe Biden"], "incidents": ["SolarWinds"]},
    {"name": "SolarWinds attribution to the SVR", "kind": "statement", "start": "2021-04-15", "end": "2021-04-15",
     "participants": ["Joe Biden"], "incidents": ["SolarWinds"]},
    {"name": "Conti servers takedown", "kind": "other", "start": "2022-05-20", "end": "2022-05-20",
     "participants": ["Rodrigo Chaves", "Costa Rica"], "incidents": ["Conti attack on Costa Rica"]},
]
GAZETTEER = Gazetteer.from_entries(actors=ACTORS, incidents=INCIDENTS, events=EVENTS)

CALL_ARTICLE = (
    "Joe Biden s'est entretenu vendredi au téléphone avec Vladimir Poutine, une semaine après l'attaque "
    "contre Kaseya menée par des pirates russophones.\n\n"
    "« Le président a souligné l'importance que la Russie agisse », indique le compte-rendu de la Maison Blanche.\n\n"
    "« La discussion s'est bien passée, je suis optimiste », a ensuite déclaré Joe Biden.\n\n"
    "Interrogée sur les suites, Jen Psaki a répondu : « Nous n'avons rien à annoncer aujourd'hui. »\n\n"
    "En juin, le groupe avait déjà paralysé le géant de la viande JBS. « Nous avons payé pour protéger nos "
    "clients », avait alors déclaré son directeur, André Nogueira."
)


def quotes_of(text, title="", published="2021-07-09", language="fr"):
    result = extract(text, gazetteer=GAZETTEER, published=PartialDate.parse(published) if published else None,
                     language=language, title=title)
    return QuotesByStart(result.quotes), result


class QuotesByStart(dict):
    """The quotes found, looked up by how their text starts."""

    def __init__(self, quotes):
        super().__init__((quote.text, quote) for quote in quotes)

    def __getitem__(self, start):
        return next(quote for text, quote in self.items() if text.startswith(start))


def test_a_quote_is_about_the_incident_and_event_of_its_article_though_its_words_name_neither():
    quotes, result = quotes_of(CALL_ARTICLE)
    optimistic = quotes["La discussion s'est bien "]
    assert optimistic.incidents == ["Kaseya"]
    assert optimistic.events == ["Biden-Putin call of 9 July 2021"]  # named nowhere: recognised by its words
    assert quotes["Le président a souligné l'"].events == ["Biden-Putin call of 9 July 2021"]  # the readout
    assert "Kaseya" in result.incidents


def test_a_background_paragraph_keeps_its_quotes_to_the_incident_it_names():
    quotes, _ = quotes_of(CALL_ARTICLE)
    assert quotes["Nous avons payé pour proté"].incidents == ["JBS"]


def test_only_the_participants_and_their_institutions_speak_at_a_call():
    quotes, _ = quotes_of(CALL_ARTICLE)
    assert quotes["Nous n'avons rien à annonc"].events == []  # the press secretary, at her own briefing
    assert quotes["Nous n'avons rien à annonc"].incidents == ["Kaseya"]  # ...about the story all the same


def test_a_quote_recalling_another_time_does_not_take_its_paragraph_out_of_the_story():
    recalled = CALL_ARTICLE + "\n\n« Nous avions déjà alerté Moscou l'an dernier, sans réponse », a ajouté Joe Biden."
    quotes, _ = quotes_of(recalled)
    assert quotes["Nous avions déjà alerté M"].events == ["Biden-Putin call of 9 July 2021"]
    narrated = CALL_ARTICLE + "\n\nL'an dernier, Joe Biden avait écrit : « Nous avons alerté Moscou, sans réponse »."
    quotes, _ = quotes_of(narrated)
    assert quotes["Nous avons alerté Moscou"].events == []  # the narration sets the paragraph a year earlier


def test_a_paragraph_describing_a_coming_summit_by_its_kind_and_a_participant_is_about_it():
    text = ("Le groupe JBS a confirmé mercredi avoir payé une rançon aux pirates.\n\n"
            "« Nous avons payé pour protéger nos clients », a déclaré son directeur, André Nogueira.\n\n"
            "Jen Psaki a précisé que Joe Biden aborderait la question lors de son sommet avec Vladimir Poutine. "
            "« Ce sera assurément un sujet de discussion », a-t-elle dit.")
    quotes, _ = quotes_of(text, published="2021-06-02")
    assert quotes["Ce sera assurément un suj"].events == ["Biden-Putin Geneva summit"]  # a fortnight ahead
    assert quotes["Nous avons payé pour proté"].events == []
    months_before, _ = quotes_of(text, published="2021-03-02")
    assert months_before["Ce sera assurément un suj"].events == []


def test_an_event_is_not_recognised_far_from_its_date():
    quotes, _ = quotes_of(CALL_ARTICLE, published="2023-03-01")
    assert quotes["La discussion s'est bien "].events == []


def test_an_incident_named_once_in_a_background_paragraph_is_not_the_story():
    text = ("Le président russe a défendu mercredi la coopération avec Washington contre la cybercriminalité.\n\n"
            "« Nous sommes prêts à extrader des criminels », a déclaré Vladimir Poutine.\n\n"
            "Les relations restent tendues depuis des mois.\n\n"
            "L'attaque contre JBS, fin mai, avait relancé le débat sur les rançongiciels.")
    quotes, _ = quotes_of(text, published="2021-06-30")
    assert quotes["Nous sommes prêts à extrad"].incidents == []


def test_an_incident_is_named_by_its_victim_beside_an_attack_word_or_by_its_culprit():
    text = ("Le président Rodrigo Chaves a décrété l'état d'urgence face à la cyberattaque contre le Costa Rica.\n\n"
            "« Nous sommes en guerre », a déclaré Rodrigo Chaves.")
    quotes, result = quotes_of(text, published="2022-05-09")
    assert quotes["Nous sommes en guerre"].incidents == ["Conti attack on Costa Rica"]
    assert "Conti attack on Costa Rica" in result.incidents
    passive, _ = quotes_of("Le Costa Rica a été victime d'une vaste cyberattaque, a annoncé le gouvernement.\n\n"
                           "« Nous sommes en guerre », a déclaré Rodrigo Chaves.", published="2022-05-09")
    assert passive["Nous sommes en guerre"].incidents == ["Conti attack on Costa Rica"]  # "X was hit by ransomware"
    crippling, _ = quotes_of("Le gouvernement fait face à la cyberattaque qui a paralysé le Costa Rica.\n\n"
                             "« Nous sommes en guerre », a déclaré Rodrigo Chaves.", published="2022-05-09")
    assert crippling["Nous sommes en guerre"].incidents == ["Conti attack on Costa Rica"]
    by_culprit, _ = quotes_of("Le groupe Conti menace de renverser le gouvernement.\n\n« Nous sommes en guerre », "
                              "a déclaré Rodrigo Chaves.", published="2022-05-16")
    assert by_culprit["Nous sommes en guerre"].incidents == ["Conti attack on Costa Rica"]


def test_a_lead_describing_an_attack_in_its_own_words_in_the_days_after_it_is_about_it():
    text = ("Les services ukrainiens accusent la Russie d'être à l'origine de la panne du 23 décembre.\n\n"
            "« Des représentants des services russes ont tenté de paralyser le système », affirme le SBU.")
    title = "Kiev accuse Moscou d'une cyberattaque contre son réseau électrique"
    quotes, result = quotes_of(text, title=title, published="2015-12-29")
    assert quotes["Des représentants"].incidents == ["Ukrainian power grid attack 2015"]
    assert "Ukrainian power grid attack 2015" in result.incidents
    months_later, _ = quotes_of(text, title=title, published="2016-06-29")
    assert months_later["Des représentants"].incidents == []  # the words fit, but the attack is no longer news
    no_attack, _ = quotes_of(text, title="Kiev modernise son réseau électrique", published="2015-12-29")
    assert no_attack["Des représentants"].incidents == []


def test_a_lead_on_one_unnamed_attack_is_about_the_incident_whose_victim_the_article_names_later():
    text = ("China dismissed as irresponsible suggestions that it was behind a massive breach of U.S. government "
            "computers.\n\n"
            '"Hacking attacks are hard to trace," Foreign Ministry spokesman Hong Lei told a briefing.\n\n'
            '"We are not in a position to identify a suspect," White House spokesman Josh Earnest said.\n\n'
            "The Office of Personnel Management said it had detected the intrusion in April.")
    quotes, _ = quotes_of(text, published="2015-06-05", language="en")
    assert quotes["Hacking attacks are hard"].incidents == ["OPM data breach"]
    background = text + "\n\nThe JBS attack in 2021 was another."
    two_incidents, _ = quotes_of(background, published="2015-06-05", language="en")
    assert two_incidents["Hacking attacks are hard"].incidents == []  # two incidents: the lead's is unclear
    years_later, _ = quotes_of(text, published="2022-06-05", language="en")
    assert years_later["Hacking attacks are hard"].incidents == []


def test_a_company_named_in_a_sentence_about_an_attack_names_the_incident_it_suffered():
    text = ("Au lendemain de l'attaque informatique mondiale, les entreprises font leurs comptes.\n\n"
            "« Nous avons isolé nos systèmes », a expliqué le groupe dans un communiqué.")
    quotes, result = quotes_of(text, title="Cyberattaque : Saint-Gobain parmi les victimes", published="2017-06-28")
    assert quotes["Nous avons isolé nos syst"].incidents == ["NotPetya"]  # no actor: known only as its victim
    assert "NotPetya" in result.incidents
    malware, _ = quotes_of(text, title="Saint-Gobain paralysé par un logiciel malveillant", published="2017-06-28")
    assert malware["Nous avons isolé nos syst"].incidents == ["NotPetya"]  # any word for what hit it
    too_early, _ = quotes_of(text, title="Cyberattaque : Saint-Gobain parmi les victimes", published="2016-06-28")
    assert too_early["Nous avons isolé nos syst"].incidents == []


def test_a_state_named_in_a_sentence_about_an_attack_is_not_therefore_its_victim():
    text = ("Rodrigo Chaves a reçu mardi les ministres pour parler de l'attaque informatique qui a frappé la région, "
            "et le Costa Rica a promis son aide.\n\n« Nous serons aux côtés de nos voisins dans cette épreuve », "
            "a déclaré Rodrigo Chaves.")
    quotes, _ = quotes_of(text, published="2022-05-09")
    assert quotes["Nous serons aux côtés"].incidents == []


INDICTMENT_ARTICLE = (
    "Le Kremlin a dénoncé mardi l'inculpation de six officiers du GRU par la justice américaine.\n\n"
    "« C'est de la russophobie », a déclaré Dmitri Peskov.\n\n"
    "Ils sont accusés d'avoir visé le parti d'Emmanuel Macron en 2017 et le réseau électrique ukrainien.\n\n"
    "Ils auraient aussi tenté de pénétrer les réseaux de l'OIAC, à La Haye."
)


def test_the_incidents_of_the_reported_event_that_the_article_describes_in_its_own_words_are_named_by_it():
    _, result = quotes_of(INDICTMENT_ARTICLE, published="2020-10-20")
    assert {"Macron Leaks", "Ukrainian power grid attack 2015"} <= set(result.incidents)
    assert "Georgia 2019 cyberattack" not in result.incidents  # concerned by the indictment, not described


def test_a_victim_and_its_attacker_named_in_different_paragraphs_do_not_make_the_story():
    quotes, _ = quotes_of(INDICTMENT_ARTICLE, published="2020-10-20")
    assert quotes["C'est de la russophobie"].incidents == []  # the indictment is about several attacks
    assert quotes["C'est de la russophobie"].events == ["Indictment of six GRU officers"]


def test_an_article_about_an_event_names_the_incident_it_concerns():
    text = ("Joe Biden s'est entretenu vendredi au téléphone avec Vladimir Poutine.\n\n"
            "« La discussion s'est bien passée », a déclaré Joe Biden.")
    quotes, result = quotes_of(text)
    assert quotes["La discussion s'est bien "].incidents == ["Kaseya"]
    assert "Kaseya" in result.incidents


GRU_ARTICLE = (
    "The UK has publicly accused Russia's military intelligence service, the GRU, of a string of cyber-attacks.\n\n"
    "“These cyber-attacks serve no legitimate national security interest,” Jeremy Hunt said.\n\n"
    "The Netherlands said later it had disrupted a GRU operation against the OPCW."
)


def test_words_every_attribution_uses_describe_no_event_unless_the_article_is_about_its_incident():
    quotes, _ = quotes_of(GRU_ARTICLE, published="2018-10-10", language="en")
    assert quotes["These cyber-attacks serve"].events == []  # "accused", the UK and the GRU: any attribution
    assert quotes["These cyber-attacks serve"].incidents == []  # the OPCW named with the GRU in a late paragraph


def test_an_incident_that_two_rules_find_at_one_place_is_named_once():
    text = ("The UK has publicly accused Russia's military intelligence service of a string of cyber-attacks.\n\n"
            "“These cyber-attacks serve no legitimate national security interest,” Jeremy Hunt said.\n\n"
            "Among them, it said, was the GRU's attack on the OPCW, beside the theft of athletes' data.")
    quotes, _ = quotes_of(text, published="2018-10-10", language="en")
    # the OPCW beside an attack word, and with its attacker in one paragraph: one mention, not the story
    assert quotes["These cyber-attacks serve"].incidents == []


def test_two_participants_named_on_its_day_need_a_word_of_the_events_name():
    quotes, _ = quotes_of(GRU_ARTICLE.replace("accused", "said"), published="2018-10-04", language="en")
    assert quotes["These cyber-attacks serve"].events == []
    named, _ = quotes_of(GRU_ARTICLE.replace("accused", "said").replace("cyber-attacks.", "cyber-attacks, a Dutch "
                                                                         "exposure."), published="2018-10-04",
                         language="en")
    assert named["These cyber-attacks serve"].events == ["Dutch exposure of the GRU OPCW operation"]


def test_an_article_about_an_event_naming_other_incidents_as_much_is_about_none_of_them():
    text = ("Joe Biden s'est entretenu vendredi au téléphone avec Vladimir Poutine.\n\n"
            "« La discussion s'est bien passée », a déclaré Joe Biden.\n\n"
            "Les attaques contre JBS et contre Kaseya ont marqué l'été.")
    quotes, _ = quotes_of(text)
    assert quotes["La discussion s'est bien "].incidents == []
    assert quotes["La discussion s'est bien "].events == ["Biden-Putin call of 9 July 2021"]


def test_a_summit_is_recognised_by_its_place_in_an_undated_article_and_its_title_counts():
    text = ("A l'issue de quatre heures de discussions avec Joe Biden, Vladimir Poutine a qualifié l'entretien de "
            "constructif.\n\n« Il n'y a eu aucune hostilité », a déclaré Vladimir Poutine.")
    quotes, _ = quotes_of(text, title="A Genève, Poutine renvoie la balle", published=None)
    assert quotes["Il n'y a eu aucune hostil"].events == ["Biden-Putin Geneva summit"]
    untitled, _ = quotes_of(text, published=None)
    assert untitled["Il n'y a eu aucune hostil"].events == []


def test_an_undated_lead_naming_an_events_kind_and_two_of_its_participants_is_about_it():
    text = ("Joe Biden a eu vendredi un appel téléphonique avec Vladimir Poutine sur les rançongiciels.\n\n"
            "« Nous attendons des actes », a déclaré Joe Biden.")
    quotes, _ = quotes_of(text, published=None)
    assert quotes["Nous attendons des actes"].events == ["Biden-Putin call of 9 July 2021"]
    one_participant, _ = quotes_of(text.replace("avec Vladimir Poutine ", ""), published=None)
    assert one_participant["Nous attendons des actes"].events == []


def test_a_reaction_at_the_speakers_own_briefing_belongs_only_to_an_event_their_state_takes_part_in():
    text = ("The Netherlands on Thursday made a Dutch exposure of a GRU operation, the hack on the OPCW.\n\n"
            "“This is Western spy mania,” Maria Zakharova told a regular news briefing in Moscow on Friday.\n\n"
            "In Beijing, Hua Chunying was asked about the case at her daily press briefing. “We oppose all "
            "cyberattacks,” Hua said.")
    quotes, _ = quotes_of(text, published="2018-10-05", language="en")
    assert quotes["This is Western spy mania"].events == ["Dutch exposure of the GRU OPCW operation"]  # the GRU's
    assert quotes["We oppose all cyberattacks"].events == []  # China takes no part in it
    assert quotes["We oppose all cyberattacks"].incidents == ["OPCW hacking attempt"]  # still the story's


def test_the_names_of_an_events_parties_do_not_describe_it():
    text = ("Russia on Friday denied that GRU officers carried out the hack on the OPCW, an operation it called "
            "a fabrication.\n\n“This is Western spy mania,” Maria Zakharova said.")
    quotes, _ = quotes_of(text, published=None, language="en")
    assert quotes["This is Western spy mania"].events == []  # "operation" and "OPCW": any article on the hack
    described, _ = quotes_of(text.replace("an operation it called", "the Dutch exposure of which it called"),
                             published=None, language="en")
    assert described["This is Western spy mania"].events == ["Dutch exposure of the GRU OPCW operation"]


def test_of_two_events_of_one_day_described_alike_the_one_whose_kind_the_title_names_is_reported():
    text = ("Les Etats-Unis ont annoncé jeudi des sanctions contre la Russie, accusée du piratage de SolarWinds, "
            "attribué pour la première fois au SVR.\n\n« J'ai choisi d'être proportionné », a déclaré Joe Biden.")
    quotes, _ = quotes_of(text, title="Sanctions contre Moscou : Biden choisit la mesure", published="2021-04-15")
    assert quotes["J'ai choisi d'être propo"].events == ["US sanctions on Russia of 15 April 2021"]
    untitled, _ = quotes_of(text, published="2021-04-15")
    assert untitled["J'ai choisi d'être propo"].events == []  # sanctions and attribution: which one is unclear


def test_an_event_only_the_body_describes_is_what_its_paragraphs_are_about():
    text = ("Rodrigo Chaves a témoigné vendredi devant les députés sur la crise que traverse le Costa Rica.\n\n"
            "« Nos hôpitaux ont tenu bon pendant des semaines », a déclaré Rodrigo Chaves.\n\n"
            "Le président a ajouté que la police avait démantelé dans la nuit les serveurs du groupe Conti. "
            "« Ils ne menaceront plus personne depuis ces machines », a-t-il dit.")
    quotes, _ = quotes_of(text, published="2022-05-20")
    assert quotes["Ils ne menaceront plus"].events == ["Conti servers takedown"]  # on its day, with two of its
    assert quotes["Nos hôpitaux ont tenu bo"].events == []  # participants: the hearing is the story, not it
    assert quotes["Nos hôpitaux ont tenu bo"].incidents == ["Conti attack on Costa Rica"]  # what it concerns is


def test_links_on_the_world_corpus_meet_their_goals():
    """The annotated corpus of real-looking articles (statements/tests/extraction_world), its dev part."""
    gold_path = Path(__file__).parent / "extraction_world" / "gold-world.json"
    annotation = json.loads(gold_path.read_text(encoding="utf-8"))
    annotation["documents"] = [doc for doc in annotation["documents"] if doc["split"] == "dev"]
    gazetteer_dir = Path(__file__).resolve().parents[2] / "fixtures" / "gazetteer"
    predictions = list(documents_extract(gold_files(annotation, gold_path), gazetteer_dir=gazetteer_dir,
                                         max_bytes=5_000_000))
    metrics = score(annotation, predictions)
    assert metrics["incident_link_recall"] >= 0.95 and metrics["incident_link_precision"] >= 0.95, metrics
    assert metrics["event_link_recall"] >= 0.94 and metrics["event_link_precision"] >= 0.95, metrics
    assert metrics["incident_recall"] >= 0.97 and metrics["incident_precision"] >= 0.92, metrics  # per article


ATTRIBUTION_GAZETTEER = Gazetteer.from_entries(
    actors=[*ACTORS, {"name": "National Cyber Security Centre", "kind": "agency", "country": "GB",
                      "aliases": {"*": ["NCSC"]}},
            {"name": "Sandworm", "kind": "group", "country": "RU", "aliases": {}}],
    incidents=[
        {"name": "Georgia 2019 cyberattack", "kind": "sabotage", "start": "2019-10-28",
         "attributions": [{"claimant": "United Kingdom", "attributed_to": "GRU", "date": "2020-02-20"}]},
        {"name": "NotPetya", "kind": "wiper", "start": "2017-06-27",
         "attributions": [{"claimant": "United Kingdom", "attributed_to": "Sandworm", "date": "2020-10-19"}]},
        {"name": "Olympic Destroyer", "kind": "sabotage", "start": "2018-02-09",
         "attributions": [{"claimant": "United Kingdom", "attributed_to": "Sandworm", "date": "2020-10-19"}]},
    ])
ATTRIBUTION_ARTICLE = ("The NCSC on Thursday blamed the GRU for a sweeping wave of website defacements last October."
                       "\n\n“This behaviour is totally unacceptable,” the NCSC said.")


def test_an_article_of_the_day_of_an_attribution_naming_its_claimant_and_culprit_is_about_its_incident():
    """Whatever the article calls the attack ("a wave of defacements"), the body of the claimant state beside the
    culprit, on the day the claim was made, names the incident."""
    result = extract(ATTRIBUTION_ARTICLE, gazetteer=ATTRIBUTION_GAZETTEER, published=PartialDate.parse("2020-02-20"),
                     language="en")
    assert result.incidents == ["Georgia 2019 cyberattack"]
    assert QuotesByStart(result.quotes)["This behaviour is"].incidents == ["Georgia 2019 cyberattack"]
    months_later = extract(ATTRIBUTION_ARTICLE, gazetteer=ATTRIBUTION_GAZETTEER,
                           published=PartialDate.parse("2020-06-20"), language="en")
    assert months_later.incidents == []  # no longer news: the old claim says nothing of a new attack


def test_a_claimant_named_after_another_state_speaking_is_background_not_the_story():
    text = ("The Netherlands said on Friday a state-backed group had breached its networks, joining the UK in "
            "calling out the GRU.\n\n“This behaviour is totally unacceptable,” the minister said.")
    result = extract(text, gazetteer=ATTRIBUTION_GAZETTEER, published=PartialDate.parse("2020-02-21"), language="en")
    assert result.incidents == []  # the UK's claim of the day before is not what the Netherlands announced


def test_on_a_day_several_incidents_were_attributed_none_is_named_by_its_claimant_and_culprit_alone():
    text = ATTRIBUTION_ARTICLE.replace("the GRU", "Sandworm")
    result = extract(text, gazetteer=ATTRIBUTION_GAZETTEER, published=PartialDate.parse("2020-10-19"), language="en")
    assert result.incidents == []


def test_a_name_with_an_ampersand_is_also_written_with_the_languages_and():
    gazetteer = Gazetteer.from_entries(incidents=[
        {"name": "Marks & Spencer cyberattack", "kind": "ransomware", "start": "2025-04",
         "victims": ["Marks & Spencer"]}])
    text = ("Marks and Spencer's chairman told MPs that the cyber-attack which shut the retailer's online shop "
            "was traumatic.\n\n“We're still in the rebuild mode,” he said.")
    result = extract(text, gazetteer=gazetteer, published=PartialDate.parse("2025-07-08"), language="en")
    assert result.incidents == ["Marks & Spencer cyberattack"]
    french = extract("« Nous reconstruisons encore », a dit le président de Marks et Spencer, victime d'une "
                     "cyberattaque.", gazetteer=gazetteer, published=PartialDate.parse("2025-07-08"), language="fr")
    assert french.incidents == ["Marks & Spencer cyberattack"]


def test_an_article_on_an_event_over_a_string_of_attacks_links_a_quote_only_to_the_attack_its_paragraph_names():
    text = ("La justice américaine a annoncé lundi l'inculpation de six officiers du GRU pour une série de "
            "cyberattaques, des #MacronLeaks à l'attaque contre le réseau électrique ukrainien.\n\n"
            "« Aucun pays n'a été aussi irresponsable », a déclaré le procureur.\n\n"
            "L'opération MacronLeaks visait l'équipe d'Emmanuel Macron. « Nous avons été visés », a dit un "
            "responsable de la campagne.")
    quotes, result = quotes_of(text, published="2020-10-19")
    assert quotes["Aucun pays n'a été"].incidents == []  # about the indictment, not one of its attacks
    assert quotes["Nous avons été visés"].incidents == ["Macron Leaks"]
    assert {"Macron Leaks", "Ukrainian power grid attack 2015"} <= set(result.incidents)


def test_the_lead_describes_an_event_in_another_part_of_speech_than_its_name():
    gazetteer = Gazetteer.from_entries(
        actors=[{"name": "Barack Obama", "kind": "person", "country": "US", "aliases": {"*": ["Obama"]}},
                {"name": "Xi Jinping", "kind": "person", "country": "CN", "aliases": {"*": ["Xi"]}}],
        events=[{"name": "US-China cyber agreement of 2015", "kind": "statement", "start": "2015-09-25",
                 "end": "2015-09-25", "participants": ["Barack Obama", "Xi Jinping"]}])
    text = ("President Obama said on Friday that he and Xi Jinping had agreed that neither government would conduct "
            "cyber theft of trade secrets.\n\n“The question now is, are words followed by actions?” Obama said.")
    result = extract(text, gazetteer=gazetteer, published=None, language="en")
    assert QuotesByStart(result.quotes)["The question now is"].events == ["US-China cyber agreement of 2015"]
    unrelated = extract(text.replace("had agreed that", "disagreed whether"), gazetteer=gazetteer, published=None,
                        language="en")
    assert QuotesByStart(unrelated.quotes)["The question now is"].events == []


def test_on_its_day_an_event_is_recognised_by_a_word_of_its_name_in_the_articles_language():
    gazetteer = Gazetteer.from_entries(
        actors=[{"name": "Barack Obama", "kind": "person", "country": "US", "aliases": {"*": ["Obama"]}},
                {"name": "Xi Jinping", "kind": "person", "country": "CN", "aliases": {"*": ["Xi"]}}],
        events=[{"name": "US-China cyber agreement of 2015", "kind": "statement", "start": "2015-09-25",
                 "end": "2015-09-25", "participants": ["Barack Obama", "Xi Jinping"],
                 "aliases": {"fr": ["accord Obama-Xi sur le cyberespionnage"]}}])
    text = ("Barack Obama et Xi Jinping ont annoncé vendredi qu'aucun des deux pays ne mènerait de "
            "cyberespionnage commercial.\n\n« La question est de savoir si les actes suivront », a dit Barack Obama.")
    result = extract(text, gazetteer=gazetteer, published=PartialDate.parse("2015-09-26"), language="fr")
    assert QuotesByStart(result.quotes)["La question est"].events == ["US-China cyber agreement of 2015"]
    a_week_later = extract(text, gazetteer=gazetteer, published=PartialDate.parse("2015-10-02"), language="fr")
    assert QuotesByStart(a_week_later.quotes)["La question est"].events == []


def test_a_lead_telling_of_an_attack_it_does_not_name_names_it_in_the_next_paragraph():
    text = ("A Central American country has declared a national emergency after a ransomware attack crippled its "
            "ministries, the first time a cyberattack has triggered such a step anywhere in the region.\n\n"
            "The attack on Costa Rica, whose tax and customs systems went dark on Monday, hit foreign trade "
            "first.\n\n"
            '"This is not something we fix quickly," President Rodrigo Chaves told reporters.')
    _, result = quotes_of(text, published="2022-05-09", language="en")
    assert [q.incidents for q in result.quotes] == [["Conti attack on Costa Rica"]]

