"""Lists of a round as CSV (UTF-8 with a BOM, so Excel keeps Chinese intact) or XLSX (openpyxl)."""

import csv
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from zonebridge.programmes import queries
from zonebridge.programmes.models import Nomination, Offer, Participant, Round

LISTS = {
    "applications": gettext_lazy("Applications with review scores"),
    "nominations": gettext_lazy("Nominations"),
    "offers": gettext_lazy("Offers"),
    "participants": gettext_lazy("Cohort"),
}


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def rows(round_: Round, list_name: str) -> tuple[list[str], list[list]]:
    """The header and rows of one list of the round."""
    if list_name == "applications":
        return ([_("rank"), _("student"), pgettext("export column", "username"), _("university"), _("source"),
                 _("state"), _("mean score"), _("reviews")],
                [[index, str(a.student), a.student.username, a.university.name, a.get_source_display(),
                  a.get_state_display(), "" if a.mean_score is None else round(a.mean_score, 2), a.review_count]
                 for index, a in enumerate(queries.ranked_results(round_), start=1)])
    if list_name == "nominations":
        nominations = Nomination.objects.filter(round=round_).select_related("student", "university", "nominated_by")
        return ([_("student"), _("university"), _("nominated by"), _("state"), _("nominated at")],
                [[str(n.student), n.university.name, str(n.nominated_by or ""), n.get_state_display(),
                  _when(n.created_at)] for n in nominations])
    if list_name == "offers":
        offers = Offer.objects.filter(round=round_).select_related("application__student", "application__university",
                                                                   "position__host").order_by("position", "pk")
        return ([_("student"), _("university"), _("position"), _("host"), _("state"), _("answer by"),
                 _("answered at")],
                [[str(o.application.student), o.application.university.name, o.position.title, o.position.host.name,
                  o.get_state_display(), _when(o.deadline), _when(o.responded_at)] for o in offers])
    participants = Participant.objects.filter(offer__round=round_).select_related("student", "mentor",
                                                                                   "position__host")
    return ([_("student"), _("position"), _("host"), _("mentor"), _("state"), _("check-ins")],
            [[str(p.student), p.position.title, p.position.host.name, str(p.mentor or ""), p.get_state_display(),
              p.check_ins.count()] for p in participants])


def response(round_: Round, list_name: str, fmt: str) -> HttpResponse:
    """A download of the list in `fmt` (csv or xlsx)."""
    header, body = rows(round_, list_name)
    name = f"{round_.programme.slug}-round-{round_.number}-{list_name}.{fmt}"
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(body)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=list_name[:31])
        sheet.append(header)
        for row in body:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
