import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# What is loaded by now (Django, the apps, their modules: some 80,000 objects) lives as long as the
# worker. Frozen, it is left out of the collector's full passes, which otherwise take about 40 ms
# each and land, now and then, in the middle of a request.
gc.freeze()
