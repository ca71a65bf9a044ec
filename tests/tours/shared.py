"""Where the public benchmark instances live: ../shared next to the repository, as in CI."""

from pathlib import Path

import pytest
from django.conf import settings

BENCH = Path(settings.BASE_DIR).parent / "shared" / "bench" / "op"


def instance(relative: str) -> Path:
    path = BENCH / relative
    if not path.is_file():
        pytest.skip(f"the shared benchmark instances are not checked out ({path})")
    return path
