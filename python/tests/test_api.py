"""The functions of the package, their errors, stubs and documentation examples."""

from __future__ import annotations

import ast
import doctest
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import vntext
from conftest import REPO

# Bytes that are no Vietnamese text in any encoding: high bytes in an arithmetic pattern, no
# letters in any code page's sense of a word (the library's own decode test uses the same).
JUNK = bytes((i * 7919 % 251) | 0x80 for i in range(2000))


# --- normalize, fold --------------------------------------------------------------------------


def test_normalize_tone_styles():
    # Vietnamese Wikipedia's kiểu cũ (traditional) and kiểu mới (modern) placements.
    assert vntext.normalize("hoà thuỷ khoẻ") == "hòa thủy khỏe"
    assert vntext.normalize("hòa thủy khỏe", tone_style="modern") == "hoà thuỷ khoẻ"
    assert vntext.normalize("hoà thủy", tone_style="preserve") == "hoà thủy"
    # Only the open rhymes oa, oe, uy move; closed ones keep the mark on the main vowel.
    assert vntext.normalize("hoàn thuyền", tone_style="modern") == "hoàn thuyền"


def test_normalize_repairs():
    assert vntext.normalize("Ha\u0300 No\u0302\u0323i") == "Hà Nội"  # NFD to NFC
    assert vntext.normalize("Số 12/QÐ-UBND") == "Số 12/QĐ-UBND"  # U+00D0 to U+0110
    assert vntext.normalize("“Luật” 2020–2025…") == '"Luật" 2020-2025...'
    assert vntext.normalize("Ủy  ban\u00a0nhân\u200b dân\r\n") == "Ủy ban nhân dân\n"
    assert vntext.normalize("a  b", whitespace=False) == "a  b"
    assert vntext.normalize("a  b", collapse_spaces=False) == "a  b"
    assert vntext.normalize("“a”", punctuation=False) == "“a”"
    assert vntext.normalize("QÐ", lookalikes=False) == "QÐ"
    assert vntext.normalize("ĐẶNG Thị Sìn Hồ", lowercase=True, fold=True) == "dang thi sin ho"


def test_normalize_rejects_unknown_tone_style():
    with pytest.raises(ValueError, match="tone_style"):
        vntext.normalize("hòa", tone_style="kiểu mới")  # type: ignore[arg-type]


def test_fold():
    assert vntext.fold("Đặng Thị Sìn Hồ, ĐBSCL") == "Dang Thi Sin Ho, DBSCL"
    assert vntext.fold("Hà Nội") == "Ha Noi"
    assert vntext.fold("plain ASCII") == "plain ASCII"


# --- tokenize ---------------------------------------------------------------------------------


def test_tokenize_kinds_and_spans():
    text = "Kết luận số 69-KL/TU ngày 09/4/2021, chiếm 94%."
    tokens = vntext.tokenize(text)
    assert [(t.text, t.kind) for t in tokens] == [
        ("Kết", "syllable"),
        ("luận", "syllable"),
        ("số", "syllable"),
        ("69-KL/TU", "document_code"),
        ("ngày", "syllable"),
        ("09/4/2021", "date"),
        (",", "punctuation"),
        ("chiếm", "syllable"),
        ("94%", "percent"),
        (".", "punctuation"),
    ]
    data = text.encode()
    for t in tokens:
        assert text[t.start_char : t.end_char] == t.text
        assert data[t.start : t.end].decode() == t.text
    # "Kết " is 4 characters and 6 bytes (ế is 3 bytes in UTF-8).
    assert (tokens[1].start, tokens[1].start_char) == (6, 4)


def test_tokens_with_the_whitespace_between_them_rebuild_the_text():
    text = "  Ủy ban\tnhân dân   tỉnh Lai Châu:\n\n https://laichau.gov.vn 🇻🇳 x "
    pos = 0
    for t in vntext.tokenize(text):
        assert text[pos : t.start_char].strip() == ""
        pos = t.end_char
    assert text[pos:].strip() == ""


def test_token_values():
    a, b = vntext.tokenize("Hà Hà")
    assert a.text == b.text and a != b
    assert a == vntext.tokenize("Hà")[0]
    assert repr(a) == "Token(text=\"Hà\", kind=\"syllable\", start=0, end=3, start_char=0, end_char=2)"


# --- decode, detect and errors ----------------------------------------------------------------


def test_decode_encodings():
    assert vntext.decode("Việt Nam".encode()) == ("Việt Nam", "utf-8", 1.0, 0)
    assert vntext.decode(b"\xef\xbb\xbfVi\xe1\xbb\x87t").text == "Việt"  # BOM removed
    # VNI-Windows "Việt Nam được" (as Windows-1252 shows it: "Vieät Nam ñöôïc").
    d = vntext.decode(b"Vie\xe4t Nam \xf1\xf6\xf4\xefc")
    assert (d.text, d.encoding) == ("Việt Nam được", "vni")
    assert 0.6 <= d.confidence <= 1.0
    assert vntext.decode(b"Vi\xd6t", encoding="tcvn3").text == "Việt"
    assert vntext.decode(b"Vie^.t Nam", encoding="viqr").text == "Việt Nam"
    assert vntext.decode("Viá»‡t".encode(), encoding="utf-8-mojibake").text == "Việt"
    assert vntext.detect(b"Vi\xd6t Nam")[0][0] == "tcvn3"
    assert vntext.detect(b"\x00\x00\x00") == []


def test_binary_bytes_raise_decode_error():
    with pytest.raises(vntext.DecodeError) as info:
        vntext.decode(b"\x00\x01\x02\x00")
    assert isinstance(info.value, ValueError)
    assert (info.value.kind, info.value.offset) == ("binary", 0)
    assert "binary" in str(info.value)
    with pytest.raises(vntext.DecodeError, match="binary"):
        vntext.analyze_bytes(b"PK\x03\x04\x00\x00\x00\x00" * 100)


def test_bytes_in_no_encoding_raise_decode_error():
    with pytest.raises(vntext.DecodeError) as info:
        vntext.decode(JUNK)
    assert info.value.kind == "unknown_encoding"
    assert info.value.offset == 0
    # The library's message: what is wrong and where.
    assert "UTF-8" in str(info.value) and "0" in str(info.value)
    with pytest.raises(vntext.DecodeError):
        vntext.analyze_bytes(JUNK)
    with pytest.raises(vntext.DecodeError):
        vntext.Analyzer().analyze_bytes(JUNK)
    # Lenient decoding never raises; it says how unsure it is.
    lenient = vntext.decode(JUNK, strict=False)
    assert lenient.text and lenient.confidence < 0.6


def test_forced_encoding_errors():
    with pytest.raises(vntext.DecodeError) as info:
        vntext.decode(b"ok \xff", encoding="utf-8")
    assert (info.value.kind, info.value.offset) == ("invalid_utf8", 3)
    with pytest.raises(ValueError, match="latin-9") as bad_name:
        vntext.decode(b"ok", encoding="latin-9")
    assert not isinstance(bad_name.value, vntext.DecodeError)


def test_wrong_argument_types():
    with pytest.raises(TypeError):
        vntext.analyze(b"bytes are for analyze_bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        vntext.analyze_bytes("str is for analyze")  # type: ignore[arg-type]
    with pytest.raises(UnicodeEncodeError):
        vntext.analyze("lone surrogate \ud800")


def test_empty_input():
    report = vntext.analyze("")
    assert report["counts"]["bytes"] == 0 and report["document_numbers"] == []
    assert vntext.tokenize("") == []
    assert vntext.normalize("") == ""
    assert vntext.analyze_bytes(b"")["counts"]["chars"] == 0


def test_source_is_stored():
    assert vntext.analyze("Hà Nội", source="a.txt")["source"] == "a.txt"
    assert vntext.analyze("Hà Nội")["source"] is None
    assert vntext.analyze_bytes(b"Ha Noi", source="b.txt")["source"] == "b.txt"


# --- package ----------------------------------------------------------------------------------


def test_version_matches_the_crates():
    cargo = (REPO / "python" / "Cargo.toml").read_text()
    pyproject = (REPO / "python" / "pyproject.toml").read_text()
    assert f'version = "{vntext.__version__}"' in cargo
    assert f'version = "{vntext.__version__}"' in pyproject


def _stub_names() -> set:
    stub = Path(vntext._vntext.__file__).with_name("_vntext.pyi")
    if not stub.exists():  # an editable or odd install: use the checkout's
        stub = REPO / "python" / "vntext" / "_vntext.pyi"
    tree = ast.parse(stub.read_text())
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names - {"__version__"}


def test_stub_names_match_the_extension():
    runtime = {n for n in dir(vntext._vntext) if not n.startswith("__")}
    assert _stub_names() == runtime
    assert set(vntext._vntext.__all__) - {"__version__"} == runtime


def test_every_public_function_has_a_docstring():
    for name in vntext.__all__:
        obj = getattr(vntext, name)
        if callable(obj) and not isinstance(obj, type(vntext.Report)):
            assert (obj.__doc__ or "").strip(), f"vntext.{name} has no docstring"
    for name in ("analyze", "analyze_bytes", "analyze_many"):
        assert getattr(vntext.Analyzer, name).__doc__


def test_stubtest():
    if importlib.util.find_spec("mypy") is None:
        pytest.skip("mypy is not installed (pip install mypy): stubs checked by name only")
    config = Path(__file__).with_name("mypy-stubtest.ini")
    allowlist = Path(__file__).with_name("stubtest-allowlist.txt")
    run = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "vntext", "--mypy-config-file", str(config),
         "--allowlist", str(allowlist)],
        cwd=Path(__file__).parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert run.returncode == 0, run.stdout


@pytest.mark.parametrize("module", ["vntext", "vntext.frames"])
def test_documentation_examples(module):
    if module == "vntext.frames":
        for needed in ("pandas", "polars"):
            if importlib.util.find_spec(needed) is None:
                pytest.skip(f"{needed} is not installed: the vntext.frames examples use it")
    mod = importlib.import_module(module)
    result = doctest.testmod(mod, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_readme_example(capsys, monkeypatch):
    # The five-line example of the README's Python section prints what its comments say.
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python") :]
    block = section[section.index("```python\n") + len("```python\n") :]
    block = block[: block.index("```")]
    assert len(block.strip().splitlines()) == 5
    monkeypatch.chdir(REPO)
    exec(compile(block, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    promised = [line.split("# ", 1)[1].strip() for line in block.splitlines() if "# " in line]
    assert printed == promised == ["69 KL TU", "Thuỷ lợi hoà bình"]


# --- Analyzer options and damaged bytes -------------------------------------------------------


def test_analyzer_options():
    text = "Phó Thủ tướng Nguyễn Văn Hoà dự họp ngày 09/4/2021, đạt 94%."
    plain = vntext.Analyzer().analyze(text)
    assert plain["officials"][0]["name"] == "Nguyễn Văn Hoà"  # as written
    styled = vntext.Analyzer(tone_style="traditional").analyze(text)
    assert styled["officials"][0]["name"] == "Nguyễn Văn Hòa"
    assert "Hoà" in styled["officials"][0]["text"]  # the text stays as written
    only = vntext.Analyzer(extractors=["dates"]).analyze(text)
    assert only["dates"] and not only["officials"] and not only["statistics"]
    with pytest.raises(ValueError, match="nope"):
        vntext.Analyzer(extractors=["nope"])
    with pytest.raises(ValueError, match="tone_style"):
        vntext.Analyzer(tone_style="sideways")


def test_analyzer_lexicon_additions():
    text = "cộng đồng Mông ở Sìn Hồ"
    assert vntext.analyze(text)["ethnic_groups"] == []
    a = vntext.Analyzer(lexicon=[("ethnic/triggers", "cộng đồng\tpeople\n")])
    assert [g["name"] for g in a.analyze(text)["ethnic_groups"]] == ["Mông"]
    with pytest.raises(ValueError, match="line 1"):
        vntext.Analyzer(lexicon=[("officials/titles", "Tổng thư ký\tboss")])
    with pytest.raises(ValueError, match="unknown lexicon"):
        vntext.Analyzer(lexicon=[("no/such", "x")])


def test_damaged_utf8_is_read_with_spans_into_the_bytes():
    seed = (REPO / "data/articles/sin-ho-dan-van.txt").read_bytes()
    at = seed.index("Sìn Hồ là huyện".encode())
    data = seed[:at] + b"\x80" + seed[at:]
    report = vntext.analyze_bytes(data)
    assert report["replaced"]["count"] == 1 and report["replaced"]["offsets"] == [at]
    shown = data.decode("utf-8", errors="replace")
    for d in report["dates"] + report["statistics"]:
        assert data[d["start"] : d["end"]] == d["text"].encode()
        # Character offsets count the bad byte as one character, as errors="replace" does.
        assert shown[d["start_char"] : d["end_char"]] == d["text"]
    with pytest.raises(vntext.DecodeError) as info:
        vntext.Analyzer(strict=True).analyze_bytes(data)
    assert (info.value.kind, info.value.offset) == ("invalid_utf8", at)
    d = vntext.decode(data, strict=False)
    assert d.replaced == 1 and d.encoding == "utf-8"


def test_analyzer_with_options_pickles():
    import pickle

    a = vntext.Analyzer(tone_style="modern", extractors=["officials"], strict=True)
    b = pickle.loads(pickle.dumps(a))
    assert repr(b) == repr(a) == "vntext.Analyzer(tone_style='modern', extractors=['officials'], strict=True)"
    text = "Phó Thủ tướng Nguyễn Văn Hòa dự họp ngày 09/4/2021."
    assert b.analyze(text) == a.analyze(text)
