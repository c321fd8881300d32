"""The demo's generated Chinese reads as written by people: no doubled words, no subjectless sentences, no
brand that reads as another company — checked over every text of the full demo scale."""

import random
import re

import pytest
from faker import Faker

from zonebridge.demo.content.people import FAKER_LOCALES
from zonebridge.demo.content.profiles import HONG_KONG, SHANGHAI
from zonebridge.demo.seed import directory
from zonebridge.demo.seed.world import SCALES, DemoWorld

# A word written twice in a row (基于基于), or a particle doubled where no word boundary makes it right.
DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff]{2,})\1")
DOUBLED_PARTICLE = re.compile(r"以以|参与与|參與與|于于|於於|的的|了了|是是|和和|及及|在在")
SUBJECTLESS = re.compile(r"(?:^|[。！？])是")
OTHER_COMPANIES = ("华为", "華為", "腾讯", "騰訊", "阿里巴巴", "小米", "百度", "京东", "京東", "比亚迪", "比亞迪")


@pytest.fixture(scope="module")
def demo_texts() -> list[tuple[str, str, str]]:
    """(organisation slug, field, text) of every Chinese text the demo scale writes (seed 1)."""
    fake = Faker(list(FAKER_LOCALES))
    fake.seed_instance(1)
    world = DemoWorld(random.Random(1), fake, SCALES["demo"])
    scale = world.scale
    universities = {side: directory.UNIVERSITIES[side][: scale.universities_per_zone] for side in ("hk", "sh")}
    drafts = (directory._organisation_drafts(world, HONG_KONG, scale.hk_organisations)
              + directory._organisation_drafts(world, SHANGHAI, scale.sh_organisations)
              + [draft for side in ("hk", "sh") for draft in directory._university_drafts(world, side,
                                                                                          universities[side])])
    return [(draft.slug, field, text) for draft in drafts for field, text in draft.texts.items()
            if not field.endswith("_en") and text]


@pytest.mark.parametrize("pattern", [DOUBLED_WORD, DOUBLED_PARTICLE, SUBJECTLESS], ids=["word", "particle", "subject"])
def test_no_text_has_the_pattern(demo_texts, pattern):
    found = [(slug, field, pattern.search(text).group(0)) for slug, field, text in demo_texts if pattern.search(text)]
    assert found == []


def test_no_text_names_another_company(demo_texts):
    found = [(slug, field, name) for slug, field, text in demo_texts for name in OTHER_COMPANIES if name in text]
    assert found == []


def test_the_scan_covers_the_whole_demo(demo_texts):
    assert len({slug for slug, _field, _text in demo_texts}) == 2520
