"""The scheduling engine's warnings in plain words of the reader's language, with people's names.

The engine writes its warnings in English with our ids (`r12` a registration, `m34` a meeting); a run stores
them as written, and pages show them through `plain_warnings`, which knows each sentence the engine writes
(engine/scheduling/diagnostics.py). A sentence it does not know is shown as written, ids replaced by names.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from zonebridge.events.models import Event, Meeting, Registration, ScheduleRun

ID = re.compile(r"\b([rm])(\d+)\b")
NUMBER = r"([\d,.]+)"
PATTERNS = [
    ("no_slots", re.compile(rf"^there are no slots, so none of the {NUMBER} requested meetings? can take place$")),
    ("places", re.compile(rf"^{NUMBER} tables? × {NUMBER} slots? = {NUMBER} places? for {NUMBER} requested "
                          rf"meetings: at least {NUMBER} cannot be scheduled$")),
    ("overbooked", re.compile(rf"^(r\d+) asked for {NUMBER} meetings? but is available in {NUMBER} slots?$")),
    ("never", re.compile(r'^meeting "(m\d+)" cannot take place: (.+) (?:is|are) unavailable in every slot$')),
    ("no_common", re.compile(r'^meeting "(m\d+)" cannot take place: (.+) have no slot in common$')),
    ("gap", re.compile(rf"^this schedule may not be the best possible: its weight {NUMBER} is at least "
                       rf"([\d.]+)% of the best \(at most {NUMBER}\); (.+)$")),
]


def _number(text: str) -> int:
    return int(float(text.replace(",", "")))


def plain_warnings(run: ScheduleRun, event: Event) -> list[str]:
    """The run's warnings as sentences for the reader."""
    ids = {kind: {int(number) for w in run.warnings for k, number in ID.findall(w) if k == kind}
           for kind in ("r", "m")}
    people = {r.pk: f"{r.user} ({r.organisation})" for r in Registration.objects.filter(
        pk__in=ids["r"], event=event).select_related("user", "organisation")}
    meetings = {m.pk: m for m in Meeting.objects.filter(pk__in=ids["m"], event=event)}

    def name(token: str) -> str:
        kind, number = token[0], int(token[1:])
        if kind == "r":
            return people.get(number, token)
        return f"#{number} ({meetings[number].names()})" if number in meetings else token

    def names(text: str) -> str:
        return ID.sub(lambda match: name(match.group(0)), text)

    return [_plain(warning, name, names) for warning in run.warnings]


def _plain(warning: str, name, names) -> str:
    for kind, pattern in PATTERNS:
        match = pattern.match(warning)
        if not match:
            continue
        g = match.groups()
        if kind == "no_slots":
            return _("There are no meeting times, so none of the %(count)s meetings can take place.") % {
                "count": g[0]}
        if kind == "places":
            return _("%(tables)s tables × %(slots)s times give %(places)s places for %(requested)s meetings: at "
                     "least %(missing)s cannot be scheduled. Add tables or times, or ask people to drop requests.") % {
                "tables": g[0], "slots": g[1], "places": g[2], "requested": g[3], "missing": g[4]}
        if kind == "overbooked":
            return ngettext("%(person)s accepted %(count)s meetings but is free at only %(free)s time.",
                            "%(person)s accepted %(count)s meetings but is free at only %(free)s times.",
                            _number(g[2])) % {"person": name(g[0]), "count": g[1], "free": g[2]}
        if kind == "never":
            return _("Meeting %(meeting)s cannot take place: %(people)s cannot meet at any time.") % {
                "meeting": name(g[0]), "people": names(g[1])}
        if kind == "no_common":
            return _("Meeting %(meeting)s cannot take place: %(people)s have no free time in common.") % {
                "meeting": name(g[0]), "people": names(g[1])}
        if kind == "gap":
            return _("This schedule may not be the best possible: its weight %(weight)s is at least %(share)s%% of "
                     "the best (at most %(bound)s). The search stopped before it could prove more.") % {
                "weight": g[0], "share": g[1], "bound": g[2]}
    return names(warning)
