"""An invented article run through the real registry: proposed, then mostly accepted."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from prisonwatch.db.engine import session_scope
from prisonwatch.db.models import Claim, Document, Person
from prisonwatch.documents import CleanDocument, document_id
from prisonwatch.extract.model import (
    Evidence,
    ExtractedDeal,
    ExtractedEvent,
    Extraction,
    PersonMention,
)
from prisonwatch.persons import NewPerson, create_person
from prisonwatch.registry import claims as kinds
from prisonwatch.registry import review
from prisonwatch.registry.propose import propose_extraction
from prisonwatch.registry.resolution import PersonResolver
from prisonwatch.settings import Settings
from prisonwatch.users import add_user, new_token

XSS = "<script>alert('pw-xss')</script>"
TITLE = f"Eighteen freed after envoy talks {XSS}"
# Invented for these tests; the names are those of real registry persons added below.
TEXT = (
    "Vilnius, 5 March 2024. The authorities in Belarus released 18 political prisoners on "
    "3 March 2024 after two days of talks with a Lithuanian envoy, Tomas Kavaliauskas. "
    "Among those freed was Maryia Kalesnikava, who had been arrested in September 2020. "
    "Ihar Zhuk, a teacher from Hrodna, was also released. "
    "In exchange, Lithuania lifted its restrictions on Belarusian potash. "
    f"A reader's comment read {XSS} and nothing else."
)
PASSWORD = "correct horse battery"


@dataclass
class Built:
    """Ids of what the fixture made."""

    document_id: str
    kalesnikava: str
    zhuk: str
    hidden: str
    release_event: str
    arrest_event: str
    deal_id: str
    pending_claim: str
    reviewer_token: str
    viewer_token: str
    claims: list[str] = field(default_factory=list)


def _span(text: str, part: str) -> Evidence:
    start = TEXT.index(part)
    return Evidence(start, start + len(part), part)


def _mention(name: str, role: str = "prisoner") -> PersonMention:
    start = TEXT.index(name)
    return PersonMention(name, start, start + len(name), role)


def extraction() -> Extraction:
    """Return the events and deal a careful extractor would find in TEXT."""
    release = ExtractedEvent(
        type="release",
        date="2024-03-03",
        date_precision="day",
        date_text="3 March 2024",
        count=18,
        count_qualifier="exact",
        persons=[_mention("Maryia Kalesnikava"), _mention("Ihar Zhuk")],
        actor="Belarusian authorities",
        target_country="Belarus",
        evidence=[_span(TEXT, "The authorities in Belarus released 18 political prisoners")],
        confidence=0.9,
        reason="release trigger 'released' with a count",
    )
    arrest = ExtractedEvent(
        type="arrest",
        date="2020-09",
        date_precision="month",
        date_text="September 2020",
        persons=[_mention("Maryia Kalesnikava")],
        target_country="Belarus",
        background=True,
        evidence=[_span(TEXT, "who had been arrested in September 2020")],
        confidence=0.8,
        reason="arrest trigger in a relative clause",
    )
    talks = ExtractedEvent(
        type="negotiation",
        date="2024-03",
        date_precision="month",
        actor="Tomas Kavaliauskas",
        target_country="Belarus",
        evidence=[_span(TEXT, "two days of talks with a Lithuanian envoy")],
        confidence=0.7,
        reason="talks with an envoy",
    )
    lifted = ExtractedEvent(
        type="sanctions_lifted",
        date="2024-03",
        date_precision="month",
        actor="Lithuania",
        object="potash",
        evidence=[_span(TEXT, "Lithuania lifted its restrictions on Belarusian potash")],
        confidence=0.75,
        reason="lifted restrictions",
    )
    clean = CleanDocument(text=TEXT, title=TITLE, published="2024-03-05", language="en")
    deal = ExtractedDeal(
        events=[0, 2, 3],
        evidence=[_span(TEXT, "In exchange")],
        mediators=["Tomas Kavaliauskas"],
    )
    return Extraction(document=clean, events=[release, arrest, talks, lifted], deals=[deal])


def build(settings: Settings) -> Built:
    """Fill a migrated database: persons, the article's claims, review decisions, users."""
    with session_scope(settings) as session:
        kalesnikava = create_person(
            session,
            NewPerson(name="Maryia Kalesnikava", country="Belarus"),
            actor="test",
            reason="registry",
        )
        zhuk = create_person(
            session,
            NewPerson(
                name="Ihar Zhuk",
                country="Belarus",
                birth_date="1971-02-03",
                attributes={"prison": "Colony 3", "health": "secret-diagnosis"},
            ),
            actor="test",
            reason="registry",
        )
        zhuk.private_fields = ["health", "birth_date"]
        hidden = create_person(
            session, NewPerson(name=f"Ales {XSS}", country="Belarus"), actor="test", reason="xss"
        )
        document = Document(
            id=document_id(TEXT),
            title=TITLE,
            publisher="The Invented Courier",
            published="2024-03-05",
            language="en",
            canonical_url="javascript:alert('pw-xss-url')",
            text=TEXT,
        )
        session.add(document)
        session.flush()
        report = propose_extraction(
            session, document, extraction(), PersonResolver(session), version="test"
        )
        claims = list(session.scalars(select(Claim).order_by(Claim.span_start, Claim.id)))
        pending = next(
            c.id
            for c in claims
            if c.kind == kinds.EVENT_PERSON and c.value.get("name") == "Ihar Zhuk"
        )
        for claim in claims:
            if claim.id != pending and claim.state == "proposed":
                review.accept(session, claim.id, actor="test", reason="fixture")
        add_user(session, "rita", PASSWORD, role="reviewer")
        add_user(session, "vic", PASSWORD, role="viewer")
        reviewer_token = new_token(session, "rita")
        viewer_token = new_token(session, "vic")
        release, arrest = report.event_ids[0], report.event_ids[1]
        deal_id = session.scalars(
            select(Claim.value).where(Claim.kind == kinds.DEAL_MEMBER)
        ).first()["deal_id"]
        assert session.get(Person, zhuk.id) is not None
        return Built(
            document_id=document.id,
            kalesnikava=kalesnikava.id,
            zhuk=zhuk.id,
            hidden=hidden.id,
            release_event=release,
            arrest_event=arrest,
            deal_id=deal_id,
            pending_claim=pending,
            reviewer_token=reviewer_token,
            viewer_token=viewer_token,
            claims=[c.id for c in claims],
        )
