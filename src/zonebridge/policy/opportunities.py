"""Who may post, see and answer opportunities, and when contacts are shared in an introduction."""

from django.db.models import Q
from django.utils import timezone

from zonebridge.accounts.models import Membership, Role
from zonebridge.directory.models import Organisation
from zonebridge.opportunities.models import InterestExpression, Opportunity, Visibility
from zonebridge.policy.accounts import has_active_consent, is_zone_operator
from zonebridge.policy.core import signed_in

# The roles that act for an organisation in the marketplace.
POSTING_ROLES = (Role.ORG_ADMIN, Role.ORG_MEMBER)


def acts_for(user, organisation: Organisation) -> bool:
    """True when `user` is an admin or member of `organisation`."""
    return signed_in(user) and Membership.objects.filter(
        user=user, organisation=organisation, role__in=POSTING_ROLES).exists()


def may_post_for(user, organisation: Organisation) -> bool:
    """Admins and members of the organisation post for it; operators of its home zone and superusers too."""
    if not signed_in(user):
        return False
    return user.is_superuser or acts_for(user, organisation) or is_zone_operator(user, organisation.home_zone)


def organisations_to_post_for(user):
    """The organisations `user` may post for (operators: those of their zones), by name."""
    if not signed_in(user):
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.order_by("name_en")
    own = Membership.objects.filter(user=user, role__in=POSTING_ROLES).values("organisation_id")
    return Organisation.objects.filter(Q(pk__in=own) | Q(home_zone__operators=user)).distinct().order_by("name_en")


def organisations_acting_for(user):
    """The organisations `user` acts for as admin or member (whose interests and recommendations they see)."""
    if not signed_in(user):
        return Organisation.objects.none()
    own = Membership.objects.filter(user=user, role__in=POSTING_ROLES).values("organisation_id")
    return Organisation.objects.filter(pk__in=own).select_related("home_zone").order_by("name_en")


def may_edit_opportunity(user, opportunity: Opportunity) -> bool:
    """Whoever may post for the organisation edits and withdraws its postings."""
    return may_post_for(user, opportunity.organisation)


def open_q(today=None) -> Q:
    """Postings listed today: not withdrawn, started, not past their last day (no cron needed)."""
    today = today or timezone.localdate()
    return (Q(withdrawn_at__isnull=True) & Q(valid_from__lte=today)
            & (Q(valid_until__isnull=True) | Q(valid_until__gte=today)))


def visible_q(user) -> Q:
    """Postings `user` may see: public ones; signed-in ones; partner-zone ones from the other zone; their own
    organisations' and their zones' postings (operators); everything for superusers."""
    visible = Q(visibility=Visibility.PUBLIC)
    if not signed_in(user):
        return visible
    if user.is_superuser:
        return Q()
    visible |= Q(visibility=Visibility.SIGNED_IN)
    if user.home_zone_id is not None:
        visible |= (Q(visibility=Visibility.PARTNER_ZONE) & ~Q(organisation__home_zone_id=user.home_zone_id)
                    & (Q(target_zone__isnull=True) | Q(target_zone_id=user.home_zone_id)))
    own = Membership.objects.filter(user=user).values("organisation_id")
    operated = user.operated_zones.values("pk")
    return visible | Q(organisation_id__in=own) | Q(organisation__home_zone__in=operated) | Q(target_zone__in=operated)


def may_view_opportunity(user, opportunity: Opportunity) -> bool:
    """The visibility rule of `visible_q` for one posting."""
    return Opportunity.objects.filter(visible_q(user), pk=opportunity.pk).exists()


def may_see_interests_of(user, opportunity: Opportunity) -> bool:
    """The posting's own side (and its zone's operators) see who expressed interest, and who would fit it."""
    return may_post_for(user, opportunity.organisation)


def may_express_interest(user, opportunity: Opportunity) -> bool:
    """Admins and members of another organisation express interest in an open posting they can see."""
    if not signed_in(user) or not opportunity.is_open() or not may_view_opportunity(user, opportunity):
        return False
    return organisations_acting_for(user).exclude(pk=opportunity.organisation_id).exists()


def is_owner_side(user, interest: InterestExpression) -> bool:
    """The posting's organisation (admins, members) and its zone's operators answer an interest."""
    return may_post_for(user, interest.opportunity.organisation)


def is_sender_side(user, interest: InterestExpression) -> bool:
    """The interested organisation's admins and members."""
    return acts_for(user, interest.organisation)


def is_operator_of(user, interest: InterestExpression) -> bool:
    """Operators of either zone of an interest (and superusers)."""
    return signed_in(user) and (user.is_superuser or is_zone_operator(user, interest.organisation.home_zone)
                                or is_zone_operator(user, interest.opportunity.organisation.home_zone))


def may_view_interest(user, interest: InterestExpression) -> bool:
    """Both sides and the operators of both zones."""
    return is_owner_side(user, interest) or is_sender_side(user, interest) or is_operator_of(user, interest)


def may_decide_interest(user, interest: InterestExpression) -> bool:
    """The owner side accepts or declines."""
    return is_owner_side(user, interest)


def may_withdraw_interest(user, interest: InterestExpression) -> bool:
    """The sender side withdraws its own interest."""
    return is_sender_side(user, interest)


def may_record_outcome(user, interest: InterestExpression) -> bool:
    """Either side, or an operator, reports how an introduction went."""
    return may_view_interest(user, interest)


def may_broker(user, interest: InterestExpression) -> bool:
    """Operators of either zone broker an introduction themselves."""
    return is_operator_of(user, interest)


def may_see_all_interests(user) -> bool:
    """Zone operators (and superusers) see every expression of interest between the zones."""
    return signed_in(user) and (user.is_superuser or user.operated_zones.exists())


def contacts_may_be_shared(first, second) -> bool:
    """Two people's contacts go to each other only when neither crosses a zone border without consent: same
    zone, or both have an active consent to cross-border provision (PIPL/PDPO)."""
    if first is None or second is None:
        return False
    if first.home_zone_id is not None and first.home_zone_id == second.home_zone_id:
        return True
    return has_active_consent(first) and has_active_consent(second)


def owns_saved_search(user, saved) -> bool:
    """A saved search is its owner's alone: only they list, change or delete it (others get 404)."""
    return signed_in(user) and saved.user_id == user.pk


def may_rebuild(user) -> bool:
    """Operators and superusers rebuild the search index and recompute every recommendation."""
    return may_see_all_interests(user)
