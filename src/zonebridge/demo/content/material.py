"""The shape of the per-sector writing material: what a profile in a sector can talk about."""

from dataclasses import dataclass, field

from zonebridge.demo.content.phrases import Phrase, Proof, Trade


@dataclass(frozen=True)
class SubSector:
    """A second-level sector with the products and technologies a company in it would write about."""

    slug: str
    name: Phrase
    products: tuple[Phrase, ...]
    technologies: tuple[Phrase, ...]
    # Professional services name their firms by the service (律师事务所, 检测技术); others use the sector's trades.
    trades: tuple[Trade, ...] = ()


@dataclass(frozen=True)
class SectorMaterial:
    """A top-level sector of the taxonomy and the material its profiles are written from.

    `topic` is the sector as it reads inside a sentence ("invests in {topic}"); `weight_hk` / `weight_sh` say how
    common the sector is among each zone's start-ups and companies (0: never a company's main sector).
    """

    slug: str
    name: Phrase
    topic: Phrase
    weight_hk: int
    weight_sh: int
    trades: tuple[Trade, ...]
    customers: tuple[Phrase, ...]
    subsectors: tuple[SubSector, ...]
    proofs: tuple[Proof, ...]
    # Application scenarios in Lingang a Hong Kong start-up could ask to pilot in.
    pilots: tuple[Phrase, ...] = field(default=())
