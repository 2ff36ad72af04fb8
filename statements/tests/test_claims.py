"""Claims found in an article are stored with their words and shown on the incident's dossier."""

import datetime

import pytest
from django.urls import reverse

from actors.models import Actor
from statements.ingest.quotes import article_analyse
from statements.models import AttributionClaim, Incident


@pytest.mark.django_db
def test_claims_are_stored_with_their_words_once_and_the_dossier_shows_them_beside_reference_data(
        make_article, client, settings):
    from statements.gazetteer_loading import gazetteer_load

    gazetteer_load(directory=settings.GAZETTEER_DIR)
    article = make_article("WASHINGTON, 2 juin — Le FBI a attribué mercredi l'attaque contre JBS au groupe REvil.\n\n"
                           "« La Russie n'a rien à voir avec ces attaques », a déclaré Dmitri Peskov, porte-parole du "
                           "Kremlin.", published_date=datetime.date(2021, 6, 2), language="fr")
    article_analyse(article)
    article_analyse(article)  # again: replaced, not added
    found = AttributionClaim.objects.filter(article=article, origin=AttributionClaim.Origin.TEXT)
    assert sorted((c.claimant.name, c.attributed_to.name, c.stance) for c in found) == [
        ("Dmitry Peskov", "Russia", "denial")]
    # The FBI's attribution of 2 June 2021 is reference data already: the same claim is not made twice.
    assert AttributionClaim.objects.filter(incident__name="JBS", claimant__name="FBI", attributed_to__name="REvil",
                                           claimed_date=datetime.date(2021, 6, 2)).count() == 1
    denial = found.get(stance="denial")
    assert denial.quote is not None and "rien à voir" in denial.words
    page = client.get(reverse("incident-detail", args=[Incident.objects.get(name="JBS").slug])).content.decode()
    assert "Dmitry Peskov denies that Russia did it" in page and "FBI attributes it to REvil" in page
    assert "reference data" in page
    assert Actor.objects.get(name="REvil").attributions_received.exists()
