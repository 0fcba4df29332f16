#!/usr/bin/env python3
"""Scores `make bench` output (JSON lines) against the shared sets' ground truth.

    python3 bench/score.py [--data ../shared/data] [--doc docs/benchmarks.md] [--plot out.svg] FILE...

Each line's `id` says which set it belongs to: a WCXB dev ground-truth/<id>.json, a Readability test
page readability/<id>/expected.html, or an L3S-GN1 annotated/<id>.html. Prints one table; with --doc,
replaces the part of that Markdown file between the `score:begin` / `score:end` markers with the same
figures; with --plot, writes an SVG of time per page against page size (bench/plot.mjs makes the PNG).

Standard library only.
"""

import argparse
import gzip
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ["article", "related", "promotion", "sponsored", "navigation", "comments"]
BEGIN, END = "<!-- score:begin -->", "<!-- score:end -->"

# ---------- text and metrics ----------


# The kinds the extension hides by default (extension/shared/common/settings.js, DEFAULT_HIDDEN_KINDS).
DEFAULT_HIDDEN_KINDS = ("sponsored", "promotion", "related")

def tokenize(text):
    """WCXB's tokenizer (wcxb-dev/evaluate.py): lowercase \\w+ words."""
    return re.findall(r"\w+", (text or "").lower())


def word_prf(pred, gold):
    """WCXB's bag-of-words precision/recall/F1 of one page (multiset overlap), as evaluate.py computes it."""
    p, g = tokenize(pred), tokenize(gold)
    if not g:
        return (1.0, 1.0, 1.0) if not p else (0.0, 0.0, 0.0)
    if not p:
        return (0.0, 0.0, 0.0)
    overlap = sum((Counter(p) & Counter(g)).values())
    pr, rc = overlap / len(p), overlap / len(g)
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)


def shingle_pr(pred, gold, n=4):
    """Per-page precision/recall of 4-word shingles, as the ScrapingHub article-extraction benchmark
    counts them (multisets; nothing on either side = perfect; no true positive = 0)."""

    def shingles(text):
        t = tokenize(text)
        return Counter(tuple(t[i : i + n]) for i in range(max(0, len(t) - n + 1)))

    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    if fp == fn == 0:
        return 1.0, 1.0
    if tp == 0:
        return 0.0, 0.0
    return tp / (tp + fp), tp / (tp + fn)


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


def pct(xs, q):
    s = sorted(xs)
    if not s:
        return float("nan")
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen"}
SKIP = {"script", "style", "noscript", "template", "title", "head"}
BLOCKISH = {
    "p", "div", "section", "article", "aside", "header", "footer", "nav", "main", "li", "ul", "ol", "table",
    "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "br",
    "dd", "dt", "dl", "hr", "form", "body", "html", "tbody", "thead", "caption", "option", "select",
}


class Walker(HTMLParser):
    """Walks HTML and calls on_text(words, stack) for every text run outside script/style/head, where
    stack is the list of open elements as (tag, attrs dict)."""

    def __init__(self, on_text):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.on_text = on_text
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            if tag in BLOCKISH:
                self.on_text(" ", self.stack)
            return
        self.stack.append((tag, dict(attrs)))
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCKISH:
            self.on_text(" ", self.stack)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for t, _ in self.stack[i:]:
                    if t in SKIP:
                        self.skip -= 1
                del self.stack[i:]
                break
        if tag in BLOCKISH:
            self.on_text(" ", self.stack)

    def handle_data(self, data):
        if not self.skip:
            self.on_text(data, self.stack)


def html_text(html):
    parts = []
    Walker(lambda text, _stack: parts.append(text)).feed(html)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


SEL = re.compile(r"\bx-nc-sel(\d)\b")


def l3s_words(annotated_html):
    """Per word of an L3S page after cleanup: (label, kind). label is the digit of the innermost
    x-nc-selN span (None: unwrapped, boilerplate); kind is that of the nearest data-blockwise
    ancestor (None: in no block). Yields Counter[(label, kind)] and the gold article text."""
    counts = Counter()
    gold = []

    def on_text(text, stack):
        words = tokenize(text)
        if not words:
            return
        label = kind = None
        for _tag, attrs in reversed(stack):
            if label is None:
                m = SEL.search(attrs.get("class") or "")
                if m:
                    label = m.group(1)
            if kind is None and attrs.get("data-blockwise") in KINDS:
                kind = attrs["data-blockwise"]
            if label is not None and kind is not None:
                break
        counts[(label, kind)] += len(words)
        if label in ("1", "2", "3"):
            gold.append(text)

    Walker(on_text).feed(annotated_html)
    return counts, " ".join(gold)


# How far ahead in the cleaned page a word of the annotated copy is looked for (as examples/l3s.rs).
ALIGN_WINDOW = 40


def l3s_words_aligned(cleaned_html, labelled_html):
    """As l3s_words, for a bench run on the untouched page (bench/stage.sh l3s links original/): the
    annotation's spans change a page's structure, so the extension cleans the original, and each word of
    the annotated copy (its label) is matched greedily to the next equal word of the cleaned original
    (its kind) within ALIGN_WINDOW words. None when the two do not align (fewer than 20 words matched,
    or more than a tenth unmatched), as the native example skips such pages."""
    predicted = []

    def on_pred(text, stack):
        words = tokenize(text)
        if words:
            kind = next((a["data-blockwise"] for _t, a in reversed(stack) if a.get("data-blockwise") in KINDS), None)
            predicted.extend((w, kind) for w in words)

    Walker(on_pred).feed(cleaned_html)
    counts, gold = Counter(), []
    state = {"at": 0, "aligned": 0, "unaligned": 0}

    def on_gold(text, stack):
        words = tokenize(text)
        if not words:
            return
        label = next((m.group(1) for _t, a in reversed(stack) for m in [SEL.search(a.get("class") or "")] if m), None)
        if label in ("1", "2", "3"):
            gold.append(text)
        for w in words:
            at = state["at"]
            j = next((j for j in range(at, min(at + ALIGN_WINDOW, len(predicted))) if predicted[j][0] == w), None)
            if j is None:
                state["unaligned"] += 1
                continue
            counts[(label, predicted[j][1])] += 1
            state["at"] = j + 1
            state["aligned"] += 1

    Walker(on_gold).feed(labelled_html)
    if state["aligned"] < 20 or state["unaligned"] * 10 > state["aligned"]:
        return None, " ".join(gold)
    return counts, " ".join(gold)


# ---------- ground truth ----------


def load_lines(files):
    out = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            out += [json.loads(line) for line in fh if line.strip()]
    return out


def which_set(data, pid):
    if (data / "wcxb-dev/ground-truth" / f"{pid}.json").exists():
        return "wcxb"
    if (data / "readability" / pid / "expected.html").exists():
        return "readability"
    if (data / "l3s-gn1/annotated" / f"{pid}.html").exists():
        return "l3s"
    return None


def wcxb_type(g):
    pt = ((g.get("_internal") or {}).get("page_type") or {})
    pt = pt.get("primary", "article") if isinstance(pt, dict) else (pt or "article")
    return "collection" if pt == "category" else pt


# ---------- scoring ----------


def metadata_agreement(rows):
    """Reader title / byline / date against expected-metadata.json, as examples/readability_pages.rs
    counts them: the title equal word for word; the byline the same words as the expected one, or
    (when the shorter has two words or more) a run of whole words inside the longer, never a fragment
    of a word, or the same letters and digits in the same order; the date starting with the expected
    day. Lines from before `reader_meta` existed are left out."""
    norm = lambda t: " ".join(tokenize(t or ""))

    def same_byline(ours, theirs):
        a, b = tokenize(ours or ""), tokenize(theirs or "")
        if not a or not b:
            return False
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        # The same letters and digits in the same order match too: Readability's bylines are
        # `textContent`, which runs adjacent elements' words together ("by Lucas Nolan22 Dec 2016651").
        return short == long_ or (len(short) >= 2 and any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))) \
            or "".join(a) == "".join(b)

    out = {"title": [0, 0], "byline": [0, 0], "date": [0, 0]}
    for d in rows:
        ours, meta = d.get("reader_meta"), d["_meta"]
        if ours is None:
            continue
        out["title"][1] += 1
        out["title"][0] += norm(meta.get("title")) == norm(ours.get("title"))
        if meta.get("byline"):
            out["byline"][1] += 1
            out["byline"][0] += same_byline(ours.get("byline"), meta["byline"])
        if meta.get("publishedTime"):
            p, e = ours.get("published") or "", meta["publishedTime"]
            out["date"][1] += 1
            out["date"][0] += bool(p) and (p.startswith(e[:10]) or norm(p) == norm(e))
    return out


def score(lines, data):
    sets = defaultdict(list)
    errors = []
    for d in lines:
        if "error" in d:
            errors.append(d)
            continue
        s = which_set(data, d["id"])
        sets[s or "other"].append(d)

    res = {"errors": errors, "counts": {k: len(v) for k, v in sets.items()}}

    # Article text against whole-text ground truth: WCXB (human) and the Readability pages (its own output).
    def text_scores(rows):
        out = {}
        for who, key in (("blockwise", "article_text"), ("readability", "readability_text")):
            bow = [word_prf(d[key], d["_gold"]) for d in rows]
            sh = [shingle_pr(d[key], d["_gold"]) for d in rows]
            P, R = mean([p for p, _ in sh]), mean([r for _, r in sh])
            out[who] = {"bow_f1": mean([x[2] for x in bow]), "sh_p": P, "sh_r": R, "sh_f1": f1(P, R),
                        "bow_r_median": statistics.median([x[1] for x in bow]) if bow else float("nan")}
        # Gold words not visible after cleanup (multiset; includes words the page never showed).
        gold_n = sum(len(tokenize(d["_gold"])) for d in rows)
        kept = sum(sum((Counter(tokenize(d["visible_text"])) & Counter(tokenize(d["_gold"]))).values()) for d in rows)
        out["gold_not_visible"] = 1 - kept / gold_n if gold_n else float("nan")
        out["n"] = len(rows)
        return out

    if sets["wcxb"]:
        by_type = defaultdict(list)
        for d in sets["wcxb"]:
            g = json.load(open(data / "wcxb-dev/ground-truth" / f"{d['id']}.json", encoding="utf-8"))
            d["_gold"] = (g.get("ground_truth") or {}).get("main_content") or ""
            by_type[wcxb_type(g)].append(d)
        res["wcxb"] = {"all": text_scores(sets["wcxb"])}
        for t in sorted(by_type, key=lambda t: (-len(by_type[t]), t)):
            res["wcxb"][t] = text_scores(by_type[t])

    if sets["readability"]:
        rows, readerable = sets["readability"], []
        for d in rows:
            case = data / "readability" / d["id"]
            d["_gold"] = html_text((case / "expected.html").read_text(encoding="utf-8", errors="replace"))
            meta = json.loads((case / "expected-metadata.json").read_text(encoding="utf-8"))
            d["_meta"] = meta
            if meta.get("readerable", True):
                readerable.append(d)
        res["readability"] = {"all": text_scores(rows), "readerable": text_scores(readerable)}
        res["readability_meta"] = metadata_agreement(rows)

    if sets["l3s"]:
        total = Counter()
        bow_b, bow_r = [], []
        skipped = 0
        for d in sets["l3s"]:
            if "x-nc-sel" in d["annotated_html"]:
                # An older run on the annotated copy itself: its labels came back with the kinds.
                counts, gold = l3s_words(d["annotated_html"])
            else:
                labelled = (data / "l3s-gn1/annotated" / f"{d['id']}.html").read_text(encoding="utf-8", errors="replace")
                counts, gold = l3s_words_aligned(d["annotated_html"], labelled)
            bow_b.append(word_prf(d["article_text"], gold)[2])
            bow_r.append(word_prf(d["readability_text"], gold)[2])
            if counts is None:
                skipped += 1
                continue
            total += counts
        kinds = {}
        for kind, label in (("related", "4"), ("comments", "5")):
            tp = sum(n for (l, k), n in total.items() if l == label and k == kind)
            pred = sum(n for (_l, k), n in total.items() if k == kind)
            gold = sum(n for (l, _k), n in total.items() if l == label)
            boiler = sum(n for (l, k), n in total.items() if k == kind and l in (None, "0"))
            kinds[kind] = {"p": tp / pred if pred else float("nan"), "r": tp / gold if gold else float("nan"), "pred": pred, "gold": gold,
                           "boiler": boiler / pred if pred else float("nan")}
        art = sum(n for (l, _k), n in total.items() if l in ("1", "2", "3"))
        # Hidden by the default settings (sponsored, promotion, related: DEFAULT_HIDDEN_KINDS in
        # extension/shared/common/settings.js), as examples/l3s.rs counts them; and classified as any
        # kind but article (what a user who hides every kind loses).
        hidden = sum(n for (l, k), n in total.items() if l in ("1", "2", "3") and k in DEFAULT_HIDDEN_KINDS)
        not_article = sum(n for (l, k), n in total.items() if l in ("1", "2", "3") and k not in (None, "article"))
        body = sum(n for (l, _k), n in total.items() if l == "2")
        body_hidden = sum(n for (l, k), n in total.items() if l == "2" and k not in (None, "article"))
        res["l3s"] = {
            "n": len(sets["l3s"]) - skipped, "skipped": skipped, "kinds": kinds, "bow_b": mean(bow_b), "bow_r": mean(bow_r),
            "hidden": hidden / art if art else float("nan"), "not_article": not_article / art if art else float("nan"), "body_hidden": body_hidden / body if body else float("nan"),
        }

    # Speed: every measured page of every set.
    ok = [d for d in lines if "ms" in d and d["ms"].get("readability", 0) > 0]
    ms = lambda k: [d["ms"][k] for d in ok]
    res["speed"] = {
        "n": len(ok),
        "ratio": [d["ms"]["total"] / d["ms"]["readability"] for d in ok],
        "ratio_clone": [d["ms"]["total"] / (d["ms"]["readability"] + d["ms"]["readability_clone"]) for d in ok],
        "ratio_core": [(d["ms"]["snapshot"] + d["ms"]["classify"]) / d["ms"]["readability"] for d in ok],
        **{k: ms(k) for k in ("total", "snapshot", "classify", "apply", "readability", "readability_clone")},
        "elements": [d["elements"] for d in ok],
        "news750": [d for d in ok if 600 <= d["elements"] <= 900],
        "toggle": [d["ms"]["toggle"] for d in ok if "toggle" in d["ms"]],
        "late": [d["ms"]["late"] for d in ok if "late" in d["ms"]],
        "late_kinds": Counter(d.get("late_kind") or "none" for d in ok if "late" in d["ms"]),
        "strict": [d["strict"] for d in ok if d.get("strict")],
        "restores": [d["restores"] for d in ok if d.get("restores")],
        # "Get pages ready before I click" on: the click on a page prepared before it (bench/run.mjs).
        "prepared": [d for d in ok if (d.get("prepared") or {}).get("ms")],
        "prepared_failed": [d for d in ok if (d.get("prepared") or {}).get("error")],
    }
    return res


def sizes():
    out = {}
    for name, p in (("blockwise", ROOT / "dist/chromium/core/blockwise_bg.wasm"), ("readability", ROOT / "node_modules/@mozilla/readability/Readability.js")):
        if p.exists():
            b = p.read_bytes()
            out[name] = (len(b), len(gzip.compress(b, 9)))
    return out


def native():
    """pages/s of each criterion benchmark in target/criterion/pages, when `cargo bench` has run."""
    out = {}
    base = ROOT / "target/criterion/pages"
    if not base.is_dir():
        return out
    for d in sorted(base.iterdir()):
        try:
            bench = json.loads((d / "new/benchmark.json").read_text())
            est = json.loads((d / "new/estimates.json").read_text())
        except (OSError, ValueError):
            continue
        n = (bench.get("throughput") or {}).get("Elements")
        if n:
            out[bench["function_id"]] = n / (est["mean"]["point_estimate"] / 1e9)
    return out


# ---------- output ----------


def fmt(x, digits=3):
    return "–" if x is None or x != x else f"{x:.{digits}f}"


def report(res):
    L = []
    c = res["counts"]
    L.append(f"Pages scored: {sum(c.values())} ({', '.join(f'{k} {v}' for k, v in sorted(c.items()))}); failed: {len(res['errors'])}.")
    L.append("")
    if "wcxb" in res or "readability" in res:
        L.append("**Article text** (Blockwise = the reader view's text; Readability = `parse().textContent`)")
        L.append("")
        L.append("| set | pages | bag-of-words F1 Blockwise | Readability.js | 4-gram shingle P / R / F1 Blockwise | Readability.js | gold words not visible after cleanup |")
        L.append("| --- | ---: | ---: | ---: | --- | --- | ---: |")

        def row(name, s):
            b, r = s["blockwise"], s["readability"]
            return (f"| {name} | {s['n']} | **{fmt(b['bow_f1'])}** | {fmt(r['bow_f1'])} | {fmt(b['sh_p'])} / {fmt(b['sh_r'])} / **{fmt(b['sh_f1'])}** "
                    f"| {fmt(r['sh_p'])} / {fmt(r['sh_r'])} / {fmt(r['sh_f1'])} | {fmt(100 * s['gold_not_visible'], 1)} % |")

        for t, s in res.get("wcxb", {}).items():
            L.append(row("WCXB dev, all types" if t == "all" else f"WCXB dev, {t}", s))
        for t, s in res.get("readability", {}).items():
            L.append(row("Readability test pages" + (" (readerable)" if t == "readerable" else ""), s))
        L.append("")
        for t, s in res.get("readability", {}).items():
            L.append(f"Readability test pages{' (readerable)' if t == 'readerable' else ''}: the text covers a median "
                     f"**{fmt(100 * s['blockwise']['bow_r_median'], 1)} %** of `expected.html`'s words per page "
                     f"(Readability.js {fmt(100 * s['readability']['bow_r_median'], 1)} %).")
        m = res.get("readability_meta")
        if m and m["title"][1]:
            agree = lambda k: f"{m[k][0]}/{m[k][1]} ({fmt(100 * m[k][0] / m[k][1], 0) if m[k][1] else '–'} %)"
            L.append(f"Reader view metadata agreeing with `expected-metadata.json`: title {agree('title')}, "
                     f"byline {agree('byline')}, published date {agree('date')}.")
        if "readability" in res:
            L.append("")
    if "l3s" in res:
        s = res["l3s"]
        skipped = f"; {s['skipped']} pages whose cleaned text did not align with the annotated copy left out" if s.get("skipped") else ""
        L.append(f"**L3S-GN1** ({s['n']} pages; per word, the nearest `data-blockwise` kind against the innermost `x-nc-sel` label{skipped})")
        L.append("")
        L.append("| measure | value |")
        L.append("| --- | ---: |")
        for k, sel in (("related", "sel4"), ("comments", "sel5")):
            kk = s["kinds"][k]
            L.append(f"| {k} ({sel}): precision / recall | {fmt(kk['p'])} / {fmt(kk['r'])} ({kk['pred']} words said {k}, "
                     f"{fmt(100 * kk['boiler'], 0)} % of them unlabelled boilerplate; {kk['gold']} words labelled {sel}) |")
        L.append(f"| article words (sel1–3) hidden by the default settings (sponsored, promotion, related) | {fmt(100 * s['hidden'], 2)} % |")
        L.append(f"| article words (sel1–3) classified other than article | {fmt(100 * s['not_article'], 2)} % (full text sel2 alone: {fmt(100 * s['body_hidden'], 2)} %) |")
        L.append(f"| article bag-of-words F1 vs sel1–3 text: Blockwise / Readability.js | {fmt(s['bow_b'])} / {fmt(s['bow_r'])} |")
        L.append("")
    sp = res["speed"]
    if sp["n"]:
        med = statistics.median
        L.append(f"**Speed** in headless Chromium ({sp['n']} pages; each figure the median of the page's timed runs, REPS = 5 unless the run says otherwise, after a warm-up)")
        L.append("")
        L.append("| measure | median | p95 |")
        L.append("| --- | ---: | ---: |")
        L.append(f"| ratio Blockwise total / Readability `parse()` | **{fmt(med(sp['ratio']), 2)}** | **{fmt(pct(sp['ratio'], .95), 2)}** |")
        L.append(f"| ratio Blockwise total / Readability clone + `parse()` | {fmt(med(sp['ratio_clone']), 2)} | {fmt(pct(sp['ratio_clone'], .95), 2)} |")
        L.append(f"| ratio Blockwise snapshot + classify / Readability `parse()` | {fmt(med(sp['ratio_core']), 2)} | {fmt(pct(sp['ratio_core'], .95), 2)} |")
        pr = sp["prepared"]
        if pr:
            ratio = [d["prepared"]["ms"]["total"] / d["ms"]["readability"] for d in pr]
            used = sum(d["prepared"]["used"] for d in pr)
            clicks = sum(d["prepared"]["of"] for d in pr)
            failed = f"; the step failed on {len(sp['prepared_failed'])} more" if sp["prepared_failed"] else ""
            L.append(f"| ratio Blockwise total / Readability `parse()`, page prepared before the click (opt-in; {len(pr)} pages, {used} of {clicks} clicks found it prepared{failed}) "
                     f"| **{fmt(med(ratio), 2)}** | **{fmt(pct(ratio, .95), 2)}** |")
        for k, label in (("total", "Blockwise total (clean request → stylesheet set), ms"), ("snapshot", "  snapshot (DOM walk), ms"),
                         ("classify", "  classify (Wasm core, reader included), ms"), ("apply", "  apply (attributes, stylesheet, badge), ms"),
                         ("readability", "Readability.js `parse()`, ms"), ("readability_clone", "Readability.js `document.cloneNode(true)`, ms")):
            L.append(f"| {label} | {fmt(med(sp[k]), 1)} | {fmt(pct(sp[k], .95), 1)} |")
        L.append(f"| page size, elements | {fmt(med(sp['elements']), 0)} | {fmt(pct(sp['elements'], .95), 0)} |")
        n7 = sp["news750"]
        if n7:
            L.append(f"| pages of 600–900 elements ({len(n7)}): Blockwise total / Readability `parse()`, ms "
                     f"| {fmt(med([d['ms']['total'] for d in n7]), 1)} / {fmt(med([d['ms']['readability'] for d in n7]), 1)} | |")
        n7p = [d for d in pr if 600 <= d["elements"] <= 900]
        if n7p:
            L.append(f"| pages of 600–900 elements ({len(n7p)}), prepared before the click: Blockwise total / Readability `parse()`, ms "
                     f"| {fmt(med([d['prepared']['ms']['total'] for d in n7p]), 2)} / {fmt(med([d['ms']['readability'] for d in n7p]), 1)} | |")
        if pr:
            for k, label in (("total", "prepared click: Blockwise total (first click on a freshly loaded page), ms"), ("apply", "  apply, ms")):
                xs = [d["prepared"]["ms"][k] for d in pr]
                L.append(f"| {label} | {fmt(med(xs), 2)} | {fmt(pct(xs, .95), 2)} |")
            costs = [d["prepared"]["cost"] for d in pr if d["prepared"].get("cost")]
            for k, label in (("thread", "the preparation, on every page loaded: ms on the page's thread"), ("longest", "  its longest task, ms"),
                             ("wall", "  idle callback → prepared (Wasm compilation included), ms")):
                xs = [c[k] for c in costs if k in c]
                if xs:
                    L.append(f"| {label} | {fmt(med(xs), 1)} | {fmt(pct(xs, .95), 1)} |")
        if sp["toggle"]:
            L.append(f"| toggling a kind (the event → the page hides the new choice), ms | {fmt(med(sp['toggle']), 2)} | {fmt(pct(sp['toggle'], .95), 2)} |")
        if sp["late"]:
            kinds = ", ".join(f"{k} {n}" for k, n in sp["late_kinds"].most_common())
            L.append(f"| one late widget (a \"More stories\" box added after the clean) classified and marked, ms; its kind: {kinds} | {fmt(med(sp['late']), 2)} | {fmt(pct(sp['late'], .95), 2)} |")
        st = sp["strict"]
        if st:
            L.append(f"| strict-CSP pages ({len(st)}; the core in the background): total, ms | {fmt(med([d['ms']['total'] for d in st]), 1)} | {fmt(pct([d['ms']['total'] for d in st], .95), 1)} |")
            for k, label in (("send", "message made, sent, received"), ("classify", "background: wire rebuilt, core run"),
                             ("return", "answer back to the page")):
                xs = [d["background"][k] for d in st if k in d["background"]]
                if xs:
                    L.append(f"|   {label}, ms | {fmt(med(xs), 1)} | {fmt(pct(xs, .95), 1)} |")
            xs = [d["background"]["bytes"] / 1024 for d in st]
            L.append(f"|   the snapshot's message, KB | {fmt(med(xs), 1)} | {fmt(pct(xs, .95), 1)} |")
        L.append("")
        rs = sp["restores"]
        if rs:
            done, exact = sum(r["done"] for r in rs), sum(r["exact"] for r in rs)
            whole = sum(r["exact"] == r["done"] for r in rs)
            L.append(f"Undo: {exact:,} of {done:,} restores gave back the page's exact `outerHTML` (every restore exact on {whole} of {len(rs)} pages).")
            L.append("")
    sz = sizes()
    if sz:
        L.append("| file | raw | gzip -9 |")
        L.append("| --- | ---: | ---: |")
        if "blockwise" in sz:
            L.append(f"| `blockwise_bg.wasm` (dist/chromium) | {sz['blockwise'][0] / 1024:.1f} KB | {sz['blockwise'][1] / 1024:.1f} KB |")
        if "readability" in sz:
            L.append(f"| `Readability.js` 0.6.0 | {sz['readability'][0] / 1024:.1f} KB | {sz['readability'][1] / 1024:.1f} KB |")
        L.append("")
    nat = native()
    if nat:
        L.append("**Natively** (`cargo bench --bench throughput`, last run's criterion estimates)")
        L.append("")
        L.append("| benchmark | pages/s |")
        L.append("| --- | ---: |")
        for k, v in nat.items():
            L.append(f"| {k} | {v:.0f} |")
        L.append("")
    if res["errors"]:
        L.append("Failed pages: " + "; ".join(f"`{d['id']}`: {d['error'][:120]}" for d in res["errors"][:10]) + ("; …" if len(res["errors"]) > 10 else ""))
        L.append("")
    return "\n".join(L)


def svg_plot(res):
    """Time per page against page size, log-log: Blockwise total, Readability parse(), Readability clone+parse()."""
    sp = res["speed"]
    if not sp["n"]:
        return None
    W, H, ml, mr, mt, mb = 900, 560, 70, 20, 40, 60
    import math

    xs = sp["elements"]
    series = [
        ("Blockwise: click handled → page cleaned (total)", "#5a3fc0", sp["total"]),
        ("Readability.js parse()", "#e07b00", sp["readability"]),
        ("Readability.js clone + parse()", "#2a9d8f", [a + b for a, b in zip(sp["readability"], sp["readability_clone"])]),
    ]
    allys = [y for _, _, ys in series for y in ys if y > 0]
    x0, x1 = math.log10(max(10, min(xs))), math.log10(max(xs) * 1.1)
    y0, y1 = math.log10(max(0.1, min(allys))), math.log10(max(allys) * 1.1)
    X = lambda v: ml + (math.log10(max(v, 1)) - x0) / (x1 - x0) * (W - ml - mr)
    Y = lambda v: H - mb - (math.log10(max(v, 0.1)) - y0) / (y1 - y0) * (H - mt - mb)
    o = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
         f'<rect width="{W}" height="{H}" fill="white"/>',
         f'<text x="{W / 2}" y="22" text-anchor="middle" font-size="15">Time per page against page size, headless Chromium, {sp["n"]} pages (log–log)</text>']
    def ticks(lo, hi):
        return [m * 10**e for e in range(math.floor(lo), math.ceil(hi) + 1) for m in (1, 2, 5) if lo <= math.log10(m * 10**e) <= hi]

    for v in ticks(x0, x1):
        o.append(f'<line x1="{X(v):.1f}" y1="{mt}" x2="{X(v):.1f}" y2="{H - mb}" stroke="#ddd"/><text x="{X(v):.1f}" y="{H - mb + 16}" text-anchor="middle">{v:g}</text>')
    for v in ticks(y0, y1):
        o.append(f'<line x1="{ml}" y1="{Y(v):.1f}" x2="{W - mr}" y2="{Y(v):.1f}" stroke="#ddd"/><text x="{ml - 6}" y="{Y(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
    o.append(f'<text x="{(ml + W - mr) / 2}" y="{H - 18}" text-anchor="middle">page size (elements)</text>')
    o.append(f'<text x="18" y="{(mt + H - mb) / 2}" text-anchor="middle" transform="rotate(-90 18 {(mt + H - mb) / 2})">ms per page (median of its runs)</text>')
    for i, (name, color, ys) in enumerate(series):
        for x, y in zip(xs, ys):
            o.append(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="2.6" fill="{color}" fill-opacity="0.55"/>')
        o.append(f'<circle cx="{ml + 20}" cy="{mt + 14 + 18 * i}" r="5" fill="{color}"/><text x="{ml + 32}" y="{mt + 18 + 18 * i}">{name}</text>')
    o.append("</svg>")
    return "\n".join(o)


def write_doc(doc, text):
    doc = Path(doc)
    old = doc.read_text(encoding="utf-8") if doc.exists() else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    if BEGIN not in old or END not in old:
        old = old.rstrip() + f"\n\n{BEGIN}\n{END}\n"
    head, rest = old.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    doc.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    ap.add_argument("--doc")
    ap.add_argument("--plot")
    a = ap.parse_args()
    data = Path(a.data)
    if not data.is_dir():
        sys.exit(f"score: {data} is absent (the shared evaluation data)")
    res = score(load_lines(a.files), data)
    text = report(res)
    print(text)
    if a.plot:
        svg = svg_plot(res)
        if svg:
            Path(a.plot).parent.mkdir(parents=True, exist_ok=True)
            Path(a.plot).write_text(svg, encoding="utf-8")
    if a.doc:
        write_doc(a.doc, text)


if __name__ == "__main__":
    main()
