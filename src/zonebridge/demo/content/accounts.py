"""The demo logins: one account per role, written by hand so they are the same for every seed."""

from dataclasses import dataclass
from datetime import date

DEMO_PASSWORD = "zonebridge-demo"


@dataclass(frozen=True)
class DemoAccount:
    """A demo login: who they are, which zone they belong to and what they do there."""

    username: str
    role: str  # what the login is for, as printed for the person trying the demo
    side: str  # "hk" or "sh": the home zone
    first_name: str
    last_name: str
    display_name: str
    headline: str
    phone: str
    nationality: str
    date_of_birth: date
    preferred_language: str = "en"


DEMO_ACCOUNTS = (
    DemoAccount("admin", "Superuser (Django admin, every permission)", "sh", "Platform", "Administrator",
                "ZoneBridge Administrator", "Platform administrator of the Lingang–Hong Kong partnership",
                "+86 21 5555 0100", "China", date(1984, 3, 12)),
    DemoAccount("operator-lingang", "Zone operator of Lingang", "sh", "敏", "周", "周敏 Zhou Min",
                "临港新片区国际合作处 · Partnership programme manager", "+86 138 0000 0101", "China", date(1987, 6, 2)),
    DemoAccount("operator-hk", "Zone operator of Harbour Innovation Hub", "hk", "Grace", "Lam", "Grace Lam 林嘉欣",
                "Head of Mainland Partnerships, Harbour Innovation Hub", "+852 5550 0102", "China (Hong Kong SAR)",
                date(1986, 11, 20)),
    DemoAccount("orgadmin", "Organisation admin of a Hong Kong start-up", "hk", "Kelvin", "Wong",
                "Kelvin Wong 黃俊傑", "Co-founder & CEO", "+852 9550 0103", "China (Hong Kong SAR)", date(1991, 2, 14)),
    DemoAccount("orgadmin-sh", "Organisation admin of a Lingang company (profile in Simplified Chinese)", "sh",
                "浩", "陈", "陈浩 Chen Hao", "国际业务部总监 · Director of International Business", "+86 139 0000 0104",
                "China", date(1985, 9, 8)),
    DemoAccount("member", "Organisation member of the same Hong Kong start-up", "hk", "Joyce", "Cheung",
                "Joyce Cheung 張詠琪", "Business development manager", "+852 6550 0105", "China (Hong Kong SAR)",
                date(1995, 7, 30)),
    DemoAccount("coordinator", "University coordinator of a Hong Kong university", "hk", "Alan", "Leung",
                "Dr Alan Leung 梁家明", "Internship coordinator, Careers Office", "+852 9550 0106",
                "China (Hong Kong SAR)", date(1979, 5, 17)),
    DemoAccount("student", "Student of a Shanghai university (cross-border consent granted)", "sh", "思雨", "李",
                "李思雨 Li Siyu", "集成电路设计方向硕士研究生｜寻找香港实习机会", "+86 137 0000 0107", "China",
                date(2001, 4, 23)),
    DemoAccount("mentor", "Mentor at a Hong Kong incubator", "hk", "Michael", "Tang", "Michael Tang 鄧志偉",
                "Serial founder and mentor; fintech and AI", "+852 9550 0108", "China (Hong Kong SAR)",
                date(1976, 12, 3)),
    DemoAccount("reviewer", "Programme reviewer at a Lingang incubator", "sh", "立新", "王", "王立新 Wang Lixin",
                "孵化器投资总监 · Investment director and programme reviewer", "+86 136 0000 0109", "China",
                date(1980, 8, 19)),
)
