"""Countries and actors named in Russian and Belarusian, normalised to their English names."""

from __future__ import annotations

import re

# English country name: regex of Russian and Belarusian stems of the name and its adjective.
_COUNTRY_STEMS: dict[str, str] = {
    "Belarus": r"минск\w*|мінск\w*|"
    r"беларус(?:ь|и|ью|і|сю|ск\w*|кая|кі\w*)|белорусси\w*|белорусск\w*|рб",
    "Russia": r"москв(?:а|ы|у|е|ой)|масквы|маскве|"
    r"росси(?:я|и|ю|ей)|российск\w*|расі(?:я|і|ю|яй)|расійск\w*|рф",
    "Ukraine": r"киев\w*|кие[вў]|кіе[ўв]\w*|"
    r"украин(?:а|ы|у|е|ой)|украинск\w*|украін(?:а|ы|у|е|ай)|украінск\w*",
    "Lithuania": r"вильнюс\w*|вільн(?:я|і|ю)|вільнюс\w*|"
    r"литв(?:а|ы|у|е|ой)|литовск\w*|літв(?:а|ы|у|е|ой)|літоўск\w*",
    "Poland": r"варшав\w*|польш(?:а|и|у|е|ей)|польск\w*|польшч(?:а|ы|у|ай)",
    "Latvia": r"латви(?:я|и|ю|ей)|латвийск\w*|латві(?:я|і|ю|яй)|латвійск\w*",
    "Germany": r"германи(?:я|и|ю|ей)|немецк\w*|германск\w*|германі(?:я|і|ю|яй)|"
    r"нямеччын\w*|нямецк\w*",
    "United States": r"сша|зша|америк(?:а|и|у|е|ой)|американск\w*|амерык(?:а|і|у|е)|амерыканск\w*",
    "France": r"франци(?:я|и|ю|ей)|французск\w*|францы(?:я|і|ю|яй)|французск\w*",
    "United Kingdom": r"великобритани\w*|британск\w*|вялікабрытані\w*|брытанск\w*",
    "Georgia": r"грузи(?:я|и|ю|ей)|грузинск\w*|грузі(?:я|і|ю|яй)|грузінск\w*",
    "Azerbaijan": r"азербайджан\w*",
    "Kazakhstan": r"казахстан\w*",
    "Turkey": r"турци(?:я|и|ю|ей)|турецк\w*|турцы(?:я|і|ю|яй)|турэцк\w*",
    "Moldova": r"молдов\w*|малдов\w*",
    "Estonia": r"эстони\w*|эстонск\w*",
    "Armenia": r"армени(?:я|и|ю|ей)|армянск\w*|арменіі|армянск\w*",
    "Austria": r"австри(?:я|и|ю|ей)|австрийск\w*|аўстры(?:я|і|ю|яй)|аўстрыйск\w*",
    "Australia": r"австрали\w*|аўстралі\w*",
    "Switzerland": r"швейцари\w*|швейцар\w*|швейцары\w*",
    "Israel": r"израил\w*|ізраіл\w*",
    "Japan": r"япони\w*|японск\w*|японі\w*",
    "China": r"кита(?:й|я|е|ю)|китайск\w*|кітай\w*|кітайск\w*",
}
_COMPILED = {country: re.compile(rf"(?:{stems})") for country, stems in _COUNTRY_STEMS.items()}
# Leaders and bodies that act in these texts, in any case form, and their English names.
ACTORS: tuple[tuple[str, str], ...] = (
    (r"лукашенк\w*|лукашэнк\w*", "Alexander Lukashenko"),
    (r"путин\w*|пуцін\w*", "Vladimir Putin"),
    (r"трамп\w*", "Donald Trump"),
    (r"зеленск\w*|зяленск\w*", "Volodymyr Zelensky"),
    (r"байден\w*", "Joe Biden"),
    (r"алиев\w*|аліеў\w*|аліев\w*", "Ilham Aliyev"),
    (r"токаев\w*|такаеў\w*", "Kassym-Jomart Tokayev"),
)
_ACTORS = [(re.compile(p), name) for p, name in ACTORS]
# State bodies that act for their country: "власти Беларуси", "белорусские власти" -> Belarus.
# Courts are left out: the gold names a court by itself, never as its country.
AUTHORITIES = re.compile(
    r"власт(?:и|ей|ям|ями)|улад(?:ы|аў|ам|амі)|режим\w*|рэжым\w*|силовик\w*|сілавік\w*|"
    r"кгб|мвд|мус|фсб|минфин\w*|мінфін\w*|госдеп\w*|дзяржд[эе]п\w*|"
    r"правительств\w*|урад(?:а|у|ам)?|администраци\w*|адміністрацы\w*|"
    r"пограничник\w*|памежнік\w*|минюст\w*|мінюст\w*|мид|мзс"
)


def country(word: str) -> str | None:
    """Return the English country that a Russian or Belarusian word names or describes."""
    low = word.lower().replace("ё", "е")
    for name, pattern in _COMPILED.items():
        if pattern.fullmatch(low):
            return name
    return None


def actor(word: str) -> str | None:
    """Return the English name of a leader that ``word`` (any case form) names, or None."""
    low = word.lower()
    for pattern, name in _ACTORS:
        if pattern.fullmatch(low):
            return name
    return None


def authority(words: list[str], i: int) -> str | None:
    """Return the country whose state body ``words[i]`` is, when a country word is beside it."""
    if not AUTHORITIES.fullmatch(words[i].lower().replace("ё", "е")):
        return None
    for k in (i + 1, i - 1, i + 2, i - 2):
        if 0 <= k < len(words):
            found = country(words[k])
            if found:
                return found
    return None
