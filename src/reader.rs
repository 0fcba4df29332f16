//! Article blocks → a clean, safe reader document with its metadata (title, byline, date, site,
//! language, direction, lead image).
//!
//! Safe by construction: the output is a tree of allowlisted elements and attributes built from the
//! snapshot, never page markup; URLs are resolved against the page and kept only when `http(s)` (or
//! `data:image/…` for images). Nothing here can carry a script, an event handler or a style.

use crate::classify::Classification;
use crate::features::{Features, Kind};
use crate::page::{Attr, NodeId, Snapshot, Tag, NONE};
use serde::Serialize;
use std::collections::BTreeMap;

/// A node of the reader document: text, or an allowlisted element.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[serde(untagged)]
pub enum RNode {
    /// Text (to be inserted with `textContent` / escaped).
    Text(String),
    /// An element from the allowlist.
    El {
        /// Tag name, one of [`ALLOWED_TAGS`].
        t: &'static str,
        /// Attributes, only `href`, `src`, `alt`, `title`, `colspan`, `rowspan`.
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        a: BTreeMap<&'static str, String>,
        /// Children.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        c: Vec<RNode>,
    },
}

/// The reader document.
#[derive(Clone, Debug, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ReaderDoc {
    /// The story's title.
    pub title: String,
    /// Who wrote it.
    pub byline: Option<String>,
    /// When it was published, as the page states it (ISO 8601 when the page gives one).
    pub published: Option<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// Language tag of the page.
    pub lang: Option<String>,
    /// `"ltr"` or `"rtl"`.
    pub dir: &'static str,
    /// A one-sentence summary (the page's description).
    pub excerpt: Option<String>,
    /// The lead image's absolute URL.
    pub lead_image: Option<String>,
    /// The body.
    pub content: Vec<RNode>,
    /// The body as plain text, paragraphs separated by blank lines.
    pub text: String,
    /// Words in `text`.
    pub words: u32,
}

/// The reader document nests at most this deep: deeper page structure is flattened into its
/// ancestor at the limit (text kept). Every walk of the document (serialisers, `Drop`, the reader
/// page) then stays shallow, whatever the page; the reader page shows no more than 200 levels anyway.
pub const MAX_READER_DEPTH: usize = 100;

/// Elements the reader document may contain.
pub const ALLOWED_TAGS: &[&str] = &[
    "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "pre", "code", "em", "strong", "a",
    "br", "hr", "sub", "sup", "dl", "dt", "dd", "q", "cite", "small", "b", "i", "u", "s", "mark",
];

fn keep_tag(tag: Tag) -> Option<&'static str> {
    use Tag::*;
    Some(match tag {
        H1 | H2 => "h2", H3 => "h3", H4 => "h4", H5 => "h5", H6 => "h6", P => "p", Ul => "ul",
        Ol => "ol", Li => "li", Blockquote => "blockquote", Figure => "figure",
        Figcaption => "figcaption", Img => "img", Table => "table", Thead => "thead", Tbody => "tbody",
        Tfoot => "tfoot", Tr => "tr", Th => "th", Td => "td", Caption => "caption", Pre => "pre",
        Code | Kbd | Samp => "code", Em => "em", Strong => "strong", A => "a", Br => "br", Hr => "hr",
        Sub => "sub", Sup => "sup", Dl => "dl", Dt => "dt", Dd => "dd", Q => "q", Cite => "cite",
        Small => "small", B => "b", I | Var => "i", U => "u", S | Del => "s", Mark => "mark",
        _ => return None,
    })
}

/// Tags whose subtree the reader always drops (interactive or embedded content).
fn drop_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Form | Tag::Input | Tag::Textarea | Tag::Button | Tag::Select | Tag::Iframe | Tag::Embed
            | Tag::Object | Tag::Video | Tag::Audio | Tag::Canvas | Tag::Svg | Tag::Math | Tag::Nav
            | Tag::Dialog | Tag::Frame | Tag::Frameset | Tag::Source
    )
}

/// Resolves `href` against `base`; returns it only when the result is `http(s)` (or, with
/// `allow_data_image`, a `data:image/` URL).
pub fn safe_url(base: &str, href: &str, allow_data_image: bool) -> Option<String> {
    // Browsers ignore tabs and newlines anywhere in a URL and trim C0 controls and spaces.
    let h: String = href.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let h = h.trim_matches(|c: char| c <= ' ');
    if h.is_empty() || h.starts_with('#') {
        return None;
    }
    let scheme_end = h.find(':').filter(|&i| {
        h[..i].chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) && i > 0
    });
    if let Some(i) = scheme_end {
        let scheme = h[..i].to_ascii_lowercase();
        return match scheme.as_str() {
            "http" | "https" => Some(h.to_string()),
            "data" if allow_data_image && h[i + 1..].trim_start().to_ascii_lowercase().starts_with("image/") => Some(h.to_string()),
            _ => None,
        };
    }
    let (bscheme, brest) = base.split_once("://")?;
    let bscheme = bscheme.to_ascii_lowercase();
    if bscheme != "http" && bscheme != "https" {
        return None;
    }
    if let Some(r) = h.strip_prefix("//") {
        return Some(format!("{bscheme}://{r}"));
    }
    let host_end = brest.find(['/', '?', '#']).unwrap_or(brest.len());
    let origin = format!("{bscheme}://{}", &brest[..host_end]);
    if h.starts_with('/') {
        return Some(format!("{origin}{h}"));
    }
    let path = &brest[host_end..];
    let path = path.split(['?', '#']).next().unwrap_or("");
    if h.starts_with('?') {
        return Some(format!("{origin}{path}{h}"));
    }
    let dir = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "/",
    };
    let mut segs: Vec<&str> = Vec::new();
    let joined = format!("{dir}{h}");
    let (p, tail) = match joined.find(['?', '#']) {
        Some(i) => (&joined[..i], &joined[i..]),
        None => (&joined[..], ""),
    };
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                segs.pop();
            }
            s => segs.push(s),
        }
    }
    let trailing = if p.ends_with('/') && !segs.is_empty() { "/" } else { "" };
    Some(format!("{origin}/{}{trailing}{tail}", segs.join("/")))
}

/// The best image source of an `img`: lazy-loading attributes first, then `src`, then the largest
/// `srcset` candidate.
fn image_src(s: &Snapshot, id: NodeId) -> Option<String> {
    let pick_srcset = |v: &str| -> Option<String> {
        // Descriptors are "640w" or "2x" (possibly "1.5x"): compare their integer part, scaled.
        let mut best: Option<(u32, &str)> = None;
        for cand in v.split(',') {
            let mut parts = cand.split_whitespace();
            let url = parts.next()?;
            let w = parts
                .next()
                .and_then(|d| d.trim_end_matches(['w', 'x']).split('.').next().and_then(|n| n.parse::<u32>().ok()))
                .unwrap_or(1);
            if best.is_none_or(|b| w > b.0) {
                best = Some((w, url));
            }
        }
        best.map(|b| b.1.to_string())
    };
    let base = &s.url;
    if let Some(v) = s.attr(id, Attr::LazySrc) {
        if let Some(u) = safe_url(base, v, true) {
            return Some(u);
        }
    }
    if let Some(v) = s.attr(id, Attr::LazySrcset).and_then(pick_srcset) {
        if let Some(u) = safe_url(base, &v, false) {
            return Some(u);
        }
    }
    let src = s.attr(id, Attr::Src).unwrap_or("");
    let placeholder = src.is_empty() || src.starts_with("data:image/gif") || src.contains("placeholder") || src.contains("blank.");
    if !placeholder {
        if let Some(u) = safe_url(base, src, true) {
            return Some(u);
        }
    }
    if let Some(v) = s.attr(id, Attr::Srcset).and_then(pick_srcset) {
        return safe_url(base, &v, false);
    }
    None
}

struct Builder<'a> {
    s: &'a Snapshot,
    f: &'a Features,
    c: &'a Classification,
    skip_heading: Option<NodeId>,
}

impl Builder<'_> {
    /// Builds the reader nodes for the subtree of `root`, iteratively (pages can nest deeply).
    fn build(&self, root: NodeId) -> Vec<RNode> {
        let s = self.s;
        // Stack of open frames: (node, element to fill or None for unwrapped, children so far).
        struct Frame {
            end: u32,
            /// Reader elements open at and above this frame.
            depth: usize,
            tag: Option<&'static str>,
            attrs: BTreeMap<&'static str, String>,
            kids: Vec<RNode>,
        }
        let mut stack = vec![Frame { end: self.f.end[root as usize], depth: 0, tag: None, attrs: BTreeMap::new(), kids: Vec::new() }];
        let mut i = root + 1;
        let end = self.f.end[root as usize];
        let close = |stack: &mut Vec<Frame>| {
            let fr = stack.pop().expect("frame");
            let parent = stack.last_mut().expect("root frame");
            match fr.tag {
                Some(t) => {
                    let empty = fr.kids.iter().all(|k| matches!(k, RNode::Text(x) if x.trim().is_empty()));
                    let void = matches!(t, "img" | "br" | "hr");
                    if !empty || void || matches!(t, "td" | "th") {
                        parent.kids.push(RNode::El { t, a: fr.attrs, c: fr.kids });
                    }
                }
                None => parent.kids.extend(fr.kids),
            }
        };
        while i < end {
            while stack.len() > 1 && i >= stack.last().unwrap().end {
                close(&mut stack);
            }
            let n = &s.nodes[i as usize];
            let iu = i as usize;
            if self.f.silent[iu] {
                i = self.f.end[iu];
                continue;
            }
            if n.tag == Tag::Text {
                let t = s.text(i);
                let top = stack.last_mut().unwrap();
                let pre = top.tag == Some("pre") || top.tag == Some("code");
                let t = if pre { t.to_string() } else { collapse(t) };
                match top.kids.last_mut() {
                    Some(RNode::Text(prev)) => prev.push_str(&t),
                    _ => top.kids.push(RNode::Text(t)),
                }
                i += 1;
                continue;
            }
            let nested_block = self.c.blocks.binary_search_by_key(&i, |b| b.node).ok().map(|b| self.c.blocks[b].kind);
            if nested_block.is_some_and(|k| k != Kind::Article) || drop_tag(n.tag) || Some(i) == self.skip_heading {
                i = self.f.end[iu];
                continue;
            }
            let end_i = self.f.end[iu];
            let mut attrs = BTreeMap::new();
            let tag = match n.tag {
                Tag::Img => match image_src(s, i) {
                    Some(src) => {
                        attrs.insert("src", src);
                        if let Some(alt) = s.attr(i, Attr::Alt) {
                            attrs.insert("alt", alt.to_string());
                        }
                        Some("img")
                    }
                    None => {
                        i = end_i;
                        continue;
                    }
                },
                Tag::A => {
                    let href = s.attr(i, Attr::Href).and_then(|h| safe_url(&s.url, h, false));
                    match href {
                        Some(h) => {
                            attrs.insert("href", h);
                            Some("a")
                        }
                        None => None,
                    }
                }
                Tag::Td | Tag::Th => {
                    for (a, k) in [(Attr::Colspan, "colspan"), (Attr::Rowspan, "rowspan")] {
                        if let Some(v) = s.attr(i, a).filter(|v| v.parse::<u16>().is_ok()) {
                            attrs.insert(k, v.to_string());
                        }
                    }
                    keep_tag(n.tag)
                }
                t => keep_tag(t).or_else(|| {
                    // A block container holding text of its own reads as a paragraph.
                    let own_text = t.is_block_level()
                        && self.f.children(i).any(|c| s.nodes[c as usize].tag == Tag::Text && !s.text(c).trim().is_empty())
                        && !self.f.children(i).any(|c| s.nodes[c as usize].tag.is_block_level() && s.nodes[c as usize].tag != Tag::Text);
                    own_text.then_some("p")
                }),
            };
            if let Some(t) = s.attr(i, Attr::Title).filter(|_| tag == Some("a") || tag == Some("img")) {
                attrs.insert("title", t.to_string());
            }
            // Paragraph breaks around unwrapped blocks so their texts do not run together.
            if tag.is_none() && n.tag.is_block_level() {
                let top = stack.last_mut().unwrap();
                if let Some(RNode::Text(prev)) = top.kids.last_mut() {
                    if !prev.ends_with(' ') {
                        prev.push(' ');
                    }
                }
            }
            let parent_depth = stack.last().map_or(0, |f| f.depth);
            let (tag, attrs) = if tag.is_some() && parent_depth >= MAX_READER_DEPTH && tag != Some("img") { (None, BTreeMap::new()) } else { (tag, attrs) };
            let depth = parent_depth + usize::from(tag.is_some());
            stack.push(Frame { end: end_i, depth, tag, attrs, kids: Vec::new() });
            i += 1;
        }
        while stack.len() > 1 {
            close(&mut stack);
        }
        let mut out = stack.pop().unwrap().kids;
        // Loose text at the top level becomes paragraphs.
        for k in out.iter_mut() {
            if let RNode::Text(t) = k {
                if !t.trim().is_empty() {
                    *k = RNode::El { t: "p", a: BTreeMap::new(), c: vec![RNode::Text(t.trim().to_string())] };
                }
            }
        }
        out.retain(|k| !matches!(k, RNode::Text(t) if t.trim().is_empty()));
        out
    }
}

fn collapse(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    for c in t.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// Plain text of reader nodes, blocks separated by blank lines.
pub fn to_text(nodes: &[RNode]) -> String {
    fn walk(n: &RNode, out: &mut String) {
        match n {
            RNode::Text(t) => out.push_str(t),
            RNode::El { t, c, .. } => {
                let block = !matches!(*t, "a" | "em" | "strong" | "code" | "sub" | "sup" | "q" | "cite" | "small" | "b" | "i" | "u" | "s" | "mark" | "img");
                if *t == "br" {
                    out.push('\n');
                }
                if block && !out.is_empty() && !out.ends_with("\n\n") {
                    out.push_str(if matches!(*t, "li" | "td" | "th" | "dt" | "dd") { "\n" } else { "\n\n" });
                }
                for k in c {
                    walk(k, out);
                }
                if block && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
    }
    let mut out = String::new();
    for n in nodes {
        walk(n, &mut out);
    }
    let lines: Vec<String> = out.lines().map(|l| l.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    let mut text = String::new();
    let mut blank = true;
    for l in lines {
        if l.is_empty() {
            if !blank {
                text.push('\n');
            }
            blank = true;
        } else {
            text.push_str(&l);
            text.push('\n');
            blank = false;
        }
    }
    text.trim_end().to_string()
}

/// Escapes text for HTML.
pub fn escape(t: &str) -> String {
    let mut o = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// Serialises reader nodes as HTML (escaped text, allowlisted tags and attributes only).
pub fn to_html(nodes: &[RNode]) -> String {
    fn walk(n: &RNode, out: &mut String) {
        match n {
            RNode::Text(t) => out.push_str(&escape(t)),
            RNode::El { t, a, c } => {
                out.push('<');
                out.push_str(t);
                for (k, v) in a {
                    out.push_str(&format!(" {k}=\"{}\"", escape(v)));
                }
                out.push('>');
                if matches!(*t, "img" | "br" | "hr") {
                    return;
                }
                for k in c {
                    walk(k, out);
                }
                out.push_str(&format!("</{t}>"));
                if !matches!(*t, "a" | "em" | "strong" | "code" | "sub" | "sup" | "q" | "cite" | "small" | "b" | "i" | "u" | "s" | "mark") {
                    out.push('\n');
                }
            }
        }
    }
    let mut out = String::new();
    for n in nodes {
        walk(n, &mut out);
    }
    out
}

/// Metadata gathered from `<head>`, JSON-LD and microdata.
#[derive(Default)]
struct Meta {
    title: Option<String>,
    doc_title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
    site_name: Option<String>,
    excerpt: Option<String>,
    image: Option<String>,
    lang: Option<String>,
    dir: Option<String>,
}

fn set(slot: &mut Option<String>, v: &str) {
    let v = collapse(v).trim().to_string();
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v);
    }
}

fn gather_meta(s: &Snapshot, f: &Features, root: Option<NodeId>) -> Meta {
    let mut m = Meta::default();
    let mut ld = Meta::default();
    for i in 0..s.len() as u32 {
        let n = &s.nodes[i as usize];
        match n.tag {
            Tag::Html => {
                if let Some(l) = s.attr(i, Attr::Lang) {
                    set(&mut m.lang, l);
                }
                if let Some(d) = s.attr(i, Attr::Dir) {
                    set(&mut m.dir, d);
                }
            }
            Tag::Body => {
                if let Some(d) = s.attr(i, Attr::Dir) {
                    set(&mut m.dir, d);
                }
            }
            Tag::Title => set(&mut m.doc_title, &crate::features::subtree_text_all(s, f, i)),
            Tag::Meta => {
                let key = s.attr(i, Attr::Property).or_else(|| s.attr(i, Attr::Name)).unwrap_or("").to_ascii_lowercase();
                let v = s.attr(i, Attr::Content).unwrap_or("");
                match key.as_str() {
                    "og:title" | "twitter:title" | "dc.title" | "dcterm:title" => set(&mut m.title, v),
                    "author" | "article:author" | "dc.creator" | "parsely-author" | "sailthru.author" => {
                        if !v.starts_with("http") {
                            set(&mut m.byline, v)
                        }
                    }
                    "article:published_time" | "datepublished" | "date" | "dc.date" | "dcterms.created" | "pubdate" | "publishdate" | "parsely-pub-date" | "og:published_time" => set(&mut m.published, v),
                    "og:site_name" | "application-name" => set(&mut m.site_name, v),
                    "description" | "og:description" | "twitter:description" => set(&mut m.excerpt, v),
                    "og:image" | "twitter:image" | "twitter:image:src" => {
                        if let Some(u) = safe_url(&s.url, v, false) {
                            set(&mut m.image, &u)
                        }
                    }
                    _ => {}
                }
                if let Some(p) = s.attr(i, Attr::Itemprop) {
                    match p {
                        "datePublished" => set(&mut m.published, v),
                        "author" => set(&mut m.byline, v),
                        "headline" => set(&mut m.title, v),
                        _ => {}
                    }
                }
            }
            Tag::Script if s.attr(i, Attr::Type).is_some_and(|t| t.contains("ld+json")) => {
                let text = crate::features::subtree_text_all(s, f, i);
                if let Some(v) = crate::jsonld::parse(&text) {
                    crate::jsonld::article_fields(&v, &mut |k, val| match k {
                        "headline" => set(&mut ld.title, val),
                        "author" => set(&mut ld.byline, val),
                        "datePublished" => set(&mut ld.published, val),
                        "publisher" => set(&mut ld.site_name, val),
                        "description" => set(&mut ld.excerpt, val),
                        _ => {}
                    });
                }
            }
            _ => {}
        }
        if n.tag != Tag::Text && !f.silent[i as usize] {
            if let Some(p) = s.attr(i, Attr::Itemprop) {
                let in_root = root.is_none_or(|r| f.contains(r, i) || i < r);
                match p {
                    "author" if in_root && f.chars[i as usize] < 100 => set(&mut m.byline, &crate::features::subtree_text_all(s, f, i)),
                    "datePublished" => {
                        if let Some(d) = s.attr(i, Attr::Datetime).or_else(|| s.attr(i, Attr::Content)) {
                            set(&mut m.published, d)
                        }
                    }
                    _ => {}
                }
            }
            if s.attr(i, Attr::Rel) == Some("author") && f.chars[i as usize] < 100 {
                set(&mut m.byline, &crate::features::subtree_text_all(s, f, i));
            }
        }
    }
    // JSON-LD is the most deliberate statement a page makes about itself.
    Meta {
        title: ld.title.or(m.title),
        doc_title: m.doc_title,
        byline: ld.byline.or(m.byline),
        published: ld.published.or(m.published),
        site_name: m.site_name.or(ld.site_name),
        excerpt: m.excerpt.or(ld.excerpt),
        image: m.image,
        lang: m.lang,
        dir: m.dir,
    }
}

/// A byline found in the story itself: a short element named "byline"/"author" near the headline.
fn find_byline(s: &Snapshot, f: &Features, root: NodeId) -> Option<String> {
    for i in root..f.end[root as usize] {
        if s.nodes[i as usize].tag == Tag::Text || f.silent[i as usize] {
            continue;
        }
        let c = f.chars[i as usize];
        if c == 0 || c > 100 {
            continue;
        }
        let named = [Attr::Class, Attr::Id].iter().any(|&a| {
            s.attr(i, a).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                v.contains("byline") || v.contains("author") && !v.contains("authority")
            })
        });
        if named {
            let t = crate::features::subtree_text_all(s, f, i);
            if !t.is_empty() {
                return Some(t);
            }
        }
    }
    None
}

/// Builds the reader document for a classified page. `None` when the page has no article.
pub fn extract(s: &Snapshot, f: &Features, c: &Classification) -> Option<ReaderDoc> {
    let root = c.article?;
    let meta = gather_meta(s, f, Some(root));
    let headline_text = c.headline.map(|h| crate::features::subtree_text_all(s, f, h));
    let title = meta
        .title
        .clone()
        .or_else(|| headline_text.clone())
        .or_else(|| meta.doc_title.as_deref().map(clean_doc_title))
        .unwrap_or_default();
    // The headline is shown as the title, so the body does not repeat it.
    let skip_heading = c.headline.filter(|&h| f.contains(root, h));
    let b = Builder { s, f, c, skip_heading };
    let content = b.build(root);
    let text = to_text(&content);
    let words = text.split_whitespace().count() as u32;
    let lang = meta.lang.clone();
    let rtl_lang = lang.as_deref().is_some_and(|l| {
        let p = l.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        matches!(p.as_str(), "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb")
    });
    let root_dir = {
        let mut a = root;
        let mut d = None;
        while a != NONE {
            if let Some(v) = s.attr(a, Attr::Dir) {
                d = Some(v.to_ascii_lowercase());
                break;
            }
            a = s.nodes[a as usize].parent;
        }
        d
    };
    let dir = match root_dir.or(meta.dir.map(|d| d.to_ascii_lowercase())) {
        Some(d) if d == "rtl" => "rtl",
        Some(d) if d == "ltr" => "ltr",
        _ if rtl_lang => "rtl",
        _ => "ltr",
    };
    let lead_image = meta.image.clone().or_else(|| first_image(&content));
    Some(ReaderDoc {
        title,
        byline: meta.byline.or_else(|| find_byline(s, f, root)),
        published: meta.published,
        site_name: meta.site_name,
        lang,
        dir,
        excerpt: meta.excerpt,
        lead_image,
        content,
        text,
        words,
    })
}

fn first_image(nodes: &[RNode]) -> Option<String> {
    for n in nodes {
        if let RNode::El { t, a, c } = n {
            if *t == "img" {
                return a.get("src").cloned();
            }
            if let Some(u) = first_image(c) {
                return Some(u);
            }
        }
    }
    None
}

/// "Story title | Site" → "Story title" (the longest part when the title has separators).
pub fn clean_doc_title(t: &str) -> String {
    let t = collapse(t).trim().to_string();
    for sep in [" | ", " - ", " – ", " — ", " :: ", " » "] {
        if t.contains(sep) {
            let parts: Vec<&str> = t.split(sep).collect();
            let first = parts[0].trim();
            if first.split_whitespace().count() >= 3 {
                return first.to_string();
            }
            return parts.iter().max_by_key(|p| p.len()).unwrap_or(&"").trim().to_string();
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_resolve_and_unsafe_schemes_are_dropped() {
        let b = "https://news.example.com/world/story.html?x=1";
        assert_eq!(safe_url(b, "/a/b", false).unwrap(), "https://news.example.com/a/b");
        assert_eq!(safe_url(b, "pic.jpg", false).unwrap(), "https://news.example.com/world/pic.jpg");
        assert_eq!(safe_url(b, "../up/pic.jpg", false).unwrap(), "https://news.example.com/up/pic.jpg");
        assert_eq!(safe_url(b, "//cdn.example.com/i.png", false).unwrap(), "https://cdn.example.com/i.png");
        assert!(safe_url(b, "javascript:alert(1)", false).is_none());
        assert!(safe_url(b, " JaVa\tScRiPt:alert(1)", false).is_none());
        assert!(safe_url(b, "vbscript:x", false).is_none());
        assert!(safe_url(b, "data:text/html,<script>", true).is_none());
        assert!(safe_url(b, "data:image/png;base64,AAAA", true).is_some());
        assert!(safe_url(b, "data:image/png;base64,AAAA", false).is_none());
        assert!(safe_url("file:///x", "a.html", false).is_none());
    }

    #[test]
    fn title_cleanup() {
        assert_eq!(clean_doc_title("North Korean troops spotted | KSL.com"), "North Korean troops spotted");
    }

    #[test]
    fn html_output_escapes() {
        let n = vec![RNode::El { t: "p", a: BTreeMap::new(), c: vec![RNode::Text("<script>alert(1)</script>".into())] }];
        let h = to_html(&n);
        assert!(!h.contains("<script>"));
        assert!(h.contains("&lt;script&gt;"));
    }
}
