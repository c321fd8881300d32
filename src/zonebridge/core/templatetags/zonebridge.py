"""Template helpers: user content in the reader's Chinese script, and local times of a zone."""

from django import template
from django.utils import translation

from zonebridge.engine.text import convert_script

register = template.Library()

READER_SCRIPT_CONVERSION = {"zh-hans": "t2s", "zh-hant": "s2hk"}


@register.filter
def in_reader_script(text: str) -> str:
    """Show user-written Chinese in the reader's script (OpenCC); English and other text pass through."""
    config = READER_SCRIPT_CONVERSION.get((translation.get_language() or "").lower())
    return convert_script(text, config) if config and text else text


@register.simple_tag(takes_context=True)
def url_with(context, **changes) -> str:
    """The current query string with some parameters replaced (for pagination and facet links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return "?" + params.urlencode()
