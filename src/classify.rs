//! Evidence → blocks: each block an element with a kind, a confidence and the reasons, in words a user
//! can read. Three steps: a provisional top-down labelling of boilerplate, the story root found from
//! where the prose is, then the final labelling that respects the story (nothing that holds the story
//! or its headline is hidden; blocks inside the story need stronger evidence).
use crate::prelude::*;

use crate::features::{collapse_spaces, subtree_text, Features, Kind, ANC_ARTICLE, ANC_ASIDE, ANC_FOOTER, ANC_MAIN, ANC_NAV, ANC_SECTION};
use crate::lower::lower_owned;
use crate::math;
use crate::text;
use crate::page::{Attr, NodeId, Snapshot, Tag, NONE};
use crate::rules::*;
pub use crate::reason::{Reason, Why};

/// One classified block.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize))]
pub struct Block {
    /// The block's element.
    pub node: NodeId,
    /// Its kind.
    pub kind: Kind,
    /// How sure we are, 0–1.
    pub confidence: f32,
    /// Why: codes with their numbers and words, worded by [`Reason::text`] natively and by
    /// `src/result.js` in the browser.
    pub reasons: Vec<Reason>,
}

/// The classifier's answer for a page.
#[derive(Clone, Debug, Default)]
pub struct Classification {
    /// Blocks in document order; blocks nest (an ad inside the story is inside the article block).
    pub blocks: Vec<Block>,
    /// The article block's element, when the page has a story.
    pub article: Option<NodeId>,
    /// The story's headline element, when found.
    pub headline: Option<NodeId>,
    /// The page says it is a discussion thread (schema.org `DiscussionForumPosting`, or an address
    /// that names a forum): its replies are the page's content, and the reader view keeps them.
    pub discussion: bool,
}

impl Classification {
    /// The kind of `id`'s nearest block ancestor-or-self, if any.
    pub fn kind_of(&self, s: &Snapshot, id: NodeId) -> Option<Kind> {
        let mut a = id;
        while a != NONE {
            if let Ok(i) = self.blocks.binary_search_by_key(&a, |b| b.node) {
                return Some(self.blocks[i].kind);
            }
            a = s.nodes[a as usize].parent;
        }
        None
    }
}

/// Evidence gathered for one element.
#[derive(Default)]
struct Evidence {
    score: [f32; 6],
    reasons: [Vec<Reason>; 6],
}

impl Evidence {
    fn add(&mut self, k: Kind, w: f32, why: Reason) {
        self.score[k as usize] += w;
        self.reasons[k as usize].push(why);
    }

    fn best(&self) -> (Kind, f32) {
        let mut best = (Kind::Article, 0.0);
        for k in &Kind::ALL[1..] {
            if self.score[*k as usize] > best.1 {
                best = (*k, self.score[*k as usize]);
            }
        }
        best
    }
}

/// Maps evidence points to a confidence in 0.5–1.0: `0.5 + 0.5 * (1 - exp(-(score - 5) /
/// (STRONG_EVIDENCE / 2)))` rounded to hundredths. The curve only rises with the score, so the hundredths
/// are counted off [`CONFIDENCE_STEPS`] instead (the Wasm then carries no `exp`); a test checks the steps
/// against the formula on every `f32` score from 5 to past the last step, and prints fresh ones when
/// the formula changes.
fn confidence(score: f32) -> f32 {
    let k = CONFIDENCE_STEPS.iter().take_while(|&&t| score >= t).count();
    (50 + k) as f32 / 100.0
}

/// The lowest score at which [`confidence`]'s formula reaches each hundredth from 0.51 to 1.00.
const CONFIDENCE_STEPS: [f32; 50] = [
    5.150754, 5.456887, 5.7694, 6.088561, 6.4146605, 6.7480073, 7.0889306, 7.4377832, 7.794944, 8.160815, 8.535834,
    8.920471, 9.315229, 9.720659, 10.137352, 10.565952, 11.00716, 11.461744, 11.9305315, 12.414444, 12.91449, 13.431783,
    13.967553, 14.523172, 15.100166, 15.700247, 16.325336, 16.977612, 17.659548, 18.373972, 19.124128, 19.913782,
    20.74733, 21.629936, 22.567741, 23.568113, 24.639997, 25.794413, 27.045134, 28.409708, 29.910957, 31.57934,
    33.456802, 35.60331, 38.10912, 41.119175, 44.88888, 49.935955, 57.59834, 74.07744,
];

/// True when `t` has more than `max` characters (counting no further than needed).
fn longer_than(t: &str, max: usize) -> bool {
    crate::text::more_chars_than(t, max)
}

/// Normalises a label: lowercase, collapsed spaces, trailing punctuation and counts removed.
fn norm_label(t: &str) -> String {
    let l = lower_owned(collapse_spaces(t));
    let trimmed = l.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || c == '›' || c == '»' || c == '→');
    if trimmed.len() == l.len() {
        l
    } else {
        trimmed.to_string()
    }
}

/// True when `label` is one of `list` or starts with one of them followed by a space or colon.
fn label_matches(label: &str, list: Words) -> Option<&'static str>
where
{
    let l = label.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    let Some(&first) = l.as_bytes().first() else {
        return list.iter().find(|w| w.is_empty());
    };
    // One pass: a whole match wins wherever it is in the list, then an ending, then the first prefix
    // match. Entries that cannot match are skipped on their first byte (no comparison called).
    let mut prefix = None;
    for w in list.iter() {
        if w.as_bytes().first() != Some(&first) {
            continue;
        }
        if l == w {
            return Some(w);
        }
        if prefix.is_none() && w.len() >= 4 && l.starts_with(w) && l[w.len()..].starts_with([' ', ':', '|', '-', '(']) {
            prefix = Some(w);
        }
    }
    // The label's last word(s), after a space.
    let ends = |e: &&str| l.len() > e.len() && l.ends_with(*e) && l.as_bytes()[l.len() - e.len() - 1] == b' ';
    // "More Environment Stories", "More World News": a section's name (up to three words) between
    // "more" and "stories".
    if list.same(RELATED_LABELS) && l.starts_with("more ") {
        let section = |e: &&str| ends(e) && l.len() > 5 + e.len() && l.as_bytes()[5..l.len() - e.len() - 1].iter().filter(|&&b| b == b' ').count() < 3;
        if let Some(e) = RELATED_LABEL_ENDINGS.iter().find(section) {
            return Some(e);
        }
    }
    if list.same(PROMOTION_LABELS) {
        if let Some(e) = PROMOTION_LABEL_ENDINGS.iter().find(ends) {
            return Some(e);
        }
    }
    prefix
}

struct Ctx<'a> {
    s: &'a Snapshot,
    f: &'a Features,
    /// The story root and headline once known (final pass).
    article: Option<NodeId>,
    headline: Option<NodeId>,
    article_mass: u32,
    /// The page has no story and its main list stands in for it: related evidence inside it is
    /// the content itself, not a rail beside it.
    listing: bool,
    /// The page is a discussion thread ([`Classification::discussion`]): its posts, though they read
    /// as comments, are where its story root is looked for.
    thread: bool,
    /// Elements that follow a comments marker among their siblings ([`after_comments_marker`]).
    after_comments: Vec<bool>,
    /// For each element, the label-only sibling right before it ([`label_before`]), or `NONE`.
    label_before: Vec<NodeId>,
    /// Evidence already gathered ([`Ctx::evidence`]): at `2 × element + inside the story`, 1 + its
    /// index in `memo` (0: not yet). The two label passes and the part checks ask again
    /// about a third of the elements.
    memo_at: Vec<u32>,
    /// The evidence gathered so far.
    memo: Vec<Evidence>,
    /// The first node after which the page's shown text passes [`MAX_LABEL_CHARS`] characters: an
    /// element at or before it has next to no text before it ([`Ctx::at_page_top`]).
    page_top_end: NodeId,
    /// Text nodes with a copyright notice ("©", "Copyright", "All rights reserved"), in document order
    /// ([`copyright_notices`]).
    notices: Vec<NodeId>,
    /// The labels read so far ([`Ctx::label`]): at an owner element, 1 + the label's index (`NONE`:
    /// none). Nested wrappers share their label's owner, so each label is read, normalised and
    /// matched against the lists once.
    label_at: Vec<u32>,
    /// Each label's text, and that text normalised ([`norm_label`]).
    label_texts: Vec<String>,
    label_norms: Vec<String>,
    /// What [`label_matches`] answered for label `l` and `LABEL_LISTS[k]`, at `5 × l + k`: 0 not asked
    /// yet, 1 no match, else 2 + the length of the match.
    label_lists: Vec<u32>,
    /// Elements inside the page's `<nav>`s ([`in_menus`]): every search for the story or the listing
    /// leaves them out, and a page is searched up to five times.
    in_menu: Vec<bool>,
    /// Each element's own prose mass as the last story search counted it ([`Ctx::find_article`]:
    /// nothing in provisional blocks, dialogs or menus), to weigh the story as it will be shown.
    story_own: Vec<u32>,
}

/// The label lists of [`Ctx::label_match`], by index: sponsored, comments, related, navigation,
/// promotion.
const LABEL_LISTS: [Words; 5] = [SPONSORED_LABELS, COMMENTS_LABELS, RELATED_LABELS, NAVIGATION_LABELS, PROMOTION_LABELS];

impl<'a> Ctx<'a> {
    fn new(s: &'a Snapshot, f: &'a Features) -> Ctx<'a> {
        let memo_at = vec![0; 2 * s.len()];
        Ctx { s, f, article: None, headline: None, article_mass: 0, listing: false, thread: false, after_comments: after_comments_marker(s, f), label_before: label_before(s, f), memo_at, memo: Vec::new(), page_top_end: page_top_end(s, f), notices: copyright_notices(s, f), label_at: vec![0; s.len()], label_texts: Vec::new(), label_norms: Vec::new(), label_lists: Vec::new(), in_menu: in_menus(s, f, true), story_own: Vec::new() }
    }

    fn inside_article(&self, id: NodeId) -> bool {
        self.article.is_some_and(|a| self.f.contains(a, id) && a != id)
    }

    /// True when one of `bits` ([`crate::features::ANC_ARTICLE`], …) names an ancestor of `id`.
    fn has_ancestor(&self, id: NodeId, bits: u8) -> bool {
        self.f.ancestors[id as usize] & bits != 0
    }

    /// The label an element carries: its aria-label, or its first text when short, with the heading
    /// level of that text (7 when not in a heading), and the label's own element. The label is an index
    /// into `labels` ([`Ctx::label_text`], [`Ctx::label_match`]).
    fn label(&mut self, id: NodeId) -> Option<(u32, usize, NodeId)> {
        let s = self.s;
        let f = self.f;
        if let Some(a) = s.attr(id, Attr::AriaLabel) {
            let l = collapse_spaces(a);
            if !l.is_empty() && !longer_than(&l, MAX_LABEL_CHARS) {
                return Some((self.add_label(l), 0, id));
            }
        }
        let t = f.first_text[id as usize];
        if t == NONE || f.depth[t as usize] > f.depth[id as usize] + MAX_LABEL_DEPTH {
            return None;
        }
        // The label's own element: the text's nearest block-level ancestor inside `id`.
        let mut owner = s.nodes[t as usize].parent;
        let mut level = 7;
        let mut a = owner;
        while a != NONE && a > id {
            let tag = s.nodes[a as usize].tag;
            if tag.is_heading() {
                level = tag as usize - Tag::H1 as usize + 1;
                owner = a;
                break;
            }
            if tag.is_block_level() && f.chars[a as usize] <= MAX_LABEL_CHARS as u32 * 2 {
                owner = a;
            }
            a = s.nodes[a as usize].parent;
        }
        // The text below depends on the owner alone (`t` is the owner's first text).
        match self.label_at[owner as usize] {
            0 => {}
            NONE => return None,
            k => return Some((k - 1, level, owner)),
        }
        let mut text = s.text(t);
        if longer_than(text.trim(), MAX_LABEL_CHARS) {
            // A label that quotes what it is about ("14 thoughts on “The water tower …”"): the words
            // before the quote.
            match crate::text::find(text, "“").or_else(|| crate::text::find(text, "\"")) {
                Some(q) if q > 0 && !longer_than(text[..q].trim(), MAX_LABEL_CHARS) => text = &text[..q],
                _ => {
                    self.label_at[owner as usize] = NONE;
                    return None;
                }
            }
        }
        // The label's block may hold a little more ("Sponsored Articles" + "by Partner").
        let label_text = subtree_text(s, f, owner, 120);
        let raw = if !longer_than(&label_text, MAX_LABEL_CHARS) { label_text.as_str() } else { text };
        let l = self.add_label(collapse_spaces(raw));
        self.label_at[owner as usize] = l + 1;
        Some((l, level, owner))
    }

    /// Keeps a label's text; its index.
    fn add_label(&mut self, text: String) -> u32 {
        self.label_norms.push(norm_label(&text));
        self.label_texts.push(text);
        self.label_lists.extend([0; 5]);
        self.label_texts.len() as u32 - 1
    }

    /// The text of label `l` ([`Ctx::label`]).
    fn label_text(&self, l: u32) -> &str {
        &self.label_texts[l as usize]
    }

    /// The length of [`label_matches`] of label `l`, normalised, against `LABEL_LISTS[list]` (asked
    /// once per label).
    fn label_match(&mut self, l: u32, list: usize) -> Option<usize> {
        let at = 5 * l as usize + list;
        if self.label_lists[at] == 0 {
            let m = label_matches(&self.label_norms[l as usize], LABEL_LISTS[list]);
            self.label_lists[at] = m.map_or(1, |m| 2 + m.len() as u32);
        }
        (self.label_lists[at] as usize).checked_sub(2)
    }

    /// Other headings at the label's level or stronger inside `id` mean the label heads only a part.
    fn label_heads_whole(&self, id: NodeId, level: usize, owner: NodeId) -> bool {
        if level == 0 {
            return true;
        }
        let h = &self.f.headings[id as usize];
        let own = &self.f.headings[owner as usize];
        let upto = level.min(6);
        let others: u32 = (0..upto).map(|l| (h[l] - own[l]) as u32).sum();
        others == 0
    }

    /// Where the evidence for element `id` is in the memo's list. It depends on the element and on
    /// whether it lies inside the story (the only thing that changes between the passes), so each
    /// answer is gathered once.
    fn evidence(&mut self, id: NodeId) -> usize {
        let in_story = self.inside_article(id) || self.has_ancestor(id, ANC_ARTICLE);
        let slot = 2 * id as usize + in_story as usize;
        if self.memo_at[slot] == 0 {
            let ev = self.gather(id, in_story);
            self.memo.push(ev);
            self.memo_at[slot] = self.memo.len() as u32;
        }
        self.memo_at[slot] as usize - 1
    }

    /// True when the ads inside `id` sit beside a paragraph of prose that holds none: going down from
    /// `id` through the one child that holds all its ads, some other child on the way is prose longer
    /// than a label ("Advertisement - scroll to continue" stays with its ad). (An ad
    /// put after a story paragraph, inside that paragraph's wrappers; the card of a native ad keeps its
    /// description inside the card, below the level where its ads part from the page.)
    fn ad_beside_prose(&self, id: NodeId) -> bool {
        let f = self.f;
        let mut at = id;
        loop {
            let mut holder = NONE;
            let mut prose = false;
            for c in f.children(at) {
                if f.ad_links[c as usize] == 0 {
                    prose |= f.mass[c as usize] > MAX_LABEL_CHARS as u32;
                } else if holder == NONE {
                    holder = c;
                } else {
                    return prose;
                }
            }
            if prose || holder == NONE {
                return prose;
            }
            at = holder;
        }
    }

    /// The kind with the most evidence for `id`, its score, and where the evidence is in the memo.
    fn judge(&mut self, id: NodeId) -> (Kind, f32, usize) {
        let at = self.evidence(id);
        let (kind, score) = self.memo[at].best();
        (kind, score, at)
    }

    fn gather(&mut self, id: NodeId, in_story: bool) -> Evidence {
        let s = self.s;
        let f = self.f;
        let i = id as usize;
        let node = &s.nodes[i];
        let tag = node.tag;
        let mut ev = Evidence::default();
        let chars = f.chars[i];
        let links = f.links[i];
        let ld = f.link_density(id);
        // (Read once: each `f.x[i]` after a call is a new load and bounds check in the Wasm.)
        let (mass, paragraphs, inputs, cta) = (f.mass[i], f.paragraphs[i], f.inputs[i], f.cta_links[i]);
        // A box holding nearly all of the page's text is a part of the page: no footer, no plea box.
        let part_of_page = (chars as f32) < MAX_PART_PAGE_SHARE * f.chars[0] as f32;

        // Semantic elements and roles.
        let role = s.attr(id, Attr::Role).unwrap_or("").to_ascii_lowercase();
        match tag {
            Tag::Nav => ev.add(Kind::Navigation, W_NAV_ELEMENT, Reason::new(Why::NavElement)),
            Tag::Header | Tag::Footer if !in_story && !self.has_ancestor(id, ANC_MAIN | ANC_SECTION) => {
                let w = if ld > 0.3 || mass == 0 { W_PAGE_HEADER_FOOTER } else { W_PAGE_HEADER_FOOTER / 2.0 };
                ev.add(Kind::Navigation, w, Reason::new(if tag == Tag::Header { Why::PageHeader } else { Why::PageFooter }));
            }
            Tag::Aside if !in_story => ev.add(Kind::Related, W_ASIDE, Reason::new(Why::Aside)),
            Tag::Form if f.search_inputs[i] > 0 && inputs <= 2 => ev.add(Kind::Navigation, W_SEARCH_FORM, Reason::new(Why::SearchBox)),
            _ => {}
        }
        // A page's footer built of plain boxes: the site's links over its copyright notice ("© 2024 …
        // All rights reserved"). (Not prose: a story may end with its own copyright line, and an old table
        // layout's cell may hold the story, its links and that line. Not the wrapper of nearly the whole
        // page: MAX_PART_PAGE_SHARE.)
        if !matches!(tag, Tag::Footer | Tag::A) && !in_story && links >= MIN_FOOTER_LINKS && ld >= FOOTER_LINK_DENSITY && paragraphs <= 1 && mass < MAX_FOOTER_PROSE_CHARS && part_of_page && self.holds_notice(id) {
            ev.add(Kind::Navigation, W_PAGE_HEADER_FOOTER, Reason::new(Why::CopyrightNotice));
        }
        // "Skip to content": a link to a place on the same page, before the site's chrome.
        if tag == Tag::A && chars > 0 && chars < 60 && s.attr(id, Attr::Href).is_some_and(|h| h.starts_with('#') && h.len() > 1) {
            let text = lower_owned(subtree_text(s, f, id, 60));
            if let Some(o) = SKIP_LINK_OPENINGS.iter().find(|o| text.starts_with(*o)) {
                ev.add(Kind::Navigation, W_NAV_ELEMENT, Reason::words(Why::SkipLink, o));
            }
        }
        match role.as_str() {
            "navigation" | "menubar" | "menu" => ev.add(Kind::Navigation, W_NAV_ELEMENT, Reason::words(Why::Role, &role)),
            "banner" | "contentinfo" if !in_story => ev.add(Kind::Navigation, W_PAGE_HEADER_FOOTER, Reason::words(Why::Role, &role)),
            "search" => ev.add(Kind::Navigation, W_SEARCH_FORM, Reason::words(Why::Role, "search")),
            "complementary" if !in_story => ev.add(Kind::Related, W_ASIDE, Reason::words(Why::Role, "complementary")),
            _ => {}
        }
        let itemtype = s.attr(id, Attr::Itemtype).unwrap_or("");
        if text::contains(itemtype, "BreadcrumbList") {
            ev.add(Kind::Navigation, W_BREADCRUMB, Reason::new(Why::SchemaBreadcrumbs));
        }
        if itemtype.ends_with("/Comment") || s.attr(id, Attr::Itemprop).is_some_and(|p| p == "comment") {
            ev.add(Kind::Comments, W_COMMENT_FORM, Reason::new(Why::SchemaComment));
        }
        if self.after_comments[i] && chars > 0 {
            ev.add(Kind::Comments, W_AFTER_COMMENTS_MARKER, Reason::new(Why::AfterCommentsMarker));
        }

        // Class and id words.
        if let Some(t) = f.tokens(id) {
            for k in &Kind::ALL[1..] {
                let (first, count) = &t.hits[*k as usize];
                if let Some(w) = first {
                    let extra = (*count as f32 - 1.0).clamp(0.0, 2.0) * W_TOKEN_EXTRA;
                    // An ad network's own name ("taboola", "trc", "adsbygoogle") is surer than a word.
                    let specific = match k {
                        Kind::Comments => W_COMMENT_TOKEN_BONUS,
                        Kind::Sponsored if AD_NETWORK_TOKENS.contains(w) => W_NETWORK_TOKEN_BONUS,
                        _ => 0.0,
                    };
                    ev.add(*k, W_TOKEN + extra + specific, Reason::words(Why::ClassWord, w));
                }
            }
            if t.hits[Kind::Comments as usize].0.is_some() && f.same_class[i] >= MIN_REPEATED_COMMENTS {
                ev.add(Kind::Comments, W_REPEATED_COMMENTS, Reason::num(Why::CommentsInRow, f.same_class[i]));
            }
            let art = t.hits[Kind::Article as usize].1 as f32;
            if art > 0.0 && mass > 0 {
                // "article-body" with prose in it is the story, whatever else its names say.
                for k in &Kind::ALL[1..] {
                    ev.score[*k as usize] -= W_TOKEN_EXTRA * art;
                }
            }
        }

        // Ad-network markup.
        let name = s.name(id);
        let id_attr = s.attr(id, Attr::Id).unwrap_or("");
        // (Prefixes compared without case, no lowercase copies: this runs for every candidate block.)
        let starts = |v: &str, p: &str| v.as_bytes().get(..p.len()).is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()));
        let class_attr = s.attr(id, Attr::Class).unwrap_or("");
        let ad_markup = name.starts_with("amp-ad")
            || name == "amp-embed"
            || text::contains(name, "-ad-")
            || name.ends_with("-ad")
            || (tag == Tag::Ins && text::contains(class_attr, "adsbygoogle"))
            || ["div-gpt-ad", "google_ads", "taboola", "outbrain"].iter().any(|p| starts(id_attr, p))
            || s.attrs_of(id).any(|(a, k, _)| {
                a == Attr::Data
                    && (k.eq_ignore_ascii_case("data-ad")
                        || ["data-ad-", "data-google-query-id", "data-adunit", "data-ad_", "data-ob-", "data-taboola", "data-outbrain",
                            "data-revcontent", "data-zergnet", "data-dfp", "data-gpt"]
                            .iter()
                            .any(|p| starts(k, p)))
            });
        // Paragraphs of prose with few links: a story's, or a section of one, whatever its markup says
        // (a site that numbers its sections for the ads it puts between them).
        let prose_led = paragraphs > 1 && mass > 3 * f.link_chars[i];
        if ad_markup && !prose_led {
            ev.add(Kind::Sponsored, W_AD_MARKUP, Reason::new(Why::AdMarkup));
        }
        if ev.score[Kind::Sponsored as usize] > 0.0 && chars <= MAX_LABEL_CHARS as u32 && mass == 0 {
            ev.add(Kind::Sponsored, W_EMPTY_AD_SLOT, Reason::new(Why::EmptyAdSlot));
        }

        // A rail of several headed widgets is not one block: its parts are judged one by one.
        // Previous / next story links (two headed halves, so judged before the rail check below).
        let near_text = f.first_text[i] != NONE && f.depth[f.first_text[i] as usize] <= f.depth[i] + MAX_LABEL_DEPTH;
        // The element's opening words, read once and only when a rule needs them.
        let mut opening: Option<String> = None;
        if (1..=3).contains(&links) && ld > 0.5 && chars < 400 && near_text {
            let start: &str = opening.get_or_insert_with(|| lower_owned(subtree_text(s, f, id, 80)));
            let start = start.trim_start_matches(|c: char| !crate::lower::is_alphanumeric(c) && c != '←' && c != '«');
            let start = start.strip_prefix("post navigation").unwrap_or(start).trim_start();
            if PREV_NEXT_OPENINGS.prefix_of(start).is_some() {
                ev.add(Kind::Related, W_PREV_NEXT, Reason::new(Why::PrevNext));
                return ev;
            }
        }
        // A box headed by its own comments label ("Kommentare (4)") is one widget, whatever its parts.
        let label = self.label(id);
        let comments_box = label.is_some_and(|l| self.labelled_comments(id, l));
        let multi = !comments_box && self.is_multi_widget(id);
        if multi {
            ev.score[Kind::Related as usize] -= W_ASIDE;
            ev.reasons[Kind::Related as usize].retain(|r| !r.mentions_aside());
            return ev;
        }
        // Links.
        let ad = f.ad_links[i];
        // A paragraph of the story with a paid link in a sentence stays story ("buy it at …").
        let prose = matches!(tag, Tag::P | Tag::Li | Tag::Blockquote | Tag::Dd | Tag::Td) && mass > 0 && ld < 0.5 && !ad_markup;
        // One ad among several story paragraphs makes an ad inside the story, not an ad block: in a
        // real chumbox most text is the cards' linked headlines.
        // Nor does an ad set beside a paragraph of the story make its container an ad: inside the
        // story, an element that holds prose is split and its parts are judged one by one.
        let ad_outnumbered = prose_led || (in_story && f.ad_links[i] > 0 && self.ad_beside_prose(id));
        // Most links through ad networks: paid content, however its label or its cards look (LABELS.md:
        // "served by an ad network → sponsored, even if it looks like a story card").
        let ad_widget = ad >= MIN_AD_WIDGET_LINKS && ad * 2 >= links && !prose && !ad_outnumbered;
        if ad > 0 && (links == 0 || ad * 2 >= links) && !prose && !ad_outnumbered {
            let what = if links == 0 { Reason::num(Why::AdFrames, ad) } else { Reason::nums(Why::AdLinks, ad, links) };
            ev.add(Kind::Sponsored, W_AD_LINKS, what);
        }
        if f.retailer_links[i] > 0 && f.retailer_links[i] * 2 >= links.max(1) && mass < 400 {
            ev.add(Kind::Sponsored, W_RETAILER_LINKS, Reason::num(Why::RetailerLinks, f.retailer_links[i]));
        }
        let share = f.share_links[i];
        if share >= 2 && share * 2 >= links && mass == 0 && !self.holds_byline(id) {
            ev.add(Kind::Promotion, W_SHARE_LINKS, Reason::num(Why::ShareLinks, share));
        }
        let social = f.social_links[i];
        // (An app's plug may say what the app does in a line of its own; an author's box with links to
        // their profiles stays story.)
        if social >= 2 && social * 2 >= links && chars < 300 && (mass == 0 || (!prose && paragraphs <= 1 && self.links_to_app_stores(id) >= 2)) {
            ev.add(Kind::Promotion, W_SHARE_LINKS * 0.8, Reason::num(Why::SocialLinks, social));
        }

        // Links to topic and tag pages, and breadcrumb trails ("Home › World › Europe").
        let topics = f.topic_links[i];
        if topics >= 2 && topics * 4 >= links * 3 && ld >= 0.5 && mass == 0 {
            ev.add(Kind::Navigation, W_TOPIC_LINKS, Reason::num(Why::TopicLinks, topics));
        }
        if (2..=7).contains(&links) && ld >= 0.5 && mass == 0 && chars < 200 && self.is_breadcrumb(id) {
            ev.add(Kind::Navigation, W_BREADCRUMB, Reason::new(Why::BreadcrumbTrail));
        }
        // Link lists: menus and teaser lists. (Inside the story, a list of titles that all lead to
        // several other sites is the story's sources or references, not more of this site to read: one
        // other site is likelier the page's own under another address, a page saved or served
        // elsewhere whose absolute links still name its site. Asked only of a would-be teaser list.)
        let avg = f.link_chars[i] as f32 / links.max(1) as f32;
        let list = links >= MIN_LIST_LINKS && ld >= LINK_LIST_DENSITY;
        if list && avg <= MENU_LINK_MAX_AVG_CHARS {
            ev.add(Kind::Navigation, W_MENU_LIST, Reason::nums(Why::MenuList, (ld * 100.0) as u32, links));
        }
        let headlines = list && avg > MENU_LINK_MAX_AVG_CHARS;
        let cards = if links >= 3 && mass < f.chars[i] { self.repeated_cards(id) } else { None };
        if (headlines || cards.is_some()) && !(in_story && self.other_sites(id) == 2) {
            if headlines {
                ev.add(Kind::Related, W_TEASER_LIST, Reason::num(Why::HeadlineLinks, links));
            }
            if let Some(n) = cards {
                ev.add(Kind::Related, W_TEASER_LIST, Reason::num(Why::TeaserCards, n));
            }
        }
        if f.rel_times[i] >= 2 && links >= 2 {
            ev.add(Kind::Related, W_RELATIVE_TIMES, Reason::num(Why::RelativeTimes, f.rel_times[i]));
        }

        // Forms.
        if f.textareas[i] > 0 && inputs <= 6 {
            ev.add(Kind::Comments, W_COMMENT_FORM, Reason::new(Why::CommentForm));
        }
        if f.email_inputs[i] > 0 && inputs <= 3 && f.textareas[i] == 0 && mass < 300 {
            ev.add(Kind::Promotion, W_EMAIL_FORM, Reason::new(Why::EmailForm));
        }

        // Labels and opening phrases. (Not a paragraph's or a list item's own run-in lead, outside any
        // heading: "Menu planning: map out your meals…", "Follow the fuel policy. Rental cars…".)
        let run_in = prose && label.as_ref().is_some_and(|l| l.1 == 7);
        if let Some((label, level, owner)) = label.filter(|_| !run_in) {
            let whole = (comments_box || self.label_heads_whole(id, level, owner)) && (owner != id || level == 0);
            let label_nodes = f.end[owner as usize] - owner;
            let more_than_label = f.end[i] - id > label_nodes + 1 || level == 0;
            // A "Sponsored content" label over a box marks it whatever headlines follow in it (the
            // ad's own headline is a heading too); other labels must head the whole box.
            let small_box = paragraphs <= 2 && chars < MAX_LABELLED_AD_CHARS;
            let sponsored_label = more_than_label && small_box && self.label_match(label, 0).is_some();
            if sponsored_label && !whole {
                ev.add(Kind::Sponsored, W_LABEL, Reason::words(Why::Labelled, self.label_text(label)));
            } else if whole && more_than_label {
                let mut best: Option<(Kind, f32, usize)> = None;
                // (In the order of LABEL_LISTS.)
                for (list, (k, w)) in [
                    (Kind::Sponsored, W_LABEL),
                    (Kind::Comments, W_LABEL),
                    (Kind::Related, W_LABEL),
                    (Kind::Navigation, W_LABEL),
                    (Kind::Promotion, W_LABEL * 0.8),
                ]
                .into_iter()
                .enumerate()
                {
                    if let Some(m) = self.label_match(label, list) {
                        if best.is_none_or(|b| m > b.2) {
                            best = Some((k, w, m));
                        }
                    }
                }
                // Paragraphs of prose, with no more links than paragraphs, under a heading that reads
                // like a menu's ("Explore new ingredients") are a section of a text: no menu is
                // prose. (A plug, a box of teasers with summaries, a thread of comments or a paid
                // post can be, and keeps its label.)
                let text_section = prose_led && links <= paragraphs;
                if let Some((k, w, _)) = best.filter(|b| !(b.0 == Kind::Navigation && text_section)) {
                    ev.add(k, w, Reason::words(Why::Labelled, self.label_text(label)));
                }
            }
        }
        // A grid of cards each labelled as paid ("Sponsored" on every card, no heading over them) is one
        // paid box, as a grid under one "Sponsored" heading is.
        if links >= 2 && ev.score[Kind::Sponsored as usize] < BLOCK_THRESHOLD {
            if let Some(l) = self.paid_cards_label(id) {
                ev.add(Kind::Sponsored, W_LABEL, Reason::words(Why::Labelled, self.label_text(l)));
            }
        }
        // A widget headed by a sibling that is only its title ("Latest News" in one box, the teasers
        // in the next): the title names the widget.
        // (Not the story's own prose after an ad slot's "Advertisement" label: paragraphs with a few
        // links in them are no widget.)
        let before = self.label_before[i];
        if before != NONE && links >= MIN_HEADED_SIBLING_LINKS && paragraphs != 1 && !prose_led {
            let norm = norm_label(&subtree_text(s, f, before, 60));
            if label_matches(&norm, SPONSORED_LABELS).is_some() {
                ev.add(Kind::Sponsored, W_LABEL, Reason::words(Why::UnderHeading, &norm));
            } else if label_matches(&norm, RELATED_LABELS).is_some() {
                ev.add(Kind::Related, W_LABEL, Reason::words(Why::UnderHeading, &norm));
            }
        }
        // Calls to action: "Subscribe", "Donate", "Sign up" buttons in a small box.
        // (A paragraph of prose that names a store in a sentence is not a button box.)
        if cta > 0 && chars < 600 && mass < 400 && cta * 2 >= links && !prose {
            ev.add(Kind::Promotion, W_CTA_LINKS, Reason::num(Why::CtaLinks, cta));
        }
        if chars > 0 && chars < 600 {
            let t = f.first_text[i];
            if t != NONE && f.depth[t as usize] <= f.depth[i] + MAX_LABEL_DEPTH {
                let start: &str = opening.get_or_insert_with(|| lower_owned(subtree_text(s, f, id, 80)));
                if let Some(p) = PROMOTION_PHRASES.prefix_of(start) {
                    ev.add(Kind::Promotion, W_PHRASE, Reason::words(Why::Starts, p));
                }
            }
        }
        // A small box that asks something of the reader ("Download our app", "cancel anytime",
        // "turn off your ad blocker", "we value your privacy") and offers a button or a form.
        let asks = cta > 0 || inputs > 0 || s.nodes[i].tag == Tag::Dialog || role == "dialog" || role == "alertdialog";
        // A paragraph of prose (its text its own, not in child blocks) is story, whatever it mentions.
        let own_prose = mass > 0 && f.children(id).all(|c| f.mass[c as usize] == 0);
        let headed = f.headings[i].iter().any(|&h| h > 0);
        let boxed = !matches!(tag, Tag::P | Tag::Li | Tag::Td | Tag::Blockquote | Tag::Span | Tag::A) && paragraphs <= 3 && !own_prose;
        // A paywall breaker with its plans and prices runs longer: three pleas in its first lines make
        // a plea of a box up to MAX_PAYWALL_CHARS.
        // A short plug of prose with a plain link ("Follow our WhatsApp channel … Join") needs three plea
        // words (a footer's "Cookies · Privacy" links are links, not prose).
        let plain_link_plug = links >= 1 && chars < MAX_PLAIN_PLUG_CHARS && ld < 0.5;
        // A menu's entries ("Cookies", "Individual Subscriptions" among a footer's links) are not pleas.
        let menu = links >= MIN_PLEA_MENU_LINKS && ld >= 0.5 && inputs == 0;
        if chars > 0 && chars < MAX_PAYWALL_CHARS && part_of_page && boxed && !menu && (asks || headed || plain_link_plug) && ev.score[Kind::Promotion as usize] < BLOCK_THRESHOLD {
            let text = lower_owned(subtree_text(s, f, id, 240));
            // (Sixty words searched in one text: most are ruled out by its byte pairs.)
            let searched = crate::text::Searched::new(&text);
            let hits: Vec<&str> = PLEA_WORDS.iter().filter(|w| searched.contains(w)).collect();
            let need = if !(asks || headed) || chars >= 900 { MIN_PAYWALL_PLEAS } else { 2 };
            if hits.len() >= need || (hits.len() == 1 && asks && chars < 900) {
                // Each plea beyond two is more evidence (a paywall names subscribers, log-in and alerts).
                let extra = hits.len().saturating_sub(2).min(MAX_EXTRA_PLEAS) as f32 * W_PLEA_EXTRA;
                ev.add(Kind::Promotion, W_PHRASE + extra, Reason::words(Why::AsksReader, &crate::text::join(&hits, "\n")));
            }
        }
        if chars > 0 && chars < 600 {
            let t = f.first_text[i];
            if t != NONE && f.depth[t as usize] <= f.depth[i] + MAX_LABEL_DEPTH {
                let start: &str = opening.get_or_insert_with(|| lower_owned(subtree_text(s, f, id, 80)));
                if chars < 300 && links >= 1 && !tag.is_heading() {
                    if let Some(o) = READ_MORE_OPENINGS.prefix_of(start) {
                        let opening_chars = crate::text::char_count(o) as u32;
                        if f.link_chars[i] * 2 >= chars.saturating_sub(opening_chars) {
                            ev.add(Kind::Related, W_READ_MORE_LINE, Reason::words(Why::ReadMoreLine, &o[..o.len() - o.bytes().rev().take_while(|&b| b == b':').count()]));
                        }
                    }
                }
            }
        }
        // Prose is story evidence: boilerplate rarely holds several long low-link paragraphs.
        if paragraphs >= 3 && ld < 0.2 && ev.score[Kind::Comments as usize] == 0.0 {
            let w = (paragraphs as f32).min(10.0);
            for k in [Kind::Related, Kind::Promotion, Kind::Navigation] {
                ev.score[k as usize] -= w;
            }
        }
        // A "You may like" label or teaser-card shape over ad-network links does not make them related.
        if ad_widget {
            let paid = ev.score[Kind::Sponsored as usize];
            let related = &mut ev.score[Kind::Related as usize];
            *related = related.min(paid - 1.0);
        }
        ev
    }

    /// True when the text outside the links of `id` is only separators ("›", ">", "/"): a trail of
    /// short links such as "Home › World › Europe".
    fn is_breadcrumb(&self, id: NodeId) -> bool {
        let s = self.s;
        let f = self.f;
        let mut separators = 0;
        for j in id..f.end[id as usize] {
            let n = &s.nodes[j as usize];
            if n.tag != Tag::Text || f.silent[j as usize] {
                continue;
            }
            let t = s.text(j).trim();
            if t.is_empty() {
                continue;
            }
            if f.in_link[j as usize] {
                if longer_than(t, 30) {
                    return false;
                }
            } else if t.chars().all(|c| BREADCRUMB_SEPARATORS.contains(&c) || c.is_whitespace()) {
                separators += 1;
            } else {
                return false;
            }
        }
        separators >= 1
    }

    /// True when `id` holds two or more widgets with headings of their own that are not cards of one
    /// list (a sidebar with "Newsletter", "Most read" and an ad).
    fn is_multi_widget(&self, id: NodeId) -> bool {
        let s = self.s;
        let f = self.f;
        let mut host = id;
        for _ in 0..3 {
            let kids = || f.children(host).filter(|&c| s.nodes[c as usize].tag != Tag::Text && f.end[c as usize] > c);
            let content = || kids().filter(|&c| f.chars[c as usize] > 0 || f.images[c as usize] > 0);
            if kids().nth(2).is_none() {
                let mut c = content();
                if let (Some(only), None) = (c.next(), c.next()) {
                    host = only;
                    continue;
                }
            }
            let headed = content().filter(|&c| !s.nodes[c as usize].tag.is_heading() && f.chars[c as usize] > MAX_LABEL_CHARS as u32).filter(|&c| f.headings[c as usize].iter().any(|&h| h > 0) || {
                let t = f.first_text[c as usize];
                t != NONE && !longer_than(s.text(t).trim(), MAX_LABEL_CHARS) && f.chars[c as usize] > 2 * crate::text::char_count(s.text(t).trim()) as u32
            }).count();
            if headed < 2 {
                return false;
            }
            return self.repeated_cards(host).is_none();
        }
        false
    }

    /// True when `id`'s own label, heading the whole box, names comments ("Comments", "3 Kommentare").
    /// Other headings as strong may head parts of the thread if they name comments too ("Leave a Reply"
    /// over the form).
    fn labelled_comments(&mut self, id: NodeId, (label, level, owner): (u32, usize, NodeId)) -> bool {
        let s = self.s;
        let f = self.f;
        if level == 0 || owner == id || self.label_match(label, 1).is_none() {
            return false;
        }
        for j in (id..f.end[id as usize]).filter(|&j| j != owner && s.nodes[j as usize].tag.is_heading()) {
            let l = s.nodes[j as usize].tag as usize - Tag::H1 as usize + 1;
            if !(l > level || self.label(j).is_some_and(|(t, _, _)| self.label_match(t, 1).is_some())) {
                return false;
            }
        }
        true
    }

    /// Number of repeated child "cards" (same tag and class, each with a link), if ≥ 3.
    fn repeated_cards(&self, id: NodeId) -> Option<u32> {
        let s = self.s;
        let f = self.f;
        // Keyed as the token cache is (a `StrMap`): the class and the tag.
        let mut sigs = crate::features::StrMap::default();
        let mut host = id;
        // Look through a single wrapper child (ul > li cards inside a div).
        for _ in 0..2 {
            let kids = element_children(s, f, host);
            if kids.len() == 1 {
                host = kids[0];
            } else {
                break;
            }
        }
        for c in f.children(host) {
            let n = &s.nodes[c as usize];
            if n.tag == Tag::Text || f.links[c as usize] == 0 {
                continue;
            }
            *sigs.entry((s.attr(c, Attr::Class).unwrap_or(""), n.tag.key(), false), 0) += 1;
        }
        let best = sigs.values().max().unwrap_or(0);
        (best >= 3).then_some(best)
    }

    /// True when `id` is repeated cards ([`Ctx::repeated_cards`]), or its one child with links is (the
    /// list under the box's heading).
    fn cards_under_heading(&self, id: NodeId) -> bool {
        let f = self.f;
        if self.repeated_cards(id).is_some() {
            return true;
        }
        let mut linked = element_children(self.s, f, id).into_iter().filter(|&c| f.links[c as usize] > 0);
        match (linked.next(), linked.next()) {
            (Some(c), None) => f.links[c as usize] == f.links[id as usize] && self.repeated_cards(c).is_some(),
            _ => false,
        }
    }

    /// Top-down labelling: the first element (outermost) whose evidence passes becomes a block.
    fn label_pass(&mut self, root: NodeId, out: &mut Vec<Block>) {
        let s = self.s;
        let f = self.f;
        let mut i = root;
        let end = f.end[root as usize];
        while i < end {
            let n = &s.nodes[i as usize];
            if n.tag == Tag::Text || f.silent[i as usize] || matches!(n.tag, Tag::Html | Tag::Body | Tag::Head) {
                i += 1;
                continue;
            }
            if Some(i) == self.article {
                i += 1;
                continue;
            }
            let holds_story = self.article.is_some_and(|a| f.contains(i, a)) || self.headline.is_some_and(|h| f.contains(i, h));
            if holds_story {
                i += 1;
                continue;
            }
            // Inline elements of a prose paragraph (a link or a bold word in a sentence) belong to the
            // sentence: never a block of their own.
            if !n.tag.is_block_level() {
                let mut o = n.parent;
                let mut steps = 0;
                while o != NONE && !s.nodes[o as usize].tag.is_block_level() && steps < MAX_LABEL_DEPTH {
                    o = s.nodes[o as usize].parent;
                    steps += 1;
                }
                // (Not an inline element that holds blocks, as a `<span>` left open around the rest of
                // a story with its boxes does in an old table layout.)
                let holds_blocks = || (i + 1..f.end[i as usize]).any(|j| s.nodes[j as usize].tag.is_block_level());
                if o != NONE && f.mass[o as usize] > 0 && f.paragraphs[o as usize] == 1 && f.link_density(o) < 0.5 && !holds_blocks() {
                    i = f.end[i as usize];
                    continue;
                }
            }
            let inside = self.inside_article(i);
            let heavy = inside && self.article_mass > 0 && f.mass[i as usize] as f32 > MAX_ARTICLE_MASS_IN_BLOCK * self.article_mass as f32;
            let (kind, score, at) = self.judge(i);
            // Inside a page's listing, teaser lists are its content; a box headed by its own related
            // label ("More in South Asia news", "Related articles") still is not: a short story taken
            // for a listing keeps its related box apart (L3S-GN1).
            if inside && self.listing && kind == Kind::Related && !self.memo[at].reasons[kind as usize].iter().any(|r| r.why == Why::Labelled) {
                i += 1;
                continue;
            }
            // A list whose entries hold over MIN_POST_CHARS_PER_LINK characters a link prints whole
            // posts (a blog's or a newsletter's index showing each issue in full), not teasers of them:
            // the page's own text, never hidden as related (unless it names itself so).
            if kind == Kind::Related
                && f.links[i as usize] >= MIN_POST_LIST_LINKS
                && f.chars[i as usize] >= MIN_POST_CHARS_PER_LINK * f.links[i as usize]
                && !self.memo[at].reasons[kind as usize].iter().any(|r| r.why == Why::Labelled)
            {
                i += 1;
                continue;
            }
            // A run of link lists that share a parent inside the story is what the page lists (an
            // index of languages, laureates or papers under its headline), not its menus.
            if inside && kind == Kind::Navigation && score < W_MENU_LIST + W_TOKEN_EXTRA && self.in_list_run(i) {
                i = f.end[i as usize];
                continue;
            }
            // A comment thread may outweigh the post it follows, and so may a box of teaser cards with
            // their excerpts that names itself related (a blog's related posts inside its entry) or
            // sponsored ("Promoted Links" over the advertisers' cards, in the story's column); nothing
            // else that heavy inside the story is taken out of it.
            let threshold = if inside { IN_ARTICLE_THRESHOLD } else { BLOCK_THRESHOLD };
            let named_teasers = heavy
                && matches!(kind, Kind::Related | Kind::Sponsored)
                && score >= threshold
                && self.memo[at].reasons[kind as usize].iter().any(|r| matches!(r.why, Why::ClassWord | Why::Labelled))
                && self.cards_under_heading(i)
                && (f.mass[i as usize] as f32) < MAX_TEASER_SHARE_OF_STORY * self.article_mass as f32;
            if heavy && !named_teasers && !(kind == Kind::Comments && score >= BLOCK_THRESHOLD && !self.comments_by_form_only(i, score)) {
                i += 1;
                continue;
            }
            // (Share buttons drawn as icons have no text and no link, and are seen all the same.)
            let empty = f.chars[i as usize] == 0 && f.images[i as usize] == 0 && f.links[i as usize] == 0 && f.ad_links[i as usize] == 0 && f.share_links[i as usize] == 0 && kind != Kind::Sponsored;
            if score >= threshold && !empty && self.part_disagrees(i, kind, threshold) {
                i += 1;
                continue;
            }
            if score >= threshold && !empty {
                let mut reasons = self.memo[at].reasons[kind as usize].clone();
                reasons.dedup();
                let node = self.climb(i);
                out.push(Block { node, kind, confidence: confidence(score), reasons });
                i = f.end[i as usize];
            } else {
                i += 1;
            }
        }
    }

    /// True when `id` is one of at least [`MIN_LIST_RUN`] link lists side by side under one parent, or holds such a run, with
    /// no page header, footer, `<nav>` or `<aside>` around them.
    fn in_list_run(&self, id: NodeId) -> bool {
        let s = self.s;
        let f = self.f;
        if self.has_ancestor(id, crate::features::ANC_NAV | crate::features::ANC_FOOTER | crate::features::ANC_ASIDE) {
            return false;
        }
        let p = s.nodes[id as usize].parent;
        if p == NONE {
            return false;
        }
        let is_list = |c: NodeId| {
            let c = c as usize;
            f.links[c] >= MIN_LIST_LINKS && f.link_density(c as NodeId) >= LINK_LIST_DENSITY && f.mass[c] == 0
        };
        // The run itself, or one of its lists.
        is_list(id) && (f.children(id).filter(|&c| is_list(c)).count() >= MIN_LIST_RUN || f.children(p).filter(|&c| is_list(c)).count() >= MIN_LIST_RUN)
    }

    /// True when `id` holds the story's byline (schema.org `author`, `rel=author`, a "byline" class):
    /// a header row that prints the author and date beside two share icons is the byline, not a plug
    /// (Readability's nytimes-4).
    fn holds_byline(&self, id: NodeId) -> bool {
        let s = self.s;
        (id..self.f.end[id as usize]).any(|j| {
            s.nodes[j as usize].tag != Tag::Text
                && (s.attr(j, Attr::Itemprop).is_some_and(|p| p.split_ascii_whitespace().any(|w| w == "author"))
                    || s.attr(j, Attr::Rel).is_some_and(|r| r.split_ascii_whitespace().any(|w| w.eq_ignore_ascii_case("author")))
                    || s.attr(j, Attr::Class).is_some_and(|c| c.split_ascii_whitespace().any(|w| w.eq_ignore_ascii_case("byline"))))
        })
    }

    /// True when `id` is taken for comments only because a reply box sits somewhere inside it: a
    /// container of the story and its comment form (L3S-GN1's table layouts), not a thread. Such a
    /// block never outweighs the story.
    fn comments_by_form_only(&self, id: NodeId, score: f32) -> bool {
        let i = id as usize;
        self.f.textareas[i] > 0 && self.f.inputs[i] <= 6 && score - W_COMMENT_FORM < BLOCK_THRESHOLD
    }

    /// True when a sizeable part of `id` (a child holding over [`MIN_PART_SHARE`] of its text) is on its
    /// own a block of another kind (a part of a sponsored box that is itself sponsored enough and whose links
    /// all leave the site does not count): then `id` is a column of
    /// different widgets (an ad above a "Most popular" list), and its parts are judged one by one.
    fn part_disagrees(&mut self, id: NodeId, kind: Kind, threshold: f32) -> bool {
        let s = self.s;
        let f = self.f;
        let total = f.chars[id as usize].max(1) as f32;
        // The page's header (its element, its role, or the bar at the top of a page without either).
        let page_header = kind == Kind::Navigation
            && ((s.nodes[id as usize].tag == Tag::Header && !self.has_ancestor(id, ANC_MAIN | ANC_SECTION | ANC_ARTICLE))
                || s.attr(id, Attr::Role).is_some_and(|r| r.eq_ignore_ascii_case("banner"))
                || self.at_page_top(id));
        // A box under its own "Sponsored" label: its teaser cards are the paid content, however much
        // they look like the site's own (a part with a label of its own, "Most read", still splits it).
        // (The box's own reasons, read once for the three exceptions below.)
        let (labelled, read_more_line) = {
            let at = self.evidence(id);
            let own = &self.memo[at].reasons[kind as usize];
            (own.iter().any(|r| r.why == Why::Labelled), own.iter().any(|r| r.why == Why::ReadMoreLine))
        };
        let paid_by_label = kind == Kind::Sponsored && labelled;
        // A box that opens with its own "See also:" line: a list in it that is a menu only by its short
        // links (empty links between the stories make them short on average) is its list of stories,
        // not a menu of its own. (Not a box under a label: a site's menu boxes carry labels too.)
        let named_related = kind == Kind::Related && read_more_line;
        // A rail that is related by its place and its teasers alone (an `<aside>`, "3 hours ago"), with no
        // label of its own: a part under a label of its own of another kind ("Watch live" over the
        // rail's "Trending now" list) is a widget of its own, however little text it holds, when another
        // part is the rail's list on its own.
        let unlabelled_rail = kind == Kind::Related && !labelled;
        let mut host = id;
        // Look through wrappers with a single child.
        loop {
            let kids = element_children(s, f, host);
            if kids.len() == 1 && f.chars[kids[0] as usize] == f.chars[host as usize] {
                host = kids[0];
                continue;
            }
            return kids.iter().any(|&c| {
                let small = f.chars[c as usize] as f32 <= MIN_PART_SHARE * total;
                // (Not a heading, and not one of the rail's cards: a card that shares its tag and
                // class with a sibling, a "Sponsor content" card among the site's teasers.)
                let card = || kids.iter().any(|&o| o != c && s.nodes[o as usize].tag == s.nodes[c as usize].tag && s.attr(o, Attr::Class) == s.attr(c, Attr::Class));
                if small && !(unlabelled_rail && !s.nodes[c as usize].tag.is_heading() && !card()) {
                    return false;
                }
                let (k, sc, at) = self.judge(c);
                if small && !self.memo[at].reasons[k as usize].iter().any(|r| r.why == Why::Labelled) {
                    return false;
                }
                // The page's header is its chrome as a whole: a "Subscribe" button beside the logo does
                // not make it two widgets.
                if k == Kind::Promotion && page_header {
                    return false;
                }
                if paid_by_label && k == Kind::Related && !self.memo[at].reasons[k as usize].iter().any(|r| matches!(r.why, Why::Labelled | Why::UnderHeading)) {
                    return false;
                }
                if named_related && k == Kind::Navigation && self.memo[at].reasons[k as usize].iter().all(|r| r.why == Why::MenuList) {
                    return false;
                }
                // (A small part splits the rail only beside a part that is the rail's kind on its own.)
                k != kind
                    && sc >= threshold
                    && !(kind == Kind::Sponsored && self.memo[at].score[kind as usize] >= threshold && self.other_sites(c) > 0)
                    && (!small || kids.iter().any(|&o| o != c && { let (ko, so, _) = self.judge(o); ko == kind && so >= threshold }))
            });
        }
    }

    /// The label of the first of `id`'s cards when it has two or more children that show something and
    /// each carries a sponsored label of its own.
    fn paid_cards_label(&mut self, id: NodeId) -> Option<u32> {
        let f = self.f;
        let mut first = None;
        let mut cards = 0;
        for c in f.children(id) {
            if self.s.nodes[c as usize].tag == Tag::Text || (f.chars[c as usize] == 0 && f.images[c as usize] == 0) {
                continue;
            }
            let l = self.label(c)?.0;
            self.label_match(l, 0)?;
            first.get_or_insert(l);
            cards += 1;
        }
        first.filter(|_| cards >= MIN_PAID_CARDS)
    }

    /// True when a copyright notice's text lies inside `id`.
    fn holds_notice(&self, id: NodeId) -> bool {
        let at = self.notices.partition_point(|&t| t < id);
        self.notices.get(at).is_some_and(|&t| t < self.f.end[id as usize])
    }

    /// True when next to no text comes before `id` in the page (a skip link, a logo's name): the bar
    /// at the top of a page without a `<header>` element.
    fn at_page_top(&self, id: NodeId) -> bool {
        id <= self.page_top_end
    }

    /// The host of each link in `id` (lowercase, `www.` removed; relative links have the page's host).
    fn link_hosts(&self, id: NodeId) -> impl Iterator<Item = String> + '_ {
        let (s, f) = (self.s, self.f);
        (id..f.end[id as usize])
            .filter(move |&j| s.nodes[j as usize].tag == Tag::A)
            .filter_map(move |j| s.attr(j, Attr::Href))
            .map(move |h| crate::features::url_host(&h.to_ascii_lowercase(), &f.host))
    }

    /// Links in `id` to an app store's page.
    fn links_to_app_stores(&self, id: NodeId) -> usize {
        self.link_hosts(id).filter(|host| APP_STORE_HOSTS.iter().any(|a| host == a)).count()
    }

    /// How many sites other than the page's own the links in `id` lead to: 0 when one of them leads to
    /// the page's group of sites (its host, a host above or below it, "edition.cnn.com" and "cnn.com",
    /// or a sister host under the same registered name, "sport.bbc.co.uk" and "news.bbc.co.uk") or there
    /// is no link, else 1 for one other site and 2 for several.
    fn other_sites(&self, id: NodeId) -> u8 {
        let mut first: Option<String> = None;
        let mut several = false;
        for host in self.link_hosts(id) {
            if same_site_group(&host, &self.f.host) {
                return 0;
            }
            match &first {
                None => first = Some(host),
                Some(h) => several |= !same_site_group(h, &host),
            }
        }
        if several { 2 } else { first.is_some() as u8 }
    }

    /// A block's element grows to its parent while the parent adds only a label (a heading such as
    /// "Recent Posts") or empty wrappers: the block is the whole widget, not just its list.
    fn climb(&self, mut i: NodeId) -> NodeId {
        let s = self.s;
        let f = self.f;
        loop {
            let p = s.nodes[i as usize].parent;
            if p == NONE || matches!(s.nodes[p as usize].tag, Tag::Html | Tag::Body | Tag::Main | Tag::Article) || Some(p) == self.article {
                return i;
            }
            if self.article.is_some_and(|a| f.contains(p, a)) || self.headline.is_some_and(|h| f.contains(p, h)) {
                return i;
            }
            let (pu, iu) = (p as usize, i as usize);
            let extra_chars = f.chars[pu] - f.chars[iu];
            let extra_links = f.links[pu] - f.links[iu];
            let extra_mass = f.mass[pu] - f.mass[iu];
            let siblings_with_content = f
                .children(p)
                .filter(|&c| c != i && s.nodes[c as usize].tag != Tag::Text)
                .filter(|&c| f.chars[c as usize] > 0 || f.images[c as usize] > 0)
                .count();
            // Over a list of links, the label may be a heading that links to its section ("World News"
            // over that section's teasers).
            let heading_link = extra_links == 1 && f.links[iu] >= MIN_HEADED_SIBLING_LINKS && f.headings[pu].iter().sum::<u16>() > f.headings[iu].iter().sum::<u16>();
            if extra_chars as usize <= MAX_LABEL_CHARS && (extra_links == 0 || heading_link) && extra_mass == 0 && siblings_with_content <= 1 && f.images[pu] == f.images[iu] {
                i = p;
            } else {
                return i;
            }
        }
    }

    /// The story root: the deepest element that holds [`ARTICLE_MASS_SHARE`] of the prose mass that lies
    /// outside provisional boilerplate blocks.
    fn find_article(&mut self, provisional: &[Block]) -> Option<(NodeId, u32)> {
        let s = self.s;
        let f = self.f;
        let n = s.len();
        if n == 0 {
            return None;
        }
        // Mass outside provisional blocks (comments, menus, rails).
        let mut excluded = vec![false; n];
        let page_mass: u32 = (0..n).filter(|&j| s.nodes[j].parent == NONE).map(|j| f.mass[j]).sum();
        for b in provisional {
            // On a thread's page the posts are the story, however much they read as comments.
            if self.thread && b.kind == Kind::Comments {
                continue;
            }
            // A provisional block holding most of the page's prose is more likely the story under a
            // misleading name than boilerplate (comment threads excepted: they can outweigh a post).
            let holds_h1 = (b.node..f.end[b.node as usize]).any(|j| s.nodes[j as usize].tag == Tag::H1 && !f.silent[j as usize]);
            // (The evidence is read again only for the rare comments block that heavy.)
            let heavy = f.mass[b.node as usize] as f32 > 0.5 * page_mass as f32;
            let form_only = !holds_h1 && heavy && b.kind == Kind::Comments && {
                let score = self.judge(b.node).1;
                self.comments_by_form_only(b.node, score)
            };
            // …but not one in the page's `<nav>` or `<footer>`: that is a mega-menu whose items are
            // paragraphs, or the policy dialogs a shop keeps in its footer until a link opens them
            // (WCXB product and collection pages), never the story, whatever it holds.
            let in_chrome = matches!(s.nodes[b.node as usize].tag, Tag::Nav | Tag::Footer) || self.has_ancestor(b.node, ANC_NAV | ANC_FOOTER);
            if !in_chrome && (holds_h1 || (heavy && b.kind != Kind::Comments) || form_only) {
                if form_only {
                    self.exclude_threads(b.node, &mut excluded);
                }
                continue;
            }
            excluded[b.node as usize..f.end[b.node as usize] as usize].fill(true);
        }
        // Nor is the story in a dialog: the modals a page keeps closed until a link opens them (a
        // shop's refund policy, size charts, a quick view, a sign-in box; CSS hides them, html5ever
        // cannot tell) and the ones that open over the page on load. The reader still keeps one that
        // lies inside the story.
        let mut j = 0;
        while j < n {
            if is_dialog(s, j as NodeId) {
                excluded[j..f.end[j] as usize].fill(true);
                j = f.end[j] as usize;
            } else {
                j += 1;
            }
        }
        // (Nor in the page's `<nav>`: a mega-menu's blurbs are prose to the eye, never the story.)
        let in_menu = &self.in_menu;
        // Recompute aggregated mass from paragraph owners only.
        let mut own = vec![0u32; n];
        for j in 0..n {
            // Own mass = mass minus children's mass.
            let mut m = f.mass[j];
            for c in f.children(j as u32) {
                m -= f.mass[c as usize].min(m);
            }
            own[j] = if excluded[j] || in_menu[j] { 0 } else { m };
        }
        self.story_own.clone_from(&own);
        self.find_root(own, MIN_ARTICLE_CHARS)
    }

    /// Inside a container taken for comments only by its reply form (which may hold the story too),
    /// the parts that are comments without the form (named or labelled so, no reply box of their
    /// own) are the thread, never the story, however short the story beside them (L3S-GN1, a daily's
    /// five-paragraph story and its readers' longer comments in one column with the form).
    fn exclude_threads(&mut self, container: NodeId, excluded: &mut [bool]) {
        let f = self.f;
        let mut j = container + 1;
        while j < f.end[container as usize] {
            let ju = j as usize;
            if self.s.nodes[ju].tag == Tag::Text || f.silent[ju] || f.chars[ju] == 0 {
                j += 1;
                continue;
            }
            let (kind, score, _) = self.judge(j);
            if kind == Kind::Comments && score >= BLOCK_THRESHOLD && f.textareas[ju] == 0 {
                excluded[ju..f.end[ju] as usize].fill(true);
                j = f.end[ju];
            } else {
                j += 1;
            }
        }
    }

    /// The main text of a page without a story (a section front, a product grid, a list of posts):
    /// the deepest element holding most of the visible text outside menus, ads, plugs and comments.
    /// With `lists_count`, link lists that are menus only by their link density (no `<nav>`, header,
    /// footer, role, class word or label) count as text: see [`classify`].
    fn find_listing(&self, provisional: &[Block], lists_count: bool) -> Option<(NodeId, u32)> {
        let s = self.s;
        let f = self.f;
        let n = s.len();
        let mut own = vec![0u32; n];
        // (Not in the page's `<nav>`, as in `find_article`.)
        let in_menu = &self.in_menu;
        for (j, node) in s.nodes.iter().enumerate() {
            if node.tag == Tag::Text && !f.silent[j] && !in_menu[j] {
                own[j] = f.chars[j];
            }
        }
        for b in provisional.iter().filter(|b| b.kind != Kind::Related && !(lists_count && is_link_list_only(b)) && !(self.thread && b.kind == Kind::Comments)) {
            for j in b.node..f.end[b.node as usize] {
                own[j as usize] = 0;
            }
        }
        // (Nor in a dialog: see `find_article`.)
        for j in 0..n {
            if is_dialog(s, j as NodeId) {
                own[j..f.end[j] as usize].fill(0);
            }
        }
        self.find_root(own, MIN_ARTICLE_CHARS)
    }

    /// Aggregates per-node weights up the tree and descends from the heaviest root into the child
    /// holding [`ARTICLE_MASS_SHARE`] of the total, as long as one does.
    fn find_root(&self, own: Vec<u32>, min_total: u32) -> Option<(NodeId, u32)> {
        let s = self.s;
        let f = self.f;
        let n = s.len();
        let mut mass = own;
        for j in (1..n).rev() {
            let p = s.nodes[j].parent;
            if p != NONE {
                mass[p as usize] += mass[j];
            }
        }
        // The roots' mass, and the root with the most (the last of equals).
        let (mut total, mut best) = (0u32, None);
        for j in 0..n {
            if s.nodes[j].parent == NONE {
                total += mass[j];
                if best.is_none_or(|b: usize| mass[j] >= mass[b]) {
                    best = Some(j);
                }
            }
        }
        if total < min_total {
            return None;
        }
        let need = (total as f32 * ARTICLE_MASS_SHARE) as u32;
        // Descend from the root with the most mass into the child holding enough of it.
        let mut cur = best? as u32;
        loop {
            let next = f.children(cur).find(|&c| mass[c as usize] >= need);
            match next {
                Some(c) => cur = c,
                None => break,
            }
        }
        // Never a paragraph itself: a story is a container of paragraphs.
        while matches!(s.nodes[cur as usize].tag, Tag::P | Tag::Span | Tag::A | Tag::B | Tag::Em | Tag::Strong | Tag::Font | Tag::I) {
            let p = s.nodes[cur as usize].parent;
            if p == NONE {
                break;
            }
            cur = p;
        }
        Some((cur, mass[cur as usize]))
    }

    /// The story's root grown to take in its headline when that sits just above it (the smallest box
    /// holding both, unless that adds too much), and the headline.
    fn climb_to_headline(&self, root: NodeId) -> (NodeId, Option<NodeId>) {
        let (s, f) = (self.s, self.f);
        let headline = self.find_headline(root);
        if let Some(h) = headline {
            let lca = if f.contains(root, h) { NONE } else { common_ancestor(s, f, root, h) };
            // (No common ancestor when the snapshot is a forest: a broken wire, never a page.)
            if lca != NONE {
                let grown = f.chars[lca as usize].saturating_sub(f.chars[root as usize]) as f32;
                let tag = s.nodes[lca as usize].tag;
                // The page's own `<article>` around the headline and the body may add more (an intro
                // in sections of its own before the longest one).
                let max_growth = if matches!(tag, Tag::Article | Tag::Main) { ARTICLE_CLIMB_MAX_GROWTH } else { HEADLINE_CLIMB_MAX_GROWTH };
                if !matches!(tag, Tag::Html | Tag::Body) && grown <= max_growth * f.chars[root as usize] as f32 {
                    return (lca, headline);
                }
            }
        }
        (root, headline)
    }

    /// The story's headline: an h1 inside the root, else the last h1 before it that is not in a menu.
    fn find_headline(&self, root: NodeId) -> Option<NodeId> {
        let s = self.s;
        let f = self.f;
        let h1s: Vec<NodeId> = (0..s.len() as u32)
            .filter(|&j| s.nodes[j as usize].tag == Tag::H1 && !f.silent[j as usize] && f.chars[j as usize] >= 10)
            .collect();
        // The first prose paragraph of the story: a headline comes before it (an h1 further down is
        // part of an embedded widget or a teaser).
        let first_para = (root..f.end[root as usize])
            .find(|&j| f.paragraphs[j as usize] == 1 && f.children(j).all(|c| f.paragraphs[c as usize] == 0))
            .unwrap_or(root);
        if let Some(&h) = h1s.iter().find(|&&h| f.contains(root, h) && h < first_para) {
            return Some(h);
        }
        h1s.iter()
            .rev()
            .find(|&&h| h < root && !self.has_ancestor(h, ANC_NAV | ANC_FOOTER) && f.links[h as usize] == 0)
            .copied()
            .or_else(|| {
                // Some sites put the headline after a hero image that follows the body's start.
                h1s.iter().find(|&&h| !self.has_ancestor(h, ANC_NAV | ANC_FOOTER | ANC_ASIDE) && f.links[h as usize] == 0).copied()
            })
    }
}

/// A comments marker: an empty anchor named for the comments (`<a name="comments">`, the target of
/// "N comments" links) or a short heading that says only "Comments" (no links in it).
/// A `<dialog>` or an element with the dialog roles.
fn is_dialog(s: &Snapshot, id: NodeId) -> bool {
    s.nodes[id as usize].tag == Tag::Dialog || s.attr(id, Attr::Role).is_some_and(|r| r.eq_ignore_ascii_case("dialog") || r.eq_ignore_ascii_case("alertdialog"))
}

/// A block that is navigation only because most of its text is short links (`Why::MenuList`): no
/// `<nav>`, header or footer, role, class word or label says so.
pub fn is_link_list_only(b: &Block) -> bool {
    b.kind == Kind::Navigation && !b.reasons.is_empty() && b.reasons.iter().all(|r| r.why == Why::MenuList)
}

fn is_comments_marker(s: &Snapshot, f: &Features, id: NodeId) -> bool {
    let i = id as usize;
    if f.chars[i] == 0 {
        return [Attr::Name, Attr::Id].iter().any(|&a| s.attr(id, a).is_some_and(|v| COMMENTS_ANCHORS.iter().any(|w| w.eq_ignore_ascii_case(v))));
    }
    // (Fewer shown characters than the shortest marker label has letters cannot spell one: most short
    // elements are passed over without their text.)
    f.chars[i] <= 40 && f.chars[i] >= MIN_MARKER_LABEL_LETTERS && f.links[i] == 0 && {
        let l = norm_label(&crate::features::subtree_text_all(s, f, id));
        let l = l.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
        COMMENTS_MARKER_LABELS.contains(l)
    }
}

/// Every element that has children.
fn parents<'a>(s: &'a Snapshot, f: &'a Features) -> impl Iterator<Item = NodeId> + 'a {
    (0..s.len() as u32).filter(move |&p| s.nodes[p as usize].tag != Tag::Text && f.first_child[p as usize] != NONE)
}

/// The element children of `p` that are rendered.
fn shown_children<'a>(s: &'a Snapshot, f: &'a Features, p: NodeId) -> impl Iterator<Item = NodeId> + 'a {
    f.children(p).filter(move |&c| s.nodes[c as usize].tag != Tag::Text && !f.silent[c as usize])
}

/// For every element, whether an earlier sibling is a comments marker and at least
/// [`MIN_COMMENTS_AFTER_MARKER`] siblings with text follow that marker: pages that print their
/// comments as a flat run of paragraphs after `<a name="comments">` (L3S-GN1's 2008 news sites).
/// A comment is the reader's own words: a sibling whose text is more than [`MAX_COMMENT_LINK_SHARE`]
/// links is not one (a menu's entries under a "Comments" section heading) unless it repeats the class
/// of a sibling (a thread's entries that are a title link and a name).
fn after_comments_marker(s: &Snapshot, f: &Features) -> Vec<bool> {
    let mut out = vec![false; s.len()];
    for p in parents(s, f) {
        let mut marker = false;
        let mut run = Vec::new();
        for c in shown_children(s, f, p) {
            let cu = c as usize;
            if !marker {
                marker = is_comments_marker(s, f, c);
            } else if f.chars[cu] > 0 && (f.link_chars[cu] as f32 <= MAX_COMMENT_LINK_SHARE * f.chars[cu] as f32 || f.same_class[cu] >= 2) {
                run.push(c);
            }
        }
        if run.len() >= MIN_COMMENTS_AFTER_MARKER {
            for c in run {
                out[c as usize] = true;
            }
        }
    }
    out
}

/// For each element, its previous element sibling when that sibling is only a title: some text, at most
/// [`MAX_LABEL_CHARS`] of it, no prose and at most one link. `NONE` otherwise.
/// The node whose text takes the page's shown text past [`MAX_LABEL_CHARS`] characters (the last node
/// when it never does).
/// The shown text nodes that hold a copyright notice, in document order: the line a site's footer
/// ends with.
fn copyright_notices(s: &Snapshot, f: &Features) -> Vec<NodeId> {
    let mut out = Vec::new();
    for j in 0..s.len() as NodeId {
        if s.nodes[j as usize].tag == Tag::Text && !f.silent[j as usize] && COPYRIGHT_MARKS.iter().any(|m| crate::text::contains(s.text(j), m)) {
            out.push(j);
        }
    }
    out
}

/// The element children of `host` (its text nodes left out).
fn element_children(s: &Snapshot, f: &Features, host: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    for c in f.children(host) {
        if s.nodes[c as usize].tag != Tag::Text {
            out.push(c);
        }
    }
    out
}

fn page_top_end(s: &Snapshot, f: &Features) -> NodeId {
    let mut before = 0;
    for j in 0..s.len() as NodeId {
        if s.nodes[j as usize].tag == Tag::Text && !f.silent[j as usize] {
            before += crate::text::char_count(s.text(j).trim());
            if before > MAX_LABEL_CHARS {
                return j;
            }
        }
    }
    (s.len() as NodeId).saturating_sub(1)
}

fn label_before(s: &Snapshot, f: &Features) -> Vec<NodeId> {
    let mut out = vec![NONE; s.len()];
    for p in parents(s, f) {
        let mut prev = NONE;
        for c in shown_children(s, f, p) {
            let cu = c as usize;
            if f.chars[cu] == 0 && f.images[cu] == 0 {
                continue;
            }
            out[cu] = prev;
            let title = f.chars[cu] > 0 && f.chars[cu] as usize <= MAX_LABEL_CHARS && f.mass[cu] == 0 && f.links[cu] <= 1 && f.images[cu] == 0;
            prev = if title { c } else { NONE };
        }
    }
    out
}

/// True when the page marks itself up as a forum thread: schema.org `DiscussionForumPosting` in an
/// `itemtype` or a JSON-LD block (61 of WCXB's 113 forum pages, none of its other 1,384).
fn is_discussion_page(s: &Snapshot, f: &Features) -> bool {
    marked_up_as(s, f, DISCUSSION_TYPE)
}

/// True when the page's address names a forum: a label of its host or a whole segment of its path is
/// one of [`FORUM_ADDRESS_WORDS`] (`forum.example.com/…`, `/threads/…`, `/viewtopic.php?…`, forum
/// software's own addresses: 59 of WCXB's 100 tune forum pages, none of its other 1,251). Such a page
/// is a thread like one marked up as one. A word inside a segment (`/a-2024-discussion-of-…`, a
/// story's slug) does not count.
fn address_names_a_forum(url: &str) -> bool {
    // (With `text`'s searches: a `&str` or `char` pattern brings the standard searchers back, 1.2 KB.)
    let rest = text::split_once(url, "://").map_or(url, |x| x.1);
    let rest = text::before_either(rest, b'?', b'#');
    let (host, path) = text::find_byte(rest, b'/').map_or((rest, ""), |i| (&rest[..i], &rest[i + 1..]));
    let named = |w: &str| FORUM_ADDRESS_WORDS.iter().any(|f| w.eq_ignore_ascii_case(f));
    text::split_byte(host, b'.').any(named) || text::split_byte(path, b'/').any(|seg| named(seg.strip_suffix(".php").unwrap_or(seg)))
}

/// True when the address the page states as its own (`<link rel=canonical>`, `og:url`) names a forum
/// ([`address_names_a_forum`]): a page saved to disk or served from elsewhere (the benchmark serves
/// every page from 127.0.0.1) is still the thread its address says it is.
fn states_a_forum_address(s: &Snapshot) -> bool {
    // (The first address stated, read once: one call of the address test.)
    let stated = (0..s.len() as u32).find_map(|i| match s.nodes[i as usize].tag {
        Tag::Link if s.attr(i, Attr::Rel) == Some("canonical") => s.attr(i, Attr::Href),
        Tag::Meta if s.attr(i, Attr::Property) == Some("og:url") => s.attr(i, Attr::Content),
        _ => None,
    });
    stated.is_some_and(|u| address_names_a_forum(u))
}

/// True when `schema_type` is in the page's JSON-LD or in an element's `itemtype`.
pub fn marked_up_as(s: &Snapshot, f: &Features, schema_type: &str) -> bool {
    (0..s.len() as u32).any(|i| {
        let n = &s.nodes[i as usize];
        match n.tag {
            Tag::Script => s.attr(i, Attr::Type).is_some_and(|t| text::contains(t, "ld+json")) && f.children(i).any(|c| s.nodes[c as usize].tag == Tag::Text && text::contains(s.text(c), schema_type)),
            Tag::Text => false,
            _ => s.attr(i, Attr::Itemtype).is_some_and(|t| text::contains(t, schema_type)),
        }
    })
}

/// On a discussion page the story root grows to take in the thread's posts (found as comments) as
/// long as it gains little else: at most [`HEADLINE_CLIMB_MAX_GROWTH`] of its own text, or
/// [`MAX_LABEL_CHARS`] × 4 characters, besides the posts.
fn widen_to_thread(s: &Snapshot, f: &Features, root: NodeId, provisional: &[Block]) -> NodeId {
    let posts: Vec<NodeId> = provisional.iter().filter(|b| b.kind == Kind::Comments && f.mass[b.node as usize] > 0 && !f.contains(root, b.node)).map(|b| b.node).collect();
    let mut best = root;
    for &p in &posts {
        let lca = common_ancestor(s, f, best, p);
        if lca == NONE || matches!(s.nodes[lca as usize].tag, Tag::Html | Tag::Body) {
            continue;
        }
        let post_chars: u32 = posts.iter().filter(|&&q| f.contains(lca, q)).map(|&q| f.chars[q as usize]).sum();
        let other = f.chars[lca as usize].saturating_sub(post_chars + f.chars[root as usize]) as f32;
        if other <= (HEADLINE_CLIMB_MAX_GROWTH * f.chars[root as usize] as f32).max(4.0 * MAX_LABEL_CHARS as f32) {
            best = lca;
        }
    }
    best
}

/// A story root that is one part of several cut the same way is the whole: when the root, or a
/// wrapper of it that adds less than [`SIBLING_PARTS_WRAPPER_MASS`] of prose (up to four levels up),
/// shares its class with siblings whose prose is at least [`SIBLING_PARTS_MIN_SHARE`] of its own, the
/// story is their parent (a thread's posts or a Q&A page's question and answer side by side, where the
/// longest post held 60 % of the prose; a guide's or a service page's sections of one class).
fn widen_to_sibling_parts(s: &Snapshot, f: &Features, root: NodeId) -> NodeId {
    let mut a = root;
    for _ in 0..4 {
        let p = s.nodes[a as usize].parent;
        if p == NONE || matches!(s.nodes[p as usize].tag, Tag::Html | Tag::Body) {
            break;
        }
        if f.same_class[a as usize] >= 2 {
            if let Some(cls) = s.attr(a, Attr::Class).filter(|c| !c.is_empty()) {
                let others: u32 = f.children(p).filter(|&c| c != a && s.attr(c, Attr::Class) == Some(cls)).map(|c| f.mass[c as usize]).sum();
                if others as f32 >= SIBLING_PARTS_MIN_SHARE * f.mass[a as usize] as f32 {
                    return p;
                }
            }
        }
        if f.mass[p as usize] >= f.mass[a as usize] + SIBLING_PARTS_WRAPPER_MASS {
            break;
        }
        a = p;
    }
    root
}

/// Sorts blocks into document order, stably. The list comes nearly sorted (the article block first,
/// then each pass's blocks in order but for a block climbed to an ancestor of earlier ones): an
/// insertion sort, which also spares the Wasm a sort instantiation (docs/benchmarks.md).
fn sort_by_node(out: &mut [Block]) {
    for j in 1..out.len() {
        let mut k = j;
        while k > 0 && out[k - 1].node > out[k].node {
            out.swap(k - 1, k);
            k -= 1;
        }
    }
}

/// Lowest common ancestor of two nodes.
fn common_ancestor(s: &Snapshot, f: &Features, a: NodeId, b: NodeId) -> NodeId {
    let mut x = a;
    while x != NONE && !f.contains(x, b) {
        x = s.nodes[x as usize].parent;
    }
    x
}

/// Why an element is or is not a block: its evidence per kind with reasons, and the guards that
/// apply to it (inside the story, holding the story, too much prose). For `blockwise classify --explain`.
#[cfg(not(target_arch = "wasm32"))]
pub fn explain(s: &Snapshot, f: &Features, c: &Classification, id: NodeId) -> Vec<String> {
    let mut ctx = Ctx { article: c.article, headline: c.headline, article_mass: c.article.map_or(0, |a| f.mass[a as usize]), ..Ctx::new(s, f) };
    let at = ctx.evidence(id);
    let ev = &ctx.memo[at];
    let mut out = vec![format!(
        "inside story: {}; holds story or headline: {}; prose chars: {} of the story's {}; multi-widget rail: {}",
        ctx.inside_article(id),
        c.article.is_some_and(|a| f.contains(id, a)) || c.headline.is_some_and(|h| f.contains(id, h)),
        f.mass[id as usize],
        ctx.article_mass,
        ctx.is_multi_widget(id)
    )];
    for k in &Kind::ALL[1..] {
        let sc = ev.score[*k as usize];
        if sc != 0.0 || !ev.reasons[*k as usize].is_empty() {
            out.push(format!("{:<10} {:>5.1}  {}", k.as_str(), sc, crate::reason::joined(&ev.reasons[*k as usize], "; ")));
        }
    }
    out
}

/// Classifies every block of a page.
pub fn classify(s: &Snapshot, f: &Features) -> Classification {
    let mut ctx = Ctx::new(s, f);
    let roots: Vec<NodeId> = (0..s.len() as u32).filter(|&j| s.nodes[j as usize].parent == NONE).collect();
    let mut provisional = Vec::new();
    for &r in &roots {
        ctx.label_pass(r, &mut provisional);
    }
    let discussion = is_discussion_page(s, f) || address_names_a_forum(&s.url) || states_a_forum_address(s);
    ctx.thread = discussion;
    let mut found = ctx.find_article(&provisional).or_else(|| ctx.find_article(&[]));
    if found.is_none() {
        ctx.in_menu = in_menus(s, f, false);
        found = ctx.find_article(&provisional).or_else(|| ctx.find_article(&[]));
    }
    // A weak story (a short intro, an SEO blurb, a cookie notice) beside a much larger body of text
    // that is not inside it is not the page's point: the page is a listing (job boards, product grids,
    // section fronts; WCXB listing and collection pages).
    // (On a page marked up as one article ([`ONE_SUBJECT_TYPES`]) a short text is that article,
    // however large the list of other stories beside it: the page is about the one story.)
    // (A story whose headline heads the box just before it, the two side by side in one parent, is
    // weighed with that box, as it will be shown: a product page's description tab after the box of
    // its title, price and summary is one story, not a weak one for the related products beside it
    // to replace. A headline further up is weighed as before.)
    // (The climb is kept for the story below when no listing replaces it: worked out once.)
    let climbed = found.map(|(a, _)| (a, ctx.climb_to_headline(a)));
    let shown_mass = found.zip(climbed).map(|((a, mass), (_, (root, _)))| {
        if root != s.nodes[a as usize].parent { mass } else { ctx.story_own[root as usize..f.end[root as usize] as usize].iter().sum() }
    });
    let weak = shown_mass.is_none_or(|mass| mass < WEAK_STORY_MASS) && !(found.is_some() && ONE_SUBJECT_TYPES.iter().any(|t| marked_up_as(s, f, t)));
    let listing = if weak { ctx.find_listing(&provisional, false) } else { None };
    if let (Some((a, story_mass)), Some((l, _))) = (found, listing) {
        // (Not a column of headline lists beside a short story of real prose: a listing holds some
        // prose of its own, a summary or a blurb per entry.)
        let headlines_beside_story = story_mass >= MIN_STORY_OVER_HEADLINES_MASS && f.mass[l as usize] * HEADLINES_UNDER_STORY_PROSE < story_mass;
        if !f.contains(a, l) && !headlines_beside_story && f.chars[l as usize] as f32 >= LISTING_OVER_WEAK_STORY * f.chars[a as usize] as f32 {
            found = None;
        }
    }
    if found.is_none() {
        found = listing;
        // A page with no story and nothing outside its menus lists links (a bestseller chart, a table
        // of the newest submissions): its link lists that are menus only by their density are read
        // as its listing; the page's `<nav>`, header and footer still are not (WCXB 3013, 2922).
        if found.is_none() {
            found = ctx.find_listing(&provisional, true);
        }
        ctx.listing = found.is_some();
    }
    // A weak story, or a listing of little text, beside link lists that hold several times its text
    // elsewhere on the page (not around it, not inside it): a shop's grid of products, each a name
    // link and a price, taken for a menu by its link density, beside a newsletter box or a one-line
    // blurb. Those lists are what the page lists (WCXB collection pages).
    if weak {
        if let Some((a, _)) = found {
            if let Some((l, lm)) = ctx.find_listing(&provisional, true) {
                if !f.contains(a, l) && !f.contains(l, a) && f.chars[l as usize] as f32 >= LINK_LISTING_OVER_WEAK_STORY * f.chars[a as usize] as f32 {
                    found = Some((l, lm));
                    ctx.listing = true;
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut article = None;
    let mut headline = None;
    if let Some((root, mass)) = found {
        let (mut root, h) = match climbed {
            Some((a, up)) if a == root => up,
            _ => ctx.climb_to_headline(root),
        };
        headline = h;
        if !ctx.listing {
            root = widen_to_sibling_parts(s, f, root);
        }
        if discussion {
            root = widen_to_thread(s, f, root, &provisional);
        }
        ctx.article = Some(root);
        ctx.headline = headline;
        ctx.article_mass = mass;
        article = Some(root);
        let share = mass as f32 / f.mass.iter().zip(&s.nodes).filter(|(_, n)| n.parent == NONE).map(|(m, _)| *m).sum::<u32>().max(1) as f32;
        let mut reasons = if ctx.listing {
            vec![Reason::num(Why::ListingContent, f.words[root as usize])]
        } else {
            vec![Reason::nums(Why::StoryProse, f.paragraphs[root as usize], f.words[root as usize])]
        };
        if share < 1.0 {
            reasons.push(Reason::num(Why::ProseShare, math::round(share.min(1.0) * 100.0) as u32));
        }
        if s.nodes[root as usize].tag == Tag::Article || s.attr(root, Attr::Itemprop).is_some_and(|p| text::contains(p, "articleBody")) {
            reasons.push(Reason::new(Why::MarkedUpArticle));
        }
        out.push(Block { node: root, kind: Kind::Article, confidence: confidence(10.0 + 20.0 * share.min(1.0)), reasons });
    }
    for &r in &roots {
        ctx.label_pass(r, &mut out);
    }
    // A "story" whose text is mostly its own boxes of teasers is a page of teasers (a section front,
    // a blog's index, a shop's category: each entry's summary read as prose): those lists are what
    // the page offers, and hiding them as related would hide the page. It is read as a listing.
    if let Some(root) = article {
        let (share, own_mass) = teaser_share(f, root, &out[1..]);
        if !ctx.listing && share >= LISTING_TEASER_SHARE && own_mass < MAX_TEASER_PAGE_OWN_MASS {
            ctx.listing = true;
            out.truncate(1);
            out[0].reasons[0] = Reason::num(Why::ListingContent, f.words[root as usize]);
            for &r in &roots {
                ctx.label_pass(r, &mut out);
            }
        }
    }
    sort_by_node(&mut out);
    Classification { blocks: out, article, headline, discussion }
}

/// The nodes inside a `<nav>` of the page, one holding less than [`MAX_PART_PAGE_SHARE`] of the page's
/// text (a `<nav>` around nearly all of it is a wrapper, not a menu).
fn in_menus(s: &Snapshot, f: &Features, footers: bool) -> Vec<bool> {
    let mut out = vec![false; s.len()];
    let page: u32 = (0..s.len()).filter(|&j| s.nodes[j].parent == NONE).map(|j| f.chars[j]).sum();
    let mut j = 0;
    while j < s.len() {
        if (s.nodes[j].tag == Tag::Nav || (footers && s.nodes[j].tag == Tag::Footer)) && (f.chars[j] as f32) < MAX_PART_PAGE_SHARE * page as f32 {
            out[j..f.end[j] as usize].fill(true);
            j = f.end[j] as usize;
        } else {
            j += 1;
        }
    }
    out
}

/// The share of the story root's text, once its blocks of other kinds are taken out, that lies in
/// its `related` blocks (`blocks`: those of the label pass, outermost first in document order), and
/// the root's prose mass outside them.
fn teaser_share(f: &Features, root: NodeId, blocks: &[Block]) -> (f32, u32) {
    let (mut related, mut related_mass, mut other, mut last_end) = (0u32, 0u32, 0u32, 0u32);
    for b in blocks.iter().filter(|b| b.node != root && f.contains(root, b.node)) {
        if b.node < last_end {
            continue;
        }
        last_end = f.end[b.node as usize];
        if b.kind == Kind::Related {
            related += f.chars[b.node as usize];
            related_mass += f.mass[b.node as usize];
        } else {
            other += f.chars[b.node as usize];
        }
    }
    (related as f32 / f.chars[root as usize].saturating_sub(other).max(1) as f32, f.mass[root as usize].saturating_sub(related_mass))
}

/// Classifies content added to a page after it was cleaned (a late widget, with the chain of its
/// ancestors): the page's story was found in the first pass and lies elsewhere, so nothing here is
/// taken for it; each element is judged as one outside the story.
pub fn classify_fragment(s: &Snapshot, f: &Features) -> Classification {
    let mut ctx = Ctx::new(s, f);
    let mut out = Vec::new();
    for r in (0..s.len() as u32).filter(|&j| s.nodes[j as usize].parent == NONE) {
        ctx.label_pass(r, &mut out);
    }
    sort_by_node(&mut out);
    Classification { blocks: out, article: None, headline: None, discussion: false }
}

/// True when two hosts (lowercase, `www.` removed) belong to one site: equal, one under the other, or
/// sharing their registered name (the last two labels, or three under a short second-level label
/// such as `co.uk` or `com.au`).
fn same_site_group(a: &str, b: &str) -> bool {
    // The registered name: the last two labels, or three when the second-level one is short
    // ("co", "com", "org" are not a name).
    fn name(h: &str) -> &str {
        let last = text::rfind_byte(h, b'.');
        let prev = last.and_then(|l| text::rfind_byte(&h[..l], b'.'));
        let cut = match (last, prev) {
            (Some(l), Some(p)) if l - p - 1 <= 3 => text::rfind_byte(&h[..p], b'.'),
            (_, p) => p,
        };
        cut.map_or(h, |k| &h[k + 1..])
    }
    let under = |x: &str, y: &str| x.len() > y.len() && x.ends_with(y) && x.as_bytes()[x.len() - y.len() - 1] == b'.';
    a == b || under(a, b) || under(b, a) || (!a.is_empty() && name(a) == name(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> (Snapshot, Classification) {
        let s = crate::html::parse(html, "https://news.example.com/story");
        let f = Features::compute(&s);
        let c = classify(&s, &f);
        (s, c)
    }

    /// Asserts that `node` itself is a block of `kind` (not only inside one).
    fn assert_block(c: &Classification, node: NodeId, kind: Kind) {
        assert!(c.blocks.iter().any(|b| b.node == node && b.kind == kind), "{:?}", c.blocks);
    }

    fn by_id(s: &Snapshot, id: &str) -> NodeId {
        (0..s.len() as u32).find(|&i| s.attr(i, Attr::Id) == Some(id)).unwrap()
    }

    /// One table row per item, its cells written by `cells` from the item's index and text.
    fn table_rows(items: &[&str], cells: impl Fn(usize, &str) -> String) -> String {
        items.iter().enumerate().map(|(k, t)| format!("<tr>{}</tr>", cells(k, t))).collect()
    }

    const PARA: &str = "<p>The council voted on Tuesday to approve the new transit plan, which officials said would add bus routes and extend service hours across the eastern districts of the city.</p>";

    #[test]
    fn labels_and_links_make_blocks() {
        let html = format!(
            "<body><nav id=n><a href=/>Home</a><a href=/w>World</a><a href=/s>Sport</a><a href=/b>Business</a></nav>\
             <div id=story><h1>Council approves transit plan after long debate</h1>{p}{p}{p}{p}\
             <div id=x1><span>Advertisement</span><iframe src='https://tpc.googlesyndication.com/x'></iframe></div>{p}{p}</div>\
             <div id=spons><h2>Sponsored Articles</h2><a href='https://trc.taboola.com/1'>Ten tricks</a><a href='https://trc.taboola.com/2'>Doctors hate</a></div>\
             <footer id=f><a href=/about>About</a><a href=/c>Contact</a><a href=/t>Terms</a><a href=/p>Privacy</a></footer></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "n")), Some(Kind::Navigation));
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
        assert_eq!(c.kind_of(&s, by_id(&s, "x1")), Some(Kind::Sponsored));
        assert_eq!(c.kind_of(&s, by_id(&s, "spons")), Some(Kind::Sponsored));
        assert_eq!(c.kind_of(&s, by_id(&s, "f")), Some(Kind::Navigation));
        let ad = c.blocks.iter().find(|b| b.node == by_id(&s, "x1")).unwrap();
        assert!(ad.reasons.iter().any(|r| r.text().contains("Advertisement")), "{:?}", ad.reasons);
    }

    #[test]
    fn a_page_whose_stated_address_names_a_forum_is_a_thread_wherever_it_is_served() {
        for head in ["<link rel=canonical href='https://forum.example.com/t/lathe-noise/123'>", "<meta property='og:url' content='https://www.example.com/threads/lathe-noise.123/'>"] {
            let html = format!("<html><head>{head}</head><body><main><h1>Lathe noise</h1>{p}</main></body></html>", p = PARA);
            let snap = crate::html::parse(&html, "http://127.0.0.1:8080/p/0001.html");
            assert!(classify(&snap, &Features::compute(&snap)).discussion, "{head}");
        }
        let snap = crate::html::parse(&format!("<html><head><link rel=canonical href='https://news.example.com/2024/forum-of-leaders'></head><body><main>{p}</main></body></html>", p = PARA), "http://127.0.0.1:8080/p/0002.html");
        assert!(!classify(&snap, &Features::compute(&snap)).discussion);
    }

    #[test]
    fn a_small_box_under_its_own_label_splits_a_rail_related_by_its_place_alone() {
        // A side column (no label of its own, related by its place and its teasers' times) holding a
        // short "Watch live" box over a "Trending now" list: the live box is a promotion of its own.
        // (The same box as one of the list's cards, its tag and class, stays in the list: a "Sponsor
        // content" card among the site's teasers, WCXB 0471.)
        let items: String = (1..=6).map(|k| format!("<div class=row><a href=/article/{k}>Headline number {k} about the council budget</a><span>{k} hours ago</span></div>")).collect();
        let html = format!(
            "<body><main><div id=story><h1>Council approves transit plan after long debate</h1>{PARA}{PARA}{PARA}{PARA}</div>\
             <aside role=complementary><div><div id=live class='block block-live'><h2>Watch live</h2><p><a href=https://tv.example.com/live><img src=/live.jpg alt=''></a></p><p><a href=https://tv.example.com/live>Stream the news now</a></p></div>\
             <div id=trend class='block block-trending'><h2>Trending now</h2>{items}</div></div></aside></main></body>"
        );
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "live")), Some(Kind::Promotion), "{:?}", c.blocks);
        assert_eq!(c.kind_of(&s, by_id(&s, "trend")), Some(Kind::Related), "{:?}", c.blocks);
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    #[test]
    fn a_labelled_card_among_a_rails_cards_stays_in_the_rail() {
        // The rail's cards, one of them the advertiser's under a "Sponsor content" label, and the same
        // cards again in a carousel for small screens: the rail stays one related block (WCXB 0471's
        // top strip).
        let card = |k: usize, label: &str| format!("<div class=card><a href=/article/{k}>{label}<img src=/{k}.jpg alt=''><span>Headline number {k} about the council budget</span></a><span>{k} hours ago</span></div>");
        let cards: String = (1..=6).map(|k| card(k, "")).collect::<String>() + &card(7, "<span>Sponsor content</span>");
        let html = format!(
            "<body><main><div id=story><h1>Council approves transit plan after long debate</h1>{PARA}{PARA}{PARA}{PARA}{PARA}{PARA}{PARA}{PARA}</div>\
             <aside id=rail role=complementary>{cards}<div class=carousel>{cards}</div></aside></main></body>"
        );
        let (s, c) = run(&html);
        assert_block(&c, by_id(&s, "rail"), Kind::Related);
    }

    #[test]
    fn an_ad_set_after_a_story_paragraph_inside_its_wrappers_takes_no_paragraph_with_it() {
        // A story in a dozen sections (a heading, then wrappers around the section's one paragraph),
        // and an ad put after one section's paragraph, inside the same wrappers.
        let ad = "<div id=slot><div id=div-gpt-ad-1 style='height:250px'><iframe src='https://tpc.googlesyndication.com/safeframe/x.html'></iframe></div></div>";
        let sections: String = (1..=12)
            .map(|n| {
                let here = if n == 9 { ad } else { "" };
                format!("<div class=card><div><h3><p>Section {n}</p></h3><div class=body><div class=rich>{PARA}{here}</div></div></div></div>")
            })
            .collect();
        let html = format!("<body><main><div id=story><h1>Council approves transit plan after long debate</h1>{sections}</div></main></body>");
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "slot")), Some(Kind::Sponsored), "{:?}", c.blocks);
        let paras: Vec<NodeId> = (0..s.len() as u32).filter(|&i| s.nodes[i as usize].tag == Tag::P && s.nodes[s.nodes[i as usize].parent as usize].tag != Tag::H3).collect();
        assert_eq!(paras.len(), 12);
        for p in paras {
            assert_eq!(c.kind_of(&s, p), Some(Kind::Article), "{:?}", c.blocks);
        }
    }

    #[test]
    fn the_story_after_an_ad_slots_label_is_not_the_labelled_widget() {
        // An empty ad slot labelled "Advertising", then the story's opening paragraphs with a few links
        // in them (a widget headed by its sibling would be mostly links).
        let linked = "<p>Whether you want a new field or new skills, <a href=/a>a class</a>, <a href=/b>a course</a> or \
                      <a href=/c>a workshop</a> is a good way to learn something new and show it on a resume.</p>";
        let html = format!(
            "<body><main><div id=story><h1>Council approves transit plan after long debate</h1>\
             <div class=slot><span>Advertising</span><div id=div-gpt-ad-2></div></div><div id=intro>{linked}{PARA}</div>{rest}</div></main></body>",
            rest = PARA.repeat(12)
        );
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "intro")), Some(Kind::Article), "{:?}", c.blocks);
    }

    #[test]
    fn sections_of_prose_numbered_for_the_ads_between_them_are_not_ads() {
        // A list article whose sections carry the site's ad numbering (`data-ad-index`), with real ad
        // slots between them.
        let sections: String = (0..4)
            .map(|n| format!("<section id=s{n} data-ad-index={n}><h2>{n}. Pick number {n}</h2>{PARA}{PARA}{PARA}</section><div id=gpt-ad-{n} class=ad-slot></div>"))
            .collect();
        let html = format!("<body><main><h1>The best transit plans of the year, ranked</h1>{sections}</main></body>");
        let (s, c) = run(&html);
        let f = Features::compute(&s);
        // Judged on their own (as where no story is found, and the sections are told apart one by one).
        let mut ctx = Ctx::new(&s, &f);
        for n in 0..4 {
            let at = ctx.evidence(by_id(&s, &format!("s{n}")));
            assert!(ctx.memo[at].score[Kind::Sponsored as usize] <= 0.0, "section {n}: {:?}", ctx.memo[at].reasons[Kind::Sponsored as usize]);
            assert_eq!(c.kind_of(&s, by_id(&s, &format!("gpt-ad-{n}"))), Some(Kind::Sponsored));
        }
    }

    #[test]
    fn a_list_items_run_in_lead_is_not_a_boxs_label() {
        // Tips whose items open with a bold lead-in that a label list would read as a menu's or a
        // "follow us" box's title.
        let tips = "<ol id=tips><li id=t1><strong>Menu planning:</strong> Map out your meals for the week ahead, so that every dinner is balanced and the shopping list is short and cheap.</li>\
                    <li id=t2><strong>Follow the fuel policy.</strong> Rental drivers usually either pay a surcharge or return the car with a full tank, and the second is cheaper.</li>\
                    <li id=t3><strong>Related costs:</strong> Insurance, tolls and young-driver fees add up quickly, so ask for the full price before you sign anything at the desk.</li></ol>";
        let html = format!("<body><main><div id=story><h1>How to rent a car without overpaying for it</h1>{more}{tips}{more}</div></main></body>", more = PARA.repeat(6));
        let (s, c) = run(&html);
        for id in ["t1", "t2", "t3"] {
            assert_eq!(c.kind_of(&s, by_id(&s, id)), Some(Kind::Article), "{id}: {:?}", c.blocks);
        }
    }

    #[test]
    fn a_paragraph_that_names_a_store_in_a_sentence_is_no_button_box() {
        let store = "<p id=store>Many companies make phones that run Android, among them Samsung and Motorola. On such a phone you \
                     download apps from the <a href='https://play.google.com/store/games'>Google Play Store</a>.</p>";
        let html = format!("<body><main><div id=story><h1>Smartphone basics for new owners</h1>{more}{store}{more}</div></main></body>", more = PARA.repeat(6));
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "store")), Some(Kind::Article), "{:?}", c.blocks);
    }

    #[test]
    fn a_section_of_prose_under_a_menu_like_heading_stays_story() {
        let section = format!("<div id=sec><h3>Explore new ingredients</h3>{PARA}{PARA}</div>");
        let html = format!("<body><main><div id=story><h1>Moving to a plant-based diet, one week at a time</h1>{more}{section}{more}</div></main></body>", more = PARA.repeat(8));
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "sec")), Some(Kind::Article), "{:?}", c.blocks);
    }

    #[test]
    fn hosts_of_one_site_group() {
        assert!(same_site_group("edition.cnn.com", "cnn.com"));
        assert!(same_site_group("cnn.com", "money.cnn.com"));
        assert!(same_site_group("sport.bbc.co.uk", "news.bbc.co.uk"));
        assert!(same_site_group("a.example.com.au", "b.example.com.au"));
        assert!(!same_site_group("bbc.co.uk", "itv.co.uk"));
        assert!(!same_site_group("notcnn.com", "cnn.com"));
        assert!(!same_site_group("nature.com", "sciencedirect.com"));
    }

    #[test]
    fn a_list_of_sources_in_the_story_is_story_and_a_list_of_the_sites_stories_is_related() {
        let titles = [
            "AI and copyright: exploring the exceptions for text and data mining",
            "AI companies prevail in path-breaking decisions on fair use",
            "Licensing deals between publishers and model makers, explained",
            "What the new collective licence means for illustrators",
            "A court weighs whether training is copying at all",
        ];
        let list = |hosts: [&str; 5]| -> String {
            let items: String = titles.iter().zip(hosts).enumerate().map(|(k, (t, h))| format!("<li><a href='https://{h}/a/{k}'>{t}</a></li>")).collect();
            format!("<ul id=list>{items}</ul>")
        };
        let sources = ["www.nature.com", "sciencedirect.com", "crowell.com", "arxiv.org", "www.nature.com"];
        let own = ["news.example.com", "news.example.com", "www.example.com", "example.com", "news.example.com"];
        for (hosts, kind) in [(sources, Kind::Article), (own, Kind::Related)] {
            let html = format!("<body><main><div id=story><h1>Three ways artists could be paid by the models</h1>{more}{}{more}</div></main></body>", list(hosts), more = PARA.repeat(5));
            let (s, c) = run(&html);
            assert_eq!(c.kind_of(&s, by_id(&s, "list")), Some(kind), "{hosts:?}: {:?}", c.blocks);
        }
    }

    #[test]
    fn ads_in_the_story_by_label_network_name_or_ad_server_link() {
        // A "Sponsored content" label over a card whose headline is a heading of its own.
        let labelled = "<div id=a1 class=box><span>Sponsored Content</span><div class=pic><a href='https://shop.example.net/x?ad=9'><img src=/i.jpg></a></div>\
                        <h3><a href='https://shop.example.net/x?ad=9'>Heart surgeon: throw out this oil now</a></h3></div>";
        // An ad network's widget names it in its classes, with links to the advertiser only.
        let network = "<div id=a2 class='videoCube trc_spotlight_item syndicatedItem'><a href='https://deals.example.org/p/1'><img src=/t.jpg>\
                       <span class=title>21 insanely cool gadgets that are going to sell out</span><span class=branding>WeeklyDeals</span></a></div>";
        // An ad server's click-through link (Revive/OpenX), on the publisher's own host.
        let served = "<div id=a3><a href='https://servedby.news.example.com/ck.php?oaparams=2__bannerid=1827__zoneid=1'><img src=/b.gif width=728 height=90></a></div>";
        for (id, ad) in [("a3", served), ("a2", network), ("a1", labelled)] {
            let html = format!("<body><main><div id=story><h1>Council approves transit plan after long debate</h1>{p}{p}{ad}{p}{p}</div></main></body>", p = PARA);
            let (s, c) = run(&html);
            assert_eq!(c.kind_of(&s, by_id(&s, id)), Some(Kind::Sponsored), "{id}");
            assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article), "{id}");
        }
    }

    #[test]
    fn a_sponsored_label_over_a_teaser_shaped_list_of_ads_marks_the_whole_box() {
        // The advertisers' links are shaped like a list of headlines (related on their own), but the
        // box's heading says they are paid for: the whole box is sponsored, not its list related (the
        // same when they lead to the page's own site: an advertiser's post hosted there). A list of the
        // site's own stories with a label of its own beside an ad label (a "Most read" list under an
        // ad slot) stays a block of its own.
        for (host, own_label, list_kind) in [
            ("https://offers.example.net", "", None),
            ("https://news.example.com", "", None),
            ("https://news.example.com", "<h4>Most read</h4>", Some(Kind::Related)),
        ] {
            let items: String = (0..4)
                .map(|i| format!("<li><a href='{host}/click?campaign={i}&utm_source=widget'>Partner offer {i}: save on winter boots today</a></li>"))
                .collect();
            let html = format!(
                "<body><main><article id=story><h1>Harbour ferry returns after repairs</h1>{p}{p}{p}</article>\
                 <div id=box><aside><h3>Sponsored</h3><p>Paid content from our partners</p><div id=list>{own_label}<ul>{items}</ul></div></aside></div></main></body>",
                p = PARA
            );
            let (s, c) = run(&html);
            let list = c.blocks.iter().find(|b| b.node == by_id(&s, "list")).map(|b| b.kind);
            assert_eq!(list, list_kind, "{host} {own_label}");
            if list_kind.is_none() {
                assert_eq!(c.kind_of(&s, by_id(&s, "box")), Some(Kind::Sponsored));
            }
            assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
        }
    }

    #[test]
    fn a_heading_that_links_to_its_section_is_part_of_the_teaser_block_below_it() {
        // Class and id names that say nothing (generated), a section heading that is a link to the
        // section, and teaser cards with relative times below it: the block is the whole section,
        // heading included (the seed page's "World News" list, rebuilt with other names).
        let cards: String = (0..5)
            .map(|i| {
                format!(
                    "<li class=x9f><a href='/article/{i}'><img src='/t{i}.jpg'></a><div class=x1><div class=x2>Niamh Kennedy and Darya Tarasova, CNN</div>\
                     <h3 class=x3><a href='/article/{i}'>Troops spotted near the border, officials say {i}</a></h3>\
                     <p class=x4>The first group of soldiers have been spotted in the region, an area of ongoing operations.</p><span class=x5>{n} hours ago</span></div></li>",
                    n = i + 1
                )
            })
            .collect();
        let html = format!(
            "<body><main><article id=story><h1>Harbour ferry returns after repairs</h1>{p}{p}{p}{p}{p}{p}{p}{p}{p}{p}</article></main>\
             <section id=xq1 class=xa81c><h2 class=x77d0><a href='/news/world'>World News</a></h2><ul class=x5e2b>{cards}</ul></section></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        let section = by_id(&s, "xq1");
        assert_block(&c, section, Kind::Related);
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    #[test]
    fn a_page_header_with_a_subscribe_button_is_navigation_as_a_whole() {
        // Logo, "Sign In" and "Subscribe" above the section menu, with names that say nothing: the
        // header is one navigation block, not a promotion and a menu.
        let menu: String = ["World", "Markets", "Companies", "Shipping", "Energy", "Opinion"]
            .iter()
            .map(|s| format!("<li><a href='/{}'>{s}</a></li>", s.to_lowercase()))
            .collect();
        let html = format!(
            "<body><header id=h1x class=x1><div class=x2><a class=x3 href='/'>The Harbour Review</a><div class=x4><a href='/login'>Sign In</a>\
             <a class=x5 href='/products?segmentId=header'>Subscribe</a></div></div><nav class=x6><ul>{menu}</ul></nav></header>\
             <main><article id=story><h1>Container rates surge</h1>{p}{p}{p}{p}</article></main></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        let header = by_id(&s, "h1x");
        assert_block(&c, header, Kind::Navigation);
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    #[test]
    fn teaser_cards_under_a_sponsored_label_stay_sponsored() {
        // "Sponsored Articles" as a plain box over a grid of cards that link to the site's own pages
        // (its advertisers' posts): the cards look like teasers, the label says who paid.
        let cards: String = (0..6)
            .map(|i| format!("<a class=q1 href='/article/{i}/guide-to-lighting-{i}?utm_source=sponsored'><img src='/i{i}.jpg' alt=''>\
                              <div class=c1>Advertiser {i}</div><div class=c2>How to choose the right lighting for room number {i}</div>\
                              <div class=c3>A short summary of the advertiser's guide to lighting, number {i}.</div></a>"))
            .collect();
        let html = format!(
            "<body><div><div id=story><h1>Container rates surge</h1>{p}{p}{p}{p}</div>\
             <div id=paid class=x1><div class=x2>Sponsored Articles</div><div class=x3>{cards}</div></div></div></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "paid")), Some(Kind::Sponsored));
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    #[test]
    fn share_buttons_without_links_are_a_share_bar() {
        // AMP's share component and script-driven buttons named for sharing: icons with no text and
        // no link, seen all the same, after the story's last paragraph.
        for bar in [
            "<amp-social-share type=facebook width=32 height=32></amp-social-share><amp-social-share type=twitter width=32 height=32></amp-social-share><amp-social-share type=email width=32 height=32></amp-social-share>",
            "<button aria-label='Share on Facebook'><svg></svg></button><button aria-label='Share on X'><svg></svg></button><button title='share via email'><svg></svg></button>",
        ] {
            let html = format!("<body><main><article id=story><h1>Council approves transit plan</h1>{p}{p}{p}{p}<div id=bar class=x1>{bar}</div></article></main></body>", p = PARA);
            let (s, c) = run(&html);
            assert_block(&c, by_id(&s, "bar"), Kind::Promotion);
            assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
        }
    }

    #[test]
    fn cards_each_labelled_sponsored_are_one_paid_box() {
        // No heading over the grid: every card carries its own "Sponsored" badge (the grid is too large
        // for the first card's badge to label it all).
        let cards: String = (0..6)
            .map(|i| format!("<div class=c1><a href='/partner/{i}'><img src='/p{i}.jpg' alt=''></a><span class=c2>Sponsored</span>\
                              <h3><a href='/partner/{i}'>A guide to choosing office printers, part {i}</a></h3>\
                              <p>Carefully weigh these pros and cons to make an informed decision that best suits your business growth, part {i}.</p><p>by Advertiser {i}</p></div>"))
            .collect();
        let html = format!("<body><main><article id=story><h1>Council approves transit plan</h1>{p}{p}{p}{p}</article><section id=grid class=x1>{cards}</section></main></body>", p = PARA);
        let (s, c) = run(&html);
        assert_block(&c, by_id(&s, "grid"), Kind::Sponsored);
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    #[test]
    fn related_posts_with_excerpts_inside_the_entry_leave_the_story() {
        // A blog's related posts inside its entry: a heading over six cards, each a headline link, an
        // excerpt and a date, named related by its class run together ("relatedposts"). Their excerpts
        // weigh more than a block inside a story may (40 % of the story's own prose); the box still
        // leaves the story. The same cards
        // unnamed (a listicle's items: a heading link and a paragraph each) stay story.
        let cards = |class: &str| -> String {
            (0..6)
                .map(|i| format!("<div class='{class}-post'><a href='/2024/10/story-{i}/'><img src='/t{i}.jpg' alt=''></a><h4><a href='/2024/10/story-{i}/'>Harbour ferry service {i} resumes after the winter repairs</a></h4>\
                                  <p>The ferry operator said on Monday that the service would run on the summer timetable again from next week, number {i}.</p><p>2 days ago</p></div>"))
                .collect()
        };
        for (class, heading, kind) in [("jp-relatedposts", "World News", Kind::Related), ("x7", "Ferry services this summer", Kind::Article)] {
            let html = format!(
                "<body><main><article id=story><h1>Council approves transit plan</h1><div class=entry-content>{p}{p}{p}{p}{p}{p}{p}{p}{p}{p}\
                 <div id=box class='{class}'><h3>{heading}</h3><div class=items>{c}</div></div></div></article></main></body>",
                p = PARA,
                c = cards(class)
            );
            let (s, c) = run(&html);
            assert_eq!(c.kind_of(&s, by_id(&s, "box")), Some(kind), "{class}");
            assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article), "{class}");
        }
    }

    #[test]
    fn promoted_cards_with_excerpts_inside_the_story_column_leave_the_story() {
        // The advertisers' cards under "Promoted Links" in the story's column, after its body, each a
        // headline link, an excerpt and the advertiser: their excerpts weigh more than a block inside
        // a story may hold; the box still leaves the story.
        let cards: String = (0..6)
            .map(|i| format!("<article class=card><a href='/article/9{i}/offer?utm_source=sponsored'><img src='/s{i}.jpg' alt=''></a><h3><a href='/article/9{i}/offer?utm_source=sponsored'>How to pick the right laptop {i}</a></h3>\
                              <p>Finding the right laptop can be hard, but this guide breaks down what to look for, number {i}.</p><div>by PC Laptops</div></article>"))
            .collect();
        let html = format!(
            "<body><main id=story><h1>Council approves transit plan after long debate</h1><article>{p}{p}{p}{p}{p}{p}{p}{p}{p}{p}{p}{p}</article>\
             <section id=box><h2>Promoted Links</h2><div class=grid>{cards}</div></section></main></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "box")), Some(Kind::Sponsored), "{:?}", c.blocks);
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    #[test]
    fn site_links_over_a_copyright_notice_are_the_footer() {
        // A footer built of plain boxes (no <footer>, no role, names that say nothing): link columns
        // and the copyright line are one navigation block.
        let col = |w: &[&str]| -> String { w.iter().map(|s| format!("<a href='/{}'>{s}</a>", s.to_lowercase().replace(' ', "-"))).collect() };
        let html = format!(
            "<body><div><div id=story><h1>Container rates surge</h1>{p}{p}{p}{p}</div>\
             <div id=foot class=x1><div class=x2><div>{a}</div><div>{b}</div></div>\
             <div class=x3>© 2024 The Harbour Review | Harbour Media Group. All rights reserved.</div></div></div></body>",
            p = PARA,
            a = col(&["News", "Sport", "Weather", "Business", "Jobs"]),
            b = col(&["About Us", "Contact Us", "Careers", "Terms of Use", "Privacy Policy"]),
        );
        let (s, c) = run(&html);
        assert_block(&c, by_id(&s, "foot"), Kind::Navigation);
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    #[test]
    fn the_box_that_holds_nearly_all_the_page_is_not_a_plea_box() {
        // A blog's index as a browser shows it (one of two responsive copies of each entry hidden by the
        // page's CSS): one wrapper holds the page, with the site bar's "Sign up" button in it.
        let html = "<body><div id=page><div id=bar><a href='/'>Field Notes</a> <a href='/signup' class=button>Sign up</a> <a href='/signin'>Sign in</a></div>\
            <div id=list><h1>Field Notes</h1>\
            <div><a href='/p/1'><h2>Counting swifts over the old mill</h2></a><p>Three evenings on the roof with a clicker and a flask.</p></div>\
            <div><a href='/p/2'><h2>What the river gauge told us in March</h2></a><p>A month of readings, and one night the weir overflowed.</p></div>\
            <div><a href='/p/3'><h2>Planting the water meadow</h2></a><p>Sixty volunteers, four hundred plugs of sedge and a lot of mud.</p></div></div></div></body>";
        let (s, c) = run(html);
        assert_ne!(c.kind_of(&s, by_id(&s, "page")), Some(Kind::Promotion), "{:?}", c.blocks);
        assert_ne!(c.kind_of(&s, by_id(&s, "list")), Some(Kind::Promotion), "{:?}", c.blocks);
    }

    #[test]
    fn a_section_whose_id_is_its_headings_slug_is_not_named_by_it() {
        // A manual's quickstart: each section's id is its heading's words joined by hyphens (an in-page
        // anchor). "reply" and "sign up" there are the section's subject, not a comment box or a plea.
        let para = "Open the console, copy the number you were given and paste it into the settings file next to the token before you run the script again from the terminal.";
        let sec = |id: &str, h: &str| format!("<section id='{id}-section'><h2>{h}</h2><p>{para}</p><p>{para}</p><p>{para}</p></section>");
        let html = format!(
            "<body><main><article id=doc><h1>Send a message</h1><p>{para}</p>{}{}{}</article></main></body>",
            sec("sign-up-for-an-account-and-get-a-number", "Sign up for an account and get a number"),
            sec("send-your-first-message", "Send your first message"),
            sec("receive-and-reply-to-an-incoming-message", "Receive and reply to an incoming message")
        );
        let (s, c) = run(&html);
        for id in ["sign-up-for-an-account-and-get-a-number-section", "receive-and-reply-to-an-incoming-message-section"] {
            assert_eq!(c.kind_of(&s, by_id(&s, id)), Some(Kind::Article), "{id}: {:?}", c.blocks);
        }
    }

    #[test]
    fn the_story_is_not_looked_for_in_the_pages_footer() {
        // A landing page: the story is told in a few paragraphs; the footer carries a longer "about
        // us" text. The story is the page's main text, not the footer's blurb; a page whose only
        // prose is in its footer still finds it there.
        let about = "Founded in 1996 by two engineers in a garage, our company has grown into a team of two hundred people who build, host and support the tools that thousands of small businesses use every day to run their shops.";
        let story = "Our hosted ledger keeps every invoice, receipt and payment in one place, so that the month's books close themselves and your accountant sees the same figures you do.";
        let html = format!(
            "<body><header><a href='/'>Home</a> <a href='/pricing'>Pricing</a> <a href='/login'>Log in</a></header>\
             <main id=main><h1>Books that close themselves</h1><p>{story}</p><p>{story}</p><p>{story}</p></main>\
             <footer id=foot><div id=about><p>{about}</p><p>{about}</p><p>{about}</p><p>{about}</p><p>{about}</p></div>\
             <div><a href='/terms'>Terms</a> <a href='/privacy'>Privacy</a></div></footer></body>"
        );
        let (s, c) = run(&html);
        let a = c.article.expect("a story");
        assert!(!s.path(a).contains("footer"), "{}: {:?}", s.path(a), c.blocks);
        let html = format!("<body><main><h1>Ledger</h1></main><footer><div id=about><p>{about}</p><p>{about}</p><p>{about}</p></div><div><a href='/terms'>Terms</a> <a href='/privacy'>Privacy</a></div></footer></body>");
        let (s, c) = run(&html);
        assert!(c.article.is_some_and(|a| s.path(a).contains("footer")), "{:?}", c.blocks);
    }

    #[test]
    fn the_box_that_holds_nearly_all_the_page_is_not_its_footer() {
        // A news index as a browser shows it: one wrapper holds the headlines, each with its author's
        // link, and ends with the site's copyright line.
        let items: String = ["Harbour board approves the new ferry timetable", "Flood defences hold as the river peaks", "Library reopens after a year of repairs", "Market square to close for the summer fair", "School choir wins the regional final", "Council delays the vote on parking charges"]
            .iter().enumerate().map(|(k, t)| format!("<div><a href='/news/{k}'>{t}</a> <a href='/author/{k}'>Staff</a></div>")).collect();
        let html = format!("<body><div id=page><div><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></div>\
            {items}<div>© 2025 Valley Courier Media. All rights reserved.</div></div></body>");
        let (s, c) = run(&html);
        assert_ne!(c.kind_of(&s, by_id(&s, "page")), Some(Kind::Navigation), "{:?}", c.blocks);
        assert!(c.article.is_some(), "{:?}", c.blocks);
    }

    #[test]
    fn a_menu_whose_entries_name_cookies_and_subscriptions_is_not_a_plea() {
        // A footer's link columns ("Cookies", "Individual Subscriptions") with names that say nothing:
        // menu entries, not a box asking the reader for something.
        let html = format!(
            "<body><main><article id=story><h1>Container rates surge</h1>{p}{p}{p}{p}</article></main>\
             <footer id=f1x class=x1><div id=m1x class=x2><div><h4>Support</h4><a href='/help'>Help Centre</a><a href='/contact'>Contact Us</a><a href='/about'>About Us</a></div>\
             <div><h4>Legal</h4><a href='/terms'>Terms</a><a href='/privacy'>Privacy Policy</a><a href='/cookies'>Cookies</a></div>\
             <div><h4>Services</h4><a href='/products'>Individual Subscriptions</a><a href='/group'>Group Subscriptions</a><a href='/careers'>Careers</a></div></div>\
             <p class=x3><small>© The Harbour Review Ltd 2024. The Harbour Review and its logo are trademarks of The Harbour Review Ltd.</small></p></footer></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        assert_ne!(c.kind_of(&s, by_id(&s, "f1x")), Some(Kind::Promotion), "{:?}", c.blocks);
        assert_eq!(c.kind_of(&s, by_id(&s, "m1x")), Some(Kind::Navigation), "{:?}", c.blocks);
    }

    #[test]
    fn a_skip_to_content_link_is_navigation_but_an_in_page_link_in_the_story_is_not() {
        let html = format!(
            "<body><a id=s1 class=x1 href='#content'>Skip to content</a><main id=content><article id=story><h1>Container rates surge</h1>\
             {p}{p}<p>See <a id=s2 href='#notes'>the notes below</a> for how the rates were measured.</p>{p}{p}</article></main></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "s1")), Some(Kind::Navigation), "{:?}", c.blocks);
        assert_eq!(c.kind_of(&s, by_id(&s, "s2")), Some(Kind::Article));
    }

    #[test]
    fn a_box_headed_by_its_comments_label_is_one_comments_block() {
        // The heading, a house-rules note, the comments (each opened by its author's name) and the reply
        // form, with names that say nothing: one comments block, not a column of separate widgets.
        let comments: String = ["Rheinpendler72", "B. Wagner", "Heddesdorfer", "M. Schäfer"]
            .iter()
            .map(|a| format!("<li class=x4><div class=x5><strong>{a}</strong> <time>05.09.2024, 18:12</time></div><p>Sechs Wochen! Ich fahre jeden Tag nach Mülheim. Warum kann man sowas nicht nachts machen?</p></li>"))
            .collect();
        let html = format!(
            "<body><main><article id=story><h1>Brücke gesperrt</h1>{p}{p}{p}{p}</article></main>\
             <section id=c1x class=x1><h2>Kommentare <span>(4)</span></h2><p class=x2>Bitte beachten Sie unsere <a href='/netiquette'>Netiquette</a>. Kommentare werden vor der Veröffentlichung geprüft.</p>\
             <ul class=x3>{comments}</ul><form action='/kommentare/neu' method=post><label for=k>Ihr Kommentar</label><textarea id=k name=text></textarea><button>Kommentar absenden</button></form></section></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        let section = by_id(&s, "c1x");
        assert_block(&c, section, Kind::Comments);
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    #[test]
    fn a_box_headed_your_say_over_readers_views_is_comments() {
        // Readers' views under "Your say" / "What you think...", each a quote and its author's name,
        // in markup that names nothing: the readers' own say is comments.
        let views: String = ["Hughes Da Man", "MikeyGamst", "roverjoy"]
            .iter()
            .map(|a| format!("<span class=q1>He would fit right in with the way the manager wants to play, and the fee looks fair for a player of his age.</span> <span class=q2>{a}</span><br><br>"))
            .collect();
        for label in ["Your say", "What you think...", "HAVE YOUR SAY"] {
            let html = format!(
                "<body><main><article id=story><h1>Midfielder set to leave in January</h1>{p}{p}{p}{p}</article></main>\
                 <table><tr><td class=x1>{label}</td></tr><tr><td><div id=v1x class=x2>{views}</div></td></tr></table></body>",
                p = PARA
            );
            let (s, c) = run(&html);
            assert_eq!(c.kind_of(&s, by_id(&s, "v1x")), Some(Kind::Comments), "{label}: {:?}", c.blocks);
            assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
        }
    }

    #[test]
    fn a_thread_titled_thoughts_on_the_story_with_a_reply_heading_is_one_comments_block() {
        // "14 thoughts on “…”" over the thread and "Leave a Reply" over the form, both as strong
        // headings, names that say nothing, and a reply form with more fields than a comment box.
        let comments: String = ["Jim Kowalski", "Ruth Ann", "Dale P."]
            .iter()
            .map(|a| format!("<li class=x4><article class=x5><footer><b>{a}</b> <span>says:</span> <a href='#c'><time>April 17, 2024 at 9:40 pm</time></a></footer>\
                              <div><p>Thanks for writing this up. The offer from me and my brother still stands if anybody figures out a way to keep it.</p></div></article></li>"))
            .collect();
        let fields: String = ["author", "email", "url", "comment_post_ID", "comment_parent", "wp-comment-cookies-consent", "submit"]
            .iter()
            .map(|n| format!("<input name={n}>"))
            .collect();
        let html = format!(
            "<body><main><article id=story><h1>We tried to save our water tower</h1>{p}{p}{p}{p}</article>\
             <div id=c1x class=x1><h2 class=x2>14 thoughts on “We tried to save our 90-year-old water tower. Here’s what happened at the county meeting.”</h2>\
             <ol class=x3>{comments}</ol><div class=x6><h2 class=x7>Leave a Reply</h2><form action='/wp-comments-post.php'><textarea name=comment></textarea>{fields}</form></div></div></main></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        let thread = by_id(&s, "c1x");
        assert_block(&c, thread, Kind::Comments);
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    #[test]
    fn the_bar_at_the_top_of_a_page_without_a_header_element_is_navigation_as_a_whole() {
        // Site name, "Subscribe · Sign in" and the menu in plain divs with names that say nothing, first
        // on the page: one navigation block, as a <header> would be.
        let menu: String = ["Home", "Case Studies", "The Numbers", "Archive", "About"]
            .iter()
            .map(|s| format!("<a href='/{}'>{s}</a>", s.to_lowercase().replace(' ', "-")))
            .collect();
        let html = format!(
            "<body><div class=x0><div id=t1x class=x1><div class=x2><a href='/'>Main Street Ledger</a><div class=x3><a class=x4 href='/subscribe'>Subscribe</a>\
             <a href='/sign-in'>Sign in</a></div></div><div class=x5>{menu}</div></div>\
             <div class=x6><h1>The corner shop that outlived the mall</h1>{p}{p}{p}{p}</div></div></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "t1x")), Some(Kind::Navigation), "{:?}", c.blocks);
    }

    #[test]
    fn a_podcast_plug_with_its_apps_is_promotion() {
        let html = format!(
            "<body><main><article id=story><h1>River otters are back</h1>{p}{p}{p}{p}</article>\
             <div id=q1x class=x1><h3>Listen to Watershed</h3><p>Our weekly podcast about the people and places shaped by water in the region. New episodes Fridays.</p>\
             <a href='https://podcasts.apple.com/us/podcast/watershed/id1'>Apple Podcasts</a> <a href='https://open.spotify.com/show/x'>Spotify</a> <a href='/feeds/watershed.rss'>RSS</a></div></main></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "q1x")), Some(Kind::Promotion), "{:?}", c.blocks);
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    #[test]
    fn an_app_plug_with_a_line_of_its_own_is_promotion_but_an_author_box_is_not() {
        let html = format!(
            "<body><main><article id=story><h1>Boil-water advisory lifted</h1>{p}{p}{p}{p}\
             <div id=b1x class=x1><p>Ruth Ann is a reporter covering local news and human interest stories. She writes about the city.</p>\
             <a href='https://twitter.com/ruthann'>Twitter</a> <a href='https://www.facebook.com/ruthann'>Facebook</a></div></article>\
             <div id=a1x class=x2><div class=x3>Get breaking news alerts from WKTN 8</div><div class=x4>Download the free WKTN 8 News app for alerts, live newscasts and forecasts.</div>\
             <a href='https://apps.apple.com/us/app/wktn-8-news/id1'><img src=/a.svg alt='App Store'></a><a href='https://play.google.com/store/apps/details?id=com.wktn8'><img src=/g.svg alt='Google Play'></a></div></main></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "a1x")), Some(Kind::Promotion), "{:?}", c.blocks);
        assert_eq!(c.kind_of(&s, by_id(&s, "b1x")), Some(Kind::Article), "{:?}", c.blocks);
    }

    #[test]
    fn a_related_label_over_ad_network_cards_is_one_sponsored_widget() {
        let card = |j: u32| {
            format!("<div class=c><a href='https://trc.taboola.com/site/log/3/click?ii={j}&redir=https%3A%2F%2Fshop{j}.example.net'><span class=t>Drivers over 50 are switching their car insurance number {j}</span><span class=b>Brand {j} | Sponsored</span></a></div>")
        };
        let cards: String = (0..3).map(card).collect();
        let html = format!(
            "<body><main><div id=story><h1>Council approves transit plan after long debate</h1>{p}{p}{p}{p}</div>\
             <div id=w><div class=h><span>You might also like</span></div><div class=g>{cards}</div></div></main></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        let w = by_id(&s, "w");
        let block = c.blocks.iter().find(|b| b.node == w);
        assert_eq!(block.map(|b| b.kind), Some(Kind::Sponsored), "the whole widget, its label with it: {:?}", c.blocks.iter().map(|b| (s.path(b.node), b.kind)).collect::<Vec<_>>());
    }

    #[test]
    fn a_channel_plug_with_a_plain_link_is_promotion_but_legal_links_are_not() {
        let plug = "<div id=plug><p>The day's most important news from the city, every morning: follow us on WhatsApp or Telegram</p><a href='https://whatsapp.com/channel/0029Va'>Join the channel</a></div>";
        let legal = "<div id=legal><a href=/privacy>Your privacy</a> · <a href=/cookies>Cookies</a> · <a href=/consent>Consent settings</a></div>";
        let html = format!("<body><main><div id=story><h1>Council approves transit plan after long debate</h1>{p}{p}{p}{plug}{p}{p}</div></main>{legal}</body>", p = PARA);
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "plug")), Some(Kind::Promotion));
        assert_ne!(c.kind_of(&s, by_id(&s, "legal")), Some(Kind::Promotion), "links to the legal pages are not a plea");
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    #[test]
    fn a_paywall_breaker_with_its_plans_is_promotion_and_the_story_stays() {
        // Generic class names: the words of the box make it a plea, not its names.
        let plan = |name: &str, price: u32| {
            let perks: String = ["Unlimited stories on any device", "Daily briefing by e-mail", "Premium events and calls", "Full archive since 1990", "Cancel whenever you like"].iter().map(|p| format!("<li>{p}</li>")).collect();
            format!("<div class=card><p class=t>{name}</p><p class=p>${price}</p><ul>{perks}</ul><a href=/join?p={price}>${price} a month</a><a href=/join?p={price}>Get Started</a></div>")
        };
        let plans: String = [("Monthly", 39), ("Starter", 30), ("Annual", 399), ("Team", 300), ("Student", 9), ("Family", 59)].iter().map(|(n, p)| plan(n, *p)).collect();
        let breaker = format!(
            "<div id=wall class=box-wrapper><h2>This story is exclusive to subscribers</h2><h3>Unlock this article plus analysis, newsletters and news alerts.</h3>\
             <p>Already have an account? <a href=/login>Log in</a></p><div class=plans>{plans}</div></div>"
        );
        let html = format!("<body><main><div id=story><h1>Council approves transit plan after long debate</h1>{p}{p}{p}{p}{breaker}</div></main></body>", p = PARA);
        let (s, c) = run(&html);
        assert!(s.attr(by_id(&s, "wall"), Attr::Id).is_some() && f_chars(&s, by_id(&s, "wall")) > 900, "the box is longer than a small plea: {}", f_chars(&s, by_id(&s, "wall")));
        assert_eq!(c.kind_of(&s, by_id(&s, "wall")), Some(Kind::Promotion));
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    fn f_chars(s: &Snapshot, id: NodeId) -> u32 {
        Features::compute(s).chars[id as usize]
    }

    #[test]
    fn a_run_of_link_lists_in_the_story_is_its_content_but_a_lone_menu_is_not() {
        let list = |n: usize, k: usize| {
            let items: String = (0..k).map(|j| format!("<li><a href=/wiki/L{n}_{j}>Lang {n}{j}</a></li>")).collect();
            format!("<div id=l{n}><h2>{}</h2><ul>{items}</ul></div>", (b'A' + n as u8) as char)
        };
        let lists: String = (0..6).map(|n| list(n, 8)).collect();
        let html = format!("<body><main id=m><h1>List of programming languages</h1>{p}{p}{p}<div id=run>{lists}</div></main></body>", p = PARA);
        let (s, c) = run(&html);
        for n in 0..6 {
            assert_ne!(c.kind_of(&s, by_id(&s, &format!("l{n}"))), Some(Kind::Navigation), "list {n} of a run of six");
        }
        let html = format!("<body><main id=m><h1>Council approves the transit plan</h1>{p}{p}{p}<div>{}{}</div>{p}</main></body>", list(0, 8), list(1, 8), p = PARA);
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "l0")), Some(Kind::Navigation));
    }

    #[test]
    fn a_title_in_the_box_before_a_teaser_list_names_it_but_not_a_story_paragraph() {
        let cards: String = (0..3).map(|j| format!("<article><h3><a href=/news/{j}>Court rules on the zoning appeal number {j}</a></h3><p>A short excerpt of the other story, long enough to read as a summary of it, and then some more words.</p></article>")).collect();
        let html = format!("<body><div id=story><h1>Council approves transit plan after long debate</h1>{p}{p}{p}{p}{p}{p}</div><div><div id=t>Latest News</div><div id=box>{cards}</div></div></body>", p = PARA);
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "box")), Some(Kind::Related));
        let html = format!("<body><div id=story><h1>Council approves transit plan after long debate</h1>{p}{p}{p}<h2>Latest</h2><p id=q>The mayor said on Friday, <a href=/a>in a statement</a>, that <a href=/b>the plan</a> would go ahead as <a href=/c>agreed</a>, whatever the outcome of the appeal.</p>{p}{p}</div></body>", p = PARA);
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "q")), Some(Kind::Article));
    }

    #[test]
    fn an_article_element_around_headline_and_body_takes_in_its_intro_sections() {
        let html = format!("<body><main><article id=a><h1>Council approves transit plan after long debate</h1><section id=intro>{p}{p}{p}</section><section id=body>{p}{p}{p}{p}{p}</section></article></main></body>", p = PARA);
        let (s, c) = run(&html);
        assert_eq!(c.article, Some(by_id(&s, "a")));
        let (s, c) = run(&html.replace("<article id=a>", "<div id=a>").replace("</article>", "</div>").replace("<main>", "<div>").replace("</main>", "</div>"));
        assert_eq!(c.article, Some(by_id(&s, "body")), "without the page's word for it, the longest section");
    }

    #[test]
    fn the_pages_footer_or_menu_is_never_the_story_however_much_prose_it_holds() {
        // A shop's product story, and its refund policy in a dialog the footer keeps beside its link
        // columns until a link opens it (the markup shows it; only the page's CSS hides it).
        let story = format!("<main><div id=p><h1>Wool runner, the everyday shoe</h1>{PARA}{PARA}</div></main>");
        let policy = format!("<div role=dialog><h2>Refund policy</h2>{PARA}{PARA}{PARA}{PARA}</div>");
        let cols: String = (0..4)
            .map(|k| {
                let items: String = ["About us", "Careers", "Our stores", "Help centre", "Returns", "Privacy"].iter().map(|w| format!("<li><a href=/{k}/{w}>{w} and more</a></li>")).collect();
                format!("<ul>{items}</ul>")
            })
            .collect();
        let (s, c) = run(&format!("<body>{story}<footer>{cols}{policy}</footer></body>"));
        assert_eq!(c.article, Some(by_id(&s, "p")), "the footer's dialog is not the story");
        // The same panels in the page's menu.
        let (s, c) = run(&format!("<body><nav>{cols}{policy}</nav>{story}</body>"));
        assert_eq!(c.article, Some(by_id(&s, "p")), "the menu's panels are not the story");
    }

    #[test]
    fn a_dialog_is_never_the_story() {
        // A size chart and a refund policy in modals the page opens from links; more prose than the
        // product's own text.
        let modal = |role: &str| format!("<div role={role}><h2>Refund policy</h2>{PARA}{PARA}{PARA}{PARA}{PARA}</div>");
        for m in [modal("dialog"), modal("alertdialog"), format!("<dialog>{PARA}{PARA}{PARA}{PARA}{PARA}</dialog>")] {
            let (s, c) = run(&format!("<body><main><div id=p><h1>Wool runner, the everyday shoe</h1>{PARA}{PARA}</div></main><div>{m}</div></body>"));
            assert_eq!(c.article, Some(by_id(&s, "p")), "{m}");
        }
    }

    #[test]
    fn a_late_widget_alone_is_judged_as_outside_the_story() {
        let items: String = (0..5).map(|j| format!("<li><a href=/news/{j}>Court rules on the zoning appeal of the harbour district, part {j}</a></li>")).collect();
        let html = format!("<body><div><div id=w><h3>More stories</h3><ul>{items}</ul></div></div></body>");
        let s = crate::html::parse(&html, "https://news.example.com/story");
        let f = Features::compute(&s);
        assert!(classify(&s, &f).article.is_some(), "alone as a page, the list is its main content");
        let c = classify_fragment(&s, &f);
        assert_eq!(c.kind_of(&s, by_id(&s, "w")), Some(Kind::Related));
        assert_eq!(c.article, None);
        let para = format!("<body><div>{PARA}</div></body>");
        let s = crate::html::parse(&para, "https://news.example.com/story");
        let f = Features::compute(&s);
        assert!(classify_fragment(&s, &f).blocks.is_empty(), "a late paragraph of prose is left alone");
    }

    #[test]
    fn story_paragraphs_are_never_hidden_by_a_misleading_class() {
        let html = format!("<body><div class='related-wrapper' id=w><h1>Headline of the story goes here</h1>{p}{p}{p}{p}{p}</div></body>", p = PARA);
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "w")), Some(Kind::Article));
    }

    #[test]
    fn a_flat_run_after_the_comments_anchor_is_comments() {
        let c1 = "<p class=story id=c1>I could not agree more with the council, the buses in my district are always late and crowded.<br><b>Posted by Ann on January 10, 2008</b></p>";
        let c2 = "<p class=story id=c2>Extending the hours is long overdue; the night shift workers have waited years for this.<br><b>Posted by Bo on January 10, 2008</b></p>";
        let html = format!(
            "<body><div id=col><h1>Council approves the transit plan</h1><p class=story id=s1>{t}</p>{p}{p}{p}<a name=comments></a><div>Comments</div>{c1}{c2}</div></body>",
            t = &PARA[3..PARA.len() - 4],
            p = PARA
        );
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "c1")), Some(Kind::Comments));
        assert_eq!(c.kind_of(&s, by_id(&s, "c2")), Some(Kind::Comments));
        assert_eq!(c.kind_of(&s, by_id(&s, "s1")), Some(Kind::Article));
        // Without the marker the same paragraphs are the story's.
        let plain = html.replace("<a name=comments></a><div>Comments</div>", "");
        let (s, c) = run(&plain);
        assert_eq!(c.kind_of(&s, by_id(&s, "c1")), Some(Kind::Article));
    }

    #[test]
    fn a_box_of_other_stories_labelled_on_this_topic_or_in_other_news_is_related() {
        // A row of teasers, each a linked headline, a summary and a "Full Story" link in a cell of
        // its own: no list, no class word, only the label says what they are.
        let cell = |k: usize| format!("<td><div><ul><li><h4><a href='/sport/story{k}.htm'>Murray into the final in Doha</a></h4>Andy Murray has cruised past the top seed in straight sets to book his place in the final of the season's first event. <a href='/sport/story{k}.htm'>Full Story</a></li></ul></div></td>");
        for label in ["On This Topic", "In other news"] {
            let html = format!(
                "<body><div id=story><h1>Federer aiming for more titles this season</h1>{p}{p}{p}{p}{p}{p}{p}{p}</div>\
                 <div id=box><h3>{label}</h3><div><table><tr>{}{}{}</tr></table></div></div></body>",
                cell(1), cell(2), cell(3),
                p = PARA
            );
            let (s, c) = run(&html);
            assert_eq!(c.kind_of(&s, by_id(&s, "box")), Some(Kind::Related), "{label}: {:?}", c.blocks);
            assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
        }
    }

    #[test]
    fn an_address_names_a_forum_by_a_whole_host_label_or_path_segment() {
        for u in ["https://forum.example.com/topic/catering-tips", "https://www.example.com/forum/consulting/is-it-worth-it", "https://example.org/discussions/topic/first-projects/", "https://boards.example.com/viewtopic.php?f=20&t=487157", "https://example.com/showthread.php?t=7481802", "https://www.example.com/threads/squad-2024.49320/"] {
            assert!(address_names_a_forum(u), "{u}");
        }
        for u in ["https://linux.example.org/story/24/01/12/a-2024-discussion-whether-to-convert", "https://news.example.com/2024/forum-of-leaders-meets", "https://example.com/questions/442960/a-shortcut", "https://www.example.com/?forum=1"] {
            assert!(!address_names_a_forum(u), "{u}");
        }
    }

    #[test]
    fn a_story_root_that_is_one_of_several_parts_of_one_class_is_their_parent() {
        // A question and its one long answer, each a `div.post` (the answer holds 60 % of the prose
        // and was the story alone): the story is the thread holding both. Parts of other classes
        // (a sidebar's box beside the post) do not count.
        let ask = "<p>I asked our assistant to review a document last night and it would not do basic grammar checks any more, so I wonder whether the update broke it for everyone.</p>";
        let answer = "<p>It appears that you are not alone: several users have reported the same trouble since the update, with grammar checks, document handling and coding all affected in the same way.</p>";
        let page = |other: &str| format!("<body><div id=thread><div class=post><div class=body>{ask}</div></div><div class={other}><div class=body>{answer}{answer}</div></div></div></body>");
        let (s, c) = run(&page("post"));
        assert_eq!(c.article, Some(by_id(&s, "thread")), "{:?}", c.blocks);
        let (s, c) = run(&page("reply"));
        assert_ne!(c.article, Some(by_id(&s, "thread")), "{:?}", c.blocks);
    }

    #[test]
    fn on_a_thread_page_the_posts_read_as_comments_are_where_the_story_is() {
        // A thread whose every post reads as a comment (its class says so), beside a box of prose
        // about the site: on a page marked up as a thread the posts are the story; on a page that
        // is not, they stay comments and the box is taken.
        let post = |k: usize| format!("<div class=comment><a href=/u/{k}>member{k}</a><p>Post {k}: I replaced the bearings on my old lathe last winter and it has run quietly ever since, so I would start there.</p></div>");
        let posts: String = (0..4).map(post).collect();
        let page = |head: &str| format!(
            "<html><head>{head}</head><body><div id=thread><h1>My lathe whines at speed</h1>{posts}</div><div id=about>\
             <p>This community is run by volunteers who love old machines, and every member is welcome to ask, answer and share photos of their workshop.</p>\
             <p>Please be kind to each other, stay on topic, and search the archive before you ask: most questions about lathes have been answered here before.</p></div></body></html>"
        );
        let (s, c) = run(&page(r#"<script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Lathe noise"}</script>"#));
        assert_eq!(c.article, Some(by_id(&s, "thread")), "{:?}", c.blocks);
        let (s, c) = run(&page(""));
        assert_eq!(c.article, Some(by_id(&s, "about")), "{:?}", c.blocks);
    }

    #[test]
    fn a_grid_of_product_links_far_larger_than_a_weak_story_beside_it_is_the_pages_content() {
        // A shop's category page: each product a name link, its colours as links and a price (the
        // grid reads as a menu by its link density), and the page's only prose a newsletter box.
        // With 24 products the grid is what the page lists; with two, the box stays the page's text.
        let colours = ["Amberlight", "Bluestone", "Butterrum", "Flaxen", "Meadowlark", "Sandstone"];
        let page = |n: usize| {
            let cards: String = (0..n)
                .map(|k| {
                    let swatches: String = colours.iter().map(|c| format!("<a href='/product/cup-{k}?colour={c}'>{c}</a> ")).collect();
                    format!("<li><a href='/product/cup-{k}'>Glass cup {k}oz</a> {swatches}<span>$29.95</span></li>")
                })
                .collect();
            format!(
                "<body><div><a href=/>Home</a> <a href=/shop>Shop</a></div><div id=grid><h2>Reusable cups</h2><ul>{cards}</ul></div><div id=box>\
                 <p>Keep informed on new releases, seasonal colours and subscriber exclusives: our letter comes once a month, with the stories behind each new cup and the people who make them.</p>\
                 <p>We only write when there is something new to show you, and you can unsubscribe at any time from any letter we send, with one click at its foot and nothing more to fill in.</p></div></body>"
            )
        };
        let (s, c) = run(&page(24));
        let grid = by_id(&s, "grid");
        assert!(c.article.is_some_and(|a| a == grid || s.nodes[a as usize].parent == grid), "{:?}", c.blocks);
        let (s, c) = run(&page(2));
        assert_eq!(c.article, Some(by_id(&s, "box")), "{:?}", c.blocks);
        // On a page marked up as one article (NewsArticle, BlogPosting) the short text is that
        // article, and the list beside it is other things, however long.
        for t in ["NewsArticle", "BlogPosting"] {
            let one = page(24).replace("<body>", &format!("<head><script type='application/ld+json'>{{\"@type\": \"{t}\", \"name\": \"Glass cup\"}}</script></head><body>"));
            let (s, c) = run(&one);
            assert_eq!(c.article, Some(by_id(&s, "box")), "{t}: {:?}", c.blocks);
        }
    }

    #[test]
    fn a_product_description_under_its_title_and_summary_is_weighed_with_them() {
        // A rental shop's product page: the title, price and a summary in one box, the description
        // tab (most of the prose, short of a full story alone) in the box after it, and a grid of
        // related products beside both with more text. The story as shown (grown to its headline)
        // is long enough: it is the page's point, not a weak story for the grid to replace.
        let summary = "<p>Our most popular pack for trips of three nights or more, fitted to you before you leave the shop and cleaned after every single rental.</p>\
                       <p>Rent it for a weekend or for a whole month: the price per day drops the longer you keep it, and delivery to your trailhead is free.</p>";
        let para = "<p>The frame carries heavy loads close to your back, and its mesh panel keeps air moving between you and the pack on long climbs in the heat of summer.</p>";
        let cards: String = (0..14)
            .map(|k| format!("<li><a href='/product/tent-{k}'>Two person backpacking tent model {k} rental</a> <span>From $12.00 per day</span> <a href='/cart?add={k}'>Add to cart</a></li>"))
            .collect();
        let html = format!(
            "<body><header><a href=/>Home</a> <a href=/rentals>Rentals</a></header><div id=page><div id=product>\
             <div id=summary><h1>Trail pack 65 litre rental</h1>{summary}<span>$45.00</span></div>\
             <div id=details>{para}{para}{para}{para}{para}{para}{para}</div></div>\
             <div id=grid><h2>You may also like</h2><ul>{cards}</ul></div></div></body>"
        );
        let (s, c) = run(&html);
        assert_eq!(c.article, Some(by_id(&s, "product")), "{:?}", c.blocks);
    }

    #[test]
    fn a_short_story_beside_a_larger_column_of_headline_lists_stays_the_story() {
        // A station's short sports story (about 120 words) beside a column of other sites' headline
        // lists with more characters but next to no prose: the story is the page's point. A listing
        // whose entries carry summaries of their own is still the page's content.
        let story = "<div id=story><h1>Bears win the season finale at home</h1><p>Devin Hester returned a punt and a kickoff for touchdowns as the Bears closed their season with a win over the Saints on Sunday afternoon.</p>\
                     <p>The loss ended the Saints' hopes of a playoff place, and their coach said after the game that the team had not played well enough for long enough this year.</p>\
                     <p>Chicago finished the year with seven wins and nine losses, and its coach said the team would look at every position before the draft in the spring.</p>\
                     <p>Fans stayed in the cold to the end of the game, and many of them cheered the returner as he left the field for the last time this season.</p>\
                     <p>The team flies to its training ground on Monday, where the players will clear their lockers and meet the coaches one by one.</p></div>";
        let column = |summary: &str| -> String {
            (0..5)
                .map(|l| {
                    let items: String = (0..6).map(|k| format!("<li><a href='/sport/{l}/{k}'>League {l} headline number {k} about the weekend games</a>{summary}</li>")).collect();
                    format!("<div><h3>League {l} headlines</h3><ul>{items}</ul></div>")
                })
                .collect()
        };
        let page = |summary: &str| format!("<body><table><tr><td>{story}</td><td id=col>{}</td></tr></table></body>", column(summary));
        let (s, c) = run(&page(""));
        assert_eq!(c.article, Some(by_id(&s, "story")), "{:?}", c.blocks);
        let (s, c) = run(&page("<p>A summary of the story behind this headline, long enough to be read as a line of prose.</p>"));
        assert_ne!(c.article, Some(by_id(&s, "story")), "{:?}", c.blocks);
    }

    #[test]
    fn a_related_box_inside_a_span_left_open_around_the_story_is_judged() {
        // An old table layout: the story's paragraphs are bare text in a `<span>` between empty `<p>`s,
        // and the span, never closed, holds the box of recent related articles after them. The span is
        // an inline element of one prose paragraph to the tree, but it holds blocks: they are judged.
        let paras = [
            "The Packers beat the Seahawks in the snow on Saturday, and their quarterback threw three touchdown passes in the second half of the game.",
            "The defence held the visitors to one field goal after the break, and the running back carried the ball for more than two hundred yards.",
            "Green Bay will play the Giants at home next week for a place in the final, and tickets for the game sold out within an hour on Monday.",
        ];
        let links: String = (0..6).map(|k| format!("<tr><td><span>&#149; <a href='/sports/{k}'>Other game report number {k} from the weekend</a> | </span><span>01/14/2008</span></td></tr>")).collect();
        let html = format!(
            "<body><table><tr><td><h1>Packers roll past the Seahawks</h1><span>{}<p><table><tr><td><div>RECENT RELATED ARTICLES</div></td></tr></table>\
             <table id=rel>{links}</table></span></td><td><a href=/>Home</a> <a href=/a>News</a> <a href=/b>Sports</a> <a href=/c>Weather</a></td></tr></table></body>",
            paras.join("<p><center></center>")
        );
        let (s, c) = run(&html);
        let rel = by_id(&s, "rel");
        let f = Features::compute(&s);
        assert!(c.blocks.iter().any(|b| b.kind == Kind::Related && f.contains(b.node, rel)), "{:?}", c.blocks);
        assert!(c.article.is_some_and(|a| f.contains(a, rel)), "{:?}", c.blocks);
    }

    #[test]
    fn a_see_also_line_over_a_list_of_stories_is_one_related_box() {
        // "See Also:" as bare text, then a list of two stories with an empty link after each (the list
        // reads as a menu by its short links on average): the box is related as a whole.
        let html = format!(
            "<body><div id=story><h1>Council approves the transit plan</h1>{PARA}{PARA}{PARA}<div id=box>See Also: <ul>\
             <li><a href='/2007/12/20/bus-fares-rise'>Bus fares to rise in the new year</a></li><li><a href=''></a></li>\
             <li><a href='/2007/12/19/tram-line'>Tram line opens to the airport</a></li><li><a href=''></a></li></ul></div></div></body>"
        );
        let (s, c) = run(&html);
        assert_block(&c, by_id(&s, "box"), Kind::Related);
    }

    #[test]
    fn a_front_page_of_teasers_keeps_its_teasers() {
        // A section front: the page's own teaser cards (a headline link, a short summary, "3 hours
        // ago"), unlabelled, hold nearly all of its text; the only prose is a line about the site at
        // the top and one at the bottom, so the "story" found is the whole page. The cards are what
        // the page offers, not a "more stories" rail beside a story: never related.
        let card = |k: usize| format!(
            "<div class=card><h3><a href='/news/world-{k}'>Officials in the region announce the next step in talks number {k}</a></h3>\
             <p>Talks moved forward on Tuesday.</p><span>{k} hours ago</span></div>"
        );
        let cards: String = (1..=12).map(card).collect();
        let html = format!(
            "<body><div><p>The Example News Company brings you the latest stories from around the world, day and night, from a newsroom of three hundred reporters and editors.</p></div>\
             <main><h1>World news</h1><div id=grid>{cards}</div></main>\
             <div><p>Our correspondents in forty countries report the news as it happens, with analysis, video and photography from the places where it happens.</p></div></body>"
        );
        let (s, c) = run(&html);
        assert_ne!(c.kind_of(&s, by_id(&s, "grid")), Some(Kind::Related), "{:?}", c.blocks);
    }

    #[test]
    fn a_list_of_whole_posts_is_not_a_teaser_box() {
        // A blog's front page prints each newsletter issue in full inside the card's link (over a
        // thousand characters an entry): the page's own text, not a teaser box.
        let body = "This week we talk to the team behind the new database engine about how they rebuilt storage for the cloud, and what it cost them. ".repeat(9);
        let issue = |k: usize| format!("<div class=item><a href='/newsletter/issue-{k}/'><time>February {k}, 2026</time><h2>Issue {k}: The year of the developer</h2><p>{body}</p></a></div>");
        let issues: String = (1..=4).map(issue).collect();
        let story = PARA.repeat(10);
        let html = format!(
            "<body><main><article><h1>Latest articles</h1>{story}</article></main><section><h2>The Overflow newsletter</h2><div id=issues>{issues}</div></section></body>"
        );
        let (s, c) = run(&html);
        assert_ne!(c.kind_of(&s, by_id(&s, "issues")), Some(Kind::Related), "{:?}", c.blocks);
    }

    #[test]
    fn the_story_is_never_in_the_pages_nav() {
        // A front page with next to no prose of its own (a grid of headline links) under a mega-menu
        // whose entries each carry a blurb of prose: the menu's blurbs are never taken for the story.
        let blurb = "<p>Explore our coverage of the field, with explainers, interviews and the week's most important research in one place.</p>";
        let links: String = (1..=12).map(|k| format!("<li><a href='/news/story-{k}'>Officials announce the next step in the talks, part {k}</a></li>")).collect();
        let menu: String = (1..=12).map(|k| format!("<li><a href='/topic-{k}'>Topic {k}</a>{blurb}</li>")).collect();
        let html = format!(
            "<body><header id=top><nav><ul>{menu}</ul></nav></header>\
             <main><h1>Latest news</h1><ul id=grid>{links}</ul></main></body>"
        );
        let (s, c) = run(&html);
        let f = Features::compute(&s);
        assert!(c.article.is_none_or(|root| !f.contains(by_id(&s, "top"), root)), "{:?}", c.article.map(|r| s.path(r)));
    }

    #[test]
    fn a_short_story_taken_for_a_listing_keeps_its_labelled_related_box_apart() {
        // Two sentences of a wire story (too little prose for a story: the page is read as a listing)
        // and, in the same cell, a box headed "More in South Asia news": the box is still related,
        // while an unlabelled list of the same links stays the listing's content.
        let items = table_rows(
            &["If Centre agrees, Mayawati ready for the division of the state", "Sonia Gandhi attends the army day reception in New Delhi", "Pakistan court adjourns the hearing on the assassination case", "Nepal parties agree on the date for the assembly elections", "Sri Lanka ends the ceasefire with the rebels in the north"],
            |k, t| format!("<td><a href='/news/south-asia/news_{k}.html'>{t}</a></td>"),
        );
        let page = |label: &str| format!(
            "<body><table><tr><td id=cell><a href=/news/south-asia>South Asia</a><h1>Modi to meet Amma over lunch today</h1>\
             <p>Gujarat Chief Minister Narendra Modi is all set to meet the AIADMK chief in Chennai over lunch today.</p>\
             <table id=box>{label}{items}</table></td></tr></table></body>"
        );
        let (s, c) = run(&page("<tr><td><h3>More in South Asia news</h3></td></tr>"));
        assert_eq!(c.kind_of(&s, by_id(&s, "box")), Some(Kind::Related), "{:?}", c.blocks);
        let (s, c) = run(&page(""));
        assert_ne!(c.kind_of(&s, by_id(&s, "box")), Some(Kind::Related), "{:?}", c.blocks);
    }

    #[test]
    fn a_menu_under_a_comments_section_heading_is_not_a_comment_thread() {
        // A left-hand menu whose "Comments" section (the paper's opinion pages) lists its pages as
        // links: the entries after the heading are the menu's, not readers' comments.
        let entries = table_rows(&["Edit Page", "Panorama", "Net Mail", "Your Take", "In City Today"], |k, e| format!("<td id=m{k}><a href='/section{k}.asp'>{e}</a></td>"));
        let html = format!(
            "<body><table><tr><td><table><tr><td>News</td></tr><tr><td><a href=/national.asp>National</a></td></tr><tr><td><a href=/state.asp>State</a></td></tr>\
             <tr><td>Comments</td></tr>{entries}<tr><td>Pearls of Wisdom: \"The only way to prove that you are a good sport is to lose, and to lose with a smile on your face, every single time you play.\"</td></tr></table></td><td><div id=story><h1>Council approves the transit plan</h1>{p}{p}{p}{p}</div></td></tr></table></body>",
            p = PARA
        );
        let (s, c) = run(&html);
        for k in 0..5 {
            assert_ne!(c.kind_of(&s, by_id(&s, &format!("m{k}"))), Some(Kind::Comments), "{:?}", c.blocks);
        }
        assert_eq!(c.kind_of(&s, by_id(&s, "story")), Some(Kind::Article));
    }

    #[test]
    fn readers_comments_longer_than_a_short_story_beside_the_reply_form_are_not_the_story() {
        // One column: a five-paragraph story, the reply form, and the readers' comments in a box named
        // and labelled for them, longer than the story.
        let short = "<p>Dominating defense, balanced scoring and another double-digit victory for the Irish on Friday.</p>";
        let comment = "<p><font size=1>11:10 PM on Tue., Jan. 8, 2008</font> <strong>Examiner Reader</strong> said: just to let you know, in the picture with the coach, the player on the left is either Kevin Greene or Jerry Brown, the names in the caption are mixed up and should be fixed before the next edition goes out.<br>4 agree | 5 disagree</p>";
        let html = format!(
            "<body><div id=col><h2>Sacred Heart wins debut as No. 1</h2><div id=story><p id=s1>The Sacred Heart Cathedral girls' basketball team's first game as No. 1 in the nation went much like its previous 13.</p>{short}{short}{short}{short}</div>\
             <div><div><form><strong>Comment on this article</strong><input name=name><textarea name=comment></textarea><input type=submit value=Send></form></div>\
             <div id=thread class=commentsDiv><p>Comments from Examiner Readers</p>{comment}{comment}{comment}{comment}{comment}{comment}</div></div></div></body>"
        );
        let (s, c) = run(&html);
        assert_eq!(c.kind_of(&s, by_id(&s, "s1")), Some(Kind::Article), "{:?}", c.blocks);
        assert_eq!(c.kind_of(&s, by_id(&s, "thread")), Some(Kind::Comments), "{:?}", c.blocks);
    }

    #[test]
    fn a_forum_thread_keeps_its_replies_in_the_story() {
        let reply = |id: &str| format!("<div class=reply id={id}><p>I had the same trouble with the bus timetable last winter, and the fix was to ask the depot for the new schedule.</p></div>");
        let thread = format!(
            "<body><div id=page><div id=op><h1>Which bus goes to the airport at night?</h1>{PARA}{PARA}{PARA}{PARA}</div><div id=replies>{}{}{}</div></div></body>",
            reply("r1"), reply("r2"), reply("r3")
        );
        let marked = thread.replace("<body>", r#"<head><script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"x"}</script></head><body>"#);
        let (s, c) = run(&marked);
        assert!(c.discussion);
        let root = c.article.expect("a story");
        assert!(["r1", "r2", "r3"].iter().all(|r| Features::compute(&s).contains(root, by_id(&s, r))), "the replies are inside the story root");
        let (s, c) = run(&thread);
        assert!(!c.discussion);
        assert!(!Features::compute(&s).contains(c.article.unwrap(), by_id(&s, "r1")), "without the markup, replies stay outside");
    }

    #[test]
    fn a_byline_row_with_share_icons_is_not_a_plug() {
        let share = "<a href='https://www.facebook.com/sharer/sharer.php?u=x'></a><a href='https://twitter.com/intent/tweet?url=x'></a>";
        let html = format!(
            "<body><article><h1>Council approves the transit plan</h1><div id=row><p itemprop=author id=by>By <a href='/by/ann'>Ann Lee</a></p>{share}</div>{PARA}{PARA}{PARA}</article></body>"
        );
        let (s, c) = run(&html);
        assert_ne!(c.kind_of(&s, by_id(&s, "by")), Some(Kind::Promotion));
        let bare = format!("<body><article><h1>Council approves the transit plan</h1><div id=row>{share}</div>{PARA}{PARA}{PARA}</article></body>");
        let (s, c) = run(&bare);
        assert_eq!(c.kind_of(&s, by_id(&s, "row")), Some(Kind::Promotion), "a bare share bar still is");
    }

    #[test]
    fn labels_match_whole_words() {
        assert!(label_matches("sponsored articles", SPONSORED_LABELS).is_some());
        assert!(label_matches("more from world news", RELATED_LABELS).is_some());
        assert!(label_matches("adventure", SPONSORED_LABELS).is_none());
        // The seed page's "Sponsored Articles" reworded, as another rebuild of it may say it.
        for l in ["content from our sponsors", "presented by our partners", "brought to you by les olson", "sponsor content", "more from our partners"] {
            assert!(label_matches(l, SPONSORED_LABELS).is_some(), "{l}");
        }
        // (The longer match wins between lists: "more from our partners" over related's "more from".)
        assert!(label_matches("more from our partners", SPONSORED_LABELS).unwrap().len() > label_matches("more from our partners", RELATED_LABELS).unwrap().len());
        assert!(label_matches("more environment stories", RELATED_LABELS).is_some());
        assert!(label_matches("more world news", RELATED_LABELS).is_some());
        assert!(label_matches("more stories", RELATED_LABELS).is_some());
        assert!(label_matches("more than a century of news", RELATED_LABELS).is_none(), "only a section's name between");
        assert!(label_matches("morestories", RELATED_LABELS).is_none());
        // A related entry after a word that only dates or sets it apart.
        for l in ["recent related articles", "other related stories"] {
            assert!(label_matches(l, RELATED_LABELS).is_some(), "{l}");
        }
        assert!(label_matches("sponsored related articles", RELATED_LABELS).is_none());
        assert!(label_matches("реклама", SPONSORED_LABELS).is_some());
    }

    #[test]
    fn confidence_grows_with_evidence() {
        assert!(confidence(10.0) < confidence(30.0));
        assert!(confidence(100.0) <= 1.0);
        // The steps against the formula on every f32 from 5 (below it the formula is flat at 0.5) to
        // past the last step, and on what lies around: negative, infinite and NaN scores.
        let formula = |score: f32| {
            let c = 0.5 + 0.5 * (1.0 - (-(score - 5.0).max(0.0) / (STRONG_EVIDENCE / 2.0)).exp());
            (c * 100.0).round() / 100.0
        };
        let mut steps = Vec::new();
        let mut bad = 0usize;
        let mut bits = 5.0f32.to_bits();
        loop {
            let x = f32::from_bits(bits);
            let want = formula(x);
            if confidence(x).to_bits() != want.to_bits() {
                bad += 1;
            }
            while 50 + steps.len() < (want * 100.0).round() as usize {
                steps.push(x);
            }
            if x > 200.0 {
                break;
            }
            bits += 1;
        }
        assert!(bad == 0, "{bad} scores differ; CONFIDENCE_STEPS should be {steps:?}");
        for x in [-1e30, -5.0, 0.0, 4.99, 1e30, f32::INFINITY, f32::NEG_INFINITY, f32::NAN, f32::MIN, f32::MAX] {
            assert_eq!(confidence(x).to_bits(), formula(x).to_bits(), "{x}");
        }
    }
}
