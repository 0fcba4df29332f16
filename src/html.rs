//! Native only: HTML text → [`Snapshot`], parsed with html5ever into a light tree of our own (a
//! `TreeSink`: html5ever's tree builder moves nodes after creating them — foster parenting, the adoption
//! agency — so the snapshot is written from the finished tree), following the same walk rules as the
//! browser's content script (`docs/snapshot-format.md`) so node numbers agree.

use crate::features::QuickMap;
use crate::page::{Attr, Snapshot, Tag, NONE};
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, LocalName, QualName};
use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::collections::HashMap;

/// Attribute values longer than this are cut (as the content script does).
pub const MAX_ATTR_VALUE_CHARS: usize = 2000;

/// Parses `html` as a full document and builds its snapshot. Never fails: html5ever recovers from
/// any input the way browsers do.
pub fn parse(html: &str, url: &str) -> Snapshot {
    build(&parse_doc(html), url).0
}

/// What a node of the parse tree is.
enum Data {
    Document,
    /// Attributes sorted by name (the order the snapshot lists them in).
    Element { name: QualName, attrs: Vec<Attribute> },
    /// A `<template>`'s contents: the template's first child, read as if its children were the template's.
    Fragment,
    Text(StrTendril),
    Comment(StrTendril),
    Doctype(StrTendril),
    Other,
}

/// A node of the parse tree, linked to its neighbours by index ([`NONE`] for none).
struct PNode {
    data: Data,
    parent: u32,
    first: u32,
    last: u32,
    prev: u32,
    next: u32,
}

/// The parsed document: node 0 is the document.
struct Tree(Vec<PNode>);

impl Tree {
    fn push(&mut self, data: Data) -> u32 {
        self.0.push(PNode { data, parent: NONE, first: NONE, last: NONE, prev: NONE, next: NONE });
        (self.0.len() - 1) as u32
    }

    fn detach(&mut self, n: u32) {
        let PNode { parent, prev, next, .. } = self.0[n as usize];
        if parent == NONE {
            return;
        }
        match prev {
            NONE => self.0[parent as usize].first = next,
            p => self.0[p as usize].next = next,
        }
        match next {
            NONE => self.0[parent as usize].last = prev,
            x => self.0[x as usize].prev = prev,
        }
        let node = &mut self.0[n as usize];
        (node.parent, node.prev, node.next) = (NONE, NONE, NONE);
    }

    fn append(&mut self, parent: u32, n: u32) {
        self.detach(n);
        let last = self.0[parent as usize].last;
        match last {
            NONE => self.0[parent as usize].first = n,
            l => self.0[l as usize].next = n,
        }
        self.0[parent as usize].last = n;
        let node = &mut self.0[n as usize];
        (node.parent, node.prev) = (parent, last);
    }

    fn insert_before(&mut self, sibling: u32, n: u32) {
        self.detach(n);
        let PNode { parent, prev, .. } = self.0[sibling as usize];
        match prev {
            NONE => self.0[parent as usize].first = n,
            p => self.0[p as usize].next = n,
        }
        self.0[sibling as usize].prev = n;
        let node = &mut self.0[n as usize];
        (node.parent, node.prev, node.next) = (parent, prev, sibling);
    }

    /// Places a node with `place`, or text: appended to `beside` when that is a text node (text next
    /// to text is merged, as in a browser), else in a new text node placed with `place`.
    fn put(&mut self, child: NodeOrText<u32>, beside: u32, place: impl FnOnce(&mut Tree, u32)) {
        match child {
            NodeOrText::AppendNode(n) => place(self, n),
            NodeOrText::AppendText(text) => match self.0.get_mut(beside as usize).map(|p| &mut p.data) {
                Some(Data::Text(t)) => t.push_tendril(&text),
                _ => {
                    let n = self.push(Data::Text(text));
                    place(self, n)
                }
            },
        }
    }
}

/// html5ever's tree builder writes into this.
struct Sink(RefCell<Tree>);

impl TreeSink for Sink {
    type Handle = u32;
    type Output = Tree;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree {
        self.0.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> u32 {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> Ref<'a, QualName> {
        Ref::map(self.0.borrow(), |t| match &t.0[*target as usize].data {
            Data::Element { name, .. } => name,
            _ => unreachable!("html5ever asks only elements for their names"),
        })
    }

    fn create_element(&self, name: QualName, mut attrs: Vec<Attribute>, _flags: ElementFlags) -> u32 {
        let template = name.ns == html5ever::ns!(html) && name.local == html5ever::local_name!("template");
        attrs.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        let mut t = self.0.borrow_mut();
        let n = t.push(Data::Element { name, attrs });
        if template {
            let f = t.push(Data::Fragment);
            t.append(n, f);
        }
        n
    }

    fn create_comment(&self, text: StrTendril) -> u32 {
        self.0.borrow_mut().push(Data::Comment(text))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.0.borrow_mut().push(Data::Other)
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        let mut t = self.0.borrow_mut();
        let last = t.0[*parent as usize].last;
        t.put(child, last, |t, n| t.append(*parent, n));
    }

    fn append_based_on_parent_node(&self, element: &u32, prev_element: &u32, child: NodeOrText<u32>) {
        if self.0.borrow().0[*element as usize].parent != NONE {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn append_doctype_to_document(&self, name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {
        let mut t = self.0.borrow_mut();
        let n = t.push(Data::Doctype(name));
        t.append(0, n);
    }

    fn get_template_contents(&self, target: &u32) -> u32 {
        self.0.borrow().0[*target as usize].first
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        let mut t = self.0.borrow_mut();
        if let NodeOrText::AppendNode(n) = new_node {
            t.detach(n);
        }
        if t.0[*sibling as usize].parent == NONE {
            return;
        }
        let prev = t.0[*sibling as usize].prev;
        t.put(new_node, prev, |t, n| t.insert_before(*sibling, n));
    }

    fn add_attrs_if_missing(&self, target: &u32, new: Vec<Attribute>) {
        if let Data::Element { attrs, .. } = &mut self.0.borrow_mut().0[*target as usize].data {
            for a in new {
                if let Err(at) = attrs.binary_search_by(|b| b.name.cmp(&a.name)) {
                    attrs.insert(at, a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        let mut t = self.0.borrow_mut();
        while t.0[*node as usize].first != NONE {
            let c = t.0[*node as usize].first;
            t.append(*new_parent, c);
        }
    }
}

/// Parses a whole document the way a browser with scripting turned off does: natively nothing runs a
/// page's scripts, so `<noscript>` content (where many forums and single-page apps keep their text for
/// readers without JavaScript) is parsed as markup and read.
fn parse_doc(html: &str) -> Tree {
    use html5ever::{driver, tendril::TendrilSink, tree_builder::TreeBuilderOpts, ParseOpts};
    let opts = ParseOpts { tree_builder: TreeBuilderOpts { scripting_enabled: false, ..Default::default() }, ..Default::default() };
    let mut tree = Tree(Vec::with_capacity(html.len() / 32));
    tree.push(Data::Document);
    driver::parse_document(Sink(RefCell::new(tree)), opts).one(html)
}

/// Visits the tree in document order: `open` on entering each node below the document, `close` on
/// leaving it.
fn walk(t: &Tree, mut open: impl FnMut(u32, &PNode), mut close: impl FnMut(u32, &PNode)) {
    let mut n = t.0[0].first;
    while n != NONE {
        let node = &t.0[n as usize];
        open(n, node);
        if node.first != NONE {
            n = node.first;
            continue;
        }
        // Leave `n` and every ancestor whose children are done, then go to the next sibling.
        let mut m = n;
        n = loop {
            let node = &t.0[m as usize];
            close(m, node);
            if node.next != NONE {
                break node.next;
            }
            if node.parent == 0 || node.parent == NONE {
                break NONE;
            }
            m = node.parent;
        };
    }
}

/// Builds the snapshot of a parsed document, with the parse-tree node behind each snapshot node.
fn build(doc: &Tree, url: &str) -> (Snapshot, Vec<u32>) {
    let mut ids = Vec::new();
    let mut s = Snapshot::new(url);
    let mut interned: QuickMap<String, u32> = QuickMap::default();
    let mut intern = |s: &mut Snapshot, v: &str| -> u32 {
        if let Some(&i) = interned.get(v) {
            return i;
        }
        let i = s.intern(v);
        interned.insert(v.to_string(), i);
        i
    };
    let text_name = intern(&mut s, "#text");
    // Per distinct element name: its string and tag; per distinct attribute name: its kind and string.
    let mut tags: QuickMap<LocalName, (u32, Tag)> = QuickMap::default();
    let mut attr_names: QuickMap<LocalName, Option<(Attr, u32)>> = QuickMap::default();
    // Stack of (tree node, our id, text allowed) for open elements.
    let stack: RefCell<Vec<(u32, u32, bool)>> = RefCell::new(Vec::new());
    let open = |n: u32, node: &PNode| {
        let mut stack = stack.borrow_mut();
        match &node.data {
            Data::Element { name, attrs } => {
                let parent = stack.last().map_or(NONE, |e| e.1);
                let (name_i, tag) = *tags.entry(name.local.clone()).or_insert_with(|| (intern(&mut s, &name.local), Tag::from_name(&name.local)));
                let is_ld = tag == Tag::Script
                    && attrs.iter().any(|a| {
                        a.name.prefix.is_none() && a.name.ns.is_empty() && &*a.name.local == "type"
                            && a.value.trim().eq_ignore_ascii_case("application/ld+json")
                    });
                let keeps_text = !matches!(tag, Tag::Script | Tag::Style | Tag::Template) || is_ld;
                let parent_allows = stack.last().is_none_or(|e| e.2);
                let id = s.push(parent, tag, name_i, NONE);
                ids.push(n);
                for a in attrs {
                    let kind = *attr_names.entry(a.name.local.clone()).or_insert_with(|| Attr::from_name(&a.name.local).map(|k| (k, intern(&mut s, &a.name.local))));
                    if let Some((k, k_i)) = kind {
                        let v_i = intern(&mut s, cut(&a.value));
                        s.push_attr(k, k_i, v_i);
                    }
                }
                stack.push((n, id, keeps_text && parent_allows));
            }
            Data::Text(t) => {
                let Some(&(_, parent, allowed)) = stack.last() else { return };
                if !allowed {
                    return;
                }
                let text: &str = t;
                let text = if text.trim().is_empty() { " " } else { text };
                let ti = if text.len() < 64 { intern(&mut s, text) } else { s.intern(text) };
                s.push(parent, Tag::Text, text_name, ti);
                ids.push(n);
            }
            _ => {}
        }
    };
    let close = |n: u32, _: &PNode| {
        let mut stack = stack.borrow_mut();
        if stack.last().is_some_and(|e| e.0 == n) {
            stack.pop();
        }
    };
    walk(doc, open, close);
    (s, ids)
}

/// Parses `html`, classifies it with `kinds` (snapshot node → kind name) and serialises the document
/// again with `data-blockwise="<kind>"` on each block's element. Everything else is written back as
/// parsed (html5ever's normalisation of the markup).
pub fn annotate(html: &str, url: &str, kinds: impl Fn(&Snapshot) -> Vec<(u32, &'static str)>) -> String {
    let doc = parse_doc(html);
    let (snap, ids) = build(&doc, url);
    let mut marks: HashMap<u32, &'static str> = HashMap::new();
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

fn serialize(doc: &Tree, marks: &HashMap<u32, &'static str>) -> String {
    let out = RefCell::new(String::new());
    // Depth inside raw-text elements, whose text is written unescaped.
    let raw = std::cell::Cell::new(0usize);
    let open = |n: u32, node: &PNode| {
        let mut out = out.borrow_mut();
        match &node.data {
            Data::Doctype(d) => out.push_str(&format!("<!DOCTYPE {}>", &**d)),
            Data::Comment(c) => out.push_str(&format!("<!--{}-->", &**c)),
            Data::Text(t) => out.push_str(&if raw.get() > 0 { t.to_string() } else { esc(t, false) }),
            Data::Element { name, attrs } => {
                out.push('<');
                out.push_str(&name.local);
                for a in attrs {
                    out.push_str(&format!(" {}=\"{}\"", &*a.name.local, esc(&a.value, true)));
                }
                if let Some(k) = marks.get(&n) {
                    out.push_str(&format!(" data-blockwise=\"{k}\""));
                }
                out.push('>');
                if RAW_TEXT.contains(&&*name.local) {
                    raw.set(raw.get() + 1);
                }
            }
            _ => {}
        }
    };
    let close = |_: u32, node: &PNode| {
        if let Data::Element { name, .. } = &node.data {
            if RAW_TEXT.contains(&&*name.local) {
                raw.set(raw.get().saturating_sub(1));
            }
            if !VOID.contains(&&*name.local) {
                out.borrow_mut().push_str(&format!("</{}>", &*name.local));
            }
        }
    };
    walk(doc, open, close);
    out.into_inner()
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
