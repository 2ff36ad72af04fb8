"""Template context every page needs."""

from statements.demo import demo_present


def demo_notice(request) -> dict:
    """Whether the knowledge base holds demo data, for the notice every page then shows."""
    return {"demo_data": demo_present()}
