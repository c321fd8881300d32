"""The state the seed builds up, shared by its area modules: randomness, scale, counts, and what exists."""

import random
from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.utils import timezone
from faker import Faker

from zonebridge.demo.content import profiles
from zonebridge.demo.content.accounts import DEMO_PASSWORD
from zonebridge.demo.content.people import PeopleWriter


@dataclass(frozen=True)
class Scale:
    """How big the demo world is."""

    hk_organisations: int
    sh_organisations: int
    universities_per_zone: int
    students: int


SCALES = {
    "small": Scale(hk_organisations=40, sh_organisations=20, universities_per_zone=2, students=50),
    "demo": Scale(hk_organisations=1900, sh_organisations=600, universities_per_zone=10, students=5000),
}


class DemoWorld:
    """What the areas have seeded so far; each area reads what the earlier ones made and adds its own."""

    def __init__(self, rng: random.Random, fake: Faker, scale: Scale):
        self.rng = rng
        self.fake = fake
        self.scale = scale
        self.people = PeopleWriter(rng, fake)
        self.brands = profiles.BrandPool(rng)
        self.now = timezone.now()
        # The password is hashed once: hashing it 5,000 times would take minutes.
        self.password_hash = make_password(DEMO_PASSWORD)
        self.counts: Counter = Counter()
        self.sector_slugs: dict[str, tuple[str, ...]] = {}  # organisation slug → its sectors
        self.login_roles: dict[str, str] = {}  # demo username → role, naming the organisation it acts in
        self.zones: dict = {}
        self.sectors: dict = {}
        self.organisations: dict = {}
        self.users: dict = {}  # demo username → User
        self.universities: dict = {}  # side → the University records seeded there

