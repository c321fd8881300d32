"""Demo data of soft landing: both zones' catalogues with their canned replies, requests in every state (overdue,
waiting on the requester, declined, rated, reopened, awaiting and overdue for their first response), calls for
pilots with applications, and one finished pilot with its report.

Everything goes through the landing services (so every row is what a user's action would make, audited and
notified); the few applications from start-ups without demo logins are inserted beside the service.
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from zonebridge.demo.content import landing as content
from zonebridge.demo.seed.world import DemoWorld
from zonebridge.landing.models import (
    CannedReply,
    RequestMessage,
    ScenarioApplication,
    ScenarioCall,
    Service,
    ServiceRequest,
    SpaceBooking,
)
from zonebridge.landing.ranking import CALLS
from zonebridge.landing.services import replies as reply_services
from zonebridge.landing.services import requests as request_services
from zonebridge.landing.services import scenarios
from zonebridge.landing.services.catalogue import save_service

SCRIPT = {"sh": "zh_hans", "hk": "zh_hant"}
# (service slug, requester login, days ago it was submitted, the state it reaches, what else happens)
LINGANG_REQUESTS = (
    ("lingang-desks", "orgadmin", 9, "delivered", ""),
    ("lingang-desks", "member", 40, "closed", "rated"),
    ("lingang-offices", "orgadmin", 1, "submitted", ""),
    ("lingang-media", "member", 2, "triaged", ""),
    ("lingang-registration", "orgadmin", 6, "assigned", ""),
    ("lingang-legal-tax", "orgadmin", 4, "in_progress", "waiting"),
    ("lingang-banking", "member", 35, "assigned", ""),          # overdue
    ("lingang-talent", "orgadmin", 12, "declined", ""),
    ("lingang-research", "member", 50, "closed", "rated"),
    ("lingang-investors", "orgadmin", 45, "in_progress", ""),   # overdue
    ("lingang-registration", "member", 6, "delivered", "reopened"),
    ("lingang-research", "orgadmin", 6, "submitted", ""),       # nobody has answered: first response overdue
)
HONG_KONG_REQUESTS = (
    ("hk-hub-desks", "orgadmin-sh", 30, "closed", "rated"),
    ("hk-hub-media", "orgadmin-sh", 1, "submitted", ""),
    ("hk-hub-registration", "orgadmin-sh", 5, "in_progress", ""),
    ("hk-hub-banking", "orgadmin-sh", 40, "triaged", ""),       # overdue
    ("hk-hub-legal-tax", "orgadmin-sh", 20, "closed", "rated"),
)
# Reply templates of each zone's team: (English title, English text, Chinese title, Chinese text).
CANNED_REPLIES = {
    "sh": (
        ("Request received", "Thank you for your request. Our landing team is looking at it and will reply within "
         "one working day.", "已收到请求", "感谢您的申请。临港落地服务团队正在处理，将在一个工作日内回复。"),
        ("Documents needed", "To go on, please upload a copy of your business registration certificate and the "
         "passport of the legal representative.", "需要补充材料",
         "为继续办理，请上传商业登记证及法定代表人护照复印件。"),
        ("Desk ready", "Your desks are ready. Please collect the access cards at the front desk of Building 3.",
         "工位已就绪", "您的工位已准备就绪，请到3号楼前台领取门禁卡。"),
    ),
    "hk": (
        ("Request received", "Thank you for your request. The hub's team will reply within one working day.",
         "已收到申請", "多謝你的申請，中心團隊會在一個工作天內回覆。"),
        ("Meeting proposed", "We would like to meet you to understand your needs. Please choose a time that suits "
         "you.", "建議會面", "我們希望與你會面了解需要，請選擇合適的時間。"),
    ),
}
REOPEN_REASON = "The registration certificate still shows the old company address; please correct it."
PATH = {"triaged": ("triage",), "assigned": ("triage", "assign"), "in_progress": ("triage", "assign", "start"),
        "delivered": ("triage", "assign", "start", "deliver"), "closed": ("triage", "assign", "start", "deliver"),
        "declined": ("decline",), "submitted": ()}


def seed(world: DemoWorld) -> None:
    """Create the catalogues, the requests and the calls for pilots."""
    services = {}
    for side, drafts in (("sh", content.LINGANG_SERVICES), ("hk", content.HONG_KONG_SERVICES)):
        services.update(_create_services(world, side, drafts))
        _create_canned_replies(world, side)
    _create_requests(world, services, "sh", LINGANG_REQUESTS)
    _create_requests(world, services, "hk", HONG_KONG_REQUESTS)
    world.counts["overdue_requests"] = request_services.mark_overdue(world.now)
    _create_calls(world)


def reset() -> None:
    """Delete calls, applications, requests with their threads and bookings, and the catalogues."""
    ScenarioApplication.objects.all().delete()
    ScenarioCall.objects.all().delete()
    CALLS.forget()
    CannedReply.objects.all().delete()
    SpaceBooking.objects.all().delete()
    RequestMessage.objects.all().delete()
    ServiceRequest.objects.all().delete()
    Service.objects.all().delete()


def _first(world, side: str, kind: str):
    return next(o for o in world.organisations[side] if o.kind == kind)


def _create_services(world, side: str, drafts) -> dict[str, Service]:
    zone = world.zones[side]
    provider = _first(world, side, "service_provider")
    script = SCRIPT[side]
    created = {}
    for draft in drafts:
        texts = {"name_en": draft.name[0], f"name_{script}": draft.name[1],
                 "description_en": draft.description[0], f"description_{script}": draft.description[1],
                 "eligibility_en": draft.eligibility[0], f"eligibility_{script}": draft.eligibility[1]}
        created[draft.slug] = save_service(
            Service(zone=zone, slug=draft.slug), acting_user=None, texts=texts,
            fields={"category": draft.category, "sla_days": draft.sla_days, "capacity_per_month": draft.capacity,
                    "partner_zone_only": draft.partner_only, "eligible_kinds": draft.kinds,
                    "provider": provider if draft.provided else None, "chinese_source": script})
    world.counts["services"] += len(created)
    return created


def _create_canned_replies(world, side: str) -> None:
    operator = world.users["operator-lingang" if side == "sh" else "operator-hk"]
    script = SCRIPT[side]
    for title_en, body_en, title_zh, body_zh in CANNED_REPLIES[side]:
        reply_services.save_canned_reply(
            CannedReply(zone=world.zones[side]), acting_user=operator, chinese_source=script,
            texts={"title_en": title_en, "body_en": body_en, f"title_{script}": title_zh, f"body_{script}": body_zh})
    world.counts["canned_replies"] += len(CANNED_REPLIES[side])


def _organisation_of(world, username: str):
    return world.users[username].memberships.select_related("organisation").first().organisation


def _create_requests(world, services, side: str, plan) -> None:
    operator = world.users["operator-lingang" if side == "sh" else "operator-hk"]
    month = (world.now + timedelta(days=31)).strftime("%Y-%m")
    for index, (slug, username, days_ago, state, extra) in enumerate(plan):
        service = services[slug]
        requester = world.users[username]
        language = 2 if username != "orgadmin-sh" else 1
        answers = {"units": 2 + index % 3, "month": month} if service.category == "space" else dict(
            content.CATEGORY_ANSWERS.get(service.category, {}))
        submitted_at = world.now - timedelta(days=days_ago)
        request = request_services.submit_request(
            service, acting_user=requester, organisation=_organisation_of(world, username),
            details=content.REQUEST_DETAILS[service.category][language], answers=answers, now=submitted_at)
        for action in PATH[state]:
            # The team answered a few hours after submission (the first response the page shows).
            request = request_services.change_state(request, action, acting_user=operator, assignee=operator,
                                                    reason=content.DECLINE_REASON,
                                                    now=submitted_at + timedelta(hours=3))
        if state in ("assigned", "in_progress", "delivered", "closed"):
            request_services.post_message(request, acting_user=operator,
                                          body=content.OPERATOR_REPLIES[index % len(content.OPERATOR_REPLIES)])
            request_services.post_message(request, acting_user=operator, internal=True,
                                          body=content.INTERNAL_NOTES[index % len(content.INTERNAL_NOTES)])
        if extra == "waiting":
            request_services.wait_on_requester(request, acting_user=operator, now=world.now)
        if extra == "reopened":
            request_services.reopen(request, acting_user=requester, reason=REOPEN_REASON)
        if extra == "rated":
            request_services.rate(request, acting_user=requester, rating=world.rng.choice((3, 4, 5, 5)),
                                  comment=world.rng.choice(content.RATING_COMMENTS))
        world.counts["service_requests"] += 1


def _create_calls(world) -> None:
    operators = {"sh": world.users["operator-lingang"], "hk": world.users["operator-hk"]}
    demo_company = _organisation_of(world, "orgadmin-sh")
    demo_startup = _organisation_of(world, "orgadmin")
    companies = [o for o in world.organisations["sh"] if o.kind == "company" and o.pk != demo_company.pk]
    # A port operator and a hospital (stand-ins from the directory), and the demo login's own company.
    owners = {"sh": [companies[0], companies[1], demo_company], "hk": [_first(world, "hk", "company")]}
    startups = [o for o in world.organisations["hk"] if o.kind == "startup" and o.pk != demo_startup.pk][:3]
    calls = []
    for index, (side, title, problem, site, resources, support) in enumerate(content.CALLS):
        owner = owners[side].pop(0)
        script = SCRIPT[side]
        texts = {}
        for field, (english, chinese) in (("title", title), ("problem", problem), ("site", site),
                                          ("resources", resources), ("support", support)):
            texts.update({f"{field}_en": english, f"{field}_{script}": chinese})
        calls.append(scenarios.publish_call(owner, acting_user=operators[side], texts=texts,
                                            deadline=world.now.date() + timedelta(days=20 + 10 * index),
                                            chinese_source=script, today=world.now.date()))
    port, hospital, battery, _market = calls
    # Start-ups without demo logins: their applications are rows beside the service.
    for startup, proposal in zip(startups, content.PROPOSALS):
        ScenarioApplication.objects.create(call=port, applicant=startup, proposal=proposal)
    ScenarioApplication.objects.create(call=hospital, applicant=startups[1], proposal=content.PROPOSALS[2])
    finished = ScenarioApplication.objects.get(call=port, applicant=startups[0])
    operator = operators["sh"]
    today = world.now.date()
    finished = scenarios.decide(finished, "shortlist", acting_user=operator)
    finished = scenarios.decide(finished, "pitch", acting_user=operator, pitched_on=today - timedelta(days=150),
                                pitch_notes="Live demo on the test block; strong references.")
    finished = scenarios.decide(finished, "select", acting_user=operator)
    finished = scenarios.decide(finished, "start_pilot", acting_user=operator,
                                pilot_start=today - timedelta(days=120), pilot_end=today - timedelta(days=30))
    scenarios.decide(finished, "complete", acting_user=operator, outcome="adopted",
                     outcome_notes=content.PILOT_REPORT_NOTES, report=_report_pdf())
    rejected = ScenarioApplication.objects.get(call=port, applicant=startups[1])
    scenarios.decide(rejected, "reject", acting_user=operator)
    # The demo start-up has applied to the battery maker's call; its admin (orgadmin-sh) takes it from here.
    own = scenarios.apply_to_call(battery, acting_user=world.users["orgadmin"], applicant=demo_startup,
                                  proposal=content.PROPOSALS[0], today=today)
    own = scenarios.decide(own, "shortlist", acting_user=world.users["orgadmin-sh"])
    scenarios.decide(own, "pitch", acting_user=world.users["orgadmin-sh"], pitched_on=today - timedelta(days=2),
                     pitch_notes="Good accuracy; asked for a cost estimate per line.")
    world.counts["scenario_calls"] = len(calls)
    world.counts["scenario_applications"] = ScenarioApplication.objects.count()


def _report_pdf() -> SimpleUploadedFile:
    body = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            b"trailer<</Root 1 0 R>>\n% Pilot report: smart container yard scheduling\n%%EOF\n")
    return SimpleUploadedFile("pilot-report.pdf", body, content_type="application/pdf")
