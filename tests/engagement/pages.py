"""Helpers of the engagement log's page tests: URLs and the form's POST data."""

from __future__ import annotations

from django.urls import reverse

REGION = "karlovy-vary"


def url(name: str, *args) -> str:
    return reverse(f"engagement:{name}", args=[REGION, *args])


def form_data(engagement=None, tasks=(), extra_task_rows: int | None = None, **overrides) -> dict:
    """What the browser posts for the form page, with a held bilateral meeting by default."""
    data = {
        "kind": "bilateral_meeting",
        "status": "held",
        "title": "Setkání s muzeem",
        "date": "2026-11-20",
        "time": "10:00",
        "end_time": "",
        "place_text": "",
        "place_organisation": "",
        "anonymous_head_count": "",
        "new_topics": "",
        "minutes": "",
        "outcomes": "",
        "visibility": "internal",
        "new_org_name": "",
        "new_org_kind": "",
        "new_org_town": "",
        "new_person_first_name": "",
        "new_person_last_name": "",
        "new_person_email": "",
        "new_person_lawful_basis": "",
        "new_person_consent_date": "",
    }
    if engagement is not None:
        data["version"] = str(engagement.version)
    tasks = list(tasks)
    rows = extra_task_rows if extra_task_rows is not None else (2 if tasks else 3)
    total = len(tasks) + rows
    data.update(
        {
            "tasks-TOTAL_FORMS": str(total),
            "tasks-INITIAL_FORMS": str(len(tasks)),
            "tasks-MIN_NUM_FORMS": "0",
            "tasks-MAX_NUM_FORMS": "50",
        }
    )
    for i in range(total):
        task = tasks[i] if i < len(tasks) else None
        data[f"tasks-{i}-id"] = str(task.pk) if task else ""
        data[f"tasks-{i}-title"] = task.title if task else ""
        data[f"tasks-{i}-owner"] = str(task.owner_id or "") if task else ""
        data[f"tasks-{i}-due_date"] = task.due_date.isoformat() if task and task.due_date else ""
    data.update(overrides)
    return data
