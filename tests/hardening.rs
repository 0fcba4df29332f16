//! Hardening (docs/hardening.md): the core on hostile, huge and broken pages, natively.
//!
//! - `fuzz_smoke_*`: the cargo-fuzz targets' own code (`fuzz/common.rs`) driven by a deterministic
//!   mutator on stable Rust, over the repository's corpus (`fuzz/corpus/`). Seconds by default;
//!   `BLOCKWISE_FUZZ_ITERS=1000000` makes it a long run (`make fuzz` runs real libFuzzer instead).
//! - `limits_*`: 200,000 elements, 20,000 levels, more than `MAX_NODES`, a 50 MB text node, no body,
//!   a frameset, SVG- and MathML-heavy pages. Timings are printed (`-- --nocapture`), never asserted.
//! - `xss_*`: the XSS corpus page `tests/e2e/pages/xss.html` through `blockwise reader --format html`.
#![cfg(not(target_arch = "wasm32"))]

use blockwise::page::{Snapshot, Wire, MAX_NODES, NONE};
use std::path::Path;
use std::time::Instant;

#[path = "../fuzz/common.rs"]
mod fuzz_common;

/// xorshift64*: a deterministic stream for the mutator.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens the HTML mutator splices in (structure the parser and classifier care about).
const HTML_TOKENS: &[&str] = &[
    "<div>", "</div>", "<p>", "</p>", "<a href=\"/x\">", "</a>", "<table><tr><td>", "</table>", "<svg>", "</svg>",
    "<math>", "<template>", "<script>", "</script>", "<noscript>", "<frameset>", "<body>", "<html>", "<!--", "-->",
    "<img src=\"data:image/png;base64,AA\">", "<a href=\"java\tscript:x\">", "<aside class=\"related\">",
    "<article>", "<nav>", "<h1>", "<li>", "<ul>", "<select><option>", "<![CDATA[", "&#0;", "&amp;", "\u{0}", "\u{202e}",
    " class=\"sponsored ad\"", " role=\"navigation\"", " dir=\"rtl\"", "The council voted again today. ",
];

/// One deterministic mutation of `seed`: byte flips, inserts, deletes, duplicated ranges, tokens.
fn mutate(rng: &mut Rng, seed: &[u8], html: bool) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 => v.insert(at, rng.next() as u8),
            2 if !v.is_empty() => {
                let end = (at + rng.below(32)).min(v.len());
                v.drain(at.min(end)..end);
            }
            3 if !v.is_empty() => {
                let s = rng.below(v.len());
                let e = (s + rng.below(64)).min(v.len());
                let chunk = v[s..e].to_vec();
                v.splice(at..at, chunk);
            }
            4 if html => {
                let t = HTML_TOKENS[rng.below(HTML_TOKENS.len())].as_bytes();
                v.splice(at..at, t.iter().copied());
            }
            _ => {
                let i = rng.below(v.len().max(1));
                if i < v.len() {
                    v[i] = [0, 0xff, 0x7f, 0x80, b'<', b'>'][rng.below(6)];
                }
            }
        }
    }
    v.truncate(16 * 1024);
    v
}

fn corpus(dir: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus").join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten().map(|e| e.path()).collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

fn iterations(default: usize) -> usize {
    std::env::var("BLOCKWISE_FUZZ_ITERS").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn drive(name: &str, dir: &str, default_iters: usize, html: bool, target: fn(&[u8])) {
    let seeds = corpus(dir);
    assert!(!seeds.is_empty());
    for s in &seeds {
        target(s);
    }
    let iters = iterations(default_iters);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ iters as u64);
    let t = Instant::now();
    let mut pool = seeds.clone();
    for i in 0..iters {
        let base = &pool[rng.below(pool.len())];
        let input = mutate(&mut rng, base, html);
        let r = std::panic::catch_unwind(|| target(&input));
        if r.is_err() {
            let out = std::env::temp_dir().join(format!("blockwise-{name}-crash-{i}"));
            std::fs::write(&out, &input).unwrap();
            panic!("{name}: input {i} panicked; saved to {} (replay with cargo fuzz run {name} FILE)", out.display());
        }
        // Keep some mutants as new bases so mutations compound (a poor man's corpus growth).
        if i % 7 == 0 && pool.len() < 512 {
            pool.push(input);
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!("{name}: {iters} executions in {secs:.1} s ({:.0}/s), 0 crashes", iters as f64 / secs.max(1e-9));
}

#[test]
fn fuzz_smoke_wire() {
    drive("wire", "wire", 20_000, false, fuzz_common::wire);
}

#[test]
fn fuzz_smoke_html_pipeline() {
    drive("html_pipeline", "html_pipeline", 600, true, fuzz_common::html_pipeline);
}

/* ---------------- limits ---------------- */

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let r = f();
    println!("{what}: {:.0} ms", t.elapsed().as_secs_f64() * 1000.0);
    r
}

/// A story page of about `n` elements: a story, then rails of teaser cards.
pub fn wide_page(n: usize) -> String {
    let mut h = String::with_capacity(n * 60);
    h.push_str("<!doctype html><html lang=en><head><title>Big page</title></head><body><nav><a href=/>Home</a><a href=/a>A</a><a href=/b>B</a></nav><main><article><h1>A very long page indeed</h1>");
    for i in 0..20 {
        h.push_str(&format!("<p>Paragraph {i} of the story, long enough to read as prose in a real article about the town.</p>"));
    }
    h.push_str("</article>");
    let mut count = 60;
    let mut k = 0;
    while count < n + 100 {
        h.push_str(&format!("<div class=\"card\"><a href=\"/s/{k}\"><span>Teaser {k}</span></a></div>"));
        count += 3;
        k += 1;
    }
    h.push_str("</main></body></html>");
    h
}

fn elements(s: &Snapshot) -> usize {
    s.nodes.iter().filter(|n| n.tag != blockwise::page::Tag::Text).count()
}

#[test]
fn limits_200k_elements() {
    let html = wide_page(200_000);
    let snap = timed("200k elements: parse", || blockwise::html::parse(&html, "https://e.com/s"));
    assert!(elements(&snap) >= 200_000, "{} elements", elements(&snap));
    let a = timed("200k elements: analyze (classify + reader)", || blockwise::analyze(&snap, true));
    assert!(a.reader.is_some_and(|r| r.text.contains("Paragraph 19 of the story")));
}

/// Runs `f` on a thread with `stack` bytes of stack (a test thread's default is 2 MiB; the Wasm
/// build's stack is 1 MiB), so a recursion that only fits in 8 MiB is caught here.
fn with_stack(stack: usize, f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new().stack_size(stack).spawn(f).unwrap().join().expect("thread panicked");
}

#[test]
fn limits_20k_deep_divs() {
    with_stack(1 << 20, || {
        let html = format!("<html><body>{}<p>deep story text that is long enough to be prose, with words and more words.</p>{}</body></html>", "<div>".repeat(20_000), "</div>".repeat(20_000));
        let snap = blockwise::html::parse(&html, "https://e.com/");
        let a = timed("20k deep divs: analyze", || blockwise::analyze(&snap, true));
        if let Some(r) = &a.reader {
            fuzz_common::check_reader(r);
        }
    });
}

/// A wire snapshot nested `depth` deep in elements the reader keeps (blockquote, then ul/li), with
/// story text at the bottom: the reader document itself is that deep.
fn deep_wire_snapshot(depth: usize) -> Snapshot {
    let strings = "html\0body\0blockquote\0ul\0li\0#text\0The story goes on here with enough words to look like prose in an article page.\0article";
    let (mut names, mut parents, mut texts) = (vec![0u32, 1, 7], vec![-1i32, 0, 1], vec![NONE, NONE, NONE]);
    let mut last = 2i32;
    for i in 0..depth {
        names.push([2, 3, 4][i % 3]);
        parents.push(last);
        texts.push(NONE);
        last = names.len() as i32 - 1;
        if i % 50 == 0 || i + 5 >= depth {
            names.push(5);
            parents.push(last);
            texts.push(6);
        }
    }
    let w = Wire { url: "https://e.com/", strings, names: &names, parents: &parents, texts: &texts, attrs: &[], flags: &[], rects: &[] };
    Snapshot::from_wire(&w).expect("valid deep snapshot")
}

/// A wire snapshot of `html > body > article`, then a chain `depth` deep cycling through `tags`, a
/// line of text every 50 levels and the story's paragraphs at the bottom.
fn chain_snapshot(tags: &[&str], depth: usize) -> Snapshot {
    let story = "The story goes on here with enough words to look like prose in an article page, and more.";
    let strings = format!("html\0body\0article\0#text\0{story}\0p\0{}", tags.join("\0"));
    let (mut names, mut parents, mut texts) = (vec![0u32, 1, 2], vec![-1i32, 0, 1], vec![NONE, NONE, NONE]);
    let mut last = 2i32;
    for i in 0..depth {
        names.push(6 + (i % tags.len()) as u32);
        parents.push(last);
        texts.push(NONE);
        last = names.len() as i32 - 1;
        if i % 50 == 0 {
            names.push(3);
            parents.push(last);
            texts.push(4);
        }
    }
    for _ in 0..5 {
        names.extend([5, 3]);
        parents.extend([last, names.len() as i32 - 2]);
        texts.extend([NONE, 4]);
    }
    let w = Wire { url: "https://e.com/", strings: &strings, names: &names, parents: &parents, texts: &texts, attrs: &[], flags: &[], rects: &[] };
    Snapshot::from_wire(&w).expect("valid chain snapshot")
}

/// The deepest element nesting of a reader document, walked iteratively.
fn reader_depth(content: &[blockwise::reader::RNode]) -> usize {
    let mut deepest = 0;
    let mut stack: Vec<(&blockwise::reader::RNode, usize)> = content.iter().map(|n| (n, 1)).collect();
    while let Some((n, d)) = stack.pop() {
        if let blockwise::reader::RNode::El { c, .. } = n {
            deepest = deepest.max(d);
            stack.extend(c.iter().map(|k| (k, d + 1)));
        }
    }
    deepest
}

/// Pages 20,000 levels deep in the shapes the classifier treats differently (plain boxes, inline
/// runs, sectioning elements, lists, links, headings, tables): the whole core (classify + reader +
/// its HTML) completes on the Wasm build's 1 MiB stack, the story is found and the reader document
/// stays within `MAX_READER_DEPTH`. The core is linear in depth (20,000 divs: 3.7 s before the fix,
/// about 15 ms after); `-- --nocapture` prints each shape's time, nothing asserts it.
#[test]
fn limits_20k_deep_shapes() {
    with_stack(1 << 20, || {
        let shapes: &[&[&str]] = &[
            &["div"], &["span"], &["section"], &["article"], &["aside", "div"], &["nav", "div"], &["footer", "section"],
            &["ul", "li"], &["a", "div"], &["h2", "div"], &["table", "tbody", "tr", "td"], &["blockquote", "ul", "li"], &["b", "i", "em"],
        ];
        for tags in shapes {
            let snap = chain_snapshot(tags, 20_000);
            let a = timed(&format!("20k deep {}: analyze + reader HTML", tags.join("/")), || {
                let a = blockwise::analyze(&snap, true);
                let html = a.reader.as_ref().map(|r| blockwise::reader::to_html(&r.content));
                (a, html)
            });
            let (a, html) = a;
            assert!(!a.blocks().is_empty(), "{tags:?}: no block");
            let r = a.reader.as_ref().unwrap_or_else(|| panic!("{tags:?}: no story found"));
            fuzz_common::check_reader(r);
            assert!(r.text.contains("The story goes on here"), "{tags:?}: the story text is lost");
            assert!(reader_depth(&r.content) <= blockwise::reader::MAX_READER_DEPTH + 1, "{tags:?}: reader {} deep", reader_depth(&r.content));
            assert!(html.is_some_and(|h| h.contains("The story goes on here")));
        }
    });
}

#[test]
fn limits_20k_deep_reader_tree() {
    // A page nested 20,000 deep in elements the reader keeps: the reader builder caps its document at
    // MAX_READER_DEPTH levels (the text below is kept), so building, serialising and dropping it all fit
    // the Wasm build's 1 MiB stack.
    with_stack(1 << 20, move || {
        let snap = deep_wire_snapshot(20_000);
        let a = timed("20k deep blockquote/ul/li: analyze + reader", || blockwise::analyze(&snap, true));
        let doc = a.reader.expect("the deep page has an article");
        assert!(doc.words > 1000);
        assert!(reader_depth(&doc.content) <= blockwise::reader::MAX_READER_DEPTH + 1);
        assert!(blockwise::reader::to_html(&doc.content).len() > 20_000);
    });
}

fn deep_reader_doc() -> blockwise::ReaderDoc {
    let (tx, rx) = std::sync::mpsc::channel();
    with_stack(256 << 20, move || {
        let snap = deep_wire_snapshot(20_000);
        tx.send(blockwise::analyze(&snap, true).reader.unwrap()).unwrap();
    });
    rx.recv().unwrap()
}

#[test]
fn reader_to_html_20k_deep_fits_1mib_stack() {
    let doc = deep_reader_doc();
    with_stack(1 << 20, move || {
        let html = blockwise::reader::to_html(&doc.content);
        assert!(html.len() > 20_000);
        std::mem::forget(doc);
    });
}

#[test]
fn limits_beyond_max_nodes_is_a_clear_error() {
    let n = MAX_NODES + 1;
    let names = vec![0u32; n];
    let mut parents = vec![0i32; n];
    parents[0] = -1;
    let texts = vec![NONE; n];
    let w = Wire { url: "https://e.com/", strings: "div", names: &names, parents: &parents, texts: &texts, attrs: &[], flags: &[], rects: &[] };
    let e = Snapshot::from_wire(&w).unwrap_err();
    assert!(e.to_string().contains("more than the 2000000"), "{e}");
}

#[test]
fn limits_50mb_text_node() {
    let big = "word ".repeat(10 * 1024 * 1024);
    let html = format!("<html><body><article><h1>Huge</h1><p>{big}</p><p>The end of a very long story paragraph here.</p></article></body></html>");
    let snap = timed("50 MB text node: parse", || blockwise::html::parse(&html, "https://e.com/"));
    let a = timed("50 MB text node: analyze", || blockwise::analyze(&snap, true));
    assert!(a.reader.is_some_and(|r| r.words > 1_000_000));
}

#[test]
fn limits_odd_documents() {
    let cases: &[(&str, String)] = &[
        ("empty", String::new()),
        ("no body", "<html><head><title>Only a head</title></head></html>".into()),
        ("text only", "Just words, no markup at all, for a while.".into()),
        ("frameset", "<!doctype html><html><head><title>F</title></head><frameset cols=\"50%,50%\"><frame src=\"a.html\"><frame src=\"b.html\"><noframes><p>Your browser does not do frames.</p></noframes></frameset></html>".into()),
        ("svg heavy", format!("<html><body><article><h1>Charts</h1><p>A story paragraph that explains the charts below in words.</p>{}</article></body></html>", "<svg viewBox=\"0 0 10 10\"><g><path d=\"M0 0L10 10\"/><text>label</text><foreignObject><p>inside</p></foreignObject></g></svg>".repeat(5000))),
        ("mathml heavy", format!("<html><body><article><h1>Maths</h1><p>A story paragraph about equations, long enough to be prose.</p>{}</article></body></html>", "<math><mrow><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></mrow><mtext><p>t</p></mtext></math>".repeat(5000))),
        ("only head noise", "<html><head><script>x</script><style>p{}</style></head><body><script>y</script></body></html>".into()),
    ];
    for (name, html) in cases {
        let snap = blockwise::html::parse(html, "https://e.com/");
        let a = timed(name, || blockwise::analyze(&snap, true));
        if let Some(r) = &a.reader {
            fuzz_common::check_reader(r);
            assert!(!r.text.contains("label") || *name != "svg heavy", "SVG text is not story text");
        }
    }
}

/* ---------------- reader view safety (native) ---------------- */

fn xss_page() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/pages/xss.html")).unwrap()
}

/// The legitimate paragraphs of the XSS page, which must survive.
fn legit_paragraphs(html: &str) -> Vec<String> {
    html.split("<p class=\"legit\">").skip(1).map(|s| s.split("</p>").next().unwrap().replace("&amp;", "&")).collect()
}

#[test]
fn xss_corpus_cli_reader_html_is_inert() {
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/pages/xss.html");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_blockwise"))
        .args(["reader", page.to_str().unwrap(), "--format", "html", "--url", "http://127.0.0.1:8000/pages/xss.html"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    let doc = scraper::Html::parse_document(&html);
    let mut problems = Vec::new();
    for el in doc.root_element().descendants().filter_map(scraper::ElementRef::wrap) {
        let name = el.value().name();
        if matches!(name, "script" | "iframe" | "object" | "embed" | "svg" | "math" | "style" | "link" | "base" | "form" | "template" | "noscript" | "frame" | "frameset" | "input" | "button" | "textarea")
            || (name == "meta" && el.value().attr("http-equiv").is_some())
        {
            problems.push(format!("<{name}> element"));
        }
        for (k, v) in el.value().attrs() {
            let k = k.to_ascii_lowercase();
            let squeezed: String = v.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
            if k.starts_with("on") || k == "style" || k == "srcdoc" || k == "formaction" || k == "action" {
                problems.push(format!("<{name} {k}>"));
            }
            if squeezed.starts_with("javascript:") || squeezed.starts_with("vbscript:") || (squeezed.starts_with("data:") && !squeezed.starts_with("data:image/")) {
                problems.push(format!("<{name} {k}=\"{v}\">"));
            }
        }
    }
    assert!(!html.to_ascii_lowercase().contains("<script"), "a script tag in the output");
    assert!(problems.is_empty(), "unsafe markup in the reader HTML: {problems:#?}");
    let text: String = doc.root_element().text().collect::<String>();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let legit = legit_paragraphs(&xss_page());
    assert!(legit.len() >= 10);
    let missing: Vec<_> = legit.iter().filter(|p| !text.contains(p.as_str())).collect();
    assert!(missing.is_empty(), "legitimate paragraphs lost: {missing:#?}");
}

#[test]
fn xss_corpus_reader_document_is_allowlisted() {
    let html = xss_page();
    assert!(html.matches("data-payload=").count() >= 50, "at least 50 payloads");
    let snap = blockwise::html::parse(&html, "http://127.0.0.1:8000/pages/xss.html");
    let a = blockwise::analyze(&snap, true);
    let r = a.reader.expect("the XSS page has an article");
    fuzz_common::check_reader(&r);
    for v in [&r.lead_image, &r.byline].into_iter().flatten() {
        {
            assert!(!v.to_ascii_lowercase().contains("javascript:") || !v.starts_with("javascript"), "{v}");
        }
    }
}
