"""Write people: students and careers-office coordinators of the demo universities, with Faker's help.

Names, phones, e-mail addresses and birth dates come from Faker in the person's own locale (zh_CN for the
mainland, zh_TW's Traditional given names plus Cantonese-romanised surnames for Hong Kong, en_US for
international students). Every e-mail address is on a reserved `.example`/`example.org` domain.
"""

import random
from dataclasses import dataclass
from datetime import date

from faker import Faker

from zonebridge.demo.content import students as material
from zonebridge.demo.content.phrases import Local, Phrase, render
from zonebridge.demo.content.sectors import SECTORS_BY_SLUG
from zonebridge.demo.content.universities import University

FAKER_LOCALES = ("en_US", "zh_CN", "zh_TW")
REFERENCE_YEAR = 2025  # ages are counted from here, not from today, so a seed always writes the same people
# Interface language codes as in settings.LANGUAGES.
INTERFACE_LANGUAGE = {"en": "en", "zh_hans": "zh-hans", "zh_hant": "zh-hant"}


@dataclass
class PersonDraft:
    """A person as the seed will store them: account fields, public profile and personal data."""

    username: str
    email: str
    first_name: str
    last_name: str
    display_name: str
    preferred_language: str
    headline: str = ""
    bio: str = ""
    skills: str = ""
    phone: str = ""
    contact_email: str = ""
    nationality: str = ""
    date_of_birth: date | None = None


@dataclass(frozen=True)
class _Identity:
    first_name: str
    last_name: str
    display_name: str
    locale: str  # Faker locale for contact details
    writes: tuple[str, ...]  # languages the person writes their profile in, most likely first
    nationality: str


def _weighted(rng: random.Random, pairs) -> object:
    items, weights = zip(*pairs)
    return rng.choices(items, weights=weights)[0]


class PeopleWriter:
    """Composes people deterministically from one `random.Random` and one seeded Faker."""

    def __init__(self, rng: random.Random, fake: Faker):
        self.rng = rng
        self.fake = fake
        self._sequence: dict[str, int] = {}

    def _identity(self, side: str) -> _Identity:
        rng, fake = self.rng, self.fake
        nationality = _weighted(rng, material.NATIONALITIES_HK if side == "hk" else material.NATIONALITIES_SH)
        # One gender per person, so that "Karen Chan 陳淑慧" does not become "Edward Chan 陳淑慧".
        gender = "female" if rng.random() < 0.5 else "male"

        def given_name(locale: str) -> str:
            return getattr(fake[locale], f"first_name_{gender}")()

        if nationality == "China (Hong Kong SAR)":
            english, (romanised, surname) = given_name("en_US"), rng.choice(material.HK_SURNAMES)
            given = given_name("zh_TW")
            return _Identity(english, romanised, f"{english} {romanised} {surname}{given}", "en_US",
                             ("en", "zh_hant"), nationality)
        if nationality == "China":
            surname, given = fake["zh_CN"].last_name(), given_name("zh_CN")
            # Mainland students in Hong Kong write English more often than those at home.
            writes = ("zh_hans", "en") if side == "sh" else ("en", "zh_hans")
            return _Identity(given, surname, surname + given, "zh_CN", writes, nationality)
        first, last = given_name("en_US"), fake["en_US"].last_name()
        return _Identity(first, last, f"{first} {last}", "en_US", ("en",), nationality)

    def _phone(self, side: str) -> str:
        if side == "hk":
            # Hong Kong mobile numbers are eight digits starting with 5, 6, 7 or 9.
            return self.fake["en_US"].numerify(f"+852 {self.rng.choice('5679')}### ####")
        digits = self.fake["zh_CN"].phone_number()
        return f"+86 {digits[:3]} {digits[3:7]} {digits[7:]}"

    def _language(self, identity: _Identity) -> str:
        """The language a person writes their profile in: usually their first, sometimes their second."""
        if len(identity.writes) == 1:
            return identity.writes[0]
        return identity.writes[0] if self.rng.random() < 0.65 else identity.writes[1]

    def student(self, university: University, organisation_names: dict[str, list[Phrase]]) -> PersonDraft:
        """Write a student of `university`; `organisation_names` maps a sector slug to its zone's organisations."""
        rng, fake = self.rng, self.fake
        identity = self._identity(university.side)
        language = self._language(identity)
        major = rng.choice([m for m in material.MAJORS if m.sector in university.strengths] or material.MAJORS)
        if rng.random() < 0.3:
            major = rng.choice(material.MAJORS)  # not everyone studies what the university is known for
        offered = material.DEGREES[: university.highest_degree + 1]
        degree, _share, years = _weighted(rng, [(d, d[1]) for d in offered])
        entry_year = REFERENCE_YEAR - rng.randint(1, years)
        age_at_entry = {2: 22, 4: 18}[years] + (4 if degree.en.startswith("PhD") else 0)

        headline = render(material.HEADLINES, language, {"degree": degree, "major": major.name,
                                                          "university": university.name}, sentence=False)
        if rng.random() < 0.6:
            looking = material.LOOKING_FOR_HK if university.side == "hk" else material.LOOKING_FOR_SH
            headline += (" · " if language == "en" else "｜") + looking.get(language)
        skill_count = rng.randint(2, len(major.skills))
        skills = [skill.get(language) for skill in rng.sample(major.skills, skill_count)]
        if rng.random() < 0.5:
            spoken = material.LANGUAGE_SKILLS_HK if university.side == "hk" else material.LANGUAGE_SKILLS_SH
            skills.append(self._spoken(rng.choice(spoken), language))
        bio = ""
        if rng.random() < 0.6:
            bio = render(material.BIO_INTEREST, language, {"topic": SECTORS_BY_SLUG[major.sector].topic})
            employers = organisation_names.get(major.sector)
            if employers and rng.random() < 0.5:
                bio += (" " if language == "en" else "") + render(
                    material.BIO_INTERNSHIP, language, {"organisation": rng.choice(employers)})

        number = self._sequence.get(university.code, 0) + 1
        self._sequence[university.code] = number
        username = f"{university.code}{entry_year % 100:02d}{number:04d}"
        born = fake[identity.locale].date_between_dates(date(entry_year - age_at_entry - 1, 9, 1),
                                                        date(entry_year - age_at_entry, 8, 31))
        return PersonDraft(
            username=username, email=f"{username}@{university.code}.edu.example",
            first_name=identity.first_name, last_name=identity.last_name, display_name=identity.display_name,
            preferred_language=INTERFACE_LANGUAGE[language if rng.random() < 0.8 else identity.writes[-1]],
            headline=headline[:200], bio=bio, skills=(", " if language == "en" else "、").join(skills)[:300],
            phone=self._phone(university.side), contact_email=fake[identity.locale].safe_email(),
            nationality=identity.nationality, date_of_birth=born,
        )

    @staticmethod
    def _spoken(skill: Local, language: str) -> str:
        # Spoken-language skills are written in the zone's script; an English profile uses the English form.
        return skill.en if language == "en" else skill.zh

    def coordinator(self, university: University) -> PersonDraft:
        """Write the careers-office coordinator who nominates the university's students."""
        identity = self._identity(university.side)
        while identity.nationality not in ("China", "China (Hong Kong SAR)"):
            identity = self._identity(university.side)
        language = identity.writes[0]
        title = (Local("Internship coordinator, Careers Office, {university}", "{university}就業輔導處實習統籌")
                 if university.side == "hk" else
                 Local("Internship coordinator, {university}", "{university}就业指导中心实习项目负责人"))
        return PersonDraft(
            username=f"coordinator.{university.code}", email=f"careers@{university.code}.edu.example",
            first_name=identity.first_name, last_name=identity.last_name, display_name=identity.display_name,
            preferred_language=INTERFACE_LANGUAGE[language],
            headline=render(title, language, {"university": university.name}, sentence=False),
            phone=self._phone(university.side), contact_email=self.fake[identity.locale].safe_email(),
            nationality=identity.nationality,
            date_of_birth=self.fake[identity.locale].date_between_dates(date(1970, 1, 1), date(1992, 12, 31)),
        )
