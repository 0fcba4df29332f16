#!/usr/bin/env python3
"""Where the .wasm's bytes are, by function: raw body size and what gzip -9 saves without it.

Usage (docs/benchmarks.md, "The .wasm's size: the cuts (issue 6, eighth pass)"):

    bash scripts/build-wasm.sh          # builds target/wasm32-unknown-unknown/release/blockwise.wasm
    python3 scripts/wasm-sizes.py [N]   # the N largest functions (default 30), names kept

It runs wasm-bindgen --keep-debug and wasm-opt with the passes of scripts/build-wasm.sh plus -g (so
the name section survives; the code is the shipped code) into a temporary folder, then reads the code,
data and name sections. "gzip" is the gzipped module's size less that of the module without the
function's body: what the function costs after compression (repeated code costs less there). Standard
library only; twiggy 0.7 refuses wasm-opt's -g output.
"""
import gzip
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def named_module(tmp):
    """The shipped module with its function names: wasm-bindgen and wasm-opt as build-wasm.sh runs them."""
    wasm = os.path.join(ROOT, "target/wasm32-unknown-unknown/release/blockwise.wasm")
    subprocess.run(["wasm-bindgen", "--keep-debug", "--target", "web", "--no-typescript", "--out-dir", tmp, wasm], check=True)
    script = open(os.path.join(ROOT, "scripts/build-wasm.sh")).read()
    line = next(l for l in script.split("\n") if l.startswith("node_modules/.bin/wasm-opt"))
    flags = [f for f in line.replace("\\", " ").split() if f.startswith("--") or f.startswith("-O")]
    flags = [f for f in flags if f != "--strip-debug"]
    # (the feature flags are on the next line of the script)
    nxt = script.split(line, 1)[1].split("\n", 2)[1]
    flags += [f for f in nxt.split() if f.startswith("--enable")]
    out = os.path.join(tmp, "named.wasm")
    subprocess.run([os.path.join(ROOT, "node_modules/.bin/wasm-opt"), "-g", *flags, os.path.join(tmp, "blockwise_bg.wasm"), "-o", out], check=True)
    return open(out, "rb").read()


def sections(data):
    i, out = 8, []
    while i < len(data):
        sid, start = data[i], i
        size, i = leb(data, i + 1)
        out.append((sid, start, i, i + size))
        i += size
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    with tempfile.TemporaryDirectory() as tmp:
        data = named_module(tmp)
    secs = sections(data)
    imports, bodies, names = 0, [], {}
    for sid, _, a, end in secs:
        if sid == 2:
            count, j = leb(data, a)
            for _ in range(count):
                for _ in range(2):
                    length, j = leb(data, j)
                    j += length
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb(data, j)
                    imports += 1
                elif kind == 1:
                    j += 1
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 2:
                    flags, j = leb(data, j)
                    _, j = leb(data, j)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 3:
                    j += 2
        elif sid == 10:
            count, j = leb(data, a)
            for _ in range(count):
                size, k = leb(data, j)
                bodies.append((j, k + size))
                j = k + size
        elif sid == 0:
            length, j = leb(data, a)
            if data[j : j + length] == b"name":
                j += length
                while j < end:
                    sub = data[j]
                    size, j = leb(data, j + 1)
                    if sub == 1:
                        count, k = leb(data, j)
                        for _ in range(count):
                            idx, k = leb(data, k)
                            length, k = leb(data, k)
                            names[idx] = data[k : k + length].decode("utf-8", "replace")
                            k += length
                    j += size
    # The module without custom sections (what ships), and the same less one body.
    custom = [(s, e) for sid, s, _, e in secs if sid == 0]

    def shipped(d, cut=None):
        # (Cutting a body leaves its section's length stale: no matter to gzip's count.)
        parts, at = [], 0
        for s, e in sorted(custom + ([cut] if cut else [])):
            parts.append(d[at:s])
            at = e
        parts.append(d[at:])
        return b"".join(parts)

    base = shipped(data)
    gz = len(gzip.compress(base, 9))
    code = sum(e - s for s, e in bodies)
    data_sec = next((data[a:e] for sid, _, a, e in secs if sid == 11), b"")
    print(f"module {len(base)} raw, {gz} gzipped; code {code} bytes in {len(bodies)} functions; data {len(data_sec)} bytes ({len(gzip.compress(data_sec, 9))} gzipped alone)")
    print(f"{'raw':>7} {'gzip':>6}  function")
    for k in sorted(range(len(bodies)), key=lambda k: bodies[k][0] - bodies[k][1])[:n]:
        s, e = bodies[k]
        saved = gz - len(gzip.compress(shipped(data, (s, e)), 9))
        print(f"{e - s:>7} {saved:>6}  {names.get(imports + k, '?')[:140]}")


if __name__ == "__main__":
    main()
