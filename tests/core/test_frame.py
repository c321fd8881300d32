"""The shared frame's server side: native date pickers in every form, the filter panel's count and its work without
JavaScript, and a page's own QR code."""

import datetime
import importlib
import importlib.util
import pkgutil
import re

import pytest
from django import forms
from django.utils import translation

import zonebridge
from zonebridge.accounts.forms import PersonProfileForm
from zonebridge.core.forms import ISO_DATE, ISO_DATETIME_LOCAL, DateInput, DateTimeInput, FilterForm
from zonebridge.core.qr import qr_svg
from zonebridge.directory.forms import OrganisationFilterForm


def _project_forms() -> list[type]:
    """Every form class of every app (each app's forms module imported, then the subclasses collected)."""
    for info in pkgutil.iter_modules(zonebridge.__path__):
        if info.ispkg and importlib.util.find_spec(f"zonebridge.{info.name}.forms"):
            importlib.import_module(f"zonebridge.{info.name}.forms")
    found, queue = [], [forms.BaseForm]
    while queue:
        cls = queue.pop()
        queue += cls.__subclasses__()
        if cls.__module__.startswith("zonebridge.") and hasattr(cls, "base_fields"):
            found.append(cls)
    return found


def test_every_date_and_time_field_of_every_form_uses_the_native_picker():
    forms_seen, problems = set(), []
    for form_class in _project_forms():
        for name, field in form_class.base_fields.items():
            if isinstance(field, forms.DateTimeField):
                wanted = ("datetime-local", ISO_DATETIME_LOCAL)
            elif isinstance(field, forms.DateField):
                wanted = ("date", ISO_DATE)
            else:
                continue
            forms_seen.add(form_class.__name__)
            if (field.widget.input_type, field.widget.format) != wanted:
                problems.append(f"{form_class.__module__}.{form_class.__name__}.{name}: use core.forms."
                                f"{'DateTimeInput' if wanted[0] == 'datetime-local' else 'DateInput'}")
    assert problems == []
    assert "PersonProfileForm" in forms_seen  # the walk does find forms with dates


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_a_date_reaches_the_picker_and_comes_back_unchanged_in_every_language(language):
    with translation.override(language):
        form = PersonProfileForm(initial={"date_of_birth": datetime.date(1990, 5, 1)})
        assert 'value="1990-05-01"' in str(form["date_of_birth"])  # not 1990/05/01, which a picker shows as empty
        field = forms.DateField(widget=DateInput())
        assert field.clean("1990-05-01") == datetime.date(1990, 5, 1)
        moment = forms.DateTimeField(widget=DateTimeInput())
        assert 'type="datetime-local"' in moment.widget.render("when", datetime.datetime(2026, 5, 1, 9, 30))
        assert 'value="2026-05-01T09:30"' in moment.widget.render("when", datetime.datetime(2026, 5, 1, 9, 30))
        assert moment.clean("2026-05-01T09:30").replace(tzinfo=None) == datetime.datetime(2026, 5, 1, 9, 30)


@pytest.mark.django_db
def test_the_filter_count_counts_the_filters_in_use_not_the_search_box(lingang):
    assert OrganisationFilterForm().active_filter_count == 0
    assert OrganisationFilterForm({"q": "电池", "page": "2"}).active_filter_count == 0
    assert OrganisationFilterForm({"q": "", "zone": "", "kind": "", "sector": "", "stage": ""}).active_filter_count == 0
    assert OrganisationFilterForm({"zone": "lingang", "kind": "company"}).active_filter_count == 2
    # A choice that does not exist is still what the reader asked for: counted, and reported by the form.
    wrong = OrganisationFilterForm({"stage": "no-such-stage"})
    assert wrong.active_filter_count == 1 and not wrong.is_valid()
    assert [field.name for field in OrganisationFilterForm().panel_fields()] == ["zone", "kind", "sector", "stage"]

    class Flags(FilterForm):
        search_field_name = ""
        open_only = forms.BooleanField(required=False)
        tags = forms.MultipleChoiceField(choices=[("a", "A"), ("b", "B")], required=False)

    assert Flags({"open_only": "", "tags": []}).active_filter_count == 0
    assert Flags({"open_only": "on", "tags": ["a", "b"]}).active_filter_count == 2
    assert Flags().search_field is None


def _summary(html: str) -> str:
    return re.search(r'<details class="phone-toggle"[^>]*>\s*<summary>(.*?)</summary>', html, re.S).group(1)


@pytest.mark.django_db
def test_the_filter_panel_is_a_plain_get_form_that_shows_its_count(client, battery_maker, fintech_startup):
    page = client.get("/zh-hant/organisations/?zone=lingang&kind=company").content.decode()
    assert re.search(r'<form id="filters" class="filter-panel phone-disclosure" method="get" '
                     r'action="/zh-hant/organisations/"', page)
    assert "已選 2 項" in _summary(page)
    assert '<details class="phone-toggle">' in page  # closed: the results come first
    assert "芯伏能源科技有限公司" in page and "潮付科技" not in page

    plain = client.get("/en/organisations/").content.decode()
    assert "active" not in _summary(plain)
    # A filter the form refuses opens the panel, so the reader sees what to correct.
    refused = client.get("/en/organisations/?stage=no-such-stage").content.decode()
    assert '<details class="phone-toggle" open>' in refused and "1 active" in _summary(refused)

    # htmx asks for the results only; the count comes with them, out of band.
    partial = client.get("/en/organisations/?zone=lingang", headers={"HX-Request": "true"}).content.decode()
    assert '<span id="filter-count" class="filter-count" hx-swap-oob="true">1 active</span>' in partial
    assert "<details" not in partial


@pytest.mark.django_db
def test_a_detail_page_carries_a_qr_code_of_its_own_address(client, battery_maker):
    response = client.get("/zh-hant/organisations/sinovolt/")
    page = response.content.decode()
    address = "http://testserver/zh-hant/organisations/sinovolt/"
    label = f"本頁二維碼：{address}"
    assert qr_svg(address, label=label) in page
    assert '<svg role="img" focusable="false" viewBox=' in page and f"<title>{label}</title>" in page
    assert "顯示二維碼" in page
    # Drawn on the server: no style attribute (the CSP allows none), no outside service.
    assert not re.search(r"<[^>]+\sstyle=", page)
    assert "http" not in qr_svg(address, label="x")


def test_the_qr_code_escapes_what_it_is_given():
    svg = qr_svg("https://example.org/?a=<b>", label='<script>alert("x")</script> & more')
    assert "<script>" not in svg and "&lt;script&gt;" in svg
