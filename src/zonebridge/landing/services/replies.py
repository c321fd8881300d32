"""Use cases of canned replies: a zone's operators keep reply templates (English written by them, 简↔繁
converted), and whoever works on a request fills the reply box with one, in the requester's language."""

from django.db import transaction
from django.utils.translation import gettext as _

from zonebridge.core import audit
from zonebridge.core.errors import DomainError, NotAllowed, full_clean
from zonebridge.core.trilingual import SUFFIX_OF_LANGUAGE, ChineseScript, apply_texts
from zonebridge.landing.models import CannedReply, ServiceRequest
from zonebridge.policy import landing as policy

BODY_FIELDS = ("body_en", "body_zh_hans", "body_zh_hant")


def save_canned_reply(reply: CannedReply, *, acting_user, texts: dict[str, str],
                      chinese_source: str | None = None) -> CannedReply:
    """Create or edit a reply template of `reply.zone` (its operators only; `acting_user` None: the system)."""
    if acting_user is not None and not policy.may_manage_canned_replies(acting_user, reply.zone):
        raise NotAllowed(_("You may not change this zone's canned replies."))
    if not (texts.get("title_en", reply.title_en) or "").strip():
        raise DomainError(_("An English title is required: English is written by the author."), field="title_en")
    if not any((texts.get(name, getattr(reply, name)) or "").strip() for name in BODY_FIELDS):
        raise DomainError(_("Write the text of the reply in at least one language."), field="body_en")
    if chinese_source and chinese_source not in ChineseScript.values:
        raise DomainError(_("Choose Simplified or Traditional Chinese."), field="chinese_source")
    with transaction.atomic():
        creating = reply.pk is None
        if not creating:
            reply = CannedReply.objects.select_for_update().select_related("zone").get(pk=reply.pk)
        before = None if creating else audit.snapshot(reply, ["title_en", "body_en"])
        if chinese_source:
            reply.chinese_source = chinese_source
        if creating:
            reply.created_by = acting_user
        apply_texts(reply, texts)
        full_clean(reply)
        reply.save()
        audit.record("landing.cannedreply.create" if creating else "landing.cannedreply.update", actor=acting_user,
                     target=reply, before=before, after=audit.snapshot(reply, ["title_en", "body_en"]))
    return reply


def delete_canned_reply(reply: CannedReply, *, acting_user) -> None:
    """Remove a reply template (messages already sent with it stay as written)."""
    if not policy.may_manage_canned_replies(acting_user, reply.zone):
        raise NotAllowed(_("You may not change this zone's canned replies."))
    with transaction.atomic():
        audit.record("landing.cannedreply.delete", actor=acting_user, target=reply,
                     before=audit.snapshot(reply, ["title_en", "body_en"]))
        reply.delete()


def reply_text(reply: CannedReply, request: ServiceRequest) -> str:
    """The template's text in the requester's language (the closest written one when that is missing)."""
    language = (request.requester.preferred_language or "").lower()
    return reply.in_language("body", SUFFIX_OF_LANGUAGE.get(language) or None)


def insert_reply(typed: str, reply: CannedReply, request: ServiceRequest, *, acting_user) -> str:
    """The reply box after picking `reply`: what was already typed, then the template's text."""
    if not policy.may_use_canned_replies(acting_user, request) or reply.zone_id != request.service.zone_id:
        raise NotAllowed(_("You may not use this reply here."))
    typed = (typed or "").rstrip()
    text = reply_text(reply, request)
    return f"{typed}\n\n{text}" if typed else text
