"""Belarusian and Russian Cyrillic into Latin under the systems the press and registries use."""

from __future__ import annotations

from collections.abc import Callable

from prisonwatch.names.lang import cyrillic_language

VOWELS = set("аеёіиоуыэюя")
_SOFTENERS = set("еёіиюяь")
_COMMON = {
    "а": "a", "б": "b", "в": "v", "д": "d", "ж": "zh", "з": "z", "і": "i", "и": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ы": "y", "э": "e",
    "ґ": "g", "ў": "u", "ь": "", "ъ": "", "'": "", "є": "ie", "ї": "i",
}  # fmt: skip

Rule = Callable[[str, int], str]


def _after_vowel_or_start(word: str, i: int) -> bool:
    return i == 0 or word[i - 1] in VOWELS or word[i - 1] in "ьъ'ўй"


def _iotated(start: str, soft: str) -> Rule:
    """Spell a vowel one way at the start or after a vowel, another after a consonant."""
    return lambda w, i: start if _after_vowel_or_start(w, i) else soft


def _system(table: dict[str, str], rules: dict[str, Rule] | None = None) -> Callable[[str], str]:
    rules = rules or {}

    def run(word: str) -> str:
        out: list[str] = []
        for i, char in enumerate(word):
            rule = rules.get(char)
            out.append(rule(word, i) if rule else table.get(char, char))
        return "".join(out)

    return run


def _g(lang: str | None) -> str:
    return "g" if lang in ("ru", "uk") and lang != "be" else "h"


def passport_by(word: str) -> str:
    """Belarusian passport table, ICAO 9303 letters with Г as H."""
    table = _COMMON | {"г": "h", "е": "e", "ё": "io", "й": "i", "ю": "iu", "я": "ia", "ъ": "ie"}
    return _system(table)(word)


def icao_9303(word: str) -> str:
    """ICAO 9303 (machine-readable passports, Russian passports since 2013)."""
    table = _COMMON | {"г": "g", "е": "e", "ё": "e", "й": "i", "ю": "iu", "я": "ia", "ъ": "ie"}
    return _system(table)(word)


def bgn_pcgn_by(word: str) -> str:
    """BGN/PCGN 1979 for Belarusian."""
    table = _COMMON | {"г": "h", "е": "ye", "ё": "yo", "й": "y", "ю": "yu", "я": "ya"}
    table |= {"ў": "w", "ь": "ʹ", "'": "ʺ"}
    return _system(table)(word)


def bgn_pcgn_ru(word: str) -> str:
    """BGN/PCGN 1947 for Russian."""
    table = _COMMON | {"г": "g", "й": "y", "ю": "yu", "я": "ya", "ь": "ʹ", "ъ": "ʺ", "ў": "w"}
    rules = {"е": _iotated("ye", "e"), "ё": _iotated("yë", "ë")}
    return _system(table, rules)(word)


def _soft_pair(hard: str, soft: str) -> Rule:
    """Spell a consonant one way before a soft sign, another elsewhere."""
    return lambda w, i: soft if w[i + 1 : i + 2] == "ь" else hard


_2007_SOFT = {"з": "ź", "л": "ĺ", "н": "ń", "с": "ś", "ц": "ć"}


def national_2007(word: str) -> str:
    """The 2007 Belarusian national system (Instruction on geographical names)."""
    table = _COMMON | {"г": "h", "й": "j", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "ж": "ž"}
    table |= {"ў": "ŭ", "щ": "šč"}
    rules: dict[str, Rule] = {
        "е": _iotated("je", "ie"),
        "ё": _iotated("jo", "io"),
        "ю": _iotated("ju", "iu"),
        "я": _iotated("ja", "ia"),
    }
    for hard, soft in _2007_SOFT.items():
        rules[hard] = _soft_pair(table[hard], soft)
    return _system(table, rules)(word)


def iso_9(word: str) -> str:
    """ISO 9:1995, one Latin letter per Cyrillic letter."""
    table = {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g̀", "д": "d", "е": "e", "ё": "ë", "ж": "ž",
        "з": "z", "и": "i", "і": "ì", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "ǔ", "ф": "f", "х": "h", "ц": "c",
        "ч": "č", "ш": "š", "щ": "ŝ", "ъ": "ʺ", "ы": "y", "ь": "ʹ", "э": "è", "ю": "û", "я": "â",
        "є": "ê", "ї": "ï", "'": "’",
    }  # fmt: skip
    return _system(table)(word)


def press_ru(word: str) -> str:
    """Russian names as the English-language press writes them (Tikhanovsky, Sergei, Maria)."""
    if word.endswith(("ий", "ый")):
        word = word[:-2] + "y"
    elif word.endswith("ия"):
        word = word[:-2] + "ia"
    table = _COMMON | {"г": "g", "й": "i", "ю": "yu", "я": "ya"}
    rules = {"е": _iotated("ye", "e"), "ё": _iotated("yo", "yo")}
    return _system(table, rules)(word)


def _polish_rules(lang: str | None) -> dict[str, Rule]:
    def vowel(start: str, soft: str, after_l: str) -> Rule:
        def rule(w: str, i: int) -> str:
            if _after_vowel_or_start(w, i):
                return start
            # Polish writes no softening i after l and after the always-hard hushing consonants.
            return after_l if w[i - 1] in "лжшчщ" else soft

        return rule

    return {
        "е": vowel("je", "ie", "e"),
        "ё": vowel("jo", "io", "o"),
        "ю": vowel("ju", "iu", "u"),
        "я": vowel("ja", "ia", "a"),
        "л": lambda w, i: "l" if w[i + 1 : i + 2] in _SOFTENERS else "ł",
        "н": _soft_pair("n", "ń"),
        "с": _soft_pair("s", "ś"),
        "з": _soft_pair("z", "ź"),
        "ц": _soft_pair("c", "ć"),
        "и": lambda w, i: "y" if i and w[i - 1] in "жшцчр" else "i",
    }


def polish(word: str) -> str:
    """Polish spelling of a Belarusian or Russian name (Łukaszenka, Cichanouska, Siarhiej)."""
    lang = cyrillic_language(word)
    for ending, pl in (("ская", "ska"), ("цкая", "cka"), ("скі", "ski"), ("ский", "ski")):
        if word.endswith(ending):
            return polish(word[: -len(ending)]) + pl
    table = _COMMON | {"г": _g(lang), "в": "w", "ж": "ż", "й": "j", "х": "ch", "ч": "cz"}
    table |= {"ш": "sz", "щ": "szcz", "ў": "u"}
    return _system(table, _polish_rules(lang))(word)


def german(word: str) -> str:
    """German (Duden) spelling of a Belarusian or Russian name (Kolesnikowa, Zichanouskaja)."""
    lang = cyrillic_language(word)
    table = _COMMON | {"г": _g(lang), "в": "w", "ж": "sch", "з": "s", "й": "j", "х": "ch"}
    table |= {"ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja", "ё": "jo"}
    rules: dict[str, Rule] = {
        "е": _iotated("je", "e"),
        "й": lambda w, i: "" if i and w[i - 1] in "иы" else "j",
        "ё": lambda w, i: "o" if i and w[i - 1] in "жшчщ" else "jo",
    }
    return _system(table, rules)(word.replace("кс", "x"))


SYSTEMS: dict[str, Callable[[str], str]] = {
    "passport_by": passport_by,
    "icao_9303": icao_9303,
    "bgn_pcgn_by": bgn_pcgn_by,
    "bgn_pcgn_ru": bgn_pcgn_ru,
    "national_2007": national_2007,
    "iso_9": iso_9,
    "press_ru": press_ru,
    "polish": polish,
    "german": german,
}


def _recase(original: str, latin: str) -> str:
    if original.isupper() and len(original) > 1:
        return latin.upper()
    if original[:1].isupper():
        return latin[:1].upper() + latin[1:]
    return latin


def transliterations(cyrillic_token: str) -> dict[str, str]:
    """Return the Latin spelling of one Cyrillic token under every supported system."""
    word = cyrillic_token.casefold().replace("’", "'").replace("ʼ", "'")
    return {name: _recase(cyrillic_token, system(word)) for name, system in SYSTEMS.items()}
