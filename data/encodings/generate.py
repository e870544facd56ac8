#!/usr/bin/env python3
"""Regenerates the byte tables in this folder from the shared source tables (run once, by hand).

Usage: python3 data/encodings/generate.py /work/shared/encodings /usr/share/i18n/charmaps/CP1252.gz
The crate never reads the shared folder: the generated .tsv files are committed and embedded.
"""
import gzip, re, sys, unicodedata

shared, cp1252_gz = sys.argv[1], sys.argv[2]
out = sys.argv[3] if len(sys.argv) > 3 else "data/encodings"


def glibc_tsv(name):
    """bytes_hex -> code points from a flattened glibc charmap (single bytes only)."""
    m = {}
    for line in open(f"{shared}/{name}", encoding="utf-8").read().splitlines()[1:]:
        cols = line.split("\t")
        if len(cols[0]) == 2:
            m[int(cols[0], 16)] = int(cols[1].split()[0][2:], 16)
    return m


def glibc_gz(path):
    m = {}
    for line in gzip.open(path, "rt", encoding="latin-1"):
        g = re.match(r"<U([0-9A-F]{4,})>\s+/x([0-9a-f]{2})\s", line)
        if g:
            m[int(g.group(2), 16)] = int(g.group(1), 16)
    return m


def show(cp):
    c = chr(cp)
    if unicodedata.combining(c):
        return "\u25cc" + c
    if cp < 0x20 or 0x7F <= cp <= 0x9F or cp == 0xA0 or cp == 0xAD:
        return unicodedata.name(c, "CONTROL")
    return c


def write_single(fname, header, table, lo):
    with open(f"{out}/{fname}", "w", encoding="utf-8") as f:
        f.write(header)
        f.write("# byte\tcode_point\tchar\n")
        for b in range(256):
            if b < lo and b not in EXTRA_LOW.get(fname, ()):
                continue
            if b in table:
                f.write(f"{b:02X}\tU+{table[b]:04X}\t{show(table[b])}\n")


GLIBC = ("# Source: glibc localedata charmap {cm} (Debian bookworm package `locales` 2.36-9+deb12u14),\n"
         "# via /work/shared/encodings ({src}). Licence: glibc localedata, LGPL-2.1-or-later; the content\n"
         "# is a factual mapping of the standard {std}.\n")

viscii = glibc_tsv("viscii_glibc.tsv")
tcvn = glibc_tsv("tcvn5712-1_glibc.tsv")
cp1258 = glibc_tsv("cp1258_glibc.tsv")
cp1252 = glibc_gz(cp1252_gz)
EXTRA_LOW = {"viscii.tsv": [b for b in range(0x20) if viscii.get(b, b) != b]}

write_single("viscii.tsv",
             "# VISCII (RFC 1456): byte -> Unicode, bytes 0x80-0xFF and the six C0 positions holding capitals.\n"
             + GLIBC.format(cm="VISCII", src="viscii_glibc.tsv", std="VISCII, RFC 1456"), viscii, 0x80)
# TCVN3 (VN3, ABC fonts) uses A1-FF; 0x80-0x9F keep the Windows-1252 punctuation the fonts inherit.
tcvn3 = {b: (tcvn[b] if b >= 0xA0 else cp1252[b]) for b in range(0x80, 0x100) if (tcvn if b >= 0xA0 else cp1252).get(b) is not None}
write_single("tcvn3.tsv",
             "# TCVN3 / ABC (TCVN 5712:1993 VN3): byte -> Unicode for bytes 0x80-0xFF.\n"
             "# 0xA0-0xFF: " + GLIBC.format(cm="TCVN5712-1", src="tcvn5712-1_glibc.tsv", std="TCVN 5712:1993 VN1")[2:]
             + "# VN3 is the subset of VN1 without the toned capitals (REFERENCE.md 6.5, Appendices A/B): 0xA0-0xFF\n"
             "# are the VN1 bytes (0xAD is u-horn, not a soft hyphen). 0x80-0x9F, where VN1 puts toned capitals,\n"
             "# are not used by VN3 fonts; text saved through Windows carries its punctuation there (smart quotes,\n"
             "# dashes, ellipsis, as seen in the VNI corpus files), so they read as Windows-1252 (glibc charmap\n"
             "# CP1252, same package).\n", tcvn3, 0x80)
write_single("cp1258.tsv",
             "# Windows-1258: byte -> Unicode for bytes 0x80-0xFF (0xCC 0xD2 0xDE 0xEC 0xF2 are combining tones).\n"
             + GLIBC.format(cm="CP1258", src="cp1258_glibc.tsv", std="Windows-1258")
             + "# Bytes missing here are undefined in Windows-1258.\n", cp1258, 0x80)
write_single("cp1252.tsv",
             "# Windows-1252: byte -> Unicode for bytes 0x80-0xFF, used to undo UTF-8 read as Windows-1252.\n"
             + GLIBC.format(cm="CP1252", src="/usr/share/i18n/charmaps/CP1252.gz", std="Windows-1252")
             + "# Bytes missing here are undefined in Windows-1252.\n", cp1252, 0x80)

# VNI-Windows: per-letter map, with the alternative byte forms found in real documents.
rows = [l.split("\t") for l in open(f"{shared}/vietnamese_letters_legacy_map.tsv", encoding="utf-8").read().splitlines()[1:]]
ALT = {"ì": ["69F8"], "í": ["69F9"], "Ì": ["49D8"], "Í": ["49D9"], "ỵ": ["79EF"], "Ỵ": ["59CF"]}
with open(f"{out}/vni.tsv", "w", encoding="utf-8") as f:
    f.write("# VNI-Windows: Vietnamese letter -> VNI byte sequence (base letter, then a mark byte).\n"
            "# Source: /work/shared/encodings/vietnamese_letters_legacy_map.tsv, VNI column transcribed from\n"
            "# github.com/lamdao/xvnkb vni.h (commit 0ac6e794, GPL-2+, factual mapping only), cross-checked with\n"
            "# npm vietnamese-conversion 2.0.0 (MIT) and PyPI viparse 0.1.31 (MIT). Rows marked `alt` are the\n"
            "# second byte form seen in the wild (viparse): i/I + tone byte for ì í Ì Í, y/Y + dot byte for ỵ Ỵ.\n"
            "# The first row of a letter is the form the encoder writes. Other bytes read as Windows-1252.\n"
            "# letter\tcode_point\tvni_bytes\tas_windows_1252\tform\n")
    for r in rows:
        ch, bs = r[0], r[2]
        for i, seq in enumerate([bs] + ALT.get(ch, [])):
            view = bytes.fromhex(seq).decode("cp1252")
            f.write(f"{ch}\tU+{ord(ch):04X}\t{seq}\t{view}\t{'alt' if i else 'main'}\n")
print("ok")
