"""The notifications of soft landing, registered once at start-up."""

from django.utils.translation import gettext_lazy as _

from zonebridge.core.notifications import NotificationKind, register

REQUEST_SUBMITTED = register(NotificationKind(
    "landing.request_submitted", label=_("A service request arrives in your zone's queue"),
    title=_("New service request %(reference)s: %(service)s"),
    body=_("%(organisation)s asks for “%(service)s”. Triage it in the queue.")))
REQUEST_CHANGED = register(NotificationKind(
    "landing.request_changed", label=_("Your service request changes state"),
    title=_("Service request %(reference)s: %(state)s"),
    body=_("Your request for “%(service)s” is now: %(state)s.")))
REQUEST_ASSIGNED = register(NotificationKind(
    "landing.request_assigned", label=_("A service request is assigned to you"),
    title=_("Service request %(reference)s is assigned to you"),
    body=_("%(organisation)s asks for “%(service)s”.")))
REQUEST_MESSAGE = register(NotificationKind(
    "landing.request_message", label=_("A new message on a service request"),
    title=_("New message on service request %(reference)s"),
    body=_("%(author)s wrote about “%(service)s”.")))
WAITING_ON_REQUESTER = register(NotificationKind(
    "landing.waiting_on_requester", label=_("The service team needs information from you"),
    title=_("Service request %(reference)s is waiting for your reply"),
    body=_("The team working on “%(service)s” needs information from you; the clock stops until you reply.")))
REQUEST_REOPENED = register(NotificationKind(
    "landing.request_reopened", label=_("A requester reopens a service request"),
    title=_("Service request %(reference)s is reopened"),
    body=_("%(organisation)s reopened “%(service)s”: %(reason)s")))
REQUEST_DUE_SOON = register(NotificationKind(
    "landing.request_due_soon", label=_("A service request is due today"),
    title=_("Service request %(reference)s is due today"),
    body=_("“%(service)s” for %(organisation)s is due on %(due)s; after that it is overdue.")))
REQUEST_OVERDUE = register(NotificationKind(
    "landing.request_overdue", label=_("A service request passes its due date"),
    title=_("Service request %(reference)s is overdue"),
    body=_("“%(service)s” for %(organisation)s was due on %(due)s.")))
SCENARIO_APPLICATION = register(NotificationKind(
    "landing.scenario_application", label=_("A start-up applies to your call for pilots"),
    title=_("New application to “%(call)s”"),
    body=_("%(applicant)s applied to run a pilot.")))
SCENARIO_UPDATE = register(NotificationKind(
    "landing.scenario_update", label=_("Your application to a call for pilots changes"),
    title=_("Your application to “%(call)s”: %(state)s"),
    body=_("The owner of the call moved your application to: %(state)s.")))
