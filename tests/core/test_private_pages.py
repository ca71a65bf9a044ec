"""Pages and downloads with personal data are kept by no browser or proxy (Cache-Control: no-store);
public pages stay cacheable. A refused request answers 403 in the site's chrome and the visitor's
language with a way back, and is logged in one line without a traceback."""

import logging
import re

import pytest
from django.urls import reverse

from tests.crawl.reading import read
from tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(region, museum):
    person = PersonFactory(region=region, first_name="Jana", last_name="Nováková", email="jana@example.org")
    MembershipFactory(person=person, organisation=museum)
    return person


def personal_urls(region, person):
    slug = region.slug
    return [
        reverse("network:person_list", args=[slug]),
        reverse("network:person_detail", args=[slug, person.pk]),
        reverse("network:person_edit", args=[slug, person.pk]),
        reverse("network:person_vcard", args=[slug, person.pk]),
        reverse("network:people_vcard", args=[slug]),
        reverse("network:organisation_export", args=[slug, "csv"]),
        reverse("network:organisation_export", args=[slug, "xlsx"]),
    ]


def test_pages_and_downloads_with_personal_data_are_not_stored(coordinator_client, region, person):
    for url in personal_urls(region, person):
        response = coordinator_client.get(url)
        assert response.status_code == 200, url
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"no-store", "private"} <= directives, url
    # A person's data export is asked for by a form (POST).
    response = coordinator_client.post(reverse("network:person_export", args=[region.slug, person.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_public_pages_stay_cacheable(client, region):
    response = client.get(reverse("portal:region_home", args=[region.slug]))
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def heading(response) -> str:
    return re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()


def way_back(response) -> str:
    return re.search(r'<a href="([^"]*)" data-testid="way-back">', response.content.decode()).group(1)


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "No access to this page"), ("cs", "Na tuto stránku nemáte přístup"), ("de", "Kein Zugang zu dieser Seite")],
)
def test_refused_page_answers_403_in_the_sites_chrome_and_language(client, region, viewer, language, title):
    client.force_login(viewer)
    response = client.get(reverse("network:import_upload", args=[region.slug]), headers={"accept-language": language})
    assert response.status_code == 403
    assert "403.html" in [t.name for t in response.templates]
    assert 'class="site-header"' in response.content.decode()
    assert heading(response) == title
    assert way_back(response) == reverse("portal:region_home", args=[region.slug])


def test_refused_page_offers_another_account(client, region, viewer, english):
    client.force_login(viewer)
    response = client.get(reverse("network:import_upload", args=[region.slug]), headers={"accept-language": "en"})
    texts = read(response.content.decode()).texts
    assert "Sign in with another account" in texts
    assert (
        "Your account may not open this page or do this. If your work needs it, ask the coordinator of the region "
        "to give you the role." in texts
    )


def test_refusal_is_logged_in_one_line_without_a_traceback(client, region, viewer, caplog):
    client.force_login(viewer)
    caplog.set_level(logging.WARNING, logger="django.request")
    url = reverse("network:import_upload", args=[region.slug])
    client.get(url)
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == f"Forbidden (Permission denied): {url}"
    assert record.exc_info is None
    assert "Traceback" not in caplog.text
