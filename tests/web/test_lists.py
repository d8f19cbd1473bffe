"""The events, deals and documents lists, the Atom feed, and the review cards, as pages and JSON."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from tests.web.conftest import client_for
from tests.web.data import Built
from tests.web.test_review import _login

from prisonwatch.db.engine import session_scope
from prisonwatch.registry.listing import ListFilters, list_documents, list_events
from prisonwatch.settings import Settings

ATOM = "{http://www.w3.org/2005/Atom}"


def test_events_list_filters_and_sorts(client, built: Built) -> None:
    data = client.get("/api/events").json()
    ids = [e["id"] for e in data["items"]]
    assert built.release_event in ids and built.arrest_event in ids
    # Newest first: the 2024 release before the 2020 arrest.
    assert ids.index(built.release_event) < ids.index(built.arrest_event)
    release = next(e for e in data["items"] if e["id"] == built.release_event)
    assert release["label"].startswith("release of exact 18 by Belarusian authorities")
    only = client.get("/api/events", params={"type": "arrest"}).json()
    assert [e["id"] for e in only["items"]] == [built.arrest_event]
    old = client.get("/api/events", params={"until": "2021"}).json()
    assert [e["id"] for e in old["items"]] == [built.arrest_event]
    none = client.get("/api/events", params={"country": "Nicaragua"}).json()
    assert none["items"] == [] and none["pagination"]["total"] == 0
    assert client.get("/api/events", params={"since": "3 March"}).status_code in (400, 422)
    page = client.get("/events", params={"type": "release"})
    assert page.status_code == 200 and "release of exact 18" in page.text


def test_deals_and_documents_lists(client, built: Built) -> None:
    deals = client.get("/api/deals").json()["items"]
    assert [d["id"] for d in deals] == [built.deal_id]
    assert deals[0]["label"].startswith("2024-03-03: release of exact 18")
    assert "⇄ sanctions lifted on potash" in deals[0]["label"]
    assert client.get("/api/deals", params={"country": "Cuba"}).json()["items"] == []
    page = client.get(f"/api/deals/{built.deal_id}").json()
    assert page["label"] == deals[0]["label"]
    docs = client.get("/api/documents").json()["items"]
    assert docs[0]["id"] == built.document_id
    assert docs[0]["label"].startswith("Eighteen freed after envoy talks")
    assert "The Invented Courier, 2024-03-05" in docs[0]["label"]
    assert docs[0]["claims"]["proposed"] == 1
    waiting = client.get("/api/documents", params={"review": "proposed"}).json()["items"]
    assert [d["id"] for d in waiting] == [built.document_id]
    assert client.get("/api/documents", params={"review": "accepted"}).json()["items"] == []
    home = client.get("/").text
    assert 'href="/events"' in home and 'href="/deals"' in home and 'href="/documents"' in home


def test_atom_feed_of_accepted_events(client, built: Built) -> None:
    response = client.get("/feed.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert any(link.endswith(f"/events/{built.release_event}") for link in links)
    summaries = " ".join(e.find(f"{ATOM}summary").text for e in entries)
    assert "The Invented Courier" in summaries
    person = ET.fromstring(client.get("/feed.atom", params={"person": built.zhuk}).content)
    titles = [e.find(f"{ATOM}title").text for e in person.findall(f"{ATOM}entry")]
    assert titles == [] or all("release" in t for t in titles)
    kal = ET.fromstring(client.get("/feed.atom", params={"person": built.kalesnikava}).content)
    assert len(kal.findall(f"{ATOM}entry")) == 2
    assert (
        ET.fromstring(client.get("/feed.atom", params={"country": "Cuba"}).content).findall(
            f"{ATOM}entry"
        )
        == []
    )


def test_event_line_does_not_repeat_the_country(client, built: Built) -> None:
    text = client.get(f"/events/{built.release_event}").text
    assert "by Belarusian authorities" in text
    assert "Belarus Belarus" not in text


def test_review_cards_group_by_event_and_viewers_see_no_forms(filled) -> None:
    settings, built = filled
    with client_for(settings) as viewer:
        _login(viewer, "vic")
        page = viewer.get("/review").text
        assert 'class="card"' in page
        assert "Accept all of this event" not in page and "/review/merge" not in page
    with client_for(settings) as reviewer:
        _login(reviewer, "rita")
        page = reviewer.get("/review").text
        assert "Accept all of this event" in page
        assert f'id="card-{built.release_event}"' in page
        assert "from Eighteen freed after envoy talks" in page


def test_listing_library_on_both_databases(fresh: tuple[Settings, Built]) -> None:
    settings, built = fresh
    with session_scope(settings, write=False) as session:
        newest = list_events(session, ListFilters(sort="newest"))
        assert [e["id"] for e in newest.items][:1] == [built.release_event]
        oldest = list_events(session, ListFilters(sort="oldest", types=("release", "arrest")))
        assert [e["id"] for e in oldest.items] == [built.arrest_event, built.release_event]
        pending = list_events(session, ListFilters(review="proposed"))
        assert pending.total == 0
        docs = list_documents(session, ListFilters(review="proposed", sort="newest"))
        assert [d["id"] for d in docs.items] == [built.document_id]


def test_chart_time_axis_is_proportional_and_labelled() -> None:
    import re

    from prisonwatch.web.chart import svg
    from prisonwatch.web.schemas import PeriodRow

    rows = [
        PeriodRow(period=p, arrested=0, released=5, held_at_end=1)
        for p in ("2021-07", "2021-08", "2025-06")
    ]
    drawn = str(svg(rows))
    xs = [float(x) for x in re.findall(r'<rect x="([\d.]+)"[^>]*><title>', drawn)]
    assert len(xs) == 3
    assert (xs[2] - xs[1]) > 40 * (xs[1] - xs[0])  # 46 months against one
    assert "axis-label" in drawn and ">2023<" in drawn


def test_home_counts_over_time_by_country(client) -> None:
    everywhere = client.get("/api/home").json()
    assert everywhere["over_time"] and "Belarus" in everywhere["countries"]
    assert client.get("/api/home", params={"country": "Cuba"}).json()["over_time"] == []
    belarus = client.get("/api/home", params={"country": "belarus"}).json()
    assert belarus["over_time"] == everywhere["over_time"]


def test_home_latest_events_newest_first_by_event_date(client, built: Built) -> None:
    latest = client.get("/api/home").json()["latest_events"]
    dates = [e["date"] for e in latest]
    assert dates == sorted(dates, reverse=True)
    assert latest[-1]["id"] == built.arrest_event
