"""404, 410 and 500 pages are the site's own, with its search box."""


def test_error_pages_are_the_sites_with_a_search_box(client, db, rf):
    from django.views import defaults

    missing = client.get("/no/such/page/")
    assert missing.status_code == 404
    body = missing.content.decode()
    assert 'class="site"' in body and 'role="search"' in body and 'action="/search/"' in body
    failed = defaults.server_error(rf.get("/timeline/"))  # rendered without a request context, as Django does
    assert failed.status_code == 500 and 'role="search"' in failed.content.decode()
