//! Article blocks → a clean, safe reader document with its metadata (title, byline, date, site,
//! language, direction, lead image).
//!
//! Safe by construction: the output is a tree of allowlisted elements and attributes built from the
//! snapshot, never page markup; URLs are resolved against the page and kept only when `http(s)` (or
//! `data:image/…` for images). Nothing here can carry a script, an event handler or a style.
use crate::prelude::*;

use crate::classify::Classification;
use crate::features::{Features, Kind};
use crate::text;
use crate::rules::{words, Words, MAX_POSTER_CARD_CHARS, POSTER_STAT_LABELS, PRODUCT_TYPE, READER_CAPTIONS, READER_CTA_LINKS, READING_TIME_UNITS, THREAD_BUTTON_TEXTS, THREAD_COUNTER_UNITS};
use crate::page::{Attr, NodeId, Snapshot, Tag, NONE};

/// An element's attributes, sorted by name (a name at most once).
pub type Attrs = Vec<(&'static str, String)>;

/// Sets attribute `k`, keeping the names sorted.
fn put(attrs: &mut Attrs, k: &'static str, v: String) {
    // (At most four: a scan.)
    let j = attrs.iter().position(|(x, _)| *x >= k).unwrap_or(attrs.len());
    if attrs.get(j).is_some_and(|(x, _)| *x == k) {
        attrs[j].1 = v;
    } else {
        attrs.insert(j, (k, v));
    }
}

/// The attribute `k`'s value.
pub fn attr<'a>(attrs: &'a Attrs, k: &str) -> Option<&'a String> {
    attrs.iter().find(|(x, _)| *x == k).map(|(_, v)| v)
}

#[cfg(not(target_arch = "wasm32"))]
fn attrs_as_map<S: serde::Serializer>(attrs: &Attrs, ser: S) -> Result<S::Ok, S::Error> {
    ser.collect_map(attrs.iter().map(|(k, v)| (k, v)))
}

/// A node of the reader document: text, or an allowlisted element.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize), serde(untagged))]
pub enum RNode {
    /// Text (to be inserted with `textContent` / escaped).
    Text(String),
    /// An element from the allowlist.
    El {
        /// Tag name, one of [`ALLOWED_TAGS`].
        t: &'static str,
        /// Attributes, only `href`, `src`, `alt`, `title`, `colspan`, `rowspan`.
        #[cfg_attr(not(target_arch = "wasm32"), serde(skip_serializing_if = "Vec::is_empty", serialize_with = "attrs_as_map"))]
        a: Attrs,
        /// Children.
        #[cfg_attr(not(target_arch = "wasm32"), serde(skip_serializing_if = "Vec::is_empty"))]
        c: Vec<RNode>,
    },
}

/// The reader document.
#[derive(Clone, Debug, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize), serde(rename_all = "camelCase"))]
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

/// Share of the story's prose mass above which a `<form>` inside it is the story itself (a forum thread
/// wrapped in a moderation form), not an interactive widget.
const FORM_THREAD_SHARE: f32 = 0.5;
/// A block of two or more elements and at least this many characters is shown once: a later block
/// with the same words is a second copy of the text (one per screen size, one behind a paywall's
/// switch; WCXB pages whose CSS hides one) or a carousel's clone of a slide (a heading and its line,
/// copied for an endless loop: product and service pages) and is dropped. Single paragraphs may
/// repeat (a refrain, lorem ipsum on the Readability test pages).
const MIN_REPEATED_BLOCK_CHARS: u32 = 100;
/// In a thread, any block of this many characters (a prose paragraph's length) whose words already
/// appeared is dropped, a single paragraph too: a reply that quotes an earlier post repeats its text,
/// and the thread shows it once (WCXB forum pages' ground truth keeps the post, not the quote). So is
/// a line of text of this length that already appeared in the thread, when the posts break their
/// paragraphs with `<br>` rather than wrap each in an element: the quote's line is no block of its own.
const MIN_REPEATED_POST_CHARS: u32 = 40;

/// A story root is a discussion thread when its replies hold more than this many times the prose
/// mass of the rest (WCXB forum pages: 5× to 20×; blog posts with long comment threads: 2× to 3×)…
const THREAD_REPLY_RATIO: u32 = 4;
/// …and the rest holds less than this (about 300 words): forum pages keep a title and a few lines
/// of metadata outside their posts.
const THREAD_MAX_OWN_MASS: u32 = 2000;

/// A story root with less prose than this (about 300 words) outside its own nested blocks may be a
/// page of lists under a short intro (a category page, a catalogue of programmes, a section front)…
const LIST_PAGE_MAX_PROSE: u32 = 2000;
/// …and is one when the related lists inside it hold at least this share of the rest of its words:
/// then those lists are what the page lists, and the reader keeps them.
const LIST_PAGE_MIN_LIST_SHARE: f32 = 0.2;

/// ARIA roles of controls whose subtree the reader drops wherever they are (see
/// `Builder::is_aria_control`).
const CONTROL_ROLES: &[&str] = &[
    "radiogroup", "radio", "listbox", "option", "menu", "menubar", "menuitem", "menuitemradio",
    "menuitemcheckbox", "toolbar", "tooltip", "alert", "alertdialog", "status",
];
/// An element with `role="button"` and at most this many characters (about 30 words) is a button,
/// and the reader drops it; a longer one is a card made clickable (a property listing whose whole
/// grid is one `role="button"` lost all its entries without this bound, and part of them at 80).
const MAX_ROLE_BUTTON_CHARS: u32 = 200;
/// The longest caption [`Builder::is_caption`] reads ("was this article helpful?" fits).
const MAX_CAPTION_CHARS: u32 = 28;

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
    // Browsers ignore tabs and newlines anywhere in a URL and trim C0 controls and spaces (all ASCII:
    // the text between them is copied whole, and the trim is by byte).
    let mut h = String::with_capacity(href.len());
    let mut run = 0;
    let bytes = href.as_bytes();
    for i in 0..bytes.len() {
        if matches!(bytes[i], b'\t' | b'\n' | b'\r') {
            h.push_str(&href[run..i]);
            run = i + 1;
        }
    }
    h.push_str(&href[run..]);
    let b = h.as_bytes();
    let (mut start, mut end) = (0, b.len());
    while start < end && b[start] <= b' ' {
        start += 1;
    }
    while end > start && b[end - 1] <= b' ' {
        end -= 1;
    }
    let h = &h[start..end];
    if h.is_empty() || h.starts_with('#') {
        return None;
    }
    let scheme_end = text::find_byte(h, b':').filter(|&i| i > 0 && h.as_bytes()[..i].iter().all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')));
    if let Some(i) = scheme_end {
        let scheme = &h[..i];
        let ok = scheme.eq_ignore_ascii_case("http")
            || scheme.eq_ignore_ascii_case("https")
            || (allow_data_image && scheme.eq_ignore_ascii_case("data") && h[i + 1..].trim_start().as_bytes().get(..6).is_some_and(|p| p.eq_ignore_ascii_case(b"image/")));
        return ok.then(|| h.to_string());
    }
    let (bscheme, brest) = text::split_once(base, "://")?;
    let bscheme = if bscheme.eq_ignore_ascii_case("http") {
        "http"
    } else if bscheme.eq_ignore_ascii_case("https") {
        "https"
    } else {
        return None;
    };
    if let Some(r) = h.strip_prefix("//") {
        return Some(text::concat(&[bscheme, "://", r]));
    }
    let host_end = text::find_any(brest, b"/?#").unwrap_or(brest.len());
    let origin = text::concat(&[bscheme, "://", &brest[..host_end]]);
    if h.starts_with('/') {
        return Some(text::concat(&[&origin, h]));
    }
    let path = text::before_either(&brest[host_end..], b'?', b'#');
    if h.starts_with('?') {
        return Some(text::concat(&[&origin, path, h]));
    }
    let dir = match text::rfind_byte(path, b'/') {
        Some(i) => &path[..=i],
        None => "/",
    };
    let mut segs: Vec<&str> = Vec::new();
    let joined = text::concat(&[dir, h]);
    let p = text::before_either(&joined, b'?', b'#');
    let tail = &joined[p.len()..];
    for seg in text::split_byte(p, b'/') {
        match seg {
            "" | "." => {}
            ".." => {
                segs.pop();
            }
            s => segs.push(s),
        }
    }
    let trailing = if p.ends_with('/') && !segs.is_empty() { "/" } else { "" };
    Some(text::concat(&[&origin, "/", &text::join(&segs, "/"), trailing, tail]))
}

/// The largest candidate of a `srcset`; `None` when one of its candidates is blank. Descriptors are
/// "640w" or "2x" (possibly "1.5x"): their integer parts are compared, scaled.
fn pick_srcset(v: &str) -> Option<String> {
    let mut best: Option<(u32, &str)> = None;
    for cand in text::split_byte(v, b',') {
        let mut parts = cand.split_whitespace();
        let url = parts.next()?;
        let w = parts
            .next()
            .and_then(|d| {
                let b = d.as_bytes();
                let mut e = b.len();
                while e > 0 && matches!(b[e - 1], b'w' | b'x') {
                    e -= 1;
                }
                text::parse_u32(text::before_either(&d[..e], b'.', b'.'), 10)
            })
            .unwrap_or(1);
        if best.is_none_or(|b| w > b.0) {
            best = Some((w, url));
        }
    }
    best.map(|b| b.1.to_string())
}

/// The best image source of an `img`: lazy-loading attributes first, then `src`, then the largest
/// `srcset` candidate.
fn image_src(s: &Snapshot, id: NodeId) -> Option<String> {
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
    let placeholder = src.is_empty() || src.starts_with("data:image/gif") || text::contains(src, "placeholder") || text::contains(src, "blank.");
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
    /// The page is a discussion (a forum thread): the posts inside the story root are its content.
    thread: bool,
    /// The page is a list page (see [`keeps_its_lists`]): related blocks inside the story root stay.
    lists: bool,
    /// The page is made of link lists (see [`keeps_its_link_lists`]): they stay.
    link_lists: bool,
    /// The page presents a product (its JSON-LD says `"Product"`): grids of other priced products are
    /// not it.
    product: bool,
}

impl Builder<'_> {
    /// Story metadata the reader shows in its header rather than in the body: the byline box
    /// (with its avatar), a stand-alone date, and short labels above the headline (the section
    /// "kicker", breadcrumbs). Images and figures above the headline stay (hero images).
    fn is_metadata(&self, i: NodeId) -> bool {
        let (s, f) = (self.s, self.f);
        let iu = i as usize;
        let chars = f.chars[iu];
        if let Some(h) = self.skip_heading {
            if f.end[iu] <= h && f.images[iu] == 0 && chars < 100 && f.mass[iu] == 0 {
                return true;
            }
        }
        if chars > 0 && chars < 150 && f.mass[iu] == 0 {
            if marked_as_byline(s, i, false) {
                return true;
            }
        }
        // A block whose whole text is one <time> element: the date line.
        if s.nodes[iu].tag.is_block_level() && chars > 0 && chars < 60 {
            let (mut times, mut time) = (0, 0);
            for j in i..f.end[iu] {
                if s.nodes[j as usize].tag == Tag::Time {
                    times += 1;
                    time = j;
                }
            }
            if times == 1 && f.chars[time as usize] + 2 >= chars {
                return true;
            }
        }
        // A block whose whole text is a date, written out ("December 3, 2025", "3 Dec 2025",
        // "Updated on Feb. 3, 2025") without a <time> element: the date line too. Not in a thread,
        // where each post's date heads it, nor in a list item, an entry of a list of dated things
        // (events, releases).
        if !self.thread && s.nodes[iu].tag.is_block_level() && chars > 0 && chars < 40 && f.mass[iu] == 0 && !in_list_item(s, i) {
            if is_date_line(crate::lower::lower_owned(crate::features::subtree_text(s, f, i, 48)).trim()) {
                return true;
            }
        }
        s.nodes[iu].tag == Tag::Time && f.ancestors[iu] & crate::features::ANC_ARTICLE == 0 && chars < 60 && self.parent_is_block(i)
    }

    /// A forum poster's card beside a post: a short block with no prose, a number, and two or more of
    /// [`POSTER_STAT_LABELS`] as whole words ("Joined", "Messages", "Reaction score"). The reader of a
    /// thread shows the posts without them.
    fn is_poster_card(&self, i: NodeId) -> bool {
        let (s, f) = (self.s, self.f);
        let iu = i as usize;
        if !s.nodes[iu].tag.is_block_level() || f.mass[iu] > 0 || f.chars[iu] == 0 || f.chars[iu] >= MAX_POSTER_CARD_CHARS {
            return false;
        }
        let (n, digits) = stat_labels(s, f, i);
        // (The card itself, not a short post around it: no one child holds all its labels.)
        n >= 2 && digits && !f.children(i).any(|c| s.nodes[c as usize].tag != Tag::Text && stat_labels(s, f, c).0 == n)
    }

    /// A post's counter or button on a line of its own in a thread: a block (not a table cell) whose
    /// whole text is a count — a vote score ("13", "-2", "1.2k"), a post number ("#4"), or a count and
    /// one of [`THREAD_COUNTER_UNITS`] ("12 likes", "3 replies") — or one of [`THREAD_BUTTON_TEXTS`]
    /// ("Reply", "Click to expand..."). Forum and Q&A software print them beside each post; the reader
    /// of a thread shows the posts without them.
    fn is_thread_counter(&self, i: NodeId) -> bool {
        let (s, f) = (self.s, self.f);
        let iu = i as usize;
        if !self.thread || !s.nodes[iu].tag.is_block_level() || matches!(s.nodes[iu].tag, Tag::Td | Tag::Th) || f.chars[iu] == 0 || f.chars[iu] > 24 {
            return false;
        }
        let t = crate::lower::lower(crate::features::subtree_text(s, f, i, 40).trim());
        is_count_line(&t) || THREAD_BUTTON_TEXTS.contains(&t)
    }

    /// What forum software prints under each post besides it: the poster's signature, an element
    /// whose class or id says "signature" (vBulletin's `signaturecontainer`, XenForo's
    /// `message-signature`, Invision's `ipsEntry__signature`, phpBB's `signature`; Stack Exchange's
    /// `post-signature`, the asker's and answerer's cards), and the list of who reacted to it, one whose
    /// class says "reactions" (XenForo's `reactionsBar`, Invision's `ipsReact_reactions`). The reader
    /// of a thread shows the posts without them.
    fn is_signature(&self, i: NodeId) -> bool {
        self.thread
            && [Attr::Class, Attr::Id].iter().any(|&a| {
                self.s.attr(i, a).is_some_and(|v| ["signature", "Signature", "reactions", "Reactions"].iter().any(|w| text::contains(v, w)))
            })
    }

    /// A caption of the page's own furniture on a line of its own: an element whose whole text is one
    /// of [`READER_CAPTIONS`] (the heading over a table of contents the reader does not show, "Sort
    /// by:" and "Filters" over a shop's controls, "Written by" over a byline, "Loading...", "Was this
    /// page helpful?" over a feedback widget's buttons, a teaser's "Read more"), a link back up the
    /// site ("Back to blog") or an
    /// estimated reading time ("5 min read", "12 minute read time"). The story is read without them.
    fn is_caption(&self, i: NodeId) -> bool {
        let (s, f) = (self.s, self.f);
        let iu = i as usize;
        if s.nodes[iu].tag == Tag::Text || f.chars[iu] == 0 || f.chars[iu] > MAX_CAPTION_CHARS {
            return false;
        }
        let t = crate::lower::lower_owned(crate::features::subtree_text(s, f, i, MAX_CAPTION_CHARS as usize + 8));
        let t = t.trim();
        READER_CAPTIONS.contains(t) || is_reading_time(t) || (f.links[iu] > 0 && t.as_bytes().starts_with(b"back to "))
    }

    /// A grid of other products on a product's page: three or more element children, two thirds of
    /// them cards of under 300 characters with a link and a price (a currency sign and a digit), that
    /// hold less than half of the story root's words (a shop's category page is its grid).
    fn is_product_grid(&self, i: NodeId) -> bool {
        let (s, f) = (self.s, self.f);
        if f.words[i as usize] * 2 >= self.c.article.map_or(0, |a| f.words[a as usize]) {
            return false;
        }
        let (mut kids, mut cards) = (0, 0);
        for c in f.children(i).filter(|&c| s.nodes[c as usize].tag != Tag::Text && f.chars[c as usize] > 0) {
            kids += 1;
            if f.links[c as usize] > 0 && f.chars[c as usize] < 300 {
                let t = crate::features::subtree_text(s, f, c, 300);
                let priced = (text::find_byte(&t, b'$').is_some() || text::contains(&t, "£") || text::contains(&t, "€")) && text::find_any(&t, b"0123456789").is_some();
                cards += usize::from(priced);
            }
        }
        cards >= 3 && cards * 3 >= kids * 2
    }

    /// A button drawn as a link: a link whose whole text is one of [`READER_CTA_LINKS`], alone in its
    /// parent ("Learn more" under a feature's paragraph, "Book now" beside a price).
    fn is_cta_link(&self, i: NodeId) -> bool {
        let (s, f) = (self.s, self.f);
        let (iu, p) = (i as usize, s.nodes[i as usize].parent);
        f.chars[iu] > 0
            && f.chars[iu] < 40
            && p != NONE
            && f.chars[p as usize] == f.chars[iu]
            && READER_CTA_LINKS.contains(crate::lower::lower(crate::features::subtree_text(s, f, i, 60).trim()).as_str())
    }

    /// Text printed for screen readers only, beside what the eye reads: a class of the common
    /// visually-hidden conventions ([`VISUALLY_HIDDEN`]: Bootstrap's `sr-only`, `visually-hidden`,
    /// WordPress's `screen-reader-text`, the Korean `blind`, and their prefixed forms) on an element whose parent shows more
    /// ("Regular price" before "$19.99", "opens in a new tab" in a link, a video's description under
    /// it). Alone in its parent it stands for an icon ("Yes" in a comparison table) and stays.
    fn is_screen_reader_text(&self, i: NodeId) -> bool {
        let (s, f) = (self.s, self.f);
        let p = s.nodes[i as usize].parent;
        f.chars[i as usize] > 0 && p != NONE && f.chars[p as usize] > f.chars[i as usize] + 1 && is_visually_hidden(s, i)
    }

    /// A table with header cells is data, whatever share of its cells are links: a list of laureates
    /// whose names link to their pages, a schedule, standings. Its link density makes it a menu to the
    /// classifier; inside the story the reader keeps it.
    fn is_data_table(&self, i: NodeId) -> bool {
        self.s.nodes[i as usize].tag == Tag::Table && (i..self.f.end[i as usize]).any(|j| self.s.nodes[j as usize].tag == Tag::Th)
    }

    /// Interactive or embedded subtrees are dropped, except a `<form>` that holds most of the story's
    /// prose: forum software (XenForo, Invision) puts a whole thread inside one moderation form, and
    /// its posts are the page (WCXB forum pages). Its fields are still dropped one by one. A form that
    /// is a quiz or a comparison table inside a story stays out; one holding no control at all is kept
    /// ([`Builder::holds_no_control`]). Controls drawn with other elements
    /// and named by their ARIA role go too ([`Builder::is_aria_control`]).
    fn drops(&self, i: NodeId) -> bool {
        let tag = self.s.nodes[i as usize].tag;
        let story_mass = self.c.article.map_or(0, |a| self.f.mass[a as usize]);
        (drop_tag(tag) && !(tag == Tag::Form && (self.f.mass[i as usize] as f32 > FORM_THREAD_SHARE * story_mass as f32 || self.holds_no_control(i))))
            || self.is_aria_control(i)
    }

    /// A `<form>` holding a paragraph of prose and no control but hidden inputs is a wrapper, not a
    /// form: forum software that edits a post in place wraps each post's text in one (old Reddit's comments, each a `form.usertext`
    /// around its paragraphs), and that text is the thread.
    fn holds_no_control(&self, i: NodeId) -> bool {
        self.f.paragraphs[i as usize] > 0
            && (i + 1..self.f.end[i as usize]).all(|j| match self.s.nodes[j as usize].tag {
                Tag::Input => self.s.attr(j, Attr::Type).is_some_and(|t| t.eq_ignore_ascii_case("hidden")),
                Tag::Select | Tag::Textarea | Tag::Button => false,
                _ => true,
            })
    }

    /// A control drawn with `<div>`s and `<span>`s that says what it is by its ARIA role, as
    /// `<button>`, `<select>` and `<input>` do by their tag: a shop's colour swatches and size pickers
    /// (`radiogroup`, `radio`, `listbox`, `option`), a card's "more" menu and a toolbar (`menu`,
    /// `menuitem`, `toolbar`, a `tooltip`), the messages a page's script writes into a live region
    /// (`alert`, `status`: a cart's notices, a form's errors), and a short `button` ("Quick view",
    /// "Add to wishlist", "Notify me"). None of it is read. A `button` that holds a heading or
    /// asks a question is an accordion's header, the visible half of a FAQ, and stays; so does a long
    /// one (a whole card made clickable).
    fn is_aria_control(&self, i: NodeId) -> bool {
        let (s, f) = (self.s, self.f);
        let Some(role) = s.attr(i, Attr::Role) else { return false };
        let role = crate::lower::lower(text::before_either(role.trim(), b' ', b'\t'));
        if CONTROL_ROLES.contains(&role.as_str()) {
            return true;
        }
        role == "button"
            && f.chars[i as usize] <= MAX_ROLE_BUTTON_CHARS
            && !(i..f.end[i as usize]).any(|j| s.nodes[j as usize].tag.is_heading())
            && !crate::features::subtree_text(s, f, i, MAX_ROLE_BUTTON_CHARS as usize + 1).trim_end().ends_with('?')
    }

    fn parent_is_block(&self, i: NodeId) -> bool {
        let p = self.s.nodes[i as usize].parent;
        p != NONE && self.s.nodes[p as usize].tag.is_block_level() && self.f.chars[p as usize] == self.f.chars[i as usize]
    }

    /// Builds the reader nodes for the subtree of `root`, iteratively (pages can nest deeply).
    fn build(&self, root: NodeId) -> Vec<RNode> {
        let s = self.s;
        // Stack of open frames: (node, element to fill or None for unwrapped, children so far).
        struct Frame {
            end: u32,
            /// Reader elements open at and above this frame.
            depth: usize,
            tag: Option<&'static str>,
            attrs: Attrs,
            kids: Vec<RNode>,
        }
        let mut stack = vec![Frame { end: self.f.end[root as usize], depth: 0, tag: None, attrs: Vec::new(), kids: Vec::new() }];
        let mut i = root + 1;
        let end = self.f.end[root as usize];
        // Blocks already in the document ([`MIN_REPEATED_BLOCK_CHARS`]), each text once
        // (its first element: a wrapper inside it with the same words is that copy). Kept by word count:
        // equal texts have as many words (`Features::words`), so a block's text is read only when an
        // earlier block has its count.
        // (Word count → its group in `groups`.)
        let mut seen = crate::features::PairMap::default();
        let mut groups: Vec<Vec<(NodeId, Option<String>)>> = Vec::new();
        // In a thread, the lines of text already shown ([`MIN_REPEATED_POST_CHARS`]), collapsed and
        // trimmed: (length, FNV-1a hash) → its index in `lines`. A line whose hash is taken by another
        // text is kept (never dropped for a collision).
        let mut seen_lines = crate::features::PairMap::default();
        let mut lines: Vec<String> = Vec::new();
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
            if n.tag == Tag::Text && !self.f.in_link[iu] && is_machine_text(s.text(i)) && !stack.iter().any(|fr| matches!(fr.tag, Some("pre" | "code"))) {
                i += 1;
                continue;
            }
            if n.tag == Tag::Text {
                let t = s.text(i);
                let top = stack.last_mut().unwrap();
                let pre = top.tag == Some("pre") || top.tag == Some("code");
                let t = if pre { t.to_string() } else { collapse(t) };
                let line = t.trim();
                if self.thread && line.len() >= MIN_REPEATED_POST_CHARS as usize {
                    let h = line.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ b as u32).wrapping_mul(0x0100_0193));
                    let at = *seen_lines.entry(line.len() as u32, h, lines.len() as u32) as usize;
                    if at == lines.len() {
                        lines.push(line.to_string());
                    } else if lines[at] == line {
                        i += 1;
                        continue;
                    }
                }
                match top.kids.last_mut() {
                    Some(RNode::Text(prev)) => prev.push_str(&t),
                    _ => top.kids.push(RNode::Text(t)),
                }
                i += 1;
                continue;
            }
            let nested = self.c.blocks.binary_search_by_key(&i, |b| b.node).ok().map(|b| &self.c.blocks[b]);
            let nested_block = nested.map(|b| b.kind);
            let keep_posts = (self.thread && nested_block == Some(Kind::Comments))
                || (self.lists && nested_block == Some(Kind::Related))
                || (self.link_lists && nested.is_some_and(crate::classify::is_link_list_only))
                || (nested_block == Some(Kind::Navigation) && self.is_data_table(i));
            if nested_block.is_some_and(|k| k != Kind::Article && !keep_posts) || self.drops(i) || Some(i) == self.skip_heading || self.is_metadata(i) || self.is_screen_reader_text(i) || self.is_poster_card(i) || self.is_thread_counter(i) || self.is_signature(i) || self.is_caption(i) || (self.product && n.tag.is_block_level() && self.is_product_grid(i)) {
                i = self.f.end[iu];
                continue;
            }
            // (A wrapper around one element is read as that element: chains of wrappers stay linear.)
            if n.tag.is_block_level()
                && self.f.chars[iu] >= if self.thread { MIN_REPEATED_POST_CHARS } else { MIN_REPEATED_BLOCK_CHARS }
                && (self.thread || self.f.children(i).filter(|&c| s.nodes[c as usize].tag != Tag::Text).nth(1).is_some())
            {
                let g = *seen.entry(self.f.words[iu], 0, groups.len() as u32);
                if g as usize == groups.len() {
                    groups.push(Vec::new());
                }
                let earlier = &mut groups[g as usize];
                if earlier.is_empty() {
                    earlier.push((i, None));
                } else {
                    let text = crate::features::subtree_text_all(s, self.f, i);
                    let mut first = None;
                    for (e, t) in earlier.iter_mut() {
                        if *t.get_or_insert_with(|| crate::features::subtree_text_all(s, self.f, *e)) == text {
                            first = Some(*e);
                            break;
                        }
                    }
                    match first {
                        Some(e) if self.f.end[e as usize] <= i => {
                            i = self.f.end[iu];
                            continue;
                        }
                        Some(_) => {}
                        None => earlier.push((i, Some(text))),
                    }
                }
            }
            let end_i = self.f.end[iu];
            let mut attrs = Attrs::new();
            let tag = match n.tag {
                Tag::Img => match image_src(s, i) {
                    Some(src) => {
                        put(&mut attrs, "src", src);
                        if let Some(alt) = s.attr(i, Attr::Alt) {
                            put(&mut attrs, "alt", alt.to_string());
                        }
                        Some("img")
                    }
                    None => {
                        i = end_i;
                        continue;
                    }
                },
                Tag::A if self.is_cta_link(i) => {
                    i = end_i;
                    continue;
                }
                Tag::A => {
                    let href = s.attr(i, Attr::Href).and_then(|h| safe_url(&s.url, h, false));
                    match href {
                        Some(h) => {
                            put(&mut attrs, "href", h);
                            Some("a")
                        }
                        None => None,
                    }
                }
                Tag::Td | Tag::Th => {
                    for (a, k) in [(Attr::Colspan, "colspan"), (Attr::Rowspan, "rowspan")] {
                        if let Some(v) = s.attr(i, a).filter(|v| text::parse_u32(v, 10).is_some_and(|n| n <= u16::MAX as u32)) {
                            put(&mut attrs, k, v.to_string());
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
                put(&mut attrs, "title", t.to_string());
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
            let (tag, attrs) = if tag.is_some() && parent_depth >= MAX_READER_DEPTH && tag != Some("img") { (None, Vec::new()) } else { (tag, attrs) };
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
                    *k = RNode::El { t: "p", a: Vec::new(), c: vec![RNode::Text(t.trim().to_string())] };
                }
            }
        }
        out.retain(|k| !matches!(k, RNode::Text(t) if t.trim().is_empty()));
        out
    }
}

/// `t` (lowercase, trimmed) is a count: an optional sign or "#", digits (with "," or "." between them)
/// and an optional "k" or "m", then nothing or one space and one of [`THREAD_COUNTER_UNITS`].
/// `i` or one of its ancestors is a `<li>`.
fn in_list_item(s: &Snapshot, mut i: NodeId) -> bool {
    while i != NONE {
        if s.nodes[i as usize].tag == Tag::Li {
            return true;
        }
        i = s.nodes[i as usize].parent;
    }
    false
}

/// A date written out, lowercase: a month's name (whole or cut to three or four letters, a dot
/// allowed), a day and a four-digit year, in either order ("december 3, 2025", "3 dec. 2025"), after
/// at most "updated", "published", "posted" or "last updated", then "on" or a colon.
fn is_date_line(t: &str) -> bool {
    const MONTHS: [&str; 12] = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    let (mut w, mut n) = ([""; 3], 0);
    for x in t.split_ascii_whitespace() {
        let b = x.as_bytes();
        let x = &x[..b.len() - usize::from(matches!(b.last(), Some(b',' | b'.' | b':')))];
        if n == 0 && matches!(x, "updated" | "published" | "posted" | "last" | "on") {
            continue;
        }
        if n == 3 {
            return false;
        }
        w[n] = x;
        n += 1;
    }
    let month = |x: &str| x.len() >= 3 && MONTHS.iter().any(|m| m.as_bytes().starts_with(x.as_bytes()) && (x.len() <= 4 || x.len() == m.len()));
    let digits = |x: &str, k: usize| x.len() == k && x.bytes().all(|c| c.is_ascii_digit());
    let day = |x: &str| digits(x, 1) || digits(x, 2);
    n == 3 && digits(w[2], 4) && ((month(w[0]) && day(w[1])) || (day(w[0]) && month(w[1])))
}

/// "5 min read", "12min read", "3 minute read time": a number, then one of [`READING_TIME_UNITS`].
fn is_reading_time(t: &str) -> bool {
    // (Bytes, not `str` patterns: those bring the standard searchers into the Wasm.)
    let b = t.as_bytes();
    let mut i = 0;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i > 0 && READING_TIME_UNITS.contains(&t[i..].trim_start())
}

fn is_count_line(t: &str) -> bool {
    // (Bytes, not `str` patterns: those bring the standard searchers into the Wasm.)
    let b = t.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'#' | b'+' | b'-')));
    if !b.get(i).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    while b.get(i).is_some_and(|&c| c.is_ascii_digit() || c == b',' || c == b'.') {
        i += 1;
    }
    i += usize::from(matches!(b.get(i), Some(b'k' | b'm')));
    i == b.len() || (b[i] == b' ' && THREAD_COUNTER_UNITS.contains(&t[i + 1..]))
}

fn is_visually_hidden(s: &Snapshot, i: NodeId) -> bool {
    // (The class lowercased once, not word by word: asked of most of a story's elements.)
    s.attr(i, Attr::Class).is_some_and(|c| {
        crate::lower::lower(c).split_ascii_whitespace().any(|t| t == "blind" || VISUALLY_HIDDEN.iter().any(|v| text::contains(t, v)))
    })
}
/// Class words that hide an element from the eye and leave it to screen readers (CSS clip or
/// off-screen position: the browser renders it, so neither natively nor in the browser is it
/// "not rendered"), found inside a class word as frameworks and shops prefix or extend them
/// (`u-text-sr-only`, `screen-reader-only`, `screenreader`, `a-offscreen`, Foundation's `show-for-sr`,
/// `visible-sr`, Drupal's `element-invisible`, `is-hidden-accessible`, `selected-assistive-text`);
/// the Korean `blind` only whole.
const VISUALLY_HIDDEN: &[&str] =
    &["sr-only", "screen-reader", "screenreader", "visually-hidden", "visuallyhidden", "offscreen", "show-for-sr", "visible-sr", "element-invisible", "hidden-accessible", "assistive-text"];

/// Text meant for a machine that a page prints by mistake or as a decoy: a UUID (a shop spells
/// "Sponsored" in single letters between UUID decoys), a bare address that is no link's text (a shop's
/// hidden table of image URLs), an unrendered template expression (`{{price.info}}`, waiting for
/// a framework's script). Never inside `<pre>` or `<code>`, where it is the text.
fn is_machine_text(t: &str) -> bool {
    let t = t.trim();
    let b = t.as_bytes();
    let uuid = b.len() == 36 && b.iter().enumerate().all(|(k, &c)| if matches!(k, 8 | 13 | 18 | 23) { c == b'-' } else { c.is_ascii_hexdigit() });
    let url = (t.starts_with("https://") || t.starts_with("http://")) && !b.iter().any(|c| c.is_ascii_whitespace());
    let template = t.starts_with("{{") && t.ends_with("}}");
    uuid || url || template
}

/// Text nodes of `j`'s subtree that open with one of [`POSTER_STAT_LABELS`] ("Messages:", "Joined",
/// "Posts: 4,032") or are a count and one ("8,415 posts"), and whether one holds a digit.
fn stat_labels(s: &Snapshot, f: &Features, j: NodeId) -> (usize, bool) {
    let (mut n, mut digits) = (0, false);
    for k in (j..f.end[j as usize]).filter(|&k| s.nodes[k as usize].tag == Tag::Text && !f.silent[k as usize]) {
        let t = crate::lower::lower(s.text(k).trim());
        digits |= text::find_any(&t, b"0123456789").is_some();
        let b = t.as_bytes();
        let lead = b.iter().take_while(|c| c.is_ascii_digit() || matches!(c, b',' | b'.' | b' ')).count();
        let labelled = POSTER_STAT_LABELS.prefix_of(&t).is_some_and(|l| !b.get(l.len()).is_some_and(u8::is_ascii_alphanumeric))
            || (lead > 0 && POSTER_STAT_LABELS.contains(&t[lead..]));
        n += usize::from(labelled);
    }
    (n, digits)
}

/// `t` with each run of white space (as `char::is_whitespace` says) made one space: the text between
/// runs copied whole.
fn collapse(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let (mut i, mut start) = (0, 0);
    while i < t.len() {
        // (Byte by byte: see `features::may_be_white`.)
        let w = if crate::features::may_be_white(t.as_bytes()[i]) { crate::features::white_at(t, i) } else { 0 };
        if w == 0 {
            i += 1;
            continue;
        }
        out.push_str(&t[start..i]);
        out.push(' ');
        i += w;
        while i < t.len() {
            match crate::features::white_at(t, i) {
                0 => break,
                w => i += w,
            }
        }
        start = i;
    }
    out.push_str(&t[start..]);
    out
}

/// The reader document's inline elements (no line break around them in text or HTML). A slice
/// searched, not a `match` on the strings (which compiles to comparisons by length and content).
const INLINE_TAGS: [&str; 14] = ["a", "em", "strong", "code", "sub", "sup", "q", "cite", "small", "b", "i", "u", "s", "mark"];

/// Plain text of reader nodes, blocks separated by blank lines.
pub fn to_text(nodes: &[RNode]) -> String {
    fn walk(n: &RNode, out: &mut String) {
        match n {
            RNode::Text(t) => out.push_str(t),
            RNode::El { t, c, .. } => {
                let block = *t != "img" && !INLINE_TAGS.contains(t);
                if *t == "br" {
                    out.push('\n');
                }
                if block && !out.is_empty() && !out.ends_with("\n\n") {
                    out.push_str(if ["li", "td", "th", "dt", "dd"].contains(t) { "\n" } else { "\n\n" });
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
    // Each line's words joined by single spaces straight into the text (no string per line).
    let mut text = String::with_capacity(out.len());
    let mut blank = true;
    for l in text::lines(&out) {
        let at = text.len();
        crate::features::push_collapsed(&mut text, l);
        if text.len() == at {
            if !blank {
                text.push('\n');
            }
            blank = true;
        } else {
            text.push('\n');
            blank = false;
        }
    }
    text.truncate(text.trim_end().len());
    text
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
                if !INLINE_TAGS.contains(t) {
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
    /// A byline from [`WEAK_BYLINE_KEYS`], used when the page prints none.
    byline_weak: Option<String>,
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

/// Meta keys in the order of preference for each field (the order Readability.js uses, so reader
/// views agree across tools).
const TITLE_KEYS: Words = words!["dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title"];
const BYLINE_KEYS: Words = words!["dc:creator", "dcterm:creator", "author", "parsely-author", "sailthru:author"];
/// Open Graph's author keys, trusted less than a byline printed in the story: the protocol defines
/// `article:author` as a profile, and pages fill it with a column's or a desk's name (herald-sun-1:
/// the columnist's name above a story another reporter signed; bbc-1: "BBC News", the only credit
/// that page gives, under the `og:`-prefixed spelling).
const WEAK_BYLINE_KEYS: Words = words!["article:author", "og:article:author"];
const DATE_KEYS: Words = words!["article:published_time", "dcterms:available", "dcterms:created", "dcterms:issued", "weibo:article:create_at", "parsely-pub-date", "og:published_time", "datepublished", "pubdate", "publishdate", "date", "dc:date"];
const EXCERPT_KEYS: Words = words!["dc:description", "dcterm:description", "og:description", "weibo:article:description", "weibo:webpage:description", "description", "twitter:description"];
const IMAGE_KEYS: Words = words!["og:image", "twitter:image", "twitter:image:src"];
const SITE_KEYS: Words = words!["og:site_name", "application-name"];

fn gather_meta(s: &Snapshot, f: &Features, root: Option<NodeId>) -> Meta {
    let mut m = Meta::default();
    // JSON-LD's fields, in the order of `jsonld::FIELDS`: headline, name, datePublished,
    // description, author, publisher.
    let mut ld: [Option<String>; 6] = Default::default();
    // (key, value, stated with `property` rather than `name`)
    let mut metas: Vec<(String, String, bool)> = Vec::new();
    // The `<article>` element around the story root, if any: its header and footer belong to the story.
    let story_article = root.and_then(|r| {
        let mut a = r;
        while a != NONE && s.nodes[a as usize].tag != Tag::Article {
            a = s.nodes[a as usize].parent;
        }
        (a != NONE).then_some(a)
    });
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
                let v = s.attr(i, Attr::Content).unwrap_or("");
                // Keys as Readability normalises them: lowercase, "." read as ":"; a property may
                // list several ("og:title twitter:title").
                for (key, prop) in [(s.attr(i, Attr::Property), true), (s.attr(i, Attr::Name), false)] {
                    for k in key.unwrap_or("").split_whitespace() {
                        metas.push((text::replace(&k.to_ascii_lowercase(), ".", ":"), v.to_string(), prop));
                    }
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
            Tag::Script if s.attr(i, Attr::Type).is_some_and(|t| text::contains(t, "ld+json")) => {
                let text = crate::features::subtree_text_all(s, f, i);
                if let Some(v) = crate::jsonld::parse(&text) {
                    crate::jsonld::article_fields(&v, &mut |k, val| set(&mut ld[k], val));
                }
            }
            _ => {}
        }
        if n.tag != Tag::Text && !f.silent[i as usize] {
            if let Some(p) = s.attr(i, Attr::Itemprop) {
                // Microdata inside the story, before it, or in the `<article>` element around it: a
                // credit in the story's own footer counts (001: `itemprop=author` in an `<aside>` after
                // the text, inside the same `<article>`).
                let in_root = root.is_none_or(|r| f.contains(r, i) || i < r) || story_article.is_some_and(|a| f.contains(a, i));
                match p {
                    "author" if in_root && f.chars[i as usize] < 100 => set(&mut m.byline, &microdata_name(s, f, i)),
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
    let pick = |keys: Words, url: bool| pick_meta(&metas, keys, url, false);
    // JSON-LD's name and headline: when they differ, the one closer to the document's title.
    // A name that is the publisher's names the site, not the story (aktualne: "name" is the
    // newspaper, "headline" the story).
    let [ld_headline, ld_name, ld_published, ld_excerpt, ld_byline, ld_site] = ld;
    let ld_name = ld_name.filter(|n| ld_site.as_ref() != Some(n) || ld_headline.is_none());
    let ld_title = match (ld_name, ld_headline) {
        (Some(n), Some(h)) if n != h => {
            let doc = m.doc_title.clone().unwrap_or_default();
            if word_overlap(&h, &doc) > word_overlap(&n, &doc) { Some(h) } else { Some(n) }
        }
        (n, h) => n.or(h),
    };
    let image = IMAGE_KEYS.iter().find_map(|k| metas.iter().find(|(mk, _, _)| mk == k).and_then(|(_, v, _)| safe_url(&s.url, v, false)));
    // JSON-LD is the most deliberate statement a page makes about itself.
    Meta {
        title: ld_title.or_else(|| pick(TITLE_KEYS, true)).or(m.title),
        byline: ld_byline.or_else(|| pick_meta(&metas, BYLINE_KEYS, false, true)).or(m.byline),
        byline_weak: pick_meta(&metas, WEAK_BYLINE_KEYS, false, true),
        published: ld_published.or_else(|| pick(DATE_KEYS, true)).or(m.published),
        site_name: pick(SITE_KEYS, true).or(ld_site),
        excerpt: pick(EXCERPT_KEYS, true).or(ld_excerpt),
        image,
        doc_title: m.doc_title,
        lang: m.lang,
        dir: m.dir,
    }
}

/// The first key of `keys` the page states. Among metas with that key, those written with `property`
/// (RDFa: how Open Graph and Dublin Core define their terms) win over `name` (003-metadata-preferred:
/// `name="DC.title"` and `property="dc:title"` disagree). With `all`, every distinct value of that key
/// and attribute is kept, joined: pages list one author per meta (ietf-1: two `DC.Creator` metas for
/// an RFC's two authors). Without `url`, values that start with "http" are passed over.
fn pick_meta(metas: &[(String, String, bool)], keys: Words, url: bool, all: bool) -> Option<String> {
    for k in keys.iter() {
        let ok = |(mk, v, _): &(String, String, bool)| mk == k && !v.trim().is_empty() && (url || !v.trim_start().starts_with("http"));
        let mut prop = false;
        for m in metas {
            prop |= m.2 && ok(m);
        }
        let mut vals: Vec<String> = Vec::new();
        for m in metas {
            if !ok(m) || m.2 != prop {
                continue;
            }
            let v = trimmed(&collapse(&m.1));
            if !vals.contains(&v) {
                vals.push(v);
            }
            if !all {
                break;
            }
        }
        if !vals.is_empty() {
            return Some(text::join(&vals, ", "));
        }
    }
    None
}

/// The text of a microdata item: its `itemprop=name` when it has one (a Person item wraps the name
/// with punctuation and a date: 001's "Nicolas Perriault —"), else all of its text.
fn microdata_name(s: &Snapshot, f: &Features, i: NodeId) -> String {
    (i + 1..f.end[i as usize])
        .find(|&j| s.attr(j, Attr::Itemprop).is_some_and(|p| p.split_whitespace().any(|t| t == "name")))
        .map(|j| crate::features::subtree_text_all(s, f, j))
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| crate::features::subtree_text_all(s, f, i))
}

/// Share of `a`'s words that also occur in `b`.
fn word_overlap(a: &str, b: &str) -> f32 {
    let bw: Vec<String> = crate::features::text_words(b);
    let aw = crate::features::text_words(a);
    if aw.is_empty() {
        return 0.0;
    }
    aw.iter().filter(|w| bw.contains(w)).count() as f32 / aw.len() as f32
}

/// A byline written on the page: a short element marked as the author (`rel=author`, `itemprop`
/// author, or a class/id with "byline", "author", "dateline", "writtenby"), inside the story first,
/// else anywhere before it outside menus and footers.
fn find_byline(s: &Snapshot, f: &Features, root: NodeId) -> Option<String> {
    use crate::features::{ANC_FOOTER, ANC_NAV};
    let ok = |i: u32| -> Option<String> {
        let n = &s.nodes[i as usize];
        if n.tag == Tag::Text || f.silent[i as usize] || f.ancestors[i as usize] & (ANC_NAV | ANC_FOOTER) != 0 {
            return None;
        }
        let c = f.chars[i as usize];
        if c == 0 || c >= 100 || !marked_as_byline(s, i, true) {
            return None;
        }
        let t = crate::features::subtree_text_all(s, f, i);
        (!t.is_empty()).then_some(t)
    };
    // (Two plain loops rather than a `find_map` over each range: less Wasm.)
    for i in root..f.end[root as usize] {
        if let Some(t) = ok(i) {
            return Some(t);
        }
    }
    for i in 0..root {
        if let Some(t) = ok(i) {
            return Some(t);
        }
    }
    None
}

/// An element marked as the author: `rel=author`, or a class or id with "byline", "dateline" or
/// "author" (not "authority"); with `wider`, also `itemprop=author` and "writtenby".
fn marked_as_byline(s: &Snapshot, i: NodeId, wider: bool) -> bool {
    if s.attr(i, Attr::Rel).is_some_and(|r| r.split_whitespace().any(|t| t == "author")) {
        return true;
    }
    if wider && s.attr(i, Attr::Itemprop).is_some_and(|p| p.split_whitespace().any(|t| t.eq_ignore_ascii_case("author"))) {
        return true;
    }
    [Attr::Class, Attr::Id].iter().any(|&a| {
        s.attr(i, a).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            text::contains(&v, "byline") || text::contains(&v, "dateline") || (wider && text::contains(&v, "writtenby")) || (text::contains(&v, "author") && !text::contains(&v, "authority"))
        })
    })
}

/// The characters of text a page's `<main>` must show to be read when no story was found.
const MIN_DECLARED_MAIN_CHARS: u32 = 200;

/// When no story was found, the page's own `<main>` (shown, with some text): what its author declared
/// the page's main content (a schedule, a catalogue's front), read rather than nothing.
fn declared_main(s: &Snapshot, f: &Features) -> Option<NodeId> {
    (0..s.len() as u32).find(|&i| s.nodes[i as usize].tag == Tag::Main && !f.silent[i as usize] && f.chars[i as usize] >= MIN_DECLARED_MAIN_CHARS)
}

/// Builds the reader document for a classified page. `None` when the page has no article nor a `<main>`.
pub fn extract(s: &Snapshot, f: &Features, c: &Classification) -> Option<ReaderDoc> {
    let root = c.article.or_else(|| declared_main(s, f))?;
    let meta = gather_meta(s, f, Some(root));
    let headline_text = c.headline.map(|h| crate::features::subtree_text_all(s, f, h));
    let title = meta
        .title
        .clone()
        .or_else(|| meta.doc_title.as_deref().map(|t| clean_doc_title(t, &heading_texts(s, f, Tag::H1), &heading_texts(s, f, Tag::H2))).filter(|t| !t.is_empty()))
        .or_else(|| headline_text.clone())
        .unwrap_or_default();
    // The headline is shown as the title, so the body does not repeat it.
    let skip_heading = c.headline.filter(|&h| f.contains(root, h));
    // A thread whose replies inside the story root hold nearly all of its prose is a discussion page
    // (a forum): its reader view is the whole thread. A post with a body of its own (more than about
    // 300 words outside the replies) keeps its comments out however many there are: a blog post with
    // 59 comments (WCXB 0479), a product page with its reviews.
    let comment_mass: u32 = c.blocks.iter().filter(|b| b.kind == Kind::Comments && f.contains(root, b.node)).map(|b| f.mass[b.node as usize]).sum();
    let own_mass = f.mass[root as usize].saturating_sub(comment_mass);
    let thread = c.discussion || (comment_mass > THREAD_REPLY_RATIO * own_mass && own_mass < THREAD_MAX_OWN_MASS);
    let lists = keeps_its_lists(f, c, root);
    let link_lists = keeps_its_link_lists(f, c, root);
    let mut b = Builder { s, f, c, skip_heading, thread, lists, link_lists, product: crate::classify::marked_up_as(s, f, PRODUCT_TYPE) };
    // Two posters' cards in the story root make it a thread too, however its posts were classified
    // (forum software without thread markup, whose posts are all taken for the story).
    // (Not asked when the page is a thread already, and no further than the second card.)
    let mut cards = 0;
    let mut i = root;
    while !b.thread && i < f.end[root as usize] {
        cards += u32::from(b.is_poster_card(i));
        b.thread = cards >= 2;
        i += 1;
    }
    let content = b.build(root);
    let text = to_text(&content);
    let words = crate::features::text_measure(&text).1;
    let lang = meta.lang.clone();
    let rtl_lang = lang.as_deref().is_some_and(|l| {
        let p = crate::text::before_either(l, b'-', b'_').to_ascii_lowercase();
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
        byline: meta.byline.or_else(|| find_byline(s, f, root)).or(meta.byline_weak),
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

/// A short story over big link lists is a list page, and the lists are its content: a story root with
/// less than [`LIST_PAGE_MAX_PROSE`] of prose outside its nested blocks, whose related blocks hold at
/// least [`LIST_PAGE_MIN_LIST_SHARE`] of its other words (a category page's intro over its lists of
/// subcategories, a catalogue's blurb over its programmes, a section front's lede over its headlines;
/// WCXB listing pages). A story of its own keeps its "More stories" out.
fn keeps_its_lists(f: &Features, c: &Classification, root: NodeId) -> bool {
    let nested = |k: Option<Kind>| c.blocks.iter().filter(move |b| b.node != root && f.contains(root, b.node) && k.is_none_or(|k| b.kind == k));
    let nested_mass: u32 = nested(None).filter(|b| b.kind != Kind::Article).map(|b| f.mass[b.node as usize]).sum();
    let list_words: u32 = nested(Some(Kind::Related)).map(|b| f.words[b.node as usize]).sum();
    let other_words = f.words[root as usize].saturating_sub(list_words);
    list_words > 0
        && f.mass[root as usize].saturating_sub(nested_mass) < LIST_PAGE_MAX_PROSE
        && list_words as f32 >= LIST_PAGE_MIN_LIST_SHARE * other_words as f32
}

/// A page that is mostly link lists keeps them: when the nested blocks of the story root (or the
/// listing) that are menus only by their link density ([`crate::classify::is_link_list_only`]) hold
/// at least half of its words, those lists are what the page lists (a bestseller chart, a shop's
/// category of products as a list of links, a manual's chapter that is its table of contents; WCXB
/// collection and documentation pages). A page with text of its own keeps its menus out.
fn keeps_its_link_lists(f: &Features, c: &Classification, root: NodeId) -> bool {
    let list_words: u32 = c
        .blocks
        .iter()
        .filter(|b| b.node != root && f.contains(root, b.node) && crate::classify::is_link_list_only(b))
        .map(|b| f.words[b.node as usize])
        .sum();
    list_words > 0 && list_words * 2 >= f.words[root as usize]
}

/// Texts of the page's visible `tag` headings.
fn heading_texts(s: &Snapshot, f: &Features, tag: Tag) -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..s.len() as u32 {
        if s.nodes[i as usize].tag == tag && !f.silent[i as usize] {
            out.push(crate::features::subtree_text_all(s, f, i));
        }
    }
    out
}

fn first_image(nodes: &[RNode]) -> Option<String> {
    for n in nodes {
        if let RNode::El { t, a, c } = n {
            if *t == "img" {
                return attr(a, "src").cloned();
            }
            if let Some(u) = first_image(c) {
                return Some(u);
            }
        }
    }
    None
}

/// The story's title from the document's `<title>`, with the site's name cut off the way most
/// reader views do it: "Story | Site" → "Story" (the part before the last separator, or after the
/// first when that part is too short); "Site: Story" → "Story" unless a heading repeats the whole
/// title; a title left with four words or fewer falls back to the whole title. `headings` are the
/// page's h1 texts (used for very short or very long titles and for titles with a colon), `subheads`
/// its h2 texts (used for titles with a colon).
pub fn clean_doc_title(t: &str, headings: &[String], subheads: &[String]) -> String {
    let orig = trimmed(&collapse(t));
    const SEPS: [&str; 8] = [" | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » "];
    // The last separator's start, the first one's start and length, and whether one of the last four
    // (a path of sections) is there. (No two separators can start at the same byte.)
    let (mut last, mut first, mut hierarchical) = (None, None, false);
    for (k, p) in SEPS.iter().enumerate() {
        if let Some(i) = text::rfind(&orig, p) {
            last = last.max(Some(i));
            hierarchical |= k >= 4;
        }
        if let Some(i) = text::find(&orig, p) {
            if first.is_none_or(|(f, _)| i < f) {
                first = Some((i, p.len()));
            }
        }
    }
    let mut cur = orig.clone();
    if let Some(i) = last {
        cur = trimmed(&orig[..i]);
        if words(&cur) < 3 {
            if let Some((i, l)) = first {
                cur = trimmed(&orig[i + l..]);
            }
        }
    } else if text::contains(&orig, ": ") {
        // A heading (h1 or h2) repeating the whole title says the colon is part of the story's
        // name (webmd-2: "Superbugs: What They Are…" is the page's h2; its h1 is a section label).
        if !repeats(headings, &orig) && !repeats(subheads, &orig) {
            let first_colon = text::find_byte(&orig, b':').unwrap_or(0);
            cur = trimmed(&orig[text::rfind_byte(&orig, b':').unwrap_or(0) + 1..]);
            if words(&cur) < 3 {
                cur = trimmed(&orig[first_colon + 1..]);
            } else if words(&orig[..first_colon]) > 5 {
                cur = orig.clone();
            }
        }
    } else if headings.len() == 1 && (text::char_count(&orig) > 150 || (text::char_count(&orig) < 15 && words(&headings[0]) > words(&orig))) {
        // A very long title gives way to the page's single headline; a very short one only to a
        // headline that says more than it ("Home" under "Troops spotted near the border"), not to a
        // shorter label (base-url, rtl-1…4: "Base URL test" over an h1 "Lorem").
        cur = trimmed(&collapse(&headings[0]));
    }
    let mut plain = orig.clone();
    for p in SEPS {
        plain = text::replace(&plain, p, " ");
    }
    let orig_words = words(&plain);
    let cut = cur != orig && !repeats(headings, &cur);
    if cut && words(&cur) <= 4 && (last.is_none() || !hierarchical || words(&cur) != orig_words.saturating_sub(1)) {
        cur = orig;
    }
    cur
}

/// `t.trim()` as a `String`.
fn trimmed(t: &str) -> String {
    t.trim().to_string()
}

/// Words of `t` (split at white space).
fn words(t: &str) -> usize {
    t.split_whitespace().count()
}

/// Whether one of `headings`, its white space collapsed, is `t`.
fn repeats(headings: &[String], t: &str) -> bool {
    headings.iter().any(|h| collapse(h).trim() == t)
}

#[cfg(test)]
mod tests {
    #[test]
    fn count_lines() {
        for t in ["13", "-2", "+1", "#4", "1.2k", "2,360", "12 likes", "3 replies", "189 points", "1 vote"] {
            assert!(super::is_count_line(t), "{t}");
        }
        for t in ["", "#", "k", "2024 in review", "3 cats", "likes", "12 likes this", "posts: 40", "v2", "#general"] {
            assert!(!super::is_count_line(t), "{t}");
        }
    }

    #[test]
    fn collapse_as_char_by_char() {
        for t in ["", " ", "a", "  a  b ", "x\u{a0}\u{2003} y\n\tz", "é \u{3000}ü\u{85}", "\u{200b}zw\u{feff}", "end  "] {
            let mut want = String::new();
            let mut space = false;
            for c in t.chars() {
                if c.is_whitespace() {
                    if !space {
                        want.push(' ');
                    }
                    space = true;
                } else {
                    want.push(c);
                    space = false;
                }
            }
            assert_eq!(super::collapse(t), want, "{t:?}");
        }
    }

    use super::*;

    #[test]
    fn a_second_copy_of_the_story_is_read_once_but_a_repeated_paragraph_stays() {
        let p1 = "<p>The council voted on Tuesday to approve the new transit plan, which officials said would add bus routes across the city.</p>";
        let p2 = "<p>Residents who spoke at the meeting were divided, with some praising the longer hours and others worried about the cost.</p>";
        let p3 = "<p>The plan now goes to the regional board, which is expected to take it up at its next meeting in the spring of next year.</p>";
        let body = format!("{p1}{p2}{p3}{p1}{p2}{p3}");
        let copy = format!("<div class=wide>{body}</div><div class=narrow>{body}</div>");
        let html = format!("<body><article><h1>Council approves the transit plan</h1>{copy}</article></body>");
        let r = crate::analyze(&crate::html::parse(&html, "https://news.example.com/a"), true).reader.expect("reader");
        assert_eq!(r.text.matches("regional board").count(), 2, "the text's own repeats stay, its second copy goes: {}", r.text);
        let html = format!("<body><article><h1>Council approves the transit plan</h1><div>{p1}{p2}</div><h2>Next</h2><div>{p3}{p2}</div></article></body>");
        let r = crate::analyze(&crate::html::parse(&html, "https://news.example.com/a"), true).reader.expect("reader");
        assert_eq!(r.text.matches("Residents who spoke").count(), 2, "one paragraph repeated in another section stays");
    }

    #[test]
    fn a_carousel_clone_of_a_short_slide_is_read_once() {
        let slide = |h: &str, t: &str| format!("<div class=slide><h3>{h}</h3><p>{t}</p></div>");
        let a = slide("Colourful design", "Four colours to match your style and your desk, from a quiet grey to a bright mint green.");
        let b = slide("Water resistant", "Rated for rain, splashes and a short drop in the pool, with its ports sealed against dust.");
        let story = "<p>The new tablet has a larger screen and a battery that lasts a whole working day, its maker says.</p>\
                     <p>It ships with a pen in the box and a keyboard cover sold separately, in four colours.</p>";
        // The slider's script copies the slides around the real ones for an endless loop.
        let html = format!("<body><main><h1>The new tablet</h1>{story}<div class=slider>{b}{a}{b}{a}</div></main></body>");
        let r = crate::analyze(&crate::html::parse(&html, "https://shop.example.com/tablet"), true).reader.expect("reader");
        assert_eq!(r.text.matches("quiet grey").count(), 1, "{}", r.text);
        assert_eq!(r.text.matches("drop in the pool").count(), 1, "{}", r.text);
    }

    #[test]
    fn a_short_intro_over_big_link_lists_keeps_its_lists_but_a_story_keeps_its_rail_out() {
        let items = |topic: &str| {
            (1..=8).map(|k| format!("<li><a href='/{topic}/{k}'>Evening course {k} in applied {topic} for working engineers</a></li>")).collect::<String>()
        };
        let lists = format!("<div class=grid><ul>{}</ul></div><div class=grid><ul>{}</ul></div>", items("robotics"), items("finance"));
        let intro = "<p>Our certificate programmes combine research with practice, taught online by faculty who work in the field every day.</p>\
                     <p>Each programme runs for a year, with live sessions every week and a project that you choose with your employer.</p>\
                     <p>Admission is open twice a year; the courses below can also be taken one at a time before you commit to a whole programme.</p>";
        let page = |body: &str| format!("<body><nav><a href='/'>Home</a><a href='/a'>About</a><a href='/c'>Contact</a></nav><main><h1>Certificate programmes</h1>{body}</main></body>");
        let r = crate::analyze(&crate::html::parse(&page(&format!("{intro}{lists}")), "https://school.example.com/programmes"), true).reader.expect("reader");
        assert!(r.text.contains("applied robotics") && r.text.contains("applied finance"), "the lists are the page: {}", r.text);
        let story: String = (0..16)
            .map(|k| format!("<p>Paragraph {k} of a long report on the city budget, which the council debated for hours before it passed by a narrow margin late at night.</p>"))
            .collect();
        let r = crate::analyze(&crate::html::parse(&page(&format!("{story}{lists}")), "https://school.example.com/news/budget"), true).reader.expect("reader");
        assert!(r.text.contains("narrow margin") && !r.text.contains("applied robotics"), "a story keeps its lists out: {}", r.text);
    }

    #[test]
    fn a_page_that_is_only_a_list_of_links_reads_as_that_list() {
        let rows = |day: &str| -> String {
            (1..=15)
                .map(|k| format!("<tr><td>{k}.</td><td><a href='/item?id={day}{k}'>Show item number {k} of {day}</a></td><td><a href='/user/u{k}'>user{k}</a></td></tr>"))
                .collect()
        };
        // Two days of links side by side, each a menu only by its density; the page's own menus around.
        let html = format!(
            "<body><header><nav><a href='/'>Top</a> <a href='/new'>New</a> <a href='/ask'>Ask</a> <a href='/jobs'>Jobs</a></nav></header>\
             <div><div><table>{}</table></div><div><table>{}</table></div></div>\
             <footer><a href='/faq'>FAQ</a> <a href='/legal'>Legal</a></footer></body>",
            rows("monday"),
            rows("friday")
        );
        let r = crate::analyze(&crate::html::parse(&html, "https://links.example.com/newest"), true).reader.expect("the list is the page");
        assert!(r.text.contains("Show item number 1 of monday") && r.text.contains("Show item number 15 of friday"), "{}", r.text);
        assert!(!r.text.contains("Jobs") && !r.text.contains("Legal"), "the menus stay out: {}", r.text);
    }

    #[test]
    fn a_chapter_that_is_its_table_of_contents_keeps_it() {
        let toc = |part: u32| -> String {
            let items: String = ["Introduction", "Index Types", "Multicolumn", "Ordering", "Combining", "Unique", "Expressions", "Partial"]
                .iter()
                .enumerate()
                .map(|(k, t)| format!("<li><a href='/docs/{part}/{k}'>{part}.{k}. {t}</a></li>"))
                .collect();
            format!("<div><ul>{items}</ul></div>")
        };
        let intro = "<p>Indexes are a common way to enhance database performance. An index allows the database server to find and retrieve specific rows much faster than it could do without an index.</p>\
                     <p>But indexes also add overhead to the database system as a whole, so they should be used sensibly; this chapter shows how.</p>";
        let html = format!("<body><nav><a href='/'>Home</a> <a href='/docs'>Manual</a> <a href='/download'>Download</a></nav><main><h1>Chapter 11. Indexes</h1>{intro}{}{}{}{}</main></body>", toc(11), toc(12), toc(13), toc(14));
        let r = crate::analyze(&crate::html::parse(&html, "https://db.example.org/docs/indexes.html"), true).reader.expect("reader");
        assert!(r.text.contains("11.1. Index Types") && r.text.contains("12.7. Partial"), "{}", r.text);
        assert!(!r.text.contains("Download"), "the site's menu stays out: {}", r.text);
    }

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
        // Tabs and newlines anywhere, controls and spaces around; schemes in any case.
        assert_eq!(safe_url(b, " \u{1}\tpi\nc.jpg\r ", false).unwrap(), "https://news.example.com/world/pic.jpg");
        assert_eq!(safe_url(b, "HTTPS://x.example/\u{e9}", false).unwrap(), "HTTPS://x.example/\u{e9}");
        assert!(safe_url(b, "DATA: IMAGE/png;base64,AAAA", true).is_some());
        assert!(safe_url(b, "data:imagé/png", true).is_none());
        assert_eq!(safe_url("HTTP://Example.com/a/b?q#f", "?x=2", false).unwrap(), "http://Example.com/a/b?x=2");
        assert_eq!(safe_url("https://example.com", "a/./b/../c/?k#h", false).unwrap(), "https://example.com/a/c/?k#h");
        assert_eq!(safe_url("https://example.com?x", "a", false).unwrap(), "https://example.com/a");
        assert!(safe_url("ftp://example.com/", "a", false).is_none());
        assert!(safe_url(b, " \t# top", false).is_none());
    }

    #[test]
    fn title_cleanup() {
        assert_eq!(clean_doc_title("North Korean troops spotted in Russia | KSL.com", &[], &[]), "North Korean troops spotted in Russia");
        assert_eq!(clean_doc_title("Short one | KSL.com", &[], &[]), "Short one | KSL.com");
        assert_eq!(clean_doc_title("Site: the whole story of the day", &[], &[]), "the whole story of the day");
    }

    #[test]
    fn short_titles_and_colons() {
        let h = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(clean_doc_title("Base URL test", &h(&["Lorem"]), &[]), "Base URL test");
        assert_eq!(clean_doc_title("Home", &h(&["Troops spotted near the border"]), &[]), "Troops spotted near the border");
        let t = "Superbugs: What They Are and How You Get Them";
        assert_eq!(clean_doc_title(t, &h(&["Information and Resources"]), &h(&[t])), t);
        assert_eq!(clean_doc_title(t, &h(&["Information and Resources"]), &[]), "What They Are and How You Get Them");
    }

    fn reader_of(head: &str, body_extra: &str) -> ReaderDoc {
        let para = "<p>The council voted on Tuesday evening to reopen the old pier after a long restoration that took four years, cost more than five million pounds and drew crowds from across the county to watch.</p>";
        let html = format!("<html><head>{head}</head><body><nav><a href=/>Home</a></nav><article><h1>Pier reopens after four years</h1>{}{body_extra}</article></body></html>", para.repeat(8));
        let snap = crate::html::parse(&html, "https://news.example.com/a/story.html");
        crate::analyze(&snap, true).reader.expect("an article")
    }

    #[test]
    fn metadata_preferences() {
        // `property` beats `name` for the same key; every author meta is kept.
        let r = reader_of(
            r#"<title>T</title><meta name="DC.title" content="Name title"><meta property="dc:title" content="Property title"><meta name="DC.creator" content="Ann Lee"><meta name="DC.creator" content="Bo Chan">"#,
            "",
        );
        assert_eq!(r.title, "Property title");
        assert_eq!(r.byline.as_deref(), Some("Ann Lee, Bo Chan"));
        // A JSON-LD name equal to the publisher's is the site's name: the headline is the title.
        let r = reader_of(r#"<script type="application/ld+json">{"@type":"NewsArticle","name":"Daily Post","headline":"Pier reopens","publisher":{"name":"Daily Post"}}</script>"#, "");
        assert_eq!(r.title, "Pier reopens");
        // A printed byline beats `article:author`, which is used when nothing else names the author;
        // a microdata author in the story's own <article> footer counts, by its name.
        let r = reader_of(r#"<meta property="article:author" content="Opinion Desk">"#, r#"<p class="byline">By Ann Lee</p>"#);
        assert_eq!(r.byline.as_deref(), Some("By Ann Lee"));
        let r = reader_of(r#"<meta property="og:article:author" content="Opinion Desk">"#, "");
        assert_eq!(r.byline.as_deref(), Some("Opinion Desk"));
        let r = reader_of("", r#"<aside><span itemprop="author" itemscope><span itemprop="name">Ann Lee</span> —</span></aside>"#);
        assert_eq!(r.byline.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_thread_shows_its_posts_without_the_posters_cards() {
        // Each post of a forum thread beside its poster's card: name, rank, then "Joined", "Messages",
        // "Reaction score" with their numbers, or "8,415 posts". The posts stay; the cards' stats do not.
        let post = |who: &str, stats: &str, body: &str| {
            format!("<article class=message><div class=user><a href=/u/{who}>{who}</a><div>{stats}</div></div><div class=body><p>{body}</p></div></article>")
        };
        let xf = "<dl><dt>Joined</dt><dd>Mar 5, 2020</dd></dl><dl><dt>Messages</dt><dd>1,234</dd></dl><dl><dt>Reaction score</dt><dd>567</dd></dl>";
        let count_first = "<span>8,415 posts</span><span>Joined 2008</span>";
        let bodies = [
            "I replaced the bearings on my old lathe last winter and it has run quietly ever since, so I would start there before buying anything new.",
            "Check the belt tension first: a loose belt makes the same whine, and it costs nothing to tighten it and listen again before you open the headstock.",
            "Both good points. I would add that the oil in the headstock should be changed as well, since old oil thickens and the bearings run hot and loud.",
        ];
        let posts = format!(
            "{}{}{}",
            post("turner", xf, bodies[0]),
            post("ann", count_first, bodies[1]),
            post("bo", xf, bodies[2])
        );
        let html = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"DiscussionForumPosting","headline":"Lathe noise"}}</script></head><body><main><h1>My lathe whines at speed</h1>{posts}</main></body></html>"#
        );
        let snap = crate::html::parse(&html, "https://forum.example.com/t/lathe-noise.123");
        let text = crate::analyze(&snap, true).reader.expect("a thread").text;
        for b in bodies {
            assert!(text.contains(b), "{b} in {text}");
        }
        for stat in ["Joined", "Messages", "Reaction score", "1,234", "8,415 posts"] {
            assert!(!text.contains(stat), "{stat} in {text}");
        }
    }

    #[test]
    fn a_thread_at_an_address_that_names_a_forum_shows_its_replies() {
        // A question with a body of its own (too long for its replies to make it a thread by weight
        // alone) and, beside it, a box of replies that reads as comments: at a forum's address the
        // replies are the page's content; at a news site's the same page keeps them out.
        let ask = "<p>I am in the second year of my degree and have two internships behind me, one at a software firm and one at an accounting firm's advisory arm, and I keep hearing that consulting eats your evenings and weekends.</p>";
        let reply = |k: usize| format!("<div class=comment><a href=/u/{k}>member{k}</a><p>Reply {k}: in my office the hours were long in the first year, about sixty a week, but the work taught me more than any course did, and the weekends were mostly free once the project settled down.</p></div>");
        let replies: String = (0..8).map(reply).collect();
        let html = format!("<html><body><main><div><article><h1>Consulting: is it worth it?</h1>{ask}{ask}{ask}</article><div class=comments><h2>22 Comments</h2>{replies}</div></div></main></body></html>");
        let text = |url: &str| crate::analyze(&crate::html::parse(&html, url), true).reader.expect("reader").text;
        let forum = text("https://www.example.com/forum/consulting/is-it-worth-it");
        assert!(forum.contains("Reply 3: in my office") && forum.contains("second year of my degree"), "{forum}");
        let news = text("https://news.example.com/careers/is-consulting-worth-it");
        assert!(!news.contains("Reply 3: in my office") && news.contains("second year of my degree"), "{news}");
    }

    const LATHE_FIRST: &str = "The old lathe whines at high speed and the noise gets worse as the headstock warms up after an hour of work.";
    const LATHE_ANSWER: &str = "Check the belt tension first: a loose belt makes the same whine, and it costs nothing to tighten it and listen again.";

    /// The reader text of a thread marked up as one (schema.org `DiscussionForumPosting`) with `posts`.
    fn thread_text(posts: &str) -> String {
        let html = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"DiscussionForumPosting","headline":"Lathe noise"}}</script></head><body><main><h1>My lathe whines at speed</h1>{posts}</main></body></html>"#
        );
        let snap = crate::html::parse(&html, "https://forum.example.com/t/lathe-noise.123");
        crate::analyze(&snap, true).reader.expect("a thread").text
    }

    #[test]
    fn without_a_story_the_pages_own_main_is_read() {
        // When the classifier finds no story (a sports schedule's rows of links over its copyright line,
        // WCXB), the page's `<main>` says where its content is, and the reader shows that rather than
        // nothing; a page without one still has no reader view.
        let rows: String = ["Arizona at Atlanta", "Baltimore at Buffalo", "Carolina at Chicago", "Dallas at Denver", "Detroit at Green Bay", "Houston at Indianapolis", "Miami at Minnesota", "Seattle at Tampa Bay"]
            .iter()
            .map(|m| format!("<tr><td><a href='/game/{}'>{m}</a></td><td><a href='/tickets'>Tickets</a></td></tr>", m.len()))
            .collect();
        let read = |main: &str| {
            let html = format!("<html><body><header><a href=/>Sports</a></header><{main}><h2>Week 1 schedule</h2><table>{rows}</table></{main}></body></html>");
            let snap = crate::html::parse(&html, "https://sports.example.com/schedule");
            let f = Features::compute(&snap);
            let mut c = crate::classify::classify(&snap, &f);
            c.article = None;
            extract(&snap, &f, &c)
        };
        let text = read("main").expect("the page's <main> read").text;
        assert!(text.contains("Arizona at Atlanta") && text.contains("Seattle at Tampa Bay"), "{text}");
        assert!(read("section").is_none());
    }

    #[test]
    fn a_post_wrapped_in_a_form_without_controls_is_shown() {
        // Forum software that edits a post in place wraps each post's text in a `<form>` holding only
        // hidden inputs (old Reddit's comments): that text is the thread. A form with a field, a button
        // or a choice in it stays out, however much it says.
        let (first, answer) = (LATHE_FIRST, LATHE_ANSWER);
        let quiz = "Which of these makes a lathe whine at speed the most often in a home workshop, in your experience?";
        let text = thread_text(&format!(
            "<article><a href=/u/turner>turner</a><form action='#' class=usertext><input type=hidden name=thing_id value=t1_a><div class=md><p>{first}</p></div></form></article>
            <article><a href=/u/ann>ann</a><form action='#' class=usertext><input type=hidden name=thing_id value=t1_b><div class=md><p>{answer}</p></div></form></article>
            <form action=/poll><p>{quiz}</p><label><input type=radio name=a>Belt</label><button>Vote</button></form>"
        ));
        assert!(text.contains(first) && text.contains(answer), "{text}");
        assert!(!text.contains(quiz), "{text}");
    }

    #[test]
    fn a_thread_shows_a_quoted_post_once() {
        // A reply quotes the first post ("turner said: … Click to expand…") before answering it: the
        // quoted paragraph is the first post's text again, and the thread shows it once.
        let (first, answer) = (LATHE_FIRST, LATHE_ANSWER);
        let other = "I replaced the bearings on mine last winter and it has run quietly ever since, so I would start there before buying anything.";
        let text = thread_text(&format!(
            "<article><a href=/u/turner>turner</a><div class=body><p>{first}</p></div></article>
            <article><a href=/u/ann>ann</a><div class=body><blockquote><div>turner said:</div><div>{first}</div><div>Click to expand...</div></blockquote><p>{answer}</p></div></article>
            <article><a href=/u/bo>bo</a><div class=body><p>{other}</p></div></article>"
        ));
        assert_eq!(text.matches(first).count(), 1, "{text}");
        assert!(text.contains(answer) && text.contains(other), "{text}");
    }

    #[test]
    fn a_thread_shows_a_quoted_line_once_and_leaves_out_post_counters() {
        // Posts whose paragraphs are lines broken by <br>: the reply quotes one line of the first post,
        // which is no element of its own there; each post has its score and its number on lines of
        // their own.
        let (first, answer) = (LATHE_FIRST, LATHE_ANSWER);
        let second = "It is a 1970s bench lathe with a belt drive and plain bearings, serviced twice.";
        let text = thread_text(&format!(
            "<article><a href=/u/turner>turner</a><div class=score>13</div><div class=num>#1</div><div class=body>{first}<br><br>{second}</div><div>12 likes</div></article>
            <article><a href=/u/ann>ann</a><div class=score>-2</div><div class=num>#2</div><div class=body><blockquote>{first}<div>Click to expand...</div></blockquote>{answer}<br>I had 2 lathes.</div><div><a href=/r>Reply</a></div></article>"
        ));
        assert_eq!(text.matches(first).count(), 1, "{text}");
        assert!(text.contains(second) && text.contains(answer) && text.contains("I had 2 lathes."), "{text}");
        assert!(!text.contains("13") && !text.contains("#1") && !text.contains("-2") && !text.contains("12 likes"), "{text}");
        assert!(!text.contains("Click to expand") && !text.contains("Reply"), "{text}");
    }

    #[test]
    fn a_thread_shows_its_posts_without_the_posters_signatures_and_reactions() {
        // Each post ends with its poster's signature, named so in its class or id the ways forum
        // software names it, and the list of who reacted to it; outside a thread the same class names
        // nothing.
        let (first, answer) = (LATHE_FIRST, LATHE_ANSWER);
        let sig1 = "Running a 1972 Myford Super 7 and a Boxford shaper in a cold garage workshop";
        let sig2 = "Visit my channel for weekly videos on restoring old machine tools and lathes";
        let text = thread_text(&format!(
            "<article><a href=/u/turner>turner</a><div class=body><p>{first}</p></div><div class='message-signature'><div>{sig1}</div></div></article>
            <article><a href=/u/ann>ann</a><div class=body><p>{answer}</p></div><div data-role=memberSignature class='ipsEntry__signature'>{sig2}</div><div id=msg_12_signature>{sig1}</div>\
            <div class='reactionsBar js-reactionsList'>Reactions: <a href=/u/bo>bosun_k</a> and <a href=/u/cy>cyril_t</a></div></article>"
        ));
        assert!(text.contains(first) && text.contains(answer), "{text}");
        assert!(!text.contains(sig1) && !text.contains(sig2) && !text.contains("bosun_k"), "{text}");
        let r = reader_of("", &format!("<p>{first}</p><p class=signature-dish>{answer}</p>"));
        assert!(r.text.contains(answer), "{}", r.text);
    }

    #[test]
    fn captions_of_the_page_furniture_and_reading_times_are_left_out() {
        let body = "The coffee is a dark roast of arabica and robusta beans, certified organic and fair trade.";
        let more = "It is roasted every Monday in small batches and shipped the same afternoon to every cafe.";
        let r = reader_of(
            "",
            &format!(
                "<div><span>7 min read</span></div><h2>Table of Contents</h2><p>{body}</p>\
                 <div class=sort><label>Sort by:</label></div><p>{more}</p><div>Was this article helpful?</div>\
                 <p>Sorted by: how long it takes, and the table of contents.</p><p>{body} <a href=/more>Read more</a></p><a href=/blog>Back to blog</a>"
            ),
        );
        assert!(r.text.contains(body) && r.text.contains(more) && r.text.contains("Sorted by: how long"), "{}", r.text);
        assert!(!r.text.contains("min read") && !r.text.contains("Table of Contents") && !r.text.contains("Sort by:") && !r.text.contains("helpful"), "{}", r.text);
        assert!(!r.text.contains("Read more") && !r.text.contains("Back to blog"), "{}", r.text);
    }

    #[test]
    fn a_date_line_without_a_time_element_is_metadata_but_not_in_a_list_of_dated_entries() {
        let body = "The coffee is a dark roast of arabica and robusta beans, certified organic and fair trade.";
        let r = reader_of("", &format!("<div class=date>Updated on Dec. 3, 2025</div><p>{body}</p><div>3 March 2024</div><ul><li><div>May 4, 2026</div><p>{body}</p></li></ul>"));
        assert!(r.text.contains(body) && r.text.contains("May 4, 2026"), "{}", r.text);
        assert!(!r.text.contains("Dec. 3, 2025") && !r.text.contains("3 March 2024"), "{}", r.text);
        assert!(is_date_line("december 3, 2025") && is_date_line("posted: sept. 12 2024") && !is_date_line("may 3 people came in 2025") && !is_date_line("march 2025"));
    }

    #[test]
    fn text_for_screen_readers_only_is_left_out_unless_it_stands_for_an_icon() {
        let r = reader_of(
            "",
            "<p>The coffee is a dark roast of arabica and robusta beans, certified organic and fair trade.</p>\
             <div><span class='visually-hidden'>Regular price</span> <span>$19.99</span></div>\
             <p>Read <a href=/origin>where it grows<span class=sr-only> (opens in a new tab)</span></a> on our farm pages.</p>\
             <div><span class='u-text-SR-only'>Sale price</span> <span>$17.99</span></div>\
             <div><span class=a-offscreen>Unit price</span> <span>$0.50 / oz</span></div>\
             <p><span class=show-for-sr>Roasted on:</span> Monday <span class=screenreader>(local time)</span></p>\
             <table><tr><th>Free delivery</th><td><span class=sr-only>Yes</span></td></tr></table>",
        );
        assert!(r.text.contains("$19.99") && r.text.contains("where it grows") && r.text.contains("$17.99") && r.text.contains("Monday"), "{}", r.text);
        assert!(!r.text.contains("Regular price") && !r.text.contains("opens in a new tab"), "{}", r.text);
        assert!(!["Sale price", "Unit price", "Roasted on", "local time"].iter().any(|w| r.text.contains(w)), "{}", r.text);
        assert!(r.text.contains("Yes"), "{}", r.text);
    }

    #[test]
    fn a_table_of_links_with_header_cells_is_data() {
        let row = |y: u32| format!("<tr><td>{y}</td><td><a href=/p{y}>Laureate {y}</a></td><td><a href=/q{y}>Second {y}</a></td><td><a href=/r{y}>Third {y}</a></td></tr>");
        let rows: String = (1901..1931).map(row).collect();
        let r = reader_of(
            "",
            &format!("<p>The laureates of each year, by prize, from the first awards onwards.</p>\
             <table><tr><th>Year</th><th>Physics</th><th>Chemistry</th><th>Medicine</th></tr>{rows}</table>"),
        );
        assert!(r.text.contains("Laureate 1917") && r.text.contains("Chemistry"), "{}", r.text);
    }

    #[test]
    fn text_meant_for_machines_is_left_out() {
        let r = reader_of(
            "",
            "<p>The tee is cut from combed cotton in a regular fit, with side seams and double needle hems.</p>\
             <div><span>303097ac-d3e5-41e1-baf5-303640756ebf</span><span>S</span></div>\
             <dl><dt>cat_thumb_Bone:</dt><dd>https://cdn.example.com/images/5001_BONE_THUMB.jpg</dd></dl>\
             <p>{{priceAnchor.priceWrapper.info.totalPrice}}</p>\
             <p>Sources: <a href=https://example.org/paper>https://example.org/paper</a></p>\
             <pre><code>curl https://api.example.com/v1/items</code></pre><pre>https://api.example.com/v1</pre>",
        );
        assert!(r.text.contains("combed cotton") && r.text.contains("cat_thumb_Bone"), "{}", r.text);
        assert!(!r.text.contains("303097ac") && !r.text.contains("BONE_THUMB") && !r.text.contains("priceAnchor"), "{}", r.text);
        assert!(r.text.contains("https://example.org/paper") && r.text.contains("https://api.example.com/v1/items"), "{}", r.text);
        assert_eq!(r.text.matches("https://api.example.com/v1").count(), 2, "{}", r.text);
    }

    #[test]
    fn a_button_drawn_as_a_link_is_left_out() {
        // "Learn more" alone in its box is a button; inside a sentence it is part of the text.
        let r = reader_of(
            "",
            "<div class=feature><h3>Open all year</h3><p>The pier is open every day of the year from dawn until late evening.</p><div><a href=/pier>Learn more</a></div></div>\
             <p>Visitors can <a href=/times>learn more</a> about opening times at the gate.</p>",
        );
        assert!(r.text.contains("Open all year") && r.text.contains("from dawn until late evening"), "{}", r.text);
        assert!(!r.text.contains("Learn more"), "{}", r.text);
        assert!(r.text.contains("Visitors can learn more about opening times"), "{}", r.text);
    }

    #[test]
    fn controls_named_by_their_aria_role_are_left_out() {
        // A product's description with its colour swatches, a toolbar, a live region and short
        // buttons drawn as <div>s; an accordion's header (a question, or a heading) is a button too,
        // and a card made clickable is a long one: those stay.
        let r = reader_of(
            "",
            "<p>The tumbler is made from durable stainless steel with double-wall vacuum insulation and a lid.</p>             <div role=radiogroup aria-label=Colour><span role=radio>Navy swatch</span><span role=radio>Sage swatch</span></div>             <div role=\"toolbar menubar\"><span>Zoom image</span></div>             <div role=Status>Item added to your cart</div>             <div role=button>Quick view</div>             <div role=button>Is the tumbler dishwasher safe?</div><p>Yes, the tumbler and its lid both go on the top rack of any dishwasher.</p>             <div role=button><h3>Care and cleaning</h3></div><p>Rinse it in warm water after each use and let it dry upside down.</p>             <div role=button><p>A long card made clickable as a whole: a picture, a title and a summary of the story it opens, which runs to two sentences.</p><p>That is more than any button says, and a listing whose entries are drawn this way keeps them.</p></div>",
        );
        assert!(r.text.contains("double-wall vacuum insulation") && r.text.contains("top rack"), "{}", r.text);
        for gone in ["swatch", "Zoom image", "added to your cart", "Quick view"] {
            assert!(!r.text.contains(gone), "{gone}: {}", r.text);
        }
        for kept in ["dishwasher safe?", "Care and cleaning", "A long card made clickable"] {
            assert!(r.text.contains(kept), "{kept}: {}", r.text);
        }
    }

    #[test]
    fn a_product_page_leaves_out_its_grid_of_other_products() {
        // A product's page (schema.org Product) with its description, then "You may also like": four
        // cards, each a link to another product and its price. The grid is not the product.
        let desc = "<p>The Rambler tumbler keeps coffee hot for hours: double-wall vacuum insulation, a splash-resistant lid and a body that fits in most cup holders.</p>";
        let card = |n: &str, p: &str| format!("<li><a href=/p/{n}>{n} bottle, 18 oz</a><span>${p}</span></li>");
        let grid: String = [("Sky", "25.00"), ("Moss", "27.50"), ("Sand", "30.00"), ("Ink", "32.00")].iter().map(|(n, p)| card(n, p)).collect();
        let html = format!(
            r#"<html><head><script type="application/ld+json">{{"@context":"https://schema.org","@type":"Product","name":"Rambler 20 oz"}}</script></head><body><main><h1>Rambler 20 oz Tumbler</h1>{}<h2>You may also like</h2><ul>{grid}</ul></main></body></html>"#,
            desc.repeat(3)
        );
        let snap = crate::html::parse(&html, "https://shop.example.com/rambler-20oz");
        let text = crate::analyze(&snap, true).reader.expect("the product").text;
        assert!(text.contains("double-wall vacuum insulation"), "{text}");
        assert!(!text.contains("Moss bottle") && !text.contains("$27.50"), "{text}");
        // Without the markup it is any page, whose lists stay.
        let snap = crate::html::parse(&html.replace("\"Product\"", "\"WebPage\""), "https://shop.example.com/rambler-20oz");
        assert!(crate::analyze(&snap, true).reader.expect("the page").text.contains("Moss bottle"));
    }

    #[test]
    fn posters_cards_make_a_thread_without_its_markup() {
        // The same thread with no schema.org markup: its posts are the story, but the posters' cards
        // say it is a thread, and the quoted post is shown once.
        let first = "The old lathe whines at high speed and the noise gets worse as the headstock warms up after an hour of work.";
        let card = |who: &str| format!("<div class=user><a href=/u/{who}>{who}</a><dl><dt>Joined</dt><dd>Mar 5, 2020</dd></dl><dl><dt>Messages</dt><dd>1,234</dd></dl></div>");
        let html = format!(
            "<html><body><main><h1>My lathe whines at speed</h1>\
             <div class=post>{}<div class=body><p>{first}</p><p>It is a 1970s bench lathe with a belt drive and plain bearings, serviced twice.</p></div></div>\
             <div class=post>{}<div class=body><blockquote><div>turner said:</div><div>{first}</div></blockquote><p>Check the belt tension first: a loose belt makes the same whine, and it costs nothing to tighten it and listen again.</p></div></div>\
             </main></body></html>",
            card("turner"),
            card("ann")
        );
        let snap = crate::html::parse(&html, "https://www.example.com/t/lathe-noise.123");
        let text = crate::analyze(&snap, true).reader.expect("a thread").text;
        assert_eq!(text.matches(first).count(), 1, "{text}");
        assert!(text.contains("Check the belt tension first") && !text.contains("Messages"), "{text}");
    }

    #[test]
    fn html_output_escapes() {
        let n = vec![RNode::El { t: "p", a: Vec::new(), c: vec![RNode::Text("<script>alert(1)</script>".into())] }];
        let h = to_html(&n);
        assert!(!h.contains("<script>"));
        assert!(h.contains("&lt;script&gt;"));
    }
}
