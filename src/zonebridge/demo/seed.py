"""Seed the demo world: two sister zones, their organisations, universities, students and one login per role.

`seed_demo(seed=..., scale=...)` is the use case behind `zonebridge seed` and `zonebridge run`. The texts come
from `zonebridge.demo.content`; here they become rows. Organisations go through the same
`apply_texts` and `build_search_document` as the directory services, so a seeded profile is exactly
what an author saving the same texts would get. Rows are bulk-inserted in one transaction: the demo scale
(about 2,500 organisations and 5,000 students) takes seconds on SQLite.
"""

import random
import time
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone
from faker import Faker

from zonebridge.accounts.models import Consent, ConsentPurpose, Membership, PersonProfile, Role, User
from zonebridge.core.trilingual import LANGUAGE_SUFFIXES, apply_texts
from zonebridge.demo.content import profiles
from zonebridge.demo.content.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from zonebridge.demo.content.people import FAKER_LOCALES, PeopleWriter, PersonDraft
from zonebridge.demo.content.phrases import Phrase
from zonebridge.demo.content.profiles import HONG_KONG, SHANGHAI, OrganisationDraft, Side
from zonebridge.demo.content.sectors import SECTORS
from zonebridge.demo.content.universities import HONG_KONG_UNIVERSITIES, SHANGHAI_UNIVERSITIES
from zonebridge.directory.models import Organisation, Region, Sector, Zone
from zonebridge.directory.search import build_search_document

__all__ = ["DEMO_LOGINS", "DEMO_PASSWORD", "SCALES", "DemoLogin", "SeedRefused", "SeedReport",
           "database_is_empty", "reset_database", "seed_demo", "validate_arguments"]

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
CONSENT_SHARE = 0.4  # students who granted cross-border consent
REVOKED_SHARE = 0.03  # of the others: granted once, revoked since (the record stays)


@dataclass(frozen=True)
class Scale:
    """How big the demo world is."""

    hk_organisations: int
    sh_organisations: int
    universities_per_zone: int
    students: int


SCALES = {
    "small": Scale(hk_organisations=40, sh_organisations=20, universities_per_zone=2, students=50),
    "demo": Scale(hk_organisations=1900, sh_organisations=600, universities_per_zone=10, students=5000),
}

# (username, what the login is for): fixed, so it can be printed without seeding (see `zonebridge run`).
DEMO_LOGINS: tuple[tuple[str, str], ...] = tuple((account.username, account.role) for account in DEMO_ACCOUNTS)


@dataclass(frozen=True)
class DemoLogin:
    """A login to try the demo with."""

    username: str
    password: str
    role: str


@dataclass(frozen=True)
class SeedReport:
    """What `seed_demo` created: counts by name, the demo logins and how long it took."""

    seed: int
    scale: str
    counts: dict[str, int]
    logins: tuple[DemoLogin, ...]
    seconds: float

    def summary(self) -> str:
        """A few lines for the terminal: what was created and how long it took (the logins are printed apart)."""
        c = self.counts
        lines = [
            f"Seeded the {self.scale} data set (seed {self.seed}) in {self.seconds:.1f} s:",
            f"  zones {c['zones']}, sectors {c['sectors']} ({c['top_level_sectors']} top-level)",
            f"  organisations {c['organisations']:,}: Hong Kong {c['organisations_hk']:,}, "
            f"Lingang {c['organisations_sh']:,}",
        ]
        for side, label in (("hk", "Hong Kong"), ("sh", "Lingang")):
            kinds = ", ".join(f"{kind.replace('_', ' ')} {c[f'{side}_{kind}']:,}"
                              for kind in ("startup", "company", "incubator", "investor", "service_provider",
                                           "media", "university") if c.get(f"{side}_{kind}"))
            lines.append(f"    {label}: {kinds}")
        lines.append(f"  users {c['users']:,}: students {c['students']:,} "
                     f"({c['consents_active']:,} with cross-border consent), coordinators {c['coordinators']}, "
                     f"demo logins {c['demo_accounts']}")
        return "\n".join(lines)


class SeedRefused(Exception):
    """The database already holds data; seeding on top of it would mix demo and real records."""


def database_is_empty() -> bool:
    """True when there are no zones, organisations or users yet (a fresh database after `migrate`)."""
    return not (Zone.objects.exists() or Organisation.objects.exists() or User.objects.exists())


def reset_database() -> None:
    """Delete the directory and its people in dependency order, inside the caller's transaction.

    Not `flush`: PostgreSQL refuses TRUNCATE while the same transaction has pending foreign-key checks.
    """
    User.objects.all().delete()  # memberships, profiles, consents, tokens and access logs go with them
    Organisation.objects.all().delete()
    while Sector.objects.exists():  # a parent sector is protected until its children are gone
        Sector.objects.filter(children__isnull=True).delete()
    Zone.objects.all().delete()


def validate_arguments(seed, scale) -> None:
    """Raise ValueError unless `seed` is an integer ≥ 0 and `scale` is one of SCALES."""
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be an integer ≥ 0, got {seed!r}")
    if scale not in SCALES:
        raise ValueError(f"scale must be one of {', '.join(SCALES)}, got {scale!r}")


def seed_demo(*, seed: int, scale: str, reset: bool = False) -> SeedReport:
    """Fill an empty database with the demo world; the same seed and scale always write the same data.

    With `reset`, every existing row is deleted first, in the same transaction: if seeding fails, the old
    data is still there.
    """
    validate_arguments(seed, scale)
    started = time.perf_counter()
    rng = random.Random(seed)
    fake = Faker(list(FAKER_LOCALES))
    fake.seed_instance(seed)
    with transaction.atomic():
        if reset:
            reset_database()
        if not database_is_empty():
            raise SeedRefused("the database already holds data; use --reset to delete it first")
        world = _DemoWorld(rng, fake, SCALES[scale])
        counts = world.build()
    refresh_planner_statistics()
    logins = tuple(DemoLogin(username, DEMO_PASSWORD, world.login_roles.get(username, role))
                   for username, role in DEMO_LOGINS)
    return SeedReport(seed=seed, scale=scale, counts=counts, logins=logins,
                      seconds=round(time.perf_counter() - started, 2))


def refresh_planner_statistics() -> None:
    """After a bulk load, let the database planner see the new row counts (or it keeps choosing scans)."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


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


class _DemoWorld:
    """Builds the demo world step by step; `build()` returns the counts for the report."""

    def __init__(self, rng: random.Random, fake: Faker, scale: Scale):
        self.rng = rng
        self.scale = scale
        self.people = PeopleWriter(rng, fake)
        self.brands = profiles.BrandPool(rng)
        self.now = timezone.now()
        # The password is hashed once: hashing it 5,000 times would take minutes.
        self.password_hash = make_password(DEMO_PASSWORD)
        self.counts: Counter = Counter()
        self.sector_slugs: dict[str, tuple[str, ...]] = {}  # organisation slug → its sectors
        self.login_roles: dict[str, str] = {}  # demo username → role, naming the organisation it acts in

    def build(self) -> dict[str, int]:
        """Create zones, sectors, organisations, people and demo logins; return what was created."""
        self.zones = self._create_zones()
        self.sectors = self._create_sectors()
        universities = {side: UNIVERSITIES[side][: self.scale.universities_per_zone] for side in ("hk", "sh")}
        drafts = {side: self._university_drafts(side, universities[side]) for side in ("hk", "sh")}
        drafts["hk"] += self._organisation_drafts(HONG_KONG, self.scale.hk_organisations)
        drafts["sh"] += self._organisation_drafts(SHANGHAI, self.scale.sh_organisations)
        self.organisations = {side: self._insert_organisations(side, drafts[side]) for side in ("hk", "sh")}
        self._create_students_and_coordinators(universities)
        self._create_demo_accounts()
        return dict(self.counts)

    # --- Zones and sectors ------------------------------------------------------------------------------------

    def _create_zones(self) -> dict[str, Zone]:
        zones = {}
        for side, spec in ZONES.items():
            zones[side] = Zone.objects.create(
                slug=spec["slug"], region=spec["region"], time_zone=spec["time_zone"], website=spec["website"],
                name_en=spec["name"].en, name_zh_hans=spec["name"].zh_hans, name_zh_hant=spec["name"].zh_hant,
            )
        self.counts["zones"] = len(zones)
        return zones

    def _create_sectors(self) -> dict[str, Sector]:
        def row(slug, name, parent=None):
            return Sector(slug=slug, parent=parent, name_en=name.en, name_zh_hans=name.zh_hans,
                          name_zh_hant=name.zh_hant)

        parents = Sector.objects.bulk_create([row(s.slug, s.name) for s in SECTORS])
        children = Sector.objects.bulk_create([
            row(sub.slug, sub.name, parent) for sector, parent in zip(SECTORS, parents) for sub in sector.subsectors
        ])
        self.counts["top_level_sectors"] = len(parents)
        self.counts["sectors"] = len(parents) + len(children)
        return {sector.slug: sector for sector in parents + children}

    # --- Organisations ----------------------------------------------------------------------------------------

    def _university_drafts(self, side: str, universities) -> list[OrganisationDraft]:
        other = "sh" if side == "hk" else "hk"
        return [profiles.write_university(university, SIDES[side], ZONES[side]["short_name"],
                                          ZONES[other]["short_name"]) for university in universities]

    def _organisation_drafts(self, side: Side, total: int) -> list[OrganisationDraft]:
        kinds = allocate(total, KIND_SHARES[side.code])
        self.rng.shuffle(kinds)  # mixed, so that ids (and anything ordered by them) are not grouped by kind
        writers = {"incubator": profiles.write_incubator, "investor": profiles.write_investor,
                   "service_provider": profiles.write_service_provider, "media": profiles.write_media}
        drafts = []
        for kind in kinds:
            if kind in writers:
                drafts.append(writers[kind](self.rng, side, self.brands))
            else:
                drafts.append(profiles.write_company(self.rng, side, kind, self.brands))
        return drafts

    def _insert_organisations(self, side: str, drafts: list[OrganisationDraft]) -> list[Organisation]:
        """Bulk-insert organisations with their converted script and search tokens, then their sectors.

        The FTS5 index is filled by an insert trigger, so `search_document` must be complete before the insert:
        it is built exactly as `refresh_search_document` would, with the sector names in slug order.
        """
        zone = self.zones[side]
        rows = []
        for draft in drafts:
            organisation = Organisation(
                home_zone=zone, kind=draft.kind, slug=draft.slug, chinese_source=draft.chinese_source,
                stage=draft.stage, size=draft.size, founded_year=draft.founded_year, website=draft.website,
            )
            apply_texts(organisation, draft.texts)
            sectors = sorted((self.sectors[slug] for slug in draft.sector_slugs), key=lambda sector: sector.slug)
            names = [getattr(sector, f"name_{suffix}") for sector in sectors for suffix in LANGUAGE_SUFFIXES]
            organisation.search_document = build_search_document(organisation, names)
            rows.append(organisation)
            self.sector_slugs[draft.slug] = draft.sector_slugs
            self.counts[f"{side}_{draft.kind}"] += 1
        Organisation.objects.bulk_create(rows)
        Link = Organisation.sectors.through
        Link.objects.bulk_create([
            Link(organisation_id=organisation.pk, sector_id=self.sectors[slug].pk)
            for organisation, draft in zip(rows, drafts) for slug in draft.sector_slugs
        ])
        self.counts["organisations"] += len(rows)
        self.counts[f"organisations_{side}"] = len(rows)
        return rows

    # --- People -----------------------------------------------------------------------------------------------

    def _employer_names(self, side: str) -> dict[str, list[Phrase]]:
        """Start-ups and companies of a zone by sector, for students' past internships."""
        by_sector: dict[str, list[Phrase]] = {}
        for organisation in self.organisations[side]:
            if organisation.kind in ("startup", "company"):
                name = Phrase(organisation.name_en, organisation.name_zh_hans, organisation.name_zh_hant)
                for sector in self.sector_slugs[organisation.slug]:
                    by_sector.setdefault(sector, []).append(name)
        return by_sector

    def _create_students_and_coordinators(self, universities) -> None:
        organisation_by_slug = {o.slug: o for side in ("hk", "sh") for o in self.organisations[side]}
        employers = {side: self._employer_names(side) for side in ("hk", "sh")}

        pool = [u for side in ("hk", "sh") for u in universities[side]]
        weights = [u.thousand_students for u in pool]
        people: list[tuple[PersonDraft, str, Organisation, str]] = []  # draft, side, university, role
        for university in pool:
            people.append((self.people.coordinator(university), university.side,
                           organisation_by_slug[university.slug], Role.UNIVERSITY_COORDINATOR))
        for university in self.rng.choices(pool, weights=weights, k=self.scale.students):
            draft = self.people.student(university, employers[university.side])
            people.append((draft, university.side, organisation_by_slug[university.slug], Role.STUDENT))

        # Coordinators are their university's public contact; students keep the default (unlisted).
        users = self._insert_people([(draft, side) for draft, side, _org, _role in people],
                                    listed=[role == Role.UNIVERSITY_COORDINATOR for _d, _s, _o, role in people])
        Membership.objects.bulk_create([
            Membership(user=user, organisation=organisation, role=role)
            for user, (_draft, _side, organisation, role) in zip(users, people)
        ])
        consents = []
        for user, (_draft, _side, _org, role) in zip(users, people):
            if role != Role.STUDENT:
                continue
            roll = self.rng.random()
            granted = self.now - timedelta(days=self.rng.randint(1, 400), minutes=self.rng.randint(0, 1439))
            if roll < CONSENT_SHARE:
                consents.append(Consent(user=user, purpose=ConsentPurpose.CROSS_BORDER_PROVISION, granted_at=granted))
                self.counts["consents_active"] += 1
            elif roll < CONSENT_SHARE + REVOKED_SHARE:
                revoked = granted + timedelta(days=self.rng.randint(1, 60))
                consents.append(Consent(user=user, purpose=ConsentPurpose.CROSS_BORDER_PROVISION, granted_at=granted,
                                        revoked_at=min(revoked, self.now)))
                self.counts["consents_revoked"] += 1
        Consent.objects.bulk_create(consents)
        self.counts["coordinators"] = len(pool)
        self.counts["students"] = self.scale.students

    def _insert_people(self, people: list[tuple[PersonDraft, str]], listed: list[bool]) -> list[User]:
        """Bulk-insert users and their profiles (public where `listed`); every demo user shares one password hash."""
        users = User.objects.bulk_create([
            User(username=draft.username, email=draft.email, password=self.password_hash,
                 first_name=draft.first_name, last_name=draft.last_name, display_name=draft.display_name,
                 preferred_language=draft.preferred_language, home_zone=self.zones[side], date_joined=self.now)
            for draft, side in people
        ])
        PersonProfile.objects.bulk_create([
            PersonProfile(user=user, headline=draft.headline, bio=draft.bio, skills=draft.skills, phone=draft.phone,
                          contact_email=draft.contact_email, nationality=draft.nationality,
                          date_of_birth=draft.date_of_birth, is_listed=is_listed)
            for user, (draft, _side), is_listed in zip(users, people, listed)
        ])
        self.counts["users"] += len(users)
        return users

    def _create_demo_accounts(self) -> None:
        """One login per role, attached to organisations picked deterministically from the seeded ones."""
        hk, sh = self.organisations["hk"], self.organisations["sh"]
        first = _first_of
        hk_startup = first(hk, lambda o: o.kind == "startup" and o.stage in ("seed", "series_a"))
        sh_company = first(sh, lambda o: o.kind == "company" and bool(o.description_en))
        organisations = {
            "orgadmin": (hk_startup, Role.ORG_ADMIN),
            "orgadmin-sh": (sh_company, Role.ORG_ADMIN),
            "member": (hk_startup, Role.ORG_MEMBER),
            "coordinator": (first(hk, lambda o: o.kind == "university"), Role.UNIVERSITY_COORDINATOR),
            "student": (first(sh, lambda o: o.kind == "university"), Role.STUDENT),
            "mentor": (first(hk, lambda o: o.kind == "incubator"), Role.MENTOR),
            "reviewer": (first(sh, lambda o: o.kind == "incubator"), Role.REVIEWER),
        }
        drafts = [
            (PersonDraft(username=a.username, email=f"{a.username}@zonebridge-demo.example", first_name=a.first_name,
                         last_name=a.last_name, display_name=a.display_name, preferred_language=a.preferred_language,
                         headline=a.headline, phone=a.phone, contact_email=f"{a.username}@zonebridge-demo.example",
                         nationality=a.nationality, date_of_birth=a.date_of_birth), a.side)
            for a in DEMO_ACCOUNTS
        ]
        # Every demo login shows a public profile, except the student's: students are unlisted by default.
        listed = [a.username not in organisations or organisations[a.username][1] != Role.STUDENT
                  for a in DEMO_ACCOUNTS]
        users = {user.username: user for user in self._insert_people(drafts, listed)}
        admin = users["admin"]
        admin.is_superuser = admin.is_staff = True
        admin.save(update_fields=["is_superuser", "is_staff"])
        self.zones["sh"].operators.add(users["operator-lingang"])
        self.zones["hk"].operators.add(users["operator-hk"])
        Membership.objects.bulk_create([
            Membership(user=users[username], organisation=organisation, role=role)
            for username, (organisation, role) in organisations.items()
        ])
        roles = dict(DEMO_LOGINS)
        for username, (organisation, _role) in organisations.items():
            self.login_roles[username] = f"{roles[username]}: {organisation.name_en}"
        Consent.objects.create(user=users["student"], purpose=ConsentPurpose.CROSS_BORDER_PROVISION,
                               granted_at=self.now)
        self.counts["consents_active"] += 1
        self.counts["demo_accounts"] = len(users)


def _first_of(organisations: list[Organisation], wanted) -> Organisation:
    """The first organisation (in seeded order) that matches `wanted`."""
    return next(organisation for organisation in organisations if wanted(organisation))
