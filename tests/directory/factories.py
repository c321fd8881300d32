"""factory_boy factories of the directory; organisations are made through the service, as users make them."""

import factory

from zonebridge.core.trilingual import ChineseScript
from zonebridge.directory.models import Organisation, OrganisationKind, Region, Stage, Zone
from zonebridge.directory.services import create_organisation


class ZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zone
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"zone-{n}")
    name_en = factory.LazyAttribute(lambda zone: zone.slug.title())
    name_zh_hans = "园区"
    name_zh_hant = "園區"
    region = Region.HONG_KONG
    time_zone = "Asia/Hong_Kong"


class OrganisationFactory(factory.Factory):
    """`OrganisationFactory(home_zone=..., texts={...})`: made by the service, scripts converted and indexed."""

    class Meta:
        model = Organisation

    home_zone = factory.SubFactory(ZoneFactory)
    kind = OrganisationKind.STARTUP
    stage = Stage.SEED
    slug = factory.Sequence(lambda n: f"org-{n}")
    chinese_source = ChineseScript.SIMPLIFIED
    texts = factory.LazyAttribute(lambda o: {"name_en": o.slug.replace("-", " ").title()})
    sectors = ()

    @classmethod
    def _create(cls, model_class, *, texts, sectors, **fields):
        return create_organisation(texts=texts, sectors=sectors, **fields)

    _build = _create
