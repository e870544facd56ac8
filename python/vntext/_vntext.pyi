"""Stubs of the Rust extension ``vntext._vntext``; the documented API is :mod:`vntext`."""

from typing import Any, Dict, Iterable, List, Optional, Tuple, Union, final

__version__: str
__all__ = [
    "Analyzer",
    "DecodeError",
    "Token",
    "__version__",
    "analyze",
    "analyze_bytes",
    "analyze_many",
    "decode",
    "detect",
    "fold",
    "normalize",
    "tokenize",
]

class DecodeError(ValueError):
    """Bytes that are binary or in no known encoding (the message is the library's)."""

    kind: str
    offset: Optional[int]
    index: int

@final
class Analyzer:
    def __new__(
        cls,
        *,
        tone_style: Optional[str] = None,
        extractors: Optional[List[str]] = None,
        lexicon: Optional[List[Tuple[str, str]]] = None,
        strict: bool = False,
    ) -> Analyzer: ...
    def analyze(self, text: str, *, source: Optional[str] = None) -> Dict[str, Any]: ...
    def analyze_bytes(self, data: bytes, *, source: Optional[str] = None) -> Dict[str, Any]: ...
    def analyze_many(
        self,
        texts: Iterable[Union[str, bytes]],
        *,
        jobs: Optional[int] = None,
        return_exceptions: bool = False,
    ) -> List[Any]: ...

@final
class Token:
    """A token: its text, kind, byte span and code-point span."""

    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def start_char(self) -> int: ...
    @property
    def end_char(self) -> int: ...

def analyze(text: str, *, source: Optional[str] = None) -> Dict[str, Any]: ...
def analyze_bytes(data: bytes, *, source: Optional[str] = None) -> Dict[str, Any]: ...
def analyze_many(
    texts: Iterable[Union[str, bytes]],
    *,
    jobs: Optional[int] = None,
    return_exceptions: bool = False,
) -> List[Any]: ...
def normalize(
    text: str,
    *,
    tone_style: str = "traditional",
    whitespace: bool = True,
    collapse_spaces: bool = True,
    punctuation: bool = True,
    lookalikes: bool = True,
    lowercase: bool = False,
    fold: bool = False,
) -> str: ...
def fold(text: str) -> str: ...
def tokenize(text: str) -> List[Token]: ...
def decode(
    data: bytes, *, encoding: Optional[str] = None, strict: bool = True
) -> Tuple[str, str, float, int]: ...
def detect(data: bytes) -> List[Tuple[str, float]]: ...
