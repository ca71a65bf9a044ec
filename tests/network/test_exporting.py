from decimal import Decimal

import vobject

from inducult.network.domain.exporting import (
    EXPORT_COLUMNS,
    organisation_text_row,
    organisations_csv,
    person_vcard,
)
from inducult.network.models import Membership, Organisation, Person


def make_org(**kwargs):
    values = {"pk": 7, "name": "Muzeum", "kind": "museum", "sectors": [], "tags": []}
    values.update(kwargs)
    return Organisation(**values)


def test_organisation_text_row_writes_empty_for_unknown_numbers():
    row = dict(zip(EXPORT_COLUMNS, organisation_text_row(make_org()), strict=True))
    assert row["latitude"] == ""
    assert row["influence"] == ""
    assert row["archived"] == "no"


def test_organisation_text_row_writes_coordinates_without_trailing_zeros_or_exponent():
    row = dict(
        zip(
            EXPORT_COLUMNS,
            organisation_text_row(make_org(latitude=Decimal("50.000000"), longitude=Decimal("0.000000"))),
            strict=True,
        )
    )
    assert row["latitude"] == "50"
    assert row["longitude"] == "0"


def test_organisations_csv_quotes_commas_and_starts_with_bom():
    text = organisations_csv([make_org(name="Thun, a.s.")])
    assert text.startswith("\ufeffid,name,")
    assert '"Thun, a.s."' in text


def test_person_vcard_has_name_contact_and_current_roles():
    person = Person(
        pk=3, title="Ing.", first_name="Jana", last_name="Nováková", email="jana@example.org", phone="+420 1"
    )
    org = Organisation(name="Hornické muzeum")
    card = vobject.readOne(person_vcard(person, [Membership(organisation=org, role="ředitelka")]))
    assert card.fn.value == "Ing. Jana Nováková"
    assert card.n.value.family == "Nováková"
    assert card.n.value.given == "Jana"
    assert card.n.value.prefix == "Ing."
    assert card.email.value == "jana@example.org"
    assert card.tel.value == "+420 1"
    assert card.org.value == ["Hornické muzeum"]
    assert card.title.value == "ředitelka"


def test_person_vcard_without_contact_details_leaves_them_out():
    card = vobject.readOne(person_vcard(Person(pk=4, last_name="Svoboda")))
    assert card.fn.value == "Svoboda"
    assert "email" not in card.contents
    assert "org" not in card.contents
