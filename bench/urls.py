"""The project's URLs plus bare Django JSON views: the baseline bench.api measures the API against.

Served only by bench/wsgi.py, never by config.wsgi. Each bare view answers with the same `results`
as its API list's first page (bench.api checks they are equal before measuring), built the plain
Django way: `.values()` queries, dicts and a JsonResponse; no serializer, pagination, filter backend,
content negotiation or throttling. What the API costs beyond them is what bench.api measures.
"""

from collections import defaultdict

from django.http import JsonResponse
from django.urls import include, path
from django.utils import timezone

from statements.dates import PartialDate
from statements.models import Article, Quote

PAGE = 50


def bare_quotes(request):
    api = request.build_absolute_uri("/api/v1/")
    rows = list(Quote.objects.published().order_by("-id").values(
        "id", "text", "kind", "speaker__slug", "speaker__name", "speaker_as_written", "statement_date",
        "statement_precision", "language", "claim_type", "addressee__slug", "addressee__name", "article_id",
        "article__title", "start", "end", "confidence", "review_status", "reviewed_at", "created_at")[:PAGE])
    links = _quote_links([row["id"] for row in rows], api)
    results = [{
        "id": row["id"], "url": f"{api}quotes/{row['id']}/", "text": row["text"], "kind": row["kind"],
        "speaker": _actor(row["speaker__slug"], row["speaker__name"], api),
        "speaker_as_written": row["speaker_as_written"],
        "statement_date": _partial(row["statement_date"], row["statement_precision"]),
        "statement_precision": row["statement_precision"], "language": row["language"],
        "claim_type": row["claim_type"], "addressee": _actor(row["addressee__slug"], row["addressee__name"], api),
        "article": {"id": row["article_id"], "title": row["article__title"],
                    "url": f"{api}articles/{row['article_id']}/"},
        "start": row["start"], "end": row["end"],
        **{name: links[name][row["id"]] for name in links},
        "confidence": row["confidence"], "review_status": row["review_status"],
        "reviewed_at": _datetime(row["reviewed_at"]), "created_at": _datetime(row["created_at"]),
        "csl": f"{api}quotes/{row['id']}/csl/",
    } for row in rows]
    return JsonResponse({"results": results})


def _quote_links(quote_ids, api):
    """Each quote's mentioned actors, incidents, events and topics, in their models' orders."""
    links = {}
    for name, fields, order, path_ in [
        ("mentioned_actors", ("actor__slug", "actor__name"), ("actor__name",), "actors"),
        ("incidents", ("incident__slug", "incident__name"), ("-incident__start_date", "incident__name"), "incidents"),
        ("events", ("event__slug", "event__name"), ("-event__start_date", "event__name"), "events"),
        ("topics", ("topic__slug", "topic__name_en"), ("topic__slug",), "topics"),
    ]:
        through = getattr(Quote, name).through
        by_quote = defaultdict(list)
        for quote_id, slug, label in through.objects.filter(quote_id__in=quote_ids).order_by(*order).values_list(
                "quote_id", *fields):
            by_quote[quote_id].append({"slug": slug, fields[1].split("__")[1]: label, "url": f"{api}{path_}/{slug}/"})
        links[name] = by_quote
    return links


def bare_articles(request):
    api = request.build_absolute_uri("/api/v1/")
    rows = Article.objects.order_by("-id").values(
        "id", "title", "language", "published_date", "published_precision", "publisher", "url", "created_at")[:PAGE]
    return JsonResponse({"results": [{
        "id": row["id"], "url": f"{api}articles/{row['id']}/", "title": row["title"], "language": row["language"],
        "published_date": _partial(row["published_date"], row["published_precision"]),
        "published_precision": row["published_precision"], "publisher": row["publisher"],
        "source_url": row["url"] or None, "created_at": _datetime(row["created_at"]),
    } for row in rows]})


def _actor(slug, name, api):
    return {"slug": slug, "name": name, "url": f"{api}actors/{slug}/"} if slug else None


def _partial(date, precision):
    partial = PartialDate.from_fields(date, precision)
    return partial.isoformat() if partial else None


def _datetime(value):
    if value is None:
        return None
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


urlpatterns = [
    path("bench/bare/quotes/", bare_quotes),
    path("bench/bare/articles/", bare_articles),
    path("", include("config.urls")),
]
