"""Authorisation rules of bulletins: everyone reads what is aimed at them (a post for Hong Kong start-ups
reaches TidePay's people only, on the list, the post's page, the API and the feeds alike); a zone's operators
write and manage its posts; subscriptions are a signed-in reader's own."""

from datetime import timedelta

from django.utils import timezone

from tests.authorisation import ROLES, UNAUTHENTICATED, Rule, all_but, everyone, only, signed_in
from zonebridge.accounts.models import User
from zonebridge.bulletins.models import Bulletin
from zonebridge.bulletins.services import publish, reader_settings, save_bulletin
from zonebridge.directory.models import Zone

AUDIENCE = ("org_admin", "org_member")  # TidePay's people: Hong Kong, a start-up
WRITERS = ("zone_operator", "other_zone_operator", "superuser")
HK_EDITORS = ("zone_operator", "superuser")

PATH_VALUES = {"bulletin_id": "@targeted_bulletin_id", "topic": "news", "key": "@org_admin_feed_key"}
MARKERS = {"targeted bulletin": "matrix-hk-startups-only-5d2", "draft bulletin": "matrix-draft-9a4",
           "scheduled bulletin": "matrix-scheduled-3b8"}
PUBLIC_HIDDEN = {"targeted bulletin": all_but(*AUDIENCE), "draft bulletin": ROLES, "scheduled bulletin": ROLES}
ALL_HIDDEN = {"targeted bulletin": ROLES, "draft bulletin": ROLES, "scheduled bulletin": ROLES}

PAGES = [
    Rule("<lang>/bulletins/", everyone(), hidden=PUBLIC_HIDDEN),
    Rule("<lang>/bulletins/<int:bulletin_id>/", {**everyone("404"), **dict.fromkeys((*AUDIENCE, *HK_EDITORS), "ok")}),
    Rule("<lang>/bulletins/new/", only(*WRITERS)),
    Rule("<lang>/bulletins/new/", only(*WRITERS), method="POST", data={"title_en": "incomplete"}),
    Rule("<lang>/bulletins/<int:bulletin_id>/edit/", only(*HK_EDITORS)),
    Rule("<lang>/bulletins/<int:bulletin_id>/edit/", only(*HK_EDITORS), method="POST", data={"title_en": "x"}),
    Rule("<lang>/bulletins/manage/", only(*WRITERS)),
    Rule("<lang>/bulletins/subscriptions/", signed_in()),
    Rule("<lang>/bulletins/subscriptions/", signed_in(), method="POST", data={"topics": "news", "frequency": "daily"}),
    Rule("<lang>/bulletins/unsubscribe/<str:token>/", everyone()),
    Rule("<lang>/bulletins/unsubscribe/<str:token>/", everyone("400"), method="POST"),
    # The public feed holds only posts for everyone; a personal feed is its key holder's audience.
    Rule("<lang>/bulletins/feeds/<slug:topic>/", everyone(), hidden=ALL_HIDDEN),
    Rule("<lang>/bulletins/feeds/<slug:topic>/", everyone("404"), params={"topic": "gossip"}),
    Rule("<lang>/bulletins/feeds/<slug:topic>/<uuid:key>/", everyone(),
         hidden={"draft bulletin": ROLES, "scheduled bulletin": ROLES}),
    Rule("<lang>/bulletins/feeds/<slug:topic>/<uuid:key>/", everyone("404"),
         params={"key": "00000000-0000-4000-8000-000000000002"}),
]

API = [
    Rule("/api/v1/bulletins", everyone(), data={"page_size": 100}, hidden=PUBLIC_HIDDEN),
    Rule("/api/v1/bulletins/{bulletin_id}", {**everyone("404"), **dict.fromkeys((*AUDIENCE, *HK_EDITORS), "ok")}),
    Rule("/api/v1/bulletins", only("zone_operator", "superuser", anonymous=UNAUTHENTICATED), method="POST",
         data={"zone": "hk-hub", "topic": "news", "title_en": "Matrix news"}),
    # A reader's digest choices are their own: every signed-in caller reads and sets only theirs.
    Rule("/api/v1/bulletins/subscriptions", signed_in(anonymous=UNAUTHENTICATED)),
    Rule("/api/v1/bulletins/subscriptions", signed_in(anonymous=UNAUTHENTICATED), method="PUT",
         data={"topics": ["news"], "frequency": "daily"}),
]


def build_world(world: dict) -> dict:
    """A live post for everyone, one for Hong Kong start-ups, a draft and a scheduled one, all by the hub."""
    hk_hub = Zone.objects.get(slug="hk-hub")
    operator = world["users"]["zone_operator"]

    def write(title, *, live=True, publish_at=None, **audience):
        bulletin = save_bulletin(Bulletin(zone=hk_hub), acting_user=operator,
                                 texts={"title_en": title, "title_zh_hant": "測試"},
                                 fields={"topic": "news", "chinese_source": "zh_hant", "publish_at": publish_at},
                                 **audience)
        return publish(bulletin, acting_user=operator, publish_at=publish_at) if live else bulletin

    write("For everyone")
    targeted = write(MARKERS["targeted bulletin"], target_zones=[hk_hub], target_kinds=["startup"])
    write(MARKERS["draft bulletin"], live=False)
    write(MARKERS["scheduled bulletin"], publish_at=timezone.now() + timedelta(days=3))
    return {"targeted_bulletin_id": targeted.pk,
            "org_admin_feed_key": reader_settings(User.objects.get(username="org_admin")).feed_key}
