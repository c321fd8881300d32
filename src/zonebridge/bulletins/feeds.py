"""Atom feeds per topic and language (Django syndication): the public one holds the posts for everyone; a
reader's personal one (an unguessable key) holds the posts of their audience, by the same targeting rule."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from zonebridge.bulletins import queries
from zonebridge.bulletins.models import ReaderSettings, Topic


class TopicFeed(Feed):
    """The newest bulletins of one topic in the language of the address (`xml:lang`), with updated dates."""

    feed_type = Atom1Feed

    def get_object(self, request, topic: str, key=None):
        if topic not in Topic.values:
            raise Http404
        reader = None
        if key is not None:
            settings_row = ReaderSettings.objects.select_related("user").filter(feed_key=key,
                                                                                 user__is_active=True).first()
            if settings_row is None:
                raise Http404
            reader = settings_row.user
        return {"topic": topic, "reader": reader, "key": key}

    def title(self, obj) -> str:
        return _("ZoneBridge bulletins: %(topic)s") % {"topic": Topic(obj["topic"]).label}

    def subtitle(self, obj) -> str:
        return _("Personal feed") if obj["reader"] else _("Bulletins for everyone")

    def link(self, obj) -> str:
        return reverse("bulletins:list") + f"?topic={obj['topic']}"

    def feed_url(self, obj) -> str:
        if obj["key"]:
            return reverse("bulletins:personal_feed", args=[obj["topic"], obj["key"]])
        return reverse("bulletins:feed", args=[obj["topic"]])

    def feed_guid(self, obj) -> str:
        return f"tag:zonebridge,2026:bulletins:{obj['topic']}:{translation.get_language()}"

    def items(self, obj):
        return queries.feed_items(obj["reader"], topic=obj["topic"])

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary or item.body[:500]

    def item_link(self, item) -> str:
        return reverse("bulletins:detail", args=[item.pk])

    def item_guid(self, item) -> str:
        # Stable across edits and languages' links: an edit updates the entry, it does not add one.
        return f"tag:zonebridge,2026:bulletin:{item.pk}:{translation.get_language()}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.publish_at)

    def item_author_name(self, item) -> str:
        return item.zone.name

    def item_categories(self, item):
        return [str(Topic(item.topic).label)]
