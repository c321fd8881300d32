"""The notifications of events: requests, answers, expiries, registrations, the published schedule, changes,
and the second follow-up."""

from django.utils.translation import gettext_lazy as _

from zonebridge.core.notifications import NotificationKind, register

register(NotificationKind("events.registration_answered", label=_("Event registration answered"),
                          title=_("Your registration for %(event)s was %(answer)s")))
register(NotificationKind("events.request_received", label=_("Meeting request received"),
                          title=_("%(person)s asks to meet you at %(event)s")))
register(NotificationKind("events.request_answered", label=_("Meeting request answered"),
                          title=_("Meeting request with %(person)s %(answer)s (%(event)s)")))
register(NotificationKind("events.request_expired", label=_("Meeting request expired"),
                          title=_("The meeting request with %(person)s expired unanswered (%(event)s)")))
register(NotificationKind("events.schedule_published", label=_("Meeting schedule published"),
                          title=_("Your agenda for %(event)s is ready (version %(version)s)")))
register(NotificationKind("events.meeting_changed", label=_("Meeting changed"),
                          title=_("A meeting of yours at %(event)s changed: see your agenda")))
register(NotificationKind("events.follow_up_due", label=_("Meeting follow-up"),
                          title=_("Did your meeting at %(event)s lead to an agreement?")))
