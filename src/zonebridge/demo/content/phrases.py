"""The building blocks of the demo texts: phrases written by hand in each language, and how slots are filled.

A `Phrase` is written three times: English, Simplified Chinese in mainland usage and Traditional Chinese in
Hong Kong usage (機械人, 軟件, 數碼 — not a character-by-character conversion). A `Local` is written only in
English and in the script of the one zone that uses it (an ask that only Hong Kong start-ups make, say).
Templates are ordinary `str.format` strings with named slots such as `{short}` or `{product}`.
"""

from dataclasses import dataclass

from zonebridge.core.trilingual import LANGUAGE_SUFFIXES

# The three text languages, by the suffix of the model fields they fill (`name_en`, `name_zh_hans`, ...).
LANGUAGES = LANGUAGE_SUFFIXES


@dataclass(frozen=True)
class Phrase:
    """A phrase or template written in English, Simplified Chinese and Hong Kong Traditional Chinese."""

    en: str
    zh_hans: str
    zh_hant: str

    def get(self, language: str) -> str:
        """Return the phrase in `language` (`en`, `zh_hans` or `zh_hant`)."""
        return getattr(self, language)


@dataclass(frozen=True)
class Local:
    """A phrase for one zone only: English and the zone's own Chinese script."""

    en: str
    zh: str

    def get(self, language: str) -> str:
        """Return the English text for `en`, otherwise the Chinese (which is in the zone's script)."""
        return self.en if language == "en" else self.zh


@dataclass(frozen=True)
class Proof:
    """A sentence of evidence (customers, patents, trials) with a `{count}` drawn from `low`..`high`."""

    text: Phrase
    low: int = 1
    high: int = 1


@dataclass(frozen=True)
class Trade:
    """The line of business in a company name: 'Energy Technology' / 能源科技, with an optional short form.

    `incorporated` is False for partnerships such as law firms, which carry no 'Limited' / 有限公司.
    """

    name: Phrase
    short: Phrase | None = None
    incorporated: bool = True


def render(template: Phrase | Local, language: str, slots: dict, *, sentence: bool = True) -> str:
    """Fill `template` in `language`; each slot value is a Phrase, a Local, a dict by language or a plain value.

    A `sentence` starts with a capital letter in English; a fragment (`sentence=False`) is left as written.
    """
    values = {key: _value(value, language) for key, value in slots.items()}
    text = template.get(language).format_map(values)
    if sentence and language == "en" and text:
        # Slots such as `{product}` are lower case so that they read well mid-sentence.
        text = text[0].upper() + text[1:]
    return text


def _value(value, language: str) -> str:
    if isinstance(value, dict):
        return value[language]
    if isinstance(value, (Phrase, Local)):
        return value.get(language)
    return str(value)


def join_sentences(sentences: list[str], language: str) -> str:
    """Join rendered sentences into a paragraph: spaces between English sentences, none between Chinese."""
    return (" " if language == "en" else "").join(sentence for sentence in sentences if sentence)


def join_list(items: list[Phrase], language: str) -> str:
    """Join phrases as a list: 'a, b and c' in English, 'a、b和c' / 'a、b及c' in Chinese."""
    words = [item.get(language) for item in items]
    if len(words) < 2:
        return "".join(words)
    if language == "en":
        # "fintech, and logistics and shipping": a comma keeps an item that has its own "and" together.
        last = ", and " if any(" and " in word for word in words) else " and "
        return ", ".join(words[:-1]) + last + words[-1]
    if any(conjunction in word for word in words for conjunction in "与和及"):
        return "、".join(words)  # 航运物流、人工智能与机器人 — not 航运物流与人工智能与机器人
    return "、".join(words[:-1]) + ("和" if language == "zh_hans" else "及") + words[-1]
