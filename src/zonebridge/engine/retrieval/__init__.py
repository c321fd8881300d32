"""Cross-lingual retrieval: find the right partner's text whatever language either side wrote in.

Two rankers over the same documents, fused:

* lexical — BM25 (bm25s) over normalised tokens (NFKC, case folding, OpenCC t2s, jieba, stemming) plus
  glossary concept tokens, so "battery", "电池" and "電池" meet (`analysis`, `glossary`, `lexical`), and
  query words outside the glossary expanded through translations induced from the corpus (`lexicon`);
* semantic — multilingual Universal Sentence Encoder v3 embeddings, cosine similarity (`semantic`);
* `fusion` combines them; `reasons` says why each result matched; `index.RankIndex` keeps everything on
  disk and up to date one document at a time; `contract.run_document` serves `zonebridge engine rank`;
  `evaluation` measures it all (bench/ranking_eval.py, bench/ranking_speed.py).

On tests/data/ranking_eval.json (680 documents, 337 queries), R@10 / nDCG@10: BM25 0.954 / 0.680,
embeddings 0.952 / 0.711, fusion 0.986 / 0.758.
"""

from zonebridge.engine.retrieval.contract import run_document
from zonebridge.engine.retrieval.fusion import DEFAULT_FUSION, Fusion
from zonebridge.engine.retrieval.glossary import Concept, Glossary, default_glossary
from zonebridge.engine.retrieval.index import Document, Filters, Match, RankIndex, warm_up
from zonebridge.engine.retrieval.semantic import SentenceEncoder, UniversalSentenceEncoder, default_encoder

__all__ = [
    "DEFAULT_FUSION",
    "Concept",
    "Document",
    "Filters",
    "Fusion",
    "Glossary",
    "Match",
    "RankIndex",
    "SentenceEncoder",
    "UniversalSentenceEncoder",
    "default_encoder",
    "default_glossary",
    "run_document",
    "warm_up",
]
