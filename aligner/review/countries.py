"""Countries a formal Chinese text names, with the forms a translation writes them in.

A country swapped for another (哈萨克斯坦 rendered "Uzbekistan") or dropped from a list is the slip
to catch; each is checked from the Chinese side only (see `names`), as a translation may name a
country where the Chinese says 两国. The English and Russian forms take the adjective and the
capital too ("Kazakh", "Tokyo", "японский"), which translations use for the country.
"""
from __future__ import annotations

from typing import NamedTuple


class Country(NamedTuple):
    label: str
    zh: tuple[str, ...]
    en: str
    ru: str
    zh_not: tuple[str, ...] = ()  # longer words holding a Chinese form without meaning it (印度尼西亚, 执法国际)


COUNTRIES: tuple[Country, ...] = (
    Country("Kazakhstan", ("哈萨克斯坦", "哈萨克"), r"Kazakh|Astana", r"Казах|Астан"),
    Country("Uzbekistan", ("乌兹别克斯坦", "乌兹别克"), r"Uzbek|Tashkent", r"Узбек|Ташкент"),
    Country("Kyrgyzstan", ("吉尔吉斯斯坦", "吉尔吉斯"), r"Kyrgyz|Kirgiz|Bishkek", r"Кыргыз|Киргиз|Бишкек"),
    Country("Tajikistan", ("塔吉克斯坦", "塔吉克"), r"Tajik|Dushanbe", r"Таджик|Душанбе"),
    Country("Turkmenistan", ("土库曼斯坦", "土库曼"), r"Turkmen|Ashgabat", r"Туркмен|Ашхабад"),
    Country("Mongolia", ("蒙古",), r"Mongol|Ulaanbaatar|Ulan Bator", r"Монгол|Улан-Батор"),
    Country("Japan", ("日本",), r"Japan|\bJaps?\b|Nippon|Tokyo", r"Япони|японск|Токио"),
    Country("India", ("印度",), r"India|New Delhi", r"Инди[яиюей]|индийск|Нью-Дели", zh_not=("印度尼西亚", "印度洋")),
    Country("Indonesia", ("印度尼西亚", "印尼"), r"Indonesia|Jakarta", r"Индонези|Джакарт"),
    Country("Pakistan", ("巴基斯坦",), r"Pakistan|Islamabad", r"Пакистан|Исламабад"),
    Country("Iran", ("伊朗",), r"Iran|Tehran", r"Иран|иранск|Тегеран"),
    Country("Turkey", ("土耳其",), r"T[üu]rkiye|Turkey|Turkish|Ankara", r"Турци|турецк|Анкар"),
    Country("Egypt", ("埃及",), r"Egypt|Cairo", r"Египт|Египет|египетск|Каир"),
    Country("Saudi Arabia", ("沙特",), r"Saudi|Riyadh", r"Саудовск|Эр-Рияд"),
    Country("Ukraine", ("乌克兰",), r"Ukrain|Kyiv|Kiev", r"Украин|украинск|Киев"),
    Country("Belarus", ("白俄罗斯",), r"Belarus|Byelorussia|Minsk", r"Белорус|Беларус|Минск"),
    Country("Germany", ("德国",), r"German|Berlin", r"Германи|германск|немецк|ФРГ|Берлин", zh_not=("道德国", "品德国")),
    Country("France", ("法国",), r"France|French|Paris", r"Франци|французск|Париж",
            zh_not=("执法国", "宪法国", "非法国", "合法国", "依法国", "立法国", "司法国", "方法国", "办法国", "国际法国")),
    Country("United Kingdom", ("英国",), r"Britain|British|United Kingdom|\bU\.?K\.?\b|England|English|London",
            r"Великобритани|Британи|британск|Англи|английск|Лондон", zh_not=("精英国",)),
    Country("Italy", ("意大利",), r"Ital|Rome", r"Итали|итальянск|Рим"),
    Country("Spain", ("西班牙",), r"Spain|Spanish|Madrid", r"Испани|испанск|Мадрид"),
    Country("Canada", ("加拿大",), r"Canad|Ottawa", r"Канад|Оттав"),
    Country("Australia", ("澳大利亚", "澳洲"), r"Australia|Canberra", r"Австрали|Канберр"),
    Country("Brazil", ("巴西",), r"Brazil|Brasilia|Brasília", r"Бразили|бразильск"),
    Country("South Africa", ("南非",), r"South Africa|Pretoria", r"Южн\w+\s+Африк|\bЮАР\b|Претори"),
    Country("Viet Nam", ("越南",), r"Viet ?[Nn]am|Hanoi", r"Вьетнам|Ханой"),
    Country("Thailand", ("泰国",), r"Thai|Bangkok", r"Таиланд|тайск|Бангкок"),
    Country("Malaysia", ("马来西亚",), r"Malaysia|Kuala Lumpur", r"Малайзи|Куала-Лумпур"),
    Country("Singapore", ("新加坡",), r"Singapor", r"Сингапур"),
    Country("Philippines", ("菲律宾",), r"Philippin|Filipino|Manila", r"Филиппин|Манил"),
    Country("Israel", ("以色列",), r"Israel", r"Израил"),
    Country("Palestine", ("巴勒斯坦",), r"Palestin", r"Палестин"),
)
