"""Use cases of the service catalogue: operators add and edit their zone's services."""

from django.db import transaction
from django.utils.translation import gettext as _

from zonebridge.core import audit
from zonebridge.core.errors import DomainError, NotAllowed, full_clean
from zonebridge.core.trilingual import apply_texts
from zonebridge.landing.models import Category, Service
from zonebridge.policy import landing as policy

SERVICE_PLAIN_FIELDS = ("category", "provider", "eligible_kinds", "partner_zone_only", "sla_days",
                        "first_response_days", "capacity_per_month", "is_active", "chinese_source")


def save_service(service: Service, *, acting_user, texts: dict[str, str], fields: dict) -> Service:
    """Create or edit a catalogue service of the zone `service.zone` (its operators only; `acting_user` None:
    the system)."""
    if acting_user is not None and not policy.may_manage_service(acting_user, service.zone):
        raise NotAllowed(_("You may not change this zone's catalogue."))
    with transaction.atomic():
        creating = service.pk is None
        if not creating:
            service = Service.objects.select_for_update().select_related("zone").get(pk=service.pk)
        for name in SERVICE_PLAIN_FIELDS:
            # An empty first-response target keeps the service's own (one working day for a new service).
            if name in fields and not (name == "first_response_days" and fields[name] is None):
                setattr(service, name, fields[name])
        if service.category == Category.SPACE and not service.capacity_per_month:
            raise DomainError(_("Space needs a capacity per month."), field="capacity_per_month")
        if service.category != Category.SPACE:
            service.capacity_per_month = None
        apply_texts(service, texts)
        full_clean(service)
        service.save()
        audit.record("landing.service.create" if creating else "landing.service.update", actor=acting_user,
                     target=service)
    return service
