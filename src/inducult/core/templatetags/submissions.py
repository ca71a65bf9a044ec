"""``{% form_token %}``: the one-time token of a create form (``core.submissions``), a hidden input."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from inducult.core import submissions

register = template.Library()


@register.simple_tag
def form_token() -> str:
    return format_html('<input type="hidden" name="{}" value="{}">', submissions.FIELD, submissions.new_token())
