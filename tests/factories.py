"""One factory per model. Records made here are samples, as anything made up must be."""

import factory
from django.contrib.auth import get_user_model

from inducult.network.enums import LawfulBasis, OrganisationKind
from inducult.network.models import Membership, Organisation, Person
from inducult.regions.models import Region, RegionRole, Role


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"region-{n}")
    name = factory.Sequence(lambda n: f"Region {n}")
    country = "CZ"
    languages = factory.LazyFunction(lambda: ["cs", "en", "de"])
    default_language = "cs"
    time_zone = "Europe/Prague"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy's hook signature
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.MUSEUM
    sectors = factory.LazyFunction(lambda: ["mining"])
    town = "Sokolov"
    is_sample = True


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    region = factory.SubFactory(RegionFactory)
    first_name = "Jana"
    last_name = factory.Sequence(lambda n: f"Nováková {n}")
    email = factory.Sequence(lambda n: f"jana{n}@example.org")
    lawful_basis = LawfulBasis.LEGITIMATE_INTERESTS
    is_sample = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory, region=factory.SelfAttribute("..person.region"))
    role = "director"


def grant(user, region, role: str = Role.COORDINATOR, organisation=None) -> RegionRole:
    return RegionRole.objects.create(user=user, region=region, role=role, organisation=organisation)
