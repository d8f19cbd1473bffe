"""The given-name equivalence table (given_names.tsv), loaded once into keys."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from prisonwatch.names.declension import case_forms
from prisonwatch.names.keys import cyrillic_key, fine_keys
from prisonwatch.names.normalize import normalize_name, script_of_token


@dataclass
class GivenNames:
    """Given-name groups by key: which groups a key belongs to, and each group's gender."""

    groups_by_key: dict[str, set[str]] = field(default_factory=dict)
    groups_by_case_key: dict[str, set[str]] = field(default_factory=dict)
    gender: dict[str, str] = field(default_factory=dict)
    keys_by_group: dict[str, set[str]] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)

    def add(self, group: str, key: str, *, declined: bool = False) -> None:
        """File ``key`` under ``group``; a declined form only counts where no nominative does."""
        if declined:
            self.groups_by_case_key.setdefault(key, set()).add(group)
            return
        self.groups_by_key.setdefault(key, set()).add(group)
        self.keys_by_group.setdefault(group, set()).add(key)

    def groups(self, keys: tuple[str, ...]) -> frozenset[str]:
        """Return the groups of the first of ``keys`` (best reading first) that has any.

        A key can be one name's nominative and another's case form (Виктора, Виктория): both
        count, so that the declined form still finds its name.
        """
        for key in keys:
            found = self.groups_by_key.get(key, set()) | self.groups_by_case_key.get(key, set())
            if found:
                return frozenset(found)
        return frozenset()


def _rows() -> list[tuple[str, str, list[str]]]:
    text = resources.files("prisonwatch.names").joinpath("given_names.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines()[1:]:
        if not line.strip() or line.startswith(("#", "group\t")):
            continue
        group, gender, forms = line.split("\t")
        rows.append((group, gender, forms.split("|")))
    return rows


@cache
def given_names() -> GivenNames:
    """Return the table with every form's keys and, for Cyrillic forms, its Russian cases."""
    table = GivenNames()
    for group, gender, forms in _rows():
        table.gender[group] = gender
        table.display[group] = forms[0]
        morph_gender = "masc" if gender == "m" else "femn"
        has_e = any(f.startswith("Э") for f in forms)
        for form in forms:
            token = normalize_name(form)
            cyrillic = script_of_token(token) == "cyrillic"
            for key in fine_keys(token):
                # A Latin initial e is read both ways; the table knows which one the name has.
                if cyrillic or not token.startswith("e") or key.startswith("j") != has_e:
                    table.add(group, key)
            if cyrillic:
                for declined in case_forms(token, "given", morph_gender):
                    table.add(group, cyrillic_key(declined), declined=True)
    return table
