"""Public pages and their JSON twins: search under any spelling, timelines, events, deals."""

from __future__ import annotations

from tests.web.conftest import TestClient
from tests.web.data import XSS, Built

from prisonwatch.web import urls


def test_home_counts_chart_and_latest(client: TestClient, built: Built) -> None:
    data = client.get("/api/home").json()
    assert data["counts"]["persons"] == 3
    assert data["counts"]["released"] == 1  # Kalesnikava; Zhuk's link still waits for review
    assert data["counts"]["claims_proposed"] == 1
    assert {e["type"] for e in data["latest_events"]} >= {"release", "arrest"}
    assert data["latest_deals"][0]["id"] == built.deal_id
    periods = {row["period"]: row for row in data["over_time"]}
    assert periods["2020-09"]["held_at_end"] == 1
    assert periods["2024-03"]["released"] == 18
    page = client.get("/")
    assert page.status_code == 200
    assert "<svg" in page.text and "Latest deals" in page.text


def test_search_under_other_scripts_and_spellings(client: TestClient, built: Built) -> None:
    for query in ("Колесникова", "Kolesnikova", "Калеснікава", "kalesnikava maryia"):
        items = client.get("/api/persons", params={"q": query}).json()["items"]
        assert items and items[0]["id"] == built.kalesnikava, query
    page = client.get(urls.persons(q="Колесникова"))
    assert "Maryia Kalesnikava" in page.text


def test_filters_and_pagination(client: TestClient, built: Built) -> None:
    released = client.get("/api/persons", params={"status": "released"}).json()
    assert [p["id"] for p in released["items"]] == [built.kalesnikava]
    unknown = client.get("/api/persons", params={"status": "unknown", "country": "belarus"}).json()
    assert {p["id"] for p in unknown["items"]} == {built.zhuk, built.hidden}
    dated = client.get("/api/persons", params={"since": "2020-01", "until": "2020-12-31"}).json()
    assert [p["id"] for p in dated["items"]] == [built.kalesnikava]
    first = client.get("/api/persons", params={"per_page": 2}).json()
    assert first["pagination"]["total"] == 3 and first["pagination"]["pages"] == 2
    second = client.get(first["pagination"]["next_url"].replace("/persons", "/api/persons"))
    assert len(second.json()["items"]) == 1
    assert client.get("/api/persons", params={"status": "lost"}).status_code == 422
    blank = {"q": "", "status": "", "country": "", "since": "", "until": ""}  # the form's "any"
    assert client.get("/persons", params=blank).status_code == 200


def test_person_timeline_with_sources_linking_to_evidence(client: TestClient, built: Built) -> None:
    data = client.get(urls.api(urls.person(built.kalesnikava))).json()
    assert data["status"]["state"] == "released"
    assert [s["type"] for s in data["steps"]] == ["arrest", "release"]
    source = data["steps"][1]["sources"][0]
    assert source["quote"].startswith("The authorities in Belarus released 18")
    assert source["document_url"] == urls.document(built.document_id, source["claim_id"])
    page = client.get(urls.person(built.kalesnikava))
    assert (
        'id="timeline"' in page.text and source["document_url"].replace("&", "&amp;") in page.text
    )


def test_document_highlights_every_fact(client: TestClient, built: Built) -> None:
    data = client.get(urls.api(urls.document(built.document_id))).json()
    assert len(data["facts"]) >= 4
    chosen = data["facts"][0]["claim_id"]
    page = client.get(urls.document(built.document_id, chosen).split("#")[0])
    assert f'id="claim-{chosen}"' in page.text
    assert 'class="fact state-accepted' in page.text and "selected" in page.text


def test_event_with_persons_sources_and_deal(client: TestClient, built: Built) -> None:
    data = client.get(urls.api(urls.event(built.release_event))).json()
    assert data["accepted"] and data["event"]["count"] == 18
    assert [p["id"] for p in data["persons"]] == [built.kalesnikava]
    assert data["deal_url"] == urls.deal(built.deal_id)
    deal = client.get(urls.api(urls.deal(built.deal_id))).json()
    assert set(deal["sides"]) == {"releases", "talks", "concessions"}
    assert "Tomas Kavaliauskas" in deal["mediators"]
    assert "potash" in client.get(urls.deal(built.deal_id)).text


def test_private_fields_never_shown(client: TestClient, built: Built) -> None:
    data = client.get(urls.api(urls.person(built.zhuk))).json()
    assert data["person"]["attributes"] == {"prison": "Colony 3"}
    assert data["person"]["birth_date"] is None
    page = client.get(urls.person(built.zhuk)).text
    assert "secret-diagnosis" not in page and "1971-02-03" not in page
    assert "Colony 3" in page


def test_text_is_escaped_everywhere(client: TestClient, built: Built) -> None:
    for path in (
        urls.document(built.document_id),
        urls.person(built.hidden),
        urls.persons(q=XSS),
        urls.persons(),
    ):
        page = client.get(path).text
        assert XSS not in page, path
    doc = client.get(urls.document(built.document_id)).text
    assert "&lt;script&gt;alert(&#39;pw-xss&#39;)&lt;/script&gt;" in doc
    assert "javascript:" not in doc  # the stored canonical URL is not a link
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


def test_errors_are_one_sentence(client: TestClient) -> None:
    page = client.get("/persons/per_missing")
    assert page.status_code == 404
    assert "no person with id" in page.text and "Traceback" not in page.text
    assert client.get("/api/persons/per_missing").json() == {
        "error": "no person with id 'per_missing': run 'prisonwatch persons list'",
        "status": 404,
    }
    assert client.get("/no/such/page").status_code == 404
    bad = client.get("/persons", params={"page": "zero"})
    assert bad.status_code == 422 and "page is not valid" in bad.text
