"""Person names in Russian and Belarusian text, reduced to the nominative with their gender kept."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from prisonwatch.extract.slavic import belarusian, places
from prisonwatch.extract.slavic.tokens import Token

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Capitalised words that open a sentence or stand in a title but never start a name.
_NOT_NAMES = frozenset(
    [
        "суд",
        "президент",
        "премьер",
        "глава",
        "министр",
        "власти",
        "лидер",
        "прэзідэнт",
        "кіраўнік",
        "улады",
        "лідар",
        "как",
        "по",
        "на",
        "в",
        "во",
        "у",
        "ў",
        "с",
        "со",
        "за",
        "из",
        "от",
        "для",
        "это",
        "что",
        "но",
        "и",
        "а",
        "же",
        "еще",
        "ещё",
        "также",
        "тоже",
        "пасля",
        "после",
        "сегодня",
        "вчера",
        "учора",
        "сёння",
        "ранее",
        "раней",
        "позже",
        "среди",
        "сярод",
    ]
)


# Function words that open sentences in both languages and that pymorphy may guess as names.
_FUNCTION_WORDS = (
    "але аднак таму калі цяпер яшчэ таксама там тут дзе хто што як але ды ці бо "
    "но однако потом теперь затем кроме при под над без где кто когда пока если хотя "
    "тем этот эта это эти тот та те наш наша наши ваш"
)
_STOP = frozenset(_FUNCTION_WORDS.split())
# Titles and roles that open a sentence before a name ("Пасланнік Іван Пятроў"): never a name.
_ROLE_STEMS = (
    "посланн", "пасланн", "судд", "судь", "прокур", "пракур", "адвока", "адвака", "министр",
    "мініст", "депутат", "дэпутат", "президент", "прэзідэнт", "спецпредстав", "прадстаўн",
    "представ", "журналист", "журналіст", "активист", "актывіст", "палітвяз", "политзаключ",
    "лидер", "лідар", "правозащит", "праваабарон", "оппозиционер", "апазіцыянер",
)  # fmt: skip
_PATRONYMIC = ("вич", "вна", "віч", "ўна", "чна", "ична")


@dataclass(frozen=True)
class Name:
    """A person's name as written, its nominative, gender and token span."""

    written: str
    nominative: str
    gender: str | None  # masc, femn or None when nothing tells
    start: int  # character span of the name as written
    end: int
    full: bool  # True for a given name with a surname, False for one word

    @property
    def key(self) -> str:
        """Return a key that the name's other case forms share (its last word's first letters)."""
        return self.nominative.split()[-1].lower().replace("ё", "е")[:4]


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=20000)
def _parses(word: str) -> tuple[Any, ...]:
    return tuple(_morph().parse(word)[:4])


def _given_parses(word: str, lang: str) -> list[Any]:
    form = belarusian.russified(word) if lang == "be" else word
    # A plural nominative ('Супрацоўнікі', staff) is a group, never one person's given name.
    return [
        p
        for p in _parses(form)
        if "Name" in p.tag and p.score >= 0.05 and not {"plur", "nomn"} <= set(p.tag.grammemes)
    ]


def _given(word: str, lang: str) -> Any | None:
    """Return the pymorphy parse of ``word`` as a given name, or None."""
    parses = _given_parses(word, lang)
    return parses[0] if parses else None


def nominal_score(word: str, lang: str) -> float:
    """Return how strongly ``word`` reads as a given name in the nominative (0 when not)."""
    declared = belarusian.given_name(word) if lang == "be" else None
    if declared is not None:
        return 1.0 if declared[2] else 0.0
    return max((p.score for p in _given_parses(word, lang) if p.tag.case == "nomn"), default=0.0)


def is_given_name(word: str, lang: str) -> bool:
    """Return True when ``word`` reads as a given name in some case form."""
    if not word[:1].isupper() or word.lower() in _NOT_NAMES:
        return False
    if lang == "be":
        if belarusian.given_name(word) is not None:
            return True
        if belarusian.common_noun_shaped(word):
            return False  # 'Вызваленне' (release): a guessed name, never one
        top = _parses(belarusian.russified(word))
        if top and {"plur", "nomn"} <= set(top[0].tag.grammemes):
            return False  # a plural noun ('Супрацоўнікі', staff), not one person
    return _given(word, lang) is not None


def _surname_parse(word: str, case: str | None, gender: str | None) -> Any | None:
    for p in _parses(word):
        if p.tag.POS != "NOUN" and "Surn" not in p.tag:
            continue
        if case and p.tag.case != case:
            continue
        if gender and p.tag.gender is not None and str(p.tag.gender) != gender:
            continue
        return p
    return None


def _cap(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def _inflect(parse: Any, gender: str | None) -> str | None:
    grammemes = {"nomn", "sing"} | ({gender} if gender in ("masc", "femn") else set())
    for wanted in (grammemes, {"nomn", "sing"}, {"nomn"}):
        try:
            form = parse.inflect(wanted)
        except ValueError:
            form = None
        if form is not None:
            return str(form.word)
    return None


def nominative_ru(words: list[str]) -> tuple[str, str | None]:
    """Return a Russian name in the nominative, and its gender ('Марии Колесниковой')."""
    given = _given(words[0], "ru") if len(words) > 1 else None
    gender = given.tag.gender if given is not None else None
    case = given.tag.case if given is not None else None
    if given is not None and "Fixd" in given.tag:
        # An indeclinable given name ('Рико') says nothing of case: the surname does.
        surname = _surname_parse(words[-1], None, gender)
        case = surname.tag.case if surname is not None else case
    if case == "nomn":
        return " ".join(words), gender
    out: list[str] = []
    for i, word in enumerate(words):
        parse = given if (i == 0 and given is not None) else _surname_parse(word, case, gender)
        if parse is None and i > 0:
            # The given name's case was a guess (gent/accs look alike): let the surname say.
            parse = _surname_parse(word, None, gender)
        if parse is None or "Fixd" in parse.tag:
            out.append(word)
            continue
        if i == 0 and gender is None and parse.tag.gender in ("masc", "femn"):
            gender = parse.tag.gender
        form = _inflect(parse, gender)
        if form is None and (gender == "masc" or "Surn" not in parse.tag):
            form = parse.normal_form
        out.append(_cap(form) if form else word)
    return " ".join(out), gender


def nominative_be(words: list[str]) -> tuple[str, str | None]:
    """Return a Belarusian name in the nominative, and its gender ('Алеся Бяляцкага')."""
    if len(words) < 2:
        return " ".join(words), None
    strong = belarusian.strong_surname_gender(words[-1])
    declared = belarusian.given_name(words[0], strong) or belarusian.given_name(words[0])
    if declared is not None:
        given, gender, is_nominal = declared
        if is_nominal and strong is None:
            return " ".join(words), gender
        gender = strong or gender
        out = [given if not is_nominal else words[0]]
        out += [belarusian.surname_nominative(w, gender)[0] for w in words[1:]]
        return " ".join(out), gender
    parses = _given_parses(words[0], "be")
    if strong is None:
        nominal = next((p for p in parses if p.tag.case == "nomn"), None)
        if nominal is not None or not parses:
            shown = str(nominal.tag.gender) if nominal is not None else ""
            return " ".join(words), shown if shown in ("masc", "femn") else None
    gender = strong or str(parses[0].tag.gender)
    if gender not in ("masc", "femn"):
        return " ".join(words), None
    out = [belarusian.first_name_nominative(words[0], gender)[0]]
    out += [belarusian.surname_nominative(w, gender)[0] for w in words[1:]]
    return " ".join(out), gender


def nominative(words: list[str], lang: str) -> tuple[str, str | None]:
    """Return the nominative of a name in ``lang`` (ru or be) and its gender."""
    return nominative_be(words) if lang == "be" else nominative_ru(words)


def _name_word(token: Token) -> bool:
    text = token.text
    return (
        token.is_word
        and token.is_title
        and not (len(text) > 1 and text.isupper())
        and text.lower() not in _NOT_NAMES
        and text.lower() not in _STOP
        and not text.lower().startswith(_ROLE_STEMS)
    )


def _third_word_fits(word: str, lang: str) -> bool:
    """Return True when a third capitalised word continues a name (a patronymic)."""
    low = word.lower()
    if lang == "ru" and any("Patr" in p.tag for p in _parses(word)):
        return True
    return low.rstrip("аеуыоюяй").endswith(_PATRONYMIC) or low.endswith(_PATRONYMIC)


def _be_pair(tokens: list[Token], i: int, lang: str) -> bool:
    """Return True for an unknown Belarusian given name before a surname-shaped word."""
    if lang != "be" or i + 1 >= len(tokens) or not _name_word(tokens[i + 1]):
        return False
    first, last = tokens[i].text, tokens[i + 1].text
    return (
        belarusian.may_be_given(first)
        and belarusian.surname_shaped(last)
        and belarusian.agrees(first, last)
        and places.country(first) is None
        and places.country(last) is None
        and tokens[i + 1].start - tokens[i].end == 1
    )


def find_names(tokens: list[Token], text: str, lang: str) -> list[Name]:
    """Return the full names (a given name then a surname) among ``tokens``."""
    names: list[Name] = []
    i = 0
    while i < len(tokens) - 1:
        tok = tokens[i]
        if not (_name_word(tok) and (is_given_name(tok.text, lang) or _be_pair(tokens, i, lang))):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j - i < 3 and _name_word(tokens[j]):
            if tokens[j].start - tokens[j - 1].end > 1 or places.country(tokens[j].text):
                break
            if j - i == 2 and not _third_word_fits(tokens[j].text, lang):
                break
            j += 1
        if j - i < 2:
            i += 1
            continue
        words = [t.text for t in tokens[i:j]]
        nom, gender = nominative(words, lang)
        start, end = tokens[i].start, tokens[j - 1].end
        names.append(Name(text[start:end], nom, gender, start, end, True))
        i = j
    return names


def surname_mentions(tokens: list[Token], text: str, known: list[Name]) -> list[Name]:
    """Return one-word mentions of surnames already named in full, as those full names."""
    by_key = {n.key: n for n in known}
    covered = {i for n in known for i in range(n.start, n.end)}
    out: list[Name] = []
    for tok in tokens:
        if not _name_word(tok) or tok.start in covered or len(tok.text) < 4:
            continue
        key = tok.lower[:4]
        full = by_key.get(key)
        if full is not None and tok.lower[:5] == full.nominative.split()[-1].lower()[:5]:
            out.append(Name(tok.text, full.nominative, full.gender, tok.start, tok.end, False))
    return out
