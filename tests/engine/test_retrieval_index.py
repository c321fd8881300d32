"""`RankIndex`: cross-lingual search, filters, reasons, incremental updates and persistence."""

from __future__ import annotations

import json

import numpy as np
import pytest

from zonebridge.engine.retrieval import Document, Glossary, Match, RankIndex, default_glossary
from zonebridge.engine.retrieval.fusion import MIN_SIMILARITY_WITHOUT_SHARED_TERMS
from zonebridge.engine.retrieval.lexicon import Lexicon

DOCUMENTS = [
    Document("battery-tw", "尋找上海新能源汽車電池供應商，可提供電池管理系統",
             zone="hongkong", kind="need", sector="battery"),
    Document("battery-cn", "临港动力电池制造商，为新能源汽车提供电芯和电池包",
             zone="lingang", kind="offer", sector="battery"),
    Document("fintech-en", "Seeking seed investors for a fintech app for cross-border payments", zone="hongkong",
             kind="need", sector="fintech"),
    Document("fintech-cn", "临港金融科技公司提供跨境支付系统，寻找香港银行合作",
             zone="lingang", kind="offer", sector="fintech"),
    Document("helmet-cn", "临港建筑工地需要智能安全帽和危险区域闯入报警系统",
             zone="lingang", kind="need", sector="smartcity"),
    Document("robot-en", "Hong Kong start-up making hotel delivery robots that ride lifts on their own",
             zone="hongkong", kind="offer", sector="robotics"),
    Document("cold-chain-hk", "香港醫藥冷鏈物流公司，提供零下七十度超低溫運輸服務", zone="hongkong", kind="offer",
             sector="logistics"),
    Document("wafer-en", "Fabless chip start-up needs a multi-project wafer run at 55nm", zone="hongkong", kind="need",
             sector="semiconductor"),
]

QUERIES = [
    "battery supplier for electric vehicles in Shanghai",
    "跨境支付 金融科技",
    "smart safety helmets for construction sites",
    "酒店送餐机器人",
    "ultra-low temperature cold chain for medicines",
    "晶圆 流片 服务",
]


@pytest.fixture(scope="module")
def index() -> RankIndex:
    return RankIndex.build(DOCUMENTS)


def ids(matches: list[Match]) -> list[str]:
    return [m.id for m in matches]


def assert_same_results(left: RankIndex, right: RankIndex, queries=QUERIES, k: int = 5) -> None:
    for query in queries:
        a, b = left.search(query, k), right.search(query, k)
        assert ids(a) == ids(b), query
        assert [m.score for m in a] == pytest.approx([m.score for m in b], abs=1e-5), query
        assert [m.why for m in a] == [m.why for m in b], query


def test_english_query_finds_the_traditional_chinese_document_with_cross_lingual_reasons(index):
    best = index.search("battery supplier for electric vehicles in Shanghai", k=3)[0]
    assert best.id == "battery-tw"
    assert "battery ↔ 電池" in best.why and "Shanghai ↔ 上海" in best.why
    assert 0.0 < best.score <= 1.0


def test_chinese_query_finds_the_english_document(index):
    assert index.search("寻找酒店送餐机器人，可以自己乘电梯", k=2)[0].id == "robot-en"


def test_a_word_outside_the_glossary_crosses_languages_through_its_translation(index):
    # "helmet" and "安全帽" are not glossary terms; the induced lexicon links them.
    best = index.search("smart safety helmets for construction sites", k=1)[0]
    assert best.id == "helmet-cn"
    assert any("↔ 安全帽" in reason for reason in best.why), best.why


def test_results_are_best_first_and_at_most_k(index):
    matches = index.search("fintech", k=1)
    assert len(matches) == 1
    everything = index.search("fintech", k=100)
    assert [m.score for m in everything] == sorted((m.score for m in everything), reverse=True)
    # Documents that share no term and are barely similar are never offered.
    assert 2 <= len(everything) < len(DOCUMENTS)
    assert all(m.lexical > 0 or m.semantic >= MIN_SIMILARITY_WITHOUT_SHARED_TERMS for m in everything)
    with pytest.raises(ValueError):
        index.search("fintech", k=0)


def test_filters_keep_only_matching_facets(index):
    matches = index.search("battery", k=10, filters={"zone": "lingang"})
    assert matches and all(m.id in {"battery-cn", "fintech-cn", "helmet-cn"} for m in matches)
    assert {m.id for m in index.search("payments", k=10, filters={"sector": ["fintech", "robotics"]})} == {
        "fintech-en", "fintech-cn"
    }
    assert index.search("battery", k=10, filters={"zone": "LINGANG", "kind": "offer"})[0].id == "battery-cn"
    assert index.search("battery", k=10, filters={"zone": "mars"}) == []
    with pytest.raises(ValueError, match="unknown filter"):
        index.search("battery", k=10, filters={"colour": "red"})


def test_search_many_equals_one_by_one(index):
    together = index.search_many(QUERIES, 3)
    for query, matches in zip(QUERIES, together):
        single = index.search(query, 3)
        assert ids(matches) == ids(single)
        assert [m.score for m in matches] == pytest.approx([m.score for m in single], abs=1e-5)


def test_incremental_updates_equal_a_full_rebuild(index):
    changing = RankIndex.build(DOCUMENTS[:5])
    changing.upsert(DOCUMENTS[5])
    changing.upsert(Document("extra", "Hong Kong dessert shop wants a kitchen in Lingang", zone="hongkong"))
    assert [t.word for t in changing.lexicon.translations({"甜品": "甜品"}, changing.encoder)] == ["dessert"]
    changing.upsert(DOCUMENTS[6])
    changing.upsert(DOCUMENTS[7])
    changing.remove("extra")
    changing.upsert(Document("battery-cn", "临港储能电池制造商，提供集装箱式储能系统", zone="lingang", kind="offer"))
    changing.upsert(Document("battery-cn", DOCUMENTS[1].text, zone="lingang", kind="offer", sector="battery"))
    rebuilt = RankIndex.build(
        [DOCUMENTS[0], DOCUMENTS[1], *DOCUMENTS[2:]]
    )
    assert sorted(d.id for d in changing.documents) == sorted(d.id for d in rebuilt.documents)
    assert_same_results(changing, rebuilt)
    # ... including the words a removed document took with it
    assert changing.lexicon.counts[changing.lexicon.ids["dessert"]] == 0
    assert changing.lexicon.translations({"甜品": "甜品"}, changing.encoder) == []


def test_upsert_replaces_and_remove_forgets(index):
    changing = RankIndex.build(DOCUMENTS)
    changing.upsert(Document("fintech-en", "Marine engineering firm building offshore wind foundations"))
    assert len(changing) == len(DOCUMENTS)
    assert changing.search("金融科技 跨境支付", 1)[0].id == "fintech-cn"
    assert changing.search("offshore wind", 1)[0].id == "fintech-en"
    changing.remove("fintech-cn")
    assert "fintech-cn" not in changing and len(changing) == len(DOCUMENTS) - 1
    assert "fintech-cn" not in ids(changing.search("金融科技", 10))
    with pytest.raises(KeyError):
        changing.remove("fintech-cn")


def test_a_query_without_words_finds_nothing(index):
    assert index.search("", 5) == [] and index.search(" !!! ", 5) == []
    assert index.search("电池", 5)


def test_build_rejects_duplicate_ids():
    with pytest.raises(ValueError, match="duplicate"):
        RankIndex.build([Document("a", "x"), Document("a", "y")])


def test_empty_index_answers_nothing():
    empty = RankIndex.build([])
    assert empty.search("battery", 5) == []
    empty.upsert(Document("a", "battery maker"))
    assert ids(empty.search("电池", 5)) == ["a"]


def test_save_and_load_round_trip(index, tmp_path):
    index.save(tmp_path / "idx")
    assert sorted(p.name for p in (tmp_path / "idx").iterdir()) == ["arrays.npz", "meta.json"]
    loaded = RankIndex.load(tmp_path / "idx")
    assert [d for d in loaded.documents] == [d for d in index.documents]
    assert np.array_equal(loaded.embeddings, index.embeddings)
    assert_same_results(index, loaded)
    # A loaded index keeps changing one document at a time.
    loaded.upsert(Document("new", "氢燃料电池重卡制造商"))
    assert loaded.search("hydrogen fuel cell trucks", 1)[0].id == "new"


def test_load_with_a_changed_glossary_reanalyses_without_re_embedding(index, tmp_path):
    index.save(tmp_path / "idx")
    extended = Glossary.parse(_glossary_text(default_glossary()) + "\nsafety helmet|helmets\t安全帽\t安全帽\tproduct\n")
    assert extended.fingerprint != default_glossary().fingerprint
    loaded = RankIndex.load(tmp_path / "idx", glossary=extended)
    assert np.array_equal(loaded.embeddings, index.embeddings)
    assert "helmets ↔ 安全帽" in loaded.search("helmets", 1)[0].why  # now a glossary concept
    assert_same_results(loaded, RankIndex.build(DOCUMENTS, glossary=extended))


def test_load_refuses_an_index_from_another_encoder(index, tmp_path):
    index.save(tmp_path / "idx")
    meta = json.loads((tmp_path / "idx" / "meta.json").read_text(encoding="utf-8"))
    meta["encoder"] = "some-other-model"
    (tmp_path / "idx" / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ValueError, match="encoder"):
        RankIndex.load(tmp_path / "idx")


def test_lexicon_counts_follow_the_documents(index):
    lexicon: Lexicon = index.lexicon
    assert lexicon.counts.min() >= 1  # every word of a fresh index is in some document
    assert lexicon.vectors.shape == (len(lexicon), index.encoder.dimensions)


def _glossary_text(glossary: Glossary) -> str:
    lines = ["en\tzh_hans\tzh_hant\tkind"]
    for c in glossary.concepts.values():
        lines.append("\t".join(["|".join(c.en), "|".join(c.zh_hans), "|".join(c.zh_hant), c.kind]))
    return "\n".join(lines)
