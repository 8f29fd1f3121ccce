"""Checks CSV files as a spreadsheet user's tools read them (Python's csv module, the standard dialect).

Usage: python3 check_csv.py FILE...  Prints one line per problem and exits 1 when there is any; prints
"ok <file> <rows> rows <columns> columns" per good file. Checks: the file starts with the UTF-8 byte-order mark,
every row has the header's width, and no text cell (one that is not a number) starts with = + - or @.
"""
import csv
import sys

problems = []
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        if not f.read(3) == b"\xef\xbb\xbf":
            problems.append(f"{path}: does not start with the UTF-8 byte-order mark")
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f, strict=True))
    except (csv.Error, UnicodeDecodeError) as e:
        problems.append(f"{path}: not well-formed CSV: {e}")
        continue
    if not rows:
        problems.append(f"{path}: no header row")
        continue
    width = len(rows[0])
    for n, row in enumerate(rows, start=1):
        if len(row) != width:
            problems.append(f"{path}: record {n} has {len(row)} fields, the header {width}: {row!r}")
        for cell in row:
            try:
                float(cell)
                continue
            except ValueError:
                pass
            if cell[:1] in ("=", "+", "-", "@"):
                problems.append(f"{path}: record {n} has a text cell starting with {cell[:1]}: {cell!r}")
    if not any(p.startswith(f"{path}:") for p in problems):
        print(f"ok {path} {len(rows) - 1} rows {width} columns")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
