"""Incident and event pages as dossiers: the dated chain of what happened and what was said."""

import datetime

import pytest

from statements.dossier import event_chain, incident_chain
from statements.models import AttributionClaim, Event, Incident, Quote

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaseya_story(make_article, putin, biden):
    text = "« Nous attendons des actes », a déclaré Joe Biden. « Nous n'y sommes pour rien », a dit Vladimir Poutine."
    article = make_article(text, title="Kaseya", published_date="2021-07-10")
    kaseya = Incident.objects.create(name="Kaseya", slug="kaseya", kind=Incident.Kind.RANSOMWARE,
                                     start_date=datetime.date(2021, 7, 2))
    call = Event.objects.create(name="Biden-Putin call", slug="biden-putin-call", kind=Event.Kind.CALL,
                                start_date=datetime.date(2021, 7, 9))
    call.incidents.add(kaseya)
    indictment = Event.objects.create(name="Kaseya indictment", slug="kaseya-indictment",
                                      kind=Event.Kind.INDICTMENT, start_date=datetime.date(2021, 11, 8))
    indictment.incidents.add(kaseya)

    def quote(words, speaker, day):
        start = text.index(words)
        made = Quote.objects.create(article=article, text=words, start=start, end=start + len(words), speaker=speaker,
                                    language="fr", statement_date=datetime.date(2021, 7, day))
        made.incidents.add(kaseya)
        made.events.add(call)
        return made

    demand, denial_words = quote("Nous attendons des actes", biden, 9), quote("Nous n'y sommes pour rien", putin, 10)
    denial = AttributionClaim.objects.create(incident=kaseya, claimant=putin, attributed_to=putin,
                                             stance=AttributionClaim.Stance.DENIAL, quote=denial_words,
                                             words=denial_words.text, claimed_date=datetime.date(2021, 7, 10),
                                             origin=AttributionClaim.Origin.TEXT, article=article)
    return kaseya, call, demand, denial


def test_an_incident_chain_runs_from_the_intrusion_through_events_statements_and_claims_in_date_order(kaseya_story):
    kaseya, call, demand, denial = kaseya_story
    chain = incident_chain(kaseya, [denial])
    assert [(step.kind, step.date.isoformat()) for step in chain] == [
        ("incident", "2021-07-02"), ("event", "2021-07-09"), ("statement", "2021-07-09"), ("claim", "2021-07-10"),
        ("statement", "2021-07-10"), ("event", "2021-11-08")]
    assert chain[2].item == demand and chain[3].item == denial


def test_a_statement_known_to_the_month_comes_after_the_dated_steps_of_that_month(kaseya_story):
    kaseya, call, demand, denial = kaseya_story
    Quote.objects.filter(pk=demand.pk).update(statement_precision="month")
    kinds = [(step.kind, step.item) for step in incident_chain(kaseya, [denial])]
    assert kinds.index(("statement", demand)) == 4  # after the intrusion, the call, the denial and its words


def test_an_event_chain_holds_its_incident_itself_and_the_claims_made_in_its_statements(kaseya_story):
    kaseya, call, demand, denial = kaseya_story
    assert [step.item for step in event_chain(call)] == [kaseya, call, demand, denial, denial.quote]


def test_the_incident_page_shows_the_chain_with_each_claim_linked_to_its_words(client, kaseya_story):
    kaseya, call, demand, denial = kaseya_story
    page = client.get(kaseya.get_absolute_url()).content.decode()
    chain = page[page.index('<ol class="chain">'):]
    assert chain.index("Kaseya begins") < chain.index("Biden-Putin call") < chain.index(demand.get_absolute_url())
    assert chain.index("Vladimir Putin denies any involvement") < chain.index("Kaseya indictment")
    assert f'href="{denial.quote.get_absolute_url()}">the statement' in chain
    assert "Denying" in page and "Attributed to" not in page  # the actors by role, from the claims


def test_the_event_page_shows_its_chain(client, kaseya_story):
    kaseya, call, demand, denial = kaseya_story
    page = client.get(call.get_absolute_url()).content.decode()
    chain = page[page.index('<ol class="chain">'):]
    assert chain.index(kaseya.get_absolute_url()) < chain.index(demand.get_absolute_url())
    assert "Vladimir Putin denies any involvement (Kaseya)" in chain
