//! The page snapshot: a flat arena of nodes in document (pre-)order, built once by the browser's
//! content script or natively from HTML text, and read by everything else in the crate.
//!
//! The wire format the browser sends (see `docs/snapshot-format.md`) is a set of typed arrays and one
//! string table; [`Snapshot::from_wire`] validates it and never panics on malformed input.
use crate::prelude::*;

use core::fmt;

/// Index of a node in [`Snapshot::nodes`].
pub type NodeId = u32;

/// Marks "no node" / "no string" in wire arrays.
pub const NONE: u32 = u32::MAX;

/// Largest number of nodes a snapshot may hold; pages beyond it get a clear error instead of a stall.
/// (A 200,000-element page plus its text nodes fits comfortably.)
pub const MAX_NODES: usize = 2_000_000;

/// Element names the classifier and reader care about; everything else is [`Tag::Other`].
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Tag {
    Text, Html, Head, Body, Title, Meta, Link, Script, Style, Noscript, Template,
    Div, Span, P, A, Img, Picture, Source, Figure, Figcaption, Video, Audio, Iframe, Embed, Object,
    Svg, Math, Canvas,
    H1, H2, H3, H4, H5, H6, Hgroup,
    Ul, Ol, Li, Dl, Dt, Dd,
    Table, Thead, Tbody, Tfoot, Tr, Td, Th, Caption,
    Article, Section, Main, Aside, Nav, Header, Footer, Address,
    Form, Input, Textarea, Button, Select, Option, Label, Fieldset,
    Blockquote, Pre, Code, Em, Strong, B, I, U, S, Small, Sub, Sup, Mark, Q, Cite, Abbr, Time,
    Br, Hr, Wbr, Ins, Del, Kbd, Samp, Var, Details, Summary, Dialog, Center, Font,
    Frame, Frameset, Other,
}

/// The names of the [`Tag`]s but `Other`, in the enum's order.
const TAG_NAMES: &str = "#text html head body title meta link script style noscript template div span p a img picture source figure figcaption video audio iframe embed object svg math canvas h1 h2 h3 h4 h5 h6 hgroup ul ol li dl dt dd table thead tbody tfoot tr td th caption article section main aside nav header footer address form input textarea button select option label fieldset blockquote pre code em strong b i u s small sub sup mark q cite abbr time br hr wbr ins del kbd samp var details summary dialog center font frame frameset";

/// The [`Tag`]s but `Other`, in order (`TAGS[i] as usize == i`).
const TAGS: [Tag; 97] = {
    use Tag::*;
    [Text, Html, Head, Body, Title, Meta, Link, Script, Style, Noscript, Template, Div, Span, P, A, Img, Picture, Source, Figure, Figcaption, Video, Audio, Iframe, Embed, Object, Svg, Math, Canvas, H1, H2, H3, H4, H5, H6, Hgroup, Ul, Ol, Li, Dl, Dt, Dd, Table, Thead, Tbody, Tfoot, Tr, Td, Th, Caption, Article, Section, Main, Aside, Nav, Header, Footer, Address, Form, Input, Textarea, Button, Select, Option, Label, Fieldset, Blockquote, Pre, Code, Em, Strong, B, I, U, S, Small, Sub, Sup, Mark, Q, Cite, Abbr, Time, Br, Hr, Wbr, Ins, Del, Kbd, Samp, Var, Details, Summary, Dialog, Center, Font, Frame, Frameset]
};

/// One distinct one-byte string per [`Tag`] (its number as a character): see [`Tag::key`].
const TAG_KEYS: &str = "\u{0}\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}\u{9}\u{a}\u{b}\u{c}\u{d}\u{e}\u{f}\u{10}\u{11}\u{12}\u{13}\u{14}\u{15}\u{16}\u{17}\u{18}\u{19}\u{1a}\u{1b}\u{1c}\u{1d}\u{1e}\u{1f}\u{20}\u{21}\u{22}\u{23}\u{24}\u{25}\u{26}\u{27}\u{28}\u{29}\u{2a}\u{2b}\u{2c}\u{2d}\u{2e}\u{2f}\u{30}\u{31}\u{32}\u{33}\u{34}\u{35}\u{36}\u{37}\u{38}\u{39}\u{3a}\u{3b}\u{3c}\u{3d}\u{3e}\u{3f}\u{40}\u{41}\u{42}\u{43}\u{44}\u{45}\u{46}\u{47}\u{48}\u{49}\u{4a}\u{4b}\u{4c}\u{4d}\u{4e}\u{4f}\u{50}\u{51}\u{52}\u{53}\u{54}\u{55}\u{56}\u{57}\u{58}\u{59}\u{5a}\u{5b}\u{5c}\u{5d}\u{5e}\u{5f}\u{60}\u{61}";

impl Tag {
    /// A string that stands for the tag, distinct for each: lets a map keyed by strings (one hash-map
    /// type in the Wasm) take a tag in its key.
    pub fn key(self) -> &'static str {
        let i = self as usize;
        &TAG_KEYS[i..i + 1]
    }

    /// Maps a lowercase tag name (as `Element.localName` or html5ever gives it) to a [`Tag`]: its place
    /// in [`TAG_NAMES`], which lists the names in the enum's order (a table, not a `match`: 2 KB less
    /// of Wasm).
    pub fn from_name(name: &str) -> Tag {
        crate::text::split_byte(TAG_NAMES, b' ').position(|n| n == name).map_or(Tag::Other, |i| TAGS[i])
    }

    /// Headings `h1`–`h6`.
    pub fn is_heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }

    /// Elements whose text never reaches a reader (scripts, styles, templates, embedded vector art).
    pub fn is_non_content(self) -> bool {
        matches!(
            self,
            Tag::Script | Tag::Style | Tag::Template | Tag::Head | Tag::Title
                | Tag::Meta | Tag::Link | Tag::Svg | Tag::Math | Tag::Canvas | Tag::Select
                | Tag::Option | Tag::Textarea | Tag::Iframe
        )
    }

    /// Elements that start a new line of text (block-level) rather than flowing inline.
    pub fn is_block_level(self) -> bool {
        !matches!(
            self,
            Tag::Text | Tag::Span | Tag::A | Tag::Em | Tag::Strong | Tag::B | Tag::I | Tag::U
                | Tag::S | Tag::Small | Tag::Sub | Tag::Sup | Tag::Mark | Tag::Q | Tag::Cite
                | Tag::Abbr | Tag::Time | Tag::Code | Tag::Br | Tag::Wbr | Tag::Ins | Tag::Del
                | Tag::Kbd | Tag::Samp | Tag::Var | Tag::Font | Tag::Img | Tag::Label
                | Tag::Input | Tag::Other
        )
    }
}

/// Attributes that carry meaning for classification or the reader; all others are dropped by both
/// snapshot builders.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Attr {
    Id, Class, Role, AriaLabel, AriaHidden, Itemprop, Itemtype, Rel, Href, Src, Srcset,
    /// `data-src`, `data-lazy-src`, `data-original` and other lazy-image sources.
    LazySrc,
    /// `data-srcset`, `data-lazy-srcset`.
    LazySrcset,
    Alt, Title, Lang, Dir, Datetime, Content, Name, Property, Type, Hidden, Style, Action,
    Colspan, Rowspan, Poster, Placeholder, AriaLabelledby,
    /// Any other `data-*` attribute: the name (after `data-`) matters more than the value.
    Data,
}

impl Attr {
    /// Maps an attribute name to [`Attr`], or `None` when it carries nothing we use.
    pub fn from_name(name: &str) -> Option<Attr> {
        use Attr::*;
        Some(match name {
            "id" => Id, "class" => Class, "role" => Role, "aria-label" => AriaLabel,
            "aria-hidden" => AriaHidden, "itemprop" => Itemprop, "itemtype" => Itemtype,
            "rel" => Rel, "href" => Href, "src" => Src, "srcset" => Srcset,
            "data-src" | "data-lazy-src" | "data-original" | "data-lazy" | "data-url"
            | "data-hi-res-src" | "data-full-src" => LazySrc,
            "data-srcset" | "data-lazy-srcset" => LazySrcset,
            "alt" => Alt, "title" => Title, "lang" => Lang, "dir" => Dir,
            "datetime" => Datetime, "content" => Content, "name" => Name,
            "property" => Property, "type" => Type, "hidden" => Hidden, "style" => Style,
            "action" => Action, "colspan" => Colspan, "rowspan" => Rowspan, "poster" => Poster,
            "placeholder" => Placeholder, "aria-labelledby" => AriaLabelledby,
            n if n.starts_with("data-") => Data,
            _ => return None,
        })
    }

    /// True for attributes whose raw value is worth sending (others keep only their name).
    pub fn keeps_value(self) -> bool {
        true
    }
}

/// Optional layout facts a live browser can add to an element.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    /// Left edge in CSS pixels relative to the document.
    pub x: f32,
    /// Top edge in CSS pixels relative to the document.
    pub y: f32,
    /// Width in CSS pixels.
    pub w: f32,
    /// Height in CSS pixels.
    pub h: f32,
}

/// One node: an element or a text node.
#[derive(Clone, Debug)]
pub struct Node {
    /// Parent node, or [`NONE`] for a root.
    pub parent: NodeId,
    /// What kind of element (or [`Tag::Text`]).
    pub tag: Tag,
    /// The element's name as a string-table index (kept for custom elements such as `amp-ad`).
    pub name: u32,
    /// For text nodes: string-table index of the text; [`NONE`] for elements.
    pub text: u32,
    /// Range into [`Snapshot::attrs`].
    pub attr_start: u32,
    /// End of the range into [`Snapshot::attrs`].
    pub attr_end: u32,
    /// True when the browser reported the element as not rendered (display:none, hidden, zero size).
    pub hidden: bool,
}

/// A page as a flat arena. Parents always precede their children (document order), so a subtree is
/// a contiguous range of indices.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// The page's address, used to resolve relative links in the reader view and to tell own-site
    /// links from third-party ones.
    pub url: String,
    /// Nodes in document order.
    pub nodes: Vec<Node>,
    /// Attributes of all nodes, grouped by node.
    pub attrs: Vec<(Attr, u32, u32)>,
    /// The string table's text; strings are slices of it.
    strings: String,
    /// (start, end) byte offsets of each string in `strings`.
    spans: Vec<(u32, u32)>,
    /// Optional geometry, one per node (elements only; zero for text).
    pub rects: Option<Vec<Rect>>,
}

/// Why a snapshot was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotError(pub String);

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad page snapshot: {}", self.0)
    }
}

impl core::error::Error for SnapshotError {}

fn err<T>(msg: impl Into<String>) -> Result<T, SnapshotError> {
    Err(SnapshotError(msg.into()))
}

/// An error whose message is `template` with each `#` in it replaced by the next of `nums` in decimal
/// (no `format!` on the Wasm path: see `num`; one literal and the numbers make a smaller call than the
/// message's pieces with a `num` of each).
fn fail<T>(template: &str, nums: &[i64]) -> Result<T, SnapshotError> {
    let mut msg = String::new();
    for (k, part) in crate::text::split_byte(template, b'#').enumerate() {
        if k > 0 {
            msg.push_str(&num(nums[k - 1]));
        }
        msg.push_str(part);
    }
    err(msg)
}

/// `n` in decimal, as `format!` would print it, without `core::fmt` (which the shipped Wasm leaves out
/// where it can: docs/benchmarks.md, "The .wasm's size").
pub fn num(n: i64) -> String {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(21 - i);
    if n < 0 {
        s.push('-');
    }
    s.extend(digits[i..].iter().map(|&d| d as char));
    s
}

/// The typed arrays a browser sends; see `docs/snapshot-format.md`.
pub struct Wire<'a> {
    /// Page URL.
    pub url: &'a str,
    /// String table: strings joined with U+0000.
    pub strings: &'a str,
    /// Per node: string index of the lowercase tag name (`"#text"` for text nodes).
    pub names: &'a [u32],
    /// Per node: parent index, or -1 for the root.
    pub parents: &'a [i32],
    /// Per node: string index of its text (text nodes), or `NONE`.
    pub texts: &'a [u32],
    /// Flat triples (node, name string index, value string index), grouped by ascending node.
    pub attrs: &'a [u32],
    /// Per node: bit 0 = not rendered. May be empty.
    pub flags: &'a [u8],
    /// Optional: 4 floats (x, y, w, h) per node. May be empty.
    pub rects: &'a [f32],
}

impl Snapshot {
    /// An empty snapshot for `url`, for the builders.
    pub fn new(url: &str) -> Snapshot {
        Snapshot { url: url.to_string(), ..Default::default() }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True when there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The string at index `i` ("" when out of range).
    pub fn str(&self, i: u32) -> &str {
        match self.spans.get(i as usize) {
            Some(&(s, e)) => &self.strings[s as usize..e as usize],
            None => "",
        }
    }

    /// Adds a string to the table and returns its index.
    pub fn intern(&mut self, s: &str) -> u32 {
        let start = self.strings.len() as u32;
        self.strings.push_str(s);
        self.spans.push((start, self.strings.len() as u32));
        (self.spans.len() - 1) as u32
    }

    /// Appends a node (parent must already exist) and returns its id.
    pub fn push(&mut self, parent: NodeId, tag: Tag, name: u32, text: u32) -> NodeId {
        let a = self.attrs.len() as u32;
        self.nodes.push(Node { parent, tag, name, text, attr_start: a, attr_end: a, hidden: false });
        (self.nodes.len() - 1) as NodeId
    }

    /// Adds an attribute to the most recently pushed node.
    pub fn push_attr(&mut self, attr: Attr, name: u32, value: u32) {
        self.attrs.push((attr, name, value));
        if let Some(n) = self.nodes.last_mut() {
            n.attr_end = self.attrs.len() as u32;
        }
    }

    /// The text of a text node ("" for elements).
    pub fn text(&self, id: NodeId) -> &str {
        let n = &self.nodes[id as usize];
        if n.text == NONE { "" } else { self.str(n.text) }
    }

    /// The element's name (`"div"`, `"amp-ad"`, …).
    pub fn name(&self, id: NodeId) -> &str {
        self.str(self.nodes[id as usize].name)
    }

    /// The value of the first attribute of kind `attr` on `id`.
    pub fn attr(&self, id: NodeId, attr: Attr) -> Option<&str> {
        let n = &self.nodes[id as usize];
        self.attrs[n.attr_start as usize..n.attr_end as usize]
            .iter()
            .find(|(a, _, _)| *a == attr)
            .map(|&(_, _, v)| self.str(v))
    }

    /// All attributes of `id` as (kind, name, value).
    pub fn attrs_of(&self, id: NodeId) -> impl Iterator<Item = (Attr, &str, &str)> + '_ {
        let n = &self.nodes[id as usize];
        self.attrs[n.attr_start as usize..n.attr_end as usize]
            .iter()
            .map(move |&(a, k, v)| (a, self.str(k), self.str(v)))
    }

    /// An XPath-like path to an element: `/html/body/div[2]/p[1]` (1-based index among siblings of
    /// the same name). Used by golden tests and the CLI to point at a node.
    pub fn path(&self, id: NodeId) -> String {
        let mut chain = Vec::new();
        let mut a = id;
        while a != NONE {
            chain.push(a);
            a = self.nodes[a as usize].parent;
        }
        let mut out = String::new();
        for &n in chain.iter().rev() {
            let node = &self.nodes[n as usize];
            let name = self.str(node.name);
            out.push('/');
            out.push_str(if node.tag == Tag::Text { "text()" } else { name });
            if node.parent != NONE {
                // Siblings precede `n` within the parent's range with the same name.
                let p = node.parent;
                let idx = (p + 1..=n)
                    .filter(|&k| self.nodes[k as usize].parent == p && self.str(self.nodes[k as usize].name) == name)
                    .count();
                out.push_str(&format!("[{idx}]"));
            }
        }
        out
    }

    /// The [`Snapshot::path`] of every node, computed in one pass.
    pub fn all_paths(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(self.nodes.len());
        let mut counts: crate::features::QuickMap<(NodeId, &str), usize> = Default::default();
        for (i, node) in self.nodes.iter().enumerate() {
            let name = if node.tag == Tag::Text { "text()" } else { self.str(node.name) };
            let p = if node.parent == NONE {
                format!("/{name}")
            } else {
                let c = counts.entry((node.parent, name)).or_insert(0);
                *c += 1;
                format!("{}/{name}[{c}]", out[node.parent as usize])
            };
            debug_assert!(i == out.len());
            out.push(p);
        }
        out
    }

    /// Decodes and validates the browser's wire format. Malformed input (wrong lengths, parents
    /// that do not precede their children, string indices out of range) is an error, never a panic.
    pub fn from_wire(w: &Wire<'_>) -> Result<Snapshot, SnapshotError> {
        let n = w.names.len();
        if n > MAX_NODES {
            return fail("# nodes is more than the # this version handles", &[n as i64, MAX_NODES as i64]);
        }
        if w.parents.len() != n || w.texts.len() != n {
            return fail("array lengths differ (names #, parents #, texts #)", &[n as i64, w.parents.len() as i64, w.texts.len() as i64]);
        }
        if !w.flags.is_empty() && w.flags.len() != n {
            return fail("flags has # entries for # nodes", &[w.flags.len() as i64, n as i64]);
        }
        if !w.rects.is_empty() && w.rects.len() != 4 * n {
            return fail("rects has # numbers for # nodes (need 4 each)", &[w.rects.len() as i64, n as i64]);
        }
        if w.attrs.len() % 3 != 0 {
            return err("attrs is not a list of (node, name, value) triples");
        }
        let mut s = Snapshot {
            url: w.url.to_string(),
            strings: w.strings.to_string(),
            ..Default::default()
        };
        let mut start = 0u32;
        for part in crate::text::split_byte(w.strings, 0) {
            let end = start + part.len() as u32;
            s.spans.push((start, end));
            start = end + 1;
        }
        let nstr = s.spans.len() as u32;
        let mut tag_cache: Vec<Option<Tag>> = vec![None; nstr as usize];
        s.nodes.reserve(n);
        let mut ai = 0usize;
        let attr_count = w.attrs.len() / 3;
        for i in 0..n {
            let p = w.parents[i];
            let parent = if p < 0 {
                if p != -1 {
                    return fail("node # has parent #", &[i as i64, p as i64]);
                }
                NONE
            } else if (p as usize) < i {
                p as u32
            } else {
                return fail("node # has parent #, which does not precede it", &[i as i64, p as i64]);
            };
            let name = w.names[i];
            if name >= nstr {
                return fail("node # names string #, but there are #", &[i as i64, name as i64, nstr as i64]);
            }
            let tag = *tag_cache[name as usize].get_or_insert_with(|| Tag::from_name(s.str(name)));
            let text = w.texts[i];
            if text != NONE && text >= nstr {
                return fail("node # has text string #, but there are #", &[i as i64, text as i64, nstr as i64]);
            }
            if parent != NONE && s.nodes[parent as usize].tag == Tag::Text {
                return fail("node # is a child of text node #", &[i as i64, parent as i64]);
            }
            let attr_start = s.attrs.len() as u32;
            while ai < attr_count && w.attrs[ai * 3] as usize == i {
                let (k, v) = (w.attrs[ai * 3 + 1], w.attrs[ai * 3 + 2]);
                if k >= nstr || v >= nstr {
                    return fail("attribute # of node # names a missing string", &[ai as i64, i as i64]);
                }
                if let Some(a) = Attr::from_name(s.str(k)) {
                    s.attrs.push((a, k, v));
                }
                ai += 1;
            }
            if ai < attr_count && (w.attrs[ai * 3] as usize) < i {
                return fail("attribute # is out of node order", &[ai as i64]);
            }
            let hidden = w.flags.get(i).is_some_and(|f| f & 1 != 0);
            s.nodes.push(Node {
                parent,
                tag,
                name,
                text: if tag == Tag::Text { text } else { NONE },
                attr_start,
                attr_end: s.attrs.len() as u32,
                hidden,
            });
        }
        if ai != attr_count {
            return fail("attribute # belongs to node # of #", &[ai as i64, w.attrs[ai * 3] as i64, n as i64]);
        }
        if !w.rects.is_empty() {
            s.rects = Some(
                w.rects
                    .chunks_exact(4)
                    .map(|c| Rect { x: c[0], y: c[1], w: c[2], h: c[3] })
                    .collect(),
            );
        }
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_keys_are_distinct() {
        let keys: Vec<&str> = TAGS.iter().chain([&Tag::Other]).map(|t| t.key()).collect();
        assert_eq!(keys.len(), 98);
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(k));
        }
    }

    #[test]
    fn num_prints_as_format_does() {
        for n in [0i64, 7, -1, 10, 99, 100, 4_294_967_295, -2_147_483_648, i64::MAX, i64::MIN] {
            assert_eq!(num(n), format!("{n}"));
        }
    }

    #[test]
    fn tag_names_map_to_their_tags() {
        for (i, n) in TAG_NAMES.split(' ').enumerate() {
            assert_eq!(TAGS[i] as usize, i, "TAGS is in the enum's order");
            assert_eq!(Tag::from_name(n), TAGS[i], "{n}");
            assert_eq!(format!("{:?}", TAGS[i]).to_ascii_lowercase(), n.trim_start_matches('#'), "{n}");
        }
        assert_eq!(TAG_NAMES.split(' ').count(), Tag::Other as usize);
        for n in ["", "x-widget", "DIV", "h7", "#comment", "text"] {
            assert_eq!(Tag::from_name(n), Tag::Other, "{n}");
        }
    }

    fn wire<'a>(strings: &'a str, names: &'a [u32], parents: &'a [i32], texts: &'a [u32], attrs: &'a [u32]) -> Wire<'a> {
        Wire { url: "https://example.com/", strings, names, parents, texts, attrs, flags: &[], rects: &[] }
    }

    #[test]
    fn decodes_a_small_page() {
        // strings: 0 html, 1 body, 2 p, 3 #text, 4 "Hello", 5 class, 6 story
        let w = wire("html\0body\0p\0#text\0Hello\0class\0story", &[0, 1, 2, 3], &[-1, 0, 1, 2], &[NONE, NONE, NONE, 4], &[2, 5, 6]);
        let s = Snapshot::from_wire(&w).unwrap();
        assert_eq!(s.len(), 4);
        assert_eq!(s.nodes[2].tag, Tag::P);
        assert_eq!(s.attr(2, Attr::Class), Some("story"));
        assert_eq!(s.text(3), "Hello");
        assert_eq!(s.nodes[3].parent, 2);
    }

    #[test]
    fn refuses_parent_after_child() {
        let w = wire("html\0body", &[0, 1], &[1, -1], &[NONE, NONE], &[]);
        assert!(Snapshot::from_wire(&w).unwrap_err().0.contains("does not precede"));
    }

    #[test]
    fn refuses_bad_string_index_and_lengths() {
        let w = wire("html", &[7], &[-1], &[NONE], &[]);
        assert!(Snapshot::from_wire(&w).is_err());
        let w = wire("html", &[0, 0], &[-1], &[NONE], &[]);
        assert!(Snapshot::from_wire(&w).unwrap_err().0.contains("lengths differ"));
        let w = wire("html\0a", &[0], &[-1], &[NONE], &[0, 1]);
        assert!(Snapshot::from_wire(&w).is_err());
        let w = wire("html\0id\0x", &[0], &[-1], &[NONE], &[3, 1, 2]);
        assert!(Snapshot::from_wire(&w).is_err());
    }

    #[test]
    fn refuses_children_of_text() {
        let w = wire("#text\0x", &[0, 0], &[-1, 0], &[1, 1], &[]);
        assert!(Snapshot::from_wire(&w).is_err());
    }
}
