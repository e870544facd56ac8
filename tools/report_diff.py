#!/usr/bin/env python3
"""Compare two sets of vntext reports (JSON lines, one report per input) field by field.

    python3 tools/report_diff.py OLD.jsonl NEW.jsonl [--show N] [--field F]

Reports are matched by their `source`. For each list field (document_numbers, dates, periods,
officials, statistics, ethnic_groups, chrome) items are matched by span (start, end): an item
only in OLD is "removed", only in NEW "added", in both but different "changed" (the differing
keys are named). Scalar fields (title, published, author, counts.*) are compared as values.
Prints a table of counts by field and class, then up to --show examples of each.
"""
import argparse
import collections
import json
import sys

LISTS = ["document_numbers", "dates", "periods", "officials", "statistics", "ethnic_groups", "chrome"]
SCALARS = ["title", "published", "author", "encoding"]


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            r = json.loads(line)
            out[r.get("source") or f"#{n}"] = r
    return out


def key(item):
    if "start" in item and "end" in item:
        return (item["start"], item["end"])
    if "name" in item:
        return (item["name"],)
    return (json.dumps(item, sort_keys=True, ensure_ascii=False),)


def brief(item):
    keep = {k: v for k, v in item.items() if k not in ("spans",)}
    s = json.dumps(keep, ensure_ascii=False, sort_keys=True)
    return s if len(s) < 400 else s[:400] + "…"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--show", type=int, default=5, help="examples per class (default 5)")
    ap.add_argument("--field", action="append", help="only these fields")
    a = ap.parse_args()
    old, new = load(a.old), load(a.new)
    counts = collections.Counter()
    examples = collections.defaultdict(list)
    docs_changed = set()

    def note(cls, src, text):
        counts[cls] += 1
        docs_changed.add(src)
        if len(examples[cls]) < a.show:
            examples[cls].append(f"{src}: {text}")

    for src in sorted(set(old) | set(new)):
        o, n = old.get(src), new.get(src)
        if o is None or n is None:
            note(("report", "missing in " + ("old" if o is None else "new")), src, "")
            continue
        for f in SCALARS:
            if a.field and f not in a.field:
                continue
            if o.get(f) != n.get(f):
                note((f, "changed"), src, f"{o.get(f)!r} -> {n.get(f)!r}")
        if not a.field or "counts" in a.field:
            for k in sorted(set(o.get("counts", {})) | set(n.get("counts", {}))):
                if o.get("counts", {}).get(k) != n.get("counts", {}).get(k):
                    note((f"counts.{k}", "changed"), src,
                         f"{o['counts'].get(k)} -> {n['counts'].get(k)}")
        for f in LISTS:
            if a.field and f not in a.field:
                continue
            oi = {key(x): x for x in o.get(f) or []}
            ni = {key(x): x for x in n.get(f) or []}
            for k in oi.keys() - ni.keys():
                note((f, "removed"), src, brief(oi[k]))
            for k in ni.keys() - oi.keys():
                note((f, "added"), src, brief(ni[k]))
            for k in oi.keys() & ni.keys():
                if oi[k] != ni[k]:
                    diff = sorted(x for x in set(oi[k]) | set(ni[k]) if oi[k].get(x) != ni[k].get(x))
                    shown = {x: [oi[k].get(x), ni[k].get(x)] for x in diff if x != "spans"}
                    note((f, "changed:" + ",".join(diff)), src,
                         f"{oi[k].get('text', '')!r} " + json.dumps(shown, ensure_ascii=False)[:400])
    print(f"reports: old {len(old)}, new {len(new)}; documents with a difference: {len(docs_changed)}")
    if not counts:
        print("identical")
        return 0
    w = max(len(f"{f} {c}") for f, c in counts)
    for (f, c), k in sorted(counts.items()):
        print(f"  {f + ' ' + c:<{w}}  {k}")
    if a.show:
        for cls in sorted(examples):
            print(f"\n## {cls[0]} {cls[1]}")
            for e in examples[cls]:
                print("  " + e)
    return 1


if __name__ == "__main__":
    sys.exit(main())
