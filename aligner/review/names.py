"""`name`: names, acronyms and Latin-script tokens present on one side of a pair only.

Three checks, each kept to what can be told reliably:
- Latin-script tokens in the Chinese (APEC, COVID-19, 5G) must reappear in the translation, as
  written or as a known equivalent;
- known organisations and places (北约 = NATO = НАТО, 上合组织 = SCO = ШОС …) must be on both
  sides or neither; countries, China's provinces and cities, and the leaders diplomatic texts name (习近平, 普京 …)
  only from the Chinese side, since translators often spell out 两国 as "China and Russia" — but a
  Chinese leader the translation names where the Chinese has another person of that surname (王文涛 as
  "Wang Yi") is flagged;
- Chinese personal names: capitalised words of the translation that read as pinyin (English)
  or Palladius (Russian) and match characters of their own pairs' Chinese (陈清扬 ↔ Chen
  Qingyang ↔ Чэнь Цинъян) form the document's name list; a name from that list on one side of
  a pair only is flagged. A word the translation also uses in lower case ("long", "he") is
  never taken for a name, and a name must match its Chinese in most of its pairs to count.
  Part of a name counts as the name ("Mr Li", "Ming", "Ли Мина") unless another romanised word
  beside it makes it someone else's: "Li Hua" where the Chinese has 李明 (Li Ming) is flagged. A name the
  document writes once (a contract's signatory) is checked in its own pair: 张伟 as "Zhao Wei". A name
  matched to its Chinese too rarely for the list (Qin-shi, written also where the Chinese has 板儿) still
  counts as someone else's name written in a missing one's place; and a name of the document whose Chinese
  is nowhere in the 10 pairs either side is flagged on its own ("Jia Rong" with no 贾蓉 near).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from aligner.normalise import match_form
from aligner.review.acronyms import russian_acronyms, russian_form, spelled_out
from aligner.review.cyrillic import in_cyrillic
from aligner.review.gaps import LANG_NAMES
from aligner.review.marks import bead_text, word_marks
from aligner.review.memo import ReviewMemo, bead_key, remembered
from aligner.review.places import CHINESE_AND_RUSSIAN_PLACES, COUNTRIES
from aligner.review.romanise import char_readings, find_as_read, find_in_chinese, syllables_of
from aligner.types import Alignment, Bead, Flag

NAME = "name"


@dataclass(frozen=True)
class Entity:
    """A name with its Chinese forms and patterns for its English and Russian forms."""

    label: str
    zh: tuple[str, ...]
    en: str
    ru: str
    both_ways: bool = True  # False: only checked from the Chinese side (countries, cities)
    zh_not: tuple[str, ...] = ()  # longer words that contain a Chinese form without meaning it (发展中国家)
    # Chinese words the translation's form may render without being this entity (进口博览会, the Import Expo,
    # is no World Expo): beside one, the translation's form is no name only in the translation.
    zh_near: tuple[str, ...] = ()
    # A Chinese leader's surname: the translation naming them where the Chinese has someone else of that surname
    # (王文涛 rendered "Wang Yi") is a name only in the translation, though the leader is checked from the Chinese side.
    surname: str = ""
    # The surname alone, as news writes a leader after the first mention ("Li said", «Ван отметил»): it counts as
    # naming them where the Chinese does, never as naming them where the Chinese has someone else of that surname.
    short: tuple[str, str] = ()


# A surname not followed by a given name (Li Hua, Ли Мин): "Premier Li said", «Ли отметил»
_SURNAME_ALONE = {"李": (r"\bLi\b(?!\s+[A-Z])", r"\bЛи\b(?!\s+[А-ЯЁ])"),
                  "王": (r"\bWang\b(?!\s+[A-Z])", r"\bВан\b(?!\s+[А-ЯЁ])")}


# The UN also stands behind its bodies: 联合国安理会 is often just "the Security Council", 安理会 "the UN
# Security Council", 教科文组织 "UNESCO"; either side naming one of them counts as naming the UN (a
# Security Council missing on one side is reported once, as the Security Council: it comes first).
ENTITIES: tuple[Entity, ...] = (
    Entity("Security Council", ("安理会", "安全理事会"), r"(?<!National )Security Council", r"Совет\w*\s+Безопасности|\bСБ\b|Совбез"),
    Entity("UN", ("联合国", "安理会", "安全理事会", "教科文组织"),
           r"\bUN\b|\bU\.N\.|\bUN[A-Z]{2,}\b|United Nations|(?<!National )Security Council|General Assembly",
           r"\bООН\b|Объедин[её]нных\s+Наций|Совет\w*\s+Безопасности|\bСБ\b|Совбез|Генеральн\w+\s+Ассамбле|"
           r"\bЮНЕСКО\b|\bЮНИСЕФ\b|\bПРООН\b"),
    Entity("NATO", ("北约", "北大西洋公约组织"), r"\bNATO\b|North Atlantic", r"\bНАТО\b|Североатлантическ"),
    Entity("WTO", ("世贸组织", "世界贸易组织"), r"\bWTO\b|World Trade Organi[sz]ation",
           r"\bВТО\b|Всемирн\w+\s+торгов\w+\s+организаци"),
    Entity("WHO", ("世卫组织", "世界卫生组织"), r"\bWHO\b|World Health Organi[sz]ation",
           r"\bВОЗ\b|Всемирн\w+\s+организаци\w+\s+здравоохранения"),
    Entity("APEC", ("亚太经合组织", "亚太经济合作组织", "亚太经合会"), r"\bAPEC\b|Asia-Pacific Economic Cooperation",
           r"\bАТЭС\b|Азиатско-Тихоокеанск\w+\s+экономическ\w+\s+сотрудничеств"),
    Entity("BRICS", ("金砖",), r"\bBRICS\b", r"\bБРИКС\b"),
    Entity("SCO", ("上合组织", "上海合作组织"), r"\bSCO\b|Shanghai Cooperation Organi[sz]ation",
           r"\bШОС\b|Шанхайск\w+\s+организаци\w+\s+сотрудничества"),
    Entity("EAEU", ("欧亚经济联盟",), r"\bEAEU\b|\bEAEC\b|Eurasian Economic Union",
           r"\bЕАЭС\b|Евразийск\w+\s+экономическ\w+\s+союз"),
    Entity("CIS", ("独联体", "独立国家联合体"), r"\bCIS\b|Commonwealth of Independent States",
           r"\bСНГ\b|Содружеств\w+\s+Независимых\s+Государств"),
    Entity("ASEAN", ("东盟", "东南亚国家联盟"), r"\bASEAN\b|Association of South-?[Ee]ast Asian Nations",
           r"\bАСЕАН\b|Ассоциаци\w+\s+государств\s+Юго-Восточной\s+Азии"),
    # 欧盟委员会 is often "the European Commission"
    Entity("EU", ("欧盟", "欧洲联盟"), r"\bEU\b|European (?:Union|Commission|Council|Parliament)",
           r"\bЕС\b|Евросоюз|Европейск\w+\s+(?:союз|комисси|совет|парламент)|Еврокомисси|Европарламент"),
    Entity("G20", ("二十国集团", "20国集团"), r"\bG-?20\b|Group of (?:Twenty|20)\b",
           r"\bG-?20\b|\bГ-?20\b|Групп\w\s+двадцати|[Бб]ольш\w+\s+двадцатк"),
    Entity("G7", ("七国集团", "7国集团"), r"\bG-?7\b|Group of (?:Seven|7)\b",
           r"\bG-?7\b|\bГ-?7\b|Групп\w\s+семи|[Бб]ольш\w+\s+сем[её]рк"),
    Entity("OSCE", ("欧安组织", "欧洲安全与合作组织"), r"\bOSCE\b|Organi[sz]ation for Security and Co-?operation in Europe",
           r"\bОБСЕ\b|Организаци\w+\s+по\s+безопасности\s+и\s+сотрудничеству\s+в\s+Европе"),
    Entity("CSTO", ("集安组织", "集体安全条约组织"), r"\bCSTO\b|Collective Security Treaty",
           r"\bОДКБ\b|Договора\s+о\s+коллективной\s+безопасности"),
    Entity("AIIB", ("亚投行", "亚洲基础设施投资银行"), r"\bAIIB\b|Asian Infrastructure Investment Bank",
           r"\bАБИИ\b|Азиатск\w+\s+банк\w*\s+инфраструктурных\s+инвестиций"),
    Entity("IMF", ("国际货币基金组织",), r"\bIMF\b|International Monetary Fund",
           r"\bМВФ\b|Международн\w+\s+валютн\w+\s+фонд"),
    Entity("World Bank", ("世界银行",), r"World Bank", r"Всемирн\w+\s+банк"),
    Entity("AUKUS", ("AUKUS", "美英澳三边安全伙伴关系"), r"\bAUKUS\b", r"\bAUKUS\b|\bОКУС\b"),
    Entity("Belt and Road", ("一带一路",), r"Belt and Road|\bBRI\b|One Belt,? One Road|\bOBOR\b", r"Пояс\w*\s+и\s+пут|[Оо]дн?\w*\s+пояс\w*,?\s+одн?\w*\s+пут"),
    # 新冠疫情 is as often "the pandemic"; beside 疫情, 抗疫, 疫苗 the translation naming COVID-19 adds nothing
    Entity("COVID-19", ("新冠", "新型冠状病毒"), r"COVID|[Cc]oronavirus|[Pp]andemic", r"COVID|[Кк]оронавирус|[Пп]андеми",
           zh_near=("疫", "大流行")),
    # 冬奥(会), 北京冬奥, 奥委会; "the Winter Games", "зимние Игры"; 冬残奥会 has neither 奥运 nor 冬奥
    Entity("Olympics", ("奥运", "冬奥", "奥林匹克", "奥委会"),
           r"Olympi|\bIOC\b|(?<!Paralympic )(?<!Asian )(?:Winter|Summer) Games",
           r"[Оо]лимпи|\bМОК\b|(?:[Зз]имн|[Лл]етн)\w+\s+Игр"),
    Entity("Paralympics", ("残奥",), r"Paralympi", r"[Пп]аралимпи"),
    # not 亚运 alone: 东亚运输; 东亚运动会 is the East Asian Games
    Entity("Asian Games", ("亚运会", "亚运村", "亚洲运动会", "亚冬会"), r"(?<!East )Asian (?:Winter )?Games|Asiad",
           r"Азиатск\w+\s+(?:зимн\w+\s+)?игр|Азиад"),
    Entity("Universiade", ("大运会", "世界大学生运动会"), r"Universiade|University Games", r"Универсиад"),
    Entity("Expo", ("世博会", "世界博览会"), r"\bExpo\b|\bEXPO\b|World Exhibition", r"\bЭКСПО\b|\bЭкспо\b|Всемирн\w+\s+выставк",
           zh_near=("博览会", "博会", "展览会")),
    # Leaders a diplomatic text names, checked from the Chinese side only (两国元首 may be spelled out as
    # "President Xi and President Putin"): a head of state swapped for another is the slip to catch.
    Entity("Xi Jinping", ("习近平",), r"\bXi\b|Jinping", r"\bСи\b|Цзиньпин", False, surname="习"),
    Entity("Putin", ("普京",), r"Putin", r"Путин", False),
    Entity("Hu Jintao", ("胡锦涛",), r"\bHu\b|Jintao", r"\bХу\b|Цзиньтао", False, surname="胡"),
    Entity("Medvedev", ("梅德韦杰夫",), r"Medvedev", r"Медведев", False),
    Entity("Li Keqiang", ("李克强",), r"Keqiang", r"Кэцян", False, surname="李", short=_SURNAME_ALONE["李"]),
    Entity("Li Qiang", ("李强",), r"Li Qiang", r"Ли\s+Цян", False, surname="李", short=_SURNAME_ALONE["李"]),
    Entity("Wang Yi", ("王毅",), r"Wang Yi\b", r"Ван\s+И\b", False, surname="王", short=_SURNAME_ALONE["王"]),
    Entity("Lavrov", ("拉夫罗夫",), r"Lavrov", r"Лавров", False),
    Entity("Mishustin", ("米舒斯京",), r"Mishustin", r"Мишустин", False),
    Entity("Biden", ("拜登",), r"Biden", r"Байден", False),
    Entity("Trump", ("特朗普",), r"Trump", r"Трамп", False),
    Entity("Guterres", ("古特雷斯",), r"Guterres", r"Гутерр[иеэ]ш", False),
    # heads of state and ministers of the neighbours and partners Chinese statements name most
    Entity("Tokayev", ("托卡耶夫",), r"Tokayev|Tokaev", r"Токаев", False),
    Entity("Nazarbayev", ("纳扎尔巴耶夫",), r"Nazarbayev|Nazarbaev", r"Назарбаев", False),
    Entity("Lukashenko", ("卢卡申科",), r"Lukashenk", r"Лукашенк", False),
    Entity("Mirziyoyev", ("米尔济约耶夫",), r"Mirziyoyev|Mirziyoev", r"Мирзи[её]ев", False),
    Entity("Rahmon", ("拉赫蒙",), r"Rahmon|Rakhmon", r"Рахмон", False),
    Entity("Japarov", ("扎帕罗夫",), r"Japarov|Zhaparov|Dzhaparov", r"Жапаров", False),
    Entity("Berdimuhamedov", ("别尔德穆哈梅多夫",), r"Berd[iy]m[uü]k?hamm?edov", r"Бердымухамедов", False),
    Entity("Aliyev", ("阿利耶夫",), r"Aliyev|Aliev", r"Алиев", False),
    Entity("Pashinyan", ("帕希尼扬",), r"Pashinyan", r"Пашинян", False),
    Entity("Erdogan", ("埃尔多安",), r"Erdo[gğ]an", r"Эрдоган", False),
    Entity("Modi", ("莫迪",), r"\bModi\b", r"\bМоди\b", False),
    Entity("Lula", ("卢拉",), r"\bLula\b", r"\bЛул[аыеуо]й?\b", False),
    Entity("Ramaphosa", ("拉马福萨",), r"Ramaphosa", r"Рамафос", False),
    Entity("Macron", ("马克龙",), r"Macron", r"Макрон", False),
    Entity("Scholz", ("朔尔茨",), r"Scholz", r"Шольц", False),
    Entity("Merkel", ("默克尔",), r"Merkel", r"Меркел", False),
    Entity("Obama", ("奥巴马",), r"Obama", r"Обам", False),
    Entity("Blinken", ("布林肯",), r"Blinken", r"Блинкен", False),
    Entity("Kishida", ("岸田文雄", "岸田"), r"Kishida", r"Кисид", False),
    Entity("Zelensky", ("泽连斯基",), r"Zelensk", r"Зеленск", False),
    Entity("Shoigu", ("绍伊古",), r"Shoigu", r"Шойгу", False),
    # the Russian officials a Chinese–Russian text quotes most: the Kremlin's and the foreign ministry's spokespeople,
    # the UN envoy, the presidential aide, the speakers of both chambers
    Entity("Peskov", ("佩斯科夫",), r"Peskov", r"Песков", False),
    Entity("Zakharova", ("扎哈罗娃",), r"Zakharova", r"Захаров", False),
    Entity("Nebenzya", ("涅边贾",), r"Nebenzia|Nebenzya", r"Небенз", False),
    Entity("Ushakov", ("乌沙科夫",), r"Ushakov", r"Ушаков", False),
    Entity("Belousov", ("别洛乌索夫",), r"Belousov", r"Белоусов", False),
    Entity("Volodin", ("沃洛金",), r"Volodin", r"Володин", False),
    Entity("Matviyenko", ("马特维延科",), r"Matviyenko|Matvienko", r"Матвиенко", False),
    # News agencies and papers, as a press conference names its questioners (法新社记者：… / "AFP: …"); from the Chinese
    # side only, and not Xinhua: an agency republishing a dispatch sets its own dateline («ПЕКИН, 5 марта. /ТАСС/.»)
    Entity("AFP", ("法新社",), r"\bAFP\b|Agence France", r"\bАФП\b|Франс[\s-]Пресс", False),
    Entity("Reuters", ("路透社", "路透"), r"Reuters", r"Рейтер", False),
    Entity("AP", ("美联社",), r"\bAP\b|Associated Press", r"Ассошиэйтед\s+Пресс|\bАП\b", False),
    Entity("Bloomberg", ("彭博",), r"Bloomberg", r"Блумберг|Bloomberg", False),
    Entity("TASS", ("塔斯社",), r"\bTASS\b|\bTass\b", r"\bТАСС\b", False),
    Entity("RIA Novosti", ("俄新社", "俄罗斯新闻社"), r"\bRIA\b", r"\bРИА\b", False),
    Entity("Sputnik", ("卫星通讯社",), r"Sputnik", r"Спутник", False),
    Entity("Kyodo", ("共同社",), r"Kyodo", r"Киодо", False),
    Entity("Yonhap", ("韩联社",), r"Yonhap", r"[ЁЕ]нхап", False),
    Entity("dpa", ("德新社",), r"\bdpa\b|\bDPA\b|Deutsche Presse", r"\bДПА\b|\bdpa\b", False),
    Entity("EFE", ("埃菲社",), r"\bEFE\b", r"\bЭФЕ\b|\bEFE\b", False),
    Entity("Al Jazeera", ("半岛电视台",), r"Al[\s-]Jazeera", r"Аль[\s-]Джазир", False),
    Entity("BBC", ("英国广播公司", "BBC"), r"\bBBC\b", r"Би-би-си|\bBBC\b", False),
    Entity("CNN", ("美国有线电视新闻网", "CNN"), r"\bCNN\b", r"\bCNN\b|Си-эн-эн", False),
    # 中方, 俄方, 美方 (the Chinese, Russian, U.S. side) are "China", "Moscow", "Washington" as often
    Entity("China", ("中国", "中华人民共和国", "中方"), r"China|Chinese|\bPRC\b", r"Кита|китайск|\bКНР\b|Поднебесн", False,
           zh_not=("发展中国",)),
    Entity("Russia", ("俄罗斯", "俄方"), r"Russia|Moscow", r"Росси|российск|\bРФ\b|Москв", False, zh_not=("白俄罗斯",)),
    Entity("United States", ("美国", "美方"), r"United States|\bU\.?S\.?A?\b|America|Washington",
           r"\bСША\b|Соедин[её]нн\w+\s+Штат|Америк|американ|Вашингтон", False, zh_not=("欧美国家",)),
    # the Russian adjective too: по пекинскому времени, Московский университет
    Entity("Beijing", ("北京",), r"Beijing|Peking|Chinese capital|China's capital|capital of China",
           r"[Пп]екин|китайск\w+\s+столиц|столиц\w+\s+(?:Китая|КНР)", False),
    Entity("Moscow", ("莫斯科",), r"Moscow", r"Москв|[Мм]осковск", False),
    *(Entity(p.label, p.zh, p.en, p.ru, False, p.zh_not) for p in COUNTRIES + CHINESE_AND_RUSSIAN_PLACES),
)

_LATIN_IN_ZH = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9\-]*[A-Za-z0-9](?![A-Za-z0-9])")
_NAME_WORD = {
    "en": re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:['’\-][A-Za-z][a-z]*)*(?![\w])"),
    "ru": re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-Яа-яЁё][а-яё]*)*(?![\w])"),
}
_PRONOUN = {
    "en": re.compile(r"\b(?:he|she|him|her|his|hers|himself|herself)\b", re.I),
    "ru": re.compile(r"(?<![\w])(?:он|она|его|её|ее|ему|ей|него|неё|нее|нему|ней|ним|нём|нем|свой|своя|своё|свое|"
                     r"своего|своей|своему|своим|своих|свои)(?![\w])", re.I),
}
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zа-яё][a-zа-яё]+")
MIN_AGREEMENT = 0.5  # a romanised name must match its Chinese in at least this share of its pairs


def _pair_texts(alignment: Alignment, bead: Bead) -> tuple[str, str]:
    return bead_text(alignment.source, bead.src), bead_text(alignment.target, bead.tgt)


def as_written(form: str, originals: list[str]) -> str:
    """`form` (found in the folded text) as the user's own text writes it: 聯合國 for 联合国, ＡＰＥＣ for APEC.

    Reasons quote the original, never our Simplified matching form; folding may drop spaces
    between Han characters, so windows a little longer than the form are tried too.
    """
    for text in originals:
        for width in range(len(form), len(form) + 4):
            for start in range(len(text) - width + 1):
                window = text[start:start + width]
                if not window[0].isspace() and not window[-1].isspace() and match_form(window) == form:
                    return window
    return form


_CAPITALS_WORD = re.compile(r"\b[^\W\d_]{2,}\b")


@lru_cache(maxsize=64)  # asked once for each known entity on the same pair
def _capitals_as_names(text: str) -> str:
    """The text with each word in capitals written as a name (a news dateline, BEIJING or ПЕКИН, as Beijing, Пекин),
    of the same length, so a match in it is a match at the same place in the text."""
    return _CAPITALS_WORD.sub(lambda m: m.group(0).capitalize() if m.group(0).isupper() else m.group(0), text)


def _entity_matches(pattern: str, text: str) -> list[str]:
    """The entity's words in a translation as written there, also where a dateline or title writes them in capitals
    (acronyms such as NATO match as they are)."""
    found = [m.group(0) for m in re.finditer(pattern, text)]
    titled = _capitals_as_names(text)
    if titled != text:
        found += [text[m.start():m.end()] for m in re.finditer(pattern, titled) if m.group(0) != text[m.start():m.end()]]
    return found


def _entity_on(entity: Entity, text: str, lang: str) -> bool:
    if lang == "zh":
        for word in entity.zh_not:
            text = text.replace(word, "")
        # Latin forms written into the Chinese (APEC); ASCII word boundaries, as 在APEC框架 has none in Unicode
        return any(form in text for form in entity.zh) or re.search(entity.en, text, re.ASCII) is not None
    if lang == "ru" and re.search(entity.en, text, re.ASCII):  # a name a Russian text keeps in Latin: Russia Today
        return True
    return bool(_entity_matches(entity.en if lang == "en" else entity.ru, text))


def _someone_else_of(surname: str, src: str) -> bool:
    """The Chinese names someone of this surname: the character stands alone, as a name's does (王文涛 reads as
    王 文 涛 to the dictionary), not inside a word (学习, 国王, 行李, 胡同)."""
    from aligner.align.lexicon import chinese_words  # the dictionary is read only when a name needs it

    return surname in src and surname in chinese_words(src)


# A finding: the reason part, and the words it quotes as written in the Chinese and in the translation.
Finding = tuple[str, list[str], list[str]]


def _entity_findings(src: str, tgt: str, lang: str, originals: list[str]) -> list[Finding]:
    """Known entities on one side only; words an earlier finding quoted are not reported again (安理会 as the UN)."""
    tgt_name, findings = LANG_NAMES.get(lang, lang), []
    quoted_src: set[str] = set()
    quoted_tgt: set[str] = set()
    for entity in ENTITIES:
        on_src = _entity_on(entity, src, "zh")
        if not (on_src or entity.both_ways or entity.surname):
            continue  # checked from the Chinese side only, and the Chinese does not name it
        on_tgt = _entity_on(entity, tgt, lang)
        if on_src and not on_tgt and entity.short and _entity_matches(entity.short[lang == "ru"], tgt):
            continue  # "Li said" for 李强说
        if on_src and not on_tgt:
            written = next((form for form in entity.zh if form in src), None)
            if written is None:  # a Latin form written into the Chinese (APEC)
                written = re.search(entity.en, src, re.ASCII).group(0)
            quoted = as_written(written, originals)
            if quoted not in quoted_src:
                quoted_src.add(quoted)
                findings.append((f"{entity.label} ({quoted}) only in the Chinese" if quoted != entity.label
                                 else f"{entity.label} only in the Chinese", [quoted], []))
        elif on_tgt and not on_src and (entity.both_ways and not any(form in src for form in entity.zh_near)
                                        or entity.surname and _someone_else_of(entity.surname, src)):
            words = _entity_matches(entity.en if lang == "en" else entity.ru, tgt)
            if not set(words) <= quoted_tgt:
                quoted_tgt.update(words)
                findings.append((f"{entity.label} only in the {tgt_name}", [], words))
    return findings


# An English gloss the Chinese gives in brackets after its own term or acronym: 一带一路（Belt and Road）, 人工智能（Artificial
# Intelligence）, APEC（Asia-Pacific Economic Cooperation）. The translation renders the term; the gloss's words are no names
# it must keep.
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff”」A-Z])\s*[（(]\s*[A-Za-z][A-Za-z'’\-]*(?:\s+[A-Za-z][A-Za-z'’\-]*)+\s*[)）]")


def _latin_findings(src: str, tgt: str, originals: list[str], lang: str = "en") -> list[Finding]:
    findings = []
    squashed = re.sub(r"[\s\-]", "", tgt).lower()
    src = _GLOSS.sub(lambda m: " " * len(m.group(0)), src)  # same length: tokens keep their places
    # Russian acronyms of no known entity (ВРЭП for RCEP): each may stand for one Latin acronym of about its length
    unclaimed = [a for a in russian_acronyms(tgt) if not any(re.fullmatch(e.ru, a) for e in ENTITIES)] if lang == "ru" else []
    for token in dict.fromkeys(m.group(0) for m in _LATIN_IN_ZH.finditer(src)):
        if sum(ch.isalpha() for ch in token) < 2 or re.sub(r"\-", "", token).lower() in squashed:
            continue
        if token.isupper() and token.isalpha() and (spelled_out(token, tgt) or lang == "ru" and russian_form(token, tgt)):
            continue  # GDP as "gross domestic product" or ВВП
        if token.isupper() and token.isalpha() and (same := next((a for a in unclaimed if abs(len(a) - len(token)) <= 1), None)):
            unclaimed.remove(same)
            continue  # RCEP as ВРЭП
        if any(token in e.zh or re.fullmatch(e.en, token) for e in ENTITIES):
            continue  # a known entity: checked by its own forms
        if lang == "ru" and in_cyrillic(token, tgt):
            continue  # Smith等 as «Смит и др.», mg/kg as «мг/кг»
        quoted = as_written(token, originals)
        findings.append((f"{quoted} only in the Chinese", [quoted], []))
    return findings


# ---------------------------------------------------------------- romanised personal names

@dataclass(frozen=True)
class RomanisedName:
    """A name as the translation writes it, its separate words, and the Chinese it stands for."""

    written: str
    words: tuple[str, ...]
    chinese: frozenset[str]


def _candidates(text: str, lang: str, lower: set[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Runs of capitalised words that could be a romanised Chinese name, and their long words alone."""
    pattern = _NAME_WORD.get(lang)
    if pattern is None:
        return []
    words = [m for m in pattern.finditer(text) if m.group(0).lower() not in lower]
    runs: list[list[re.Match]] = []
    for m in words:
        if runs and text[runs[-1][-1].end():m.start()] == " ":
            runs[-1].append(m)
        else:
            runs.append([m])
    out = []
    for run in runs:  # every stretch of up to three words: "President Xi Jinping" holds "Xi Jinping"
        tokens = tuple(m.group(0) for m in run)
        out += [(" ".join(tokens[a:b]), tokens[a:b]) for a in range(len(tokens))
                for b in range(a + 1, min(len(tokens), a + 3) + 1)]
    return out


def _readings(words: tuple[str, ...], lang: str) -> list[tuple]:
    readings: list[tuple] = [()]
    for word in words:
        options = syllables_of(word, lang)
        if not options:
            return []
        readings = [r + o for r in readings for o in options][:16]
    return [r for r in readings if len(r) >= 2]


def _lower_words(alignment: Alignment) -> set[str]:
    """Words the translation writes in lower case somewhere: never taken for (part of) a name."""
    return {m.group(0) for s in alignment.target.sentences for m in _LOWER_WORD.finditer(s.norm)}


def _kept_lower_words(alignment: Alignment, memo: ReviewMemo | None) -> set[str]:
    return remembered(memo, alignment, "lower words", None, lambda: _lower_words(alignment))


def _pair_names(alignment: Alignment, bead: Bead, lower: set[str]) -> list[tuple[str, tuple[str, ...], set[str]]]:
    """The romanised names a pair's translation may write (written, its words, the Chinese each reading finds)."""
    lang = alignment.target.lang
    src, tgt = _pair_texts(alignment, bead)
    found = []
    for written, words in dict.fromkeys(_candidates(tgt, lang, lower)):
        readings = _readings(words, lang)
        if readings:
            found.append((written, words, set().union(*(find_as_read(src, r) for r in readings))))
    return found


def _name_matches(alignment: Alignment, memo: ReviewMemo | None) -> dict[str, tuple[tuple[str, ...], list[set[str]]]]:
    """Each capitalised run of the translation that reads as pinyin or Palladius: its words, and per pair that
    writes it, the Chinese of that pair it matches (empty where none)."""
    lower = _kept_lower_words(alignment, memo)
    seen: dict[str, tuple[tuple[str, ...], list[set[str]]]] = {}
    for bead in alignment.beads:
        if not bead.src or not bead.tgt:
            continue
        for written, words, matches in remembered(memo, alignment, "names", bead_key(bead),
                                                  lambda b=bead: _pair_names(alignment, b, lower)):
            seen.setdefault(written, (words, []))[1].append(matches)
    return seen


def _names_agreeing(seen: dict[str, tuple[tuple[str, ...], list[set[str]]]], lang: str,
                    min_agreement: float) -> list[RomanisedName]:
    names: list[RomanisedName] = []
    for written, (words, pair_matches) in sorted(seen.items(), key=lambda item: -len(item[1][1])):  # commonest first
        hits = [m for m in pair_matches if m]
        if hits and len(hits) / len(pair_matches) >= min_agreement:
            _add_name(names, RomanisedName(written, words, frozenset().union(*hits)), lang)
    return names


def name_lexicon(alignment: Alignment, memo: ReviewMemo | None = None) -> list[RomanisedName]:
    """The document's romanised Chinese names, each with the Chinese it matches in its own pairs."""
    return _names_agreeing(_name_matches(alignment, memo), alignment.target.lang, MIN_AGREEMENT)


def _forms_of(name: RomanisedName, base: RomanisedName, lang: str) -> bool:
    """Each word of `name` is a case form of `base`'s word: Чжан Вэя of Чжан Вэй."""
    return len(name.words) == len(base.words) and all(_is_form(w, b, lang) for w, b in zip(name.words, base.words))


def _add_name(names: list[RomanisedName], name: RomanisedName, lang: str) -> None:
    """`name` added to the list, or, when it and a listed name are case forms of one name (Чжао Лицзяня and Чжао
    Лицзянь, Чжан Вэя and Чжан Вэй), merged into it, so that a changed name is not reported once per case
    form; the form the other is declined from is kept (Вэй, not Вэя)."""
    for k, listed in enumerate(names):
        if _forms_of(name, listed, lang) or _forms_of(listed, name, lang):
            base = name if _forms_of(listed, name, lang) and not _forms_of(name, listed, lang) else listed
            names[k] = replace(base, chinese=listed.chinese | name.chinese)
            return
    names.append(name)


def _stem(word: str, lang: str) -> str:
    """A Russian name without its case ending (Цзиньпина → Цзиньпин, Вэй → Вэ); other words as they are."""
    if lang == "ru":
        for ending in ("ом", "ем", "ым", "а", "я", "у", "ю", "е", "ы"):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                return word[: -len(ending)]
        if word[-1:] in ("й", "ь") and len(word) > 2:  # Вэй → Вэя, Вэю; Чэнь → Чэня
            return word[:-1]
    return word


# What may follow a name's stem in the same word: a case ending (Ли Мину, Чжан Вэя, Си Цзиньпином),
# a possessive or a demonym (Qiyao's, Beijingers); not another syllable (Liu is not Li).
_FORM_ENDING = {
    "en": re.compile(r"(?:['’]s?|s|ers?)?"),
    "ru": re.compile(r"(?:[аяуюеыийь]|ом|ем|ём|ым|ой|ей)?"),
}
_NEXT_WORD = re.compile(r" ([A-ZА-ЯЁ][\w'’-]*)")
_PREV_WORD = re.compile(r"(?<![\w'’-])([A-ZА-ЯЁ][\w'’-]*) $")


def _is_form(token: str, word: str, lang: str) -> bool:
    """`token` is `word` itself or one of its case forms."""
    stem = _stem(word, lang)
    return token.startswith(stem) and _FORM_ENDING.get(lang, _FORM_ENDING["en"]).fullmatch(token[len(stem):]) is not None


def _name_case(token: str) -> str:
    """A word in capitals (a title, KONG YIJI) as a name is written in running text: Kong."""
    return token.capitalize() if token.isupper() else token


def _other_name(token: str, word: str, lang: str, lower: set[str]) -> bool:
    """`token`, written next to part of a name where `word` belongs, reads as a different romanised word."""
    token = _name_case(token)
    return not _is_form(token, word, lang) and token.lower() not in lower and bool(syllables_of(token, lang))


def _contradicted(name: RomanisedName, i: int, text: str, start: int, end: int, lang: str, lower: set[str]) -> str:
    """The words written where part `i` of the name stands at text[start:end], if they make another name
    ("Li Hua" for Li Ming, "Zhao Wei" for Zhang Wei); "" if nothing around it says otherwise."""
    after = _NEXT_WORD.match(text, end)
    if i + 1 < len(name.words) and after and _other_name(after.group(1), name.words[i + 1], lang, lower):
        return text[start:after.end()]
    before = _PREV_WORD.search(text, 0, start)
    if i > 0 and before and _other_name(before.group(1), name.words[i - 1], lang, lower):
        return text[before.start():end]
    return ""


def _written(name: RomanisedName, text: str, lang: str, lower: set[str] = frozenset()) -> tuple[bool, str]:
    """Whether the name is in `text`, whole or in part, in any case form (Beijingers, Sha, Си Цзиньпином), in
    capitals too (KONG YIJI), and if not, the different name written in its place ("Li Hua" for Li Ming), else "".

    A part counts only where the words beside it do not make it someone else's name: "Mr Li",
    "Ming" and "Ли Мина" are Li Ming, "Li Hua" and "Zhao Ming" are not.
    """
    instead = ""
    for i, word in enumerate(name.words):
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(_stem(word, lang))}[\w'’]*", text, re.IGNORECASE):
            # in capitals as in the name's own case; not in lower case ("long" is not Long)
            if not _is_form(_name_case(m.group(0)), word, lang):
                continue
            other = _contradicted(name, i, text, m.start(), m.end(), lang, lower)
            if not other:
                return True, ""
            instead = instead or other
    return False, instead


def _name_findings(src: str, tgt: str, lang: str, names: list[RomanisedName], originals: list[str],
                   lower: set[str] = frozenset(), known: list[RomanisedName] = ()) -> list[Finding]:
    """Chinese names of the document's list that the pair's translation neither writes nor refers to.

    Only from the Chinese side: translators often write a name where the Chinese says 她, which
    is no loss. A translation that refers to someone by a pronoun (she, his, она, его) may mean
    the name, so such pairs are left alone — unless the translation names someone else of the
    list whom the Chinese does not mention there (陈清扬 in the Chinese, "Luo Xiaosi" in the
    English), or writes part of the name with another (Li Hua for 李明 (Li Ming)): a pronoun does
    not explain a different name. A name written in part (Sha for 沙瑞山) counts as written.

    `known`: the document's names however rarely they match their Chinese (any agreement at all). A name of theirs the
    translation writes counts as someone else's here too ("Qin-shi" where the Chinese has 板儿), and one of theirs
    in the Chinese is reported only when the translation writes another such name in its place.
    """
    present = [c for n in names for c in n.chinese if c in src]
    missing: list[tuple[RomanisedName, list[str]]] = []
    changed: list[tuple[RomanisedName, list[str], str]] = []
    for name in sorted(names, key=lambda n: -len(n.words)):
        here = [c for c in name.chinese if c in src]
        if not here or any(c != o and c in o for c in here for o in present):
            continue  # absent, or part of a longer name here (瑞山 in 沙瑞山)
        written, instead = _written(name, tgt, lang, lower)
        if instead:
            changed.append((name, here, instead))
        elif not written:
            missing.append((name, here))
    findings: list[Finding] = []
    for name, here, instead in changed:
        quoted = as_written(max(here, key=len), originals)
        findings.append((f"{quoted} ({name.written}) ≠ {instead}", [quoted], [instead]))
    listed = {n.written for n in names}
    rare = [n for n in known if n.written not in listed]
    everyone = [*names, *rare]
    in_zh = [c for n in everyone for c in n.chinese if c in src]
    rare_missing = [(n, here) for n in sorted(rare, key=lambda n: -len(n.words))
                    if (here := [c for c in n.chinese if c in src])
                    and not any(c != o and c in o for c in here for o in in_zh)
                    and _written(n, tgt, lang, lower) == (False, "")]
    if not missing and not rare_missing:
        return findings
    others = [n.written for n in everyone if not any(c in src for c in n.chinese)
              and re.search(rf"(?<![\w'’-]){re.escape(n.written)}(?!\w)", tgt)  # Qiyao's counts
              and not any(set(n.words) & set(m.words) for m, _ in missing + rare_missing)]
    others = [w for w in others if not any(w != o and w in o for o in others)]  # "Chen Qingyang", not "Qingyang"
    if others:
        missing += rare_missing  # a rare name is reported only with another name written in its place
    if not missing:
        return findings
    if _PRONOUN[lang].search(tgt) and not others:
        return findings
    tgt_name = LANG_NAMES.get(lang, lang)
    quoted = [as_written(max(here, key=len), originals) for _, here in missing]
    findings += [(f"{q} ({name.written}) only in the Chinese", [q], []) for q, (name, _) in zip(quoted, missing)]
    if others:
        reason, words, _ = findings[-1]
        findings[-1] = (reason + f", {', '.join(others)} only in the {tgt_name}", words, others)
    return findings


# Common Chinese surnames: a name changed in one syllable is looked for only where one of them opens it.
_SURNAMES = frozenset("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
                      "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤")


def _changed_unlisted(src: str, tgt: str, lang: str, names: list[RomanisedName], lower: set[str]) -> list[Finding]:
    """A name the document writes once, changed in one syllable: "Чжао Вэй" where the Chinese has 张伟 (Zhang Wei).

    The document's list needs a name in several pairs; this catches the contract's one signatory. Only a
    surname and a given name written as two or three words, reading as nothing in the pair's Chinese, set
    against a common surname that stands alone there (not inside a word: 行李) with its given name, all
    syllables alike but the surname or one of a two-syllable given name.
    """
    listed = {n.written for n in names}
    found: list[Finding] = []
    candidates = [(w, ws) for w, ws in dict.fromkeys(_candidates(tgt, lang, lower)) if len(ws) >= 2]
    readings = {w: _readings(ws, lang) for w, ws in candidates}
    if not any(readings.values()):
        return found
    rendered = {c for rs in readings.values() for r in rs for c in find_in_chinese(src, r)}
    starts = [i for i, ch in enumerate(src) if ch in _SURNAMES]
    if not starts:
        return found
    from aligner.align.lexicon import chinese_words  # the dictionary is read only when a name needs it

    alone = set(chinese_words(src))
    for written, words in candidates:
        if written in listed or not readings[written] or any(find_in_chinese(src, r) for r in readings[written]) \
                or any(re.search(e.en if lang == "en" else e.ru, written) for e in ENTITIES) \
                or any(written != w and written in w and readings[w] for w, _ in candidates):
            continue
        for i in starts:
            if src[i] not in alone:
                continue
            for reading in readings[written]:
                window = src[i:i + len(reading)]
                if len(window) < len(reading) or not all("\u4e00" <= ch <= "\u9fff" for ch in window) \
                        or any(window in c or c in window for c in rendered):
                    continue
                off = [t for t, (syllables, ch) in enumerate(zip(reading, window)) if not syllables & char_readings(ch)]
                # the surname changed, or one syllable of a two-syllable given name: a surname with any one
                # character after it is no name (大史站在那里 is Shi standing there, not Shi Qiang's name changed)
                if len(off) == 1 and (off[0] == 0 or len(reading) >= 3):
                    found.append((f"{window} ≠ {written}", [window], [written]))
                    break
            else:
                continue
            break
    return found


# How far (in pairs either way) the Chinese must not name someone for the translation naming them to be a stranger.
STRANGER_REACH = 10
# Last characters of Chinese place names: a city or mountain the translation names for context (the Shanghai
# boulevards for 街上) is no stranger.
_PLACE_ENDINGS = frozenset("市省县州京海江河湖山潭井村镇城岛港湾")


def _strangers(alignment: Alignment, k: int, known: list[RomanisedName], tgt: str) -> list[Finding]:
    """Names of the document the pair's translation writes whose Chinese is nowhere in the Chinese of this pair or
    the STRANGER_REACH pairs either side: "Jia Rong" where the chapter's Chinese has no 贾蓉 anywhere near.

    A translator writes a name for 他 or 她 only when that person is about: someone the surrounding Chinese never
    names is more likely written in another's place. Places (one word, Chinese ending in 市, 海, 州 …) and the
    known entities are left out: a translation adds a city for context.
    """
    lang = alignment.target.lang
    beads = alignment.beads
    written = [n for n in known if re.search(rf"(?<![\w'’-]){re.escape(n.written)}(?!\w)", tgt)]
    written = [n for n in written if not any(n.written != m.written and n.written in m.written for m in written)
               and not (len(n.words) == 1 and all(c[-1] in _PLACE_ENDINGS for c in n.chinese))
               and not any(re.search(e.en if lang == "en" else e.ru, n.written) for e in ENTITIES)]
    if not written:
        return []
    near = "".join(bead_text(alignment.source, b.src) for b in beads[max(0, k - STRANGER_REACH):k + STRANGER_REACH + 1])
    tgt_name = LANG_NAMES.get(lang, lang)
    return [(f"{n.written} only in the {tgt_name}: the Chinese does not name {'/'.join(sorted(n.chinese))} "
             f"within {STRANGER_REACH} pairs", [], [n.written])
            for n in written if not any(c in near for c in _chinese_forms(n, known))]


def _chinese_forms(name: RomanisedName, known: list[RomanisedName]) -> set[str]:
    """The Chinese a name may be written as: its own, and that of its given name alone, of two characters or more
    (单家扁郎 names Shan Bianlang by 扁郎)."""
    return set(name.chinese) | {c for m in known if set(m.words) < set(name.words) for c in m.chinese if len(c) >= 2}


PAIRS_PER_REPORT = 500  # name_flags reports its progress a block of pairs at a time


def name_flags(alignment: Alignment, romanised: bool = True, flag_from: int = 0, memo: ReviewMemo | None = None,
               checked=None) -> None:
    """Flag pairs (from index `flag_from` on; the names are learnt from all) where a name, acronym or Latin-script
    token is on one side only. `checked(pairs, of)` every PAIRS_PER_REPORT pairs: the longest check of a
    review (a novel's 13,000 pairs take most of its minute), reported a block at a time, not pair by pair."""
    lang = alignment.target.lang
    seen = _name_matches(alignment, memo) if romanised else {}  # once for both lists: every pair's names
    # known: every name matched to its Chinese in at least one pair, however often written where that Chinese is
    # absent: too loose to report a name missing, enough to tell one written in another's place (Qin-shi for 板儿)
    names, known = _names_agreeing(seen, lang, MIN_AGREEMENT), _names_agreeing(seen, lang, 0.0)
    lower = _kept_lower_words(alignment, memo) if romanised else set()
    beads = len(alignment.beads)
    for k, bead in enumerate(alignment.beads[flag_from:], flag_from):
        if checked is not None and k % PAIRS_PER_REPORT == 0:
            checked(k, beads)
        if not bead.src or not bead.tgt or any(f.kind == NAME for f in bead.flags):
            continue
        src, tgt = _pair_texts(alignment, bead)
        originals = [alignment.source.sentences[i].text for i in bead.src]
        named = _name_findings(src, tgt, lang, names, originals, lower, known)
        # a known name the document's own list already reports as written in another's place (王文涛 (Ван Вэньтао)
        # ≠ Ван И) is said once, by that finding, which names whom it replaced
        quoted = [w for _, _, words in named for w in words]
        entities = [f for f in _entity_findings(src, tgt, lang, originals)
                    if not (f[2] and all(any(w in q for q in quoted) for w in f[2]))]
        unlisted = [f for f in (_changed_unlisted(src, tgt, lang, names, lower) if romanised else [])
                    if not any(w in q for w in f[2] for q in quoted)]  # said already by the list's own finding
        strangers = [f for f in _strangers(alignment, k, known, tgt) if not any(w in q for w in f[2] for q in quoted)]
        findings = _latin_findings(src, tgt, originals, lang) + entities + named + unlisted + strangers
        if findings:
            marks = (word_marks(alignment.source, bead.src, [w for _, words, _ in findings for w in words], "src")
                     + word_marks(alignment.target, bead.tgt, [w for _, _, words in findings for w in words], "tgt"))
            bead.flags.append(Flag(NAME, "; ".join(reason for reason, _, _ in findings), marks))
