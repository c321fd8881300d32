"""The notifications of programmes: nominations, decisions, match results, offers and the cohort."""

from django.utils.translation import gettext_lazy as _

from zonebridge.core.notifications import NotificationKind, register

NOMINATED = register(NotificationKind(
    "programmes.nominated", label=_("my university nominates me for a programme, or withdraws it"),
    title=_("%(university)s nominated you for %(round)s"),
    body=_("Rank the positions open to you before the round moves to matching."))).key
NOMINATION_WITHDRAWN = register(NotificationKind(
    "programmes.nomination_withdrawn", label=_("my university nominates me for a programme, or withdraws it"),
    title=_("Your nomination for %(round)s was withdrawn"))).key
DECISION = register(NotificationKind(
    "programmes.decision", label=_("a decision on my application"),
    title=_("Your application to %(round)s: %(decision)s"))).key
OFFER = register(NotificationKind(
    "programmes.offer", label=_("match results and offers"),
    title=_("You have an offer: %(position)s at %(host)s"),
    body=_("Accept or decline it before %(deadline)s."))).key
UNPLACED = register(NotificationKind(
    "programmes.unplaced", label=_("match results and offers"),
    title=_("The match of %(round)s found no place for you"),
    body=_("See why on the round's page. Unfilled places may go to a second round."))).key
HOST_RESULT = register(NotificationKind(
    "programmes.host_result", label=_("match results for positions I manage"),
    title=_("Match results for %(position)s: %(filled)s of %(capacity)s places offered"))).key
OFFER_ANSWERED = register(NotificationKind(
    "programmes.offer_answered", label=_("match results for positions I manage"),
    title=_("%(student)s %(answer)s the offer for %(position)s"))).key
RUN_FINISHED = register(NotificationKind(
    "programmes.run_finished", label=_("a match I started has finished"),
    title=_("The match of %(round)s is published: %(placed)s placed"))).key
MENTOR_ASSIGNED = register(NotificationKind(
    "programmes.mentor_assigned", label=_("mentoring in a programme"),
    title=_("%(mentor)s is the mentor of %(student)s in %(programme)s"))).key
PROGRAMME_COMPLETED = register(NotificationKind(
    "programmes.completed", label=_("mentoring in a programme"),
    title=_("You completed %(programme)s: tell us how it went"))).key
ROUND_STATE = register(NotificationKind(
    "programmes.round_state", label=_("a round I take part in changes state"),
    # The body is the news itself, already in every language (see services.rounds.STATE_NEWS).
    title=_("%(round)s: %(state)s"), body="%(what)s")).key
OFFER_WITHDRAWN = register(NotificationKind(
    "programmes.offer_withdrawn", label=_("my university nominates me for a programme, or withdraws it"),
    title=_("Your nomination for %(round)s was withdrawn, and with it your offer for %(position)s"))).key
PLACE_FREED = register(NotificationKind(
    "programmes.place_freed", label=_("match results for positions I manage"),
    title=_("A place at %(position)s is free again: %(university)s withdrew %(student)s"),
    body=_("The programme's operators may offer it to another candidate."))).key
NOMINEE_WITHDRAWN = register(NotificationKind(
    "programmes.nominee_withdrawn", label=_("nominations withdrawn from rounds I run"),
    title=_("%(university)s withdrew %(student)s from %(round)s"))).key
