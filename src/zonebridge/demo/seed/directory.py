"""Demo data of the directory: the two zones, the sector taxonomy and about 2,500 organisations.

Organisations go through the same `apply_texts` and `build_search_document` as the directory services, so a
seeded profile is exactly what an author saving the same texts would get; rows are bulk-inserted.
"""

from zonebridge.core.trilingual import LANGUAGE_SUFFIXES, apply_texts
from zonebridge.demo.content import profiles
from zonebridge.demo.content.phrases import Phrase
from zonebridge.demo.content.profiles import HONG_KONG, SHANGHAI, OrganisationDraft, Side
from zonebridge.demo.content.sectors import SECTORS
from zonebridge.demo.content.universities import HONG_KONG_UNIVERSITIES, SHANGHAI_UNIVERSITIES
from zonebridge.demo.seed.world import DemoWorld
from zonebridge.directory.models import Organisation, Region, Sector, Zone
from zonebridge.directory.ranking import ORGANISATIONS
from zonebridge.directory.search import build_search_document

ZONES = {
    "sh": dict(slug="lingang", region=Region.MAINLAND, time_zone="Asia/Shanghai",
               name=Phrase("Lingang Special Area of China (Shanghai) Pilot Free Trade Zone",
                           "中国（上海）自由贸易试验区临港新片区", "中國（上海）自由貿易試驗區臨港新片區"),
               short_name=Phrase("Lingang", "临港新片区", "臨港新片區"), website="https://lingang.example"),
    "hk": dict(slug="hk-hub", region=Region.HONG_KONG, time_zone="Asia/Hong_Kong",
               name=Phrase("Harbour Innovation Hub", "海港创新中心", "海港創新中心"),
               short_name=Phrase("Harbour Innovation Hub", "海港创新中心", "海港創新中心"),
               website="https://harbour-innovation-hub.example"),
}
SIDES = {"hk": HONG_KONG, "sh": SHANGHAI}
UNIVERSITIES = {"hk": HONG_KONG_UNIVERSITIES, "sh": SHANGHAI_UNIVERSITIES}

# What each zone's organisations are, in per cent: the Hong Kong hub is mostly start-ups, Lingang mostly companies.
KIND_SHARES = {
    "hk": (("startup", 82), ("company", 5), ("incubator", 3), ("investor", 4), ("service_provider", 4.5),
           ("media", 1.5)),
    "sh": (("company", 62), ("startup", 22), ("incubator", 4), ("investor", 4), ("service_provider", 6),
           ("media", 2)),
}


def seed(world: DemoWorld) -> None:
    """Create zones, sectors, universities and organisations."""
    world.zones = _create_zones(world)
    world.sectors = _create_sectors(world)
    world.universities = {side: UNIVERSITIES[side][: world.scale.universities_per_zone] for side in ("hk", "sh")}
    drafts = {side: _university_drafts(world, side, world.universities[side]) for side in ("hk", "sh")}
    drafts["hk"] += _organisation_drafts(world, HONG_KONG, world.scale.hk_organisations)
    drafts["sh"] += _organisation_drafts(world, SHANGHAI, world.scale.sh_organisations)
    world.organisations = {side: _insert_organisations(world, side, drafts[side]) for side in ("hk", "sh")}


def reset() -> None:
    """Delete organisations, sectors and zones (after the areas that depend on them), and forget the profiles
    index (the marketplace's seed job builds it again)."""
    Organisation.objects.all().delete()
    ORGANISATIONS.forget()
    while Sector.objects.exists():  # a parent sector is protected until its children are gone
        Sector.objects.filter(children__isnull=True).delete()
    Zone.objects.all().delete()


def allocate(total: int, shares) -> list[str]:
    """Split `total` into kinds by (kind, share) with largest remainders, at least one of each kind."""
    weight = sum(share for _kind, share in shares)
    exact = {kind: total * share / weight for kind, share in shares}
    counts = {kind: max(1, int(value)) for kind, value in exact.items()}
    by_remainder = sorted(shares, key=lambda pair: exact[pair[0]] - int(exact[pair[0]]), reverse=True)
    index = 0
    while sum(counts.values()) < total:
        counts[by_remainder[index % len(by_remainder)][0]] += 1
        index += 1
    while sum(counts.values()) > total:  # only when `total` is smaller than the number of kinds' minimums
        largest = max(counts, key=counts.get)
        counts[largest] -= 1
    return [kind for kind, _share in shares for _ in range(counts[kind])]



# --- Zones and sectors ------------------------------------------------------------------------------------

def _create_zones(world) -> dict[str, Zone]:
    zones = {}
    for side, spec in ZONES.items():
        zones[side] = Zone.objects.create(
            slug=spec["slug"], region=spec["region"], time_zone=spec["time_zone"], website=spec["website"],
            name_en=spec["name"].en, name_zh_hans=spec["name"].zh_hans, name_zh_hant=spec["name"].zh_hant,
        )
    world.counts["zones"] = len(zones)
    return zones

def _create_sectors(world) -> dict[str, Sector]:
    def row(slug, name, parent=None):
        return Sector(slug=slug, parent=parent, name_en=name.en, name_zh_hans=name.zh_hans,
                      name_zh_hant=name.zh_hant)

    parents = Sector.objects.bulk_create([row(s.slug, s.name) for s in SECTORS])
    children = Sector.objects.bulk_create([
        row(sub.slug, sub.name, parent) for sector, parent in zip(SECTORS, parents) for sub in sector.subsectors
    ])
    world.counts["top_level_sectors"] = len(parents)
    world.counts["sectors"] = len(parents) + len(children)
    return {sector.slug: sector for sector in parents + children}


# --- Organisations ----------------------------------------------------------------------------------------

def _university_drafts(world, side: str, universities) -> list[OrganisationDraft]:
    other = "sh" if side == "hk" else "hk"
    return [profiles.write_university(university, SIDES[side], ZONES[side]["short_name"],
                                      ZONES[other]["short_name"]) for university in universities]

def _organisation_drafts(world, side: Side, total: int) -> list[OrganisationDraft]:
    kinds = allocate(total, KIND_SHARES[side.code])
    world.rng.shuffle(kinds)  # mixed, so that ids (and anything ordered by them) are not grouped by kind
    writers = {"incubator": profiles.write_incubator, "investor": profiles.write_investor,
               "service_provider": profiles.write_service_provider, "media": profiles.write_media}
    drafts = []
    for kind in kinds:
        if kind in writers:
            drafts.append(writers[kind](world.rng, side, world.brands))
        else:
            drafts.append(profiles.write_company(world.rng, side, kind, world.brands))
    return drafts

def _insert_organisations(world, side: str, drafts: list[OrganisationDraft]) -> list[Organisation]:
    """Bulk-insert organisations with their converted script and search tokens, then their sectors.

    The FTS5 index is filled by an insert trigger, so `search_document` must be complete before the insert:
    it is built exactly as `refresh_search_document` would, with the sector names in slug order.
    """
    zone = world.zones[side]
    rows = []
    for draft in drafts:
        organisation = Organisation(
            home_zone=zone, kind=draft.kind, slug=draft.slug, chinese_source=draft.chinese_source,
            stage=draft.stage, size=draft.size, founded_year=draft.founded_year, website=draft.website,
        )
        apply_texts(organisation, draft.texts)
        sectors = sorted((world.sectors[slug] for slug in draft.sector_slugs), key=lambda sector: sector.slug)
        names = [getattr(sector, f"name_{suffix}") for sector in sectors for suffix in LANGUAGE_SUFFIXES]
        organisation.search_document = build_search_document(organisation, names)
        rows.append(organisation)
        world.sector_slugs[draft.slug] = draft.sector_slugs
        world.counts[f"{side}_{draft.kind}"] += 1
    Organisation.objects.bulk_create(rows)
    Link = Organisation.sectors.through
    Link.objects.bulk_create([
        Link(organisation_id=organisation.pk, sector_id=world.sectors[slug].pk)
        for organisation, draft in zip(rows, drafts) for slug in draft.sector_slugs
    ])
    world.counts["organisations"] += len(rows)
    world.counts[f"organisations_{side}"] = len(rows)
    return rows

