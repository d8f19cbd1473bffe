"""The whole flow for one stored document: extraction, name resolution, proposed claims."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from prisonwatch.db.models import Document
from prisonwatch.documents import CleanDocument
from prisonwatch.language import READ_LANGUAGES, language_of
from prisonwatch.registry.propose import ProposalReport, propose_extraction
from prisonwatch.registry.resolution import PersonResolver
from prisonwatch.registry.review import auto_accept
from prisonwatch.settings import Settings, get_settings

if TYPE_CHECKING:
    from prisonwatch.extract.model import Extraction

# The document fields the extractor reads: a given extraction is used only when they match.
_EXTRACTOR_INPUTS = (
    "text",
    "title",
    "published",
    "published_source",
    "language",
    "publisher",
    "author",
    "canonical_url",
)


def extractor_version() -> str:
    """Return the version stamp of the installed extractor."""
    from prisonwatch import extract

    return str(extract.EXTRACTOR_VERSION)


@dataclass
class RegistryHook:
    """Runs after each document is stored, inside its savepoint: extract, resolve, propose.

    A document already processed by this extractor version is skipped, so ingesting again
    changes nothing; a crash rolls back the document together with its claims.
    """

    settings: Settings = field(default_factory=get_settings)
    reports: list[ProposalReport] = field(default_factory=list)
    auto_accepted: int = 0
    not_read: dict[str, int] = field(default_factory=dict)  # language -> documents stored unread
    _resolver: PersonResolver | None = None
    _mark: tuple[int, int] = (0, 0)
    _not_read_mark: dict[str, int] = field(default_factory=dict)

    def __call__(
        self,
        session: Session,
        doc: CleanDocument,
        status: str,
        extraction: Extraction | None = None,
    ) -> None:
        """Process one stored document, using ``extraction`` when a worker already made it."""
        row = session.get(Document, doc.id)  # one stored just now is loaded: no query
        if row is None:
            return
        language = _language(doc, extraction)
        if language not in READ_LANGUAGES and (doc.text or "").strip():
            self.not_read[language or "und"] = self.not_read.get(language or "und", 0) + 1
        try:
            report = process_document(
                session,
                row,
                self.resolver(session),
                settings=self.settings,
                extraction=extraction,
                fresh=status == "new",
            )
            accepted = auto_accept(session, report.new_claim_ids, self.settings) if report else 0
        except BaseException:
            # The document's savepoint rolls back: persons the resolver learned may be gone.
            self._resolver = None
            raise
        if report is not None:
            self.reports.append(report)
            self.auto_accepted += accepted

    def begin_batch(self) -> None:
        """Remember where this batch starts, so a failed commit can take its reports back."""
        self._mark = (len(self.reports), self.auto_accepted)
        self._not_read_mark = dict(self.not_read)

    def abort_batch(self) -> None:
        """Forget what the batch whose commit failed reported: none of it was stored."""
        del self.reports[self._mark[0] :]
        self.auto_accepted = self._mark[1]
        self.not_read = dict(self._not_read_mark)
        self._resolver = None  # it may have learned persons that were rolled back

    def resolver(self, session: Session) -> PersonResolver:
        """Return the name resolver, built from the registry on first use."""
        if self._resolver is None:
            self._resolver = PersonResolver(session)
        return self._resolver


def _language(doc: CleanDocument, extraction: Extraction | None) -> str | None:
    """Return the language the extractor reads ``doc`` as, from its extraction when it has one."""
    if extraction is not None:
        given = extraction.document
        if given.text == doc.text and given.language == doc.language:
            return extraction.language  # decided by the same detector on these very inputs
    return language_of(doc.text or "", doc.language)


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
    extraction: Extraction | None = None,
    fresh: bool = False,
) -> ProposalReport | None:
    """Extract and propose claims for one stored document; None when already done.

    A given ``extraction`` (made in a worker) is used when it was made from this document's
    stored text and metadata; otherwise the document is extracted here. ``fresh`` says the
    document was stored just now (no claim of it can be on record yet).
    """
    from prisonwatch.extract import extract

    version = extractor_version()
    if row.extracted_version == version and not force:
        return None
    clean = to_clean(row)
    if extraction is None or not _same_input(extraction.document, clean):
        extraction = extract(clean)
    return propose_extraction(session, row, extraction, resolver, version=version, fresh=fresh)


def _same_input(given: CleanDocument, stored: CleanDocument) -> bool:
    return all(getattr(given, name) == getattr(stored, name) for name in _EXTRACTOR_INPUTS)
