"""The name index kept on disk: loaded when the registry is unchanged, grown, or rebuilt."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from prisonwatch.db.engine import session_scope
from prisonwatch.names import RegistryEntry, store
from prisonwatch.names.store import cache_path, cached_index
from prisonwatch.persons import NewPerson, create_person
from prisonwatch.registry.lookup import build_name_index
from prisonwatch.settings import Settings

PEOPLE = [
    RegistryEntry("a", "Rashad Mammadli", []),
    RegistryEntry("b", "Levan Kharabadze", []),
    RegistryEntry("c", "Zinaida Zinovyeva", []),
]


@pytest.fixture(autouse=True)
def _small_registries_are_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "cache_min", lambda: 1)


def _stored_snapshot(path: Path) -> dict[str, object]:
    with path.open("rb") as handle:
        return dict(pickle.load(handle).snapshot)


def test_unchanged_registry_loads_the_file(tmp_path: Path) -> None:
    first = cached_index(PEOPLE, tmp_path, "db")
    path = cache_path(tmp_path, "db")
    assert path.exists() and set(_stored_snapshot(path)) == {"a", "b", "c"}
    stamp = path.stat().st_mtime_ns
    second = cached_index(PEOPLE, tmp_path, "db")
    assert path.stat().st_mtime_ns == stamp  # read, not written again
    assert second is not first and second.match("Rəşad Məmmədli").person_id == "a"


def test_new_people_and_names_are_added_to_the_stored_index(tmp_path: Path) -> None:
    cached_index(PEOPLE, tmp_path, "db")
    grown = [*PEOPLE[:2], RegistryEntry("c", "Zinaida Zinovyeva", ["Zina Zinovyeva"])]
    grown.append(RegistryEntry("d", "Ilya Yashkin", []))
    index = cached_index(grown, tmp_path, "db")
    assert index.match("Ilja Jaschkin").person_id == "d"
    assert _stored_snapshot(cache_path(tmp_path, "db"))["c"] == (
        "Zinaida Zinovyeva",
        ("Zina Zinovyeva",),
    )


def test_a_removed_person_rebuilds_the_index(tmp_path: Path) -> None:
    cached_index(PEOPLE, tmp_path, "db")
    index = cached_index(PEOPLE[1:], tmp_path, "db")
    assert index.match("Rashad Mammadli").status == "none"
    assert set(_stored_snapshot(cache_path(tmp_path, "db"))) == {"b", "c"}


def test_a_torn_file_is_rebuilt_and_each_database_has_its_own(tmp_path: Path) -> None:
    cached_index(PEOPLE, tmp_path, "db")
    cache_path(tmp_path, "db").write_bytes(b"not a pickle")
    assert cached_index(PEOPLE, tmp_path, "db").match("Levan Kharabadze").person_id == "b"
    assert cache_path(tmp_path, "other") != cache_path(tmp_path, "db")


def test_small_registry_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store, "cache_min", lambda: 10)
    assert cached_index(PEOPLE, tmp_path, "db").match("Rashad Mammadli").person_id == "a"
    assert not list(tmp_path.iterdir())


def test_lookup_keeps_the_index_beside_the_database(sqlite_settings: Settings) -> None:
    with session_scope(sqlite_settings) as session:
        create_person(session, NewPerson(name="Рашад Мамедли"), actor="t", reason="test")
    with session_scope(sqlite_settings) as session:
        assert build_name_index(session).match("Rəşad Məmmədli").status == "matched"
    files = list((sqlite_settings.data_dir / "cache").glob("name-index-*.pickle"))
    assert len(files) == 1
    with session_scope(sqlite_settings) as session:
        create_person(session, NewPerson(name="Леван Харабадзе"), actor="t", reason="test")
    with session_scope(sqlite_settings) as session:
        assert build_name_index(session).match("ლევან ხარაბაძე").status == "matched"
    assert len(_stored_snapshot(files[0])) == 2


def _write_registry(path: Path, people: list[RegistryEntry]) -> Path:
    rows = ["id,name,aliases", *(f"{p.person_id},{p.name},{'|'.join(p.aliases)}" for p in people)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_registry_csv_index_is_kept_under_its_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = store.csv_index(_write_registry(tmp_path / "one.csv", PEOPLE), cache)
    assert first.match("Rəşad Məmmədli").person_id == "a"

    def no_build(*_: object) -> None:
        raise AssertionError("the kept index should have been loaded")

    monkeypatch.setattr(store.NameIndex, "build", no_build)
    copy = _write_registry(tmp_path / "copy.csv", PEOPLE)  # same content, another path
    assert store.csv_index(copy, cache).match("Levan Kharabadze").person_id == "b"
    monkeypatch.undo()
    monkeypatch.setattr(store, "cache_min", lambda: 1)
    changed = _write_registry(tmp_path / "one.csv", PEOPLE[1:])
    assert store.csv_index(changed, cache).match("Rashad Mammadli").status == "none"


def test_only_the_last_registry_csv_indexes_are_kept(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for i in range(store.CSV_CACHES_KEPT + 2):
        people = [*PEOPLE, RegistryEntry(f"x{i}", f"Ilya Yashkin{i}", [])]
        store.csv_index(_write_registry(tmp_path / f"r{i}.csv", people), cache)
    kept = list((cache / "registry-csv").glob("name-index-*.pickle"))
    assert len(kept) == store.CSV_CACHES_KEPT
