"""Ingestion: from submitted bytes to stored articles, quotes and their links, in stage order.

Every way in (the `import_documents` command, the inbox, the upload page, the API, incoming
RSS feeds) submits a job; the worker then takes each item through the same stages:

    1. jobs.job_submit            a job and one item per file, the bytes kept on the item   (jobs.py)
       rss.feed_poll              ...or the new entries of an RSS/Atom feed, fetched         (rss.py)
    2. documents.read_documents   decode, recognise the format, read the metadata            (documents.py)
    3. articles.article_ingest    deduplicate (same text, or a syndicated copy: copies.py),
                                  then store the article                                     (articles.py)
    4. quotes.article_analyse     extract (statements.extraction), resolve names to actors,
                                  store quotes and their links to actors, incidents, events  (quotes.py)
    5. jobs.item_process          the item's outcome (imported, duplicate, failed + reason)  (jobs.py)

`jobs.item_process(item_id)` runs stages 2 to 5 in one transaction; the Celery task
`statements.tasks.import_item` calls it, and `statements.tasks` is where items are queued.
`preview.documents_extract` runs stages 2 and 4 without the database (the `extract` and
`evaluate_extraction` commands).
"""
