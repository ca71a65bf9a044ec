import os

from django.conf import settings
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inducult.settings")
application = get_asgi_application()

from inducult.core.backup import serving  # noqa: E402 (needs the settings loaded above)

# While this process serves, `manage.py restore` refuses to run (core/backup/serving.py).
serving.hold_shared(settings.VAR_DIR)
