"""The notifications of the marketplace: interest received and answered, introductions, follow-ups."""

from django.utils.translation import gettext_lazy as _

from zonebridge.core.notifications import NotificationKind, register

INTEREST_RECEIVED = register(NotificationKind(
    "opportunities.interest_received", label=_("another organisation is interested in our posting"),
    title=_("%(sender)s is interested in “%(title)s”"),
    body=_("Read their message and accept or decline."))).key
INTEREST_ACCEPTED = register(NotificationKind(
    "opportunities.interest_accepted", label=_("our expression of interest is answered"),
    title=_("%(organisation)s accepted your interest in “%(title)s”"),
    body=_("Open the introduction to see how to get in touch."))).key
INTEREST_DECLINED = register(NotificationKind(
    "opportunities.interest_declined", label=_("our expression of interest is answered"),
    title=_("%(organisation)s declined your interest in “%(title)s”"))).key
INTRODUCTION_READY = register(NotificationKind(
    "opportunities.introduction_ready", label=_("an introduction is ready"),
    title=_("Your introduction to %(sender)s is ready"),
    body=_("Open the introduction to see how to get in touch."))).key
INTRODUCTION_REQUESTED = register(NotificationKind(
    "opportunities.introduction_requested", label=_("an introduction needs an operator (operators)"),
    title=_("Please introduce %(sender)s to %(organisation)s"),
    body=_("Their contacts may not be shared directly across the border: introduce them yourself."))).key
INTRODUCED = register(NotificationKind(
    "opportunities.introduced", label=_("an introduction is ready"),
    title=_("%(operator)s introduced you about “%(title)s”"))).key
FOLLOW_UP = register(NotificationKind(
    "opportunities.follow_up", label=_("we are asked how an introduction went"),
    title=_("How did your introduction about “%(title)s” go?"),
    body=_("Three months on: tell us whether you are talking, made a deal, a pilot or an investment."))).key
