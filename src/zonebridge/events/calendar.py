"""A person's agenda as an iCalendar file (RFC 5545): a calendar name, a VTIMEZONE and TZID on every time, in
the person's own time zone, so no calendar shows the meetings an hour or eight hours off."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar
from icalendar import Event as CalendarEvent

from zonebridge.events.models import Registration
from zonebridge.events.queries import agenda

# Calendar apps remind the person this long before each meeting (tables are a walk away across a hall).
REMINDER_BEFORE = timedelta(minutes=10)


def agenda_ics(registration: Registration, *, language: str | None = None) -> bytes:
    """The confirmed meetings of `registration` as an .ics file, texts in `language` (default: theirs)."""
    event = registration.event
    tz = registration.tzinfo
    with translation.override(language or registration.user.preferred_language or settings.LANGUAGE_CODE):
        calendar = Calendar()
        calendar.add("prodid", "-//ZoneBridge//events//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        name = _("%(event)s — my meetings") % {"event": event.title}
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
        calendar.add("x-wr-timezone", str(tz))
        site = settings.SITE_URL.rstrip("/")
        host = urlsplit(site).hostname or "zonebridge"
        url = site + reverse("events:agenda", kwargs={"slug": event.slug})
        for seat in agenda(registration):
            meeting = seat.meeting
            others = [other.registration for other in meeting.seats.all() if other.registration_id != registration.pk]
            entry = CalendarEvent()
            entry.add("uid", f"zonebridge-event-{event.pk}-meeting-{meeting.pk}@{host}")
            entry.add("dtstamp", seat.slot.starts_at)
            entry.add("dtstart", seat.slot.starts_at.astimezone(tz))
            entry.add("dtend", seat.slot.ends_at.astimezone(tz))
            entry.add("summary", _("Meeting with %(people)s") % {
                "people": ", ".join(f"{other.user} ({other.organisation.name})" for other in others)})
            if meeting.video_link:
                entry.add("location", meeting.video_link)
            else:
                where = event.venue or event.title
                entry.add("location", _("%(venue)s, table %(table)s") % {"venue": where, "table": meeting.table}
                          if meeting.table else where)
            entry.add("description", f"{event.title}\n{url}")
            entry.add("url", url)
            entry.add("sequence", event.schedule_version)
            reminder = Alarm()
            reminder.add("action", "DISPLAY")
            reminder.add("description", str(entry["summary"]))
            reminder.add("trigger", -REMINDER_BEFORE)
            entry.add_component(reminder)
            calendar.add_component(entry)
        calendar.add_missing_timezones()
    return calendar.to_ical()
