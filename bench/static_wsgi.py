"""config.wsgi with static/ served as it is in the tree, for the benchmarks that open pages in a browser
(bench.timeline): no collectstatic into the shared checkout, whose staticfiles/ would shadow static/."""

from pathlib import Path

from whitenoise import WhiteNoise

from config.wsgi import application as site

application = WhiteNoise(site, root=Path(__file__).resolve().parent.parent / "static", prefix="static/")
