"""Demo people: university coordinators, 5,000 students with consent records, and one login per role."""

from datetime import timedelta

from zonebridge.accounts.models import Consent, ConsentPurpose, Membership, PersonProfile, Role, User
from zonebridge.demo.content.accounts import DEMO_ACCOUNTS
from zonebridge.demo.content.people import PersonDraft
from zonebridge.demo.content.phrases import Phrase
from zonebridge.demo.seed.world import DemoWorld
from zonebridge.directory.models import Organisation

CONSENT_SHARE = 0.4  # students who granted cross-border consent
REVOKED_SHARE = 0.03  # of the others: granted once, revoked since (the record stays)



# (username, what the login is for): fixed, so it can be printed without seeding (see `zonebridge run`).
DEMO_LOGINS: tuple[tuple[str, str], ...] = tuple((account.username, account.role) for account in DEMO_ACCOUNTS)


def seed(world: DemoWorld) -> None:
    """Create coordinators and students of the seeded universities, then the demo logins."""
    _create_students_and_coordinators(world, world.universities)
    _create_demo_accounts(world)


def reset() -> None:
    """Delete every user (memberships, profiles, consents, tokens and access logs go with them)."""
    User.objects.all().delete()


# --- People -----------------------------------------------------------------------------------------------

def _employer_names(world, side: str) -> dict[str, list[Phrase]]:
    """Start-ups and companies of a zone by sector, for students' past internships."""
    by_sector: dict[str, list[Phrase]] = {}
    for organisation in world.organisations[side]:
        if organisation.kind in ("startup", "company"):
            name = Phrase(organisation.name_en, organisation.name_zh_hans, organisation.name_zh_hant)
            for sector in world.sector_slugs[organisation.slug]:
                by_sector.setdefault(sector, []).append(name)
    return by_sector

def _create_students_and_coordinators(world, universities) -> None:
    organisation_by_slug = {o.slug: o for side in ("hk", "sh") for o in world.organisations[side]}
    employers = {side: _employer_names(world, side) for side in ("hk", "sh")}

    pool = [u for side in ("hk", "sh") for u in universities[side]]
    weights = [u.thousand_students for u in pool]
    people: list[tuple[PersonDraft, str, Organisation, str]] = []  # draft, side, university, role
    for university in pool:
        people.append((world.people.coordinator(university), university.side,
                       organisation_by_slug[university.slug], Role.UNIVERSITY_COORDINATOR))
    for university in world.rng.choices(pool, weights=weights, k=world.scale.students):
        draft = world.people.student(university, employers[university.side])
        people.append((draft, university.side, organisation_by_slug[university.slug], Role.STUDENT))

    # Coordinators are their university's public contact; students keep the default (unlisted).
    users = _insert_people(world, [(draft, side) for draft, side, _org, _role in people],
                                listed=[role == Role.UNIVERSITY_COORDINATOR for _d, _s, _o, role in people])
    Membership.objects.bulk_create([
        Membership(user=user, organisation=organisation, role=role)
        for user, (_draft, _side, organisation, role) in zip(users, people)
    ])
    consents = []
    for user, (_draft, _side, _org, role) in zip(users, people):
        if role != Role.STUDENT:
            continue
        roll = world.rng.random()
        granted = world.now - timedelta(days=world.rng.randint(1, 400), minutes=world.rng.randint(0, 1439))
        if roll < CONSENT_SHARE:
            consents.append(Consent(user=user, purpose=ConsentPurpose.CROSS_BORDER_PROVISION, granted_at=granted))
            world.counts["consents_active"] += 1
        elif roll < CONSENT_SHARE + REVOKED_SHARE:
            revoked = granted + timedelta(days=world.rng.randint(1, 60))
            consents.append(Consent(user=user, purpose=ConsentPurpose.CROSS_BORDER_PROVISION, granted_at=granted,
                                    revoked_at=min(revoked, world.now)))
            world.counts["consents_revoked"] += 1
    Consent.objects.bulk_create(consents)
    world.counts["coordinators"] = len(pool)
    world.counts["students"] = world.scale.students

def _insert_people(world, people: list[tuple[PersonDraft, str]], listed: list[bool]) -> list[User]:
    """Bulk-insert users and their profiles (public where `listed`); every demo user shares one password hash."""
    users = User.objects.bulk_create([
        User(username=draft.username, email=draft.email, password=world.password_hash,
             first_name=draft.first_name, last_name=draft.last_name, display_name=draft.display_name,
             preferred_language=draft.preferred_language, home_zone=world.zones[side], date_joined=world.now)
        for draft, side in people
    ])
    PersonProfile.objects.bulk_create([
        PersonProfile(user=user, headline=draft.headline, bio=draft.bio, skills=draft.skills, phone=draft.phone,
                      contact_email=draft.contact_email, nationality=draft.nationality,
                      date_of_birth=draft.date_of_birth, is_listed=is_listed)
        for user, (draft, _side), is_listed in zip(users, people, listed)
    ])
    world.counts["users"] += len(users)
    return users

def _create_demo_accounts(world) -> None:
    """One login per role, attached to organisations picked deterministically from the seeded ones."""
    hk, sh = world.organisations["hk"], world.organisations["sh"]
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
    users = {user.username: user for user in _insert_people(world, drafts, listed)}
    world.users = users
    admin = users["admin"]
    admin.is_superuser = admin.is_staff = True
    admin.save(update_fields=["is_superuser", "is_staff"])
    world.zones["sh"].operators.add(users["operator-lingang"])
    world.zones["hk"].operators.add(users["operator-hk"])
    Membership.objects.bulk_create([
        Membership(user=users[username], organisation=organisation, role=role)
        for username, (organisation, role) in organisations.items()
    ])
    roles = dict(DEMO_LOGINS)
    for username, (organisation, _role) in organisations.items():
        world.login_roles[username] = f"{roles[username]}: {organisation.name_en}"
    Consent.objects.create(user=users["student"], purpose=ConsentPurpose.CROSS_BORDER_PROVISION,
                           granted_at=world.now)
    world.counts["consents_active"] += 1
    world.counts["demo_accounts"] = len(users)



def _first_of(organisations: list[Organisation], wanted) -> Organisation:
    """The first organisation (in seeded order) that matches `wanted`."""
    return next(organisation for organisation in organisations if wanted(organisation))
