"""Reading input: files of any common encoding into cleaned :class:`Article` objects.

Text files are decoded by their byte-order mark, else as UTF-8, else as the
best single-byte guess (cp1252, whose printable range includes Latin-1's);
mojibake such as ``Ã©`` is then repaired with ftfy (quotes are left curly: the
quote finder uses their direction). Binary files, empty files and
directories without articles are refused with an :class:`InputError` whose
message names the file and the problem. An HTML page saved as ``.txt`` is
recognised and read as HTML.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from collections.abc import Iterable, Iterator, Set
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import ftfy

from . import clean, limits
from .article import Article, Paragraph
from .clean import clean_lines, split_lines
from .limits import MAX_FILE_BYTES, ArticleTooLong, check_length
from .rules import check_disable, rule

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".parquet"}
# Word, RTF and PDF files: read through :mod:`toolkit.archives` (an export of
# many articles, or one document read as one article).
DOCUMENT_SUFFIXES = {".docx", ".rtf", ".pdf"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES | DOCUMENT_SUFFIXES

# Magic numbers of common binary formats someone might point the toolkit at.
_MAGIC = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
          b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
          b"\x1f\x8b": "a gzip archive", b"\x7fELF": "an executable", b"BZh": "a bzip2 archive",
          b"SQLite format 3": "an SQLite database", b"RIFF": "a RIFF (audio/video) file"}
_BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
         (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)
# The only ASCII characters ftfy's fixes change or act on: "&" (HTML entities),
# carriage returns (line breaks), control characters (escapes included).
_FTFY_ASCII_WORK = re.compile("[&\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML_START = re.compile(r"^\s*(<!doctype html|<html\b|<\?xml[^>]*>\s*<html\b)", re.I)
_TAG = re.compile(r"<(p|div|span|a|br|body|head|script|meta|h[1-6]|article|li)\b[^>]*>", re.I)
# Characters Python's splitlines() takes for line breaks although editors do not
# (form feed, vertical tab, file/group/record separators, NEL): as spaces, so
# removed.csv's line numbers are the lines a person sees.
_ODD_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85]")
# Characters no XML or HTML document may hold (C0 controls other than tab and
# line ends, DEL, lone surrogates, noncharacters): removed on reading, so no
# table, GEXF/GraphML file or report can carry one.
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                      + "".join(f"{chr(p + 0xFFFE)}{chr(p + 0xFFFF)}" for p in range(0x10000, 0x110000, 0x10000))
                      + "]")
_SCRUBBED = re.compile(f"[{_ODD_BREAKS.pattern[1:-1]}{_NOT_XML.pattern[1:-1]}]")  # what scrub() changes


class InputError(ValueError):
    """Input that cannot be analysed; the message is one line naming the input."""


def decode(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding)``.

    Raises:
        InputError: for empty, whitespace-only or binary data.

    Example:
        >>> decode("café".encode("cp1252"))
        ('café', 'cp1252')
    """
    return _decode(data, name)


def decode_plain(data: bytes, *, name: str = "<bytes>") -> str:
    """The text of ``data`` as :func:`decode` finds its encoding, without ftfy's repairs.

    For tests on a file's start (is it a news-archive export?) that look for
    ASCII markers: ftfy is most of the cost of decoding and changes nothing
    they look for. Nothing is cached.

    Raises:
        InputError: for empty, whitespace-only or binary data.

    Example:
        >>> decode_plain("1 of 2 DOCUMENTS".encode("utf-16"))
        '1 of 2 DOCUMENTS'
    """
    return _decode(data, name, fix=False)[0]


def _decode(data: bytes, name: str, *, fix: bool = True) -> tuple[str, str]:
    if not data:
        raise InputError(f"{name}: file is empty")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: not a text file (looks like {what})")
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None) \
        or _utf16_without_bom(data[:65536])
    if encoding is None:
        sample = data[:65536]
        if sample.count(b"\x00") > len(sample) // 10 or _control_share(sample) > 0.1:
            raise InputError(f"{name}: not a text file (binary content)")
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = _guess_single_byte(data)
            text = data.decode(encoding, errors="replace")
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(f"{name}: invalid {encoding} text after its byte-order mark") from None
    text = text.replace("\x00", "")
    if fix:
        text = scrub(fix_text(text))
    if not text.strip():
        raise InputError(f"{name}: file has no text (only whitespace)")
    return text, encoding


def fix_text(text: str) -> str:
    """``ftfy.fix_text`` with the toolkit's settings; ASCII text it would leave as
    it is (no "&", carriage return or control character) is returned at once.

    Example:
        >>> fix_text("Caf\u00c3\u00a9 &amp; bar"), fix_text("Plain words.")
        ('Caf\u00e9 & bar', 'Plain words.')
    """
    if text.isascii() and not _FTFY_ASCII_WORK.search(text):
        return text
    return ftfy.fix_text(text, config=_FTFY)


def scrub(text: str) -> str:
    """Remove characters no XML/HTML output may hold; odd line breaks become spaces.

    Example:
        >>> scrub("Pier\\ufffe opens\\x0ctoday")
        'Pier opens today'
    """
    if not _SCRUBBED.search(text):  # one scan for the usual text with neither
        return text
    return _NOT_XML.sub("", _ODD_BREAKS.sub(" ", text))


def display_path(path: str | Path) -> str:
    """A path as text that can be written anywhere (undecodable bytes shown as U+FFFD).

    Example:
        >>> display_path(Path(b"caf\\xe9.txt".decode("utf-8", "surrogateescape")))
        'caf\ufffd.txt'
    """
    text = str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _NOT_XML.sub("\ufffd", text)


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` for text whose every other byte is NUL (ASCII-range UTF-16)."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.1 * len(other):
            try:
                sample[: len(sample) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


# Control bytes other than tab, newline, form feed and carriage return.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _control_share(sample: bytes) -> float:
    r"""The share of control bytes in ``sample``, counted by deleting them (no loop in Python).

    Example:
        >>> _control_share(b"ab\x00\n")
        0.25
    """
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / max(len(sample), 1)


def _guess_single_byte(data: bytes) -> str:
    """cp1252 unless it cannot decode the bytes (then Latin-1, which always can)."""
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def looks_like_html(text: str) -> bool:
    """True for a saved web page, whatever its file name says."""
    head = text[:5000]
    return bool(_HTML_START.match(head)) or len(_TAG.findall(head)) >= 5


def article_id_for(path: Path) -> str:
    """A safe identifier from a file name: its stem, with unsafe characters replaced.

    Example:
        >>> article_id_for(Path("../news/Élection 2024!.txt"))
        'Élection_2024'
    """
    return safe_id(_strip_suffix(path.name))


def _strip_suffix(name: str) -> str:
    """A file name without its article suffix (``.txt``, ``.html``, ``.jsonl``...)."""
    for suffix in sorted(ARTICLE_SUFFIXES - {""}, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def safe_id(raw: str) -> str:
    """Make an article id safe as a file name: no separators, no leading dots."""
    cleaned = re.sub(r"[^\w.\-]+", "_", str(raw)).strip("._") or "article"
    return cleaned[:120]


# The commonest English function words: in English prose they make up a
# third or more of all words, in other languages almost none.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in that is was he for it with as his on be at by i this had not are but "
    "from or have an they which one you were her all she there would their we him been has "
    "when who will more no if out so said what up its about into than them can only other new "
    "some could time these two may then do first any my now such like our over man me even "
    "most made after also did many before must through back years where much your way well "
    "down should because each just those people how too little state good very make world "
    "still own see men work long get here between both life being under never day same "
    "another know while last might us great old year off come since against go came right "
    "used take three".split())


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language (``"en"`` for English).

    English is recognised cheaply by its function words; other text is
    identified with langdetect (seeded, so the answer is reproducible).

    Example:
        >>> detect_language("The council said on Monday that it would vote again.")
        'en'
    """
    words = re.findall(r"[a-z]+", text[:5000].lower())
    if not words:
        return "und"
    if sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, words)) / len(words) >= 0.2:
        return "en"
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0
    try:
        return detect(text[:5000])
    except LangDetectException:
        return "und"


def read_text(text: str, *, article_id: str = "text", source_path: str | None = None,
              disable_rules: Iterable[str] = ()) -> Article:
    """Clean already-decoded text (a raw scrape, wire copy or an HTML page).

    Text that is not English is still analysed, with a warning naming the
    detected language (the English model's results will be unreliable).
    ``disable_rules`` names cleaning rules to switch off (see
    :func:`toolkit.rules.list_rules`, stage ``clean``); every reader here
    takes it.

    Raises:
        ValueError: ``disable_rules`` names a rule that does not exist.
    """
    disable = frozenset(check_disable(disable_rules))
    if looks_like_html(text):
        article = read_html(text, article_id=article_id, source_path=source_path,
                            disable_rules=disable)
    else:
        article = clean_lines(split_lines(text), article_id=article_id, disable=disable)
    article.source_path = source_path
    article.language = detect_language(article.text)
    if article.language != "en":
        article.warnings.append(f"{source_path or article_id}: text looks like language "
                                f"{article.language!r}, not English; results of the English "
                                "model will be unreliable")
    return article


class MissingInputError(InputError, FileNotFoundError):
    """An input path that does not exist (both an :class:`InputError` and a ``FileNotFoundError``)."""


def read_article(source: str | Path, *, article_id: str | None = None,
                 disable_rules: Iterable[str] = ()) -> Article:
    """Read and clean one article from a file (text, a saved HTML page, or a Word/RTF/PDF document).

    A ``.docx``, ``.rtf`` or ``.pdf`` file is read as one article: an ordinary
    document, or a news-archive export holding a single article (its
    metadata filled in). An export holding several articles is refused: read
    those with :func:`toolkit.iter_archive`.

    ``source`` is always a path. For text you already have, use
    :func:`read_text` (the same cleaning rules) or :func:`article_from_text`
    (no cleaning).

    Raises:
        FileNotFoundError: the file does not exist (a :class:`MissingInputError`).
        InputError: the file is unreadable, empty, binary, too large, or
            holds no article text; or it is an export of several articles.
        TypeError: ``source`` is not a path (``str`` or ``pathlib.Path``).
        InputError: (a ``ValueError``) ``source`` is empty or looks like article
            text, not a path.

    Example:
        >>> art = read_article(ARTICLE)  # the path of an article, e.g. "story.txt"
        >>> art.paragraphs[0].kind
        'body'
    """
    path = _as_path(source, "read_article")
    name = display_path(path)
    disable = frozenset(check_disable(disable_rules))
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        from .archives import read_document

        return read_document(path, article_id=article_id, disable_rules=disable)
    text, _ = decode(read_bytes(path), name=name)
    aid = article_id or article_id_for(path)
    if not looks_like_html(text):  # far too long to be one article: refused before cleaning
        _check_raw_size(text, name)
    if path.suffix.lower() in HTML_SUFFIXES:
        article = read_html(text, article_id=aid, source_path=name, disable_rules=disable)
    else:
        article = read_text(text, article_id=aid, source_path=name, disable_rules=disable)
    if not article.paragraphs:
        raise InputError(f"{name}: no article text left after cleaning")
    check_size(article, name)
    article.source_id = display_path(_strip_suffix(path.name))
    return article


def _as_path(source, caller: str) -> Path:
    """``source`` as a Path, or a clear error saying what was given instead."""
    if isinstance(source, Path):
        return source
    if not isinstance(source, str):
        raise TypeError(f"{caller}() takes a path (str or pathlib.Path), not "
                        f"{type(source).__name__}")
    if not source.strip():
        raise InputError(f"{caller}() was given an empty path")
    if "\n" in source or len(source) > 4096:
        raise InputError(f"{caller}() takes a path, and this looks like article text: use "
                         "toolkit.read_text(text) (cleaned) or toolkit.article_from_text(text)")
    return Path(source)


def _check_raw_size(text: str, name: str) -> None:
    """Refuse, before cleaning, a plain text over twice the longest article analysed."""
    most = limits.MAX_ARTICLE_CHARS
    if len(text) > 2 * most:
        raise InputError(f"{name}: text is over {2 * most:,} characters, far more than the "
                         f"{most:,} the toolkit analyses as one article (split it into "
                         "several articles)")


def check_size(article: Article, name: str) -> None:
    """Refuse an article longer than :data:`~toolkit.limits.MAX_ARTICLE_CHARS`."""
    try:
        check_length(article.text, name)
    except ArticleTooLong as exc:
        raise InputError(str(exc)) from None


@contextmanager
def os_errors(path: Path) -> Iterator[None]:
    """Turn OS errors while reading ``path`` into one-line :class:`InputError` messages."""
    name = display_path(path)
    try:
        yield
    except FileNotFoundError:
        raise MissingInputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None


def read_bytes(path: Path) -> bytes:
    """Read a regular file of at most :data:`~toolkit.limits.MAX_FILE_BYTES`.

    Devices, pipes and sockets are refused (a FIFO would wait forever,
    ``/dev/zero`` never ends), as are larger files; OS errors become
    one-line :class:`InputError` messages.
    """
    name = display_path(path)
    with os_errors(path):
        if path.is_dir():
            raise InputError(f"{name}: is a directory (pass it as an input to analyse "
                             "every article inside)")
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"{name}: not a regular file (a device, pipe or socket)")
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{name}: file is larger than {MAX_FILE_BYTES // (1 << 20)} MB; "
                         "split it into smaller files")
    return data


def read_html(html: str, *, article_id: str = "page", source_path: str | None = None,
              disable_rules: Iterable[str] = ()) -> Article:
    """Extract the main text and metadata of a saved web page, then clean it.

    trafilatura finds the article body (no network access: the page is parsed
    as given, external entities are not resolved); every line it keeps ends up
    in the body or in ``Article.removed`` with a reason, so the toolkit never
    keeps less than trafilatura without saying why. Lines that the page's
    markup marks as furniture (figure captions, "related" and "read more"
    boxes, newsletter and subscription forms, share bars) are removed as
    ``html_furniture`` when that element is short beside the story; the
    cleaning rules for leftovers (captions, teasers, prompts, bylines, date
    lines) run over the rest. Rules that guess where a raw scrape's story
    starts or ends (headline, short lines before the body, repeated
    paragraphs, everything after a closing byline) are not used: trafilatura
    has already found the body. If the rules would leave no body at all,
    trafilatura's text is kept as it is, with a warning.

    The publication date is taken from the page's metadata only when the page
    states that full date (a year alone, as in "© 2024", is not a date).
    ``disable_rules`` switches cleaning rules off (see :func:`read_text`).

    Raises:
        InputError: the page has no extractable article text, or only
            navigation links.

    Example:
        >>> page = ("<html><body><article><h1>Rain stops play</h1><p>Rain stopped play at "
        ...         "the cup final on Sunday, officials said, and fans went home early.</p>"
        ...         "<figure><img src='a.jpg'><figcaption>Fans in the rain. Photo: Ann Lee"
        ...         "</figcaption></figure></article></body></html>")
        >>> read_html(page).text
        'Rain stopped play at the cup final on Sunday, officials said, and fans went home early.'
    """
    where = source_path or article_id
    tree = _html_tree(html)
    furniture: list[tuple[str, set[str]]] = []
    links: set[str] = set()
    if tree is not None:
        furniture, links = _furniture_texts(tree), _link_texts(tree)
    meta, body = _extract(html, tree)
    body_lines = _page_body_lines(body, links, where)
    sure = _sure_furniture(furniture, body)
    title = (meta.get("title") or "").strip() or None
    lines = []
    for line in body_lines:  # trafilatura gives one element per line
        for piece in _split_at(line, sure, title):
            lines.extend([piece, ""])
    article = clean_lines(lines, article_id=article_id, rules=_html_rules(title, sure),
                          caps_chrome=False, disable=frozenset(check_disable(disable_rules)))
    if not article.paragraphs:
        article = _keep_everything(lines, article, where)
    _page_metadata(article, meta, html, title)
    article.source_path = source_path
    return article


def _page_body_lines(body: str, links: set[str], where: str) -> list[str]:
    """The non-blank lines of trafilatura's body text.

    Raises:
        InputError: there is no body, or it is nothing but the page's links.
    """
    if not body.strip():
        raise InputError(f"{where}: no article text found in the HTML page")
    body_lines = [ln for ln in body.splitlines() if ln.strip()]
    if links and all(_norm(ln) in links for ln in body_lines) and not any(
            is_prose_line(ln) for ln in body_lines):
        raise InputError(f"{where}: no article text found in the HTML page (only navigation "
                         "links)")
    return body_lines


def _page_metadata(article: Article, meta: dict, html: str, title: str | None) -> None:
    """Fill title, authors and publication date the cleaning rules left empty
    from the page's metadata (a date only when the page states that full date)."""
    if title and not article.title:
        article.title = title
    if meta.get("author") and not article.authors:
        article.authors = [a.strip() for a in re.split(r";|,| and ", meta["author"]) if a.strip()]
    if meta.get("date") and article.published_from != "date_line":
        day = str(meta["date"])[:10]
        if _date_is_stated(html, day):
            article.published, article.published_from = day, "html_metadata"


def _extract(html: str, tree) -> tuple[dict, str]:
    """trafilatura's metadata and body text for a page.

    The body is trafilatura's default extraction, or its recall-favouring one
    when that keeps every line of the default and more (never less).
    """
    import copy

    import trafilatura

    def run(**options) -> dict:
        source = copy.deepcopy(tree) if tree is not None else html
        return _as_meta(trafilatura.bare_extraction(
            source, include_comments=False, include_tables=True, include_images=False,
            **options))

    meta = run(with_metadata=True)
    body = meta.get("text") or ""
    more = run(favor_recall=True).get("text") or ""
    lines, more_lines = _line_set(body), _line_set(more)
    if len(more_lines) > len(lines) and lines <= more_lines:
        body = more
    return meta, body


def _line_set(text: str) -> set[str]:
    """The lines of an extraction, without list marks, for comparing two extractions."""
    keys = (_norm(re.sub(r"^[\s\-\u2022*#>|]+", "", ln)) for ln in text.splitlines())
    return {k for k in keys if re.search(r"\w", k)}


def _keep_everything(lines: list[str], cleaned: Article, where: str) -> Article:
    """trafilatura's lines as the body, when the cleaning rules would have dropped them all."""
    from .clean import blocks_from_lines

    kept = Article(id=cleaned.id, title=cleaned.title, authors=cleaned.authors,
                   author_roles=cleaned.author_roles, published=cleaned.published,
                   published_from=cleaned.published_from)
    kept.paragraphs = [Paragraph(b.text, "body", tuple(b.lines)) for b in blocks_from_lines(lines)]
    kept.warnings.append(f"{where}: the cleaning rules would remove every line trafilatura "
                         "extracted; its text is kept as it is")
    return kept


def is_prose_line(line: str) -> bool:
    """A line of running text (see :func:`toolkit.clean.is_prose`)."""
    from .clean import is_prose

    return is_prose(_norm(line))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _as_meta(doc) -> dict:
    """trafilatura's result (a Document, a dict or None) as a plain dict."""
    if doc is None:
        return {}
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


# Elements that templates use for furniture around a story, by tag, class or id.
_FURNITURE_WORDS = ("caption", "related", "newsletter", "subscribe", "signup", "sign-up",
                    "promo", "share", "social", "readmore",
                    "more-stories", "recommended", "outbrain", "taboola")
_FURNITURE_TAGS = frozenset({"figcaption", "form", "aside"})
_FURNITURE_RE = re.compile("|".join(re.escape(w) for w in _FURNITURE_WORDS))
_NEVER_FURNITURE = frozenset({"html", "body", "article", "main"})
#: A furniture element is only trusted when its text is at most this share of the story.
_FURNITURE_MAX_SHARE = 0.3


def _furniture_texts(tree) -> list[tuple[str, set[str]]]:
    """Each element marked as furniture (by tag, or a word in its class or id): its text and
    the texts of its parts (the element and every element inside it).

    The tree is not changed. Nested furniture gives the outermost element only.
    """
    texts = []
    skip_inside = None
    for el in tree.iter():
        if skip_inside is not None and _is_inside(el, skip_inside):
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:
            continue
        attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
        if tag in _FURNITURE_TAGS or (tag not in _NEVER_FURNITURE and len(attrs) > 1
                                      and _FURNITURE_RE.search(attrs.lower())):
            text = _norm(el.text_content())
            if text:
                parts = {_norm(sub.text_content()) for sub in el.iter()
                         if isinstance(sub.tag, str)}
                texts.append((text, parts - {""}))
            skip_inside = el
    return texts


def _is_inside(el, ancestor) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.getparent()
    return False


def _link_texts(tree) -> set[str]:
    """The text of every link on the page."""
    return {t for t in (_norm(a.text_content()) for a in tree.iter("a")) if t}


def _sure_furniture(texts: list[tuple[str, set[str]]], body: str) -> set[str]:
    """The texts of furniture elements short enough beside the story to be removed with
    confidence, and of their parts.

    An element marked as furniture that holds a large part of the story (a
    "share" wrapper around the whole article, a "promo" section that is the
    story) is not trusted.
    """
    words = len(body.split())
    return {part for text, parts in texts if len(text.split()) <= _FURNITURE_MAX_SHARE * words
            for part in parts}


def _split_at(line: str, sure: set[str], title: str | None) -> list[str]:
    """A line cut before and after furniture text glued into it (and after a leading title).

    trafilatura sometimes joins a small page's heading, paragraph and caption
    into one line; cutting them apart lets each piece be kept or removed on
    its own.
    """
    line = _norm(line)
    if title and line.startswith(title + " ") and len(title.split()) >= 2:
        return [title, *_split_at(line[len(title) + 1:], sure, None)]
    for piece in sure:
        if len(piece.split()) < 3 or len(piece) >= len(line):
            continue
        at = f" {line} ".find(f" {piece} ")
        if at >= 0:
            before, after = line[:at].strip(), line[at + len(piece):].strip()
            return [*(_split_at(before, sure, None) if before else []), piece,
                    *(_split_at(after, sure, None) if after else [])]
    return [line]


def _in_furniture(line: str, sure: set[str]) -> bool:
    """A line that is exactly the text of a furniture element or of one of its parts."""
    return _norm(line) in sure


# Full dates as pages write them in markup or text: ISO-like numbers, or a month name with
# a day and a year (in either order).
_NUMERIC_DAY = "{y}[-/.]{m:02d}[-/.]{d:02d}|{y}{m:02d}{d:02d}|{d:02d}[-/.]{m:02d}[-/.]{y}|" \
               "{m:02d}[-/.]{d:02d}[-/.]{y}|{d}[-/.]{m}[-/.]{y}|{m}[-/.]{d}[-/.]{y}"


def _date_is_stated(html: str, day: str) -> bool:
    """True when the page states the full date ``day`` (``YYYY-MM-DD``) somewhere.

    Example:
        >>> _date_is_stated('<meta content="2024-03-14T10:00">', "2024-03-14")
        True
        >>> _date_is_stated("<p>March 2024</p><p>&copy; 2024</p>", "2024-03-01")
        False
    """
    from .clean import find_all_dates

    try:
        y, m, d = (int(x) for x in day.split("-"))
    except ValueError:
        return False
    if re.search(r"(?<!\d)(" + _NUMERIC_DAY.format(y=y, m=m, d=d) + r")(?!\d)", html):
        return True
    return day in find_all_dates(html)


def _html_tree(html: str):
    """Parse a page into an lxml tree without fetching anything; ``None`` if unparsable."""
    from lxml.etree import LxmlError
    from trafilatura.utils import load_html

    try:
        return load_html(html)
    except (LxmlError, ValueError):  # a page lxml cannot parse: trafilatura's own parser reads it
        return None


@rule("clean-html-furniture", stage="clean")
def rule_html_furniture(block, state, *, furniture: Set[str] = frozenset()) -> str | None:
    """A line from an element a web page marks as furniture (caption, related box, form).

    Only furniture short beside the story counts (see :func:`read_html`).
    """
    return "html_furniture" if furniture and _in_furniture(block.text, furniture) else None


@rule("clean-page-title", stage="clean")
def rule_page_title(block, state, *, title: str | None = None) -> str | None:
    """A web page's own title repeated as the first line of its body."""
    if title and not state.body_started and \
            clean.normalise_space(block.text).lower() == title.lower():
        return "title"
    return None


@rule(clean.rule_newsletter.rule_name, stage="clean")
def rule_page_prompt(block, state) -> str | None:
    """``clean-newsletter`` on a web page: a list item ("- Sign up for ...") is content there."""
    return None if block.text.startswith(("- ", "\u2022")) else clean.rule_newsletter(block, state)


@rule(clean.rule_related.rule_name, stage="clean")
def rule_related_links(block, state) -> str | None:
    """``clean-related`` on a web page: the marker and the link titles under it, not the prose after.

    On a page, teasers are short link titles; a prose paragraph after them
    is the story going on (a raw scrape's teaser paragraph does not reach
    trafilatura's output).
    """
    was_inside = state.in_related
    reason = clean.rule_related(block, state)
    if reason and was_inside and clean.is_prose(block.text):
        state.in_related = 0
        return None
    return reason


RULE_STAGE = "clean"
RULE_GROUPS = {"html": (rule_page_title, rule_html_furniture)}
"""The web-page cleaning rules in the registry (:mod:`toolkit.rules`, stage ``clean``).

A page is cleaned by :func:`_html_rules`: most of :data:`toolkit.clean.RULES`,
these two, and page forms of ``clean-newsletter`` and ``clean-related``
(:func:`rule_page_prompt`, :func:`rule_related_links`), which bear those
names, so switching one off switches its page form off too.
"""


def _bound(func, **options):
    """``func`` with its page options filled in, keeping its rule name."""
    bound = functools.partial(func, **options)
    bound.rule_name = func.rule_name
    return bound


def _html_rules(title: str | None, furniture: set[str] | None = None) -> list:
    """The cleaning rules for text trafilatura extracted from a page."""
    return [clean.rule_skip_link, clean.rule_read_time, clean.rule_share,
            clean.rule_follow, clean.rule_copyright, clean.rule_related_inline,
            rule_related_links, rule_page_prompt, clean.rule_cookie, clean.rule_banner,
            clean.rule_wire_signature, clean.rule_credits, clean.rule_byline,
            clean.rule_date_line, clean.rule_caption, _bound(rule_page_title, title=title),
            _bound(rule_html_furniture, furniture=furniture or frozenset())]


def iter_input_files(inputs: list[str | Path]) -> Iterator[Path]:
    """Expand inputs (files and folders, recursively) to article files, in sorted order.

    Hidden files and folders (names starting with ``.``) are skipped.

    Raises:
        InputError: an input does not exist, a folder (or a folder inside it)
            cannot be read, a folder holds no article files, or the same file
            is given twice.
    """
    seen: dict[Path, str] = {}
    for item in inputs:
        path = _as_path(item, "iter_input_files")
        if path.is_dir():
            files = _folder_files(path)
        elif path.exists():
            files = [path]
        else:
            raise MissingInputError(f"{display_path(path)}: no such file or directory")
        for f in files:
            key = f.resolve()
            if key in seen:
                raise InputError(f"{display_path(f)}: given twice (also as {seen[key]}); "
                                 "each file is analysed once")
            seen[key] = display_path(f)
            yield f


def _folder_files(folder: Path) -> list[Path]:
    """Article files under ``folder``, sorted; an unreadable folder is an error."""
    def fail(exc: OSError) -> None:
        where = display_path(exc.filename or folder)
        raise InputError(f"{where}: cannot read folder ({exc.strerror or exc})")

    files = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=fail):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        files.extend(Path(dirpath) / n for n in filenames if not n.startswith(".")
                     and Path(n).suffix.lower() in ARTICLE_SUFFIXES - {""})
    files = sorted(f for f in files if f.is_file())
    if not files:
        raise InputError(f"{display_path(folder)}: directory contains no article files "
                         f"({', '.join(sorted(ARTICLE_SUFFIXES - {''}))})")
    return files


def paragraphs_from_text(text: str) -> list[Paragraph]:
    """Split clean text into body paragraphs at blank lines (no cleaning rules)."""
    return [Paragraph(" ".join(b.split()), "body") for b in re.split(r"\n\s*\n", text)
            if b.strip()]


def article_from_text(text: str, *, article_id: str = "text") -> Article:
    """An article whose body is ``text`` as given, one paragraph per blank-line block.

    No cleaning rule runs: for tests and for text that is already clean.

    Example:
        >>> article_from_text("First paragraph.\\n\\nSecond one.").text
        'First paragraph.\\n\\nSecond one.'
    """
    return Article(id=article_id, paragraphs=paragraphs_from_text(text))


# --------------------------------------------------------------------------- tabular corpora


@dataclass
class Failure:
    """An input (a file, or one row of a corpus file) that could not be analysed.

    Attributes:
        article_id: the id the article would have had.
        source: the file it came from.
        error: one line saying what went wrong.
        line: for a row of a JSONL/CSV file, its 1-based line number; for a
            Parquet row, its 1-based row number.
        stage: where it failed: ``read`` (the input), ``clean``, ``parse``, an
            analysis stage (``actors``, ``quotes``...) or ``timeout``.
    """

    article_id: str
    source: str
    error: str
    line: int | None = None
    stage: str = "read"


def iter_table_articles(path: str | Path, *, text_column: str = "text", id_column: str = "id",
                        title_column: str | None = None,
                        disable_rules: Iterable[str] = ()) -> Iterator[Article | Failure]:
    """Read a corpus export (JSONL, CSV or Parquet): one article per row, in file order.

    Each row's text goes through the same cleaning as a text file (a row
    holding a saved page goes through the HTML reader). The article id is the
    row's ``id_column`` value, else ``<file stem>-<line>``. A malformed row (bad
    JSON or CSV quoting, a wrong number of fields, no text) comes back as a
    :class:`Failure` with its line number, and reading goes on.

    Raises:
        InputError: the file cannot be read, or has no ``text_column``.

    Example:
        >>> import tempfile
        >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        ...     _ = fh.write('{"id": "a1", "text": "Ann Lee said it rained all day."}\\n{"id": 2\\n')
        >>> [type(x).__name__ for x in iter_table_articles(fh.name)]
        ['Article', 'Failure']
    """
    disable = frozenset(check_disable(disable_rules))
    for row in table_rows(path, text_column=text_column, id_column=id_column,
                          title_column=title_column):
        if row.error:
            yield row.failure(row.error)
            continue
        try:
            yield row.article(disable_rules=disable)
        except InputError as exc:
            yield row.failure(str(exc))


@dataclass
class TableRow:
    """One row of a corpus file, before cleaning: its place, id and values (or its error)."""

    path: Path
    line: int
    article_id: str
    values: dict
    text_column: str = "text"
    title_column: str | None = None
    error: str | None = None
    source_id: str | None = None

    def failure(self, error: str) -> Failure:
        """This row as a :class:`Failure` with ``error``."""
        return Failure(self.article_id, str(self.path), error, self.line)

    def article(self, *, disable_rules: Iterable[str] = ()) -> Article:
        """Clean the row's text into an :class:`Article` (``disable_rules``: see :func:`read_text`).

        Raises:
            InputError: the row holds no usable text.
        """
        return article_from_row(self, disable_rules=disable_rules)


def table_rows(path: str | Path, *, text_column: str = "text", id_column: str = "id",
               title_column: str | None = None) -> Iterator[TableRow]:
    """The rows of a corpus file, not yet cleaned (a malformed row carries its error).

    Raises:
        InputError: the file cannot be read, or has no ``text_column``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        rows = _parquet_rows(path, text_column, id_column, title_column)
    elif suffix == ".csv":
        rows = _csv_rows(path, text_column)
    elif suffix in (".jsonl", ".ndjson"):
        rows = _jsonl_rows(path)
    else:
        raise InputError(f"{path}: not a corpus file (.jsonl, .ndjson, .csv or .parquet)")
    stem = article_id_for(path)
    for line, row in rows:
        if isinstance(row, str):  # a parse error for this line
            yield TableRow(path, line, f"{stem}-{line}", {}, text_column, title_column, row)
            continue
        raw_id = row.get(id_column)
        if raw_id in (None, ""):
            yield TableRow(path, line, f"{stem}-{line}", row, text_column, title_column)
            continue
        yield TableRow(path, line, safe_id(raw_id), row, text_column, title_column,
                       source_id=scrub(str(raw_id)))


def article_from_row(row: TableRow, *, disable_rules: Iterable[str] = ()) -> Article:
    """Clean one corpus row's text into an :class:`Article` (see :func:`iter_table_articles`).

    Raises:
        InputError: the row has no text in its text column, or none is left.
    """
    name, line, aid = display_path(row.path), row.line, row.article_id
    text = _row_text(row, name)
    if not looks_like_html(text):
        _check_raw_size(text, f"{name}:{line}")
    try:
        article = read_text(text, article_id=aid, source_path=name, disable_rules=disable_rules)
    except InputError as exc:
        raise InputError(f"{name}:{line}: {exc}") from None
    if not article.paragraphs:
        article = _row_as_given(row, text, article)
    check_size(article, f"{name}:{line}")
    article.source_id = row.source_id
    title = row.values.get(row.title_column) if row.title_column else None
    if isinstance(title, str) and title.strip():
        article.title = " ".join(scrub(title).split())
    return article


def _row_text(row: TableRow, name: str) -> str:
    """The row's text, repaired like a text file's; a missing or non-text value is refused."""
    if row.text_column not in row.values:
        raise InputError(f"{name}:{row.line}: no column {row.text_column!r}")
    text = row.values[row.text_column]
    if text is not None and not isinstance(text, str):
        raise InputError(f"{name}:{row.line}: non-text value in column {row.text_column!r} "
                         f"({type(text).__name__}); the text column must hold strings")
    if not text or not text.strip():
        raise InputError(f"{name}:{row.line}: empty or non-text value in column "
                         f"{row.text_column!r}")
    return scrub(fix_text(text.replace("\x00", "")))


def _row_as_given(row: TableRow, text: str, cleaned: Article) -> Article:
    """A row is meant to be a body: a one-line text the rules take for a headline is kept."""
    kept = article_from_text(text, article_id=row.article_id)
    if not kept.paragraphs:
        raise InputError(f"{row.path}:{row.line}: no article text")
    kept.source_path, kept.language = cleaned.source_path, cleaned.language
    kept.warnings = [*cleaned.warnings, f"{row.path}:{row.line}: the cleaning rules left no "
                     "body; the row's text is analysed as given"]
    return kept


def _open_text(path: Path):
    """Open a corpus file as text, its encoding detected as for a text file."""
    return open(path, encoding=detect_encoding(path), newline="")


def detect_encoding(path: Path) -> str:
    """The encoding of a (possibly large) text file: its byte-order mark, else UTF-8,
    else cp1252 (else Latin-1), as :func:`decode` decides for one article.

    Read in blocks, so a corpus file of any size is checked without being
    held in memory.
    """
    import codecs

    with os_errors(path), open(path, "rb") as fh:
        head = fh.read(4)
        bom = next((enc for b, enc in _BOMS if head.startswith(b)), None)
        if bom:
            return bom
        for encoding in ("utf-8", "cp1252"):
            fh.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
                return encoding
            except UnicodeDecodeError:
                continue
    return "latin-1"


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    """``(line number, row)`` per non-blank line; a bad line gives an error string."""
    import json

    with _open_text(path) as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield n, f"{path}:{n}: malformed JSON ({exc.msg}, column {exc.colno})"
                continue
            if not isinstance(row, dict):
                yield n, f"{path}:{n}: a JSON object was expected, not {type(row).__name__}"
                continue
            yield n, row


def _csv_rows(path: Path, text_column: str) -> Iterator[tuple[int, dict | str]]:
    """``(line number, row)`` per CSV record; the line is where the record starts."""
    import csv

    csv.field_size_limit(2**31 - 1)  # article texts are long fields
    with _open_text(path) as fh:
        reader = csv.reader(fh, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(f"{path}: CSV file is empty") from None
        except csv.Error as exc:
            raise InputError(f"{path}: malformed CSV header ({exc})") from None
        if text_column not in header:
            raise InputError(f"{path}: no column {text_column!r} (columns: "
                             f"{', '.join(header[:8])}); choose one with --text-column")
        start = reader.line_num + 1
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield start, f"{path}:{start}: malformed CSV row ({exc}){_spill(start, reader)}"
                start = reader.line_num + 1
                continue
            line, start = start, reader.line_num + 1
            if not record or all(not f.strip() for f in record):
                continue
            if len(record) != len(header):
                yield line, (f"{path}:{line}: malformed CSV row ({len(record)} fields, "
                             f"the header has {len(header)}){_spill(line, reader)}")
                continue
            yield line, dict(zip(header, record, strict=True))


def _spill(line: int, reader) -> str:
    """For a bad row that ran over several lines: which lines it swallowed (a stray quote)."""
    last = reader.line_num
    if last <= line:
        return ""
    return (f"; an unclosed quote made lines {line}-{last} one row: the rows on those lines "
            "were not read")


def _parquet_rows(path: Path, text_column: str, id_column: str,
                  title_column: str | None) -> Iterator[tuple[int, dict]]:
    """``(row number, row)`` for a Parquet file, read in record batches."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
    names = pf.schema_arrow.names
    if text_column not in names:
        raise InputError(f"{path}: no column {text_column!r} (columns: "
                         f"{', '.join(names[:8])}); choose one with --text-column")
    columns = [c for c in dict.fromkeys((text_column, id_column, title_column)) if c in names]
    n = 0
    for batch in pf.iter_batches(columns=columns, batch_size=1024):
        for row in batch.to_pylist():
            n += 1
            # Ids and titles may be numbers; the text column keeps its type, so a
            # non-string cell is refused by the row check instead of analysed as a repr.
            yield n, {k: (v if isinstance(v, str) or v is None or k == text_column else str(v))
                      for k, v in row.items()}
