"""Text normalisation shared by search and matching: one script, one case, one token stream.

Order matters: NFKC first (full-width letters become ASCII), then case folding, then OpenCC `t2s`, so that
English, Simplified and Traditional Chinese texts all land in the same token space.
"""

import functools
import importlib.resources
import re
import unicodedata
from typing import NamedTuple

import opencc

# CJK ideographs (with extension A and compatibility ideographs) form one run; letters and digits another.
# Ideographs are word characters too, so the letters-and-digits run must exclude them explicitly, or
# "gmp的原液与制剂" and "28nm至55nm特色工艺" would each become one token.
_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(
    rf"([{_CJK_CLASS}]+)|((?:(?![{_CJK_CLASS}])[^\W_])+(?:['’](?:(?![{_CJK_CLASS}])[^\W_])+)?)", re.UNICODE
)

ENGLISH_STOP_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here
    hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
    off on once only or other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your yours yourself yourselves we're i'm it's
    looking seeking seek want wants need needs also etc via per within across including""".split()
)

CHINESE_STOP_WORDS = frozenset(
    (
        "的 了 和 与 及 或 在 是 为 对 把 被 从 向 以 等 之 其 并 也 就 都 而 又 "
        "我们 我 你 您 他们 我司 本 该 有 将 可 能 于 中 上 下"
        # The Chinese counterparts of the English request words above ("seeking", "need", ...), so that a
        # request phrased in either language does not score on its boilerplate.
        " 寻找 寻求 需要 希望 想 想要 欢迎 正在 一个 一些 以及 通过 进行 这 那 个 家 等等"
    ).split()
)

# jieba user dictionary (package data, Simplified script, `word frequency tag` per line).
PLACE_NAMES_DICT = "data/place_names.dict"

# Conversions an author may ask for: Simplified → Hong Kong / Taiwan Traditional and back.
SCRIPT_CONVERSIONS = frozenset({"t2s", "s2t", "s2hk", "s2tw", "s2twp", "hk2s", "tw2s", "tw2sp"})


@functools.cache
def _converter(config: str) -> opencc.OpenCC:
    if config not in SCRIPT_CONVERSIONS:
        raise ValueError(f"unknown OpenCC conversion {config!r}")
    return opencc.OpenCC(f"{config}.json")


def convert_script(text: str, config: str) -> str:
    """Convert Chinese text between scripts with an OpenCC configuration such as `s2hk` or `hk2s`."""
    return _converter(config).convert(text) if text else text


def normalise(text: str) -> str:
    """Return `text` in NFKC, case-folded and in Simplified script."""
    return convert_script(unicodedata.normalize("NFKC", text).casefold(), "t2s")


@functools.lru_cache(maxsize=1)
def _segmenter():
    import jieba

    jieba.setLogLevel(60)  # jieba prints its dictionary loading to stderr; keep CLI output clean
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    # Zone, district and agency names (临港新片区, 数码港, 将军澳工业邨) that jieba's general dictionary splits.
    with importlib.resources.files("zonebridge.engine").joinpath(PLACE_NAMES_DICT).open("rb") as handle:
        tokenizer.load_userdict(handle)
    return tokenizer


@functools.lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


class Word(NamedTuple):
    """A word of normalised text: its characters, its offsets, and whether it is Chinese."""

    text: str
    start: int
    end: int
    chinese: bool


def split_words(normalised: str) -> list[Word]:
    """Every word of already-normalised text, stop words included, with offsets: jieba's precise-mode words in
    each run of Chinese, runs of letters and digits elsewhere."""
    words: list[Word] = []
    cut = _segmenter().cut
    for match in _RUN.finditer(normalised):
        if match.group(1):
            position = match.start()
            for piece in cut(match.group(1)):
                words.append(Word(piece, position, position + len(piece), True))
                position += len(piece)
        else:
            words.append(Word(match.group(2), match.start(), match.end(), False))
    return words


def word_tokens(word: Word, *, stem: bool = True) -> list[tuple[str, str]]:
    """The search tokens of one word, each paired with the word it came from: for Chinese, jieba's search-mode
    parts (the dictionary words inside a long word, then the word); for English, the stem; none for stop words."""
    if word.chinese:
        return [(part, part) for part in _search_parts(word.text) if part not in CHINESE_STOP_WORDS]
    if word.text in ENGLISH_STOP_WORDS:
        return []
    text = word.text.replace("’", "'").removesuffix("'s")
    return [(_stemmer().stemWord(text) if stem and text.isalpha() else text, text)]


def _search_parts(word: str) -> list[str]:
    # What jieba's cut_for_search adds to each precise-mode word: its 2- and 3-character dictionary words.
    frequencies = _segmenter().FREQ
    parts = []
    if len(word) > 2:
        parts.extend(word[i : i + 2] for i in range(len(word) - 1) if frequencies.get(word[i : i + 2]))
    if len(word) > 3:
        parts.extend(word[i : i + 3] for i in range(len(word) - 2) if frequencies.get(word[i : i + 3]))
    parts.append(word)
    return [part for part in parts if part.strip()]


def segment_chinese(run: str) -> list[str]:
    """Split a run of (Simplified) Chinese into words, longest words plus their parts, for recall."""
    return [part for word in _segmenter().cut(run) for part in _search_parts(word)]


def word_spans(normalised: str) -> list[tuple[int, int]]:
    """`[start, end)` of each Chinese word jieba's precise mode finds in already-normalised text."""
    return [(word.start, word.end) for word in split_words(normalised) if word.chinese]


def tokenize(text: str, *, stem: bool = True) -> list[str]:
    """Normalise `text` and return its search tokens: jieba words for Chinese, stemmed words for English."""
    return [token for token, _word in tokens_with_words(text, stem=stem)]


def tokens_with_words(text: str, *, stem: bool = True) -> list[tuple[str, str]]:
    """Like `tokenize`, but pair each token with the normalised word it came from (`("batteri", "batteries")`)."""
    return [pair for word in split_words(normalise(text)) for pair in word_tokens(word, stem=stem)]


# Shapes OpenCC gives for Hong Kong that Hong Kong texts do not use, and the forms they do use (OpenCC's
# dictionary forms 牀 峯 羣 啓 included: Hong Kong writes 床 峰 群 啟).
HONG_KONG_FORMS = str.maketrans({
    "户": "戶", "税": "稅", "温": "溫", "説": "說", "閲": "閱", "脱": "脫", "悦": "悅", "鋭": "銳", "兑": "兌",
    "蜕": "蛻", "媪": "媼", "愠": "慍", "揾": "搵", "牀": "床", "峯": "峰", "羣": "群", "啓": "啟",
})


# Characters OpenCC would convert that Traditional texts also write as they are (surnames 范 郁 余, 台, 干, 后 …):
# they tell nothing about a text's script.
WRITTEN_IN_BOTH = frozenset("范郁余于台干后发面里只松咸谷周冲志系制涌")


@functools.lru_cache(maxsize=8192)
def _script_marks(character: str) -> tuple[bool, bool]:
    """(only Traditional, only Simplified) for one character; characters both scripts write count as neither."""
    if character in WRITTEN_IN_BOTH:
        return False, False
    traditional_only = convert_script(character, "t2s") != character
    to_traditional = convert_script(character, "s2hk").translate(HONG_KONG_FORMS)
    return traditional_only, to_traditional != character and not traditional_only


def script_of(text: str) -> str | None:
    """`zh_hant` or `zh_hans` when the text's Chinese is mostly in one script; None when it reads the same in both."""
    traditional = simplified = 0
    for character in unicodedata.normalize("NFKC", text or ""):
        if "\u3400" <= character <= "\u9fff":
            only_traditional, only_simplified = _script_marks(character)
            traditional += only_traditional
            simplified += only_simplified
    if traditional == simplified:
        return None
    return "zh_hant" if traditional > simplified else "zh_hans"


def is_traditional(text: str) -> bool:
    """Whether the Chinese in `text` is mostly Traditional script."""
    return script_of(text) == "zh_hant"
