"""The demo's universities: invented names (any likeness to a real institution is unintended)."""

from dataclasses import dataclass

from zonebridge.demo.content.phrases import Local
from zonebridge.demo.content.phrases import Phrase as P


@dataclass(frozen=True)
class University:
    """An invented university: its names, where it is, when founded, its strong sectors and its e-mail code."""

    slug: str
    side: str  # "hk" or "sh": which zone it belongs to
    name: P
    place: Local
    founded: int
    thousand_students: int
    strengths: tuple[str, ...]  # sector slugs
    code: str  # short ASCII code for student numbers and e-mail domains
    highest_degree: int = 2  # index into students.DEGREES: 0 bachelor's only, 1 up to master's, 2 doctorates


SHANGHAI_UNIVERSITIES = (
    University("lingang-ust", "sh", P("Lingang University of Science and Technology", "临港科技大学", "臨港科技大學"),
               Local("Lingang", "临港"), 2012, 18, ("integrated-circuits", "ai-robotics", "new-energy-vehicles"), "lgust"),
    University("dishui-lake-it", "sh", P("Dishui Lake Institute of Technology", "滴水湖理工学院", "滴水湖理工學院"),
               Local("Lingang", "临港"), 2004, 12, ("advanced-materials", "aerospace-marine", "green-low-carbon"),
               "dlit"),
    University("east-china-sea-maritime", "sh", P("East China Sea Maritime University", "东海海事大学", "東海海事大學"),
               Local("Lingang", "临港"), 1985, 21, ("logistics-shipping", "aerospace-marine"), "ecsmu"),
    University("pudong-finance-trade", "sh", P("Pudong University of Finance and Trade", "浦东财贸大学", "浦東財貿大學"),
               Local("Pudong", "浦东"), 1993, 16, ("fintech", "cross-border-commerce", "professional-services"), "pdft"),
    University("shanghai-riverside-medical", "sh",
               P("Shanghai Riverside Medical University", "上海江畔医科大学", "上海江畔醫科大學"),
               Local("Pudong", "浦东"), 1958, 14, ("biomedicine",), "srmu"),
    University("nanhui-normal", "sh", P("Nanhui Normal University", "南汇师范大学", "南匯師範大學"),
               Local("Nanhui", "南汇"), 1978, 19, ("education-talent", "digital-media-creative"), "nhnu"),
    University("shanghai-eastern-electronic", "sh",
               P("Shanghai Eastern University of Electronic Science", "上海东方电子科技大学", "上海東方電子科技大學"),
               Local("Lingang", "临港"), 2001, 15, ("integrated-circuits", "smart-city-iot"), "seues"),
    University("fengxian-art-design", "sh", P("Fengxian Academy of Art and Design", "奉贤艺术设计学院", "奉賢藝術設計學院"),
               Local("Fengxian", "奉贤"), 2008, 6, ("digital-media-creative",), "faad", highest_degree=1),
    University("shanghai-coastal-energy", "sh",
               P("Shanghai Coastal University of Energy", "上海滨海能源大学", "上海濱海能源大學"),
               Local("Lingang", "临港"), 1996, 13, ("green-low-carbon", "new-energy-vehicles"), "scue"),
    University("shanghai-nanhui-polytechnic", "sh",
               P("Shanghai Nanhui Polytechnic", "上海南汇职业技术学院", "上海南匯職業技術學院"),
               Local("Nanhui", "南汇"), 2010, 9, ("new-energy-vehicles", "logistics-shipping", "education-talent"),
               "snpt", highest_degree=0),
)

HONG_KONG_UNIVERSITIES = (
    University("victoria-harbour-university", "hk", P("Victoria Harbour University", "维港大学", "維港大學"),
               Local("Pok Fu Lam", "薄扶林"), 1962, 22, ("ai-robotics", "fintech", "biomedicine"), "vhu"),
    University("lion-rock-ust", "hk",
               P("Lion Rock University of Science and Technology", "狮子山科技大学", "獅子山科技大學"),
               Local("Kowloon Tong", "九龍塘"), 1991, 16, ("integrated-circuits", "ai-robotics", "advanced-materials"),
               "lrust"),
    University("kowloon-institute-of-technology", "hk",
               P("Kowloon Institute of Technology", "九龙理工学院", "九龍理工學院"),
               Local("Hung Hom", "紅磡"), 1972, 18, ("smart-city-iot", "logistics-shipping", "green-low-carbon"), "kit"),
    University("lantau-university", "hk", P("Lantau University", "大屿山大学", "大嶼山大學"),
               Local("Tung Chung", "東涌"), 2005, 8, ("logistics-shipping", "aerospace-marine", "green-low-carbon"),
               "lantau"),
    University("tolo-harbour-medical", "hk", P("Tolo Harbour Medical University", "吐露港医科大学", "吐露港醫科大學"),
               Local("Tai Po", "大埔"), 1981, 9, ("biomedicine",), "thmu"),
    University("sai-kung-academy-of-design", "hk", P("Sai Kung Academy of Design", "西贡设计学院", "西貢設計學院"),
               Local("Sai Kung", "西貢"), 1998, 4, ("digital-media-creative",), "skad", highest_degree=1),
    University("admiralty-school-of-business", "hk", P("Admiralty School of Business", "金钟商学院", "金鐘商學院"),
               Local("Admiralty", "金鐘"), 1987, 7, ("fintech", "professional-services", "cross-border-commerce"),
               "asb", highest_degree=1),
    University("shing-mun-university", "hk", P("Shing Mun University", "城门大学", "城門大學"),
               Local("Tsuen Wan", "荃灣"), 1994, 12, ("education-talent", "smart-city-iot", "digital-media-creative"),
               "shingmun"),
    University("tai-mo-shan-data-science", "hk",
               P("Tai Mo Shan Institute of Data Science", "大帽山数据科学学院", "大帽山數據科學學院"),
               Local("Tai Po", "大埔"), 2015, 3, ("ai-robotics", "fintech", "smart-city-iot"), "tmsids"),
    University("tsing-yi-applied-sciences", "hk",
               P("Tsing Yi University of Applied Sciences", "青衣应用科技大学", "青衣應用科技大學"),
               Local("Tsing Yi", "青衣"), 1999, 11, ("new-energy-vehicles", "logistics-shipping", "advanced-materials"),
               "tyuas"),
)
