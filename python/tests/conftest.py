"""Shared fixtures: the repository's paths, the command line to compare with, span checks.

Run from the repository root against the installed package::

    pip install ./python pytest pandas polars pyarrow
    pytest -rs python/tests

(``-rs`` prints why a test was skipped; no test skips silently.)
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any, Dict, Iterator, List, Sequence

import pytest

import vntext

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "data" / "articles" / "sin-ho-dan-van.txt"
GOLD = REPO / "tests" / "gold"
SHARED_DEV_GOLD = Path(os.environ.get("VNTEXT_DEV_GOLD", "/work/shared/gold/dev"))

if not hasattr(vntext, "_vntext"):  # pragma: no cover - a setup error, not a test
    raise ImportError(
        f"imported {vntext.__file__}, the source folder without its compiled extension: "
        "install the package (pip install ./python) and run pytest from the repository root"
    )


def target_dir() -> Path:
    return Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))


def _cargo_build(profile: str, command: str) -> None:
    args = ["cargo", "build", "--quiet"]
    if profile == "release":
        args.append("--release")
    args += ["-p", "vntext-cli"] if command == "vntext" else ["--example", "analyze"]
    subprocess.run(args, cwd=REPO, check=True)


def _find_cli() -> List[str]:
    """The command that prints reports as JSON lines: ``$VNTEXT_CLI``, else the first built of
    ``target/release/vntext analyze``, ``target/release/examples/analyze`` and their debug
    builds (rebuilt first, a no-op when fresh, so the comparison is with the current source),
    else a release build made now."""
    if os.environ.get("VNTEXT_CLI"):
        return shlex.split(os.environ["VNTEXT_CLI"]) + ["--jsonl"]
    has_cli_crate = (REPO / "cli" / "Cargo.toml").exists()
    binaries = [("vntext", "vntext")] if has_cli_crate else []
    binaries.append(("analyze", "examples/analyze"))
    cargo = shutil.which("cargo")
    for profile in ("release", "debug"):
        for command, rel in binaries:
            path = target_dir() / profile / rel
            if path.exists():
                if cargo:
                    _cargo_build(profile, command)
                return _command(path, command)
    if not cargo:
        pytest.skip("no vntext command line built and no cargo to build one (set VNTEXT_CLI)")
    command, rel = binaries[0]
    _cargo_build("release", command)
    return _command(target_dir() / "release" / rel, command)


def _command(path: Path, command: str) -> List[str]:
    return [str(path), "analyze", "--jsonl"] if command == "vntext" else [str(path), "--jsonl"]


class Cli:
    """Runs the command line on files and returns its reports by source."""

    def __init__(self, command: List[str]) -> None:
        self.command = command

    def reports(self, paths: Sequence[os.PathLike[str] | str]) -> Dict[str, Dict[str, Any]]:
        out = subprocess.run(
            self.command + [str(p) for p in paths],
            cwd=REPO,
            check=True,
            stdout=subprocess.PIPE,
        ).stdout
        reports = [json.loads(line) for line in out.decode("utf-8").splitlines() if line]
        return {r["source"]: r for r in reports}


@pytest.fixture(scope="session")
def cli() -> Cli:
    return Cli(_find_cli())


# ---------------------------------------------------------------------------------------------
# Report helpers


def without_char_offsets(value: Any) -> Any:
    """``value`` with every ``start_char``/``end_char`` key removed (what the CLI prints)."""
    if isinstance(value, dict):
        return {
            k: without_char_offsets(v) for k, v in value.items() if k not in ("start_char", "end_char")
        }
    if isinstance(value, list):
        return [without_char_offsets(v) for v in value]
    return value


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """Where two JSON values first differ, for a readable assertion message."""
    if type(a) is not type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        return f"{path or '/'}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}/{k}: only in {'first' if k in a else 'second'}"
            d = first_difference(a[k], b[k], f"{path}/{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}/{i}")
            if d:
                return d
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def span_objects(value: Any) -> Iterator[Dict[str, Any]]:
    """Every object of a report that has integer ``start`` and ``end``."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            yield value
        for v in value.values():
            yield from span_objects(v)
    elif isinstance(value, list):
        for v in value:
            yield from span_objects(v)


def check_spans(report: Dict[str, Any], text: str) -> int:
    """Checks every span of ``report`` against ``text``: the byte span and the str span cover
    the same characters, and they are the object's ``text`` where it has one. Returns the
    number of spans checked."""
    data = text.encode("utf-8")
    spans = sorted(span_objects(report), key=lambda o: o["start"])
    # Code points before each byte offset, counted once along the text (linear).
    pos = chars = 0
    checked = 0
    for obj in spans:
        for key in ("start", "end"):
            assert f"{key}_char" in obj, f"{obj} has no {key}_char"
        start, end = obj["start"], obj["end"]
        chars += len(data[pos:start].decode("utf-8"))
        pos = start
        assert obj["start_char"] == chars, obj
        piece = data[start:end].decode("utf-8")
        assert obj["end_char"] == chars + len(piece), obj
        assert text[obj["start_char"] : obj["end_char"]] == piece, obj
        if isinstance(obj.get("text"), str):
            assert piece == obj["text"], obj
        checked += 1
    return checked
