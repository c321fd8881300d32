"""Simplified ↔ Traditional conversion that Hong Kong and Shanghai readers take for their own.

OpenCC does the bulk; three things are added here, once, for every converted text on the site:
- Hong Kong standard forms: `s2hk` keeps shapes a Hong Kong reader sees as mainland or dated (户, 税, 温, 説,
  閲 …, and OpenCC's 牀, 峯, 羣, 啓); they are mapped to the forms Hong Kong texts use (戶, 稅, 溫, 說, 閱, 床,
  峰, 群, 啟).
- A phrase table for OpenCC's known mis-segmentations (飛機制造商 → 飛機製造商, 甲醇加註 → 甲醇加注 …): built-in
  entries below, each with a test, plus the ones operators add in the admin (`ConversionPhrase`).
- Script detection (`engine.text.script_of`), so a text already in the reader's script is never converted again
  (臨床試驗, 東涌, 稅 stay).
"""

from django.core.cache import cache

from zonebridge.engine.text import HONG_KONG_FORMS, convert_script, script_of

# (Simplified, Traditional) phrases OpenCC converts wrongly in either direction; same length on both sides.
BUILT_IN_PHRASES = (
    ("飞机制造", "飛機製造"),  # 机制 (mechanism) is segmented first: 飛機制造
    ("雾化制粉", "霧化製粉"),
    ("甲醇加注", "甲醇加注"),  # refuelling, not annotating (加註)
    ("氢气加注", "氫氣加注"),
    ("加注站", "加注站"),
    ("账户", "帳戶"),  # Hong Kong banks and forms write 帳戶
    ("伙伴", "夥伴"),
)

TRADITIONAL_CONFIGS = frozenset({"s2hk", "s2t", "s2twp", "s2tw"})
HONG_KONG_TARGETS = frozenset({"s2hk", "s2t"})
PHRASE_CACHE_KEY = "core.conversion_phrases.v1"


def phrases() -> tuple[tuple[str, str], ...]:
    """The phrase table: built-in entries and the operators' (cached; refreshed when an operator edits one)."""
    cached = cache.get(PHRASE_CACHE_KEY)
    if cached is None:
        from zonebridge.core.models import ConversionPhrase

        added = tuple(ConversionPhrase.objects.values_list("simplified", "traditional"))
        cached = BUILT_IN_PHRASES + added
        cache.set(PHRASE_CACHE_KEY, cached, 300)
    return tuple(cached)


def forget_phrases() -> None:
    """Drop the cached phrase table (after an operator changed it)."""
    cache.delete(PHRASE_CACHE_KEY)


def save_phrase(phrase, *, acting_user) -> None:
    """Save an operator's phrase-table entry (validated, audited) and make every later conversion use it."""
    from django.db import transaction

    from zonebridge.core import audit
    from zonebridge.core.errors import full_clean

    full_clean(phrase)
    with transaction.atomic():
        adding = phrase._state.adding
        phrase.save()
        audit.record("core.conversion_phrase_added" if adding else "core.conversion_phrase_changed",
                     actor=acting_user, target=phrase,
                     after={"simplified": phrase.simplified, "traditional": phrase.traditional})
        forget_phrases()
        transaction.on_commit(forget_phrases)  # and again once others can read it


def convert(text: str, config: str) -> str:
    """Convert `text` with an OpenCC configuration, then apply the phrase table and Hong Kong standard forms."""
    if not text:
        return text
    converted = convert_script(text, config)
    to_traditional = config in TRADITIONAL_CONFIGS
    for simplified, traditional in phrases():
        source, target = (simplified, traditional) if to_traditional else (traditional, simplified)
        if source in text:
            converted = _put_phrase(text, converted, source, target, config)
    if config in HONG_KONG_TARGETS:
        converted = converted.translate(HONG_KONG_FORMS)
    return converted


def _put_phrase(text: str, converted: str, source: str, target: str, config: str) -> str:
    # OpenCC's character conversion keeps positions, so each occurrence of the phrase in the source is at the
    # same place in the output; when a conversion changed the length, replace what OpenCC made of the phrase.
    if len(converted) != len(text) or len(source) != len(target):
        return converted.replace(convert_script(source, config), target)
    start = text.find(source)
    while start != -1:
        converted = converted[:start] + target + converted[start + len(source):]
        start = text.find(source, start + len(source))
    return converted


def for_reader(text: str, reader_suffix: str, region: str = "hong_kong") -> str:
    """`text` in the reader's script (`zh_hans` / `zh_hant`), converted only when it is in the other one."""
    from zonebridge.core.trilingual import conversion_for

    script = script_of(text) if text else None
    if script is None or script == reader_suffix or reader_suffix not in ("zh_hans", "zh_hant"):
        return text
    return convert(text, conversion_for(region, script))
