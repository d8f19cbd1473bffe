"""Adding names to a person already in the index never makes them their own rival."""

from __future__ import annotations

from prisonwatch.names import NameIndex, RegistryEntry


def test_adding_a_spelling_to_a_known_person_keeps_one_candidate() -> None:
    index = NameIndex.build([RegistryEntry("p1", "Віктар Бабарыка", [])])
    assert index.match("Viktar Babaryka").status == "matched"
    index.add(RegistryEntry("p1", "Віктар Бабарыка", ["Viktar Babaryka"]))
    index.add(RegistryEntry("p1", "Віктар Бабарыка", ["Viktar Babaryka", "Виктор Бабарико"]))
    result = index.match("Viktar Babaryka")
    assert result.status == "matched" and result.person_id == "p1"
    assert [c.person_id for c in result.candidates] == ["p1"]
    assert index.match("Виктора Бабарико").person_id == "p1"
