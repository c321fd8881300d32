"""Demo programmes, every round state shown: positions at Hong Kong hosts, nominations from Shanghai universities,
one finished match with offers accepted, declined and still open, a cohort with mentors and check-ins, a second
round, a round waiting for its match (the operator can run it), one in review and a closed programme with feedback.

Everything goes through the programmes services, as the people's own actions would; the demo's history is not
mailed (its notifications are marked as sent).
"""

from datetime import date, timedelta

from zonebridge.accounts.models import Membership, Role
from zonebridge.core.errors import Conflict
from zonebridge.core.models import Notification
from zonebridge.demo.content.phrases import Phrase
from zonebridge.demo.seed.world import DemoWorld
from zonebridge.programmes import services
from zonebridge.programmes.models import Offer, Participant, Position, Programme, Round

POSITION_TITLES = (
    Phrase("Software engineering intern", "软件工程实习生", "軟件工程實習生"),
    Phrase("Product design intern", "产品设计实习生", "產品設計實習生"),
    Phrase("Business development associate", "商务拓展专员", "業務拓展專員"),
    Phrase("Data analyst intern", "数据分析实习生", "數據分析實習生"),
    Phrase("Marketing intern, Greater Bay Area", "大湾区市场推广实习生", "大灣區市場推廣實習生"),
    Phrase("Hardware engineering intern", "硬件工程实习生", "硬件工程實習生"),
    Phrase("Founder's associate", "创始人助理", "創辦人助理"),
    Phrase("Compliance and risk intern", "合规与风控实习生", "合規及風險管理實習生"),
)
DESCRIPTION = Phrase(
    "Ten weeks in a small team shipping to real customers, with a mentor and a weekly check-in.",
    "十周时间加入小团队，为真实客户交付成果；配有导师，每周一次进度交流。",
    "十星期加入小團隊，為真實客戶交付成果；設有導師，每星期一次進度交流。")
CRITERIA = (Phrase("Motivation", "动机", "動機"), Phrase("Skills for the role", "岗位技能", "職位技能"),
            Phrase("Cross-border readiness", "跨境适应能力", "跨境適應能力"))
CHECK_IN_NOTES = ("Settled in well; first sprint delivered.", "Needs help with Cantonese at client meetings.",
                  "Presented to the founders; strong feedback.", "On track; discussed a return offer.")


def seed(world: DemoWorld) -> None:
    """Create the demo programmes with rounds in every state."""
    operators = {"hk": world.users["operator-hk"], "sh": world.users["operator-lingang"]}
    students = {side: _students(world, side) for side in ("hk", "sh")}
    hosts = {side: _hosts(world, side) for side in ("hk", "sh")}
    summer = _summer_internships(world, operators["hk"], students["sh"], hosts["hk"])
    _fintech_fellowship(world, operators["hk"], students["sh"], hosts["hk"])
    _startup_exchange(world, operators["sh"], students["hk"], hosts["sh"])
    _winter_programme(world, operators["hk"], students["sh"], hosts["hk"])
    # The demo's history is not mailed: the e-mail tasks queued for these notifications find them sent.
    Notification.objects.filter(kind__startswith="programmes.", emailed_at__isnull=True).update(emailed_at=world.now)
    world.counts["programmes"] = Programme.objects.count()
    world.counts["programme_offers"] = Offer.objects.count()
    world.counts["summer_round"] = summer.pk


def reset() -> None:
    """Delete every programme (rounds, positions, candidacies, runs, offers and the cohort go with them)."""
    Participant.objects.all().delete()  # they hold their position (protected) until removed themselves
    Programme.objects.all().delete()


# --- Helpers ----------------------------------------------------------------------------------------------


def _students(world, side: str) -> list:
    """(student, university) of one zone's universities, in a fixed order, the demo student first."""
    rows = (Membership.objects.filter(role=Role.STUDENT, organisation__home_zone=world.zones[side])
            .select_related("user", "organisation").order_by("user__username"))
    pairs = [(m.user, m.organisation) for m in rows]
    return sorted(pairs, key=lambda pair: pair[0].username != "student")


def _hosts(world, side: str) -> list:
    """Start-ups and companies of a zone that host positions, the demo organisation admins' ones first."""
    admins = {m.organisation_id for m in Membership.objects.filter(
        user__username__in=("orgadmin", "orgadmin-sh"), role=Role.ORG_ADMIN)}
    candidates = [o for o in world.organisations[side] if o.kind in ("startup", "company")]
    return sorted(candidates, key=lambda o: o.pk not in admins)


def _coordinator(university):
    return Membership.objects.filter(organisation=university, role=Role.UNIVERSITY_COORDINATOR).first().user


def _programme(world, operator, slug: str, home: str, host: str, title: Phrase, starts: date, ends: date,
               description: Phrase, eligibility: Phrase) -> Programme:
    return services.create_programme(acting_user=operator, texts={
        **{f"title_{language}": title.get(language) for language in ("en", "zh_hans", "zh_hant")},
        **{f"description_{language}": description.get(language) for language in ("en", "zh_hans", "zh_hant")},
        **{f"eligibility_{language}": eligibility.get(language) for language in ("en", "zh_hans", "zh_hant")}},
        fields={"slug": slug, "home_zone": world.zones[home], "host_zone": world.zones[host], "starts_on": starts,
                "ends_on": ends, "documents_required": "CV (PDF), transcript", "chinese_source": "zh_hans"})


def _round(world, programme, operator, *, quota: int = 15, close_in: int = 14, answer_in: int = 30) -> Round:
    return services.create_round(programme, acting_user=operator, default_quota=quota,
                                 applications_close_at=world.now + timedelta(days=close_in),
                                 offer_deadline=world.now + timedelta(days=answer_in))


def _positions(world, round_, operator, hosts, count: int) -> list[Position]:
    positions = []
    for index in range(count):
        title = POSITION_TITLES[world.rng.randrange(len(POSITION_TITLES))]
        host = hosts[index % len(hosts)]
        source = "zh_hant" if host.home_zone.region == "hong_kong" else "zh_hans"
        positions.append(services.save_position(Position(round=round_, host=host), acting_user=operator, texts={
            "title_en": title.en, f"title_{source}": title.get(source), "description_en": DESCRIPTION.en,
            f"description_{source}": DESCRIPTION.get(source)}, fields={
            "kind": "startup_role" if index % 4 == 3 else "internship", "capacity": world.rng.randint(1, 4),
            "location": "Hong Kong Science Park" if source == "zh_hant" else "Lingang, Shanghai",
            "work_mode": world.rng.choice(("on_site", "on_site", "hybrid", "remote")),
            "stipend": "HKD 12,000 / month" if source == "zh_hant" else "CNY 6,000 / month",
            "starts_on": round_.programme.starts_on, "chinese_source": source}))
    return positions


def _candidates(world, round_, students, count: int, *, nominate_share: float = 0.8):
    """Nominations by the universities' coordinators (within quota), the rest applying themselves."""
    applications = []
    for student, university in students[:count]:
        if world.rng.random() < nominate_share and student.username != "student":
            try:
                nomination = services.nominate(round_, student, university=university,
                                               acting_user=_coordinator(university),
                                               recommendation="Strong record; recommended by the careers office.")
            except Conflict:  # the university's quota is used up: they apply themselves
                pass
            else:
                applications.append(nomination.application)
                continue
        applications.append(services.apply_to_round(round_, acting_user=student, languages="Mandarin, English",
                                                    statement="I want to work across the two zones."))
    return applications


def _rank_lists(world, applications, positions) -> None:
    """Students rank 2–5 positions (popular ones more often); hosts rank those who ranked them, and a few more."""
    weights = [1 / (index + 1) ** 0.8 for index in range(len(positions))]
    wanted: dict[int, list] = {position.pk: [] for position in positions}
    for application in applications:
        choices: list[Position] = []
        while len(choices) < min(len(positions), world.rng.randint(2, 5)):
            position = world.rng.choices(positions, weights=weights)[0]
            if position not in choices:
                choices.append(position)
        services.set_student_ranking(application, [p.pk for p in choices], acting_user=application.student)
        for position in choices:
            wanted[position.pk].append(application)
    for position in positions:
        ranked = [a for a in wanted[position.pk] if world.rng.random() < 0.85]  # some are not wanted back
        world.rng.shuffle(ranked)
        services.set_host_ranking(position, [a.pk for a in ranked], acting_user=_host_admin(position))


def _host_admin(position):
    admin = Membership.objects.filter(organisation=position.host, role=Role.ORG_ADMIN).first()
    return admin.user if admin else Round.objects.get(pk=position.round_id).programme.host_zone.operators.first()


def _rubric(world, round_, operator, reviewers, applications) -> None:
    criteria = [services.add_criterion(round_, acting_user=operator, weight=weight, texts={
        "label_en": phrase.en, "label_zh_hans": phrase.zh_hans, "label_zh_hant": phrase.zh_hant})
        for phrase, weight in zip(CRITERIA, (2, 3, 1))]
    for reviewer in reviewers:
        services.invite_reviewer(round_, reviewer, acting_user=operator)
    for application in applications[: len(applications) * 2 // 3]:
        for reviewer in reviewers:
            scores = {c.pk: world.rng.randint(1, c.max_score) for c in criteria}
            services.score_application(application, acting_user=reviewer, scores=scores)


# --- The programmes ---------------------------------------------------------------------------------------


def _summer_internships(world, operator, students, hosts) -> Round:
    """Shanghai → Hong Kong: a finished match (offers accepted, declined, open), a cohort, and a second round."""
    programme = _programme(
        world, operator, "summer-internships-2027", "sh", "hk",
        Phrase("Lingang–Hong Kong Summer Internships 2027", "临港—香港暑期实习计划 2027", "臨港—香港暑期實習計劃 2027"),
        date(2027, 6, 14), date(2027, 8, 27),
        Phrase("Ten-week internships at Hong Kong start-ups for students of Shanghai universities.",
               "上海高校学生赴香港初创企业进行为期十周的实习。", "上海高校學生赴香港初創企業進行為期十星期的實習。"),
        Phrase("Students of Shanghai universities in their third year or above.", "上海高校三年级及以上学生。",
               "上海高校三年級或以上學生。"))
    round_ = _round(world, programme, operator)
    positions = _positions(world, round_, operator, hosts, 12 if world.scale.students > 100 else 5)
    round_ = services.transition_round(round_, "open", acting_user=operator)
    applications = _candidates(world, round_, students, 60 if world.scale.students > 100 else 12)
    _rank_lists(world, applications, positions)
    for name in ("start_review", "start_matching"):
        round_ = services.transition_round(round_, name, acting_user=operator)
    run = services.run_placement(round_, acting_user=operator)
    services.notify_results(run)
    participants = []
    for index, offer in enumerate(run.offers.select_related("application__student").order_by("pk")):
        if offer.application.student.username == "student":
            continue  # the demo student's offer waits for their answer
        if index % 5 == 1:
            services.decline_offer(offer, acting_user=offer.application.student)
        elif index % 5 != 4:
            participants.append(services.accept_offer(offer, acting_user=offer.application.student))
    mentor = world.users["mentor"]
    for index, participant in enumerate(participants[:6]):
        participant = services.assign_mentor(participant, mentor, acting_user=operator)
        services.add_check_in(participant, acting_user=mentor, note=CHECK_IN_NOTES[index % len(CHECK_IN_NOTES)])
    second = services.open_second_round(Round.objects.get(pk=round_.pk), acting_user=operator,
                                        applications_close_at=world.now + timedelta(days=10),
                                        offer_deadline=world.now + timedelta(days=24))
    if second.positions.exists():
        second = services.transition_round(second, "open", acting_user=operator)
    return round_


def _fintech_fellowship(world, operator, students, hosts) -> None:
    """Shanghai → Hong Kong: rank lists frozen, the match waiting for the operator (preview it, run it)."""
    programme = _programme(
        world, operator, "fintech-fellowship-2027", "sh", "hk",
        Phrase("Harbour Fintech Fellowship 2027", "海港金融科技奖学计划 2027", "海港金融科技獎學計劃 2027"),
        date(2027, 9, 1), date(2027, 12, 17),
        Phrase("A semester at a Hong Kong fintech start-up: payments, compliance and data.",
               "在香港金融科技初创企业工作一个学期：支付、合规与数据。",
               "在香港金融科技初創企業工作一個學期：支付、合規及數據。"),
        Phrase("Students of finance, computing or law.", "金融、计算机或法律专业学生。", "金融、電腦或法律學系學生。"))
    round_ = _round(world, programme, operator, quota=10)
    positions = _positions(world, round_, operator, hosts, 8 if world.scale.students > 100 else 4)
    round_ = services.transition_round(round_, "open", acting_user=operator)
    applications = _candidates(world, round_, students[:1] + students[70:], 40 if world.scale.students > 100 else 8)
    _rank_lists(world, applications, positions)
    round_ = services.transition_round(round_, "start_review", acting_user=operator)
    services.transition_round(round_, "start_matching", acting_user=operator)


def _startup_exchange(world, operator, students, hosts) -> None:
    """Hong Kong → Lingang: a round in review with rubric scores, Hong Kong nominations, and a draft round."""
    programme = _programme(
        world, operator, "startup-exchange-2027", "hk", "sh",
        Phrase("Hong Kong–Lingang Start-up Exchange 2027", "香港—临港创业交流计划 2027", "香港—臨港創業交流計劃 2027"),
        date(2027, 7, 5), date(2027, 9, 24),
        Phrase("Hong Kong students join Lingang companies in new energy, chips and smart manufacturing.",
               "香港学生加入临港新能源、芯片与智能制造企业。", "香港學生加入臨港新能源、晶片及智能製造企業。"),
        Phrase("Students of Hong Kong universities.", "香港高校学生。", "香港高校學生。"))
    round_ = _round(world, programme, operator, quota=8)
    positions = _positions(world, round_, operator, hosts, 6 if world.scale.students > 100 else 3)
    round_ = services.transition_round(round_, "open", acting_user=operator)
    applications = _candidates(world, round_, students, 30 if world.scale.students > 100 else 8, nominate_share=1)
    _rank_lists(world, applications, positions)
    _rubric(world, round_, operator, [world.users["reviewer"]], applications)
    services.transition_round(round_, "start_review", acting_user=operator)
    for application in applications[:3]:
        services.decide_application(application, "accept", acting_user=operator)
    if len(applications) > 4:
        services.decide_application(applications[4], "waitlist", acting_user=operator)
    _round(world, programme, operator, close_in=120, answer_in=150)


def _winter_programme(world, operator, students, hosts) -> None:
    """Shanghai → Hong Kong, last winter: closed, everyone completed, feedback given."""
    programme = _programme(
        world, operator, "winter-internships-2026", "sh", "hk",
        Phrase("Winter Internships 2026", "2026 冬季实习计划", "2026 冬季實習計劃"), date(2026, 1, 5),
        date(2026, 2, 27), Phrase("Eight weeks over the winter break.", "寒假期间为期八周。", "寒假期間為期八星期。"),
        Phrase("Students of Shanghai universities.", "上海高校学生。", "上海高校學生。"))
    round_ = _round(world, programme, operator, quota=5)
    positions = _positions(world, round_, operator, hosts[20:] or hosts, 4 if world.scale.students > 100 else 2)
    round_ = services.transition_round(round_, "open", acting_user=operator)
    applications = _candidates(world, round_, students[120:] or students[-6:], 12 if world.scale.students > 100 else 4)
    _rank_lists(world, applications, positions)
    for name in ("start_review", "start_matching"):
        round_ = services.transition_round(round_, name, acting_user=operator)
    run = services.run_placement(round_, acting_user=operator)
    services.notify_results(run)
    mentor = world.users["mentor"]
    for offer in run.offers.select_related("application__student"):
        participant = services.accept_offer(offer, acting_user=offer.application.student)
        participant = services.assign_mentor(participant, mentor, acting_user=operator)
        services.add_check_in(participant, acting_user=mentor, note=CHECK_IN_NOTES[0])
        participant = services.complete_participation(participant, acting_user=operator)
        services.submit_feedback(participant, acting_user=participant.student, rating=world.rng.randint(3, 5),
                                 would_recommend=True, comment="Learned a lot about the Hong Kong market.")
    services.transition_round(Round.objects.get(pk=round_.pk), "close", acting_user=operator)
    # Last winter's dates: the round's deadlines are in the past now.
    Round.objects.filter(pk=round_.pk).update(applications_close_at=world.now - timedelta(days=330),
                                              offer_deadline=world.now - timedelta(days=320))
