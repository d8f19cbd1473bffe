"""Belarusian Łacinka to Cyrillic, keeping a map from each Cyrillic character to its source."""

from __future__ import annotations

# Longest sequences first; "i" after a consonant before a vowel only softens it (bi-a = бя).
_DIGRAPHS: dict[str, str] = {
    "dź": "дзь",
    "dž": "дж",
    "dz": "дз",
    "ch": "х",
    "ja": "я",
    "je": "е",
    "jo": "ё",
    "ju": "ю",
    "ji": "і",
    "ia": "я",
    "ie": "е",
    "io": "ё",
    "iu": "ю",
}
_SINGLE: dict[str, str] = {
    "a": "а",
    "b": "б",
    "c": "ц",
    "ć": "ць",
    "č": "ч",
    "d": "д",
    "e": "э",
    "f": "ф",
    "g": "ґ",
    "h": "г",
    "i": "і",
    "j": "й",
    "k": "к",
    "l": "ль",
    "ł": "л",
    "m": "м",
    "n": "н",
    "ń": "нь",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "ś": "сь",
    "š": "ш",
    "t": "т",
    "u": "у",
    "ŭ": "ў",
    "v": "в",
    "w": "в",
    "y": "ы",
    "z": "з",
    "ź": "зь",
    "ž": "ж",
}
_VOWELS = set("aeiouy")
# Soft l before a vowel letter: la = ля, le = ле, lu = лю, lo = лё, li = лі.
_SOFT_L = {"a": "ля", "e": "ле", "u": "лю", "o": "лё", "i": "лі"}


def _case(out: str, source: str) -> str:
    if len(source) > 1 and source.isupper():
        return out.upper()
    return out[:1].upper() + out[1:] if source[:1].isupper() else out


def to_cyrillic(text: str) -> tuple[str, list[int]]:
    """Return ``text`` in Cyrillic and, for each of its characters, the source offset."""
    out: list[str] = []
    where: list[int] = []
    i, n = 0, len(text)
    while i < n:
        low = text[i : i + 2].lower()
        prev = text[i - 1].lower() if i else " "
        piece, used = None, 1
        if low[:1] == "l" and len(low) == 2 and low[1] in _SOFT_L:
            piece, used = _SOFT_L[low[1]], 2
        elif low in _DIGRAPHS and not (low[0] == "i" and (prev in _VOWELS or not prev.isalpha())):
            piece, used = _DIGRAPHS[low], 2
            if low[0] == "j" and prev.isalpha() and prev not in _VOWELS and prev != "'":
                piece = "'" + piece  # consonant + ja: the apostrophe of Cyrillic spelling
        elif low[:1] in _SINGLE:
            piece = _SINGLE[low[:1]]
        if piece is None:
            out.append(text[i])
            where.append(i)
            i += 1
            continue
        source = text[i : i + used]
        piece = _case(piece, source)
        out.append(piece)
        where.extend([i] * len(piece))
        i += used
    where.append(n)
    return "".join(out), where


_TO_LATIN: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "ж": "ž", "з": "z", "і": "i",
    "й": "j", "к": "k", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ў": "ŭ", "ф": "f", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "ы": "y", "э": "e",
}  # fmt: skip
_IOTATED = {"е": "e", "ё": "o", "ю": "u", "я": "a"}
_SOFTENED = {"з": "ź", "с": "ś", "ц": "ć", "н": "ń", "л": "l"}


def to_lacinka(word: str) -> str:
    """Return a Belarusian Cyrillic word in Łacinka ('Бяляцкі' → 'Bialacki')."""
    out: list[str] = []
    low = word.lower()
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        nxt = low[i + 1] if i + 1 < len(low) else ""
        if ch in _IOTATED:
            vowel = _IOTATED[ch]
            if prev and prev not in "аеёіоуўыэюя'’ь-" and prev != "л":
                piece = "i" + vowel
            elif prev == "л":
                piece = vowel
            else:
                piece = "j" + vowel
        elif ch == "л":
            piece = "l" if nxt in ("ь", "е", "ё", "ю", "я", "і") else "ł"
        elif ch in _SOFTENED and nxt == "ь":
            piece = _SOFTENED[ch]
        elif ch in "ь'’":
            piece = ""
        else:
            piece = _TO_LATIN.get(ch, ch)
        if word[i].isupper() and piece:
            piece = piece[0].upper() + piece[1:]
        out.append(piece)
    return "".join(out)
