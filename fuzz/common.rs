//! What each fuzz target does with one input, shared by the cargo-fuzz targets
//! (`fuzz/fuzz_targets/*.rs`) and the stable-Rust driver in `tests/hardening.rs`, so both exercise
//! exactly the same code. Every function here panics only when the core breaks a promise:
//! a panic inside the core, or a reader document that is not safe (see `check_reader`).

#![allow(dead_code)]

use blockwise::page::{Snapshot, Wire, NONE};
use blockwise::reader::{RNode, ReaderDoc, ALLOWED_TAGS};

/// HTML text → snapshot → classify → reader document → HTML and text. Never panics; the reader
/// document holds only allowlisted tags, attributes and URLs.
pub fn html_pipeline(data: &[u8]) {
    let html = String::from_utf8_lossy(data);
    let snap = blockwise::html::parse(&html, "https://news.example/2024/05/story.html?id=1");
    run_core(&snap);
}

/// The core on an accepted snapshot: classification, the reader document and its serialisations.
pub fn run_core(snap: &Snapshot) {
    let a = blockwise::analyze(snap, true);
    for b in a.blocks() {
        assert!((b.node as usize) < snap.len(), "block names node {} of {}", b.node, snap.len());
        assert!(b.confidence.is_finite() && (0.0..=1.0).contains(&b.confidence), "confidence {}", b.confidence);
    }
    if let Some(doc) = &a.reader {
        check_reader(doc);
    }
}

/// The reader document's safety promise (docs/snapshot-format.md): allowlisted tags, attributes
/// `href src alt title colspan rowspan` only, URLs `http(s)` or `data:image/` only; and its HTML
/// serialisation has no markup that could run.
pub fn check_reader(doc: &ReaderDoc) {
    let mut stack: Vec<&RNode> = doc.content.iter().collect();
    while let Some(n) = stack.pop() {
        if let RNode::El { t, a, c } = n {
            assert!(ALLOWED_TAGS.contains(t), "tag {t} is not allowlisted");
            for (k, v) in a {
                assert!(matches!(*k, "href" | "src" | "alt" | "title" | "colspan" | "rowspan"), "attribute {k}");
                if matches!(*k, "href" | "src") {
                    assert!(url_is_safe(v, *k == "src"), "unsafe URL {v:?} in {k}");
                }
            }
            stack.extend(c.iter());
        }
    }
    if let Some(img) = &doc.lead_image {
        assert!(url_is_safe(img, true), "unsafe lead image {img:?}");
    }
    let html = blockwise::reader::to_html(&doc.content);
    assert_html_inert(&html);
    let _ = blockwise::reader::to_text(&doc.content);
}

/// `http:`/`https:` (or `data:image/` for images), with nothing a browser would strip first.
pub fn url_is_safe(v: &str, image: bool) -> bool {
    let l = v.to_ascii_lowercase();
    if l.chars().next().is_some_and(|c| c <= ' ') || l.contains(['\t', '\n', '\r']) {
        return false;
    }
    // `https:/x` and `https:x` are odd but still https (a browser resolves them as https://x).
    l.starts_with("http:") || l.starts_with("https:") || (image && l.starts_with("data:image/"))
}

/// The reader's HTML: every `<` starts an allowlisted tag, and no tag carries an event handler,
/// a style or a script URL. (Text is escaped, so `<` only appears in tags.)
pub fn assert_html_inert(html: &str) {
    for (i, _) in html.match_indices('<') {
        let rest = &html[i + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..end];
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        assert!(ALLOWED_TAGS.contains(&name.as_str()), "tag <{tag}> in reader HTML");
        // Attribute names: tokens before `="`.
        for part in tag.split('"').step_by(2) {
            for word in part.split_whitespace() {
                if let Some(attr) = word.strip_suffix('=') {
                    assert!(matches!(attr, "href" | "src" | "alt" | "title" | "colspan" | "rowspan"), "attribute {attr} in <{tag}>");
                }
            }
        }
        let lower = tag.to_ascii_lowercase();
        for bad in ["=\"javascript:", "=\"vbscript:", "=\"data:text"] {
            assert!(!lower.contains(bad), "{bad} in <{tag}>");
        }
    }
}

/// A small reader of fuzz bytes: every read succeeds (zeros when the input runs out).
pub struct Bytes<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Bytes<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Bytes { data, at: 0 }
    }
    pub fn u8(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.u8(), self.u8(), self.u8(), self.u8()])
    }
    pub fn left(&self) -> bool {
        self.at < self.data.len()
    }
}

/// Names and values the core reacts to, so mostly-valid snapshots reach deep into the classifier.
const VOCAB: &[&str] = &[
    "html", "head", "body", "#text", "div", "p", "a", "article", "main", "nav", "aside", "section",
    "h1", "h2", "ul", "li", "img", "script", "template", "svg", "math", "table", "td", "iframe",
    "class", "id", "href", "src", "srcset", "data-src", "role", "aria-label", "type", "content",
    "property", "colspan", "style", "itemprop", "dir", "lang", "title", "hidden",
    "story article-body", "sponsored", "related-stories", "newsletter", "comments", "share",
    "og:title", "application/ld+json", "{\"@type\":\"NewsArticle\",\"headline\":\"x\",\"author\":{\"name\":\"A\"}}",
    "The council voted on Tuesday to approve the new harbour wall after months of debate in town.",
    "Sponsored", "Read more", "javascript:alert(1)", " java\tscript:alert(1)", "data:text/html,<script>",
    "data:image/png;base64,AA==", "https://ads.doubleclick.net/x", "/2024/05/other.html", "//cdn.example/i.jpg",
    "rtl", "ar", "2", "-1", "99999999999", " ", "", "\u{202e}", "é", "😀",
];

/// Builds wire arrays from fuzz bytes: sometimes consistent, sometimes with wrong lengths, bad
/// parents, bad string indices, unordered attributes, NaN geometry; then decodes them. A decode
/// error is fine; an accepted snapshot must go through the whole core.
pub fn wire(data: &[u8]) {
    let mut b = Bytes::new(data);
    let mode = b.u8();
    // The string table: the vocabulary, then a few raw strings from the input.
    let mut strings: Vec<String> = VOCAB.iter().map(|s| s.to_string()).collect();
    let extra = (b.u8() % 8) as usize;
    for _ in 0..extra {
        let len = (b.u8() % 24) as usize;
        let raw: Vec<u8> = (0..len).map(|_| b.u8()).collect();
        strings.push(String::from_utf8_lossy(&raw).replace('\0', "\u{fffd}"));
    }
    let mut table = strings.join("\0");
    if mode & 0x80 != 0 {
        // A truncated table: indices near the end now point past it.
        let cut = (b.u8() as usize * 4).min(table.len());
        let mut c = cut;
        while !table.is_char_boundary(c) {
            c -= 1;
        }
        table.truncate(c);
    }
    let nstr = strings.len() as u32;
    let n = (b.u8() as usize) % 160 + usize::from(mode & 1);
    let (mut names, mut parents, mut texts) = (Vec::with_capacity(n), Vec::with_capacity(n), Vec::with_capacity(n));
    // The tree's true shape (valid parents), from which the sent `parents` may deviate.
    let mut shape: Vec<i32> = Vec::with_capacity(n);
    let wild = mode & 0x40 != 0;
    for i in 0..n {
        let sel = b.u8();
        let text_node = i > 0 && sel % 3 == 0;
        let name = if wild && sel == 255 { b.u32() } else if text_node { 3 } else { u32::from(b.u8()) % nstr };
        let true_parent: i32 = if i == 0 {
            -1
        } else {
            // Mostly the previous element or one of its ancestors: nested, realistic shapes.
            let back = b.u8() % 4;
            let mut p = i as i32 - 1;
            if names.get(p as usize) == Some(&3) {
                p = shape[p as usize];
            }
            for _ in 0..back {
                if p > 0 {
                    p = shape[p as usize];
                }
            }
            p.max(0)
        };
        shape.push(true_parent);
        let parent = if wild && sel == 254 { b.u32() as i32 } else { true_parent };
        let text = if text_node { u32::from(b.u8()) % nstr } else if wild && sel == 253 { b.u32() } else { NONE };
        names.push(name);
        parents.push(parent);
        texts.push(text);
    }
    let mut attrs = Vec::new();
    let nattr = (b.u8() % 64) as usize;
    let mut node = 0u32;
    for _ in 0..nattr {
        if n == 0 {
            break;
        }
        node = (node + u32::from(b.u8() % 3)).min(n as u32 - 1);
        let node = if wild && b.u8() == 0 { b.u32() } else { node };
        attrs.extend([node, u32::from(b.u8()) % nstr, u32::from(b.u8()) % nstr]);
    }
    let flags: Vec<u8> = match (mode >> 1) & 3 {
        0 => Vec::new(),
        1 => (0..n).map(|_| b.u8()).collect(),
        _ => (0..(b.u8() as usize % 8)).map(|_| b.u8()).collect(),
    };
    let rects: Vec<f32> = match (mode >> 3) & 3 {
        0 => Vec::new(),
        1 => (0..4 * n).map(|_| f32::from(b.u8()) * 7.0).collect(),
        2 => (0..4 * n).map(|_| f32::from_bits(b.u32())).collect(),
        _ => (0..(b.u8() as usize % 9)).map(|_| b.u8() as f32).collect(),
    };
    if mode & 0x20 != 0 && b.left() {
        // Damage one array's length.
        match b.u8() % 4 {
            0 => { names.pop(); }
            1 => parents.push(0),
            2 => { texts.pop(); }
            _ => attrs.push(0),
        }
    }
    let url = if mode & 0x10 != 0 { "not a url" } else { "https://news.example/a/b.html" };
    let w = Wire { url, strings: &table, names: &names, parents: &parents, texts: &texts, attrs: &attrs, flags: &flags, rects: &rects };
    if let Ok(snap) = Snapshot::from_wire(&w) {
        run_core(&snap);
    }
}
