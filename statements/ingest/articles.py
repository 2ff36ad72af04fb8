"""Stage 3 of ingestion, articles: a document is stored once, then its quotes are extracted.

A document whose text is already known (same content hash, or a syndicated copy of a stored
article, see `copies`) is not stored again: it becomes a copy of that article.
"""

from __future__ import annotations

from statements.ingest.copies import original_of, sentence_fingerprints
from statements.ingest.documents import Document
from statements.ingest.quotes import article_analyse
from statements.models import Article, ArticleCopy, ImportJob


def article_ingest(*, document: Document, job: ImportJob | None) -> tuple[Article, bool]:
    """Store a document as an article unless its text is already known; analyse new ones."""
    existing = Article.objects.filter(content_hash=document.content_hash).first()
    if existing:
        return existing, False
    copy = ArticleCopy.objects.filter(content_hash=document.content_hash).select_related("article").first()
    if copy:
        return copy.article, False
    fingerprints = sentence_fingerprints(document.text)
    original = original_of(document.text, fingerprints)
    if original:
        ArticleCopy.objects.create(article=original, publisher=document.publisher[:200], url=document.url,
                                   title=document.title[:500], content_hash=document.content_hash, import_job=job)
        return original, False
    published = document.published
    article = Article(  # stored by its analysis, with its language and extraction time: one insert
        title=document.title[:500],
        text=document.text,
        language=document.language,
        published_date=published.date if published else None,
        published_precision=published.precision if published else "day",
        published_source=document.date_source if published else "",
        publisher=document.publisher,
        url=document.url,
        content_hash=document.content_hash,
        fingerprints=fingerprints,
        import_job=job,
        demo=job is not None and job.origin == ImportJob.Origin.DEMO,
    )
    article_analyse(article)
    return article, True
