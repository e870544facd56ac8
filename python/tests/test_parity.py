"""The Python reports are the command line's JSON objects, plus str offsets that are right.

Compared whole (no field list): every key the library adds to its report is compared too.
"""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

import vntext
from conftest import (
    GOLD,
    REPO,
    SEED,
    SHARED_DEV_GOLD,
    check_spans,
    first_difference,
    without_char_offsets,
)

IN_REPO = (
    [SEED]
    + sorted(GOLD.glob("*.txt"))
    # Legacy encodings (TCVN3, VNI) and their Unicode transcripts; damaged government pages.
    + sorted(p for p in (REPO / "data" / "legacy").glob("*.txt") if p.name != "SOURCE.txt")
    + sorted((REPO / "data" / "articles" / "gov-noisy").glob("*.txt"))
)


def assert_parity(paths: List[Path], cli) -> None:
    expected = cli.reports([str(p) for p in paths])
    assert len(expected) == len(paths), "the command line reported every file"
    for path in paths:
        label = str(path)
        data = path.read_bytes()
        ours = vntext.analyze_bytes(data, source=label)
        diff = first_difference(without_char_offsets(ours), expected[label])
        assert diff is None, f"{path.name}: analyze_bytes differs from the CLI at {diff}"
        check_spans(ours, vntext.decode(data).text)
        if ours["encoding"] == "utf-8" and not data.startswith(b"\xef\xbb\xbf"):
            text = data.decode("utf-8")
            from_str = vntext.analyze(text, source=label)
            assert from_str == ours, f"{path.name}: analyze(str) differs from analyze_bytes"


def test_in_repo_documents_match_the_cli(cli):
    assert len(IN_REPO) >= 25, "the seed, the gold documents and the legacy files are found"
    assert_parity(IN_REPO, cli)


def test_legacy_files_are_decoded_and_spans_index_the_decoded_text():
    # The TCVN3 file and its Unicode transcript (typed apart: case and spacing differ) cite the
    # same documents; the spans of the legacy report index its decoded text.
    legacy = REPO / "data" / "legacy" / "2003-A30.tcvn3.txt"
    transcript = REPO / "data" / "legacy" / "2003-A30.txt"
    r_legacy = vntext.analyze_bytes(legacy.read_bytes())
    r_unicode = vntext.analyze_bytes(transcript.read_bytes())
    assert r_legacy["encoding"] == "tcvn3"
    assert r_unicode["encoding"] == "utf-8"
    decoded = vntext.decode(legacy.read_bytes()).text
    n = check_spans(r_legacy, decoded)
    assert n > 0
    def cited(r):
        return [(d["number"], d["year"], d["doc_type"], d["issuer"]) for d in r["document_numbers"]]

    assert cited(r_legacy) == cited(r_unicode) != []


def test_seed_facts_read_from_the_text():
    # Values from reading the article, not from the code: the conclusion cited in the seed.
    report = vntext.analyze(SEED.read_text(encoding="utf-8"))
    first = report["document_numbers"][0]
    assert (first["number"], first["doc_type"], first["issuer"]) == ("69", "KL", "TU")
    assert "69-KL/TU" in first["text"]
    text = SEED.read_text(encoding="utf-8")
    assert text[first["start_char"] : first["end_char"]] == first["text"]
    assert len(text[: first["start_char"]].encode()) == first["start"]


def test_shared_dev_gold_matches_the_cli(cli):
    if not SHARED_DEV_GOLD.is_dir():
        pytest.skip(f"{SHARED_DEV_GOLD} is not on this machine (set VNTEXT_DEV_GOLD to a copy)")
    paths = sorted(SHARED_DEV_GOLD.glob("*.txt"))
    if not paths:
        pytest.skip(f"{SHARED_DEV_GOLD} holds no .txt document")
    assert_parity(paths, cli)
