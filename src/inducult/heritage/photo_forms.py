"""The upload form of a site photo: the file, its text alternative in the region's language and,
optionally, in the platform's other languages, and the credit."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from inducult.heritage.photo_files import ACCEPTED_FORMATS


class PhotoForm(forms.Form):
    image = forms.FileField(
        label=_("Photo"),
        help_text=_("JPEG, PNG or WebP. It is stored upright, scaled for the web and without its EXIF data."),
        error_messages={"required": _("Choose the photo to upload."), "empty": _("The uploaded file is empty.")},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(f"image/{k.lower()}" for k in ACCEPTED_FORMATS)}),
    )
    alt_text = forms.CharField(
        label=_("Text alternative"),
        max_length=300,
        help_text=_(
            "What the photo shows, for people who cannot see it, e.g. “Kiln hall with a row of glass furnaces”."
        ),
        error_messages={"required": _("Describe what the photo shows for people who cannot see it.")},
    )
    credit = forms.CharField(
        label=_("Credit"), max_length=200, required=False, help_text=_("Photographer or source, and the licence.")
    )

    def __init__(self, *args, region_language: str, **kwargs):
        super().__init__(*args, **kwargs)
        names = dict(settings.LANGUAGES)
        self.fields["alt_text"].label = _("Text alternative (%(language)s)") % {
            "language": names.get(region_language, region_language)
        }
        self.other_languages = [code for code, _name in settings.LANGUAGES if code != region_language]
        for code in self.other_languages:
            self.fields[f"alt_text_{code}"] = forms.CharField(
                label=_("Text alternative (%(language)s)") % {"language": names[code]},
                max_length=300,
                required=False,
            )

    def translations(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"alt_text_{code}", "") for code in self.other_languages}
