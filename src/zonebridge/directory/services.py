"""Use cases of the directory: writing an organisation's trilingual profile and keeping it searchable."""

from django.db import transaction
from django.utils.translation import gettext as _

from zonebridge.core.errors import DomainError, NotAllowed, full_clean
from zonebridge.core.files import check_image
from zonebridge.core.trilingual import LANGUAGE_SUFFIXES, apply_texts
from zonebridge.directory.models import Organisation, Zone
from zonebridge.directory.search import build_search_document
from zonebridge.policy import directory as policy

# Fields of the profile form other than the trilingual texts.
PROFILE_PLAIN_FIELDS = ("kind", "stage", "size", "website", "founded_year", "chinese_source")


def sector_names(organisation: Organisation) -> list[str]:
    """The names of the organisation's sectors in every language (they are searchable too)."""
    return [getattr(sector, f"name_{suffix}") for sector in organisation.sectors.all() for suffix in LANGUAGE_SUFFIXES]


def refresh_search_document(organisation: Organisation) -> None:
    """Recompute the organisation's search tokens from its texts and sectors and save them."""
    organisation.search_document = build_search_document(organisation, sector_names(organisation))
    Organisation.objects.filter(pk=organisation.pk).update(search_document=organisation.search_document)


def update_organisation_profile(
    organisation: Organisation, *, acting_user, texts: dict[str, str], fields: dict, sectors=None, logo=None
) -> Organisation:
    """Save an edit of an organisation's profile by `acting_user`, converting scripts and reindexing."""
    if not policy.may_edit_organisation(acting_user, organisation):
        raise NotAllowed(_("You may not edit this organisation's profile."))
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().select_related("home_zone").get(pk=organisation.pk)
        for name in PROFILE_PLAIN_FIELDS:
            if name in fields:
                setattr(organisation, name, fields[name])
        if not (texts.get("name_en", organisation.name_en) or "").strip():
            raise DomainError(_("An English name is required."), field="name_en")
        apply_texts(organisation, texts)
        if logo is not None:
            if logo:
                check_image(logo, field="logo")
            # False (a cleared upload field) removes the logo.
            organisation.logo = logo or None
        full_clean(organisation, exclude=["search_document"])
        organisation.save()
        if sectors is not None:
            organisation.sectors.set(sectors)
        refresh_search_document(organisation)
    return organisation


def create_organisation(*, acting_user=None, home_zone: Zone, kind: str, texts: dict[str, str],
                        chinese_source: str, slug: str, sectors=(), **fields) -> Organisation:
    """Create an organisation with its converted Chinese texts and search tokens (`acting_user` None: the system)."""
    organisation = Organisation(home_zone=home_zone, kind=kind, slug=slug, chinese_source=chinese_source, **fields)
    return save_new_organisation(organisation, acting_user=acting_user, texts=texts, sectors=sectors)


def save_new_organisation(organisation: Organisation, *, acting_user=None, texts: dict[str, str],
                          sectors=()) -> Organisation:
    """Save a new, unsaved organisation: convert its Chinese texts, validate, store its sectors and index it."""
    if acting_user is not None and not policy.may_create_organisation(acting_user, organisation.home_zone):
        raise NotAllowed(_("You may not add organisations to this zone."))
    with transaction.atomic():
        apply_texts(organisation, texts)
        full_clean(organisation, exclude=["search_document"])
        organisation.save()
        organisation.sectors.set(sectors)
        refresh_search_document(organisation)
    return organisation
