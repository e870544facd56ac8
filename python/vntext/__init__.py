"""Vietnamese text analysis, from Rust: decode, normalize, tokenize, extract facts.

vntext repairs legacy encodings (TCVN3/ABC, VNI, VISCII, Windows-1258, mojibake), normalizes
Vietnamese text, splits it into tokens, and extracts the facts an analyst needs: document
numbers, dates and periods, officials, statistics (percentages, money, counts, ratios…) and
ethnic groups. The work is done by the ``vntext`` Rust library; this package calls it.

>>> import vntext
>>> report = vntext.analyze("Kết luận số 69-KL/TU, ngày 09/4/2021 của Ban Thường vụ Tỉnh ủy.")
>>> doc = report["document_numbers"][0]
>>> (doc["text"], doc["number"], doc["doc_type"], doc["issuer"])
('Kết luận số 69-KL/TU', '69', 'KL', 'TU')

The report
----------
:func:`analyze` returns a ``dict``: exactly the JSON object that the command line prints
(``vntext analyze --jsonl``; ``serde`` serialization of the Rust ``vntext::Report``), with
two more keys in every object that has a span:

- ``start``, ``end``: **byte** offsets into the UTF-8 encoding of the input (as the command line
  gives them), so ``text.encode()[start:end].decode() == fact["text"]``;
- ``start_char``, ``end_char``: **str** (code-point) offsets into the input, so
  ``text[start_char:end_char] == fact["text"]``. Use these with Python strings.

For :func:`analyze_bytes` both index the *decoded* text (see :func:`decode`). Top-level keys
include ``source``, ``encoding``, ``encoding_confidence``, ``title``, ``published``, ``author``,
``counts``, ``document_numbers``, ``dates``, ``periods``, ``officials``, ``statistics``,
``ethnic_groups`` and ``chrome``; the library may add more, and they appear here unchanged.
:mod:`vntext.frames` turns reports into pandas or Polars tables, one row per fact.

Threads
-------
Every function releases the GIL while Rust works. :meth:`Analyzer.analyze_many` analyses a
batch on several threads at once and returns the reports in input order.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Literal, NamedTuple, Optional, Tuple, Union, overload

from . import _vntext
from ._vntext import DecodeError, Token

__version__: str = _vntext.__version__

__all__ = [
    "Analyzer",
    "DecodeError",
    "Decoded",
    "Report",
    "Token",
    "ToneStyle",
    "analyze",
    "analyze_bytes",
    "analyze_many",
    "decode",
    "detect",
    "fold",
    "normalize",
    "tokenize",
]

Report = Dict[str, Any]
"""A report: the command line's JSON object as a dict (see the module documentation)."""

ToneStyle = Literal["traditional", "modern", "preserve"]
"""Where tone marks go in the open rhymes oa, oe, uy: ``"traditional"`` (kiểu cũ: hòa, thủy,
khỏe; the default, as government portals write), ``"modern"`` (kiểu mới: hoà, thuỷ, khoẻ), or
``"preserve"`` (as written). underthesea uses the opposite names: its "old style" ``hoá`` is
our ``"modern"``."""


class Decoded(NamedTuple):
    """Text decoded from bytes, with the encoding it was read as and how sure the detection is."""

    text: str
    """The decoded text (a UTF-8 byte order mark is removed)."""
    encoding: str
    """``"utf-8"``, ``"tcvn3"``, ``"vni"``, ``"viscii"``, ``"windows-1258"``,
    ``"utf-8-mojibake"`` or ``"viqr"``."""
    confidence: float
    """Share of decoded words that are valid Vietnamese syllables, 0.0 to 1.0 (1.0 for clean
    UTF-8 and for a forced encoding)."""
    replaced: int = 0
    """Invalid byte sequences read as U+FFFD (lenient decoding of damaged UTF-8 or UTF-16)."""


class Analyzer:
    """Runs the whole pipeline on texts; build once, use from any number of threads.

    Analysis keeps the text as written and every span indexes the caller's input. Options:

    - ``tone_style``: the tone style of reported values (names, titles, subjects, units;
      see :data:`ToneStyle`); ``None`` or ``"preserve"`` reports them as written. The
      ``text`` of every fact stays the input as written.
    - ``extractors``: run only these (``"document_numbers"``, ``"dates"``, ``"officials"``,
      ``"statistics"``, ``"ethnic_groups"``); the page layout is always read.
    - ``lexicon``: additions to the word tables, as ``(table, tsv_text)`` pairs in the table's
      own format (``("officials/titles", "Tổng thư ký\\ttitle")``); a malformed row raises
      ``ValueError`` naming the table and line.
    - ``strict``: :meth:`analyze_bytes` raises :class:`DecodeError` on damaged UTF-8 or
      UTF-16 instead of reading invalid sequences as U+FFFD.

    >>> analyzer = Analyzer()
    >>> [r["counts"]["bytes"] for r in analyzer.analyze_many(["Hà Nội", "Huế"], jobs=2)]
    [9, 5]
    >>> a = Analyzer(tone_style="traditional")
    >>> a.analyze("Phó Thủ tướng Nguyễn Văn Hoà dự họp")["officials"][0]["name"]
    'Nguyễn Văn Hòa'
    """

    __slots__ = ("_inner", "_options")

    def __init__(
        self,
        *,
        tone_style: Optional[ToneStyle] = None,
        extractors: Optional[Iterable[str]] = None,
        lexicon: Optional[Iterable[Tuple[str, str]]] = None,
        strict: bool = False,
    ) -> None:
        options: Dict[str, Any] = {
            "tone_style": tone_style,
            "extractors": None if extractors is None else list(extractors),
            "lexicon": None if lexicon is None else [(t, v) for t, v in lexicon],
            "strict": strict,
        }
        self._inner = _vntext.Analyzer(**options)
        self._options = options

    def analyze(self, text: str, *, source: Optional[str] = None) -> Report:
        """Analyses ``text`` and returns its report (see the module documentation).

        ``source`` (a path, a URL…) is stored in the report's ``"source"`` key. Never fails
        on any str; a str holding lone surrogates raises ``UnicodeEncodeError``.

        >>> Analyzer().analyze("Số: 67/2022/TT-BTC")["document_numbers"][0]["issuer"]
        'BTC'
        """
        return self._inner.analyze(text, source=source)

    def analyze_bytes(self, data: bytes, *, source: Optional[str] = None) -> Report:
        """Decodes ``data`` (detecting the encoding, as :func:`decode` does) and analyses it.

        The report's ``encoding`` and ``encoding_confidence`` say how the bytes were read and
        ``replaced`` lists invalid sequences read as U+FFFD (damaged UTF-8 or UTF-16, unless the
        analyzer is ``strict``). Byte spans (``start``/``end``) index ``data`` itself when it is
        UTF-8 (with or without a byte-order mark or invalid sequences), the decoded text
        (``decode(data).text``) for the legacy encodings and UTF-16; ``start_char``/``end_char``
        count characters of the same text (an invalid byte counts as one).

        :raises DecodeError: for binary data or bytes in no known encoding (and, when strict,
            damaged UTF-8 or UTF-16).

        >>> Analyzer().analyze_bytes(b"Vie\\xe4t Nam \\xf1\\xf6\\xf4\\xefc")["encoding"]
        'vni'
        """
        return self._inner.analyze_bytes(data, source=source)

    @overload
    def analyze_many(
        self,
        texts: Iterable[Union[str, bytes]],
        *,
        jobs: Optional[int] = None,
        return_exceptions: Literal[False] = False,
    ) -> List[Report]: ...

    @overload
    def analyze_many(
        self,
        texts: Iterable[Union[str, bytes]],
        *,
        jobs: Optional[int] = None,
        return_exceptions: bool,
    ) -> List[Union[Report, DecodeError]]: ...

    def analyze_many(
        self,
        texts: Iterable[Union[str, bytes]],
        *,
        jobs: Optional[int] = None,
        return_exceptions: bool = False,
    ) -> List[Any]:
        """Analyses many texts on ``jobs`` threads and returns their reports in input order.

        ``texts`` is any iterable of ``str`` (analysed as :meth:`analyze` does) or ``bytes``
        (as :meth:`analyze_bytes` does); it is consumed lazily, a few items per thread ahead,
        so a generator over a large corpus needs no more memory than a few documents and the
        reports. ``jobs`` defaults to the number of CPUs; ``jobs=1`` runs on the calling
        thread. The GIL is released while the threads analyse, so other Python threads run.

        A bytes item that cannot be decoded raises :class:`DecodeError` (its ``index``
        attribute says which item), unless ``return_exceptions=True``, which puts the
        exception in the list in that item's place instead, as :func:`asyncio.gather` does.

        >>> [len(r["dates"]) for r in analyze_many(["ngày 09/4/2021", "Hà Nội"], jobs=2)]
        [1, 0]
        """
        return self._inner.analyze_many(texts, jobs=jobs, return_exceptions=return_exceptions)

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{k}={v!r}" for k, v in self._options.items() if v not in (None, False)
        )
        return f"vntext.Analyzer({shown})"

    def __reduce__(self) -> Tuple[Any, Tuple[Dict[str, Any]]]:
        # Pickled as "build a new one with the same options": what Spark or multiprocessing
        # does with an analyzer captured in a task (it holds no state but its options).
        return (_rebuild, (self._options,))


def _rebuild(options: Dict[str, Any]) -> "Analyzer":
    return Analyzer(**options)


_DEFAULT = Analyzer()


def analyze(text: str, *, source: Optional[str] = None) -> Report:
    """Analyses ``text`` with a shared default :class:`Analyzer`; returns its report.

    The report is the command line's JSON object as a dict, with ``start_char``/``end_char``
    (str offsets) next to every ``start``/``end`` (UTF-8 byte offsets).

    >>> r = analyze("Tỷ lệ hộ nghèo giảm còn 4,5%.")
    >>> s = r["statistics"][0]
    >>> (s["kind"], s["value"], "Tỷ lệ hộ nghèo giảm còn 4,5%."[s["start_char"]:s["end_char"]])
    ('percentage', 4.5, '4,5%')
    """
    return _DEFAULT._inner.analyze(text, source=source)


def analyze_bytes(data: bytes, *, source: Optional[str] = None) -> Report:
    """Decodes ``data`` (any supported encoding) and analyses it; see :meth:`Analyzer.analyze_bytes`.

    :raises DecodeError: for binary data or bytes in no known encoding.
    """
    return _DEFAULT._inner.analyze_bytes(data, source=source)


@overload
def analyze_many(
    texts: Iterable[Union[str, bytes]],
    *,
    jobs: Optional[int] = None,
    return_exceptions: Literal[False] = False,
) -> List[Report]: ...


@overload
def analyze_many(
    texts: Iterable[Union[str, bytes]],
    *,
    jobs: Optional[int] = None,
    return_exceptions: bool,
) -> List[Union[Report, DecodeError]]: ...


def analyze_many(
    texts: Iterable[Union[str, bytes]],
    *,
    jobs: Optional[int] = None,
    return_exceptions: bool = False,
) -> List[Any]:
    """Analyses many texts on ``jobs`` threads; see :meth:`Analyzer.analyze_many`."""
    return _DEFAULT._inner.analyze_many(texts, jobs=jobs, return_exceptions=return_exceptions)


def normalize(
    text: str,
    *,
    tone_style: ToneStyle = "traditional",
    whitespace: bool = True,
    collapse_spaces: bool = True,
    punctuation: bool = True,
    lookalikes: bool = True,
    lowercase: bool = False,
    fold: bool = False,
) -> str:
    """Returns ``text`` normalized: NFC and the options below.

    - ``tone_style``: where tone marks go in oa, oe, uy (see :data:`ToneStyle`); misplaced marks
      are repaired unless ``"preserve"``.
    - ``whitespace``: CRLF/CR to LF, zero-width characters and soft hyphens removed, Unicode
      spaces to plain spaces; with ``collapse_spaces`` also runs of spaces to one and line ends
      trimmed. Line breaks are kept.
    - ``punctuation``: curly quotes to straight, ``…`` to ``...``, dashes between words to ``-``.
    - ``lookalikes``: Ð (U+00D0) to Đ, Cyrillic/Greek look-alike letters inside Latin words.
    - ``lowercase``; ``fold``: remove every diacritic and fold đ to d (as :func:`fold`).

    :raises ValueError: for an unknown ``tone_style``.

    >>> normalize("Thủy lợi hòa bình", tone_style="modern")
    'Thuỷ lợi hoà bình'
    >>> normalize("Uỷ  ban\\u00a0nhân dân")
    'Ủy ban nhân dân'
    """
    return _vntext.normalize(
        text,
        tone_style=tone_style,
        whitespace=whitespace,
        collapse_spaces=collapse_spaces,
        punctuation=punctuation,
        lookalikes=lookalikes,
        lowercase=lowercase,
        fold=fold,
    )


def fold(text: str) -> str:
    """Removes every diacritic and folds đ to d, keeping case (for search keys).

    >>> fold("Đặng Thị Sìn Hồ")
    'Dang Thi Sin Ho'
    """
    return _vntext.fold(text)


def tokenize(text: str) -> List[Token]:
    """Splits ``text`` into tokens; whitespace is not a token.

    Each :class:`Token` has ``text``, ``kind`` (``"syllable"``, ``"invalid_syllable"``,
    ``"foreign"``, ``"abbreviation"``, ``"number"``, ``"document_code"``, ``"date"``,
    ``"time"``, ``"percent"``, ``"currency"``, ``"punctuation"``, ``"symbol"``, ``"url"``,
    ``"email"``, ``"hashtag"``, ``"mention"``, ``"emoji"`` or ``"other"``), byte offsets
    ``start``/``end`` into the UTF-8 text and str offsets ``start_char``/``end_char``.

    >>> [(t.text, t.kind) for t in tokenize("HĐND cấp 5.800 tỷ đồng")][:3]
    [('HĐND', 'abbreviation'), ('cấp', 'syllable'), ('5.800', 'number')]
    """
    return _vntext.tokenize(text)


def decode(data: bytes, *, encoding: Optional[str] = None, strict: bool = True) -> Decoded:
    """Decodes bytes of Vietnamese text, detecting the encoding.

    UTF-8 (with or without BOM) is taken as it is (UTF-8 that was once misread as Windows-1252,
    ``Viá»‡t``, is repaired); other bytes are tried as TCVN3, VNI, VISCII and Windows-1258 and
    the encoding whose words are most often valid Vietnamese syllables wins.

    - ``encoding``: skip detection and read the bytes in this encoding (``"tcvn3"``/``"abc"``,
      ``"vni"``, ``"viscii"``, ``"windows-1258"``, ``"utf-8"``, ``"utf-8-mojibake"``,
      ``"viqr"``).
    - ``strict=False``: never raise: damaged UTF-8 or UTF-16 is read with U+FFFD for each
      invalid sequence (counted in ``replaced``); when no encoding fits, the best guess comes
      back with its low confidence (binary data as UTF-8 with replacement characters,
      confidence 0).

    :raises DecodeError: (strict) binary data, bytes in no known encoding, or bytes that are not
        UTF-8 when ``encoding`` asks for it. ``kind`` (``"binary"``, ``"unknown_encoding"``,
        ``"invalid_utf8"``) and ``offset`` (the byte) say what and where.
    :raises ValueError: for an unknown ``encoding`` name.

    >>> d = decode(b"Vie\\xe4t Nam \\xf1\\xf6\\xf4\\xefc")
    >>> (d.text, d.encoding)
    ('Việt Nam được', 'vni')
    """
    return Decoded(*_vntext.decode(data, encoding=encoding, strict=strict))


def detect(data: bytes) -> List[Tuple[str, float]]:
    """Scores the candidate encodings of ``data``: ``(encoding, confidence)`` pairs, best first.

    Binary data gives an empty list.

    >>> detect(b"Vi\\xd6t Nam")[0][0]
    'tcvn3'
    """
    return _vntext.detect(data)
