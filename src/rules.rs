//! Every weight, word list and threshold the classifier uses, named, with the pattern that motivated it.
//!
//! Scores are in "evidence points": a kind needs [`BLOCK_THRESHOLD`] points to become a block, more
//! inside the story ([`IN_ARTICLE_THRESHOLD`]) because hiding story text is the worst error we can make.

/// Evidence a kind needs before an element becomes a block of that kind.
pub const BLOCK_THRESHOLD: f32 = 10.0;
/// Evidence needed for a non-article block nested inside the story (ad slots, READ MORE lines). The
/// same as outside: story text is protected by [`MAX_ARTICLE_MASS_IN_BLOCK`] instead, since breadcrumbs
/// and share bars inside `<article>` carry as little evidence as those outside.
pub const IN_ARTICLE_THRESHOLD: f32 = 10.0;
/// Evidence that makes confidence reach ~0.95.
pub const STRONG_EVIDENCE: f32 = 30.0;

// ---- main-content detection (see classify::find_article) ----

/// A paragraph-like element shorter than this (characters) adds nothing to the story's mass:
/// bylines, captions and button labels are short; story paragraphs are not (readability uses 25).
pub const MIN_PARAGRAPH_CHARS: u32 = 40;
/// Above this share of link text a paragraph is a link list, not prose (menus, teaser lists).
pub const MAX_PARAGRAPH_LINK_DENSITY: f32 = 0.45;
/// The story root is the deepest element that still holds this share of the page's prose mass.
/// Wire stories (the seed page) keep ~95 % of their prose in one container; 0.6 leaves room for
/// pages whose standfirst or first paragraph sits outside the body container.
pub const ARTICLE_MASS_SHARE: f32 = 0.6;
/// When the visible text is less than 1 / this of all the page's text, `hidden` and `display:none`
/// containers hold the content for a script to reveal (React streaming SSR, a shop's access gate,
/// collapsed panels; WCXB page types of all kinds), and are read.
pub const HIDDEN_CONTENT_RATIO: u64 = 3;
/// The least text (characters, shown or not) a page's `<main>` must hold for the same ratio inside it
/// alone to count.
pub const MIN_HIDDEN_MAIN_CHARS: u64 = 1000;
/// A page needs at least this much prose (characters) to have an article at all.
pub const MIN_ARTICLE_CHARS: u32 = 200;
/// A plea box (a paywall breaker with its plans) may run to this many characters when its first lines
/// hold [`MIN_PAYWALL_PLEAS`] of the plea words.
pub const MAX_PAYWALL_CHARS: u32 = 2500;
/// A plea box, or a footer found by its links over a copyright notice, is a part of the page: a box
/// holding more than this share of the page's text is the page's content, never a plea for it nor its
/// footer. In a browser that shows one of two responsive copies of each entry, a blog index's 103
/// words are all in one wrapper with the site bar's "Sign up" button, and a news index's in one wrapper
/// that ends with the copyright line.
pub const MAX_PART_PAGE_SHARE: f32 = 0.8;
/// Plea words a box over 900 characters needs in its first lines to be a plea.
pub const MIN_PAYWALL_PLEAS: usize = 3;
/// A box with a plain link (no button word, no heading) is a plea with [`MIN_PAYWALL_PLEAS`] plea
/// words when it is shorter than this.
pub const MAX_PLAIN_PLUG_CHARS: u32 = 400;
/// A story with less prose mass than this (about 200 words) is weak: when the page's main text
/// outside menus and ads lies elsewhere (or around it) and is [`LISTING_OVER_WEAK_STORY`] times
/// larger, the page is a listing and that text is its content (WCXB job boards and product grids,
/// whose only "prose" is a category blurb or a cookie notice).
pub const WEAK_STORY_MASS: u32 = 1200;
/// See [`WEAK_STORY_MASS`].
pub const LISTING_OVER_WEAK_STORY: f32 = 1.2;
/// A story root whose text (its other blocks taken out) lies at least this much in its own related
/// blocks is a page of teasers, read as a listing (WCXB section fronts, a blog's index, a product
/// category: each entry's summary counted as prose; no tune article page comes near 0.4).
pub const LISTING_TEASER_SHARE: f32 = 0.5;
/// …when the root's own prose outside those blocks is under this mass (about 400 words): a story of
/// that length keeps its related boxes apart however large they are (WCXB service and category pages
/// whose "insights" or product teasers sit in the root beside several paragraphs of their own).
pub const MAX_TEASER_PAGE_OWN_MASS: u32 = 2400;
/// A related candidate of at least [`MIN_POST_LIST_LINKS`] links holding this many characters per link
/// lists whole posts, not teasers (WCXB listing pages: a blog's front page printing each newsletter
/// issue in full; no teaser box of the tune split comes near 500).
pub const MIN_POST_CHARS_PER_LINK: u32 = 1000;
/// See [`MIN_POST_CHARS_PER_LINK`].
pub const MIN_POST_LIST_LINKS: u32 = 2;
/// A weak story with at least this much prose (about 100 words: a short news story, not a blurb)…
pub const MIN_STORY_OVER_HEADLINES_MASS: u32 = 600;
/// …stays the story beside a larger "listing" that holds less than 1 / this of its prose: a column of
/// headline lists, each entry a link and nothing more (L3S-GN1, a TV station's short sports story
/// beside its rail of a network's headlines, which a footer taken out of the count made the page's
/// largest text).
pub const HEADLINES_UNDER_STORY_PROSE: u32 = 4;
/// A story root's siblings of its own class holding this share of its prose make their parent the
/// story (see `classify::widen_to_sibling_parts`)…
pub const SIBLING_PARTS_MIN_SHARE: f32 = 0.3;
/// …asked of the root and of its wrappers that add less prose than this.
pub const SIBLING_PARTS_WRAPPER_MASS: u32 = 200;
/// Link lists (menus only by their link density) elsewhere on the page that hold this many times the
/// text of a weak story, or of a listing found without them, are what the page lists.
pub const LINK_LISTING_OVER_WEAK_STORY: f32 = 3.0;
/// When climbing from the story body to take in its headline, the extra text gained may be at most
/// this multiple of the body's own text (so we never climb to the whole page).
pub const HEADLINE_CLIMB_MAX_GROWTH: f32 = 0.6;
/// The same, when the headline and the body meet in an `<article>` element: the page says that is the
/// story, so its intro sections beside the longest one are taken in.
pub const ARTICLE_CLIMB_MAX_GROWTH: f32 = 1.5;
/// A candidate block inside the story may hold at most this share of the story's prose mass.
pub const MAX_ARTICLE_MASS_IN_BLOCK: f32 = 0.15;
/// ...except a box of teaser cards that names itself related or sponsored (by class or label), which may
/// hold up to this share of the story's prose in its excerpts: a blog's related posts inside its entry
/// (six cards with a headline link, an excerpt and a date, 27 % of a wire story's prose), "Promoted
/// Links" over the advertisers' cards in the story's column (21 %).
pub const MAX_TEASER_SHARE_OF_STORY: f32 = 0.5;

// ---- link density and lists ----

/// A child holding more than this share of a candidate block's text, and itself a block of another
/// kind, splits the candidate: a sidebar whose ad sits above a "Most popular" list is two blocks.
pub const MIN_PART_SHARE: f32 = 0.3;

/// Blocks where links carry at least this share of the text read as link lists.
pub const LINK_LIST_DENSITY: f32 = 0.7;
/// A link list needs at least this many links to count as a menu or a teaser list.
pub const MIN_LIST_LINKS: u32 = 4;
/// Link lists side by side under one parent inside the story, from which on they are its content (a
/// "List of …" page's sections) rather than menus: menus come one or two at a time.
pub const MIN_LIST_RUN: usize = 5;
/// Average link text (characters) at or below this is a menu (section names); above it, headlines.
pub const MENU_LINK_MAX_AVG_CHARS: f32 = 28.0;
/// A label is read only when its text sits at most this many levels below the element it names
/// (labels are a heading or a span right inside their widget); this also keeps deep pages linear.
pub const MAX_LABEL_DEPTH: u32 = 8;
/// A widget headed by a title in the sibling before it (see `label_before`) has at least this many
/// links: teaser lists and ad grids do; a story paragraph under a heading that happens to read "Latest"
/// does not.
pub const MIN_HEADED_SIBLING_LINKS: u32 = 3;
/// A label (heading such as "Related" or "Advertisement") is at most this many characters.
pub const MAX_LABEL_CHARS: usize = 48;

// ---- weights ----

/// `<nav>`, `role=navigation`: the page says so itself.
pub const W_NAV_ELEMENT: f32 = 14.0;
/// Page-level `<header>`/`<footer>` (not inside the story), `role=banner|contentinfo`.
pub const W_PAGE_HEADER_FOOTER: f32 = 12.0;
/// A footer without the element: at least this many links, making at least this share of its text,
/// over a copyright notice (one of `COPYRIGHT_MARKS`). A rebuilt seed page's footer of plain boxes
/// (18 links and "© 2024 … All rights reserved", 77 % links) was left unlabelled.
pub const MIN_FOOTER_LINKS: u32 = 4;
/// See [`MIN_FOOTER_LINKS`].
pub const FOOTER_LINK_DENSITY: f32 = 0.5;
/// See [`MIN_FOOTER_LINKS`]: and less prose than this (a table cell holding a wire story, its
/// "Copyright 2007 by the Associated Press" line and the site's links is no footer).
pub const MAX_FOOTER_PROSE_CHARS: u32 = 300;
/// A grid of at least this many cards, each labelled “Sponsored” on its own, is one sponsored box.
pub const MIN_PAID_CARDS: u32 = 2;
/// What a copyright notice says (case as sites write it). (A slice, not [`Words`]: asked of every text
/// node, where reading a packed list costs more instructions than its 8-byte headers save.)
pub const COPYRIGHT_MARKS: &[&str] = &["©", "Copyright", "COPYRIGHT", "All rights reserved", "All Rights Reserved", "ALL RIGHTS RESERVED"];
/// A class/id token naming the kind ("newsletter", "related", "sidebar-ad"): authors name their
/// widgets, but names are sometimes stale, so tokens alone only just pass the threshold.
pub const W_TOKEN: f32 = 7.0;
/// Comment words in class names ("comments", "commentlist", "disqus") are rarely stale or ambiguous;
/// L3S-GN1's 2008 blogs mark their threads with nothing else.
pub const W_COMMENT_TOKEN_BONUS: f32 = 3.0;
/// Extra for a class/id token that names an ad network ([`AD_NETWORK_TOKENS`]).
pub const W_NETWORK_TOKEN_BONUS: f32 = 3.0;
/// Class/id words this long with both cases and an inner digit are generated names, not split.
pub const MIN_GENERATED_WORD_CHARS: usize = 10;

/// An id of this many words or more, joined by hyphens or underscores, one of them a
/// [`SLUG_FUNCTION_WORDS`] word, is a heading's slug (an in-page anchor), not a name for the element.
pub const MIN_SLUG_WORDS: usize = 5;

/// Small words that English headings have and element names do not.
pub const SLUG_FUNCTION_WORDS: Words = words!["a", "an", "the", "and", "or", "to", "of", "for", "with", "in", "on", "your", "how", "what", "why", "is", "are", "can", "you"];
/// A box labelled sponsored over headlines of its own: at most this many characters (one ad card or a
/// small unit, not a column that happens to start with a label).
pub const MAX_LABELLED_AD_CHARS: u32 = 1500;
/// Links from which a link-dense box without inputs is a menu, whose entries are never pleas.
pub const MIN_PLEA_MENU_LINKS: u32 = 6;
/// Elements named as comments that repeat side by side (`div.comment-body` × N) are the thread even
/// when the thread itself has no name (L3S-GN1's 2008 blogs).
pub const W_REPEATED_COMMENTS: f32 = 8.0;
/// How many same-class comment elements make a thread.
pub const MIN_REPEATED_COMMENTS: u32 = 3;
/// An ad-named element with no text of its own (or only its label): an empty ad slot waiting for its ad.
pub const W_EMPTY_AD_SLOT: f32 = 5.0;
/// A second, different token for the same kind.
pub const W_TOKEN_EXTRA: f32 = 3.0;
/// A label heading such as "Sponsored Articles", "Related", "Comments" directly above the content.
pub const W_LABEL: f32 = 14.0;
/// Ad-network markup: custom elements (`amp-ad`), `ins.adsbygoogle`, `div-gpt-ad-*`, ad data-attributes.
pub const W_AD_MARKUP: f32 = 16.0;
/// Most links (or iframes) go to ad networks or recommendation widgets (Taboola, Outbrain, …).
pub const W_AD_LINKS: f32 = 18.0;
/// Ad-network links (and most of the box's links) that make a widget paid whatever its label says.
pub const MIN_AD_WIDGET_LINKS: u32 = 2;
/// Links whose text names a retailer price ("$49 at Amazon"): affiliate widgets.
pub const W_RETAILER_LINKS: f32 = 12.0;
/// Share links (facebook sharer, twitter intent, whatsapp, mailto) dominate the block.
pub const W_SHARE_LINKS: f32 = 14.0;
/// An e-mail input in a small form: a newsletter sign-up.
pub const W_EMAIL_FORM: f32 = 12.0;
/// A `<textarea>` with a comment-like form, or schema.org Comment markup.
pub const W_COMMENT_FORM: f32 = 12.0;
/// A list of ≥ 4 short links and little else: a menu.
pub const W_MENU_LIST: f32 = 10.0;
/// Buttons that ask the reader to subscribe, sign up, donate or download ("Subscribe", "Donate").
pub const W_CTA_LINKS: f32 = 10.0;
/// Links to the previous and next story ("Previous post: …").
pub const W_PREV_NEXT: f32 = 18.0;
/// A list of ≥ 3 story links with headline-length text: teaser cards.
pub const W_TEASER_LIST: f32 = 9.0;
/// "3 hours ago" / "1 day ago" timestamps repeated in a link list: a feed of other stories.
pub const W_RELATIVE_TIMES: f32 = 4.0;
/// An in-story line that starts with "READ MORE:" / "RELATED:" and is mostly a link.
pub const W_READ_MORE_LINE: f32 = 16.0;
/// Opening words of a cookie banner or a sign-up plea ("We use cookies", "Sign up for").
pub const W_PHRASE: f32 = 10.0;
/// Each plea word beyond two in a box that asks something of the reader, up to [`MAX_EXTRA_PLEAS`].
pub const W_PLEA_EXTRA: f32 = 2.0;
/// Plea words beyond two that add evidence.
pub const MAX_EXTRA_PLEAS: usize = 2;
/// `<aside>` outside the story leans related; it is rarely the story.
pub const W_ASIDE: f32 = 4.0;
/// `<form>` with a search input.
pub const W_SEARCH_FORM: f32 = 12.0;
/// Breadcrumb markup (schema.org BreadcrumbList, `aria-label=breadcrumb`).
pub const W_BREADCRUMB: f32 = 16.0;

// ---- word lists ----

/// A word list packed as one byte string: each word is its length in one byte, then its bytes. A
/// `&[&str]` costs the Wasm 8 bytes of pointer and length per word besides the text (about 7 KB for
/// the lists below); this costs one. [`words!`] packs a list at compile time; the source stays a list
/// of string literals.
#[derive(Clone, Copy)]
pub struct Words(pub(crate) &'static [u8]);

impl Words {
    /// The words, in the list's order.
    #[inline]
    pub fn iter(self) -> WordIter {
        WordIter(self.0)
    }

    /// True when `w` is one of the words.
    pub fn contains(self, w: &str) -> bool {
        self.iter().any(|x| x == w)
    }

    /// The first of the words that `t` starts with (a word's first byte is compared before the
    /// rest: most words are passed over without a call).
    pub fn prefix_of(self, t: &str) -> Option<&'static str> {
        let t = t.as_bytes();
        self.iter().find(|w| w.as_bytes().first().is_none_or(|c| t.first() == Some(c)) && t.starts_with(w.as_bytes()))
    }

    /// True when both are the same list.
    pub fn same(self, other: Words) -> bool {
        core::ptr::eq(self.0, other.0) || self.0 == other.0
    }
}

/// The words of a [`Words`].
#[derive(Clone)]
pub struct WordIter(&'static [u8]);

impl Iterator for WordIter {
    type Item = &'static str;

    #[inline]
    fn next(&mut self) -> Option<&'static str> {
        let (&n, rest) = self.0.split_first()?;
        let (w, rest) = rest.split_at(n as usize);
        self.0 = rest;
        // SAFETY: `pack_words` copied each word whole from a `&str`, so its bytes are UTF-8.
        Some(unsafe { core::str::from_utf8_unchecked(w) })
    }
}

/// The packed size of `words` (for [`words!`]).
pub const fn packed_len(words: &[&str]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < words.len() {
        assert!(words[i].len() < 256, "a listed word is longer than 255 bytes");
        n += 1 + words[i].len();
        i += 1;
    }
    n
}

/// `words` packed as [`Words`] reads them (for [`words!`]).
pub const fn pack_words<const N: usize>(words: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let (mut at, mut i) = (0, 0);
    while i < words.len() {
        let b = words[i].as_bytes();
        out[at] = b.len() as u8;
        at += 1;
        let mut j = 0;
        while j < b.len() {
            out[at] = b[j];
            at += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

/// A [`Words`] from string literals, packed at compile time (the literals themselves are not kept).
macro_rules! words {
    ($($w:literal),* $(,)?) => {{
        const LIST: &[&str] = &[$($w),*];
        const PACKED: [u8; $crate::rules::packed_len(LIST)] = $crate::rules::pack_words(LIST);
        $crate::rules::Words(&PACKED)
    }};
}
pub(crate) use words;

/// Class/id tokens that mean "paid third-party content". Tokens are split on `-`, `_`, space and
/// camelCase, then compared whole, so "head" or "load" never match "ad".
pub const SPONSORED_TOKENS: Words = words![
    "ad", "ads", "advert", "adverts", "advertisement", "advertisements", "advertising", "advertorial",
    "adslot", "adunit", "adbox", "adcontainer", "adwrapper", "adsense", "adsbygoogle", "dfp", "gpt",
    "doubleclick", "sponsor", "sponsored", "sponsors", "promoted", "taboola", "outbrain", "revcontent",
    "zergnet", "mgid", "nativo", "teads", "commercial", "partnercontent", "paidcontent", "affiliate",
    "chumbox", "trc", "obwidget", "banner_ad", "adzone", "adspace", "adblock_slot", "billboard",
    "leaderboard", "skyscraper", "mpu", "dianomi", "plista", "ligatus", "sharethrough", "anzeige",
    "werbung", "publicite", "publicidad", "reklama", "powerinbox", "zemanta", "adskeeper", "lockerdome",
    "connatix", "primis", "dianomi", "strossle", "engageya", "adblade", "syndicatedsearch", "adfox",
];

/// Of [`SPONSORED_TOKENS`], the names of ad networks and their widgets: surer than a generic word.
pub const AD_NETWORK_TOKENS: Words = words![
    "adsense", "adsbygoogle", "dfp", "doubleclick", "taboola", "outbrain", "revcontent", "zergnet", "mgid",
    "nativo", "teads", "trc", "obwidget", "dianomi", "plista", "ligatus", "sharethrough", "powerinbox",
    "zemanta", "adskeeper", "lockerdome", "connatix", "primis", "strossle", "engageya", "adblade", "adfox",
];

/// Class/id tokens for the site's promotion of itself. (Not "cmp": a consent platform's banner says
/// "cookies" in its text, and `cmp-` is the prefix of every Adobe Experience Manager core component,
/// "cmp-text" and "cmp-teaser" alike: on those pages it named a service page's main panels promotion.)
pub const PROMOTION_TOKENS: Words = words![
    "newsletter", "newsletters", "subscribe", "subscription", "subscriptions", "signup", "paywall",
    "promo", "promotion", "appdownload", "follow", "social", "socials",
    "share", "sharing", "shares", "sharebar", "podcast", "podcasts", "donate", "donation", "donations",
    "cookie", "cookies", "consent", "gdpr", "livestream", "membership", "optin", "cta",
    "adblocker", "adblock", "upsell", "marketing", "donor",
];

/// Class/id tokens for the site's own chrome.
pub const NAVIGATION_TOKENS: Words = words![
    "nav", "navbar", "navigation", "menu", "menus", "breadcrumb", "breadcrumbs", "footer", "header",
    "masthead", "topbar", "toolbar", "sitemap", "skip", "skiplink", "tags", "tag", "topics", "taglist",
    "pagination", "pager", "megamenu", "submenu", "colophon", "legal", "copyright", "hamburger",
];

/// Class/id tokens for reader comments.
pub const COMMENTS_TOKENS: Words = words![
    "comment", "comments", "commentlist", "disqus", "respond", "reply", "replies", "discussion",
    "discussions", "talk", "coral", "viafoura", "livefyre", "opinary", "responses",
    // Customers' reviews under a product are its readers' comments (WCXB product pages: a shop's
    // "individual-review" cards, a marketplace's "review-text" blocks).
    "reviews", "customerreviews", "userreviews", "reviewlist",
];

/// Class/id tokens for links to other stories.
pub const RELATED_TOKENS: Words = words![
    "related", "recirc", "recirculation", "recommended", "recommendations", "recommendation",
    "popular", "mostread", "mostpopular", "trending", "readnext", "upnext", "more", "morestories",
    "teaser", "teasers", "also", "further", "seealso", "next", "prev", "previous", "outbrain_related",
    "latest", "headlines", "feed", "river", "stream", "carousel", "cards", "similar",
    // The same run together, as blog plugins name their boxes ("jp-relatedposts", "relatedarticles").
    "relatedposts", "relatedarticles", "relatedstories", "relatedlinks", "relatedcontent", "relatednews",
];

/// Class/id tokens that mean "this is the story".
pub const ARTICLE_TOKENS: Words = words![
    "article", "articlebody", "story", "storybody", "post", "postbody", "entry", "entrycontent",
    "content", "maincontent", "main", "body", "text", "prose", "blog", "hentry", "rich",
];

/// Labels that head paid third-party content, in many languages (matched as the whole label or its
/// start, case-insensitive). "Anzeige" (de), "Publicité" (fr), "Patrocinado" (es/pt), "Реклама" (ru),
/// "إعلان" (ar), "פרסומת" (he), "広告" (ja), "광고" (ko), "Pubblicità" (it).
pub const SPONSORED_LABELS: Words = words![
    "advertisement", "advertisements", "advertising", "advertiser content", "ad", "ads", "ads by",
    "sponsored", "sponsored content", "sponsored articles", "sponsored links", "sponsored stories",
    "sponsored by", "promoted", "promoted stories", "promoted content", "promoted links",
    "paid content", "paid partner content", "paid post", "partner content", "from our partners",
    "around the web", "from around the web", "you may like", "recommended by", "ads by google",
    // Other ways the same boxes are headed (the seed page's "Sponsored Articles" reworded).
    "from our sponsors", "content from our sponsors", "sponsor content", "sponsored post", "sponsored posts",
    "paid for by", "brought to you by", "in partnership with", "partner stories", "presented by our partners",
    "more from our partners", "offers from our partners",
    "anzeige", "werbung", "gesponsert", "publicité", "sponsorisé", "contenu sponsorisé",
    "publicidad", "patrocinado", "contenido patrocinado", "pubblicità", "sponsorizzato",
    "реклама", "партнерский материал", "партнёрский материал", "новости партнеров", "новости партнёров",
    "материалы партнеров", "материалы партнёров", "إعلان", "اعلان", "محتوى مدفوع", "פרסומת", "ממומן",
    "広告", "광고", "advertentie", "gesponsord", "reklam", "reklama", "mainos", "annonse", "annons",
    "διαφήμιση", "publicidade", "patrocinados", "story continues below advertisement",
    "article continues below advertisement", "continue reading below", "sponsorowane",
];

/// Labels that head links to other stories.
pub const RELATED_LABELS: Words = words![
    "related", "related stories", "related articles", "related content", "related news",
    "related coverage", "related posts", "related links", "more from", "more stories", "more news",
    "more on this", "more on this story", "more in", "more like this", "most popular", "most read",
    "most viewed", "most shared", "trending", "trending now", "read next", "read more", "up next",
    "you may also like", "you might also like", "recommended", "recommended for you",
    "recommended stories", "also read", "see also", "don't miss", "top stories", "latest news",
    "latest stories", "latest", "editor's picks", "in case you missed it", "popular", "more to read",
    "what to read next", "keep reading", "further reading", "next story", "previous story",
    "next article", "previous article", "more headlines", "headlines",
    // Boxes of other stories beside this one (L3S-GN1: "On this topic" under a story). Not "Also in
    // the news": a news site's grid of teasers with their summaries under it (WCXB 0392) is heavy
    // enough to stay in the story, and the label took it out of the comments run it was hidden with.
    "in other news", "on this topic", "more on this topic",
    // A related entry after a word that dates it or sets it apart (L3S-GN1: a sports daily's "Recent
    // related articles" under its story). As entries: a rule stripping such words cost the .wasm 766 bytes.
    "recent related articles", "recent related stories", "other related articles", "other related stories",
    "mehr zum thema", "lesen sie auch", "das könnte sie auch interessieren", "meistgelesen",
    "à lire aussi", "a lire aussi", "sur le même sujet", "lire aussi", "les plus lus",
    "te puede interesar", "lee también", "noticias relacionadas", "más leídas", "lo más leído",
    "читайте также", "по теме", "самое читаемое", "популярное", "самое популярное", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "مواضيع ذات صلة",
    "הכתבות הנקראות", "כתבות נוספות", "leia também", "leggi anche", "lees ook", "läs också",
];

/// Siblings after a comments marker (an `<a name="comments">` anchor, a bare "Comments" heading) are
/// the comments, one block each: 2008 news pages print them as a flat run of paragraphs after the
/// story with no wrapper of their own (L3S-GN1, a British daily's "Comments" run of `p.story`).
/// As strong as a label heading: those paragraphs often carry the story's own class (`p.story`).
pub const W_AFTER_COMMENTS_MARKER: f32 = 14.0;
/// A marker needs at least this many siblings with text after it.
pub const MIN_COMMENTS_AFTER_MARKER: usize = 2;
/// The share of a sibling's characters in links above which it is no comment after the marker: a
/// menu's entries under a "Comments" section heading (L3S-GN1, an Indian daily's left-hand menu).
pub const MAX_COMMENT_LINK_SHARE: f32 = 0.75;
/// Anchor names/ids that comment links point at.
pub const COMMENTS_ANCHORS: Words = words!["comments", "comment", "commentaires", "kommentare", "talkback", "reader-comments"];
/// The whole text of a heading that marks the comments below it (digits in front allowed: "12 comments").
pub const COMMENTS_MARKER_LABELS: Words = words![
    "comments", "reader comments", "user comments", "readers' comments", "your comments", "kommentare",
    "leserkommentare", "commentaires", "comentarios", "comentários", "commenti", "reacties", "комментарии",
];

/// The fewest characters other than spaces of a [`COMMENTS_MARKER_LABELS`] entry (test
/// `marker_labels_have_their_letters`).
pub const MIN_MARKER_LABEL_LETTERS: u32 = 8;

/// The schema.org type a forum thread's page carries.
pub const DISCUSSION_TYPE: &str = "DiscussionForumPosting";
/// A host label or path segment that names a forum (see `classify::address_names_a_forum`).
pub const FORUM_ADDRESS_WORDS: Words = words!["forum", "forums", "thread", "threads", "showthread", "viewtopic", "discussion", "discussions", "board", "boards"];
/// The schema.org type of a page that presents a product, as its JSON-LD writes it, quoted (56 of
/// WCXB's 105 tune product pages, 11 of 110 collections). An `itemtype` never holds the quotes:
/// microdata product pages were tried as well and gained nothing.
pub const PRODUCT_TYPE: &str = "\"Product\"";
/// Schema.org types as a JSON-LD script spells them ("Article\"" also ends NewsArticle, TechArticle)
/// that say a page is one article. A short story on such a page is its text, not a weak story for a
/// larger listing to replace. (`Product` was tried: WCXB tune product +0.003, 2 pages up and 3 down,
/// and a product page's main text hidden 0.66 -> 0.73 %: dropped.)
pub const ONE_SUBJECT_TYPES: &[&str] = &["Article\"", "BlogPosting\""];

/// Labels that head reader comments.
pub const COMMENTS_LABELS: Words = words![
    "comments", "comment", "leave a comment", "leave a reply", "join the conversation",
    "join the discussion", "discussion", "reader comments", "responses", "replies", "add a comment",
    "post a comment", "kommentare", "kommentar", "leserkommentare", "commentaires", "commentaire",
    "réagissez", "comentarios", "comentários", "комментарии", "تعليقات", "التعليقات", "תגובות",
    "commenti", "reacties", "customer reviews", "top reviews", "kundenrezensionen", "thoughts on",
    "one thought on", "one response to", "one reply to", "one comment",
    // The readers' own say, as British and Australian news sites head their comments (L3S-GN1's
    // "YOUR SAY" rail of readers' latest comments, "What you think..." over a club's fan comments).
    "your say", "have your say", "what you think", "your views", "readers' views", "reader views",
];

/// Labels of a forum poster's card beside each post ("Joined Mar 5, 2020 · Messages 1,234 · Reaction
/// score 567", "8,415 posts"): two text nodes of a short box with a number and no prose that open
/// with one (or are a count and one) make the box the poster's stats, which the reader of a thread leaves out (WCXB forum pages' ground truth keeps the posts,
/// not the cards). Lowercase, compared as whole words.
pub const POSTER_STAT_LABELS: Words = words![
    "joined", "join date", "member since", "registered", "messages", "posts", "total posts",
    "reaction score", "reactions", "points", "trophy points", "reputation", "karma", "solutions",
    "location", "current location", "threads", "likes received",
];
/// A poster's card is shorter than this (characters).
pub const MAX_POSTER_CARD_CHARS: u32 = 300;

/// Units of a post's counters shown as a line of their own in a thread ("12 likes", "3 replies",
/// "189 points"): with a number before them, and nothing else in the line, the line is the forum
/// software's chrome, which the reader of a thread leaves out (WCXB forum pages' ground truth keeps the
/// posts, not their scores, like counts and post numbers). Lowercase, compared as the whole rest of
/// the line.
pub const THREAD_COUNTER_UNITS: Words = words![
    "like", "likes", "reply", "replies", "answer", "answers", "view", "views", "post", "posts", "point",
    "points", "vote", "votes", "participant", "participants", "comment", "comments", "reaction", "reactions",
];

/// Texts of a post's buttons in a thread ("Reply", "Quote", "Click to expand..." under a long quote):
/// a block whose whole text is one of them is the forum software's chrome, which the reader of a
/// thread leaves out (WCXB forum pages' ground truth keeps the posts, not their buttons). Lowercase.
pub const THREAD_BUTTON_TEXTS: Words = words![
    "reply", "quote", "reply with quote", "add to quote", "multiquote", "report", "report post", "share",
    "like", "permalink", "jump to post", "click to expand...", "click to expand…", "click to expand",
];

/// Texts of a shop's or a service's buttons drawn as links ("Learn more", "Get started", "Book now"):
/// a link alone in its box with one of these texts is a call to action, which the reader leaves out
/// (WCXB service, product and listing pages' ground truth keeps the text around them, not them).
/// Lowercase, the link's whole text.
pub const READER_CTA_LINKS: Words = words![
    "learn more", "read more", "see more", "view all", "shop now", "book now", "apply now", "get started",
    "contact us", "get a quote",
];

/// Whole texts of captions over the page's own furniture, which the reader leaves out where they
/// stand alone on a line: the heading of a table of contents (whose list of in-page links it does
/// not show), a shop's or a Q&A page's sort and filter controls, a byline's caption, a script's
/// placeholder, the question of a feedback widget under the story, a teaser's "Read more". Lowercase. (WCXB's ground truth keeps none of them: 25, 8 to 11 and 10 tune pages.)
pub const READER_CAPTIONS: Words = words![
    "table of contents", "in this article", "on this page", "contents:", "jump to:", "sort", "sort by",
    "sort by:", "sorted by:", "filter", "filters", "filter by", "filter by:", "view:", "reset to default",
    "written by", "written by:", "loading...", "loading…", "reading time", "reading time:",
    "was this page helpful?", "was this article helpful?", "was this helpful?", "read more", "read more »",
    "read more ›", "read full article", "continue reading",
];

/// What follows the number in an estimated reading time ("5 min read"), lowercase.
pub const READING_TIME_UNITS: Words = words![
    "min read", "mins read", "minute read", "minutes read", "min read time", "minute read time",
    "minutes read time", "min. read",
];

/// Labels that head the site's own chrome: tag and topic lists, archives, section lists.
pub const NAVIGATION_LABELS: Words = words![
    "tags", "tag", "topics", "topic", "trending topics", "categories", "category", "archives",
    "filed under", "posted in", "sections", "explore", "browse", "more topics", "related topics",
    "related tags", "on the site", "quick links", "site map", "sitemap", "menu", "navigation",
    "post navigation", "schlagwörter", "themen", "mots-clés", "thèmes", "etiquetas", "temas", "теги",
    "темы", "الوسوم", "وسوم", "תגיות", "argomenti", "onderwerpen",
];

/// Link texts of the site's calls to action: buttons that sign up, subscribe, donate, download.
pub const CTA_WORDS: Words = words![
    "subscribe", "sign up", "signup", "register", "donate", "donation", "buy me a coffee", "chip in",
    "become a member", "join now", "start free trial", "free trial", "download the app",
    "get the app", "app store", "google play", "follow us", "follow", "listen now", "watch live",
    "listen live", "support us", "give now", "abonnieren", "abonnez-vous", "s'abonner", "suscríbete",
    "suscribirse", "подписаться", "اشترك", "spenden", "faire un don", "donar",
];

/// Openings of links to the previous or next story.
pub const PREV_NEXT_OPENINGS: Words = words![
    "previous", "next", "older", "newer", "prev", "← ", "« ", "vorheriger", "nächster", "précédent",
    "suivant", "anterior", "siguiente", "предыдущ", "следующ", "السابق", "التالي",
];

/// Labels of the site promoting itself.
pub const PROMOTION_LABELS: Words = words![
    "newsletter", "sign up", "sign up for", "subscribe", "subscribe now", "subscribe to",
    "get the newsletter", "download our app", "download the app", "get the app", "follow us",
    "share", "share this", "share this article", "share this story", "share on", "watch live",
    "podcast", "donate", "support us", "support our journalism", "become a member",
    "we use cookies", "this website uses cookies", "cookie", "cookies", "ad blocker",
    "turn off your ad blocker", "live tv", "tv live", "follow", "get alerts", "stay informed",
    "abonnieren", "newsletter abonnieren", "jetzt abonnieren", "teilen", "s'abonner", "abonnez-vous",
    "inscrivez-vous", "partager", "suscríbete", "suscribirse", "compartir", "подписаться",
    "подпишитесь", "поделиться", "اشترك", "تابعنا", "شارك", "הירשמו",
    // A shop's plugs for its other products beside the one on the page (WCXB product pages).
    "customers also bought", "customers also viewed", "customers who viewed this item also viewed",
    "customers who bought this item also bought", "frequently bought together", "similar items",
    "similar products", "related products", "recently viewed", "recently viewed items",
    "more from this seller", "seller's other items", "compare similar items", "shop similar",
    "complete the look", "pairs well with", "kunden kauften auch", "articles similaires",
];

/// Last words of a short label that make it the site's own plug ("KSL 5 TV Live", "The Daily Podcast").
pub const PROMOTION_LABEL_ENDINGS: Words = words![
    "live", "live tv", "tv live", "watch live", "listen live", "newsletter", "newsletters", "podcast",
    "app", "live stream", "livestream",
];

/// Line openings that make an in-story paragraph a link to another story ("READ MORE: …").
pub const READ_MORE_OPENINGS: Words = words![
    "read more:", "read more", "related:", "also read:", "also read", "read also:", "more:",
    "see also:", "watch:", "read:", "recommended:", "don't miss:", "mehr zum thema:", "lesen sie auch:",
    "lire aussi:", "à lire aussi:", "a lire aussi:", "lee también:", "lea también:", "читайте также:",
    "اقرأ أيضا:", "اقرأ أيضاً:", "leia também:", "leggi anche:",
];

/// Sentence openings of cookie banners and the site's pleas to the reader.
pub const PROMOTION_PHRASES: Words = words![
    "we use cookies", "this site uses cookies", "this website uses cookies", "by continuing to use",
    "we and our partners", "sign up for our", "sign up to our", "subscribe to our", "get our",
    "download our app", "download the app", "get the app", "follow us on", "support our journalism",
    "your support", "consider supporting", "please disable your ad blocker", "turn off your ad blocker",
    "it looks like you're using an ad blocker", "we noticed you're using an ad blocker",
    "already a subscriber", "subscribe for", "you have reached your limit", "unlock this article",
    "wir verwenden cookies", "nous utilisons des cookies", "utilizamos cookies", "мы используем cookie",
];

/// Words of the site's pleas to the reader, found anywhere in the first lines of a small box with a
/// button, a form or a link: cookie and consent dialogs, app and channel plugs, paywalls, donation
/// appeals, ad-blocker notices, event plugs. Two of them (or one beside a button) make a plea.
pub const PLEA_WORDS: Words = words![
    "cookie", "cookies", "your privacy", "personal data", "consent", "partners", "our app", "the app",
    "free app", "app store", "google play", "download", "notifications", "alerts", "newsletter",
    "subscribe", "subscription", "subscriber", "free trial", "cancel anytime", "per month", "/month",
    "unlimited access", "digital access", "sign up", "log in", "your gift", "donate", "donation",
    "made possible by", "listeners like you", "readers like you", "support our", "ad blocker",
    "adblocker", "allowlist", "whitelist", "telegram", "whatsapp", "follow us", "join us", "tickets",
    "podcast", "apple podcasts", "spotify", "livestream", "watch live", "zustimmung", "datenschutz", "abonnieren", "abonnez",
    "confidentialité", "privacidad", "suscríbete", "síguenos", "canal", "подписывайтесь",
    "канал", "подписка", "اشترك", "تابعنا", "הירשמו", "ניוזלטר",
];

/// Endings of a "More … Stories" label (after "more " and a section's name), lowercase.
pub const RELATED_LABEL_ENDINGS: Words = words!["stories", "news", "articles", "headlines", "videos", "reads"];

/// Hosts of app stores' pages ("Download on the App Store").
pub const APP_STORE_HOSTS: Words = words!["apps.apple.com", "itunes.apple.com", "play.google.com", "appgallery.huawei.com", "galaxystore.samsung.com"];

/// Openings of a "skip to the content" link (an in-page link before the site's chrome), lowercase.
pub const SKIP_LINK_OPENINGS: Words = words![
    "skip to", "skip navigation", "jump to", "aller au contenu", "aller à la navigation", "zum inhalt",
    "direkt zum", "saltar al", "ir al contenido", "passa al contenuto", "vai al contenuto", "naar inhoud",
    "перейти к", "пропустить", "انتقل إلى", "דלג ל",
];

/// Hosts of ad networks, native-ad ("chumbox") and recommendation widgets, matched as host suffixes.
pub const AD_HOSTS: Words = words![
    "taboola.com", "outbrain.com", "revcontent.com", "zergnet.com", "doubleclick.net",
    "googlesyndication.com", "googleadservices.com", "adservice.google.com", "adnxs.com", "criteo.com",
    "criteo.net", "mgid.com", "content.ad", "amazon-adsystem.com", "plista.com", "ligatus.com",
    "nativo.com", "ntv.io", "sharethrough.com", "triplelift.com", "yieldmo.com", "teads.tv",
    "adform.net", "smartadserver.com", "dianomi.com", "adblade.com", "lockerdome.com", "powerinbox.com",
    "connatix.com", "primis.tech", "undertone.com", "media.net", "bidtellect.com", "gemini.yahoo.com",
    "tpc.googlesyndication.com", "adsrvr.org", "rubiconproject.com", "pubmatic.com", "openx.net",
    "moatads.com", "flashtalking.com", "serving-sys.com", "sizmek.com", "adroll.com",
    "clickbank.net", "trends.revcontent.com", "engageya.com", "adskeeper.com", "adskeeper.co.uk",
    "yahoo.com/gemini", "ad.doubleclick.net", "adclick.g.doubleclick.net", "syndicatedsearch.goog",
    "strossle.com", "adsafeprotected.com", "zemanta.com", "ob.cdn", "speakol.com", "vidazoo.com",
    "adfox.ru", "buysellads.com", "buysellads.net", "carbonads.net", "carbonads.com",
];

/// Path segments of the site's topic, tag and section pages ("/tag/…", "/topics/…"): links there are
/// navigation, not stories (LABELS.md).
pub const TOPIC_PATH_SEGMENTS: Words = words![
    "tag", "tags", "topic", "topics", "category", "categories", "section", "sections", "thema",
    "themen", "schlagwort", "schlagworte", "stichwort", "etiqueta", "etiquetas", "tema", "temas",
    "sujet", "sujets", "theme", "themes", "mot-cle", "mots-cles", "tegi", "teg", "rubrique", "ressort",
];

/// Characters that separate the steps of a breadcrumb trail ("Home › World › Europe").
pub const BREADCRUMB_SEPARATORS: &[char] = &['›', '>', '/', '»', '→', '|', '·', '\\', '>', '•', '‹', '<', '«', '←'];

/// Links to topic and tag pages dominate the block.
pub const W_TOPIC_LINKS: f32 = 12.0;

/// Hosts and paths of share buttons.
pub const SHARE_URL_MARKS: Words = words![
    "facebook.com/sharer", "facebook.com/share", "twitter.com/intent", "twitter.com/share",
    "x.com/intent", "x.com/share", "wa.me/", "api.whatsapp.com/send", "whatsapp://", "linkedin.com/share",
    "linkedin.com/sharearticle", "pinterest.com/pin/create", "reddit.com/submit", "t.me/share",
    "telegram.me/share", "mailto:?", "plus.google.com/share", "tumblr.com/share", "vk.com/share",
    "bsky.app/intent", "threads.net/intent", "flipboard.com/bookmarklet",
];

/// Hosts of social profiles ("follow us").
pub const SOCIAL_HOSTS: Words = words![
    "facebook.com", "twitter.com", "x.com", "instagram.com", "youtube.com", "tiktok.com",
    "linkedin.com", "pinterest.com", "threads.net", "bsky.app", "t.me", "whatsapp.com", "snapchat.com",
    "apps.apple.com", "itunes.apple.com", "play.google.com", "podcasts.apple.com", "open.spotify.com",
];

/// Retailers of affiliate widgets ("$49 at Amazon").
pub const RETAILER_WORDS: Words = words![
    "amazon", "walmart", "target", "best buy", "bestbuy", "ebay", "etsy", "home depot", "wayfair",
    "macy's", "nordstrom", "costco", "newegg", "b&h", "apple store", "kohl's", "sephora", "ulta",
];

/// Relative-time words on teaser cards ("3 hours ago", "vor 2 Stunden", "il y a 3 heures").
pub const RELATIVE_TIME_WORDS: Words = words![
    " ago", "vor ", "il y a", "hace ", "назад", "منذ", "לפני", "fa ", "geleden", "sedan",
    "just now", "yesterday", "gestern", "hier", "ayer", "вчера",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_come_back_as_listed() {
        const W: Words = words!["ad", "", "реклама", "إعلان", "a much longer phrase than the others"];
        assert_eq!(W.iter().collect::<Vec<_>>(), ["ad", "", "реклама", "إعلان", "a much longer phrase than the others"]);
        for t in ["", "a", "ad", "adx", "реклама!", "a much longer phrase than the others"] {
            assert_eq!(W.prefix_of(t), W.iter().find(|w| t.starts_with(w)), "{t:?}");
        }
        const V: Words = words!["read more", "read", "реклама"];
        for t in ["", "r", "rea", "read", "read more", "read more:", "реклама x", "рек"] {
            assert_eq!(V.prefix_of(t), V.iter().find(|w| t.starts_with(w)), "{t:?}");
        }
        assert!(W.contains("реклама") && W.contains("") && !W.contains("a"));
        let letters = COMMENTS_MARKER_LABELS.iter().map(|w| w.chars().filter(|&c| c != ' ').count() as u32).min();
        assert_eq!(letters, Some(MIN_MARKER_LABEL_LETTERS), "marker_labels_have_their_letters");
        const EMPTY: Words = words![];
        assert_eq!(EMPTY.iter().count(), 0);
        assert!(SPONSORED_LABELS.same(SPONSORED_LABELS) && !SPONSORED_LABELS.same(RELATED_LABELS));
        assert_eq!(SPONSORED_TOKENS.iter().next(), Some("ad"));
    }
}
