"""Settings for the test suite: the real settings, with plain static storage (no collectstatic
needed) and a fast password hasher."""

import os

os.environ.setdefault("INDUCULT_STATIC_MANIFEST", "0")

from inducult.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# WhiteNoise serves straight from the finders in tests, so no collectstatic run is needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
