"""The whole flow for one stored document: extraction, name resolution, proposed claims."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from prisonwatch.db.models import Document
from prisonwatch.documents import CleanDocument
from prisonwatch.registry.propose import ProposalReport, propose_extraction
from prisonwatch.registry.resolution import PersonResolver
from prisonwatch.registry.review import auto_accept
from prisonwatch.settings import Settings, get_settings


def extractor_version() -> str:
    """Return the version stamp of the installed extractor."""
    from prisonwatch import extract

    return str(extract.EXTRACTOR_VERSION)


@dataclass
class RegistryHook:
    """Runs after each document is stored, inside its transaction: extract, resolve, propose.

    A document already processed by this extractor version is skipped, so ingesting again
    changes nothing; a crash rolls back the document together with its claims.
    """

    settings: Settings = field(default_factory=get_settings)
    reports: list[ProposalReport] = field(default_factory=list)
    auto_accepted: int = 0
    _resolver: PersonResolver | None = None

    def __call__(self, session: Session, doc: CleanDocument, status: str) -> None:
        """Process one stored document."""
        row = session.get(Document, doc.id)
        if row is None:
            return
        report = process_document(session, row, self.resolver(session), settings=self.settings)
        if report is not None:
            self.reports.append(report)
            self.auto_accepted += auto_accept(session, report.new_claim_ids, self.settings)

    def resolver(self, session: Session) -> PersonResolver:
        """Return the name resolver, built from the registry on first use."""
        if self._resolver is None:
            self._resolver = PersonResolver(session)
        return self._resolver


def to_clean(row: Document) -> CleanDocument:
    """Return the stored document as the extractor's input."""
    return CleanDocument(
        text=row.text,
        title=row.title,
        published=row.published,
        published_source=row.published_source,
        language=row.language,
        publisher=row.publisher,
        author=row.author,
        canonical_url=row.canonical_url,
    )


def process_document(
    session: Session,
    row: Document,
    resolver: PersonResolver,
    *,
    settings: Settings | None = None,
    force: bool = False,
) -> ProposalReport | None:
    """Extract and propose claims for one stored document; None when already done."""
    from prisonwatch.extract import extract

    version = extractor_version()
    if row.extracted_version == version and not force:
        return None
    extraction = extract(to_clean(row))
    return propose_extraction(session, row, extraction, resolver, version=version)
