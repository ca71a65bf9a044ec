"""A fingerprint of the demo's records: per model, the number of rows and a hash of them, in a form
that does not depend on the order in which they were created (a foreign key is replaced by what the
related row says of itself, ids and clock stamps are left out).

Regenerate ``demo_records.json`` after a deliberate change of the demo's content:

    PYTHONPATH=src INDUCULT_VAR_DIR=$(mktemp -d) .venv/bin/python -m tests.contracts.demo_records

To see which rows of a model changed, print them before and after the change and diff the two:

    PYTHONPATH=src INDUCULT_VAR_DIR=$(mktemp -d) .venv/bin/python -m tests.contracts.demo_records heritage.site
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re

from django.apps import apps
from django.db import models

# A fixed day, so that which sample meetings are held and which planned does not move with the date.
DEMO_TODAY = datetime.date(2026, 6, 15)
SKIPPED = {"id", "search_text"}
# Per model, fields that hold ids of other rows (an audit entry's object, a sample vote's made-up voter
# key "sample-<stop id>-<showcase id>-<n>"): ids depend on what ran before (PostgreSQL's sequences do
# not roll back with a test's transaction).
SKIPPED_PER_MODEL = {"core.auditentry": {"object_id"}, "heritage.showcasevote": {"voter"}}


def _is_clock_stamp(field) -> bool:
    return isinstance(field, models.DateField) and (field.auto_now or field.auto_now_add)


def _without_clock(text: str) -> str:
    # Moments the loader takes from the clock (when a practice was shared, say) differ between runs.
    today = datetime.datetime.now(datetime.UTC).date()
    for day in (today, today - datetime.timedelta(days=1)):
        text = re.sub(re.escape(day.isoformat()) + r"[T ][0-9:.]+(\+00:00|Z)?", "<now>", text)
    return text


def _without_numbers(value):
    if isinstance(value, dict):
        return {key: _without_numbers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_numbers(item) for item in value]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "<number>"
    return value


def rows_by_model() -> dict[str, list[str]]:
    """Every demo model's rows as sorted JSON lines, in the order-free form the fingerprint hashes."""
    labels: dict[tuple, str | None] = {}

    def label(model, pk) -> str | None:
        if (model, pk) not in labels:
            related = model._default_manager.filter(pk=pk).first()
            labels[model, pk] = f"{model._meta.label_lower}:{related}" if related is not None else None
        return labels[model, pk]

    result = {}
    for model in apps.get_models():
        if not model.__module__.startswith("inducult."):
            continue
        fields = [f for f in model._meta.concrete_fields if f.name not in SKIPPED and not _is_clock_stamp(f)]
        is_audit = model._meta.label_lower == "core.auditentry"
        fields = [f for f in fields if f.name not in SKIPPED_PER_MODEL.get(model._meta.label_lower, ())]
        rows = []
        for obj in model._default_manager.all():
            row = {}
            for field in fields:
                if field.is_relation:
                    value = getattr(obj, field.attname)
                    row[field.name] = label(field.related_model, value) if value is not None else None
                else:
                    value = field.value_from_object(obj)
                    if is_audit and field.name == "changes":
                        # Changes name related rows by id at places; ids depend on what ran before
                        # (PostgreSQL's sequences do not roll back with a test's transaction).
                        value = _without_numbers(value)
                    row[field.name] = bool(value) if isinstance(value, models.fields.files.FieldFile) else value
            for field in model._meta.many_to_many:
                row[field.name] = sorted(str(related) for related in getattr(obj, field.name).all())
            rows.append(_without_clock(json.dumps(row, sort_keys=True, default=str)))
        result[model._meta.label_lower] = sorted(rows)
    return result


def fingerprint() -> dict[str, list]:
    """Per model, the number of rows and a hash of them."""
    return {
        label: [len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]]
        for label, rows in rows_by_model().items()
    }


if __name__ == "__main__":  # pragma: no cover - a maintainer's tool
    import os
    import sys
    from pathlib import Path

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    from django.core.management import call_command

    from inducult.demo.loader import load_demo

    call_command("migrate", verbosity=0)
    load_demo(today=DEMO_TODAY)
    if len(sys.argv) > 1:  # the rows of one model, to diff against a run of the code before a change
        print("\n".join(rows_by_model()[sys.argv[1]]))
    else:
        text = json.dumps(fingerprint(), indent=1, sort_keys=True) + "\n"
        Path(__file__).with_name("demo_records.json").write_text(text, encoding="utf-8")
