"""The error pages are the site's: a missing page answers 404 in the site's chrome and the visitor's
language with a way back; a failing page answers 500 with a plain page of the site's look that
needs neither the database nor the request (issue #14)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import include, path, reverse

from inducult import urls as site_urls


def failing_view(request):
    raise RuntimeError("a bug behind the page")


# The site's URLs and one page that fails (pytest.mark.urls points at this module).
urlpatterns = [path("failing/", failing_view), path("", include(site_urls))]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def heading(html: str) -> str:
    return re.search(r"<h1>(.*?)</h1>", html, re.S).group(1).strip()


def way_back(html: str) -> str:
    return re.search(r'<a href="([^"]*)" data-testid="way-back">', html).group(1)


def test_a_missing_page_answers_404_in_the_sites_chrome_and_the_visitors_language(client):
    response = client.get("/no-such-page/", headers={"accept-language": "de"})

    html = response.content.decode()
    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert 'class="site-header"' in html and '<html lang="de">' in html
    assert heading(html) == "Seite nicht gefunden"
    assert way_back(html) == reverse("home")


def test_a_missing_record_of_a_region_leads_back_to_the_regions_home(client, region):
    response = client.get(
        reverse("heritage_public:site", args=[region.slug, 999_999]), headers={"accept-language": "cs"}
    )

    html = response.content.decode()
    assert response.status_code == 404
    assert heading(html) == "Stránka nenalezena"
    assert way_back(html) == reverse("portal:region_home", args=[region.slug])


def test_a_failing_page_answers_500_with_the_plain_error_page_in_the_visitors_language(client):
    client.raise_request_exception = False

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/failing/", headers={"accept-language": "cs"})

    html = response.content.decode()
    assert response.status_code == 500
    assert [template.name for template in response.templates] == ["500.html"]
    assert '<html lang="cs">' in html and 'class="site-header"' in html
    assert heading(html) == "Něco se pokazilo"
    assert way_back(html) == "/"
    assert len(queries) == 0  # the error page asks the database nothing


def test_the_server_error_page_renders_without_a_request_or_a_database(english):
    from django.template import loader

    with CaptureQueriesContext(connection) as queries:
        html = loader.get_template("500.html").render()

    assert heading(html) == "Something went wrong"
    assert len(queries) == 0
