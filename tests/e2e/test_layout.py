"""Pages stay inside a phone's screen: long sources wrap, wide tables scroll in their own box."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from inducult.network.enums import OrganisationKind
from tests.e2e.conftest import watch_for_failures
from tests.factories import OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LONG_SOURCE = "Reference list, row KV030: " + " ".join(
    f"https://example.org/a/very/long/path/without/spaces/{n}/expozice.php?clanekid=9985&clid=2&lid=1" for n in range(3)
)

# Every element's right edge within the viewport, and no box whose content runs out of it.
OVERFLOW_SCRIPT = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > width) out.push("page " + document.documentElement.scrollWidth);
  for (const box of document.querySelectorAll(".card, dd, main")) {
    if (box.scrollWidth > box.clientWidth + 1) out.push(box.tagName + "." + box.className + " " + box.scrollWidth);
  }
  return out;
}"""


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="de-DE")
    page = context.new_page()
    failures = watch_for_failures(page)
    yield page
    context.close()
    assert not failures, failures


def test_public_directory_fits_a_phone(phone, live_server, region):
    # Every kind, so the longest German labels ("Ministerium oder Programmstelle") are on the page.
    for n, kind in enumerate(OrganisationKind.values):
        OrganisationFactory(
            region=region,
            name=f"Centrum tradičních řemesel Královské Poříčí {n}",
            kind=kind,
            town="Mariánské Lázně",
            website=f"https://www.remeslaporici-{n}.example.org/",
            sectors=["crafts", "porcelain"],
        )

    phone.goto(live_server.url + reverse("portal:directory", args=[region.slug]))

    assert phone.locator("table").count() == 1
    assert phone.evaluate(OVERFLOW_SCRIPT) == []


def test_organisation_page_with_long_sources_fits_a_phone(phone, live_server, region, coordinator):
    organisation = OrganisationFactory(region=region, name="Expozice porcelánu", source=LONG_SOURCE)
    client = Client()
    client.force_login(coordinator)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    phone.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])

    phone.goto(live_server.url + reverse("network:organisation_detail", args=[region.slug, organisation.pk]))

    assert phone.get_by_text("expozice.php", exact=False).first.is_visible()
    assert phone.evaluate(OVERFLOW_SCRIPT) == []
