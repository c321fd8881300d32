"""Form pieces every app's pages share: the filter form of a list, and native date and time pickers.

A list's filter form subclasses `FilterForm`; `includes/filter_panel.html` renders it with the search field in
view and the other filters in a panel that opens from a button showing how many filters are in use (on a phone the
results come first). Date and date-time fields use `DateInput` / `DateTimeInput`, so phones show their own pickers.
"""

from django import forms

# What a native picker sends and expects, whatever the page's language (a localised value such as 2026/05/01 is
# refused by <input type="date">, which then shows an empty field and the next save would clear the date).
ISO_DATE = "%Y-%m-%d"
ISO_DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class DateInput(forms.DateInput):
    """A date field with the browser's own date picker (the value always in ISO form)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=ISO_DATE)


class DateTimeInput(forms.DateTimeInput):
    """A date and time field with the browser's own picker; the value is a local time of the active time zone."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=ISO_DATETIME_LOCAL)


def _in_use(value) -> bool:
    """Whether a submitted filter value narrows the list (an empty choice or an unticked box does not)."""
    if isinstance(value, list | tuple):
        return any(_in_use(item) for item in value)
    return value not in (None, "", False)


class FilterForm(forms.Form):
    """A list's search and filters, rendered by `includes/filter_panel.html`; `search_field_name` stays in view."""

    search_field_name = "q"

    @property
    def search_field(self):
        """The search box (a bound field), or None when the list has none."""
        return self[self.search_field_name] if self.search_field_name in self.fields else None

    def panel_fields(self) -> list:
        """The visible filters other than the search box: what the filter panel holds."""
        return [field for field in self.visible_fields() if field.name != self.search_field_name]

    @property
    def active_filter_count(self) -> int:
        """How many filters of the panel the reader has set (counted from the request, valid or not)."""
        if not self.is_bound:
            return 0
        return sum(1 for field in self.panel_fields() if _in_use(field.value()))
