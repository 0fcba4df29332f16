//! The core under Wasm in a real browser (headless Chromium or Firefox via wasm-bindgen-test): the
//! golden pages parsed by the browser's own HTML parser, walked into the wire format, classified
//! through the exported `analyze` decoding path, and checked against the same `expected.txt`.
//! Run with `make test-wasm`.
#![cfg(target_arch = "wasm32")]

use blockwise::page::{Snapshot, Wire, NONE};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{DomParser, Node, SupportedType};

wasm_bindgen_test_configure!(run_in_browser);

/// The wire arrays of a document parsed by the browser, following docs/snapshot-format.md.
struct WireBuf {
    strings: Vec<String>,
    names: Vec<u32>,
    parents: Vec<i32>,
    texts: Vec<u32>,
    attrs: Vec<u32>,
}

impl WireBuf {
    fn intern(&mut self, s: &str) -> u32 {
        self.strings.push(s.replace('\0', "\u{FFFD}"));
        (self.strings.len() - 1) as u32
    }

    fn walk(&mut self, root: Node) {
        let mut stack: Vec<(Node, i32)> = vec![(root, -1)];
        while let Some((node, parent)) = stack.pop() {
            let i = self.names.len() as i32;
            self.parents.push(parent);
            if node.node_type() == Node::TEXT_NODE {
                let t = node.text_content().unwrap_or_default();
                let n = self.intern("#text");
                self.names.push(n);
                let v = self.intern(if t.trim().is_empty() { " " } else { &t });
                self.texts.push(v);
                continue;
            }
            let el: web_sys::Element = node.clone().unchecked_into();
            let name = el.local_name().to_lowercase();
            let n = self.intern(&name);
            self.names.push(n);
            self.texts.push(NONE);
            let attrs = el.attributes();
            for k in 0..attrs.length() {
                let a = attrs.item(k).unwrap();
                let (an, av) = (a.name(), a.value());
                let ni = self.intern(&an);
                let vi = self.intern(&av);
                self.attrs.extend([i as u32, ni, vi]);
            }
            let skip_text = matches!(name.as_str(), "script" | "style" | "noscript" | "template")
                && !(name == "script" && el.get_attribute("type").as_deref() == Some("application/ld+json"));
            if skip_text {
                continue;
            }
            let kids = node.child_nodes();
            for k in (0..kids.length()).rev() {
                let kid = kids.item(k).unwrap();
                if matches!(kid.node_type(), Node::ELEMENT_NODE | Node::TEXT_NODE) {
                    stack.push((kid, i));
                }
            }
        }
    }
}

fn snapshot_of(html: &str, url: &str) -> Snapshot {
    let doc = DomParser::new().unwrap().parse_from_string(html, SupportedType::TextHtml).unwrap();
    let mut w = WireBuf { strings: Vec::new(), names: Vec::new(), parents: Vec::new(), texts: Vec::new(), attrs: Vec::new() };
    w.walk(doc.document_element().unwrap().into());
    let strings = w.strings.join("\0");
    let wire = Wire { url, strings: &strings, names: &w.names, parents: &w.parents, texts: &w.texts, attrs: &w.attrs, flags: &[], rects: &[] };
    Snapshot::from_wire(&wire).expect("the browser's snapshot decodes")
}

/// Known misses of `case` from tests/golden/KNOWN_MISSES.txt (the native golden test explains the rules).
fn known(case: &str) -> Vec<&'static str> {
    include_str!("golden/KNOWN_MISSES.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut p = l.split('\t');
            (p.next() == Some(case)).then(|| p.next().unwrap_or(""))
        })
        .collect()
}

fn check(case: &str, html: &str, expected: &str) {
    let known = known(case);
    let url = expected.lines().find_map(|l| l.strip_prefix("# url: ")).unwrap_or("https://news.example.com/2024/10/24/story/");
    let snap = snapshot_of(html, url);
    let a = blockwise::analyze(&snap, true);
    let paths = snap.all_paths();
    let mut wrong = Vec::new();
    let mut n = 0;
    for line in expected.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (kind, path) = line.split_once('\t').unwrap();
        n += 1;
        match paths.iter().position(|p| p == path) {
            None => wrong.push(format!("{path}: no such element")),
            Some(node) => {
                let got = a.classification.kind_of(&snap, node as u32).map(|k| k.as_str());
                let hides_story = kind == "article" && got.is_some_and(|k| k != "article");
                if known.contains(&path) && !hides_story {
                    continue;
                }
                if got != Some(kind) {
                    wrong.push(format!("{path}: expected {kind}, got {got:?}"));
                }
            }
        }
    }
    assert!(n > 0, "no expectations");
    assert!(wrong.is_empty(), "{} of {n} wrong:\n{}", wrong.len(), wrong.join("\n"));
    assert!(a.reader.is_some(), "every golden page has an article");
}

macro_rules! golden {
    ($($name:ident => $dir:literal),* $(,)?) => {
        $(
            #[wasm_bindgen_test]
            fn $name() {
                check(
                    $dir,
                    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/", $dir, "/source.html")),
                    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/", $dir, "/expected.txt")),
                );
            }
        )*
    };
}

#[wasm_bindgen_test]
fn ksl_north_korea() {
    check(
        "ksl-north-korea",
        include_str!("../www/samples/ksl-north-korea.html"),
        include_str!("golden/ksl-north-korea/expected.txt"),
    );
}

// Every folder of tests/golden (the native test `wasm_list_matches_golden_folders` keeps this in step).
golden! {
    affiliate_shopping_review => "affiliate-shopping-review",
    blog_comments_wordpress => "blog-comments-wordpress",
    chumbox_taboola_wire => "chumbox-taboola-wire",
    div_soup_no_semantics => "div-soup-no-semantics",
    french_national => "french-national",
    german_regional => "german-regional",
    ksl_rebuild_amp => "ksl-rebuild-amp",
    ksl_rebuild_arc => "ksl-rebuild-arc",
    ksl_rebuild_drupal => "ksl-rebuild-drupal",
    ksl_rebuild_html5 => "ksl-rebuild-html5",
    ksl_rebuild_nextjs => "ksl-rebuild-nextjs",
    ksl_rebuild_utility => "ksl-rebuild-utility",
    ksl_rebuild_wordpress => "ksl-rebuild-wordpress",
    magazine_longform_cards => "magazine-longform-cards",
    outbrain_hashed_emotion => "outbrain-hashed-emotion",
    paywall_subscribe_business => "paywall-subscribe-business",
    public_radio_donation => "public-radio-donation",
    revcontent_zergnet_tabloid => "revcontent-zergnet-tabloid",
    rtl_arabic => "rtl-arabic",
    rtl_hebrew_talkbacks => "rtl-hebrew-talkbacks",
    russian_news => "russian-news",
    spanish_diario_styled => "spanish-diario-styled",
    sports_adblock_disqus => "sports-adblock-disqus",
    table_soup_oldschool => "table-soup-oldschool",
    substack_newsletter_post => "substack-newsletter-post",
    tech_table_code => "tech-table-code",
    uk_tabloid_join_conversation => "uk-tabloid-join-conversation",
}

#[wasm_bindgen_test]
fn malformed_wire_is_an_error_not_a_panic() {
    let r = blockwise::wasm::analyze("https://e.com/", "html\0body", &[0, 1], &[1, -1], &[NONE, NONE], &[], &[], &[], 0);
    assert!(r.is_err());
    let r = blockwise::wasm::analyze("https://e.com/", "html", &[5], &[-1], &[NONE], &[], &[], &[], 0);
    assert!(r.is_err());
    let r = blockwise::wasm::analyze("https://e.com/", "html", &[0], &[-1], &[NONE], &[0, 0], &[], &[], 0);
    assert!(r.is_err());
}

#[wasm_bindgen_test]
fn analyze_returns_blocks_and_reader() {
    let html = include_str!("../www/samples/ksl-north-korea.html");
    let snap = snapshot_of(html, "https://www.ksl.com/article/1/");
    let a = blockwise::analyze(&snap, true);
    let r = a.reader.expect("reader");
    assert!(r.title.contains("North Korean troops"));
    assert!(r.text.contains("Moscow"));
}

/// The exported `analyze` carries every string as UTF-16 lengths over one string (src/wasm.rs,
/// src/result.js): text with two-, three- and four-byte characters comes out as the core wrote it.
#[wasm_bindgen_test]
fn exported_strings_keep_every_character() {
    let para = "<p>Ünïcödé café — 東京の記者 reports 🙂 from the 𝔘𝔫𝔦 quarter, where the council voted on Tuesday evening to reopen the old pier after four years.</p>";
    let html = format!("<html><head><title>Café 🙂 東京 𝔘𝔫𝔦 reopens its old pier</title></head><body><article><h1>Café 🙂 東京 𝔘𝔫𝔦 reopens its old pier</h1>{}</article></body></html>", para.repeat(8));
    let url = "https://news.example.com/a/story.html";
    let doc = DomParser::new().unwrap().parse_from_string(&html, SupportedType::TextHtml).unwrap();
    let mut w = WireBuf { strings: Vec::new(), names: Vec::new(), parents: Vec::new(), texts: Vec::new(), attrs: Vec::new() };
    w.walk(doc.document_element().unwrap().into());
    let strings = w.strings.join("\0");
    let got = blockwise::wasm::analyze(url, &strings, &w.names, &w.parents, &w.texts, &w.attrs, &[], &[], 1).expect("analyze");
    let want = blockwise::analyze(&snapshot_of(&html, url), true).reader.expect("reader");
    let reader = js_sys::Reflect::get(&got, &"reader".into()).unwrap();
    let field = |k: &str| js_sys::Reflect::get(&reader, &k.into()).unwrap().as_string().unwrap();
    assert!(want.text.contains('🙂') && want.title.contains('𝔘'), "{}", want.title);
    assert_eq!(field("title"), want.title);
    assert_eq!(field("text"), want.text);
}
