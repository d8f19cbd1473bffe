"""The one language decision of the package: letters and common words tell en, ru, be, uk apart."""

from __future__ import annotations

import re

from prisonwatch.tunables import tunable

# Languages the extractor reads; any other detected language is stored and marked "not read".
READ_LANGUAGES = frozenset({"en", "ru", "be"})

_WORD = re.compile(r"[^\W\d_]+")
# The commonest short words of each language this project meets in the news.
_STOPWORDS = {
    "en": "the of and to in a is that for on was with as by said has it from at were",
    "ru": "и в не на что с по как из за от для это его был была было они также",
    "be": "і ў не на што з па як за ад для гэта яго быў была яны таксама",
    "uk": "і в не на що з по як за від для це його був була вони також",
    "pl": "i w nie na że z się do jest to od za jak po przez dla został",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht",
    "fr": "le la les de et des en un une du est que pour dans sur par",
    "es": "el la de que y en los del las por un una con para es se",
    "lt": "ir kad su į iš buvo yra per apie nuo jo bet tai",
    # Belarusian in the Latin alphabet (Łacinka), reported as "be".
    "be-latn": "i ŭ nie na što z pa jak za ad dla heta jaho byŭ byla jany taksama",
}
_WORDS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Letters each Cyrillic language never writes: one such letter is weak evidence, many are decisive.
_FOREIGN_LETTERS = {
    "ru": set("іўїєґ"),
    "be": set("ищъїєґ"),
    "uk": set("ыэъёў"),
}
# Łacinka writes ŭ, and č/š/ž beside ł; Polish has ł but not č/š/ž/ŭ, Czech and Lithuanian no ł.
_LACINKA_ONLY = re.compile(r"[ŭŬ]")
_LACINKA_HACEK = re.compile(r"[čšžČŠŽ]")
_LACINKA_L = re.compile(r"[łŁ]")
# Letters other Latin alphabets with č/š/ž or ŭ write and Łacinka never does.
_OTHER_DIACRITICS = re.compile(r"[áéíýěřůäôľŕėįųūđĉĝĥĵŝ]", re.IGNORECASE)
# Croatian, Serbian and Slovene words that share č/š/ž/ć with Łacinka but never stand in it.
_SOUTH_SLAVIC = frozenset({"je", "se", "su", "ili", "kao", "bio", "bila", "nije", "sa", "ali"})
# Belarusian syllables that Łacinka spells with i and dz: "miažy", "viasna", "dzień".
_LACINKA_SYLLABLES = re.compile(r"[bcdfhklmnprstvz]i[aeuo]|dz")
_POLISH_ONLY = re.compile(r"[ąęóĄĘÓ]|rz|sz|cz|w", re.IGNORECASE)


def is_lacinka(text: str) -> bool:
    """Return True when Latin-script ``text`` reads as Belarusian Łacinka."""
    sample = text[:5000]
    if re.search(r"[ąęóĄĘÓ]", sample):
        return False  # Polish letters Łacinka never writes
    breve = len(_LACINKA_ONLY.findall(sample))
    hacek, ell = len(_LACINKA_HACEK.findall(sample)), len(_LACINKA_L.findall(sample))
    acute = len(re.findall(r"[ćśźńĆŚŹŃ]", sample))
    if breve >= 2 or (breve and (ell or hacek or acute)):
        return True
    vocabulary = {w.casefold() for w in _WORD.findall(sample)}
    if _OTHER_DIACRITICS.search(sample) or vocabulary & _SOUTH_SLAVIC:
        return False  # Czech, Slovak, Lithuanian, Esperanto, Croatian or Serbian
    if breve:
        return True  # one ŭ and nothing another Latin alphabet writes: "Sud asudziŭ ..."
    if hacek and _LACINKA_SYLLABLES.search(sample.casefold()) and not vocabulary & _WORDS["en"]:
        return True  # "zatrymany na miažy": č/š/ž with a Belarusian ia/ie/iu/dz
    if not (hacek and ell):
        return False
    words = [w.casefold() for w in _WORD.findall(sample)]
    belarusian = sum(w in _WORDS["be-latn"] for w in words)
    polish = sum(w in _WORDS["pl"] for w in words) + len(_POLISH_ONLY.findall(sample)) / 5
    return belarusian >= polish


def _cyrillic_language(sample: str, words: list[str]) -> str:
    letters = [c for c in sample.casefold() if "\u0400" <= c <= "\u04ff"]
    total = max(len(letters), 1)
    foreign = {
        lang: sum(c in banned for c in letters) / total for lang, banned in _FOREIGN_LETTERS.items()
    }
    common = {lang: sum(w in _WORDS[lang] for w in words) for lang in ("ru", "be", "uk")}
    # Fewest letters the language cannot write wins; common words break ties on tiny excerpts.
    return min(("ru", "be", "uk"), key=lambda lang: (round(foreign[lang], 3), -common[lang]))


def detect_language(text: str) -> str | None:
    """Return an ISO 639-1 code for ``text`` (Łacinka as 'be'), or None when too little tells."""
    sample = text[:5000]
    words = [w.casefold() for w in _WORD.findall(sample)]
    if len(words) < 3:
        return None
    cyrillic = len(_CYRILLIC.findall(sample))
    letters = sum(len(w) for w in words)
    if cyrillic > letters / 2:
        return _cyrillic_language(sample, words)
    if is_lacinka(sample):
        return "be"
    candidates = ("en", "pl", "de", "fr", "es", "lt")
    scores = {lang: sum(w in _WORDS[lang] for w in words) for lang in candidates}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] else None


def language_of(text: str, declared: str | None = None) -> str | None:
    """Return the language the extractor should read ``text`` as, trusting letters over labels.

    Cyrillic and Łacinka texts get their detected language whatever was declared; other
    Latin-script texts keep a declared non-English language, else count as English.
    """
    sample = text[:20000]
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    if cyr + lat == 0:
        return declared
    if cyr / (cyr + lat) > tunable("extract.cyrillic_share"):
        words = [w.casefold() for w in _WORD.findall(sample[:5000])]
        return _cyrillic_language(sample[:5000], words)
    if is_lacinka(sample):
        return "be"
    if declared and declared not in ("en", "ru", "be", "uk"):
        return declared
    detected = detect_language(sample)
    if detected and detected != "en" and len(_WORD.findall(sample)) >= 20:
        return detected
    return "en"
