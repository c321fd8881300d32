"""The marketplace's rows of the authorisation matrix (collected by tests/test_authorisation_matrix.py).

The world: Sinovolt (Lingang; `other_org_admin` is its admin) posts a public need (9001) and another with no
interest yet (9003); TidePay (Hong Kong; `org_admin`, `org_member`) posts a partner-zone-only offer (9002) and has
expressed interest (9001) in Sinovolt's need; Sinovolt's interest (9002) in TidePay's offer was accepted by
`org_admin`, and as neither person consented to cross-border sharing, it goes through the operators: no contact
of theirs may appear in any answer. `org_admin` saved a search (9001). `zone_operator` runs TidePay's zone,
`other_zone_operator` Lingang.

A rule's roles run in order against one world: where an earlier role's request changed it (accepted, introduced),
the later roles get 409, as they would.
"""

from tests.authorisation import (
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    ROLES,
    UNAUTHENTICATED,
    Rule,
    all_but,
    everyone,
    only,
    signed_in,
)

PUBLIC_NEED, PARTNER_OFFER, UNANSWERED_NEED = 9001, 9002, 9003
INTEREST, ACCEPTED_INTEREST, SAVED_SEARCH = 9001, 9002, 9001
CONFLICT = "409"

PATH_VALUES = {
    "opportunity_id": str(PUBLIC_NEED),
    "interest_id": str(INTEREST),
    "search_id": str(SAVED_SEARCH),
    "unsubscribe_token": "@unsubscribe_token",
}
MARKERS = {"partner-zone offer": "partner-zone-only-offer-marker",
           "interest message": "interest-message-marker",
           "saved search": "saved-search-marker",
           # The contacts of the two people of the accepted interest (tests/world.py's make_user).
           "sender contact": "battery_admin@contact.example",
           "owner contact": "org_admin@contact.example"}
NO_CONTACTS = {"sender contact": ROLES, "owner contact": ROLES}
# Hong Kong users outside TidePay do not see a Hong Kong posting meant for the partner zone; nor do visitors.
NOT_PARTNERS = ("anonymous", "student", "coordinator", "reviewer", "mentor")

POSTERS = ("org_member", "org_admin", "other_org_admin", "zone_operator", "other_zone_operator", "superuser")
NEED_EDITORS = ("other_org_admin", "other_zone_operator", "superuser")
INTEREST_VIEWERS = ("org_member", "org_admin", "other_org_admin", "zone_operator", "other_zone_operator", "superuser")
OPERATORS = ("zone_operator", "other_zone_operator", "superuser")


def interest_rule(outcomes: dict[str, str]) -> dict[str, str]:
    """Visitors sign in; those who may not see the interest get 404; the rest as given (default OK)."""
    return {role: LOGIN if role == "anonymous" else outcomes.get(role, OK if role in INTEREST_VIEWERS else NOT_FOUND)
            for role in ROLES}


PAGES = [
    Rule("<lang>/opportunities/", everyone(), hidden={"partner-zone offer": NOT_PARTNERS}),
    Rule("<lang>/opportunities/", everyone(), data={"q": "offer marker"}, hidden={"partner-zone offer": NOT_PARTNERS}),
    Rule("<lang>/opportunities/new/", only(*POSTERS)),
    Rule("<lang>/opportunities/new/", only(*POSTERS), method="POST", data={"title": ""}),
    Rule("<lang>/opportunities/recommended/", signed_in()),
    Rule("<lang>/opportunities/interests/", signed_in()),
    Rule("<lang>/opportunities/interests/<int:interest_id>/", interest_rule({})),
    Rule("<lang>/opportunities/interests/<int:interest_id>/", interest_rule({}),
         params={"interest_id": str(ACCEPTED_INTEREST)}, hidden=NO_CONTACTS),
    Rule("<lang>/opportunities/interests/<int:interest_id>/action/", interest_rule(
        {"org_member": FORBIDDEN, "org_admin": FORBIDDEN, "zone_operator": FORBIDDEN}), method="POST",
        data={"action": "accept"}),
    Rule("<lang>/opportunities/interests/<int:interest_id>/outcome/", interest_rule({}), method="POST",
         data={"outcome": "talking"}),
    Rule("<lang>/opportunities/interests/<int:interest_id>/broker/", interest_rule(
        {"org_member": FORBIDDEN, "org_admin": FORBIDDEN, "other_org_admin": FORBIDDEN}), method="POST"),
    Rule("<lang>/opportunities/saved-searches/", signed_in(), hidden={"saved search": all_but("org_admin")}),
    Rule("<lang>/opportunities/saved-searches/", signed_in(), method="POST", data={"q": "battery"}),
    Rule("<lang>/opportunities/saved-searches/<int:search_id>/delete/", only("org_admin", others=NOT_FOUND),
         method="POST"),
    Rule("<lang>/opportunities/unsubscribe/<str:unsubscribe_token>/", everyone()),
    Rule("<lang>/opportunities/unsubscribe/<str:unsubscribe_token>/", everyone(NOT_FOUND),
         params={"unsubscribe_token": "forged"}),
    Rule("<lang>/opportunities/rebuild/", only(*OPERATORS), method="POST"),
    Rule("<lang>/opportunities/<int:opportunity_id>/", everyone()),
    Rule("<lang>/opportunities/<int:opportunity_id>/", {**everyone(), **dict.fromkeys(NOT_PARTNERS, NOT_FOUND)},
         params={"opportunity_id": str(PARTNER_OFFER)}),
    Rule("<lang>/opportunities/<int:opportunity_id>/", everyone(NOT_FOUND), params={"opportunity_id": "404404"}),
    Rule("<lang>/opportunities/<int:opportunity_id>/edit/", only(*NEED_EDITORS)),
    Rule("<lang>/opportunities/<int:opportunity_id>/edit/", only(*NEED_EDITORS), method="POST", data={"kind": ""}),
    Rule("<lang>/opportunities/<int:opportunity_id>/withdraw/", only(*NEED_EDITORS), method="POST"),
    Rule("<lang>/opportunities/<int:opportunity_id>/interest/", only("org_member", "org_admin")),
    Rule("<lang>/opportunities/<int:opportunity_id>/interest/", only("org_member", "org_admin"), method="POST"),
]

API = [
    Rule("/api/v1/opportunities", everyone(), data={"page_size": 100},
         hidden={"partner-zone offer": NOT_PARTNERS}),
    Rule("/api/v1/opportunities", everyone(), data={"q": "offer marker"},
         hidden={"partner-zone offer": NOT_PARTNERS}),
    Rule("/api/v1/opportunities/{opportunity_id}", everyone()),
    Rule("/api/v1/opportunities/{opportunity_id}", {**everyone(), **dict.fromkeys(NOT_PARTNERS, NOT_FOUND)},
         params={"opportunity_id": str(PARTNER_OFFER)}),
    Rule("/api/v1/opportunities", only("org_member", "org_admin", "zone_operator", "superuser",
                                       anonymous=UNAUTHENTICATED), method="POST",
         data={"organisation": "tidepay", "kind": "partnership", "title": "Matrix posting",
               "description": "Posted by the authorisation matrix"}),
]



def api_interest_rule(outcomes: dict[str, str]) -> dict[str, str]:
    """The API's version of `interest_rule`: visitors get 401 instead of a sign-in page."""
    return {**interest_rule(outcomes), "anonymous": UNAUTHENTICATED}


SIDES_OF_INTEREST = ("org_member", "org_admin", "other_org_admin")
API += [
    Rule("/api/v1/opportunities/{opportunity_id}/interests", {
        **only("org_member", anonymous=UNAUTHENTICATED), "org_admin": CONFLICT},  # TidePay has just sent one
        method="POST", params={"opportunity_id": str(UNANSWERED_NEED)},
        data={"organisation": "tidepay", "message": "Sent by the authorisation matrix"}),
    Rule("/api/v1/opportunities/{opportunity_id}/interests", {**everyone(NOT_FOUND), "anonymous": UNAUTHENTICATED},
         method="POST", params={"opportunity_id": "404404"}, data={"organisation": "tidepay", "message": "Hi"}),
    Rule("/api/v1/opportunities/interests/sent", signed_in(anonymous=UNAUTHENTICATED),
         hidden={"interest message": all_but("org_member", "org_admin")}),
    Rule("/api/v1/opportunities/interests/received", signed_in(anonymous=UNAUTHENTICATED),
         hidden={"interest message": all_but("other_org_admin")}),
    Rule("/api/v1/opportunities/interests/between-zones", only(*OPERATORS, anonymous=UNAUTHENTICATED),
         hidden={"interest message": all_but(*OPERATORS)}),
    Rule("/api/v1/opportunities/interests/{interest_id}", api_interest_rule({})),
    Rule("/api/v1/opportunities/interests/{interest_id}", api_interest_rule({}),
         params={"interest_id": str(ACCEPTED_INTEREST)}, hidden=NO_CONTACTS),
    Rule("/api/v1/opportunities/interests/{interest_id}", {**everyone(NOT_FOUND), "anonymous": UNAUTHENTICATED},
         params={"interest_id": "404404"}),
    Rule("/api/v1/opportunities/interests/{interest_id}/transitions", api_interest_rule({
        "org_member": FORBIDDEN, "org_admin": FORBIDDEN, "zone_operator": FORBIDDEN,
        "other_zone_operator": CONFLICT, "superuser": CONFLICT}),  # other_org_admin accepted it
        method="POST", data={"action": "accept"}),
    Rule("/api/v1/opportunities/interests/{interest_id}/outcome", api_interest_rule({}), method="POST",
         params={"interest_id": str(ACCEPTED_INTEREST)}, data={"outcome": "talking"}, hidden=NO_CONTACTS),
    Rule("/api/v1/opportunities/interests/{interest_id}/introduction", api_interest_rule({
        **dict.fromkeys(SIDES_OF_INTEREST, FORBIDDEN),
        "other_zone_operator": CONFLICT, "superuser": CONFLICT}),  # zone_operator introduced them
        method="POST", params={"interest_id": str(ACCEPTED_INTEREST)}, hidden=NO_CONTACTS),
    Rule("/api/v1/opportunities/saved-searches", signed_in(anonymous=UNAUTHENTICATED),
         hidden={"saved search": all_but("org_admin")}),
    Rule("/api/v1/opportunities/saved-searches", signed_in(anonymous=UNAUTHENTICATED), method="POST",
         data={"q": "battery", "sector": "batteries"}),
    Rule("/api/v1/opportunities/saved-searches/{search_id}",
         only("org_admin", others=NOT_FOUND, anonymous=UNAUTHENTICATED), method="PATCH", data={"digest": False}),
    Rule("/api/v1/opportunities/saved-searches/{search_id}",
         only("org_admin", others=NOT_FOUND, anonymous=UNAUTHENTICATED), method="DELETE"),
]


def build_world(world: dict) -> dict:
    """The postings, interest and saved search the rules above name."""
    from django.utils import timezone

    from zonebridge.core.trilingual import apply_texts
    from zonebridge.directory.models import Organisation
    from zonebridge.opportunities.models import (
        InterestExpression,
        InterestState,
        IntroductionRoute,
        Opportunity,
        SavedSearch,
        Visibility,
    )
    from zonebridge.opportunities.services import FOLLOW_UP_AFTER, unsubscribe_token

    users = world["users"]
    sinovolt, tidepay = Organisation.objects.get(slug="sinovolt"), Organisation.objects.get(slug="tidepay")

    def posting(pk, organisation, author, title, visibility):
        opportunity = Opportunity(pk=pk, organisation=organisation, kind="partnership", language="en",
                                  visibility=visibility, created_by=author)
        apply_texts(opportunity, {"title_en": title, "description_en": f"{title}: details"})
        opportunity.save()
        return opportunity

    need = posting(PUBLIC_NEED, sinovolt, users["other_org_admin"], "Battery software partner", Visibility.PUBLIC)
    offer = posting(PARTNER_OFFER, tidepay, users["org_admin"], MARKERS["partner-zone offer"],
                    Visibility.PARTNER_ZONE)
    posting(UNANSWERED_NEED, sinovolt, users["other_org_admin"], "Cell testing lab", Visibility.PUBLIC)
    InterestExpression.objects.create(pk=INTEREST, opportunity=need, organisation=tidepay, sent_by=users["org_admin"],
                                      message=f"We would like to talk. {MARKERS['interest message']}")
    now = timezone.now()
    InterestExpression.objects.create(
        pk=ACCEPTED_INTEREST, opportunity=offer, organisation=sinovolt, sent_by=users["other_org_admin"],
        message="Payments for our cell buyers?", state=InterestState.ACCEPTED, decided_by=users["org_admin"],
        decided_at=now, introduction_route=IntroductionRoute.OPERATOR, follow_up_due=now + FOLLOW_UP_AFTER)
    saved = SavedSearch.objects.create(pk=SAVED_SEARCH, user=users["org_admin"],
                                       q=f"battery {MARKERS['saved search']}")
    return {"unsubscribe_token": unsubscribe_token(saved)}
