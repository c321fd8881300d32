"""Write organisation profiles from the sector material: names, facts and texts in English and the zone's script.

Every choice comes from the `random.Random` passed in, so the same seed writes the same profiles. The output is
plain data (`OrganisationDraft`); turning it into rows, converting the other Chinese script and indexing it for
search is the job of `zonebridge.demo.seed` and the directory services.
"""

import random
from dataclasses import dataclass

from django.utils.text import slugify

from zonebridge.demo.content import names, templates
from zonebridge.demo.content.material import SectorMaterial, SubSector
from zonebridge.demo.content.phrases import LANGUAGES, Local, Phrase, Trade, join_list, join_sentences, render
from zonebridge.demo.content.sectors import DIGITAL_MEDIA, PROFESSIONAL_SERVICES, SECTORS, SECTORS_BY_SLUG
from zonebridge.demo.content.universities import University

SUMMARY_MAX = 300  # Organisation.summary_* max_length


@dataclass(frozen=True)
class Side:
    """One zone as an author sees it: the script it writes Chinese in and what it says about itself."""

    code: str  # "hk" or "sh"
    script: str  # the ChineseScript value its authors write in
    places: tuple[Local, ...]
    market: Local
    team_sentences: tuple[Local, ...]
    asks_early: tuple[Local, ...]
    asks_later: tuple[Local, ...]
    incubator_asks: tuple[Local, ...]
    investor_asks: tuple[Local, ...]
    service_asks: tuple[Local, ...]
    media_asks: tuple[Local, ...]
    incubator_trades: tuple[Trade, ...]
    investor_trades: tuple[Trade, ...]
    media_trades: tuple[Trade, ...]

    @property
    def languages(self) -> tuple[str, str]:
        """The two languages this zone's authors write: English and their Chinese script."""
        return ("en", self.script)

    def sector_weight(self, sector: SectorMaterial) -> int:
        """How common `sector` is as the main sector of this zone's companies."""
        return sector.weight_hk if self.code == "hk" else sector.weight_sh


HONG_KONG = Side(
    code="hk", script="zh_hant", places=names.PLACES_HK, market=names.MARKET_HK,
    team_sentences=templates.TEAM_SENTENCES_HK, asks_early=templates.ASKS_HK_EARLY, asks_later=templates.ASKS_HK_LATER,
    incubator_asks=templates.INCUBATOR_ASKS_HK, investor_asks=templates.INVESTOR_ASKS_HK,
    service_asks=templates.SERVICE_ASKS_HK, media_asks=templates.MEDIA_ASKS_HK,
    incubator_trades=names.INCUBATOR_TRADES_HK, investor_trades=names.INVESTOR_TRADES_HK,
    media_trades=names.MEDIA_TRADES_HK,
)
SHANGHAI = Side(
    code="sh", script="zh_hans", places=names.PLACES_SH, market=names.MARKET_SH,
    team_sentences=templates.TEAM_SENTENCES_SH, asks_early=templates.ASKS_SH_EARLY, asks_later=templates.ASKS_SH_LATER,
    incubator_asks=templates.INCUBATOR_ASKS_SH, investor_asks=templates.INVESTOR_ASKS_SH,
    service_asks=templates.SERVICE_ASKS_SH, media_asks=templates.MEDIA_ASKS_SH,
    incubator_trades=names.INCUBATOR_TRADES_SH, investor_trades=names.INVESTOR_TRADES_SH,
    media_trades=names.MEDIA_TRADES_SH,
)

# Stages a start-up can be at, with weights, the years it may have been founded in and its likely sizes.
STARTUP_STAGES = (("idea", 10), ("seed", 40), ("series_a", 30), ("series_b_plus", 12), ("growth", 8))
COMPANY_STAGES = (("series_b_plus", 20), ("growth", 35), ("established", 45))
FOUNDED = {"idea": (2022, 2024), "seed": (2018, 2024), "series_a": (2015, 2022), "series_b_plus": (2012, 2020),
           "growth": (2008, 2019), "established": (1996, 2016)}
SIZES = {"idea": ("1-10",), "seed": ("1-10", "1-10", "11-50"), "series_a": ("11-50", "11-50", "51-200"),
         "series_b_plus": ("51-200", "201-1000"), "growth": ("51-200", "201-1000"),
         "established": ("201-1000", "201-1000", "1000+")}
EARLY_STAGES = frozenset({"idea", "seed"})
LATEST_YEAR = 2024  # the demo's "now" for founding and funding years, so output does not depend on the date


@dataclass
class OrganisationDraft:
    """Everything about one organisation except its database identity and its converted script."""

    kind: str
    slug: str
    chinese_source: str
    texts: dict[str, str]
    sector_slugs: tuple[str, ...]
    stage: str = ""
    size: str = ""
    founded_year: int | None = None
    website: str = ""


class BrandPool:
    """Hands out brand names that no other organisation of the demo uses, in a seeded order."""

    def __init__(self, rng: random.Random):
        english = [
            Phrase(head + tail, head_hans + tail_hans, head_hant + tail_hant)
            for head, head_hans, head_hant in names.BRAND_HEADS
            for tail, tail_hans, tail_hant in names.BRAND_TAILS
            # "Novanova" and 华华 read badly; so does a doubled letter at the seam ("Snowworks").
            if head_hans != tail_hans and head[-1].lower() != tail[0]
        ]
        pinyin = [
            Phrase((head_pinyin + tail_pinyin).capitalize(), head_hans + tail_hans, head_hant + tail_hant)
            for head_hans, head_hant, head_pinyin in names.PINYIN_HEADS
            for tail_hans, tail_hant, tail_pinyin in names.PINYIN_TAILS
            if head_hans != tail_hans
        ]
        rng.shuffle(english)
        rng.shuffle(pinyin)
        self._pools = {"english": iter(english), "pinyin": iter(pinyin)}
        self._used: set[str] = set()

    def take(self, style: str) -> Phrase:
        """Return an unused brand: `english` (Tidewave / 潮浪) or `pinyin` (Xinfu / 芯伏)."""
        for brand in self._pools[style]:
            keys = (brand.en.lower(), brand.zh_hans)
            if not self._used.intersection(keys):
                self._used.update(keys)
                return brand
        raise RuntimeError(f"ran out of {style} brand names; add words to demo/content/names.py")


def organisation_name(brand: Phrase, trade: Trade, side: Side, rng: random.Random) -> tuple[Phrase, Phrase]:
    """Return the registered name and the short name used in running text.

    Hong Kong: "Tidewave Robotics Limited" / 潮浪機械人有限公司. Shanghai: "Shanghai Xinfu Energy Technology
    Co., Ltd." / 上海芯伏能源科技有限公司, or the "芯伏能源科技（上海）有限公司" form of a national-level name.
    """
    en, hans, hant = (f"{brand.en} {trade.name.en}", brand.zh_hans + trade.name.zh_hans,
                      brand.zh_hant + trade.name.zh_hant)
    if side.code == "hk":
        full = Phrase(en + " Limited", hans + "有限公司", hant + "有限公司") if trade.incorporated else Phrase(en, hans, hant)
    elif not trade.incorporated:
        full = Phrase(f"Shanghai {en}", "上海" + hans, "上海" + hant)
    elif rng.random() < 0.7:
        full = Phrase(f"Shanghai {en} Co., Ltd.", f"上海{hans}有限公司", f"上海{hant}有限公司")
    else:
        full = Phrase(f"{en} (Shanghai) Co., Ltd.", f"{hans}（上海）有限公司", f"{hant}（上海）有限公司")
    if trade.short is None:
        return full, brand
    return full, Phrase(f"{brand.en} {trade.short.en}", brand.zh_hans + trade.short.zh_hans,
                        brand.zh_hant + trade.short.zh_hant)


def _texts(side: Side, name: Phrase, summary: list, description: list, *, english_sentences: int | None = None,
           english_summary: bool = True) -> dict[str, str]:
    """Render a profile's texts in English and the zone's script.

    `summary` and `description` are lists of (template, slots). `english_sentences` keeps only the first n
    sentences of the English description (a mainland author writes a shorter English version by hand).
    """
    texts = {}
    for language in side.languages:
        texts[f"name_{language}"] = name.get(language)
        texts[f"summary_{language}"] = "".join(render(t, language, slots) for t, slots in summary)
        sentences = [render(t, language, slots) for t, slots in description]
        if language == "en" and english_sentences is not None:
            sentences = sentences[:english_sentences]
        texts[f"description_{language}"] = join_sentences(sentences, language)
    if not english_summary:
        texts["summary_en"] = ""
    return texts


def _fragment(local: Local, slots: dict) -> dict[str, str]:
    """Render a mid-sentence fragment (an ask) in every language it is written in, without capitalising."""
    return {language: render(local, language, slots, sentence=False) for language in LANGUAGES}


def _weighted(rng: random.Random, pairs) -> object:
    """Pick one item from (item, weight) pairs."""
    items, weights = zip(*pairs)
    return rng.choices(items, weights=weights)[0]


def pick_sector(rng: random.Random, side: Side) -> SectorMaterial:
    """Pick a company's main sector with this zone's weights (professional services are never one)."""
    return _weighted(rng, [(sector, side.sector_weight(sector)) for sector in SECTORS if side.sector_weight(sector)])


def _slug_of(name: Phrase) -> str:
    """An ASCII slug from the English name without its legal form: 'Tidewave Robotics Limited' → tidewave-robotics."""
    return slugify(name.en.removesuffix(" Limited").removesuffix(" Co., Ltd.").removeprefix("Shanghai ")
                   .replace(" (Shanghai)", ""))


def _website(slug: str, rng: random.Random) -> str:
    # A few small organisations have no website yet.
    return "" if rng.random() < 0.04 else f"https://{slug}.example"


def write_company(rng: random.Random, side: Side, kind: str, brands: BrandPool) -> OrganisationDraft:
    """Write a start-up or company: what it makes, for whom, on what technology, its proof, stage and ask."""
    sector = pick_sector(rng, side)
    sub = rng.choice(sector.subsectors)
    second = rng.choice([s for s in sector.subsectors if s is not sub]) if rng.random() < 0.3 else None
    stage = _weighted(rng, STARTUP_STAGES if kind == "startup" else COMPANY_STAGES)
    founded = rng.randint(*FOUNDED[stage])
    style = "english" if side.code == "hk" or rng.random() < 0.35 else "pinyin"
    name, short = organisation_name(brands.take(style), rng.choice(sector.trades), side, rng)
    slug = _slug_of(name)

    product = rng.choice(sub.products)
    product2 = rng.choice((second or sub).products if second else [p for p in sub.products if p is not product])
    pilot = rng.choice(sector.pilots) if sector.pilots else Phrase("its products", "其产品", "其產品")
    ask = rng.choice(side.asks_early if stage in EARLY_STAGES else side.asks_later)
    proof = rng.choice(sector.proofs)
    slots = {
        "short": short, "product": product, "product2": product2, "customer": rng.choice(sector.customers),
        "technology": rng.choice(sub.technologies), "year": founded, "place": rng.choice(side.places),
        "market": side.market, "round_year": rng.randint(max(founded, 2016), LATEST_YEAR),
        "ask": _fragment(ask, {"pilot": pilot}),
    }
    opening = (rng.choice(templates.OPENINGS), slots)
    description = [opening, (rng.choice(templates.TECHNOLOGY_SENTENCES), slots)]
    if rng.random() < 0.75:
        description.append((proof.text, slots | {"count": rng.randint(proof.low, proof.high)}))
    if rng.random() < 0.5:
        description.append((rng.choice(side.team_sentences), slots))
    description.append((templates.STAGE_SENTENCES[stage], slots | {"count": rng.randint(20, 60)}))
    description.append((rng.choice(templates.ASK_SENTENCES), slots))
    summary = templates.SUMMARY_WITH_ASK if rng.random() < 0.3 else rng.choice(templates.SUMMARIES)
    if any(len(render(summary, language, slots)) > SUMMARY_MAX for language in side.languages):
        summary = templates.SUMMARIES[0]  # the shortest form always fits

    english_sentences, english_summary = None, True
    if side.code == "sh":
        # Mainland authors write the English version by hand, shorter; a few write none at all.
        roll = rng.random()
        english_sentences = 0 if roll < 0.08 else rng.choice((2, 3))
        english_summary = roll >= 0.03
    texts = _texts(side, name, [(summary, slots)], description, english_sentences=english_sentences,
                   english_summary=english_summary)
    sectors = (sub.slug, sector.slug) + ((second.slug,) if second else ())
    return OrganisationDraft(kind=kind, slug=slug, chinese_source=side.script, texts=texts, sector_slugs=sectors,
                             stage=stage, size=rng.choice(SIZES[stage]), founded_year=founded,
                             website=_website(slug, rng))


def _focus_sectors(rng: random.Random, side: Side, count: int) -> list[SectorMaterial]:
    """Pick `count` distinct sectors an incubator, investor or media outlet focuses on."""
    chosen: list[SectorMaterial] = []
    while len(chosen) < count:
        sector = pick_sector(rng, side)
        if sector not in chosen:
            chosen.append(sector)
    return chosen


def write_incubator(rng: random.Random, side: Side, brands: BrandPool) -> OrganisationDraft:
    """Write an incubator or accelerator focused on one or two sectors."""
    focus = _focus_sectors(rng, side, rng.choice((1, 2)))
    name, short = organisation_name(brands.take("english" if side.code == "hk" else "pinyin"),
                                    rng.choice(side.incubator_trades), side, rng)
    founded = rng.randint(2008, 2021)
    topic = {language: join_list([s.topic for s in focus], language) for language in LANGUAGES}
    slots = {"short": short, "topic": topic, "year": founded, "months": rng.choice((3, 4, 6)),
             "place": rng.choice(side.places)}
    sentences = templates.INCUBATOR_SENTENCES
    funding = _us_dollars(rng.randint(20, 600))
    description = [(sentences[0], slots | {"count": rng.randint(30, 400)}), (sentences[1], slots),
                   (sentences[2], slots | {"funding": funding}), (rng.choice(side.incubator_asks), slots)]
    texts = _texts(side, name, [(rng.choice(templates.INCUBATOR_SUMMARIES), slots)], description)
    slug = _slug_of(name)
    return OrganisationDraft(kind="incubator", slug=slug, chinese_source=side.script, texts=texts,
                             sector_slugs=tuple(s.slug for s in focus), size=rng.choice(("11-50", "1-10")),
                             founded_year=founded, website=_website(slug, rng))


def _us_dollars(millions: int) -> dict[str, str]:
    """US$ millions written the way each language counts: US$150 million = 1.5亿美元 / 1.5億美元."""
    if millions >= 100:
        return {"en": f"US${millions} million", "zh_hans": f"{millions / 100:g}亿美元", "zh_hant": f"{millions / 100:g}億美元"}
    return {"en": f"US${millions} million", "zh_hans": f"{millions}00万美元", "zh_hant": f"{millions}00萬美元"}


def _fund_size(rng: random.Random, side: Side) -> dict[str, str]:
    """Assets under management: US dollars in Hong Kong, renminbi on the mainland."""
    if side.code == "hk":
        return _us_dollars(rng.choice((50, 80, 120, 150, 200, 300, 500)))
    hundred_millions = rng.choice((3, 5, 8, 10, 20, 30, 50))
    english = (f"RMB {hundred_millions / 10:g} billion" if hundred_millions >= 10
               else f"RMB {hundred_millions * 100} million")
    return {"en": english, "zh_hans": f"{hundred_millions}亿元人民币", "zh_hant": f"{hundred_millions}億元人民幣"}


def write_investor(rng: random.Random, side: Side, brands: BrandPool) -> OrganisationDraft:
    """Write a venture investor with its fund size, focus sectors and portfolio."""
    focus = _focus_sectors(rng, side, rng.choice((2, 2, 3)))
    name, short = organisation_name(brands.take("english" if side.code == "hk" else "pinyin"),
                                    rng.choice(side.investor_trades), side, rng)
    founded = rng.randint(2005, 2021)
    topics = {language: join_list([s.topic for s in focus], language) for language in LANGUAGES}
    slots = {"short": short, "topic": focus[0].topic, "topics": topics, "year": founded,
             "fund": _fund_size(rng, side), "funds": rng.randint(2, 6), "count": rng.randint(12, 140)}
    description = [(sentence, slots) for sentence in templates.INVESTOR_SENTENCES]
    description.append((rng.choice(side.investor_asks), slots))
    texts = _texts(side, name, [(rng.choice(templates.INVESTOR_SUMMARIES), slots)], description)
    slug = _slug_of(name)
    return OrganisationDraft(kind="investor", slug=slug, chinese_source=side.script, texts=texts,
                             sector_slugs=tuple(s.slug for s in focus), size=rng.choice(("1-10", "11-50")),
                             founded_year=founded, website=_website(slug, rng))


def write_service_provider(rng: random.Random, side: Side, brands: BrandPool) -> OrganisationDraft:
    """Write a law firm, accountant, IP agent, consultant or testing lab serving cross-border clients."""
    sub: SubSector = rng.choice(PROFESSIONAL_SERVICES.subsectors)
    name, short = organisation_name(brands.take("english" if side.code == "hk" else "pinyin"),
                                    rng.choice(sub.trades), side, rng)
    founded = rng.randint(1998, 2020)
    product, product2 = rng.sample(sub.products, 2)
    focus = pick_sector(rng, side) if rng.random() < 0.5 else None
    proof = rng.choice(PROFESSIONAL_SERVICES.proofs)
    slots = {"short": short, "product": product, "product2": product2, "year": founded,
             "customer": rng.choice(PROFESSIONAL_SERVICES.customers), "technology": rng.choice(sub.technologies),
             "count": rng.randint(proof.low, proof.high), "topic": focus.topic if focus else ""}
    description = [(sentence, slots) for sentence in templates.SERVICE_SENTENCES] + [(proof.text, slots)]
    if focus:
        description.append((templates.SERVICE_FOCUS, slots))
    description.append((rng.choice(side.service_asks), slots))
    texts = _texts(side, name, [(rng.choice(templates.SERVICE_SUMMARIES), slots)], description)
    slug = _slug_of(name)
    sectors = (sub.slug, PROFESSIONAL_SERVICES.slug) + ((focus.slug,) if focus else ())
    return OrganisationDraft(kind="service_provider", slug=slug, chinese_source=side.script, texts=texts,
                             sector_slugs=sectors, size=rng.choice(("11-50", "51-200", "1-10")),
                             founded_year=founded, website=_website(slug, rng))


def write_media(rng: random.Random, side: Side, brands: BrandPool) -> OrganisationDraft:
    """Write a media outlet covering one sector's start-ups."""
    sub = next(s for s in DIGITAL_MEDIA.subsectors if s.slug == "tech-media-content")
    covered = _focus_sectors(rng, side, 1)[0]
    name, short = organisation_name(brands.take("english" if side.code == "hk" else "pinyin"),
                                    rng.choice(side.media_trades), side, rng)
    founded = rng.randint(2010, 2021)
    product, product2 = rng.sample(sub.products, 2)
    slots = {"short": short, "product": product, "product2": product2, "topic": covered.topic,
             "market": side.market, "year": founded, "count": rng.randint(1, 30)}
    description = [(sentence, slots) for sentence in templates.MEDIA_SENTENCES]
    description.append((rng.choice(side.media_asks), slots))
    texts = _texts(side, name, [(rng.choice(templates.MEDIA_SUMMARIES), slots)], description)
    slug = _slug_of(name)
    sectors = tuple(dict.fromkeys((sub.slug, DIGITAL_MEDIA.slug, covered.slug)))
    return OrganisationDraft(kind="media", slug=slug, chinese_source=side.script, texts=texts, sector_slugs=sectors,
                             size=rng.choice(("1-10", "11-50")), founded_year=founded, website=_website(slug, rng))


def write_university(university: University, side: Side, zone_name: Phrase, partner_zone_name: Phrase
                     ) -> OrganisationDraft:
    """Write a university's profile from its fixed facts (no randomness: universities are the same every seed)."""
    strengths = [SECTORS_BY_SLUG[slug].topic for slug in university.strengths]
    slots = {"short": university.name, "place": university.place, "year": university.founded,
             "count": university.thousand_students, "zone": zone_name, "partner_zone": partner_zone_name,
             "strengths": {language: join_list(strengths, language) for language in LANGUAGES}}
    description = [(sentence, slots) for sentence in templates.UNIVERSITY_SENTENCES]
    texts = _texts(side, university.name, [(templates.UNIVERSITY_SUMMARY, slots)], description)
    return OrganisationDraft(kind="university", slug=university.slug, chinese_source=side.script, texts=texts,
                             sector_slugs=university.strengths, size="1000+", founded_year=university.founded,
                             website=f"https://{university.code}.edu.example")
