"""Demo data of the marketplace: about 3,000 offers and needs in all three languages, interests in every state.

Postings go through the same `apply_texts` as the services and are bulk-inserted; the rank indexes (the
directory's profiles index too) and the stored recommendations are built by one job queued at the end (the task
worker does it in the background, so the seed stays within seconds and no request ever builds an index).
"""

from datetime import timedelta

from zonebridge.accounts.models import Consent, ConsentPurpose
from zonebridge.core.errors import Conflict
from zonebridge.core.jobs import start_job
from zonebridge.core.trilingual import ChineseScript, apply_texts
from zonebridge.demo.content.opportunities import OTHER_MARKET, POSTINGS
from zonebridge.demo.content.phrases import render
from zonebridge.demo.content.sectors import SECTORS
from zonebridge.demo.seed.world import DemoWorld
from zonebridge.opportunities.jobs import RECOMPUTE_ALL
from zonebridge.opportunities.models import (
    InterestExpression,
    InterestState,
    IntroductionRoute,
    Opportunity,
    Outcome,
    Recommendation,
    SavedSearch,
    Visibility,
)
from zonebridge.opportunities.search import OPPORTUNITIES

POSTINGS_PER_ORGANISATION = 1.2  # ~3,000 for the demo's ~2,500 organisations
POSTING_KINDS_OF = ("startup", "company", "investor", "incubator")
SUBSECTORS = {sub.slug: (sector, sub) for sector in SECTORS for sub in sector.subsectors}


def seed(world: DemoWorld) -> None:
    """Create the postings, the demo logins' interests in every state, and queue the index build."""
    rows, sector_links = [], []
    for side in ("hk", "sh"):
        authors = [o for o in world.organisations[side] if o.kind in POSTING_KINDS_OF]
        count = round(POSTINGS_PER_ORGANISATION * len(world.organisations[side]))
        for n in range(count):
            organisation = authors[n % len(authors)] if n < len(authors) else world.rng.choice(authors)
            posting, slugs = _write(world, side, organisation)
            rows.append(posting)
            sector_links.append(slugs)
    rows += _demo_logins_postings(world)
    sector_links += [() for _ in range(len(rows) - len(sector_links))]
    Opportunity.objects.bulk_create(rows, batch_size=500)
    Link = Opportunity.sectors.through
    Link.objects.bulk_create([Link(opportunity_id=posting.pk, sector_id=world.sectors[slug].pk)
                              for posting, slugs in zip(rows, sector_links) for slug in slugs
                              if slug in world.sectors], batch_size=2000)
    world.counts["opportunities"] = len(rows)
    _interests(world, rows)
    SavedSearch.objects.create(user=world.users["orgadmin"], q="电池 battery", last_sent_at=world.now)
    try:
        start_job(RECOMPUTE_ALL, acting_user=None, exclusive_key=RECOMPUTE_ALL)
    except Conflict:
        pass  # a build is already queued: it reads the database when it runs, so it covers these rows too


def reset() -> None:
    """Delete the marketplace's rows (the index versions on disk are superseded by the next build)."""
    Recommendation.objects.all().delete()
    SavedSearch.objects.all().delete()
    InterestExpression.objects.all().delete()
    Opportunity.objects.all().delete()
    OPPORTUNITIES.forget()


def _write(world: DemoWorld, side: str, organisation) -> tuple[Opportunity, tuple[str, ...]]:
    rng = world.rng
    slugs = world.sector_slugs.get(organisation.slug, ())
    known = [SUBSECTORS[slug] for slug in slugs if slug in SUBSECTORS]
    sector, sub = rng.choice(known) if known else _any_subsector(rng)
    template = rng.choice(POSTINGS)
    script = ChineseScript.TRADITIONAL if side == "hk" else ChineseScript.SIMPLIFIED
    language = "en" if rng.random() < 0.4 else script
    slots = {"product": rng.choice(sub.products), "technology": rng.choice(sub.technologies),
             "customer": rng.choice(sector.customers), "market": OTHER_MARKET[side],
             "pilot": rng.choice(sector.pilots) if sector.pilots else rng.choice(sub.products)}
    title = render(template.title, language, slots)
    description = render(template.description, language, slots)
    posted = world.now - timedelta(days=rng.randint(0, 120), minutes=rng.randint(0, 1440))
    roll = rng.random()
    valid_until = None if roll < 0.5 else (posted + timedelta(days=rng.randint(150, 365))).date()
    if roll > 0.95:  # a few expired ones, which leave the listings by themselves
        posted = world.now - timedelta(days=rng.randint(30, 120))
        valid_until = (world.now - timedelta(days=rng.randint(1, 20))).date()
    visibility = (Visibility.PUBLIC if roll < 0.8 else Visibility.SIGNED_IN if roll < 0.93
                  else Visibility.PARTNER_ZONE)
    posting = Opportunity(organisation=organisation, direction=template.direction, kind=template.kind,
                          language=language, chinese_source=script, created_at=posted, valid_from=posted.date(),
                          valid_until=valid_until, visibility=visibility,
                          target_zone=world.zones["sh" if side == "hk" else "hk"] if rng.random() < 0.5 else None)
    posting.organisation.home_zone = world.zones[side]  # for script_region, without a query
    apply_texts(posting, {f"title_{language}": title[:200], f"description_{language}": description})
    if rng.random() < 0.02:
        posting.withdrawn_at = posted + timedelta(days=3)
    return posting, (sector.slug, sub.slug)


def _any_subsector(rng):
    sector = rng.choice(SECTORS)
    return sector, rng.choice(sector.subsectors)


def _demo_logins_postings(world: DemoWorld) -> list[Opportunity]:
    """A Simplified-Chinese need of the Lingang demo company that the Hong Kong demo start-up is offered."""
    sh_company = world.users["orgadmin-sh"].memberships.first().organisation
    need = Opportunity(organisation=sh_company, direction="need", kind="partnership", language="zh_hans",
                       chinese_source=ChineseScript.SIMPLIFIED, created_at=world.now - timedelta(hours=2),
                       valid_from=world.now.date(), visibility=Visibility.PUBLIC, created_by=world.users["orgadmin-sh"])
    need.organisation.home_zone = world.zones["sh"]
    apply_texts(need, {"title_zh_hans": "寻找香港初创企业合作开展跨境数字化试点",
                       "description_zh_hans": "我们在临港寻找香港的初创团队，共同开展人工智能、金融科技或"
                                              "新能源方向的应用场景试点，可提供测试场地与首批客户。"})
    return [need]


def _interests(world: DemoWorld, rows: list[Opportunity]) -> None:
    """Interests between the demo logins' organisations, one in every state, so each page has something."""
    hk_admin, sh_admin = world.users["orgadmin"], world.users["orgadmin-sh"]
    hk_org = hk_admin.memberships.first().organisation
    sh_org = sh_admin.memberships.first().organisation
    Consent.objects.get_or_create(user=hk_admin, purpose=ConsentPurpose.CROSS_BORDER_PROVISION)
    sh_postings = [p for p in rows if p.organisation.home_zone_id == world.zones["sh"].pk
                   and p.withdrawn_at is None and p.visibility == Visibility.PUBLIC and p.organisation_id != sh_org.pk]
    hk_postings = [p for p in rows if p.organisation.home_zone_id == world.zones["hk"].pk
                   and p.withdrawn_at is None and p.visibility == Visibility.PUBLIC and p.organisation_id != hk_org.pk]
    now = world.now
    states = [
        (InterestState.SENT, {}),
        (InterestState.ACCEPTED, {"introduction_route": IntroductionRoute.OPERATOR, "outcome": Outcome.TALKING}),
        (InterestState.ACCEPTED, {"introduction_route": IntroductionRoute.OPERATOR, "outcome": Outcome.PILOT,
                                  "brokered_by": world.users["operator-lingang"], "brokered_at": now}),
        (InterestState.DECLINED, {}),
        (InterestState.WITHDRAWN, {}),
    ]
    interests = []
    for n, (state, extra) in enumerate(states):
        decided = state in (InterestState.ACCEPTED, InterestState.DECLINED)
        interests.append(InterestExpression(
            opportunity=sh_postings[n], organisation=hk_org, sent_by=hk_admin, state=state,
            message="We would like to talk about working together in Lingang. 期待與貴公司合作。",
            created_at=now - timedelta(days=10 - n), decided_at=now - timedelta(days=8 - n) if decided else None,
            follow_up_due=now + timedelta(days=80) if state == InterestState.ACCEPTED else None, **extra))
    # Interests the Lingang demo company sent, and one it received from Hong Kong, waiting for its answer.
    interests.append(InterestExpression(opportunity=hk_postings[0], organisation=sh_org, sent_by=sh_admin,
                                        message="我们希望在临港试点贵公司的方案。", created_at=now - timedelta(days=1)))
    InterestExpression.objects.bulk_create(interests)
    world.counts["interests"] = len(interests)
