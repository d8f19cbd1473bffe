"""The language-neutral contract between language front ends and the decision model.

A front end reads documents of one language and *proposes* candidate events with high recall;
the model in ``prisonwatch.extract.decide`` *decides* which candidates are events, which are
background, and how confident it is. The model is trained on the candidates of every registered
front end (``prisonwatch train``), so a new language joins training and cross-validation as soon
as its front end is registered.

Contract for a new language front end (say Russian):

1. Write a module (e.g. ``prisonwatch/extract/russian.py``) with a class that satisfies
   :class:`FrontEnd`: a ``language`` attribute (``"ru"``), ``propose_many(documents,
   known_names)`` (known names: registry names to read as persons) returning
   one :class:`Proposal` per document (parse in batches there), and ``deals(proposal, events)``
   returning the deals that tie the decided events together (``[]`` when it finds none).
   Subclassing :class:`BaseFrontEnd` gives ``propose_many`` from a one-document ``propose``.
   Whatever ``deals`` needs from the parse goes in ``Proposal.state``.
2. Add the language and the module's dotted path to ``FRONT_END_MODULES`` in
   ``prisonwatch/extract/frontends.py``; the module exposes ``front_end() -> FrontEnd``.
3. One :class:`Candidate` per happening the front end believes the text may state: merge the
   mentions of one happening (headline, lead, "the release") into one candidate yourself. Fill
   ``proposal`` with the arguments the patterns found (type, persons in the form EVAL.md wants,
   count and qualifier, date at its precision, actor, target country, destination, evidence), and
   ``background_cue`` with the front end's own guess for main versus background.
4. ``features`` maps readable names to numbers (1.0 for a flag). Use the shared names below where
   they apply, so that weights learnt on one language carry over to another; add
   language-specific ones as ``name=value`` (``trigger=освободить``). Never put a sentence or an
   n-gram of text in a name: names are saved in the committed model file.

   Shared names: ``trigger=<lemma>``, ``nominal`` (the trigger is a noun), ``negated``,
   ``modal`` (a modal, conditional or wish governs the trigger), ``future``, ``quoted`` (inside
   quotation marks), ``headline`` (in the first line), ``position`` (0..1, where the first
   mention sits in the text), ``relative_clause``, ``background_cue`` (the front end's own
   cue that the event is earlier or secondary), ``aggregate`` (a running total: "since",
   "so far"), ``description`` (the trigger describes a person: "the jailed editor"),
   ``mentions`` (how many mentions were merged). A candidate with ``negated``, ``modal`` or
   ``future`` (or the English ``filter=negated``, ``filter=modal``, ``filter=plan``) is never
   reported (EVAL.md rule 3), so propose such candidates freely but mark them.
   The model adds the argument features itself
   (``has_persons``, ``has_count``, ``has_date``, ``date_before_publication``, ``type=<type>``),
   so front ends need not.
5. Candidates must be deterministic: the same document gives the same candidates in the same
   order (training reproduces the committed model byte for byte).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from prisonwatch.documents import CleanDocument
from prisonwatch.extract.model import ExtractedDeal, ExtractedEvent


@dataclass
class Candidate:
    """A happening a front end proposes, with its arguments and readable features."""

    language: str  # ISO code of the front end that proposed it: en, ru, be
    trigger: str  # lemma of the word that proposed it ("release", "освободить")
    sentence: tuple[int, int]  # character span of the first mention's sentence
    proposal: ExtractedEvent  # type, arguments, evidence and reasons as the patterns found them
    features: dict[str, float] = field(default_factory=dict)  # readable name -> value
    background_cue: bool = False  # the front end's own main/background guess

    @property
    def type(self) -> str:
        """Return the event type the patterns proposed."""
        return self.proposal.type


@dataclass
class Proposal:
    """What a front end proposes for one document: its candidates and what deals() needs."""

    document: CleanDocument
    language: str
    candidates: list[Candidate] = field(default_factory=list)
    truncated_at: int | None = None  # characters read when the text was longer than the limit
    state: object = None  # front-end private data for deals(): parse facts, teaser spans


class FrontEnd(Protocol):
    """What a language front end offers the flow: candidates for documents, deals for events."""

    language: str

    def propose_many(
        self, documents: Sequence[CleanDocument], known_names: Iterable[str] = ()
    ) -> list[Proposal]:
        """Return one proposal per document, in the order given; known names are persons."""
        ...

    def deals(self, proposal: Proposal, events: list[ExtractedEvent]) -> list[ExtractedDeal]:
        """Return the deals that tie the decided ``events`` of a proposal together."""
        ...


class BaseFrontEnd:
    """A front end that proposes one document at a time; subclasses write ``propose``."""

    language = ""

    def propose(self, document: CleanDocument) -> Proposal:
        """Return the proposal for one document."""
        raise NotImplementedError

    def propose_many(
        self, documents: Sequence[CleanDocument], known_names: Iterable[str] = ()
    ) -> list[Proposal]:
        """Return one proposal per document, one document at a time."""
        return [self.propose(d) for d in documents]

    def deals(self, proposal: Proposal, events: list[ExtractedEvent]) -> list[ExtractedDeal]:
        """Return no deals: a front end that finds them overrides this."""
        return []
