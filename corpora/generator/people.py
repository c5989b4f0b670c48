"""Fictional people for generated case files: names, 公民身份号码, phones, addresses, officers and agencies.

Everything is drawn from the ``random.Random`` handed in (never the global generator or the clock), so one seed always
gives the same people. A ``PeopleFactory`` lives for one case: it keeps full names, ID numbers, phones and 警号 unique
within the case and lets two people share a surname now and then, as real files do.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

from corpora.generator.model import Agency, Officer, Person

__all__ = [
    "ID_WEIGHTS",
    "AgencyProfile",
    "PeopleFactory",
    "age_on",
    "agency_profiles",
    "id_check_char",
    "id_number_problems",
    "load_data",
    "make_id_number",
    "pick_agency",
]

DATA_DIR = Path(__file__).parent / "data"

# GB 11643-1999: weights of the first 17 digits and the check character for (sum mod 11).
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_RE = re.compile(r"^(\d{6})(\d{4})(\d{2})(\d{2})(\d{3})([0-9X])$")
PHONE_RE = re.compile(r"^1[3-9]\d{9}$")

Gender = Literal["男", "女"]


@cache
def load_data(name: str) -> dict[str, Any]:
    """One YAML file of ``data/`` (cached; callers must not mutate what they get)."""
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


# --- 公民身份号码 ------------------------------------------------------------------------------------------------


def id_check_char(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError(f"need 17 digits, got {first17!r}")
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def make_id_number(region: str, birth: date, gender: Gender, seq: int) -> str:
    """An 18-character number: region, birth date, a 3-digit sequence whose last digit's parity is the gender."""
    if not 1 <= seq <= 999:
        raise ValueError("sequence must be 1..999")
    if (seq % 2 == 1) != (gender == "男"):
        raise ValueError("sequence parity must match gender (odd = 男)")
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def id_number_problems(number: str, birth: date | None = None, gender: str | None = None) -> list[str]:
    """What is wrong with an ID number (format, date, check character) and its agreement with birth and gender."""
    m = _ID_RE.match(number)
    if not m:
        return [f"身份证号码格式错误：{number}"]
    problems: list[str] = []
    try:
        id_birth = date(int(m.group(2)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return [f"身份证号码出生日期无效：{number}"]
    if id_check_char(number[:17]) != number[17]:
        problems.append(f"身份证号码校验码错误：{number}")
    if birth is not None and id_birth != birth:
        problems.append(f"身份证号码出生日期{id_birth}与出生日期{birth}不符：{number}")
    if gender is not None:
        id_gender = "男" if int(number[16]) % 2 else "女"
        if id_gender != gender:
            problems.append(f"身份证号码性别位（{id_gender}）与性别（{gender}）不符：{number}")
    return problems


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year - years, day=28)


def birth_for_age(rng: random.Random, on: date, age: int) -> date:
    """A birth date giving exactly ``age`` full years on ``on``."""
    latest = _years_before(on, age)
    earliest = _years_before(on, age + 1) + timedelta(days=1)
    return earliest + timedelta(days=rng.randrange((latest - earliest).days + 1))


# --- agencies ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyProfile:
    """An agency with what the generator needs beside the ``Agency`` record: codes, streets, hospitals …"""

    agency: Agency
    province: str
    region_code: str  # district code of the 分局
    admin_kind: str  # 治 / 行: the kind marker on this agency's 治安 文号
    serial_width: int
    stations: tuple[str, ...]
    city_districts: tuple[tuple[str, str], ...]  # (code, district) of other districts of the city
    streets: tuple[str, ...]
    compounds: tuple[str, ...]
    hospitals: tuple[str, ...]
    plate: str  # 苏A …
    area_code: str  # 025 …

    @property
    def province_short(self) -> str:
        """The province as an address writes it before the city ('' for 北京市/重庆市, whose city is the province)."""
        return "" if self.province == self.agency.city else self.province

    @property
    def price_bureau(self) -> str:
        return f"{self.agency.city}{self.agency.district}价格认证中心"

    @property
    def forensic_center(self) -> str:
        return f"{self.agency.city}公安局物证鉴定所"

    def unit(self, kind: str, station: str | None = None) -> str:
        """The full name of an 办案单位: 刑事侦查大队 / 治安管理大队 / 交通警察大队 / a 派出所."""
        return (
            f"{self.agency.name}{station or self.agency.station}" if kind == "派出所" else f"{self.agency.name}{kind}"
        )


@cache
def agency_profiles() -> tuple[AgencyProfile, ...]:
    out = []
    for a in load_data("places")["agencies"]:
        city, district = a["city"], a["district"]
        street = a["streets"][len(a["streets"]) // 2]
        agency = Agency(
            city=city,
            district=district,
            name=a["name"],
            prefix=a["prefix"],
            station=a["stations"][0],
            detention_center=a["detention_center"],
            custody_center=a["custody_center"],
            procuratorate=f"{city}{district}人民检察院",
            court=f"{city}{district}人民法院",
            government=f"{city}{district}人民政府",
            address=f"{'' if a['province'] == city else a['province']}{city}{district}{street}{len(a['name']) * 7}号",
        )
        out.append(
            AgencyProfile(
                agency=agency,
                province=a["province"],
                region_code=a["code"],
                admin_kind=a["admin_kind"],
                serial_width=int(a["serial_width"]),
                stations=tuple(a["stations"]),
                city_districts=tuple((str(k), v) for k, v in a["city_districts"].items()),
                streets=tuple(a["streets"]),
                compounds=tuple(a["compounds"]),
                hospitals=tuple(a["hospitals"]),
                plate=a["plate"],
                area_code=str(a["area_code"]),
            )
        )
    return tuple(out)


def pick_agency(rng: random.Random) -> AgencyProfile:
    """One of the agencies, with the 派出所 that received the case drawn as well."""
    base = rng.choice(agency_profiles())
    station = rng.choice(base.stations)
    agency = Agency(**{**base.agency.__dict__, "station": station})
    return AgencyProfile(**{**base.__dict__, "agency": agency})


# --- people -----------------------------------------------------------------------------------------------------------


def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    total = sum(w for _, w in pairs)
    x = rng.randrange(total)
    for value, w in pairs:
        x -= w
        if x < 0:
            return value
    return pairs[-1][0]


@dataclass
class PeopleFactory:
    """Makes the people and officers of one case, unique by full name, ID number, phone and 警号."""

    rng: random.Random
    profile: AgencyProfile | None = None
    share_surname: float = 0.18  # chance that a new person takes a surname already used in the case
    used_names: list[str] = field(default_factory=list)
    used_surnames: list[str] = field(default_factory=list)
    used_ids: list[str] = field(default_factory=list)
    used_phones: list[str] = field(default_factory=list)
    used_badges: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.profile is None:
            self.profile = pick_agency(self.rng)
        names = load_data("names")
        self._common = [(k, int(v)) for k, v in names["surnames_common"].items()]
        self._rare: list[str] = names["surnames_rare"]
        self._double: list[str] = names["surnames_double"]
        self._given = {"男": names["given_male"], "女": names["given_female"]}
        self._neutral: list[str] = names["given_neutral"]

    @property
    def agency_profile(self) -> AgencyProfile:
        assert self.profile is not None
        return self.profile

    # names

    def surname(self) -> str:
        rng = self.rng
        if self.used_surnames and rng.random() < self.share_surname:
            return rng.choice(self.used_surnames)
        x = rng.random()
        if x < 0.05:
            return rng.choice(self._double)
        if x < 0.11:
            return rng.choice(self._rare)
        return _weighted(rng, self._common)

    def _given_name(self, gender: Gender, length: int) -> str:
        rng = self.rng
        chars = self._given[gender]
        if length == 1:
            return rng.choice(chars)
        first = rng.choice(self._neutral) if rng.random() < 0.3 else rng.choice(chars)
        second = rng.choice(chars)
        while second == first and rng.random() < 0.85:  # 叠字 names exist but are rare
            second = rng.choice(chars)
        return first + second

    def full_name(self, gender: Gender, surname: str | None = None) -> str:
        """A full name of 2–3 characters not yet used in this case (a compound surname takes one given character)."""
        for attempt in range(200):
            sur = surname or self.surname()
            length = 1 if len(sur) == 2 else (1 if self.rng.random() < 0.22 else 2)
            name = sur + self._given_name(gender, length)
            if name not in self.used_names:
                self.used_names.append(name)
                if sur not in self.used_surnames:
                    self.used_surnames.append(sur)
                return name
            if attempt >= 150:
                surname = None  # a fixed surname that keeps colliding gives way to a fresh one
        raise RuntimeError("could not find an unused name")

    # numbers

    def phone(self) -> str:
        prefixes = load_data("people")["phone_prefixes"]
        while True:
            number = self.rng.choice(prefixes) + f"{self.rng.randrange(10**8):08d}"
            if number not in self.used_phones:
                self.used_phones.append(number)
                return number

    def id_number(self, region: str, birth: date, gender: Gender) -> str:
        while True:
            seq = self.rng.randrange(0, 499) * 2 + (1 if gender == "男" else 2)
            number = make_id_number(region, birth, gender, seq)
            if number not in self.used_ids:
                self.used_ids.append(number)
                return number

    def badge(self) -> str:
        while True:
            number = f"{self.rng.randrange(1, 10)}{self.rng.randrange(10**5):05d}"
            if number not in self.used_badges:
                self.used_badges.append(number)
                return number

    # places

    def home(self, local: bool) -> tuple[str, str]:
        """(region code, address) of someone living in the agency's city or with a 户籍 elsewhere."""
        rng = self.rng
        prof = self.agency_profile
        a = prof.agency
        if local:
            if rng.random() < 0.6:
                code, district = prof.region_code, a.district
            else:
                code, district = rng.choice(prof.city_districts)
            street = rng.choice(prof.streets)
            if rng.random() < 0.8:
                addr = (
                    f"{prof.province_short}{a.city}{district}{street}{rng.randint(1, 399)}号"
                    f"{rng.choice(prof.compounds)}{rng.randint(1, 32)}栋{rng.randint(1, 4)}单元"
                    f"{rng.randint(1, 28)}{rng.randint(1, 4):02d}室"
                )
            else:
                addr = f"{prof.province_short}{a.city}{district}{street}{rng.randint(1, 399)}号{rng.randint(1, 12)}幢"
            return code, addr
        places = load_data("places")
        region = rng.choice(places["home_regions"])
        province = "" if region["province"] == region["city"] else region["province"]
        addr = (
            f"{province}{region['city']}{region['county']}{rng.choice(places['towns'])}"
            f"{rng.choice(places['villages'])}{rng.randint(1, 12)}组{rng.randint(1, 99)}号"
        )
        return str(region["code"]), addr

    def place(self, template: str) -> str:
        """An invented place in the agency's district: street, house number, compound, venue filled in."""
        rng = self.rng
        prof = self.agency_profile
        venues = load_data("places")["venues"]
        street = rng.choice(prof.streets)
        text = template.format(
            street=street,
            street2=rng.choice([x for x in prof.streets if x != street]),
            no=rng.randint(1, 399),
            compound=rng.choice(prof.compounds),
            b=rng.randint(1, 30),
            room=f"{rng.randint(1, 26)}{rng.randint(1, 4):02d}",
            shop=rng.choice(venues["shop"]),
            food=rng.choice(venues["food"]),
            leisure=rng.choice(venues["leisure"]),
            lodging=rng.choice(venues["lodging"]),
            transit=rng.choice(venues["transit"]),
        )
        return f"{prof.province_short}{prof.agency.city}{prof.agency.district}{text}"

    # people

    def person(
        self,
        role: str,
        on: date,
        age: tuple[int, int] = (18, 62),
        *,
        gender: Gender | None = None,
        local: float = 0.65,
        surname: str | None = None,
        occupation: str | None = None,
    ) -> Person:
        """An adult (or anyone of ``age``) with a valid ID number whose birth date and gender digit agree."""
        rng = self.rng
        data = load_data("people")
        gender = gender or ("男" if rng.random() < 0.62 else "女")
        years = rng.randint(*age)
        birth = birth_for_age(rng, on, years)
        region, address = self.home(rng.random() < local)
        city = self.agency_profile.agency.city
        if occupation is None:
            occ = rng.choice(data["occupations"])
            occupation, workplace = occ["name"], occ["workplace"].format(city=city)
        else:
            workplace = ""
        if occupation == "退休" and years < 50:
            occupation = "无业"
        elif years >= 63 and occupation not in ("无业", "农民", "个体经营", "人民警察"):
            occupation, workplace = "退休", ""
        education = _weighted(rng, [(e["name"], int(e["weight"])) for e in data["education"]])
        if years < 22 and education in ("大学本科", "研究生"):
            education = "高中"
        return Person(
            name=self.full_name(gender, surname),
            gender=gender,
            birth=birth,
            id_number=self.id_number(region, birth, gender),
            address=address,
            phone=self.phone(),
            ethnicity=_weighted(rng, [(e["name"], int(e["weight"])) for e in data["ethnicities"]]),
            occupation=occupation,
            education=education,
            workplace=workplace,
            role=role,
        )

    def minor(self, role: str, on: date, age: tuple[int, int] = (14, 17), *, gender: Gender | None = None) -> Person:
        """A 14–17-year-old with a parent attached as 法定代理人 (``guardian``)."""
        rng = self.rng
        data = load_data("people")
        gender = gender or ("男" if rng.random() < 0.8 else "女")
        years = rng.randint(*age)
        birth = birth_for_age(rng, on, years)
        region, address = self.home(rng.random() < 0.7)
        in_school = rng.random() < 0.6
        child = Person(
            name="",
            gender=gender,
            birth=birth,
            id_number=self.id_number(region, birth, gender),
            address=address,
            phone=self.phone(),
            ethnicity=_weighted(rng, [(e["name"], int(e["weight"])) for e in data["ethnicities"]]),
            occupation="学生" if in_school else "无业",
            education="初中" if years < 16 or not in_school else "高中",
            workplace=rng.choice(data["schools"]).format(city=self.agency_profile.agency.city) if in_school else "",
            role=role,
        )
        father = rng.random() < 0.6
        parent_age = min(years + rng.randint(22, 34), 62)
        parent_gender: Gender = "男" if father else "女"
        parent_birth = birth_for_age(rng, on, parent_age)
        # A father passes on his surname; the child is named after the parent so the pair shares it.
        parent_surname = self.surname() if father else None
        if father:
            child.name = self.full_name(gender, parent_surname)
        parent = Person(
            name=self.full_name(parent_gender, parent_surname),
            gender=parent_gender,
            birth=parent_birth,
            id_number=self.id_number(region, parent_birth, parent_gender),
            address=address,
            phone=self.phone(),
            ethnicity=child.ethnicity,
            occupation=rng.choice(["务工", "个体经营", "职员", "农民", "无业"]),
            education=_weighted(rng, [(e["name"], int(e["weight"])) for e in data["education"]]),
            role="guardian",
        )
        if not father:
            child.name = self.full_name(gender)
        child.guardian = parent
        return child

    def officer(self, unit: str) -> Officer:
        gender: Gender = "男" if self.rng.random() < 0.78 else "女"
        return Officer(name=self.full_name(gender), badge=self.badge(), unit=unit)

    def official_name(self) -> str:
        """The name of a 负责人 (审批人 / 所长 …), unique in the case like everyone else's."""
        return self.full_name("男" if self.rng.random() < 0.8 else "女")
