"""Remove site furniture (menus, share and subscribe lines, teasers) from a page's plain text.

The filter works on whole lines and is deliberately timid: a line goes only when it matches a
known furniture form, or a promotion form inside the page's top or bottom band, or is a headline
after a trailing "Read more" marker. A sentence of the article is never a match, because each
pattern either covers the whole (short) line or needs a first-person or imperative promotion.
"""

from __future__ import annotations

import re

# Short lines that are page furniture wherever they appear (the whole line must match).
_FURNITURE = re.compile(
    r"""^(?:
        popular\ categories | search(?:\ the\ (?:website|site))? | exit\ mobile\ version
      | skip\ to\ (?:main\ )?(?:content|navigation|main) | edit\ post | menu | home | close
      | share(?:\ this)?(?:\ (?:article|story|page|post))? | share\ on\ \w+ | tweet | print
      | e-?mail | copy\ link | link\ copied | comments? | leave\ a\ (?:comment|reply)
      | support\ us | subscribe(?:\ now)? | sign\ (?:up|in) | log\ ?in | log\ ?out | register
      | become\ a\ member(?:\ gift\ membership)? | donate(?:\ now)? | advertisement | ad
      | loading\.* | back\ to\ top | scroll\ to\ top | top\ stories | latest\ news
      | trending(?:\ now)? | most\ (?:read|popular|viewed) | you\ (?:may|might)\ also\ like
      | recommended(?:\ for\ you)? | tags?:.* | topics?:.* | follow\ us.* | all\ rights\ reserved.*
      | (?:©|\(c\)|copyright)\ ?\d{4}.* | enjoying\ ad-free\ content\?
      | this\ audio\ is\ (?:created|generated)\ with\ ai\ assistance
      | listen\ to\ (?:this\ )?article
      | (?:accept|reject|allow)(?:\ all)?(?:\ cookies)? | cookie\ (?:settings|policy|preferences)
      | we\ use\ cookies.* | this\ (?:web)?site\ uses\ cookies.*
      | (?:photo|image|illustration|фото|фота)\s*:.{0,80}
      | читайте\ также | поделиться | подписаться | реклама | главная | меню | поиск
      | чытайце\ таксама | падзяліцца | падпісацца
    )[.!:]?$""",
    re.IGNORECASE | re.VERBOSE,
)

# Markers of related-article boxes; a line with the marker and a headline is itself a teaser.
_TEASER_MARKER = re.compile(
    r"""^(?:
        read\ (?:more|also)(?:\ about\b.*|\s*[:|»>-].*)? | also\ read\b.* | see\ also\b.*
      | related(?:\ (?:articles|stories|coverage|news|content|posts))?\s*(?::.*)?
      | more\ (?:on|about)\ this(?:\ story|\ topic)?\s*(?::.*)? | more\ from\ .{1,60}
      | popular\ categories | you\ (?:may|might)\ also\ like | recommended(?:\ for\ you)?
      | читайте\ также\b.* | по\ теме\s*(?::.*)? | смотрите\ также\b.* | чытайце\ таксама\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Promotion lines (fundraising, subscription, cookies): dropped only in the top or bottom band.
_PROMOTION = re.compile(
    r"""(?:
        \bsubscribe\ (?:to|now|for)\b | \bsign\ up\ (?:for|to)\b | \bnewsletter\b
      | \bfollow\ us\b | \bjoin\ us\ on\b | \bsupport\ (?:us|our\ (?:work|journalism))\b
      | \byour\ support\b | \bwe\ need\ your\ help\b | \bhelp\ us\b | \bdonat(?:e|ion)\b
      | \bbecome\ a\ member\b | \bmembership\b | \bad-free\b | \bdisabled\ all\ ads\b
      | \bour\ journalism\b | \bfunded\ by\ (?:our\ )?readers\b | \bwe\ use\ cookies\b
      | \bcookie\ (?:policy|settings)\b | \bgift\ a\ membership\b
      | подпишитесь | подписаться | подписывайтесь | присоединяйтесь | поддержите\ нас
      | падпісвайцеся | падпішыцеся | падтрымайце
      | \bмы\ каждый\ день\ публикуем\b | \bнаш(?:ем|)\ (?:telegram|канал)
    )""",
    re.IGNORECASE | re.VERBOSE,
)

# A menu: several short items separated by bars or bullets on one line.
_MENU = re.compile(r"^[^|•·]{1,30}(?:\s*[|•·]\s*[^|•·]{1,30}){2,}$")
_SENTENCE_END = re.compile(r"[.!?…:;\"'”»’)\]]\s*$")
_GLUED_TAIL = re.compile(r"\s*(?:Exit mobile version)+\s*$", re.IGNORECASE)
_BLANKS = re.compile(r"\n{3,}")
# A headline after a trailing teaser marker: at most this many lines, none ending a sentence.
_MAX_TEASER_LINES = 10


def _is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line) or _MENU.match(line))


def _is_promotion(line: str) -> bool:
    return bool(_PROMOTION.search(line))


def _strip_top(lines: list[str], keep: list[bool]) -> None:
    for i, line in enumerate(lines):
        if not line or not keep[i]:
            continue
        if len(line) < 300 and _is_promotion(line):
            keep[i] = False
        else:
            return


def _strip_bottom(lines: list[str], keep: list[bool]) -> None:
    while True:
        changed = False
        for i in range(len(lines) - 1, -1, -1):
            if not lines[i] or not keep[i]:
                continue
            if len(lines[i]) < 300 and _is_promotion(lines[i]):
                keep[i] = False
                changed = True
            else:
                break
        changed = _strip_trailing_teasers(lines, keep) or changed
        if not changed:
            return


def _strip_trailing_teasers(lines: list[str], keep: list[bool]) -> bool:
    """Drop the last teaser marker and the headlines after it, if only headlines follow it."""
    after: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line:
            continue
        if _TEASER_MARKER.match(line):
            if not after:
                continue
            if any(_SENTENCE_END.search(lines[j]) for j in after):
                return False
            for j in [i, *after]:
                keep[j] = False
            return True
        if keep[i]:
            after.append(i)
            if len(after) > _MAX_TEASER_LINES:
                return False
    return False


def clean_text(text: str) -> str:
    """Return ``text`` without the site furniture at its top and bottom and furniture lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    # The tail can only match before trailing blanks ending in "n" ("version"): skip the scan.
    if text.rstrip()[-1:] in ("n", "N"):
        text = _GLUED_TAIL.sub("", text)
    lines = [line.strip() for line in text.split("\n")]
    keep = [not _is_furniture(line) for line in lines]
    # A marker with a headline on the same line is a teaser wherever it stands.
    for i, line in enumerate(lines):
        if keep[i] and _TEASER_MARKER.match(line) and len(line) < 250:
            keep[i] = _SENTENCE_END.search(line) is not None and len(line.split()) > 12
    _strip_top(lines, keep)
    _strip_bottom(lines, keep)
    kept = "\n".join(line if keep[i] else "" for i, line in enumerate(lines))
    kept = "\n".join(line.strip() for line in kept.split("\n"))
    return _BLANKS.sub("\n\n", kept).strip()
