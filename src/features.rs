//! Pure functions from a [`Snapshot`] to per-node evidence: tree shape, text and link mass, prose mass,
//! the words authors put in class names, links to ad networks and share buttons, and first texts
//! (labels). Everything is computed in a few linear passes over the arena, without recursion.
use crate::prelude::*;

use crate::lower::{lower, lower_owned};
use crate::text;
use crate::page::{Attr, NodeId, Snapshot, Tag, NONE};
use crate::rules::*;
use crate::text::Searched;

/// The kinds of block, in the order used by score arrays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize), serde(rename_all = "lowercase"))]
pub enum Kind {
    /// The content the reader came for.
    Article = 0,
    /// Links to other content of the site.
    Related = 1,
    /// The site advertising itself.
    Promotion = 2,
    /// Paid third-party content.
    Sponsored = 3,
    /// The site's own chrome.
    Navigation = 4,
    /// Reader comments.
    Comments = 5,
}

impl Kind {
    /// All kinds in score order.
    pub const ALL: [Kind; 6] =
        [Kind::Article, Kind::Related, Kind::Promotion, Kind::Sponsored, Kind::Navigation, Kind::Comments];

    /// The lowercase name used in `data-blockwise` and the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Related => "related",
            Kind::Promotion => "promotion",
            Kind::Sponsored => "sponsored",
            Kind::Navigation => "navigation",
            Kind::Comments => "comments",
        }
    }

    /// Parses a kind name.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Class/id tokens found on one element, per kind: the first matching token (for reasons) and count.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// For each kind, (first matching token, number of distinct matching tokens).
    pub hits: [(Option<String>, u8); 6],
}

/// Per-node evidence, in arrays indexed by node id.
pub struct Features {
    /// One past the last node of each subtree.
    pub end: Vec<u32>,
    /// First element or text child.
    pub first_child: Vec<u32>,
    /// Next sibling.
    pub next_sibling: Vec<u32>,
    /// True when the node is not rendered or its text is never read (scripts, hidden elements).
    pub silent: Vec<bool>,
    /// Visible text characters (whitespace collapsed) in the subtree.
    pub chars: Vec<u32>,
    /// Of which inside links.
    pub link_chars: Vec<u32>,
    /// Words in the subtree.
    pub words: Vec<u32>,
    /// Links (`a[href]`) in the subtree.
    pub links: Vec<u32>,
    /// Links or iframes to ad networks and recommendation widgets.
    pub ad_links: Vec<u32>,
    /// Share-button links.
    pub share_links: Vec<u32>,
    /// Links to social profiles and app stores.
    pub social_links: Vec<u32>,
    /// Links whose text names a retailer with a price ("$49 at Amazon").
    pub retailer_links: Vec<u32>,
    /// Links to the site's topic, tag and section pages.
    pub topic_links: Vec<u32>,
    /// Links or buttons whose text is a call to action ("Subscribe", "Donate", "Sign up").
    pub cta_links: Vec<u32>,
    /// Prose mass: characters of paragraphs long enough and with few enough links to be prose.
    pub mass: Vec<u32>,
    /// Number of prose paragraphs in the subtree.
    pub paragraphs: Vec<u32>,
    /// Images in the subtree.
    pub images: Vec<u32>,
    /// Headings per level (h1..h6) in the subtree.
    pub headings: Vec<[u16; 6]>,
    /// Text nodes that read as relative times ("3 hours ago").
    pub rel_times: Vec<u32>,
    /// First non-blank visible text node of the subtree, or `NONE`.
    pub first_text: Vec<u32>,
    /// `input[type=email]` (or e-mail-named inputs) in the subtree.
    pub email_inputs: Vec<u32>,
    /// Inputs of any kind (text-like), textareas, in the subtree.
    pub inputs: Vec<u32>,
    /// Textareas in the subtree.
    pub textareas: Vec<u32>,
    /// Search inputs in the subtree.
    pub search_inputs: Vec<u32>,
    /// Inside an `a` element.
    pub in_link: Vec<bool>,
    /// Depth in the tree (roots are 0).
    pub depth: Vec<u32>,
    /// Bit set of the sectioning elements among a node's proper ancestors ([`ANC_ARTICLE`], …), so
    /// "is this inside an <article>?" costs nothing on deep pages.
    pub ancestors: Vec<u8>,
    /// Per element: how many elements under the same parent carry the same class string (itself
    /// included); 0 for elements without a class. Repeated comments and cards show up here.
    pub same_class: Vec<u32>,
    /// Per node: index into `token_sets` + 1, or 0 when the element's class and id name no kind.
    token_of: Vec<u32>,
    /// Distinct token findings; elements sharing a class and id share one.
    token_sets: Vec<Tokens>,
    /// The page's host (lowercase, without `www.`).
    pub host: String,
}

/// [`Features::ancestors`] bit: an `<article>` ancestor.
pub const ANC_ARTICLE: u8 = 1;
/// An `<main>` ancestor.
pub const ANC_MAIN: u8 = 2;
/// A `<section>` ancestor.
pub const ANC_SECTION: u8 = 4;
/// A `<nav>` ancestor.
pub const ANC_NAV: u8 = 8;
/// A `<footer>` ancestor.
pub const ANC_FOOTER: u8 = 16;
/// An `<aside>` ancestor.
pub const ANC_ASIDE: u8 = 32;

fn ancestor_bit(tag: Tag) -> u8 {
    match tag {
        Tag::Article => ANC_ARTICLE,
        Tag::Main => ANC_MAIN,
        Tag::Section => ANC_SECTION,
        Tag::Nav => ANC_NAV,
        Tag::Footer => ANC_FOOTER,
        Tag::Aside => ANC_ASIDE,
        _ => 0,
    }
}

/// Splits a class/id string into lowercase tokens on non-alphanumerics and camelCase boundaries.
pub fn split_tokens(s: &str, out: &mut Vec<String>) {
    let mut buf = String::new();
    let mut spans = Vec::new();
    split_token_spans(s, &mut buf, &mut spans);
    out.extend(spans.iter().map(|&(a, b)| buf[a as usize..b as usize].to_string()));
}

/// [`split_tokens`] into one buffer: appends the lowercase tokens to `buf` and their byte ranges to
/// `spans` (no allocation per token; `buf` may hold more than the tokens). ASCII characters take a fast
/// path with the same answers as the Unicode one.
fn split_token_spans(s: &str, buf: &mut String, spans: &mut Vec<(u32, u32)>) {
    if s.is_ascii() {
        // Most class strings: copied and lowercased whole, the words cut at the bytes that are not
        // letters or digits (the separators stay in `buf`, outside every span).
        let base = buf.len();
        buf.push_str(s);
        buf[base..].make_ascii_lowercase();
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let w0 = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i > w0 {
                ascii_word_spans(&b[w0..i], base + w0, spans);
            }
            i += 1;
        }
        return;
    }
    buf.reserve(s.len());
    for word in s.split(|c: char| !crate::lower::is_alphanumeric(c)).filter(|w| !w.is_empty()) {
        if word.is_ascii() {
            let base = buf.len();
            buf.push_str(word);
            buf[base..].make_ascii_lowercase();
            ascii_word_spans(word.as_bytes(), base, spans);
            continue;
        }
        let generated = looks_generated(word.as_bytes());
        let mut start = buf.len();
        let mut prev_lower = false;
        for c in word.chars() {
            let (upper, lower) = if c.is_ascii() { (c.is_ascii_uppercase(), c.is_ascii_lowercase()) } else { (crate::lower::is_upper(c), crate::lower::is_lower(c)) };
            if upper && prev_lower && buf.len() > start && !generated {
                spans.push((start as u32, buf.len() as u32));
                start = buf.len();
            }
            prev_lower = lower || c.is_ascii_digit();
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                crate::lower::push_lower(c, buf);
            }
        }
        if buf.len() > start {
            spans.push((start as u32, buf.len() as u32));
        }
    }
}

/// The spans of one ASCII word of a class/id string, already copied lowercased into the buffer at
/// `at`: cut at its camelCase boundaries (read from the original bytes) unless it is a generated name
/// ("PFk9dDFpTo0qJgx9", a hash: split at its capitals it would spell "dfp" or "ad" by chance).
fn ascii_word_spans(word: &[u8], at: usize, spans: &mut Vec<(u32, u32)>) {
    let mut start = at;
    if !looks_generated(word) {
        let mut prev_lower = false;
        for (k, &x) in word.iter().enumerate() {
            // (A lowercase letter or digit before means a cut here leaves a word on each side.)
            if x.is_ascii_uppercase() && prev_lower {
                spans.push((start as u32, (at + k) as u32));
                start = at + k;
            }
            prev_lower = x.is_ascii_lowercase() || x.is_ascii_digit();
        }
    }
    spans.push((start as u32, (at + word.len()) as u32));
}

/// A machine-made word: [`MIN_GENERATED_WORD_CHARS`] or more, both cases, and a digit followed by a
/// letter inside it (not "sidebarWidget2024", whose digits only end it).
fn looks_generated(b: &[u8]) -> bool {
    b.len() >= MIN_GENERATED_WORD_CHARS
        && b.iter().any(u8::is_ascii_uppercase)
        && b.iter().any(u8::is_ascii_lowercase)
        && b.windows(2).any(|w| w[0].is_ascii_digit() && w[1].is_ascii_alphabetic())
}

fn token_lists() -> [(Kind, Words); 6] {
    [
        (Kind::Article, ARTICLE_TOKENS),
        (Kind::Related, RELATED_TOKENS),
        (Kind::Promotion, PROMOTION_TOKENS),
        (Kind::Sponsored, SPONSORED_TOKENS),
        (Kind::Navigation, NAVIGATION_TOKENS),
        (Kind::Comments, COMMENTS_TOKENS),
    ]
}

/// The string-table index of an attribute's value, or `NONE`.
fn attr_index(s: &Snapshot, id: NodeId, attr: Attr) -> u32 {
    attr_entries(s, id).iter().find(|(a, _, _)| *a == attr).map_or(NONE, |x| x.2)
}

/// An element's attributes as the snapshot keeps them (kind, name and value as string-table indices):
/// a string is made only of the ones a test reads.
fn attr_entries(s: &Snapshot, id: NodeId) -> &[(Attr, u32, u32)] {
    let n = &s.nodes[id as usize];
    &s.attrs[n.attr_start as usize..n.attr_end as usize]
}

/// Every class/id word of every kind and every proper prefix of one: the kinds the word names (bit
/// `1 << kind`; none for a prefix that is not a word itself) and whether a longer word starts with it
/// (built once). Keyed as `(word, "", false)` (a [`StrMap`], as the per-page token cache), and valued
/// `kinds | longer << 8`.
type TokenTable = StrMap<'static>;

fn token_table() -> &'static TokenTable {
    static TABLE: once_cell::race::OnceBox<TokenTable> = once_cell::race::OnceBox::new();
    TABLE.get_or_init(|| {
        let mut at = StrMap::default();
        for (k, list) in token_lists() {
            for w in list.iter() {
                *at.entry((w, "", false), 0) |= 1 << k as u8;
                for (j, _) in w.char_indices().skip(1) {
                    *at.entry((&w[..j], "", false), 0) |= 1 << 8;
                }
            }
        }
        Box::new(at)
    })
}

/// Classifies the tokens of one element's id and class.
pub fn element_tokens(s: &Snapshot, id: NodeId) -> Option<Tokens> {
    element_tokens_with(s, id, &mut TokenScratch::default())
}

/// The buffers of [`element_tokens`], kept from one element to the next by [`Features::compute`].
#[derive(Default)]
struct TokenScratch {
    buf: String,
    spans: Vec<(u32, u32)>,
    /// Each word's entry in the class-word table (kinds | longer << 8; `NONE` when not in it), looked
    /// up once.
    entries: Vec<u32>,
}

fn element_tokens_with(s: &Snapshot, id: NodeId, scratch: &mut TokenScratch) -> Option<Tokens> {
    let TokenScratch { buf, spans, entries } = scratch;
    buf.clear();
    spans.clear();
    for &(a, _, v) in attr_entries(s, id) {
        if a == Attr::Class || (a == Attr::Id && !is_sentence_slug(s.str(v))) {
            split_token_spans(s.str(v), buf, spans);
        }
    }
    if spans.is_empty() {
        return None;
    }
    let index = token_table();
    let lookup = |buf: &str, (a, b): (u32, u32)| index.get(&(&buf[a as usize..b as usize], "", false)).unwrap_or(NONE);
    entries.clear();
    for &w in spans.iter() {
        entries.push(lookup(buf, w));
    }
    // Joined neighbours catch "ad-slot" → "adslot", "most-read" → "mostread", "read-next".
    let n = spans.len();
    for i in 0..n.saturating_sub(1) {
        // Only a word that begins a longer table word can begin a joined one that is in the table.
        if entries[i] == NONE || entries[i] >> 8 == 0 {
            continue;
        }
        let start = buf.len();
        let ((a0, a1), (b0, b1)) = (spans[i], spans[i + 1]);
        buf.extend_from_within(a0 as usize..a1 as usize);
        buf.extend_from_within(b0 as usize..b1 as usize);
        spans.push((start as u32, buf.len() as u32));
        entries.push(lookup(buf, (start as u32, buf.len() as u32)));
    }
    let mut t = Tokens::default();
    let mut any = false;
    let mut seen: Vec<(Kind, &str)> = Vec::new();
    for (&(a, b), &e) in spans.iter().zip(entries.iter()) {
        let w = &buf[a as usize..b as usize];
        // A word may name several kinds ("support").
        if e == NONE {
            continue;
        }
        let kinds = e as u8;
        for kind in Kind::ALL.into_iter().filter(|k| kinds & (1 << *k as u8) != 0) {
            if seen.contains(&(kind, w)) {
                continue;
            }
            seen.push((kind, w));
            let slot = &mut t.hits[kind as usize];
            if slot.0.is_none() {
                slot.0 = Some(w.to_string());
            }
            slot.1 = slot.1.saturating_add(1);
            any = true;
        }
    }
    any.then_some(t)
}

/// An id that is a sentence: a heading's words joined by hyphens or underscores to make an in-page
/// anchor ("receive-and-reply-to-an-inbound-sms-message", "how_to_sign_up_for_the_newsletter"), with
/// [`MIN_SLUG_WORDS`] or more words, one of them a [`SLUG_FUNCTION_WORDS`] word. Its words are the
/// section's subject, not what the element is: a manual's section on replying to a message is not a
/// comment box, one on signing up is not a plea.
fn is_sentence_slug(v: &str) -> bool {
    // (Bytes: a `char` pattern brings the standard searcher into the Wasm.)
    let (mut n, mut function) = (0, false);
    for w in v.as_bytes().split(|&b| b == b'-' || b == b'_') {
        n += 1;
        function |= SLUG_FUNCTION_WORDS.iter().any(|f| f.as_bytes().eq_ignore_ascii_case(w));
    }
    n >= MIN_SLUG_WORDS && function
}

/// The host of a URL (lowercase, `www.` removed); relative URLs have the page's host.
pub fn url_host<'a>(url: &'a str, page_host: &'a str) -> String {
    let u = url.trim();
    let rest = if let Some(i) = text::find(u, "://") {
        &u[i + 3..]
    } else if let Some(r) = u.strip_prefix("//") {
        r
    } else {
        return page_host.to_string();
    };
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    let h = &rest[..end];
    let h = h[text::rfind_byte(h, b'@').map_or(0, |i| i + 1)..].to_ascii_lowercase();
    h.strip_prefix("www.").map(str::to_string).unwrap_or(h)
}

/// True when `host` is `domain` or one of its subdomains.
fn host_is(host: &str, domain: &str) -> bool {
    let (h, d) = (host.as_bytes(), domain.as_bytes());
    let Some(at) = h.len().checked_sub(d.len()) else { return false };
    // The byte where the domain would begin rules out most hosts before a comparison.
    d.first().is_none_or(|&c| h[at] == c) && h[at..] == *d && (at == 0 || h[at - 1] == b'.')
}

/// True when `url` points at an ad network or a recommendation widget.
pub fn is_ad_url(url: &str) -> bool {
    let l = url.to_ascii_lowercase();
    let host = url_host(&l, "");
    ad_url(&Searched::new(&l), ad_host(&host))
}

/// True when `host` is an ad network's or one of its subdomains.
fn ad_host(host: &str) -> bool {
    AD_HOSTS.iter().any(|h| host_is(host, h))
}

/// [`is_ad_url`] of a lowercased URL `l` whose host is an ad network's when `on_ad_host`.
fn ad_url(l: &Searched, on_ad_host: bool) -> bool {
    on_ad_host
        || l.contains("utm_source=taboola")
        || l.contains("utm_source=outbrain")
        || l.contains("utm_medium=native")
        || l.contains("/adclick")
        || l.contains("adurl=")
        // Revive / OpenX ad servers' click-through links (`ck.php?oaparams=…`), on any host.
        || l.contains("oaparams=")
}

/// True when an attribute value (a style, a data-* attribute, a srcset) mentions a resource on an ad
/// network's host: Taboola cards carry `data-item-thumb="…cdn.taboola.com…"` and background images
/// from `images.taboola.com` even when their links go elsewhere.
pub fn mentions_ad_host(value: &str) -> bool {
    // Only each host is lowercased (the rest of a long style or data attribute is not copied).
    let mut rest = value;
    // (A srcset names one host many times: a host like the one before is not an ad network's either.)
    let mut before = "";
    while let Some(i) = text::find(rest, "//") {
        let after = &rest[i + 2..];
        let end = text::find_any(after, b"/?#:\"') ,").unwrap_or(after.len());
        if after[..end] != *before {
            let l = after[..end].to_ascii_lowercase();
            let host = l.strip_prefix("www.").unwrap_or(&l);
            if !host.is_empty() && ad_host(host) {
                return true;
            }
            before = &after[..end];
        }
        rest = after;
    }
    false
}

/// True when `url`'s path goes through a topic, tag or section segment ("/tag/water", "?tag=").
pub fn is_topic_url(url: &str) -> bool {
    let path = match text::find(url, "://") {
        Some(i) => text::find_byte(&url[i + 3..], b'/').map_or("", |j| &url[i + 3 + j..]),
        None => url,
    };
    let path = &path[..text::find_byte(path, b'#').unwrap_or(path.len())];
    let (path, query) = text::split_once(path, "?").unwrap_or((path, ""));
    let mut segs = text::split_byte(path, b'/').filter(|s| !s.is_empty());
    let topical = |seg: &str| TOPIC_PATH_SEGMENTS.iter().any(|t| seg.eq_ignore_ascii_case(t));
    // The topic segment must lead to a name: "/tag/water", not "/tag" alone.
    let mut prev_topical = false;
    for seg in segs.by_ref() {
        if prev_topical {
            return true;
        }
        prev_topical = topical(seg);
    }
    text::split_byte(query, b'&').any(|kv| text::split_once(kv, "=").is_some_and(|(k, v)| !v.is_empty() && topical(k)))
}

/// True when `url` is a share button's link.
pub fn is_share_url(url: &str) -> bool {
    share_url(&Searched::new(&url.to_ascii_lowercase()))
}


/// True for a button's name that says it shares the page ("Share on Facebook", "Share via email",
/// "Share"), without case.
fn is_share_button_name(name: &str) -> bool {
    let n = name.trim_start().as_bytes();
    n.get(..5).is_some_and(|b| b.eq_ignore_ascii_case(b"share")) && n.get(5).is_none_or(|&c| c == b' ')
}

/// [`is_share_url`] of a lowercased URL.
fn share_url(l: &Searched) -> bool {
    SHARE_URL_MARKS.iter().any(|m| l.contains(m))
}

/// True when `url` goes to a social profile or an app store.
pub fn is_social_url(url: &str) -> bool {
    social_url(Some(url), &url_host(&url.to_ascii_lowercase(), ""))
}

/// [`is_social_url`] of `url` whose (lowercase) host is `host`; with no `url`, whether a URL on `host`
/// may be one (its path not looked at).
fn social_url(url: Option<&str>, host: &str) -> bool {
    SOCIAL_HOSTS.iter().any(|h| {
        // (A byte search: the substring searcher's setup cost more than the test, 18 times per link.)
        let (hh, path) = text::find_byte(h, b'/').map_or((h, ""), |i| (&h[..i], &h[i + 1..]));
        host_is(host, hh) && (path.is_empty() || url.is_none_or(|u| text::contains(u, path)))
    })
}

/// True for "3 hours ago", "vor 2 Stunden", "il y a 3 jours", "yesterday".
pub fn is_relative_time(text: &str) -> bool {
    let t = text.trim();
    if crate::text::more_chars_than(t, 40) {
        return false;
    }
    // At most 40 characters: an ASCII text is lowercased on the stack (the same answer as
    // `to_lowercase` for ASCII).
    let mut buf = [0u8; 40];
    let owned;
    let l: &[u8] = if t.is_ascii() && t.len() <= buf.len() {
        let b = &mut buf[..t.len()];
        b.copy_from_slice(t.as_bytes());
        b.make_ascii_lowercase();
        b
    } else {
        owned = lower(t);
        owned.as_bytes()
    };
    let has_digit = l.iter().any(u8::is_ascii_digit);
    let l = Searched::of_bytes(l);
    (has_digit || l.contains("just now") || l.contains("yesterday") || l.contains("gestern") || l.contains("ayer") || l.contains("вчера"))
        && RELATIVE_TIME_WORDS.iter().any(|w| l.contains(w))
}

/// A server-streamed segment waiting for its framework's script to move it into place: React 18's
/// streaming SSR sends `<div hidden id="S:0">…</div>` after the shell and swaps it in for the
/// `<template id="B:0">` placeholder (WCXB 4503: the whole story arrives that way). Read as shown.
fn is_streamed_segment(s: &Snapshot, id: NodeId) -> bool {
    s.attr(id, Attr::Hidden).is_some()
        && s.attr(id, Attr::Id).and_then(|v| v.strip_prefix("S:")).is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// A fold: the page's own text put away until a click, read as shown, as a reader view shows a folded
/// section open. A collapsed accordion panel (WAI-ARIA's accordion: each panel a `region` labelled by
/// its header's button, hidden until that is clicked) holds a course's modules, a product's
/// specifications, a service's questions and answers; so does a disclosure's panel with no role,
/// labelled by its button (`aria-labelledby`). (Not a tab panel: a page's other tabs are often
/// alternatives, one browser's instructions per tab, and a dialog is never a panel.) And an answer
/// folded under its question ([`is_folded_answer`]). Inside a fold the browser's "not rendered"
/// verdict says only that the fold is closed; the page's own `hidden` and inline styles still count.
fn is_fold(s: &Snapshot, id: NodeId) -> bool {
    let role = s.attr(id, Attr::Role);
    role.is_some_and(|r| r.eq_ignore_ascii_case("region")) || (s.attr(id, Attr::AriaLabelledby).is_some() && role.is_none()) || is_folded_answer(s, id)
}

/// The longest question (characters) an element folded under it is read as the answer of.
const MAX_QUESTION_CHARS: u32 = 200;

/// An element the page hides with an inline style or the `hidden` attribute right after a
/// sibling whose whole text is one question of three words or more (`<div class=q>What is an online
/// certificate?</div><div style="display:none">An online certificate…</div>`, `<dt>…?</dt><dd
/// hidden>`): a FAQ's answer, folded until the question is clicked (WCXB: a course catalogue's FAQ,
/// a service's, a shop's; on a few article pages the annotators left such answers out). Also one the
/// browser does not render (its stylesheet folds it: `.accordion-content { display: none }`), which
/// the native parser, knowing no stylesheet, reads as shown: so both paths read the same answers. And
/// a panel folded right after its disclosure button ([`is_toggle`]: a shop's "View Product Details", a
/// health page's "Other References" accordion), by its markup or, in the browser, by its stylesheet.
fn is_folded_answer(s: &Snapshot, id: NodeId) -> bool {
    if !s.nodes[id as usize].hidden && !s.attr(id, Attr::Style).is_some_and(style_hides) && s.attr(id, Attr::Hidden).is_none() {
        return false;
    }
    let parent = s.nodes[id as usize].parent;
    // The previous element sibling: the nearest node before `id` with the same parent (its own
    // descendants come between), looked for among a few dozen nodes; a `<style>` or `<script>` between
    // them (a CSS-in-JS component writes its rules beside each element) is not it.
    let Some(q) = (id.saturating_sub(64)..id).rev().find(|&j| s.nodes[j as usize].parent == parent && !matches!(s.nodes[j as usize].tag, Tag::Text | Tag::Style | Tag::Script)) else {
        return false;
    };
    let (mut chars, mut words, mut last) = (0, 0, ' ');
    for j in q + 1..id {
        let t = s.text(j).trim_end();
        if let Some(c) = t.chars().next_back() {
            let (c2, w) = text_measure(t);
            (chars, words, last) = (chars + c2, words + w, c);
        }
    }
    (chars <= MAX_QUESTION_CHARS && words >= 3 && matches!(last, '?' | '？' | '؟')) || (chars <= MAX_TOGGLE_CHARS && words >= 1 && is_toggle(s, q, id))
}

/// The longest text (characters) of a button that an element folded right after it is read as the
/// panel of.
const MAX_TOGGLE_CHARS: u32 = 60;

/// Whether `q`, the previous sibling of a folded element ending before `end`, is a disclosure's button:
/// a `<button>` or `role=button`, or an element whose whole text is such a button's (`<button>View
/// Product Details</button><div class=details>…`, `<div><div role=button><h3>Other References</h3></div>
/// </div><div class=panel>…`): the panel after it is the page's text folded until the click.
fn is_toggle(s: &Snapshot, q: NodeId, end: NodeId) -> bool {
    let button = |j: NodeId| s.nodes[j as usize].tag == Tag::Button || s.attr(j, Attr::Role).is_some_and(|r| r.eq_ignore_ascii_case("button"));
    let Some(b) = (q..end).find(|&j| s.nodes[j as usize].tag != Tag::Text && button(j)) else { return false };
    // Every word between `q` and `end` is the button's: its text nodes have `b` above them.
    (q..end).all(|j| {
        if s.nodes[j as usize].tag != Tag::Text || s.text(j).trim().is_empty() {
            return true;
        }
        let mut a = s.nodes[j as usize].parent;
        while a != NONE && a > b {
            a = s.nodes[a as usize].parent;
        }
        a == b
    })
}

/// An inline style that hides its element (`display: none`, `visibility: hidden`).
fn style_hides(style: &str) -> bool {
    let mut v = String::with_capacity(style.len());
    for c in style.chars() {
        if !c.is_whitespace() {
            v.push(c.to_ascii_lowercase());
        }
    }
    text::contains(&v, "display:none") || text::contains(&v, "visibility:hidden")
}

fn is_hidden_element(s: &Snapshot, id: NodeId, honor_hidden_attr: bool, trust_browser: bool) -> bool {
    let n = &s.nodes[id as usize];
    // The browser's "not rendered" verdict counts too, except when the page's text mostly waits in
    // hidden containers for a script (see `Features::compute`): then the verdict, the `hidden`
    // attribute and an inline `display:none` say only that the script has not run yet (a shop's
    // access gate keeps the whole page in `<div style="display:none">` until its script shows it;
    // collapsed panels wait for a click), and the page is read as shown. Inside a fold
    // ([`is_fold`]) the verdict is the fold's.
    if n.hidden && honor_hidden_attr && trust_browser {
        return true;
    }
    for &(a, _, v) in attr_entries(s, id) {
        match a {
            Attr::Hidden if honor_hidden_attr => return true,
            Attr::Style if honor_hidden_attr && style_hides(s.str(v)) => return true,
            Attr::Type if n.tag == Tag::Input && s.str(v).eq_ignore_ascii_case("hidden") => return true,
            _ => {}
        }
    }
    false
}

/// Lowercase alphanumeric words of a text.
pub fn text_words(t: &str) -> Vec<String> {
    // (A loop: the split, filter, map and collect were 0.4 KB more of Wasm.)
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in t.char_indices() {
        if !crate::lower::is_alphanumeric(c) {
            if i > start {
                out.push(lower(&t[start..i]));
            }
            start = i + c.len_utf8();
        }
    }
    if t.len() > start {
        out.push(lower(&t[start..]));
    }
    out
}

/// The byte length of the white-space character (as `char::is_whitespace` says) starting at byte `i`
/// of `t`, or 0. ASCII is decided on the byte; the only non-ASCII white space starts with C2, E1, E2
/// or E3. `i` must be a character boundary.
#[inline]
pub(crate) fn white_at(t: &str, i: usize) -> usize {
    let x = t.as_bytes()[i];
    if x < 0x80 {
        usize::from(x == b' ' || (0x09..=0x0d).contains(&x))
    } else if matches!(x, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
        t[i..].chars().next().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8)
    } else {
        0
    }
}

/// True when a white space may start at byte `x` (an ASCII byte up to b' ', or a lead byte C2, E1, E2
/// or E3): every other byte, continuation bytes included, is inside a word, without decoding.
#[inline]
pub(crate) fn may_be_white(x: u8) -> bool {
    // (Printable ASCII first: most bytes are decided by one range test.)
    !(b'!'..0x80).contains(&x) && (x <= b' ' || x == 0xC2 || (0xE1..=0xE3).contains(&x))
}

/// Appends the words of `t` (as `t.split_whitespace()` gives them) to `out`, each after a space but
/// the first when `sep` is false, and stops before a word once `out` is longer than `limit` bytes. One
/// loop over the bytes ([`may_be_white`]), no iterator.
fn push_words(out: &mut String, t: &str, limit: usize, mut sep: bool) {
    let b = t.as_bytes();
    let mut i = 0;
    loop {
        while i < b.len() {
            match white_at(t, i) {
                0 => break,
                w => i += w,
            }
        }
        if i >= b.len() || out.len() > limit {
            return;
        }
        // Words separated by one plain space are copied as one run, as long as the text so far stays
        // within `limit`.
        let start = i;
        loop {
            i += 1;
            while i < b.len() && (!may_be_white(b[i]) || white_at(t, i) == 0) {
                i += 1;
            }
            if i + 1 < b.len() && b[i] == b' ' && !may_be_white(b[i + 1]) && out.len() + usize::from(sep) + (i - start) <= limit {
                i += 1;
            } else {
                break;
            }
        }
        if sep {
            out.push(' ');
        }
        out.push_str(&t[start..i]);
        sep = true;
    }
}

/// Collapsed-whitespace character count and word count of a text.
pub fn text_measure(t: &str) -> (u32, u32) {
    let b = t.as_bytes();
    let mut chars = 0u32;
    let mut words = 0u32;
    let mut in_word = false;
    for (i, &x) in b.iter().enumerate() {
        // `char::is_whitespace` by bytes ([`may_be_white`], [`white_at`]).
        if may_be_white(x) && white_at(t, i) != 0 {
            in_word = false;
        } else if x & 0xC0 != 0x80 {
            // (A multi-byte character is counted at its first byte.)
            chars += 1;
            if !in_word {
                words += 1;
                in_word = true;
            }
        }
    }
    // Count one separating space per word gap, as a reader sees it.
    (chars + words.saturating_sub(1), words)
}

/// A hasher for the per-page maps keyed by string indices and short strings (FxHash's mixing step):
/// much cheaper than the default SipHash, and the keys come from one page, not an attacker who
/// could pick collisions to any effect beyond a slower page.
#[derive(Default, Clone, Copy)]
pub struct QuickHasher(u64);

impl core::hash::Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time, little-endian; the last chunk padded with zeros.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.write_u64(rest.iter().rev().fold(0, |w, &b| w << 8 | b as u64));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(i as u64);
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

/// A `HashMap` with [`QuickHasher`].
pub type QuickMap<K, V> = hashbrown::HashMap<K, V, core::hash::BuildHasherDefault<QuickHasher>>;

/// A map from a pair of `u32`s to a `u32` (siblings' class counts, the reader's word-count groups):
/// open addressing in one `Vec<u32>`, four numbers a slot (taken, the pair, the value), probed
/// linearly from a multiplicative hash and doubled at three quarters full. Each key type of
/// [`QuickMap`] is its own copy of hashbrown's table code in the Wasm (about 1.3 KB); this is a third
/// of that (docs/benchmarks.md, "The .wasm's size: the cuts (issue 6, fifth pass)").
#[derive(Default)]
pub struct PairMap {
    slots: Vec<u32>,
    len: usize,
}

impl PairMap {
    /// The slot of `(a, b)`, or the empty slot where it would go.
    fn slot(&self, a: u32, b: u32) -> usize {
        let mask = self.slots.len() / 4 - 1;
        let h = ((a as u64) << 32 | b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let mut i = (h >> 32) as usize & mask;
        loop {
            let s = &self.slots[i * 4..i * 4 + 3];
            if s[0] == 0 || (s[1] == a && s[2] == b) {
                return i * 4;
            }
            i = (i + 1) & mask;
        }
    }

    /// The value of `(a, b)`.
    pub fn get(&self, a: u32, b: u32) -> Option<u32> {
        if self.len == 0 {
            return None;
        }
        let i = self.slot(a, b);
        (self.slots[i] != 0).then(|| self.slots[i + 3])
    }

    /// The value of `(a, b)`, set to `new` first when the map has none.
    pub fn entry(&mut self, a: u32, b: u32, new: u32) -> &mut u32 {
        if (self.len + 1) * 4 > self.slots.len() / 4 * 3 {
            let grown = vec![0; (self.slots.len() * 2).max(64)];
            let old = core::mem::replace(&mut self.slots, grown);
            for s in old.chunks_exact(4).filter(|s| s[0] != 0) {
                let i = self.slot(s[1], s[2]);
                self.slots[i..i + 4].copy_from_slice(s);
            }
        }
        let i = self.slot(a, b);
        if self.slots[i] == 0 {
            self.slots[i..i + 4].copy_from_slice(&[1, a, b, new]);
            self.len += 1;
        }
        &mut self.slots[i + 3]
    }
}

/// A map's key of two strings and a flag: the class-word table's `(word, "", false)`, the token cache's
/// `(class, id, id first)`, the repeated cards' `(class, tag, false)`.
pub type StrKey<'a> = (&'a str, &'a str, bool);

/// A map from a [`StrKey`] to a `u32`, as [`PairMap`]: open addressing in one `Vec`, probed linearly
/// from [`QuickHasher`]'s hash of the key, doubled at three quarters full. The shipped Wasm then holds
/// none of hashbrown's table code (2.9 KB for the one key type it had; docs/benchmarks.md, "The .wasm's
/// size: the cuts (issue 6, sixth pass)").
#[derive(Default)]
pub struct StrMap<'a> {
    slots: Vec<Option<(StrKey<'a>, u32)>>,
    len: usize,
}

impl<'a> StrMap<'a> {
    /// The slot of `k`, or the empty slot where it would go.
    fn slot(&self, k: &StrKey<'_>) -> usize {
        let mask = self.slots.len() - 1;
        let mut h = QuickHasher::default();
        core::hash::Hash::hash(k, &mut h);
        let mut i = (core::hash::Hasher::finish(&h) >> 32) as usize & mask;
        while let Some((key, _)) = &self.slots[i] {
            if key == k {
                break;
            }
            i = (i + 1) & mask;
        }
        i
    }

    /// The value of `k`.
    pub fn get(&self, k: &StrKey<'_>) -> Option<u32> {
        if self.len == 0 {
            return None;
        }
        self.slots[self.slot(k)].map(|(_, v)| v)
    }

    /// The value of `k`, set to `new` first when the map has none.
    pub fn entry(&mut self, k: StrKey<'a>, new: u32) -> &mut u32 {
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            let grown = vec![None; (self.slots.len() * 2).max(16)];
            let old = core::mem::replace(&mut self.slots, grown);
            for e in old.into_iter().flatten() {
                let i = self.slot(&e.0);
                self.slots[i] = Some(e);
            }
        }
        let i = self.slot(&k);
        if self.slots[i].is_none() {
            self.len += 1;
        }
        &mut self.slots[i].get_or_insert((k, new)).1
    }

    /// Every value, in no particular order.
    pub fn values(&self) -> impl Iterator<Item = u32> + '_ {
        self.slots.iter().flatten().map(|&(_, v)| v)
    }
}

impl Features {
    /// Computes every feature of `s` in linear time.
    pub fn compute(s: &Snapshot) -> Features {
        let f = Features::compute_with(s, true);
        // Server-rendered pages that stream their content into `hidden` containers for a script to
        // reveal (React's streaming SSR) show nothing without that script. When `hidden` elements hold
        // most of the page's text, read it as the browser will once the script has run.
        let shown: u32 = (0..s.len()).filter(|&i| s.nodes[i].parent == NONE).map(|i| f.chars[i]).sum();
        let mut all = 0u64;
        // The same inside the page's `<main>`: a shop's access gate hides only the main column
        // (`<main><div style="display:none">…`) until its script has checked the visitor, while the
        // header's menus and the footer show, so the page as a whole shows most of its text.
        let (mut main, mut main_all) = (NONE, 0u64);
        for (i, n) in s.nodes.iter().enumerate() {
            if main == NONE && n.tag == Tag::Main && !f.silent[i] {
                main = i as u32;
            }
            if n.tag == Tag::Text && (n.parent == NONE || !s.nodes[n.parent as usize].tag.is_non_content()) {
                // A shown text node's measure is already in `chars`.
                let m = if f.silent[i] { text_measure(s.text(i as u32)).0 } else { f.chars[i] } as u64;
                all += m;
                if main != NONE && (i as u32) < f.end[main as usize] {
                    main_all += m;
                }
            }
        }
        let main_hidden = main != NONE && main_all >= MIN_HIDDEN_MAIN_CHARS && f.chars[main as usize] < MIN_ARTICLE_CHARS;
        if all > 0 && ((shown as u64) * HIDDEN_CONTENT_RATIO < all || main_hidden) {
            return Features::compute_with(s, false);
        }
        f
    }

    fn compute_with(s: &Snapshot, honor_hidden_attr: bool) -> Features {
        let n = s.len();
        let host = url_host(&s.url, "");
        let mut f = Features {
            end: (1..=n as u32).collect(),
            first_child: vec![NONE; n],
            next_sibling: vec![NONE; n],
            silent: vec![false; n],
            chars: vec![0; n],
            link_chars: vec![0; n],
            words: vec![0; n],
            links: vec![0; n],
            ad_links: vec![0; n],
            share_links: vec![0; n],
            social_links: vec![0; n],
            retailer_links: vec![0; n],
            cta_links: vec![0; n],
            topic_links: vec![0; n],
            mass: vec![0; n],
            paragraphs: vec![0; n],
            images: vec![0; n],
            headings: vec![[0; 6]; n],
            rel_times: vec![0; n],
            first_text: vec![NONE; n],
            email_inputs: vec![0; n],
            inputs: vec![0; n],
            textareas: vec![0; n],
            search_inputs: vec![0; n],
            in_link: vec![false; n],
            ancestors: vec![0; n],
            depth: vec![0; n],
            token_of: vec![0; n],
            same_class: vec![0; n],
            token_sets: Vec::new(),
            host,
        };
        // Keyed by the strings themselves and by whether the id comes first (the words' order decides
        // which one a reason quotes): a [`StrMap`], as the class-word table (keyed by the strings'
        // indices instead, analyze ran 2 % fewer instructions natively, and the Wasm held a second map).
        let mut token_cache = StrMap::default();
        let mut scratch = TokenScratch::default();
        // The last link's host and its answers ([`ad_host`], [`social_url`] without a path); the empty
        // host (a relative link's) is neither.
        let mut last_host = (false, false, String::new());
        // Paragraph owner: nearest block-level ancestor-or-self; owner chars/link chars.
        let mut owner = vec![NONE; n];
        let mut own_chars = vec![0u32; n];
        let mut own_link = vec![0u32; n];
        let mut last_child = vec![NONE; n];
        let mut in_segment = vec![false; n];
        let mut in_fold = vec![false; n];
        // Forward pass: tree links, silence, inheritance.
        for i in 0..n {
            let node = &s.nodes[i];
            let p = node.parent;
            if p != NONE {
                let pu = p as usize;
                if last_child[pu] == NONE {
                    f.first_child[pu] = i as u32;
                } else {
                    f.next_sibling[last_child[pu] as usize] = i as u32;
                }
                last_child[pu] = i as u32;
            }
            let parent_silent = p != NONE && f.silent[p as usize];
            let tag = node.tag;
            in_segment[i] = (p != NONE && in_segment[p as usize]) || (tag != Tag::Text && is_streamed_segment(s, i as u32));
            let fold = tag != Tag::Text && is_fold(s, i as u32);
            in_fold[i] = fold || (p != NONE && in_fold[p as usize]);
            f.silent[i] = parent_silent
                || (tag != Tag::Text && (tag.is_non_content() || (!fold && is_hidden_element(s, i as u32, honor_hidden_attr && !in_segment[i], !in_fold[i]))));
            f.in_link[i] = tag == Tag::A || (p != NONE && f.in_link[p as usize]);
            if p != NONE {
                f.ancestors[i] = f.ancestors[p as usize] | ancestor_bit(s.nodes[p as usize].tag);
                f.depth[i] = f.depth[p as usize] + 1;
            }
            owner[i] = if tag != Tag::Text && tag.is_block_level() {
                i as u32
            } else if p != NONE {
                owner[p as usize]
            } else {
                NONE
            };
            if tag != Tag::Text {
                // Pages repeat the same class strings on many elements (utility-class CSS): read each
                // (class, id) pair once.
                let (class, id) = (attr_index(s, i as u32, Attr::Class), attr_index(s, i as u32, Attr::Id));
                if (class, id) != (NONE, NONE) {
                    let id_first = attr_entries(s, i as u32).iter().find(|(a, _, _)| matches!(a, Attr::Id | Attr::Class)).is_some_and(|(a, _, _)| *a == Attr::Id);
                    let key = (if class == NONE { "\0" } else { s.str(class) }, if id == NONE { "\0" } else { s.str(id) }, id_first);
                    f.token_of[i] = match token_cache.get(&key) {
                        Some(t) => t,
                        None => {
                            let t = match element_tokens_with(s, i as u32, &mut scratch) {
                                Some(t) => {
                                    f.token_sets.push(t);
                                    f.token_sets.len() as u32
                                }
                                None => 0,
                            };
                            *token_cache.entry(key, t)
                        }
                    };
                }
            }
            if tag != Tag::Text
                && attr_entries(s, i as u32).iter().any(|&(a, _, v)| {
                    matches!(a, Attr::Data | Attr::Style | Attr::LazySrc | Attr::LazySrcset | Attr::Srcset | Attr::Poster) && {
                        let v = s.str(v);
                        text::contains(v, "//") && mentions_ad_host(v)
                    }
                })
            {
                f.ad_links[i] = 1;
            }
            if f.silent[i] {
                continue;
            }
            match tag {
                Tag::Text => {
                    let t = s.text(i as u32);
                    let (c, w) = text_measure(t);
                    if c > 0 {
                        f.chars[i] = c;
                        f.words[i] = w;
                        if f.in_link[i] {
                            f.link_chars[i] = c;
                        }
                        if owner[i] != NONE {
                            own_chars[owner[i] as usize] += c;
                            if f.in_link[i] {
                                own_link[owner[i] as usize] += c;
                            }
                        }
                        if is_relative_time(t) {
                            f.rel_times[i] = 1;
                        }
                    }
                }
                Tag::A => {
                    if let Some(h) = s.attr(i as u32, Attr::Href) {
                        f.links[i] = 1;
                        let paid_rel = s.attr(i as u32, Attr::Rel).is_some_and(|r| r.split_whitespace().any(|t| t.eq_ignore_ascii_case("sponsored")));
                        // Lowercased and its host taken once for the four tests.
                        let l = h.to_ascii_lowercase();
                        let host = url_host(&l, "");
                        // The host tests answered once for a run of links to the same host.
                        if host != last_host.2 {
                            last_host = (ad_host(&host), social_url(None, &host), host);
                        }
                        let (on_ad_host, maybe_social, host) = (last_host.0, last_host.1, &last_host.2);
                        // (Searched once for the ad and share marks.)
                        let searched = Searched::new(&l);
                        if paid_rel || ad_url(&searched, on_ad_host) {
                            f.ad_links[i] = 1;
                        } else if is_topic_url(h) {
                            f.topic_links[i] = 1;
                        } else if share_url(&searched) {
                            f.share_links[i] = 1;
                        } else if maybe_social && social_url(Some(h), host) {
                            f.social_links[i] = 1;
                        }
                    }
                }
                // Share buttons that are no links: AMP's share component, and buttons named for sharing
                // ("Share on Facebook"), which open the network's dialog from a script.
                Tag::Other if s.name(i as u32) == "amp-social-share" => f.share_links[i] = 1,
                Tag::Button if s.attr(i as u32, Attr::AriaLabel).or_else(|| s.attr(i as u32, Attr::Title)).is_some_and(is_share_button_name) => f.share_links[i] = 1,
                Tag::Iframe | Tag::Img | Tag::Script | Tag::Source | Tag::Video => {
                    if let Some(src) = s.attr(i as u32, Attr::Src) {
                        if is_ad_url(src) {
                            f.ad_links[i] = 1;
                        }
                    }
                    if tag == Tag::Img {
                        f.images[i] = 1;
                    }
                }
                Tag::Input => {
                    let ty = s.attr(i as u32, Attr::Type).unwrap_or("text").to_ascii_lowercase();
                    let name = s.attr(i as u32, Attr::Name).unwrap_or("").to_ascii_lowercase();
                    let ph = s.attr(i as u32, Attr::Placeholder).unwrap_or("").to_ascii_lowercase();
                    if ty == "email" || text::contains(&name, "email") || text::contains(&ph, "email") || text::contains(&ph, "e-mail") {
                        f.email_inputs[i] = 1;
                    }
                    if ty == "search" || name == "q" || name == "s" || text::contains(&name, "search") {
                        f.search_inputs[i] = 1;
                    }
                    if !matches!(ty.as_str(), "hidden" | "submit" | "button" | "checkbox" | "radio" | "image") {
                        f.inputs[i] = 1;
                    }
                }
                t if t.is_heading() => {
                    let lvl = t as usize - Tag::H1 as usize;
                    f.headings[i][lvl] = 1;
                }
                _ => {}
            }
        }
        // Textareas are silent (non-content) but still count as form evidence.
        for i in 0..n {
            if s.nodes[i].tag == Tag::Textarea {
                let p = s.nodes[i].parent;
                if p == NONE || !f.silent[p as usize] {
                    f.textareas[i] = 1;
                    f.inputs[i] = 1;
                }
            }
        }
        // Siblings sharing a class string.
        let mut class_counts = PairMap::default();
        for i in 0..n {
            let c = attr_index(s, i as u32, Attr::Class);
            if c != NONE && s.nodes[i].tag != Tag::Text {
                *class_counts.entry(s.nodes[i].parent, c, 0) += 1;
            }
        }
        for i in 0..n {
            let c = attr_index(s, i as u32, Attr::Class);
            if c != NONE && s.nodes[i].tag != Tag::Text {
                f.same_class[i] = class_counts.get(s.nodes[i].parent, c).unwrap_or(0);
            }
        }
        // Prose mass per paragraph owner.
        for i in 0..n {
            let c = own_chars[i];
            if c >= MIN_PARAGRAPH_CHARS && (own_link[i] as f32) <= MAX_PARAGRAPH_LINK_DENSITY * c as f32 {
                f.mass[i] = c - own_link[i];
                f.paragraphs[i] = 1;
            }
        }
        // Backward pass: aggregate into parents.
        for i in (0..n).rev() {
            let p = s.nodes[i].parent;
            if s.nodes[i].tag == Tag::Text && f.chars[i] > 0 && !f.silent[i] {
                f.first_text[i] = i as u32;
            }
            if p == NONE {
                continue;
            }
            let (pu, iu) = (p as usize, i);
            f.end[pu] = f.end[pu].max(f.end[iu]);
            macro_rules! add {
                ($($v:ident),*) => { $( f.$v[pu] += f.$v[iu]; )* };
            }
            add!(chars, link_chars, words, links, ad_links, share_links, social_links, retailer_links, topic_links,
                 mass, paragraphs, images, rel_times, email_inputs, inputs, textareas, search_inputs);
            for l in 0..6 {
                f.headings[pu][l] = f.headings[pu][l].saturating_add(f.headings[iu][l]);
            }
            if f.first_text[iu] != NONE {
                f.first_text[pu] = f.first_text[iu];
            }
        }
        // Retailer and call-to-action links: counted after link text is known.
        for i in 0..n {
            let tag = s.nodes[i].tag;
            if (tag == Tag::A || tag == Tag::Button) && f.chars[i] > 0 && f.chars[i] < 40 && !f.silent[i] {
                let t = lower_owned(subtree_text(s, &f, i as u32, 60));
                if CTA_WORDS.prefix_of(&t).is_some() {
                    let mut a = i as u32;
                    while a != NONE {
                        f.cta_links[a as usize] += 1;
                        a = s.nodes[a as usize].parent;
                    }
                }
            }
            if tag == Tag::A && f.links[i] == 1 && f.chars[i] < 60 {
                let t = lower_owned(subtree_text(s, &f, i as u32, 80));
                let priced = text::find_byte(&t, b'$').is_some() || text::contains(&t, "£") || text::contains(&t, "€") || text::contains(&t, "buy") || text::contains(&t, "shop") || text::contains(&t, "check price") || text::contains(&t, "see price");
                if priced && RETAILER_WORDS.iter().any(|r| text::contains(&t, r)) {
                    let mut a = i as u32;
                    while a != NONE {
                        f.retailer_links[a as usize] += 1;
                        a = s.nodes[a as usize].parent;
                    }
                }
            }
        }
        f
    }

    /// The class/id words of element `id` that name a kind, if any.
    pub fn tokens(&self, id: NodeId) -> Option<&Tokens> {
        match self.token_of[id as usize] {
            0 => None,
            k => self.token_sets.get(k as usize - 1),
        }
    }

    /// Link density of the subtree: share of visible text inside links.
    pub fn link_density(&self, id: NodeId) -> f32 {
        let c = self.chars[id as usize];
        if c == 0 { 0.0 } else { self.link_chars[id as usize] as f32 / c as f32 }
    }

    /// True when `a` is `b` or an ancestor of `b`.
    pub fn contains(&self, a: NodeId, b: NodeId) -> bool {
        a <= b && b < self.end[a as usize]
    }

    /// Element children of `id`.
    pub fn children(&self, id: NodeId) -> ChildIter<'_> {
        ChildIter { f: self, next: self.first_child[id as usize] }
    }
}

/// Iterator over a node's children.
pub struct ChildIter<'a> {
    f: &'a Features,
    next: u32,
}

impl Iterator for ChildIter<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let c = self.next;
        self.next = self.f.next_sibling[c as usize];
        Some(c)
    }
}

/// `t`'s words (split at Unicode white space) joined by single spaces.
pub fn collapse_spaces(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    push_collapsed(&mut out, t);
    out
}

/// Appends [`collapse_spaces`] of `t` to `out`.
pub fn push_collapsed(out: &mut String, t: &str) {
    push_words(out, t, usize::MAX, false);
}

/// The visible text of a subtree with collapsed whitespace, cut at about `max` characters.
pub fn subtree_text(s: &Snapshot, f: &Features, id: NodeId, max: usize) -> String {
    let mut out = String::with_capacity(max + 8);
    for i in id..f.end[id as usize] {
        if out.len() >= max {
            break;
        }
        let n = &s.nodes[i as usize];
        if n.tag == Tag::Text && !f.silent[i as usize] {
            if f.chars[i as usize] == 0 {
                continue; // only white space (a page's indentation): no words to add
            }
            // Past `max` the rest is cut off anyway (the `…` only needs the text to be longer).
            let sep = !out.is_empty();
            push_words(&mut out, s.text(i), max, sep);
        } else if n.tag != Tag::Text && n.tag.is_block_level() && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.len() > max {
        let mut cut = max;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
        out.push('…');
    }
    out
}

/// The whole visible text of a subtree with collapsed whitespace (JSON-LD script text included).
pub fn subtree_text_all(s: &Snapshot, f: &Features, id: NodeId) -> String {
    let mut out = String::new();
    let script = s.nodes[id as usize].tag == Tag::Script || s.nodes[id as usize].tag == Tag::Title;
    for i in id..f.end[id as usize] {
        let n = &s.nodes[i as usize];
        // (A shown text without characters is only white space.)
        if n.tag == Tag::Text && (script || !f.silent[i as usize]) && (f.silent[i as usize] || f.chars[i as usize] > 0) {
            let sep = !out.is_empty();
            push_words(&mut out, s.text(i), usize::MAX, sep);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_map_as_a_hash_map() {
        let mut m = PairMap::default();
        let mut h: std::collections::HashMap<(u32, u32), u32> = Default::default();
        assert_eq!(m.get(0, 0), None);
        let mut x = 12345u32;
        for k in 0..5000u32 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let (a, b) = if k % 3 == 0 { (u32::MAX, x % 50) } else { (x % 97, k % 13) };
            *m.entry(a, b, 7) += 1;
            *h.entry((a, b)).or_insert(7) += 1;
        }
        for (&(a, b), &v) in &h {
            assert_eq!(m.get(a, b), Some(v));
        }
        assert_eq!(m.get(98, 0), None);
        assert_eq!(m.len, h.len());
    }

    #[test]
    fn str_map_as_a_hash_map() {
        // Keys with shared prefixes, empty strings, multi-byte text and both flags.
        let words: Vec<String> = (0..400u32).map(|i| format!("{}{}", ["ad", "ad-", "", "réd", "nav"][i as usize % 5], i % 37)).collect();
        let mut m = StrMap::default();
        let mut h: std::collections::HashMap<(&str, &str, bool), u32> = Default::default();
        assert_eq!(m.get(&("ad", "", false)), None);
        let mut x = 12345u32;
        for k in 0..5000u32 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let key = (words[(x >> 8) as usize % words.len()].as_str(), words[k as usize % 7].as_str(), x % 3 == 0);
            *m.entry(key, 7) += 1;
            *h.entry(key).or_insert(7) += 1;
        }
        for (k, &v) in &h {
            assert_eq!(m.get(k), Some(v));
        }
        assert_eq!(m.get(&("ad", "", true)), h.get(&("ad", "", true)).copied());
        assert_eq!(m.get(&("missing", "", false)), None);
        assert_eq!(m.len, h.len());
        let (mut a, mut b): (Vec<u32>, Vec<u32>) = (m.values().collect(), h.values().copied().collect());
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
    }

    #[test]
    fn a_headings_slug_is_a_sentence_and_an_elements_name_is_not() {
        assert!(is_sentence_slug("receive-and-reply-to-an-inbound-message-section"));
        assert!(is_sentence_slug("How_To_Sign_Up_For_The_Newsletter"));
        assert!(!is_sentence_slug("comment-reply-form-wrapper-inner"));
        assert!(!is_sentence_slug("sign-up-for-news"));
    }

    #[test]
    fn tokens_split_and_join() {
        let mut v = Vec::new();
        split_tokens("ad-slot mostRead  sidebar_widget", &mut v);
        assert_eq!(v, ["ad", "slot", "most", "read", "sidebar", "widget"]);
        // A generated name stays whole (split at its capitals it would spell "dfp"); a camel-case name
        // that ends in digits is still split.
        let mut v = Vec::new();
        split_tokens("old-record-id-PFk9dDFpTo0qJgx9vRfc sidebarWidget2024", &mut v);
        assert_eq!(v, ["old", "record", "id", "pfk9ddfpto0qjgx9vrfc", "sidebar", "widget2024"]);
    }

    #[test]
    fn token_classes_never_match_inside_words() {
        let s = crate::html::parse("<div class='header-load'>x</div><div class='ad-slot'></div>", "https://e.com/");
        let ids: Vec<u32> = (0..s.len() as u32).filter(|&i| s.name(i) == "div").collect();
        let t0 = element_tokens(&s, ids[0]).unwrap();
        assert!(t0.hits[Kind::Sponsored as usize].0.is_none());
        assert!(t0.hits[Kind::Navigation as usize].0.is_some());
        let t1 = element_tokens(&s, ids[1]).unwrap();
        assert_eq!(t1.hits[Kind::Sponsored as usize].0.as_deref(), Some("ad"));
    }

    #[test]
    fn byte_scanners_agree_with_std() {
        for t in ["", "  ", "a", " two  words\n", "one two three four five six", "a b\u{a0}c d\u{a9}e  f", "\u{a0}nbsp\u{a0}x\u{2003}em\u{3000}ideo\u{85}nel", "é à\u{2028}ü\u{1680}ogham", "\u{200b}zw\u{feff}bom", "x\u{1c}y"] {
            assert_eq!(collapse_spaces(t), t.split_whitespace().collect::<Vec<_>>().join(" "), "{t:?}");
            for (limit, sep) in (0..24).flat_map(|l| [(l, false), (l, true)]) {
                let mut out = "x".to_string();
                push_words(&mut out, t, limit, sep);
                let mut want = "x".to_string();
                for (k, w) in t.split_whitespace().enumerate() {
                    if want.len() > limit {
                        break;
                    }
                    if sep || k > 0 {
                        want.push(' ');
                    }
                    want.push_str(w);
                }
                assert_eq!(out, want, "{t:?} {limit} {sep}");
            }
            let w = t.split_whitespace().count() as u32;
            let c = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
            assert_eq!(text_measure(t), (c + w.saturating_sub(1), w), "{t:?}");
        }
    }

    #[test]
    fn urls_and_times() {
        assert_eq!(url_host("https://www.Example.com:8080/a", ""), "example.com");
        assert_eq!(url_host("/local", "site.org"), "site.org");
        assert!(is_ad_url("https://trc.taboola.com/x?y"));
        assert!(is_ad_url("//paid.outbrain.com/network/redir?p=1"));
        assert!(!is_ad_url("https://example.com/taboola-story"));
        assert!(is_share_url("https://www.facebook.com/sharer/sharer.php?u=x"));
        assert!(is_topic_url("https://e.com/tag/water-tower/"));
        assert!(is_topic_url("/topics/python"));
        assert!(!is_topic_url("https://e.com/2024/04/story-about-tags/"));
        assert!(!is_topic_url("/tag"));
        assert!(is_relative_time("3 hours ago"));
        assert!(is_relative_time("vor 2 Stunden"));
        assert!(!is_relative_time("Ago is a word in a long sentence that goes on and on for a while"));
    }

    #[test]
    fn text_waiting_for_a_script_is_read_even_when_the_browser_says_not_rendered() {
        let para = "<p>This paragraph of the story was streamed into a hidden container for a script to reveal.</p>";
        let mut s = crate::html::parse(&format!("<body><a href='/'>Home</a><div hidden id=s>{para}{para}{para}</div></body>"), "https://e.com/");
        // What the content script sends for the same page: the container and all inside it not rendered.
        let div = (0..s.len() as u32).find(|&i| s.attr(i, Attr::Id) == Some("s")).unwrap();
        let end = Features::compute(&s).end[div as usize];
        for i in div..end {
            s.nodes[i as usize].hidden = s.nodes[i as usize].tag != Tag::Text;
        }
        let f = Features::compute(&s);
        assert!(f.mass[div as usize] > 200, "the story's prose counts: {}", f.mass[div as usize]);
        // A page whose hidden part is a small extra (a closed menu) keeps the browser's verdict.
        let mut s = crate::html::parse(&format!("<body>{para}{para}{para}<div hidden id=m><p>Menu text</p></div></body>"), "https://e.com/");
        let m = (0..s.len() as u32).find(|&i| s.attr(i, Attr::Id) == Some("m")).unwrap();
        s.nodes[m as usize].hidden = true;
        s.nodes[m as usize + 1].hidden = true;
        assert!(Features::compute(&s).silent[m as usize]);
    }

    #[test]
    fn a_page_kept_in_display_none_for_its_script_is_read_as_shown() {
        let para = "<p>This paragraph of the product's description waits in a container its script will show.</p>";
        let html = format!("<body><header><a href='/'>Home</a><a href='/s'>Shop</a></header><div style='display: none;' id=gate>{para}{para}{para}</div></body>");
        let s = crate::html::parse(&html, "https://e.com/");
        let f = Features::compute(&s);
        let gate = (0..s.len() as u32).find(|&i| s.attr(i, Attr::Id) == Some("gate")).unwrap();
        assert!(!f.silent[gate as usize] && f.mass[gate as usize] > 200, "the gated text counts: {}", f.mass[gate as usize]);
        // A hidden extra beside a shown story stays hidden.
        let html = format!("<body>{para}{para}<div style='display:none' id=gate><p>A closed size chart.</p></div></body>");
        let s = crate::html::parse(&html, "https://e.com/");
        let gate = (0..s.len() as u32).find(|&i| s.attr(i, Attr::Id) == Some("gate")).unwrap();
        assert!(Features::compute(&s).silent[gate as usize]);
    }

    #[test]
    fn a_main_column_kept_in_display_none_for_its_script_is_read_as_shown() {
        // The header's menus and the footer show more text than the gated main column holds.
        let menu: String = (0..60).map(|i| format!("<li><a href='/c{i}'>Category number {i}</a></li>")).collect();
        let para = "<p>This paragraph of the product's description waits in a container its script will show.</p>";
        let page = |main: &str| format!("<body><header><ul>{menu}</ul></header><main>{main}</main><footer><ul>{menu}</ul></footer></body>");
        let html = page(&format!("<div style='display:none'>Access denied</div><div style='display:none' id=gate>{para}{para}{para}{para}{para}{para}{para}{para}{para}{para}{para}{para}</div>"));
        let s = crate::html::parse(&html, "https://e.com/");
        let f = Features::compute(&s);
        let gate = (0..s.len() as u32).find(|&i| s.attr(i, Attr::Id) == Some("gate")).unwrap();
        assert!(!f.silent[gate as usize] && f.mass[gate as usize] > 200, "the gated text counts: {}", f.mass[gate as usize]);
        // A main column that shows its story keeps its closed extras closed.
        let html = page(&format!("{para}{para}{para}<div style='display:none' id=gate>{para}{para}{para}{para}{para}{para}{para}{para}{para}{para}{para}{para}</div>"));
        let s = crate::html::parse(&html, "https://e.com/");
        let gate = (0..s.len() as u32).find(|&i| s.attr(i, Attr::Id) == Some("gate")).unwrap();
        assert!(Features::compute(&s).silent[gate as usize]);
    }

    #[test]
    fn a_collapsed_accordion_panel_is_read_as_shown() {
        let html = "<body><main><p>Courses of the certificate, each described below in its own panel.</p>\
            <button aria-expanded=false aria-controls=m1>Work Team Concepts</button>\
            <div id=m1 role=region style='overflow: hidden; height: 0px; visibility: hidden'><p>Learn how to develop effective teams.</p></div>\
            <div id=m2 role=region hidden><p>Cost management for projects.</p></div>\
            <div id=m3 aria-labelledby=b3 style='display:none'><p>What the data team delivers.</p></div>\
            <div id=t2 role=tabpanel aria-labelledby=tab2 hidden><p>Safari's way to allow notifications.</p></div>\
            <div id=x style='display:none'><p>Not a panel: a closed sign-in box.</p></div></main></body>";
        let s = crate::html::parse(html, "https://e.com/");
        let mut s2 = s.clone();
        let f = Features::compute(&s);
        let by_id = |v: &str| (0..s.len() as u32).find(|&i| s.attr(i, Attr::Id) == Some(v)).unwrap() as usize;
        assert!(!f.silent[by_id("m1")] && f.chars[by_id("m1")] > 30 && !f.silent[by_id("m2")]);
        assert!(!f.silent[by_id("m3")] && f.chars[by_id("m3")] > 20);
        assert!(f.silent[by_id("x")] && f.silent[by_id("t2")]);
        // The browser's "not rendered" verdict on a panel does not hide it either.
        s2.nodes[by_id("m1")].hidden = true;
        assert!(!Features::compute(&s2).silent[by_id("m1")]);
    }

    #[test]
    fn an_answer_folded_under_its_question_is_read_as_shown_in_the_browser_too() {
        let html = "<body><main><p>Answers to what our learners ask most, each under its question.</p>\
            <div class=q>What is an online certificate program?<span class=reveal></span></div>\
            <div id=a1 style='display: none;'><div>An online certificate is non-degree training in one subject.</div>\
            <p id=draft style='display:none'>Draft: check this figure.</p></div>\
            <dt>How long does a course take?</dt><dd id=a2 hidden>Two to three hours of study.</dd>\
            <div class=login>Sign in to your account</div><div id=x style='display:none'>Your session expired, sign in again.</div>\
            <div role=region id=m1 hidden><p id=m1p>Module one: working in teams.</p></div>\
            <div class=accordion-title>Can I pause a course and come back later?</div>\
            <div id=a3 class=accordion-content><p>Yes: your progress is kept for a year.</p></div>\
            <div class=menu-title>Courses</div><div id=y class=menu-content><a href=/a>All courses</a></div>\
            <button>View product details</button><div id=p1 class=details><p>Springy foam for an everyday ride.</p></div>\
            <div><div role=button><h3>Other references</h3></div></div><div id=p2 class=panel><p>Smith J. Breathing. 2019.</p></div>\
            <button>View specifications</button><div id=p3 style='display:none'><p>Weight: 250 grams, mesh upper.</p></div>\
            <div class=login>Sign in</div><div id=z style='display:none'>Your session expired, sign in again.</div></main></body>";
        let mut s = crate::html::parse(html, "https://e.com/");
        let by_id = |s: &Snapshot, v: &str| (0..s.len() as u32).find(|&i| s.attr(i, Attr::Id) == Some(v)).unwrap() as usize;
        let check = |s: &Snapshot| {
            let f = Features::compute(s);
            assert!(!f.silent[by_id(s, "a1")] && f.chars[by_id(s, "a1")] > 40, "the folded answer is read");
            assert!(!f.silent[by_id(s, "a2")] && f.chars[by_id(s, "a2")] > 20, "an answer hidden with the attribute too");
            assert!(f.silent[by_id(s, "draft")], "inside the answer the page's own display:none still hides");
            assert!(f.silent[by_id(s, "x")], "not after a question: hidden");
            assert!(!f.silent[by_id(s, "m1p")] && f.chars[by_id(s, "m1p")] > 20, "an accordion panel's text is read");
            assert!(f.silent[by_id(s, "z")], "after a label that is no button: hidden");
            assert!(!f.silent[by_id(s, "p3")] && f.chars[by_id(s, "p3")] > 20, "a panel folded by its markup after its button is read");
        };
        check(&s);
        // What the content script sends: the folded elements and everything inside them not rendered
        // (a3 and y folded by the page's stylesheet, which only the browser knows).
        let f = Features::compute(&s);
        let folded: Vec<usize> = ["a1", "a2", "x", "m1", "a3", "y", "p1", "p2", "p3", "z"].iter().map(|v| by_id(&s, v)).collect();
        for i in 0..s.len() {
            if s.nodes[i].tag != Tag::Text && folded.iter().any(|&r| f.contains(r as u32, i as u32)) {
                s.nodes[i].hidden = true;
            }
        }
        check(&s);
        let f = Features::compute(&s);
        assert!(!f.silent[by_id(&s, "a3")] && f.chars[by_id(&s, "a3")] > 20, "an answer folded by the stylesheet is read, as natively");
        assert!(f.silent[by_id(&s, "y")], "a menu folded by the stylesheet after a label that asks nothing stays hidden");
        for p in ["p1", "p2"] {
            assert!(!f.silent[by_id(&s, p)] && f.chars[by_id(&s, p)] > 20, "{p}: a panel folded by the stylesheet after its button is read, as natively");
        }
    }

    #[test]
    fn an_iframes_fallback_text_is_not_the_page() {
        // `<iframe …/>` does not close the element: html5ever reads everything after it as the frame's
        // raw text, which a browser never shows (the content script does not enter frames either).
        let para = "<p>This paragraph of the story comes after the tracking frame in the document.</p>";
        let html = format!("<body>{para}<noscript><iframe src='https://t.example/ns' height='0' width='0' /></noscript>{para}{para}</body>");
        let s = crate::html::parse(&html, "https://e.com/");
        let f = Features::compute(&s);
        let frame = (0..s.len() as u32).find(|&i| s.nodes[i as usize].tag == Tag::Iframe).unwrap();
        assert!(f.silent[frame as usize] && f.chars[frame as usize] == 0);
    }

    #[test]
    fn a_streamed_segment_is_read_as_shown() {
        let para = "<p>This paragraph of the story arrives in a streamed segment that the framework moves into place.</p>";
        let html = format!("<body><nav><a href='/'>Home</a><a href='/b'>World</a></nav><template id='B:0'></template><p>Short intro that is visible.</p><div hidden id='S:0'>{para}</div><div hidden id=menu>{para}</div></body>");
        let mut s = crate::html::parse(&html, "https://e.com/");
        for i in 0..s.len() {
            // The browser's verdict on both hidden containers and their contents.
            let a = (0..=i as u32).rev().find(|&j| s.attr(j, Attr::Hidden).is_some() && Features::compute(&s).contains(j, i as u32));
            s.nodes[i].hidden = a.is_some() && s.nodes[i].tag != Tag::Text;
        }
        let f = Features::compute(&s);
        let seg = (0..s.len() as u32).find(|&i| s.attr(i, Attr::Id) == Some("S:0")).unwrap();
        let menu = (0..s.len() as u32).find(|&i| s.attr(i, Attr::Id) == Some("menu")).unwrap();
        assert!(!f.silent[seg as usize] && f.mass[seg as usize] > 50);
        assert!(f.silent[menu as usize], "an ordinary hidden element stays hidden");
    }

    #[test]
    fn mass_counts_prose_not_menus() {
        let s = crate::html::parse(
            "<body><ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li></ul>\
             <div><p>This is a paragraph of real prose that is long enough to count as story text.</p></div></body>",
            "https://e.com/",
        );
        let f = Features::compute(&s);
        let ul = (0..s.len() as u32).find(|&i| s.name(i) == "ul").unwrap();
        let p = (0..s.len() as u32).find(|&i| s.name(i) == "p").unwrap();
        assert_eq!(f.mass[ul as usize], 0);
        assert!(f.mass[p as usize] > 60);
        assert_eq!(f.links[ul as usize], 2);
        assert!(f.link_density(ul) > 0.99);
    }
}
