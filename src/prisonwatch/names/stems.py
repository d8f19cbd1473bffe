"""Gender-neutral surname stems: Tsikhanouski and Tsikhanouskaya, Kalesnikau and Kalesnikava."""

from __future__ import annotations

import re

# Feminine endings in fine-key letters, each against its masculine counterpart.
_FEMININE = re.compile(r"(?<=[sc]k)A$|(?<=A)vA$|(?<=I)vA$|(?<=In)A$|(?<=yn)A$")
_MASCULINE = re.compile(r"(?<=[sc]k)I$|(?<=A)U$|(?<=I)U$|U$")


def gender_stem(key: str) -> str:
    """Return the fine key with a masculine or feminine surname ending removed."""
    stem = _FEMININE.sub("", key)
    if stem == key:
        stem = _MASCULINE.sub("", key)
    return stem
