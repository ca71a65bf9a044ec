"""Site photos: an editor uploads a photo with its text alternative; the file is checked, re-encoded
without its metadata and shown on the public page and in its JSON-LD; removal hides it and can be
undone; every refusal says what is wrong."""

import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from inducult.core.models import AuditEntry
from inducult.heritage.models import SitePhoto
from inducult.heritage.services import photos
from inducult.reports.services import annual
from tests.factories import OrganisationFactory, SiteFactory

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def picture(fmt="JPEG", size=(800, 600), mode="RGB", gps=False, name=None) -> SimpleUploadedFile:
    image = Image.new(mode, size, (200, 40, 40, 128) if mode == "RGBA" else (200, 40, 40))
    buffer = io.BytesIO()
    kwargs = {}
    if gps:
        exif = Image.Exif()
        exif[0x0112] = 6  # orientation: rotated 90° clockwise
        exif.get_ifd(GPS_IFD)[2] = (50.0, 13.0, 0.0)  # a latitude the photographer stood at
        exif[0x010F] = "Camera maker"
        kwargs["exif"] = exif
    image.save(buffer, format=fmt, **kwargs)
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif", "BMP": "bmp"}[fmt]
    return SimpleUploadedFile(name or f"IMG_0001.{extension}", buffer.getvalue())


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def site(region, museum):
    return SiteFactory(region=region, name="Porcelánka Thun", organisation=museum)


def signed_in(user):
    client = Client(headers={"accept-language": "en"})
    client.force_login(user)
    return client


def fetch(client, url):
    """GET a file response and read it to the end: the test client then closes it (and its file
    handle) the way a server does, without closing the test's database connection."""
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def photos_url(region, site):
    return reverse("heritage_sites:photos", args=[region.slug, site.pk])


def upload(client, region, site, file, alt="Kiln hall with glass furnaces", **extra):
    data = {"action": "upload", "image": file, "alt_text": alt, "credit": "", **extra}
    return client.post(photos_url(region, site), data)


def test_editor_uploads_a_photo_that_is_stored_upright_scaled_and_without_exif(editor, region, site, settings, media):
    settings.INDUCULT_PHOTO_MAX_EDGE = 400
    response = upload(
        signed_in(editor),
        region,
        site,
        picture(size=(800, 600), gps=True),
        credit="Jana Nováková, CC BY 4.0",
        alt_text_en="",
        alt_text_de="Brennofenhalle",
    )
    assert response.status_code == 302
    photo = SitePhoto.objects.get(site=site)
    assert (photo.alt_text, photo.credit, photo.position) == (
        "Kiln hall with glass furnaces",
        "Jana Nováková, CC BY 4.0",
        1,
    )
    assert photo.translations == {"alt_text": {"de": "Brennofenhalle"}}
    # Turned upright by its orientation tag (800 × 600 rotated → portrait), then scaled to 400 px.
    assert (photo.width, photo.height) == (300, 400)
    with Image.open(media / photo.image.name) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (300, 400)
        exif = stored.getexif()
        assert not exif.get_ifd(GPS_IFD) and 0x010F not in exif and 0x0112 not in exif
    assert not photo.image.name.endswith("IMG_0001.jpg")  # the uploaded file's own name is not published
    entry = AuditEntry.objects.get(object_type="heritage.sitephoto", object_id=str(photo.pk))
    assert entry.action == "create" and entry.actor == editor


def test_a_transparent_png_stays_a_png(coordinator, region, site):
    upload(signed_in(coordinator), region, site, picture("PNG", mode="RGBA"))
    photo = SitePhoto.objects.get(site=site)
    assert photo.content_type == "image/png" and photo.image.name.endswith(".png")


def test_webp_is_accepted_and_stored_as_jpeg(coordinator, region, site):
    upload(signed_in(coordinator), region, site, picture("WEBP"))
    assert SitePhoto.objects.get(site=site).content_type == "image/jpeg"


def errors_of(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        (
            SimpleUploadedFile("minutes.jpg", b"%PDF-1.7 this is a PDF, not a picture"),
            "“minutes.jpg” is not a picture this platform can read. Upload a JPEG, PNG or WebP photo.",
        ),
        (
            SimpleUploadedFile(
                "drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
            ),
            "“drawing.svg” is not a picture this platform can read.",
        ),
        (picture("GIF", name="anim.gif"), "“anim.gif” is a GIF image. Upload a JPEG, PNG or WebP photo."),
        (picture("BMP", name="scan.bmp"), "“scan.bmp” is a BMP image."),
        (picture(size=(120, 90), name="tiny.jpg"), "“tiny.jpg” is only 120 × 90 pixels; a photo needs at least 200"),
    ],
)
def test_files_that_are_not_usable_photos_are_refused_with_the_reason(coordinator, region, site, file, expected):
    page = errors_of(upload(signed_in(coordinator), region, site, file))
    assert expected.replace("“", "&ldquo;").replace("”", "&rdquo;") in page or expected in page
    assert not SitePhoto.objects.exists()


def test_a_photo_over_the_byte_limit_is_refused_before_it_is_decoded(coordinator, region, site, settings):
    settings.INDUCULT_PHOTO_MAX_BYTES = 2048
    page = errors_of(upload(signed_in(coordinator), region, site, picture(size=(1500, 1500), name="big.jpg")))
    assert "is" in page and "a photo may be at most 2.0 KB" in page
    assert not SitePhoto.objects.exists()


def test_a_photo_with_too_many_pixels_is_refused(coordinator, region, site, settings):
    settings.INDUCULT_PHOTO_MAX_PIXELS = 100_000
    page = errors_of(upload(signed_in(coordinator), region, site, picture(size=(1000, 500), name="pano.jpg")))
    assert "1000 × 500 pixels; a photo may have at most 0.1 megapixels" in page


def test_a_truncated_jpeg_is_refused_as_damaged_and_leaves_no_file(coordinator, region, site, media):
    whole = picture(size=(1200, 900)).read()
    broken = SimpleUploadedFile("cut.jpg", whole[: len(whole) // 3])
    page = errors_of(upload(signed_in(coordinator), region, site, broken))
    assert "is damaged and cannot be read to the end" in page
    assert not SitePhoto.objects.exists()
    assert not [p for p in media.rglob("*") if p.is_file()]


def test_a_truncated_jpeg_is_refused_after_a_pdf_report_was_made(coordinator, region, site, media):
    # Importing WeasyPrint makes Pillow accept truncated images process-wide; the PDF renderer undoes it.
    annual.render(annual.build_report(region, 2026, "en"), "pdf")
    whole = picture(size=(1200, 900)).read()
    broken = SimpleUploadedFile("cut.jpg", whole[: len(whole) // 3])

    page = errors_of(upload(signed_in(coordinator), region, site, broken))

    assert "is damaged and cannot be read to the end" in page
    assert not SitePhoto.objects.exists()


@pytest.mark.parametrize(
    ("alt", "expected"),
    [("   ", "Describe what the photo shows"), ("IMG_0001", "The file&#x27;s name is not a description")],
)
def test_the_text_alternative_must_describe_the_photo(coordinator, region, site, alt, expected):
    page = errors_of(upload(signed_in(coordinator), region, site, picture(), alt=alt))
    assert expected in page or expected.replace("&#x27;", "'") in page
    assert not SitePhoto.objects.exists()


def test_both_problems_of_one_submission_are_reported_together(coordinator, region, site):
    data = {"action": "upload", "alt_text": "IMG_0001", "image": SimpleUploadedFile("IMG_0001.jpg", b"not a picture")}
    page = errors_of(signed_in(coordinator).post(photos_url(region, site), data))
    assert "is not a description" in page and "is not a picture this platform can read" in page


def test_a_failed_audit_write_leaves_neither_row_nor_file(editor, site, media, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr(photos.audit, "record", fail)
    with pytest.raises(RuntimeError):
        photos.add_photo(site=site, actor=editor, upload=picture(), alt_text="Kiln hall", translations={}, credit="")
    assert not SitePhoto.objects.exists()
    assert not [p for p in media.rglob("*") if p.is_file()]


def test_public_page_shows_photos_with_alt_text_credit_and_jsonld(coordinator, region, site):
    client = signed_in(coordinator)
    upload(client, region, site, picture(), alt="Kiln hall <script>alert(1)</script>", credit="Muzeum, CC BY 4.0")
    upload(client, region, site, picture(), alt="Decorating workshop", alt_text_de="Malerwerkstatt")
    first, second = SitePhoto.objects.order_by("position")

    english = Client(headers={"accept-language": "en"}).get(
        reverse("heritage_public:site", args=[region.slug, site.pk])
    )
    html = english.content.decode()
    assert 'alt="Kiln hall &lt;script&gt;alert(1)&lt;/script&gt;"' in html and "<script>alert(1)" not in html
    assert "Photo: Muzeum, CC BY 4.0" in html
    assert html.index(f"/photos/{first.pk}/") < html.index(f"/photos/{second.pk}/")
    document = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert [image["contentUrl"] for image in document["image"]] == [
        f"http://testserver/r/{region.slug}/photos/{first.pk}/",
        f"http://testserver/r/{region.slug}/photos/{second.pk}/",
    ]
    assert document["image"][0]["creditText"] == "Muzeum, CC BY 4.0"

    german = Client(headers={"accept-language": "de"}).get(reverse("heritage_public:site", args=[region.slug, site.pk]))
    assert 'alt="Malerwerkstatt"' in german.content.decode()

    served = Client().get(reverse("heritage_public:photo", args=[region.slug, first.pk]))
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    assert "immutable" in served["Cache-Control"]
    assert Image.open(io.BytesIO(b"".join(served.streaming_content))).size == (first.width, first.height)


def test_removing_hides_a_photo_and_restoring_brings_it_back(coordinator, region, site):
    client = signed_in(coordinator)
    upload(client, region, site, picture())
    photo = SitePhoto.objects.get()
    file_url = reverse("heritage_public:photo", args=[region.slug, photo.pk])
    site_url = reverse("heritage_public:site", args=[region.slug, site.pk])

    client.post(photos_url(region, site), {"action": "remove", "photo": photo.pk})
    assert f"/photos/{photo.pk}/" not in Client().get(site_url).content.decode()
    assert fetch(Client(), file_url).status_code == 404
    assert fetch(client, file_url)["Cache-Control"] == "private, no-store"  # the editor still sees it to restore it
    assert 'data-testid="removed-photo"' in client.get(photos_url(region, site)).content.decode()

    client.post(photos_url(region, site), {"action": "restore", "photo": photo.pk})
    assert fetch(Client(), file_url).status_code == 200
    actions = list(
        AuditEntry.objects.filter(object_type="heritage.sitephoto").order_by("id").values_list("action", flat=True)
    )
    assert actions == ["create", "archive", "restore"]


def test_moving_a_photo_up_makes_it_the_main_one(coordinator, region, site):
    client = signed_in(coordinator)
    for alt in ("First", "Second", "Third"):
        upload(client, region, site, picture(), alt=alt)
    third = SitePhoto.objects.get(alt_text="Third")
    client.post(photos_url(region, site), {"action": "up", "photo": third.pk})
    client.post(photos_url(region, site), {"action": "up", "photo": third.pk})
    client.post(photos_url(region, site), {"action": "up", "photo": third.pk})  # already first: nothing happens
    assert list(SitePhoto.objects.order_by("position").values_list("alt_text", flat=True)) == [
        "Third",
        "First",
        "Second",
    ]


def test_a_site_shows_at_most_the_limit_of_photos(coordinator, region, site, monkeypatch):
    monkeypatch.setattr(photos, "MAX_PHOTOS_PER_SITE", 2)
    client = signed_in(coordinator)
    for alt in ("One", "Two", "Three"):
        response = upload(client, region, site, picture(), alt=alt)
    assert "at most 2 photos" in errors_of(response)
    assert SitePhoto.objects.count() == 2


def test_editors_of_other_organisations_and_visitors_cannot_touch_photos(region, site, editor, outsider):
    other = OrganisationFactory(region=region, name="Another museum")
    other_site = SiteFactory(region=region, organisation=other)
    assert upload(signed_in(editor), region, other_site, picture()).status_code in (403, 404)
    assert signed_in(outsider).get(photos_url(region, site)).status_code == 403
    anonymous = Client().post(photos_url(region, site), {"action": "upload", "alt_text": "x"})
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert not SitePhoto.objects.exists()


def test_photos_of_another_region_are_not_served_under_this_one(coordinator, region, other_region, site):
    upload(signed_in(coordinator), region, site, picture())
    photo = SitePhoto.objects.get()
    assert fetch(Client(), reverse("heritage_public:photo", args=[other_region.slug, photo.pk])).status_code == 404


def test_a_photo_sent_twice_is_added_once(coordinator, region, site):
    from tests.submitted import submitted

    client = signed_in(coordinator)
    url = reverse("heritage_sites:photos", args=[region.slug, site.pk])
    data = submitted(client.get(url).content.decode(), "photo-form")
    data["alt_text"] = ["Pec na porcelán"]

    first = client.post(url, {**data, "image": picture()})
    second = client.post(url, {**data, "image": picture()})

    assert first.status_code == second.status_code == 302
    assert site.photos.count() == 1
