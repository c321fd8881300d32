"""Use cases of the directory: writing an organisation's trilingual profile and keeping it searchable."""

from django.db import transaction
from django.utils.translation import gettext as _

from zonebridge import policy
from zonebridge.core.errors import DomainError, NotAllowed, full_clean
from zonebridge.directory.models import (
    PROFILE_TEXT_FIELDS,
    ChineseScript,
    Organisation,
    Region,
    Zone,
)
from zonebridge.directory.search import build_search_document
from zonebridge.engine.text import convert_script

# OpenCC configurations per region: (Simplified → Traditional, Traditional → Simplified).
# The partnership's Traditional readers are in Hong Kong, so mainland texts also get Hong Kong forms
# (為) rather than the OpenCC dictionary standard (爲).
SCRIPT_CONVERSIONS = {
    Region.HONG_KONG: ("s2hk", "hk2s"),
    Region.TAIWAN: ("s2twp", "tw2sp"),
    Region.MAINLAND: ("s2hk", "t2s"),
}

# Fields of the profile form other than the trilingual texts.
PROFILE_PLAIN_FIELDS = ("kind", "stage", "size", "website", "founded_year", "chinese_source")


def conversion_for(zone: Zone, source: str) -> str:
    """Return the OpenCC configuration that turns `source`-script text into the other script for `zone`."""
    to_traditional, to_simplified = SCRIPT_CONVERSIONS[Region(zone.region)]
    return to_traditional if source == ChineseScript.SIMPLIFIED else to_simplified


def _other_script(source: str) -> str:
    return ChineseScript.TRADITIONAL if source == ChineseScript.SIMPLIFIED else ChineseScript.SIMPLIFIED


def apply_script_conversion(organisation: Organisation, texts: dict[str, str]) -> None:
    """Set the profile texts, producing the non-source Chinese script with OpenCC unless written by hand.

    A converted field counts as written by hand when the author typed something other than what the
    conversion gives (of the old or the new source text); clearing it returns it to automatic conversion.
    English is never produced by machine.
    """
    source = organisation.chinese_source
    target = _other_script(source)
    config = conversion_for(organisation.home_zone, source)
    hand_written = set(organisation.hand_written_fields)
    for field in PROFILE_TEXT_FIELDS:
        source_name, target_name = f"{field}_{source}", f"{field}_{target}"
        old_source = getattr(organisation, source_name)
        new_source = texts.get(source_name, old_source).strip()
        submitted = texts.get(target_name, getattr(organisation, target_name)).strip()
        converted = convert_script(new_source, config)
        machine_made = {convert_script(old_source, config), converted}
        if not submitted or (submitted in machine_made and target_name not in hand_written) or submitted == converted:
            setattr(organisation, target_name, converted)
            hand_written.discard(target_name)
        else:
            setattr(organisation, target_name, submitted)
            hand_written.add(target_name)
        setattr(organisation, source_name, new_source)
        setattr(organisation, f"{field}_en", texts.get(f"{field}_en", getattr(organisation, f"{field}_en")).strip())
    organisation.hand_written_fields = sorted(hand_written)


def refresh_search_document(organisation: Organisation) -> None:
    """Recompute the organisation's search tokens from its texts and sectors and save them."""
    names = [
        getattr(sector, f"name_{suffix}")
        for sector in organisation.sectors.all()
        for suffix in ("en", "zh_hans", "zh_hant")
    ]
    organisation.search_document = build_search_document(organisation, names)
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
        apply_script_conversion(organisation, texts)
        if logo is not None:
            organisation.logo = logo
        full_clean(organisation, exclude=["search_document"])
        organisation.save()
        if sectors is not None:
            organisation.sectors.set(sectors)
        refresh_search_document(organisation)
    return organisation


def create_organisation(*, home_zone: Zone, kind: str, texts: dict[str, str], chinese_source: str,
                        slug: str, sectors=(), **fields) -> Organisation:
    """Create an organisation with its converted Chinese texts and search tokens (used by seed and admin)."""
    with transaction.atomic():
        organisation = Organisation(home_zone=home_zone, kind=kind, slug=slug, chinese_source=chinese_source,
                                    **fields)
        apply_script_conversion(organisation, texts)
        organisation.save()
        organisation.sectors.set(sectors)
        refresh_search_document(organisation)
    return organisation
