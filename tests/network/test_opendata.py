import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from inducult.core.opendata import csv_text
from inducult.network.views import opendata
from tests.factories import OrganisationFactory
from tests.queries import queries_at_two_sizes

FIELDS = [
    "id",
    "name",
    "short_name",
    "kind",
    "kind_label",
    "sectors",
    "town",
    "latitude",
    "longitude",
    "website",
    "is_sample",
    "source",
    "updated_at",
]


def get_json(client, region):
    response = client.get(reverse("portal:organisations_json", args=[region.slug]))
    assert response.status_code == 200
    return response, json.loads(response.content)


def get_csv(client, region):
    response = client.get(reverse("portal:organisations_csv", args=[region.slug]))
    assert response.status_code == 200
    return response, list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


@pytest.fixture
def krasno(region):
    return OrganisationFactory(
        region=region,
        name="Hornické muzeum Krásno",
        short_name="HMK",
        kind="museum",
        sectors=["mining", "metal"],
        town="Krásno",
        latitude="50.116282",
        longitude="12.796434",
        website="http://www.omks.cz",
        source="Reference list, row KV001",
        is_sample=False,
    )


@pytest.mark.django_db
def test_open_data_urls_are_the_stable_contract(region):
    assert reverse("portal:organisations_csv", args=[region.slug]) == "/open/karlovy-vary/organisations.csv"
    assert reverse("portal:organisations_json", args=[region.slug]) == "/open/karlovy-vary/organisations.json"


@pytest.mark.django_db
def test_open_data_json_document_has_region_licence_and_records(client, region, krasno):
    response, document = get_json(client, region)

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert document["region"] == {"slug": "karlovy-vary", "name": "Karlovarský kraj", "country": "CZ"}
    assert document["licence"] == "CC BY-SA 4.0"
    assert document["generated_at"].endswith("+00:00")
    assert document["count"] == 1
    [record] = document["organisations"]
    assert list(record) == FIELDS
    assert record | {"updated_at": None} == {
        "id": krasno.pk,
        "name": "Hornické muzeum Krásno",
        "short_name": "HMK",
        "kind": "museum",
        "kind_label": "Museum",
        "sectors": ["mining", "metal"],
        "town": "Krásno",
        "latitude": 50.116282,
        "longitude": 12.796434,
        "website": "http://www.omks.cz",
        "is_sample": False,
        "source": "Reference list, row KV001",
        "updated_at": None,
    }
    assert record["updated_at"].endswith("+00:00")


@pytest.mark.django_db
def test_open_data_csv_has_header_and_joined_sectors(client, region, krasno):
    response, rows = get_csv(client, region)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode("utf-8").splitlines()[0] == ",".join(FIELDS)
    [row] = rows
    assert row["name"] == "Hornické muzeum Krásno"
    assert row["sectors"] == "mining; metal"
    assert (row["latitude"], row["longitude"]) == ("50.116282", "12.796434")
    assert row["is_sample"] == "false"
    assert row["kind_label"] == "Museum"


@pytest.mark.django_db
def test_open_data_kind_label_is_english_whatever_the_browser_asks(client, region, krasno):
    response = client.get(reverse("portal:organisations_json", args=[region.slug]), HTTP_ACCEPT_LANGUAGE="de")

    assert json.loads(response.content)["organisations"][0]["kind_label"] == "Museum"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["portal:organisations_csv", "portal:organisations_json"])
def test_open_data_may_be_read_from_any_origin_and_cached(client, region, name):
    response = client.get(reverse(name, args=[region.slug]))

    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cache-Control"] == "public, max-age=300"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["portal:organisations_csv", "portal:organisations_json"])
def test_open_data_unknown_region_is_404(client, name):
    assert client.get(reverse(name, args=["nowhere"])).status_code == 404


@pytest.mark.django_db
def test_open_data_leaves_out_archived_and_other_regions_and_flags_samples(client, region, other_region):
    OrganisationFactory(region=region, name="Made up", is_sample=True)
    OrganisationFactory(region=region, name="Closed", is_sample=False, archived_at=timezone.now())
    OrganisationFactory(region=other_region, name="Elsewhere")

    _response, document = get_json(client, region)
    _response, rows = get_csv(client, region)

    assert [(r["name"], r["is_sample"]) for r in document["organisations"]] == [("Made up", True)]
    assert [(r["name"], r["is_sample"]) for r in rows] == [("Made up", "true")]
    assert document["count"] == 1


@pytest.mark.django_db
def test_open_data_leaves_out_internal_assessment_and_contact_details(client, region):
    OrganisationFactory(region=region, influence=3, interest=1, position="sceptic", email="office@museum.example")

    _response, document = get_json(client, region)
    _response, rows = get_csv(client, region)

    for keys in (document["organisations"][0].keys(), rows[0].keys()):
        assert not {"influence", "interest", "position", "email", "phone", "address", "tags"} & set(keys)
    assert "office@museum.example" not in json.dumps(document)


@pytest.mark.django_db
def test_open_data_csv_defuses_spreadsheet_formulas_in_text(client, region):
    OrganisationFactory(region=region, name="=HYPERLINK(1)", town="@Town")

    _response, rows = get_csv(client, region)

    assert (rows[0]["name"], rows[0]["town"]) == ("'=HYPERLINK(1)", "'@Town")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["portal:organisations_csv", "portal:organisations_json"])
def test_open_data_makes_the_same_number_of_queries_for_3_and_30_organisations(client, region, name):
    measured = queries_at_two_sizes(
        add=lambda n: OrganisationFactory.create_batch(n, region=region),
        run=lambda: client.get(reverse(name, args=[region.slug])),
        sizes=(3, 30),
        at_most=5,
    )

    assert [response.status_code for response in measured.results] == [200, 200]


def test_csv_text_writes_empty_cells_for_missing_coordinates():
    record = dict.fromkeys(FIELDS, "")
    record |= {"latitude": None, "longitude": None, "sectors": [], "is_sample": True, "id": 7}

    lines = csv_text(opendata.FIELDS, [record]).splitlines()

    assert lines[1] == "7,,,,,,,,,,true,,"


def test_csv_text_writes_coordinates_with_six_decimals():
    record = dict.fromkeys(FIELDS, "") | {"latitude": 50.33, "longitude": 12.5175, "sectors": [], "is_sample": False}

    assert csv_text(opendata.FIELDS, [record]).splitlines()[1].split(",")[7:9] == ["50.330000", "12.517500"]
