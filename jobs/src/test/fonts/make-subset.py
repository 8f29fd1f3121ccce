#!/usr/bin/env python3
"""Rebuilds wqy-microhei-subset.ttf from Debian's fonts-wqy-microhei (needs Debian's fonttools).

The subset holds: ASCII, Latin-1, general punctuation, arrows, mathematical operators, enclosed numbers, box
drawing, geometric shapes (■ is the stand-in for characters a font lacks), miscellaneous symbols, CJK
punctuation, full-width forms, the 3,755 level-1 hanzi and the symbols of GB 2312, and every character of the
repository's sources, data and test corpus except the traditional side of the extractor's conversion table.

    apt-get install fonts-wqy-microhei fonttools
    python3 jobs/src/test/fonts/make-subset.py [FONT.ttc]   # default: the Debian package's file
"""
import os
import subprocess
import sys

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
BLOCKS = [(0x20, 0x7F), (0xA0, 0x100), (0x2010, 0x2070), (0x2100, 0x2300), (0x2460, 0x24FF), (0x2500, 0x2580),
          (0x25A0, 0x2700), (0x3000, 0x3040), (0xFE30, 0xFE50), (0xFF00, 0xFFF0)]


def gb2312(first_byte_range):
    out = set()
    for hi in first_byte_range:
        for lo in range(0xA1, 0xFF):
            try:
                out.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return out


def repository_characters():
    out = set()
    for top in ("jobs/src", "data", "schemas", "docs", "conf"):
        for folder, _, files in os.walk(os.path.join(ROOT, top)):
            for name in files:
                if name == "TraditionalChinese.java":
                    continue
                try:
                    with open(os.path.join(folder, name), encoding="utf-8") as f:
                        out.update(ord(c) for c in f.read() if ord(c) >= 0x20)
                except (UnicodeDecodeError, OSError):
                    pass
    return out


def main():
    chars = set()
    for lo, hi in BLOCKS:
        chars.update(range(lo, hi))
    chars |= gb2312(range(0xA1, 0xB0)) | gb2312(range(0xB0, 0xD8)) | repository_characters()
    unicodes = os.path.join(HERE, ".unicodes.txt")
    with open(unicodes, "w") as f:
        f.write(",".join("U+%04X" % c for c in sorted(chars)))
    try:
        font = sys.argv[1] if len(sys.argv) > 1 else FONT
        subprocess.run(["pyftsubset", font, "--font-number=0", "--unicodes-file=" + unicodes, "--no-hinting",
                        "--layout-features=", "--notdef-outline",
                        "--output-file=" + os.path.join(HERE, "wqy-microhei-subset.ttf")], check=True)
    finally:
        os.remove(unicodes)
    print("%d characters" % len(chars), file=sys.stderr)


if __name__ == "__main__":
    main()
