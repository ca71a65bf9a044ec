"""tests.factories: one factory per model of the project, each making a saved record that passes the
model's own validation, so that a test built on a factory starts from a record the application could
have written."""

import inspect

import factory
import pytest
from django.apps import apps

from tests import factories

FACTORIES = sorted(
    (
        value
        for value in vars(factories).values()
        if inspect.isclass(value)
        and issubclass(value, factory.django.DjangoModelFactory)
        and value is not factory.django.DjangoModelFactory
    ),
    key=lambda made: made.__name__,
)


def project_models():
    return sorted(
        (model for model in apps.get_models() if model.__module__.startswith("inducult.")),
        key=lambda model: model._meta.label,
    )


def test_every_project_model_has_exactly_one_factory():
    made = sorted(made._meta.get_model_class()._meta.label for made in FACTORIES)

    assert made == sorted([model._meta.label for model in project_models()] + ["auth.User"])


@pytest.mark.django_db
@pytest.mark.parametrize("made", FACTORIES, ids=lambda made: made.__name__)
def test_factory_makes_a_saved_valid_record(made, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # the attachments' and photos' files

    record = made()
    record.full_clean()

    assert record.pk is not None
    assert type(record).objects.filter(pk=record.pk).exists()
    if hasattr(record, "is_sample"):
        assert record.is_sample is True


@pytest.mark.django_db
def test_factories_keep_related_records_in_one_region():
    vote = factories.ShowcaseVoteFactory()
    stop = factories.TourProductStopFactory()
    activity = factories.CooperationActivityFactory()

    assert vote.showcase.exhibition_id == vote.stop.exhibition_id
    assert stop.site.region_id == stop.product.region_id == stop.product.start.region_id
    assert activity.engagement.region_id == activity.cooperation.region_id
    assert (activity.engagement.kind, activity.engagement.starts_at.date()) == ("excursion", activity.date)
