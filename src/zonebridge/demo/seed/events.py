"""Demo events: three matchmaking days run by Harbour Innovation Hub with Lingang, at the scale of a real day.

- a past day (100 days ago): its schedule published and held, each side's report (held or no-show, follow-up,
  deal, pilot), the second follow-ups asked and partly answered;
- a scheduled day (in 12 days): requests closed, the schedule run by the engine and published;
- an open day (in 40 days): registrations (a few waiting for approval), interest, and requests in every state
  (waiting, accepted, declined, expired, cancelled), group meetings and booked times.

The demo logins orgadmin (a Hong Kong start-up) and orgadmin-sh (a Lingang company) take part in all three; member
waits for approval on the open day. Written with the bulk helpers beside the services (`events.bulk`); the schedule
runs through the service that the operator's "schedule all" job calls.
"""

from datetime import time, timedelta

from zonebridge.accounts.models import Membership, PersonProfile, Role, User
from zonebridge.core.trilingual import ChineseScript
from zonebridge.demo.seed.world import DemoWorld
from zonebridge.events.bulk import add_registrations, add_requests
from zonebridge.events.models import (
    Category,
    Event,
    EventState,
    Interest,
    InterestLevel,
    Meeting,
    MeetingReport,
    MeetingState,
    Outcome,
    RegistrationState,
    RequestState,
    Seat,
)
from zonebridge.events.services import schedule, setup

# (English, Simplified, Traditional): what a participant is looking for.
NEEDS = [
    ("Distribution partners in the Greater Bay Area", "寻找大湾区分销合作伙伴", "尋找大灣區分銷合作夥伴"),
    ("A pilot site for our product in Lingang", "在临港寻找产品试点场景", "在臨港尋找產品試點場景"),
    ("Seed or Series A investors", "寻找天使轮或A轮投资者", "尋找天使輪或A輪投資者"),
    ("Battery and energy-storage suppliers", "寻找电池与储能供应商", "尋找電池與儲能供應商"),
    ("Cross-border payment and banking services", "寻找跨境支付与银行服务", "尋找跨境支付與銀行服務"),
    ("AI and data partners for smart manufacturing", "寻找智能制造的人工智能与数据合作伙伴",
     "尋找智能製造的人工智能與數據合作夥伴"),
    ("Office space and company registration in Hong Kong", "在香港寻找办公空间与公司注册服务",
     "在香港尋找辦公空間與公司註冊服務"),
    ("Logistics partners for cross-border e-commerce", "寻找跨境电商物流合作伙伴", "尋找跨境電商物流合作夥伴"),
]
DAYS = [
    # slug, title (en, zh_hans, zh_hant), days from now, participants, requests per participant, tables, state
    ("lingang-hk-matchmaking-spring", ("Lingang–Hong Kong Matchmaking Day (spring)", "临港—香港企业配对日（春季）",
                                       "臨港—香港企業配對日（春季）"), -100, 220, 3.0, 30, "past"),
    ("greater-bay-area-delegation", ("Greater Bay Area delegation visit to Lingang", "大湾区企业代表团访问临港",
                                     "大灣區企業代表團訪問臨港"), 12, 300, 3.5, 40, "scheduled"),
    ("hk-lingang-matchmaking-autumn", ("Hong Kong–Lingang Matchmaking Day (autumn)", "香港—临港企业配对日（秋季）",
                                       "香港—臨港企業配對日（秋季）"), 40, 360, 3.0, 40, "open"),
]
OUTCOMES = [(Outcome.NONE, 0.35), (Outcome.FOLLOW_UP, 0.45), (Outcome.DEAL, 0.08), (Outcome.PILOT, 0.12)]


def seed(world: DemoWorld) -> None:
    """Create the delegates and the three events."""
    delegates = _delegates(world)
    operator = world.users["operator-hk"]
    for slug, title, offset, size, per_person, tables, kind in DAYS:
        _event(world, operator, delegates, slug, title, offset, size, per_person, tables, kind)


def reset() -> None:
    """Delete every event (registrations, requests, meetings and reports go with them)."""
    Event.objects.all().delete()


def _delegates(world: DemoWorld) -> dict[str, list[tuple[User, object]]]:
    """One delegate per start-up or company (up to 200 per zone), a member of their organisation; the demo
    logins of organisations come first."""
    result: dict[str, list] = {}
    for side, locale in (("hk", "en_US"), ("sh", "zh_CN")):
        organisations = [o for o in world.organisations[side] if o.kind in ("startup", "company")][:200]
        users = User.objects.bulk_create([
            User(username=f"delegate-{side}-{n:03d}", email=f"delegate-{side}-{n:03d}@zonebridge-demo.example",
                 password=world.password_hash, display_name=world.fake[locale].name(), home_zone=world.zones[side],
                 preferred_language="en" if side == "hk" else "zh-hans", date_joined=world.now)
            for n in range(len(organisations))])
        PersonProfile.objects.bulk_create([PersonProfile(user=user) for user in users])
        Membership.objects.bulk_create([Membership(user=user, organisation=organisation, role=Role.ORG_MEMBER)
                                        for user, organisation in zip(users, organisations)])
        world.counts["users"] += len(users)
        login = world.users["orgadmin" if side == "hk" else "orgadmin-sh"]
        own = Membership.objects.filter(user=login, role=Role.ORG_ADMIN).select_related("organisation").first()
        result[side] = [(login, own.organisation)] + list(zip(users, organisations))
    return result


def _event(world, operator, delegates, slug, title, offset, size, per_person, tables, kind) -> Event:
    rng = world.rng
    day = (world.now + timedelta(days=offset)).date()
    event = setup.create_event(
        acting_user=None, zone=world.zones["hk"], slug=slug,
        texts={"title_en": title[0], "title_zh_hans": title[1], "title_zh_hant": title[2],
               "venue_en": "Harbour Innovation Hub, Innovation Hall", "venue_zh_hant": "海港創新中心創新廳",
               "description_en": "Pre-arranged 20-minute meetings between Hong Kong start-ups and Lingang companies.",
               "description_zh_hant": "香港初創企業與臨港企業之間預先安排的20分鐘洽談。"},
        fields={"kind": "delegation" if kind == "scheduled" else "matchmaking", "time_zone": "Asia/Hong_Kong",
                "starts_on": day, "ends_on": day, "day_starts_at": time(9, 30), "day_ends_at": time(17, 0),
                "meeting_minutes": 20, "breaks": "12:30-13:30", "tables": tables, "meeting_cap": 8,
                "request_expiry_hours": 72, "chinese_source": ChineseScript.TRADITIONAL,
                "requires_approval": True})
    Event.objects.filter(pk=event.pk).update(state=EventState.OPEN if kind == "open" else EventState.CLOSED)
    event.refresh_from_db()

    # Hong Kong visitors meet Lingang hosts (a few take part as both); the demo logins are always in.
    half = min(size // 2, len(delegates["hk"]), len(delegates["sh"]))
    people = [(user, organisation, "hk", index) for index, (user, organisation) in enumerate(delegates["hk"][:half])]
    people += [(user, organisation, "sh", index) for index, (user, organisation) in enumerate(delegates["sh"][:half])]
    rows = []
    for user, organisation, side, index in people:
        need = rng.choice(NEEDS)
        state = RegistrationState.APPROVED
        if kind == "open" and index > 5 and rng.random() < 0.05:
            state = RegistrationState.PENDING
        rows.append({"user": user, "organisation": organisation, "state": state,
                     "category": (Category.BOTH if rng.random() < 0.1 else
                                  Category.VISITOR if side == "hk" else Category.HOST),
                     "chinese_source": organisation.chinese_source, "time_zone": "Asia/Hong_Kong" if side == "hk"
                     else "Asia/Shanghai",
                     "offers_en": organisation.summary_en[:500], "offers_zh_hans": organisation.summary_zh_hans[:500],
                     "offers_zh_hant": organisation.summary_zh_hant[:500],
                     "needs_en": need[0], "needs_zh_hans": need[1], "needs_zh_hant": need[2]})
    if kind == "open":
        member = world.users["member"]
        rows.append({"user": member, "organisation": delegates["hk"][0][1], "state": RegistrationState.PENDING,
                     "category": Category.VISITOR})
    registrations = add_registrations(event, rows)
    approved = [r for r in registrations if r.state == RegistrationState.APPROVED]
    visitors = [r for r in approved if r.category in (Category.VISITOR, Category.BOTH)]
    hosts = [r for r in approved if r.category in (Category.HOST, Category.BOTH)]
    world.counts["event_registrations"] += len(registrations)

    # Requests: visitors ask popular hosts; the demo logins ask each other first.
    popularity = [rng.lognormvariate(0, 0.6) for _ in hosts]
    load = {r.pk: 0 for r in approved}
    pairs: dict[tuple[int, int], str] = {}
    login_hk, login_sh = registrations[0], registrations[half]
    first_state = RequestState.REQUESTED if kind == "open" else RequestState.ACCEPTED
    pairs[login_sh.pk, login_hk.pk] = first_state
    load[login_hk.pk] = load[login_sh.pk] = 1
    target = int(len(approved) * per_person / 2)
    attempts = 0
    while len(pairs) < target and attempts < target * 20:
        attempts += 1
        visitor, host = rng.choice(visitors), rng.choices(hosts, weights=popularity)[0]
        key = (visitor.pk, host.pk)
        if visitor.organisation_id == host.organisation_id or key in pairs or (host.pk, visitor.pk) in pairs:
            continue
        if max(load[visitor.pk], load[host.pk]) >= event.meeting_cap:
            continue
        load[visitor.pk] += 1
        load[host.pk] += 1
        pairs[key] = _request_state(rng, kind)
    by_pk = {r.pk: r for r in registrations}
    interests, weights = [], {}
    for a, b in pairs:
        mutual = rng.random() < 0.3
        level = InterestLevel.MUST if rng.random() < 0.3 else InterestLevel.WOULD
        interests.append(Interest(event=event, source_id=a, target_id=b, level=level))
        if mutual:
            interests.append(Interest(event=event, source_id=b, target_id=a, level=InterestLevel.WOULD))
        weights[a, b] = 1 + (level == InterestLevel.MUST) + (2 if mutual else 0)
    # Some say no thanks to people they were not asked by (it refuses requests between them).
    for registration in rng.sample(approved, k=min(20, len(approved))):
        other = rng.choice(approved)
        if other.pk != registration.pk and (registration.pk, other.pk) not in pairs and (
                other.pk, registration.pk) not in pairs:
            interests.append(Interest(event=event, source_id=registration.pk, target_id=other.pk,
                                      level=InterestLevel.NO_THANKS))
    Interest.objects.bulk_create(interests, ignore_conflicts=True)
    notes = ["", "", "Looking forward to meeting you.", "期待与您交流合作机会。", "期待與您交流合作機會。"]
    add_requests(event, [(by_pk[a], by_pk[b], state, weights[a, b], rng.choice(notes))
                         for (a, b), state in pairs.items()], now=world.now)
    world.counts["event_requests"] += len(pairs)

    if kind == "open":
        _group_meeting(event, login_hk, approved, pairs)
        # A few participants already booked a time for an accepted meeting themselves.
        slots = list(event.slots.order_by("number"))
        booked_people: set[tuple[int, int]] = set()
        table_use: dict[int, int] = {}
        for meeting in list(Meeting.objects.filter(event=event).prefetch_related("seats"))[:15]:
            people_ids = [seat.registration_id for seat in meeting.seats.all()]
            slot = rng.choice(slots)
            if any((p, slot.pk) in booked_people for p in people_ids) or table_use.get(slot.pk, 0) >= event.tables:
                continue
            table_use[slot.pk] = table_use.get(slot.pk, 0) + 1
            booked_people |= {(p, slot.pk) for p in people_ids}
            Meeting.objects.filter(pk=meeting.pk).update(slot=slot, table=table_use[slot.pk],
                                                         state=MeetingState.CONFIRMED)
            Seat.objects.filter(meeting=meeting).update(slot=slot)
        return event

    # The scheduled and the past day: "schedule all" through the service, then published (without mailing
    # hundreds of demo addresses).
    run = schedule.run_schedule(event, acting_user=operator)
    Meeting.objects.filter(event=event, state=MeetingState.SCHEDULED).update(state=MeetingState.CONFIRMED)
    Event.objects.filter(pk=event.pk).update(schedule_published_at=world.now - timedelta(days=max(2, -offset + 5)),
                                             schedule_version=1)
    world.counts["event_meetings_scheduled"] += run.scheduled
    if kind == "scheduled":
        # The operator cancelled a few meetings after publishing (their times became free).
        cancelled = list(Meeting.objects.filter(event=event, state=MeetingState.CONFIRMED).order_by("pk")
                         .values_list("pk", flat=True)[5:8])
        Seat.objects.filter(meeting_id__in=cancelled).update(slot=None)
        Meeting.objects.filter(pk__in=cancelled).update(state=MeetingState.CANCELLED, slot=None, table=None)
    if kind == "past":
        _reports(world, event)
    return event


def _group_meeting(event: Event, lead, approved, pairs) -> None:
    """The Hong Kong demo login brings a colleague to a host: a group meeting, through the services."""
    from zonebridge.core.errors import DomainError
    from zonebridge.events.services import requests

    colleague = next((r for r in approved if r.organisation_id == lead.organisation_id and r.pk != lead.pk), None)
    taken = {b for a, b in pairs if a == lead.pk} | {a for a, b in pairs if b == lead.pk}
    hosts = [r for r in approved if r.category == Category.HOST and r.pk not in taken
             and r.organisation_id != lead.organisation_id]
    if colleague is None or not hosts:
        return
    try:
        request = requests.send_request(event, acting_user=lead.user, recipient=hosts[-1], colleagues=[colleague],
                                        note="We will come as two: our CEO and our head of business development.")
        requests.accept_request(request, acting_user=hosts[-1].user)
    except DomainError:  # the demo's random rules (a cap, a no-thanks) may refuse it: then the demo has none
        return


def _request_state(rng, kind: str) -> str:
    """Before the day: a mix of every state; on a scheduled or past day, mostly accepted."""
    roll = rng.random()
    if kind == "open":
        for state, share in ((RequestState.REQUESTED, 0.35), (RequestState.ACCEPTED, 0.40),
                             (RequestState.DECLINED, 0.12), (RequestState.EXPIRED, 0.08)):
            if roll < share:
                return state
            roll -= share
        return RequestState.CANCELLED
    return RequestState.ACCEPTED if roll < 0.85 else RequestState.DECLINED if roll < 0.95 else RequestState.EXPIRED


def _reports(world, event: Event) -> None:
    """Each side's report of the past day's meetings, and the second follow-ups (due ten days ago)."""
    rng = world.rng
    due = event.follow_up_due_on()
    reports = []
    for seat in Seat.objects.filter(meeting__event=event, meeting__state=MeetingState.CONFIRMED).order_by("pk"):
        if rng.random() < 0.2:
            continue  # not everyone reports
        held = rng.random() < 0.9
        outcome = Outcome.NONE
        if held:
            roll = rng.random()
            for value, share in OUTCOMES:
                if roll < share:
                    outcome = value
                    break
                roll -= share
        asked = world.now - timedelta(days=9) if held and due <= world.now.date() else None
        agreement = rng.choice(["yes", "in_progress", "no", "", ""]) if asked else ""
        reports.append(MeetingReport(meeting_id=seat.meeting_id, registration_id=seat.registration_id, held=held,
                                     outcome=outcome, recorded_at=world.now - timedelta(days=95),
                                     follow_up_due_on=due if held else None, follow_up_asked_at=asked,
                                     agreement=agreement, agreement_recorded_at=asked if agreement else None))
    MeetingReport.objects.bulk_create(reports, batch_size=1000)
    world.counts["event_reports"] += len(reports)
