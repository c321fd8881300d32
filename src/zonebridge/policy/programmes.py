"""Who may do what in exchange programmes: operators run them, coordinators nominate, students apply and rank,
host organisations post positions and rank candidates, reviewers score (never a candidate they are close to),
mentors follow their participants."""

from zonebridge.accounts.models import Membership, Role
from zonebridge.directory.models import Organisation, OrganisationKind
from zonebridge.policy.accounts import is_zone_operator
from zonebridge.policy.core import signed_in
from zonebridge.programmes.models import (
    Application,
    Offer,
    Participant,
    Position,
    Programme,
    Round,
)


def _organisation_ids(user, role: str) -> set[int]:
    if not signed_in(user):
        return set()
    return set(Membership.objects.filter(user=user, role=role).values_list("organisation_id", flat=True))


def manages(user, programme: Programme) -> bool:
    """Operators of the programme's host zone (and superusers) run it."""
    return is_zone_operator(user, programme.host_zone)


def may_create_programme(user) -> bool:
    """Zone operators create programmes hosted by a zone they operate."""
    return signed_in(user) and (user.is_superuser or user.operated_zones.exists())


def operated_zones(user):
    """The zones a programme created by `user` may be hosted in."""
    from zonebridge.directory.models import Zone

    return Zone.objects.all() if signed_in(user) and user.is_superuser else Zone.objects.filter(
        operators=user) if signed_in(user) else Zone.objects.none()


def coordinated_universities(user):
    """The universities `user` coordinates (and may nominate students of)."""
    return Organisation.objects.filter(pk__in=_organisation_ids(user, Role.UNIVERSITY_COORDINATOR),
                                       kind=OrganisationKind.UNIVERSITY)


def may_nominate(user, round_: Round) -> bool:
    """University coordinators nominate for any round."""
    return bool(_organisation_ids(user, Role.UNIVERSITY_COORDINATOR))


def sees_all_nominations(user, round_: Round) -> bool:
    """The programme's operators see every university's nominations for a round; a coordinator only their own."""
    return manages(user, round_.programme)


def may_see_ranked_results(user, round_: Round) -> bool:
    """The programme's operators and the round's invited reviewers read its ranked review results (a reviewer only
    the applications they may score, and in a blind review without names)."""
    return manages(user, round_.programme) or is_reviewer(user, round_)


def may_export(user, round_: Round) -> bool:
    """The programme's operators download the round's lists (CSV, XLSX)."""
    return manages(user, round_.programme)


def student_university(user) -> Organisation | None:
    """The university `user` studies at (their first student membership), or None."""
    ids = _organisation_ids(user, Role.STUDENT)
    return Organisation.objects.filter(pk__in=ids).order_by("pk").first() if ids else None


def is_student(user) -> bool:
    """True for a user with a student membership."""
    return bool(_organisation_ids(user, Role.STUDENT))


def hosted_organisations(user):
    """The organisations whose positions `user` manages (as their admin)."""
    return Organisation.objects.filter(pk__in=_organisation_ids(user, Role.ORG_ADMIN))


def may_post_position(user, round_: Round) -> bool:
    """Admins of organisations in the host zone post positions; the programme's operators too."""
    if manages(user, round_.programme):
        return True
    return hosted_organisations(user).filter(home_zone=round_.programme.host_zone_id).exists()


def may_manage_position(user, position: Position) -> bool:
    """The host organisation's admins and the programme's operators edit a position and its rank list."""
    if not signed_in(user):
        return False
    return position.host_id in _organisation_ids(user, Role.ORG_ADMIN) or manages(user, position.round.programme)


def may_see_candidates(user, round_: Round) -> bool:
    """Who may see a round's candidates: its operators, and admins of organisations with a position in it."""
    if manages(user, round_.programme):
        return True
    return round_.positions.filter(host_id__in=_organisation_ids(user, Role.ORG_ADMIN)).exists()


def is_reviewer(user, round_: Round) -> bool:
    """Reviewers invited to the round."""
    return signed_in(user) and round_.reviewers.filter(pk=user.pk).exists()


def conflict_of_interest(user, application: Application) -> bool:
    """A reviewer never scores a student of their own organisation or university, nor one they nominated."""
    if application.student_id == user.pk:
        return True
    own = set(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))
    if application.university_id in own:
        return True
    theirs = set(Membership.objects.filter(user_id=application.student_id).values_list("organisation_id", flat=True))
    if own & theirs:
        return True
    return application.nominations.filter(nominated_by=user).exists()


def may_review(user, application: Application) -> bool:
    """An invited reviewer without a conflict of interest."""
    return is_reviewer(user, application.round) and not conflict_of_interest(user, application)


def sees_applicant_identity(user, application: Application) -> bool:
    """In a blind review a reviewer sees neither the applicant's name, university nor CV; the student, the
    programme's operators, the university's coordinators and the round's hosts still do."""
    if not application.round.blind_review:
        return True
    if not signed_in(user):
        return False
    if application.student_id == user.pk or manages(user, application.round.programme):
        return True
    if application.university_id in _organisation_ids(user, Role.UNIVERSITY_COORDINATOR):
        return True
    return may_see_candidates(user, application.round)


def may_view_application(user, application: Application) -> bool:
    """The student, the programme's operators, coordinators of the student's university, host admins of the
    round, and invited reviewers without a conflict."""
    if not signed_in(user):
        return False
    if application.student_id == user.pk or manages(user, application.round.programme):
        return True
    if application.university_id in _organisation_ids(user, Role.UNIVERSITY_COORDINATOR):
        return True
    return may_see_candidates(user, application.round) or may_review(user, application)


def may_respond_to_offer(user, offer: Offer) -> bool:
    """Only the student an offer is made to answers it."""
    return signed_in(user) and offer.application.student_id == user.pk


def may_view_offer(user, offer: Offer) -> bool:
    """The student, the host organisation's admins and the programme's operators."""
    return may_respond_to_offer(user, offer) or may_manage_position(user, offer.position)


def may_view_participant(user, participant: Participant) -> bool:
    """The participant, their mentor, the host organisation's admins and the programme's operators."""
    if not signed_in(user):
        return False
    return (participant.student_id == user.pk or participant.mentor_id == user.pk
            or may_manage_position(user, participant.position))


def may_check_in(user, participant: Participant) -> bool:
    """Mentors write check-ins on their participants; the programme's operators on anyone's."""
    return signed_in(user) and (participant.mentor_id == user.pk or manages(user, participant.programme))


def may_be_mentor(user) -> bool:
    """Anyone with a mentor role somewhere may be assigned as a mentor."""
    return bool(_organisation_ids(user, Role.MENTOR))


def is_mentor(user) -> bool:
    """True for a user with a mentor role (they see the cohort pages)."""
    return may_be_mentor(user)
