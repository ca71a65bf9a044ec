"""The user guide lists every kind, sector, position and lawful basis the code knows."""

from pathlib import Path

import pytest

from inducult.network.enums import LawfulBasis, OrganisationKind, Position, Sector

GUIDE = (Path(__file__).resolve().parent.parent / "docs" / "registry.md").read_text()


@pytest.mark.parametrize("enum", [OrganisationKind, Sector, Position, LawfulBasis])
def test_registry_guide_lists_every_code(enum):
    missing = [member.value for member in enum if f"`{member.value}`" not in GUIDE]
    assert missing == []
