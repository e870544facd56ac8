#!/usr/bin/env python3
"""Score officials and their titles against gold annotations.

    python3 tools/score_titles.py --gold DIR --pred FILE.jsonl [--show-errors]

DIR holds X.txt and X.gold.json pairs (rules: /work/shared/gold/GUIDELINE.md); FILE.jsonl holds
one vntext report per line (`vntext analyze --jsonl`), matched to the gold by the file name of its
`source`.

Two scores, micro-averaged over documents (unique keys per document):
  officials  the official's name (as tools/score.py scores it: NFC);
  titles     (name, title) pairs, one per title of each official.
Names and titles are compared after: NFC; `Ð` read as `Đ`; case folding; one tone placement
(the tone of a final `oa`/`oe`/`uy` on its first vowel, as the lookup keys of vntext do:
`hoà` → `hòa`, `Uỷ` → `ủy`, but `quý` unchanged); whitespace runs (line breaks too) as one space;
dashes as `-`; punctuation and spaces trimmed at both ends.
"""
import argparse
import collections
import json
import os
import re
import sys
import unicodedata

# Tone marks of a, e, y on the second vowel → the same tone on the first (o / u).
_A = "àáảãạ"
_E = "èéẻẽẹ"
_Y = "ỳýỷỹỵ"
_O = "òóỏõọ"
_U = "ùúủũụ"
_WORD = re.compile(r"\w+", re.UNICODE)
_TRIM = " \t\r\n.,;:!?-–—()[]\"'“”‘’…/"


def _tone(word):
    """`hoà` → `hòa`, `khoẻ` → `khỏe`, `thuỷ` → `thủy` (not `quý`): one tone placement."""
    if len(word) < 2:
        return word
    prev, last = word[-2], word[-1]
    if prev == "o" and last in _A:
        return word[:-2] + _O[_A.index(last)] + "a"
    if prev == "o" and last in _E:
        return word[:-2] + _O[_E.index(last)] + "e"
    if prev == "u" and last in _Y and not word[:-2].endswith("q"):
        return word[:-2] + _U[_Y.index(last)] + "y"
    return word


def norm(s):
    """The comparison form of a name or title (see the module docs)."""
    if not isinstance(s, str):
        return ""
    s = unicodedata.normalize("NFC", s).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    s = s.casefold()
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = re.sub(r"\s+", " ", s)
    s = _WORD.sub(lambda m: _tone(m.group(0)), s)
    return s.strip(_TRIM)


def nfc(s):
    return unicodedata.normalize("NFC", s) if isinstance(s, str) else ""


def gold_officials(g):
    return g.get("officials", []) or []


def keys(officials):
    """Names (NFC) and (name, title) pairs (normalized) of a list of officials."""
    names, pairs = set(), set()
    for o in officials:
        name = o.get("name", "")
        names.add(nfc(name))
        for t in o.get("titles", []) or []:
            pairs.add((norm(name), norm(t)))
    return names, pairs


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--show-errors", action="store_true")
    a = ap.parse_args()
    preds = {}
    with open(a.pred, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                r = json.loads(line)
                preds[os.path.basename(str(r.get("source", "")))] = r
    tot = collections.Counter()
    missing = []
    for gf in sorted(x for x in os.listdir(a.gold) if x.endswith(".gold.json")):
        with open(os.path.join(a.gold, gf), encoding="utf-8") as f:
            g = json.load(f)
        doc = g["doc"]
        r = preds.get(doc)
        if r is None:
            missing.append(doc)
            r = {}
        gn, gp = keys(gold_officials(g))
        pn, pp = keys(r.get("officials", []) or [])
        tot["n_tp"] += len(gn & pn)
        tot["n_fp"] += len(pn - gn)
        tot["n_fn"] += len(gn - pn)
        tot["t_tp"] += len(gp & pp)
        tot["t_fp"] += len(pp - gp)
        tot["t_fn"] += len(gp - pp)
        if a.show_errors and (gn != pn or gp != pp):
            print(f"== {doc}")
            for n in sorted(gn - pn):
                print(f"  missed official: {n}")
            for n in sorted(pn - gn):
                print(f"  extra official:  {n}")
            for name, t in sorted(gp - pp):
                print(f"  missed title:    {name} | {t}")
            for name, t in sorted(pp - gp):
                print(f"  extra title:     {name} | {t}")
    if missing:
        print(f"no prediction for {len(missing)} document(s): {', '.join(missing)}", file=sys.stderr)
    for label, k in (("officials", "n"), ("titles", "t")):
        tp, fp, fn = tot[k + "_tp"], tot[k + "_fp"], tot[k + "_fn"]
        p, r, f = prf(tp, fp, fn)
        print(f"{label:10s} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={tp} fp={fp} fn={fn})")


if __name__ == "__main__":
    main()
