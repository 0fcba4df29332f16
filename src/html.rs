//! Native only: HTML text → [`Snapshot`], parsed with html5ever (through `scraper`), following the same
//! walk rules as the browser's content script (`docs/snapshot-format.md`) so node numbers agree.

use crate::page::{Attr, Snapshot, Tag, NONE};
use scraper::{node::Node as HNode, Html};
use std::collections::HashMap;

/// Attribute values longer than this are cut (as the content script does).
pub const MAX_ATTR_VALUE_CHARS: usize = 2000;

/// Parses `html` as a full document and builds its snapshot. Never fails: html5ever recovers from
/// any input the way browsers do.
pub fn parse(html: &str, url: &str) -> Snapshot {
    build(&parse_doc(html), url).0
}

/// Parses a whole document the way a browser with scripting turned off does: natively nothing runs a
/// page's scripts, so `<noscript>` content (where many forums and single-page apps keep their text for
/// readers without JavaScript) is parsed as markup and read.
fn parse_doc(html: &str) -> Html {
    use html5ever::{driver, tendril::TendrilSink, tree_builder::TreeBuilderOpts, ParseOpts};
    let opts = ParseOpts { tree_builder: TreeBuilderOpts { scripting_enabled: false, ..Default::default() }, ..Default::default() };
    driver::parse_document(scraper::HtmlTreeSink::new(Html::new_document()), opts).one(html)
}

/// Builds the snapshot of a parsed document, with the html5ever node behind each snapshot node.
fn build(doc: &Html, url: &str) -> (Snapshot, Vec<ego_tree::NodeId>) {
    let mut ids = Vec::new();
    let mut s = Snapshot::new(url);
    let mut interned: HashMap<String, u32> = HashMap::new();
    let mut intern = |s: &mut Snapshot, v: &str| -> u32 {
        if let Some(&i) = interned.get(v) {
            return i;
        }
        let i = s.intern(v);
        interned.insert(v.to_string(), i);
        i
    };
    let text_name = intern(&mut s, "#text");
    let mut tags: crate::features::QuickMap<u32, Tag> = Default::default();
    // Stack of (ego node id, our id, text allowed) for open elements.
    let mut stack: Vec<(ego_tree::NodeId, u32, bool)> = Vec::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                HNode::Element(el) => {
                    let name = el.name();
                    let parent = stack.last().map_or(NONE, |e| e.1);
                    let name_i = intern(&mut s, name);
                    // Each distinct name looked up once (`Tag::from_name` is a linear search, for size).
                    let tag = *tags.entry(name_i).or_insert_with(|| Tag::from_name(name));
                    let is_ld = tag == Tag::Script
                        && el.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                    let keeps_text = !matches!(tag, Tag::Script | Tag::Style | Tag::Template) || is_ld;
                    let parent_allows = stack.last().is_none_or(|e| e.2);
                    let id = s.push(parent, tag, name_i, NONE);
                    ids.push(node.id());
                    for (k, v) in el.attrs() {
                        if let Some(a) = Attr::from_name(k) {
                            let k_i = intern(&mut s, k);
                            let v = cut(v);
                            let v_i = intern(&mut s, v);
                            s.push_attr(a, k_i, v_i);
                        }
                    }
                    stack.push((node.id(), id, keeps_text && parent_allows));
                }
                HNode::Text(t) => {
                    let Some(&(_, parent, allowed)) = stack.last() else { continue };
                    if !allowed {
                        continue;
                    }
                    let text: &str = t;
                    let text = if text.trim().is_empty() { " " } else { text };
                    let ti = if text.len() < 64 { intern(&mut s, text) } else { s.intern(text) };
                    s.push(parent, Tag::Text, text_name, ti);
                    ids.push(node.id());
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if stack.last().is_some_and(|e| e.0 == node.id()) {
                    stack.pop();
                }
            }
        }
    }
    (s, ids)
}

/// Parses `html`, classifies it with `kinds` (snapshot node → kind name) and serialises the document
/// again with `data-blockwise="<kind>"` on each block's element. Everything else is written back as
/// parsed (html5ever's normalisation of the markup).
pub fn annotate(html: &str, url: &str, kinds: impl Fn(&Snapshot) -> Vec<(u32, &'static str)>) -> String {
    let doc = parse_doc(html);
    let (snap, ids) = build(&doc, url);
    let mut marks: HashMap<ego_tree::NodeId, &'static str> = HashMap::new();
    for (n, k) in kinds(&snap) {
        if let Some(&e) = ids.get(n as usize) {
            marks.insert(e, k);
        }
    }
    serialize(&doc, &marks)
}

fn esc(t: &str, attr: bool) -> String {
    let mut o = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '\u{a0}' => o.push_str("&nbsp;"),
            '"' if attr => o.push_str("&quot;"),
            '<' if !attr => o.push_str("&lt;"),
            '>' if !attr => o.push_str("&gt;"),
            c => o.push(c),
        }
    }
    o
}

const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
const RAW_TEXT: &[&str] = &["script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript"];

fn serialize(doc: &Html, marks: &HashMap<ego_tree::NodeId, &'static str>) -> String {
    let mut out = String::new();
    let mut raw_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                HNode::Doctype(d) => out.push_str(&format!("<!DOCTYPE {}>", d.name())),
                HNode::Comment(c) => out.push_str(&format!("<!--{}-->", &**c)),
                HNode::Text(t) => out.push_str(&if raw_depth > 0 { t.to_string() } else { esc(t, false) }),
                HNode::Element(el) => {
                    out.push('<');
                    out.push_str(el.name());
                    for (k, v) in el.attrs() {
                        out.push_str(&format!(" {k}=\"{}\"", esc(v, true)));
                    }
                    if let Some(k) = marks.get(&node.id()) {
                        out.push_str(&format!(" data-blockwise=\"{k}\""));
                    }
                    out.push('>');
                    if RAW_TEXT.contains(&el.name()) {
                        raw_depth += 1;
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let HNode::Element(el) = node.value() {
                    if RAW_TEXT.contains(&el.name()) {
                        raw_depth = raw_depth.saturating_sub(1);
                    }
                    if !VOID.contains(&el.name()) {
                        out.push_str(&format!("</{}>", el.name()));
                    }
                }
            }
        }
    }
    out
}

fn cut(v: &str) -> &str {
    match v.char_indices().nth(MAX_ATTR_VALUE_CHARS) {
        Some((i, _)) => &v[..i],
        None => v,
    }
}

/// Reads a page from bytes: gzip is detected by its magic number; the text must be UTF-8 (invalid
/// sequences are replaced) and must look like HTML. Returns a one-line reason when it does not.
pub fn decode_page(bytes: &[u8]) -> Result<String, String> {
    use std::io::Read;
    let owned;
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes)
            .read_to_end(&mut out)
            .map_err(|e| format!("cannot decompress gzip input: {e}"))?;
        owned = out;
        &owned[..]
    } else {
        bytes
    };
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("the input is empty".into());
    }
    let head = &bytes[..bytes.len().min(4096)];
    let binary = head.iter().filter(|&&b| b == 0 || (b < 9) || (14..32).contains(&b) && b != 27).count();
    if binary * 20 > head.len() {
        return Err("the input is binary, not HTML".into());
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    let lower: String = text.chars().take(8192).collect::<String>().to_ascii_lowercase();
    if !lower.contains('<') || !["<html", "<body", "<div", "<p", "<!doctype", "<head", "<article", "<span", "<table", "<section", "<main", "<h1", "<a "]
        .iter()
        .any(|t| lower.contains(t))
    {
        return Err("the input does not look like HTML (no HTML elements found)".into());
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_in_document_order_with_text_rules() {
        let s = parse(
            "<html><head><title>T</title><script>var x=1</script><script type='application/ld+json'>{\"a\":1}</script></head>\
             <body><p class='x' onclick='y'>Hi <b>there</b></p>  <style>p{}</style></body></html>",
            "https://e.com/",
        );
        let names: Vec<&str> = (0..s.len() as u32).map(|i| s.name(i)).collect();
        assert_eq!(names[0], "html");
        assert!(names.contains(&"p"));
        let texts: Vec<&str> = (0..s.len() as u32).filter(|&i| s.nodes[i as usize].tag == Tag::Text).map(|i| s.text(i)).collect();
        assert!(texts.contains(&"{\"a\":1}"), "JSON-LD kept: {texts:?}");
        assert!(!texts.contains(&"var x=1"), "script text dropped");
        assert!(!texts.contains(&"p{}"), "style text dropped");
        let p = (0..s.len() as u32).find(|&i| s.name(i) == "p").unwrap();
        assert_eq!(s.attr(p, Attr::Class), Some("x"));
        assert_eq!(s.attrs_of(p).count(), 1, "onclick dropped");
        for (i, n) in s.nodes.iter().enumerate() {
            assert!(n.parent == NONE || (n.parent as usize) < i);
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(20_000) + "deep" + &"</div>".repeat(20_000);
        let s = parse(&html, "https://e.com/");
        assert!(s.len() > 1000);
    }

    #[test]
    fn decode_rejects_non_html() {
        assert!(decode_page(b"   ").unwrap_err().contains("empty"));
        assert!(decode_page(&[0u8, 1, 2, 3, 0, 0, 5, 6, 7, 0]).unwrap_err().contains("binary"));
        assert!(decode_page(b"just some words").unwrap_err().contains("HTML"));
        assert!(decode_page(b"<p>hello</p>").is_ok());
    }
}
