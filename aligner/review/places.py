"""Countries, provinces and cities a formal Chinese text names, with the forms a translation writes them in.

A place swapped for another (哈萨克斯坦 rendered "Uzbekistan", 深圳 as "Guangzhou") or dropped from a list is the
slip to catch; each is checked from the Chinese side only (see `names`), as a translation may name a
country where the Chinese says 两国. The English and Russian forms of a country take the adjective and the
capital too ("Kazakh", "Tokyo", "японский"), which translations use for the country.
"""
from __future__ import annotations

from typing import NamedTuple


class Place(NamedTuple):
    label: str
    zh: tuple[str, ...]
    en: str
    ru: str
    zh_not: tuple[str, ...] = ()  # longer words holding a Chinese form without meaning it (印度尼西亚, 执法国际)


COUNTRIES: tuple[Place, ...] = (
    Place("Kazakhstan", ("哈萨克斯坦", "哈萨克"), r"Kazakh|Astana", r"Казах|Астан"),
    Place("Uzbekistan", ("乌兹别克斯坦", "乌兹别克"), r"Uzbek|Tashkent", r"Узбек|Ташкент"),
    Place("Kyrgyzstan", ("吉尔吉斯斯坦", "吉尔吉斯"), r"Kyrgyz|Kirgiz|Bishkek", r"Кыргыз|Киргиз|Бишкек"),
    Place("Tajikistan", ("塔吉克斯坦", "塔吉克"), r"Tajik|Dushanbe", r"Таджик|Душанбе"),
    Place("Turkmenistan", ("土库曼斯坦", "土库曼"), r"Turkmen|Ashgabat", r"Туркмен|Ашхабад"),
    Place("Mongolia", ("蒙古",), r"Mongol|Ulaanbaatar|Ulan Bator", r"Монгол|Улан-Батор"),
    Place("Japan", ("日本",), r"Japan|\bJaps?\b|Nippon|Tokyo", r"Япони|японск|Токио"),
    Place("India", ("印度",), r"India|New Delhi", r"Инди[яиюей]|индийск|Нью-Дели", zh_not=("印度尼西亚", "印度洋")),
    Place("Indonesia", ("印度尼西亚", "印尼"), r"Indonesia|Jakarta", r"Индонези|Джакарт"),
    Place("Pakistan", ("巴基斯坦",), r"Pakistan|Islamabad", r"Пакистан|Исламабад"),
    Place("Iran", ("伊朗",), r"Iran|Tehran", r"Иран|иранск|Тегеран"),
    Place("Turkey", ("土耳其",), r"T[üu]rkiye|Turkey|Turkish|Ankara", r"Турци|турецк|Анкар"),
    Place("Egypt", ("埃及",), r"Egypt|Cairo", r"Египт|Египет|египетск|Каир"),
    Place("Saudi Arabia", ("沙特",), r"Saudi|Riyadh", r"Саудовск|Эр-Рияд"),
    Place("Ukraine", ("乌克兰",), r"Ukrain|Kyiv|Kiev", r"Украин|украинск|Киев"),
    Place("Belarus", ("白俄罗斯",), r"Belarus|Byelorussia|Minsk", r"Белорус|Беларус|Минск"),
    Place("Germany", ("德国",), r"German|Berlin", r"Германи|германск|немецк|ФРГ|Берлин", zh_not=("道德国", "品德国")),
    Place("France", ("法国",), r"France|French|Paris", r"Франци|французск|Париж",
            zh_not=("执法国", "宪法国", "非法国", "合法国", "依法国", "立法国", "司法国", "方法国", "办法国", "国际法国")),
    Place("United Kingdom", ("英国",), r"Britain|British|United Kingdom|\bU\.?K\.?\b|England|English|London",
            r"Великобритани|Британи|британск|Англи|английск|Лондон", zh_not=("精英国",)),
    Place("Italy", ("意大利",), r"Ital|Rome", r"Итали|итальянск|Рим"),
    Place("Spain", ("西班牙",), r"Spain|Spanish|Madrid", r"Испани|испанск|Мадрид"),
    Place("Canada", ("加拿大",), r"Canad|Ottawa", r"Канад|Оттав"),
    Place("Australia", ("澳大利亚", "澳洲"), r"Australia|Canberra", r"Австрали|Канберр"),
    Place("Brazil", ("巴西",), r"Brazil|Brasilia|Brasília", r"Бразили|бразильск"),
    Place("South Africa", ("南非",), r"South Africa|Pretoria", r"Южн\w+\s+Африк|\bЮАР\b|Претори"),
    Place("Viet Nam", ("越南",), r"Viet ?[Nn]am|Hanoi", r"Вьетнам|Ханой"),
    Place("Thailand", ("泰国",), r"Thai|Bangkok", r"Таиланд|тайск|Бангкок"),
    Place("Malaysia", ("马来西亚",), r"Malaysia|Kuala Lumpur", r"Малайзи|Куала-Лумпур"),
    Place("Singapore", ("新加坡",), r"Singapor", r"Сингапур"),
    Place("Philippines", ("菲律宾",), r"Philippin|Filipino|Manila", r"Филиппин|Манил"),
    Place("Israel", ("以色列",), r"Israel", r"Израил"),
    Place("Palestine", ("巴勒斯坦",), r"Palestin", r"Палестин"),
)


# Provinces and cities of China, and the Russian cities Chinese–Russian texts name. Only those a text names in
# their own right: not 扬州 or 杭州, which a novel's translator may render "home" or "the town". A Russian form is
# the stem its cases share (Шанхай, Шанхае; Ухань, Уханя); cities in -чжоу, -цзин do not decline.
CHINESE_AND_RUSSIAN_PLACES: tuple[Place, ...] = (
    Place("Shanghai", ("上海",), r"Shanghai", r"Шанха[йяюе]|[Шш]анхайск", zh_not=("上海合作", "上海公报")),
    Place("Tianjin", ("天津",), r"Tianjin|Tientsin", r"Тяньцзин"),
    Place("Chongqing", ("重庆",), r"Chongqing|Chungking", r"Чунцин"),
    Place("Hong Kong", ("香港",), r"Hong ?Kong|\bHK(?:SAR)?\b", r"Гонконг|Сянган"),
    Place("Macao", ("澳门",), r"Maca[ou]", r"Макао|Аомэнь|Аомынь"),
    Place("Taiwan", ("台湾",), r"Taiwan|Taipei", r"Тайван|Тайбэй"),
    Place("Guangdong", ("广东",), r"Guangdong|Canton", r"Гуандун"),
    Place("Guangzhou", ("广州",), r"Guangzhou|Canton", r"Гуанчжоу"),
    Place("Shenzhen", ("深圳",), r"Shenzhen", r"Шэньчжэн|Шеньчжен"),
    Place("Xinjiang", ("新疆",), r"Xinjiang|Sinkiang", r"Синьцзян"),
    Place("Tibet", ("西藏",), r"Tibet|Xizang", r"Тибет|Сицзан", zh_not=("东西藏",)),
    Place("Inner Mongolia", ("内蒙古",), r"Inner Mongolia|Nei Mongol", r"Внутренн\w+\s+Монголи"),
    Place("Hainan", ("海南",), r"Hainan", r"Хайнан", zh_not=("上海南",)),
    Place("Yunnan", ("云南",), r"Yunnan", r"Юньнан"),
    Place("Heilongjiang", ("黑龙江",), r"Heilongjiang|Amur", r"Хэйлунцзян|Амур"),
    Place("Jilin", ("吉林",), r"Jilin|Kirin", r"Цзилин"),
    Place("Liaoning", ("辽宁",), r"Liaoning", r"Ляонин"),
    Place("Jiangsu", ("江苏",), r"Jiangsu", r"Цзянсу"),
    Place("Zhejiang", ("浙江",), r"Zhejiang", r"Чжэцзян"),
    Place("Fujian", ("福建",), r"Fujian|Fukien", r"Фуцзян"),
    Place("Sichuan", ("四川",), r"Sichuan|Szechuan", r"Сычуан"),
    Place("Gansu", ("甘肃",), r"Gansu", r"Ганьсу"),
    Place("Qinghai", ("青海",), r"Qinghai", r"Цинха[йяюе]"),
    Place("Ningxia", ("宁夏",), r"Ningxia", r"Нинся"),
    Place("Guizhou", ("贵州",), r"Guizhou", r"Гуйчжоу"),
    Place("Guangxi", ("广西",), r"Guangxi", r"Гуанси"),
    Place("Anhui", ("安徽",), r"Anhui", r"Аньхо?й"),
    Place("Wuhan", ("武汉",), r"Wuhan", r"Ухан[ьяюе]"),
    Place("Nanjing", ("南京",), r"Nanjing|Nanking", r"Нанкин"),
    Place("Xi'an", ("西安",), r"Xi['’]?an\b", r"Сиан[ьяюе]"),
    Place("Harbin", ("哈尔滨",), r"Harbin", r"Харбин"),
    Place("Dalian", ("大连",), r"Dalian", r"Далян[ьяюе]"),
    Place("Qingdao", ("青岛",), r"Qingdao|Tsingtao", r"Циндао"),
    Place("Xiamen", ("厦门",), r"Xiamen|Amoy", r"Сям[эы]н"),
    Place("Urumqi", ("乌鲁木齐",), r"[UÜ]r[uü]mqi|Urumchi", r"Урумчи"),
    Place("Lhasa", ("拉萨",), r"Lhasa", r"Лхас"),
    Place("Kunming", ("昆明",), r"Kunming", r"Куньмин"),
    Place("Shenyang", ("沈阳",), r"Shenyang", r"Шэньян"),
    Place("Zhengzhou", ("郑州",), r"Zhengzhou", r"Чжэнчжоу"),
    Place("Changsha", ("长沙",), r"Changsha", r"Чанша"),
    Place("St Petersburg", ("圣彼得堡",), r"Petersburg", r"Петербург"),
    Place("Vladivostok", ("符拉迪沃斯托克", "海参崴"), r"Vladivostok", r"Владивосток"),
    Place("Khabarovsk", ("哈巴罗夫斯克", "伯力"), r"Khabarovsk", r"Хабаровск"),
    Place("Kazan", ("喀山",), r"Kazan", r"Казан[ьяюие]"),
    Place("Novosibirsk", ("新西伯利亚",), r"Novosibirsk", r"Новосибирск"),
    Place("Yekaterinburg", ("叶卡捷琳堡",), r"[YE]katerinburg", r"Екатеринбург"),
    Place("Irkutsk", ("伊尔库茨克",), r"Irkutsk", r"Иркутск"),
    Place("Sochi", ("索契",), r"Sochi", r"Сочи"),
)
