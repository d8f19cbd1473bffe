"""Every weight and threshold in one declared table, each saying how its value was chosen.

Code reads a value with ``tunable("name")``. Sections belong to the stage that owns them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tunable:
    """A named constant with its meaning and the way its value was chosen."""

    name: str
    default: float
    description: str
    chosen: str


TUNABLES: tuple[Tunable, ...] = (
    # --- ingest ---
    Tunable(
        "ingest.near_duplicate_jaccard",
        0.8,
        "MinHash Jaccard estimate above which two documents are linked as near-duplicates.",
        "Wire copy republished with small edits scores 0.85-0.98 on 5-word shingles; "
        "distinct reports of the same event score under 0.5. 0.8 sits between.",
    ),
    Tunable(
        "ingest.relevance_min_stems",
        1,
        "Distinct subject word beginnings a page needs to pass the relevance prefilter.",
        "Recall first: texts of news_dev2 with a gold event carry a single subject word (an "
        "arrest, an envoy's visit), so one is enough; the filter exists to drop the bulk of a "
        "general archive (sport, weather, markets), which has none.",
    ),
    # --- names ---
    Tunable(
        "names.surname_weight",
        0.55,
        "Share of the surname in a name score; the given name takes the rest.",
        "The surname finds the family, the given name the person: near equal shares, the "
        "surname slightly ahead because it is the longer, more distinctive token.",
    ),
    Tunable(
        "names.surname_min",
        0.8,
        "Least Levenshtein similarity of surname keys for a surname to count as the same.",
        "Keys already merge transliteration differences; 0.8 allows one edit in 5-9 letters "
        "(typos, Belyatsky/Bialiatski) and rejects surnames of one stem with another suffix.",
    ),
    Tunable(
        "names.given_min",
        0.8,
        "Least Indel similarity of keys for a given name outside the table to count as the same.",
        "A transposition typo in an 8-letter name scores 0.875; distinct names off the table "
        "(Zianon/Zinaida) score well under 0.8.",
    ),
    Tunable(
        "names.gender_form",
        0.92,
        "Surname score when two surnames differ only in a gendered ending (-ski/-skaya, -au/-ava).",
        "The press writes Svetlana Tikhanovsky; such a surname is strong evidence, but below an "
        "exact key so that an exact namesake wins over it.",
    ),
    Tunable(
        "names.initial_score",
        0.75,
        "Given-name score for an initial that fits (M. Kalesnikava).",
        "The press writes initials (Б.Ю. Кагарлицкий, T.Yaqublu): with an exact surname an "
        "initial lands just over the accept threshold (0.55 + 0.45 x 0.75 = 0.89), with any fuzzy "
        "or other-gender surname under it (0.92 x 0.55 + 0.34 = 0.84), so it links only on an "
        "exact surname no namesake of that initial shares.",
    ),
    Tunable(
        "names.suffix_stem_min",
        0.85,
        "Least surname similarity for a name with a case ending cut off to count.",
        "A cut ending is a guess: its stem must meet a registry surname closer than the 0.8 of "
        "an uncut name. 0.85 keeps a Georgian ფ read as p (Vagipgizi/Vagifgizi, 0.89) and drops "
        "two-edit neighbours.",
    ),
    Tunable(
        "names.patronymic_bonus",
        0.02,
        "Added when query and registry carry the same patronymic.",
        "A shared patronymic is weak positive evidence (siblings share it); a different one is "
        "a conflict, handled apart.",
    ),
    Tunable(
        "names.extra_token_penalty",
        0.1,
        "Taken off for each query word that fits nothing in the registry name.",
        "One unexplained word costs about what a one-letter surname difference does.",
    ),
    Tunable(
        "names.accept",
        0.85,
        "Least score for a link, given that the given name was found.",
        "Exact surname + same given name scores 1.0; a one-edit surname with a same given name "
        "about 0.92; surname-only evidence at most 0.55. 0.85 keeps the first two.",
    ),
    Tunable(
        "names.margin",
        0.05,
        "A runner-up within this of the best makes the answer ambiguous.",
        "Half the gap between an exact key (1.0) and a one-edit surname (about 0.92): namesakes "
        "tie, a typo-level neighbour does not block an exact match.",
    ),
    Tunable(
        "names.ambiguous_floor",
        0.45,
        "Least score for a candidate to be reported as ambiguous rather than none.",
        "Surname-only evidence with an exact surname scores 0.55; a weak fuzzy surname alone "
        "(0.8 x 0.55 = 0.44) stays none.",
    ),
    Tunable(
        "names.index_cache_min",
        2000,
        "Fewest registry people for the name index to be kept on disk between runs.",
        "The index of 2,000 names builds in about half a second, about what loading and checking "
        "a cache file costs; smaller registries are built each time and write nothing.",
    ),
    Tunable(
        "names.max_tokens",
        6,
        "Most words a query may have to be treated as a name.",
        "Given, second given, patronymic, surname, maiden name and one spare; longer input is "
        "text, not a name.",
    ),
    # --- extract ---
    Tunable(
        "extract.max_chars",
        200_000,
        "Characters of an article the extractor reads; the rest is left out and noted.",
        "The longest news article in the dev corpora is under 30,000 characters; 200,000 keeps "
        "a pasted feed dump under ~10 s instead of minutes.",
    ),
    Tunable(
        "extract.cyrillic_share",
        0.3,
        "Share of Cyrillic letters above which a text is treated as Russian or Belarusian.",
        "English articles quote a Cyrillic caption or name at most (under 5% of letters); "
        "Russian and Belarusian texts run above 90%. 0.3 sits far from both.",
    ),
    Tunable(
        "extract.slavic_described_span",
        8,
        "Tokens after a Russian or Belarusian describing participle that may hold its person.",
        "5-fold CV on news_dev + news_dev2: 4 lost the name after a participle with its term "
        "('осужденного на N лет колонии журналиста X'; ru persons 0.88 -> 0.83); 8 and 12 "
        "scored the same; 8 stays nearer the participle.",
    ),
    Tunable(
        "extract.event_threshold",
        0.5,
        "Least probability the decision model must give a candidate for it to be reported.",
        "0.5, where the model judges an event likelier than not; 0.25 and 0.35 gave the same "
        "5-fold English all-F1 (0.70-0.71 on news_dev + news_dev2) with more events on "
        "negative texts.",
    ),
    Tunable(
        "extract.train_c",
        1.0,
        "Inverse L2 strength of the decision model's logistic regressions.",
        "scikit-learn's default; C=0.3 scored 0.716 and C=3.0 0.684 English all-F1 against "
        "0.706 in 5-fold cross-validation on news_dev + news_dev2: within fold noise.",
    ),
    Tunable(
        "extract.calibration_folds",
        10,
        "Story folds whose out-of-fold reported events the confidence calibration is fitted on.",
        "10: each head scoring a fold is trained on nine tenths of the training texts, nearer "
        "the model it calibrates. Pooled 5-fold CV on news_dev + news_dev2 (English), with "
        "extract.calibration_min_bin 10: events at confidence >= 0.9 P 0.955 R 0.259 with 5 "
        "folds, P 0.963 R 0.317 with 10.",
    ),
    Tunable(
        "extract.calibration_min_bin",
        10,
        "Least number of out-of-fold reported events behind each knot of the confidence map.",
        "Pooled 5-fold CV on news_dev + news_dev2 (English, 10 calibration folds), events at "
        "confidence >= 0.9: plain isotonic (1) P 0.972 R 0.288; 5 P 0.971 R 0.272; 10 P 0.963 "
        "R 0.317; 15 P 0.972 R 0.288; 20 P 0.960 R 0.296 (a few events apart: noise-level); "
        "with 5 calibration folds 10, 20 and 30 gave R 0.259, 0.251, 0.263. Re-measured "
        "(r15h, same CV, baseline P 0.987 R 0.309) and not kept, none clearly above noise: "
        "knots flat across each run (min_bin 5/10/15/20: R 0.284/0.317/0.292/0.317, P "
        "0.986/0.975/0.986/0.963); runs cut from the top (10/15/20: R 0.305/0.321/0.305); "
        "Platt scaling on the logit (P 1.0 R 0.255); a logistic second stage on logit score, "
        "mentions, sentences, headline, has_persons/count/date, roster, shared_persons "
        "(P 0.955 R 0.263; with isotonic after it P 0.924 R 0.300). The raw score itself "
        "gives P 0.976 R 0.337 at 0.9 but P 0.891 R 0.436 at 0.8 (not calibrated); "
        "scripts/confidence_variants.py re-runs the comparison.",
    ),
    Tunable(
        "extract.background_days",
        10,
        "Days before publication after which a dated event counts as background.",
        "News pegs are dated within the week before publication (weekdays, 'on Thursday'); "
        "10 days leaves room for weekly outlets.",
    ),
    # --- registry ---
    Tunable(
        "registry.same_event_min_score",
        2.0,
        "Score at or above which an extracted event is taken as one already on record.",
        "One shared person (2.0) or a shared count plus an agreeing date (1.5 + 1.0) is enough; "
        "a date alone (1.0) or an actor alone (0.5) is not: checked on the news_dev waves, where "
        "reports of one release share a count or names and distinct releases share neither.",
    ),
    Tunable(
        "registry.country_conflict_penalty",
        1.5,
        "Score taken off when two reports name different countries for one event.",
        "Equal to a shared count: a count plus a date (2.5) in two countries stays below the "
        "merge score, while shared named persons (2.0 each) still carry a misread country.",
    ),
    Tunable(
        "registry.same_event_window_days",
        45.0,
        "Events whose anchor dates (event date, else publication date) lie further apart are "
        "never the same event.",
        "Reports of one release appear within days; follow-ups that recount it carry its date. "
        "Distinct waves in the dev data are months apart. 45 days leaves room for late reports.",
    ),
    # --- import ---
    Tunable(
        "import.batch_rows",
        50,
        "Rows of a registry CSV stored per transaction; other writers get the database between "
        "two batches.",
        "Invented 400-row human-rights lists import at 25-45 ms a row on the shared 2-core "
        "machine (SQLite and PostgreSQL, tests/hostile/test_import_batches.py), so a login or "
        "an accept waits 1-2 s for a batch, far below the 60 s busy timeout; a commit costs "
        "about one row's time, so batches of 50 add about 2 % to an import.",
    ),
    Tunable(
        "import.dump_batch_rows",
        1000,
        "Rows of a JSONL dump restored per transaction; other writers get the database between "
        "two batches.",
        "benchmarks/restore_bench.py on the shared 2-core machine (SQLite, a 28,000-row dump "
        "of a generated registry, a writer taking the lock every 0.2 s): 1,000 rows hold the "
        "lock about 0.1 s and the writer waited at most 20 ms, where 2,000 held 0.3 s and it "
        "waited 0.3 s, and one transaction made it wait 1.9 s (a minute on a big registry). "
        "The cost is import.batch_pause_s per batch: 6.0 s instead of 2.3 s wall for that "
        "dump, the same 1.5 s of CPU; a restore is rare, a reviewer's wait is not.",
    ),
    Tunable(
        "import.dump_batch_chars",
        4_000_000,
        "Characters of dump lines after which a restore batch is committed even if it holds "
        "fewer rows (stored documents can be long).",
        "benchmarks/restore_bench.py --doc-chars 200000 (documents of 200,000 characters): "
        "batches of 4,000,000 characters held SQLite's lock at most 88 ms, about what 1,000 "
        "short rows hold; it also bounds the rows a batch keeps in memory.",
    ),
    Tunable(
        "import.batch_pause_s",
        0.15,
        "Seconds a batched import (on SQLite) leaves the database free after each commit.",
        "SQLite's busy handler lets a waiting writer retry at most every 100 ms; a pause longer "
        "than that lets every waiting login or accept in (without it one waited 24 s in "
        "tests/hostile/test_import_batches.py); 0.15 s per 50-row batch adds about 10 %.",
    ),
    # --- web ---
    Tunable(
        "web.lockout_failures",
        10.0,
        "Failed logins for one account within the lockout window after which that account "
        "refuses every login attempt, from any address, until the window has passed.",
        "Twice the per-address limit of 5 a minute, so a reviewer mistyping is never locked, "
        "while guessing from rotating addresses gets 10 tries per window instead of unbounded.",
    ),
    Tunable(
        "web.lockout_window_s",
        900.0,
        "Seconds over which failed logins of one account are counted (and so the longest lock).",
        "15 minutes, the usual account-lockout period (OWASP's authentication cheat sheet): "
        "10 guesses per 15 minutes is about 1,000 a day, hopeless against an 8+ character "
        "password, while a locked-out reviewer waits at most a coffee break.",
    ),
)

_BY_NAME = {t.name: t for t in TUNABLES}


def tunable(name: str) -> float:
    """Return the value of the tunable called ``name``."""
    return _BY_NAME[name].default
