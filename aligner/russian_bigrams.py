"""Which letter pairs Russian words are made of: a test that a very short Cyrillic reading of a file's bytes is
Russian, where letter frequencies alone cannot tell it from Chinese (the two letters of «Да» in Windows-1251 are
the common character 泥 in GBK) or from another Cyrillic code page («эпоху» in Windows-1251 is «ЩОНУС» in KOI8-R).

The pairs are those seen at least twice in the project's Russian texts (texts/, tests/data/formal/: 40 KB of
statements, a contract, a report, a speech), with `_` for a word's start or end: about 99% of the pairs in Russian
prose, and fewer than half of the 1,100 pairs possible, which random letters fall into.
"""
from __future__ import annotations

import re

COMMON_BIGRAMS = frozenset("""
_а _б _в _г _д _е _ж _з _и _к _л _м _н _о _п _р _с _т _у _ф _х _ц _ч _ш _э _ю _я а_ аб ав аг ад ае аж аз аи ай
ак ал ам ан ао ап ар ас ат ау ах ац ач аш ащ аю ая б_ ба бе би бл бм бн бо бр бс бу бщ бъ бы бя в_ ва вв вд ве
вз ви вк вл вм вн во вп вр вс вт ву вш вы вэ вя г_ га ге ги гл гн го гр д_ да дв дд де ди дк дл дн до дп др дс
дт ду дц ды дя е_ еа еб ев ег ед ее еж ез еи ей ек ел ем ен ео еп ер ес ет еу ех ец еч еш ещ ея жа жд же жи жк
жн жс з_ за зб зв зд зе зи зк зл зм зн зо зр зу зы зь зю зя и_ иа иб ив иг ид ие иж из ии ий ик ил им ин ио ип
ир ис ит иф их иц ич ищ ию ия й_ йд йк йн йо йс йт йч йш к_ ка ке кж ки кл кн ко кр кс кт ку кц л_ ла ле лж ли
лл лн ло лр лу ль лю ля м_ ма ме ми мк мл мм мн мо мп мс му мы мь н_ на нв нд не ни нк нн но нр нс нт ну нф нх
нц ны нь ню ня о_ об ов ог од ое ож оз ои ой ок ол ом он оо оп ор ос от оф ох оц оч ош ощ оэ ою оя п_ па пе пи
пл пн по пп пр пу пы пя р_ ра рв рг рд ре рж ри рк рл рм рн ро рс рт ру рц ры рь ря с_ са сб св се си ск сл сн
со сп ср сс ст су сф сх сч сш сы сь ся т_ та тв тд те ти тк тм тн то тр тс ту ты ть тя у_ уа уб ув уг уд уе уж
уз ук ул ум ун уп ур ус ут ух уч уш ущ ую фа фе фи фо фр фф х_ ха хв хн хо хр хс ху ц_ ца це цз ци ча че чи чк
чн чо чт ша ше ши шн шу ща ще щи щр ъе ы_ ыв ыд ые ый ыл ым ып ыр ыс ыт ых ыш ь_ ьб ье ьз ьк ьн ьп ьс ьт ьш ью
ья эк эл эн эп эт эф ю_ юа юб юз ют юч ющ юэ я_ яб яв яд яе яз яй ял ям ян яр яс ят ях яч ящ яю
""".split())

_CYRILLIC_WORD_RE = re.compile("[\u0400-\u04ff]+")
_WORD_RE = re.compile(r"[^\W\d_]+")


def common_bigram_share(text: str) -> float | None:
    """Share of the letter pairs in `text`'s Cyrillic words (their start and end included) that Russian words
    commonly have; None when it has no word written in Cyrillic alone."""
    pairs = common = 0
    for word in _WORD_RE.findall(text):
        if not _CYRILLIC_WORD_RE.fullmatch(word):
            continue
        padded = "_" + word.lower().replace("ё", "е") + "_"
        for k in range(len(padded) - 1):
            pairs += 1
            common += padded[k:k + 2] in COMMON_BIGRAMS
    return None if pairs == 0 else common / pairs
