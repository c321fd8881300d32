"""Template helpers of accounts: personal values stored in English, shown in the reader's language."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# Nationalities as people enter them (and the demo writes them), named in the reader's language.
NATIONALITY_NAMES = {
    "China": _("China"), "China (Hong Kong SAR)": _("China (Hong Kong SAR)"),
    "China (Macao SAR)": _("China (Macao SAR)"), "HK": _("China (Hong Kong SAR)"), "India": _("India"),
    "Indonesia": _("Indonesia"),
    "Kazakhstan": _("Kazakhstan"), "Malaysia": _("Malaysia"), "Pakistan": _("Pakistan"),
    "Republic of Korea": _("Republic of Korea"), "Singapore": _("Singapore"), "Thailand": _("Thailand"),
    "United Kingdom": _("United Kingdom"), "United States": _("United States"), "Vietnam": _("Vietnam"),
}


@register.filter
def nationality_name(value: str) -> str:
    """A nationality in the reader's language (values we do not know are shown as written)."""
    return NATIONALITY_NAMES.get((value or "").strip(), value)
