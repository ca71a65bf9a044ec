"""Checking and preparing an uploaded site photo (Pillow), apart from models and views.

A photo is refused with a reason a person can act on: not a picture at all, a kind of picture the
web does not show well, damaged, too large in bytes or in pixels, or too small to be worth showing.
An accepted photo is re-encoded for the web: turned upright by its EXIF orientation, scaled down to
``max_edge`` and stripped of its metadata (EXIF may hold the photographer's GPS position and camera
serial number, which a public page must not publish).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from inducult.core.files import upload_name

# Pillow's format name → what people call it. Everything else (GIF, BMP, TIFF, HEIC, SVG, …) is refused.
ACCEPTED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MIN_EDGE = 200


@dataclass(frozen=True)
class PreparedPhoto:
    content: bytes
    extension: str  # ".jpg" or ".png"
    content_type: str
    width: int
    height: int


def _name(upload) -> str:
    return upload_name(upload) or _("the file")


def check_photo(upload, *, max_bytes: int, max_pixels: int) -> None:
    """Refuse an upload that is not a usable photo; read only the header where that is enough."""
    name = _name(upload)
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is %(size)s; a photo may be at most %(limit)s. Save it smaller and upload it again."),
            code="photo_size",
            params={"name": name, "size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Our own pixel limit below speaks to people; Pillow's bomb warning would only be noise.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                kind, width, height = image.format, image.width, image.height
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError):
        raise ValidationError(
            _("“%(name)s” is not a picture this platform can read. Upload a JPEG, PNG or WebP photo."),
            code="photo_not_image",
            params={"name": name},
        ) from None
    finally:
        upload.seek(0)
    if kind not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("“%(name)s” is a %(kind)s image. Upload a JPEG, PNG or WebP photo."),
            code="photo_format",
            params={"name": name, "kind": kind or "?"},
        )
    if width * height > max_pixels:
        raise ValidationError(
            _("“%(name)s” is %(width)d × %(height)d pixels; a photo may have at most %(limit)s megapixels."),
            code="photo_pixels",
            params={"name": name, "width": width, "height": height, "limit": f"{max_pixels / 1_000_000:g}"},
        )
    if max(width, height) < MIN_EDGE:
        raise ValidationError(
            _(
                "“%(name)s” is only %(width)d × %(height)d pixels; "
                "a photo needs at least %(min)d pixels on its longer side."
            ),
            code="photo_small",
            params={"name": name, "width": width, "height": height, "min": MIN_EDGE},
        )


def prepare_photo(upload, *, max_bytes: int, max_pixels: int, max_edge: int) -> PreparedPhoto:
    """Check the upload, then decode it fully (a damaged file fails here) and re-encode it."""
    check_photo(upload, max_bytes=max_bytes, max_pixels=max_pixels)
    name = _name(upload)
    upload.seek(0)
    try:
        with Image.open(upload) as original:
            original.load()
            image = ImageOps.exif_transpose(original)
    except (OSError, ValueError, SyntaxError):
        raise ValidationError(
            _("“%(name)s” is damaged and cannot be read to the end. Export it again and upload the new file."),
            code="photo_damaged",
            params={"name": name},
        ) from None
    finally:
        upload.seek(0)
    image.thumbnail((max_edge, max_edge), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    # Transparency survives only in PNG; everything else becomes a JPEG, the web's photo format.
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        image.save(buffer, format="PNG", optimize=True)
        extension, content_type = ".png", "image/png"
    else:
        # The colour profile is kept (colours stay true); EXIF and comments are not written.
        icc = image.info.get("icc_profile")
        image.convert("RGB").save(
            buffer, format="JPEG", quality=85, optimize=True, progressive=True, **({"icc_profile": icc} if icc else {})
        )
        extension, content_type = ".jpg", "image/jpeg"
    return PreparedPhoto(buffer.getvalue(), extension, content_type, image.width, image.height)
