//! Kinds against L3S-GN1's human labels, word by word: related (sel4) and comments (sel5) precision and
//! recall, and the share of story words (sel1–sel3) hidden by the default settings.
//!
//! `cargo run --release --example l3s -- [DIR]` (default `../shared/data/l3s-gn1`).
//!
//! After the figures it prints where the related and comments words go: the gold sel4 / sel5 words we
//! miss by the kind we give them, and the words we call related / comments by their gold label. With
//! `SHOW=related` or `SHOW=comments` it also lists, page by page (most words wrong first; `PAGES=N`
//! pages, default 25), the largest runs of missed and wrongly claimed words (`TOP=N` per page, default
//! 4; `ONLY=missed` or `ONLY=claimed` for one side), each with our block's path in the untouched page (for `blockwise classify PAGE --explain PATH`).

use blockwise::page::{Attr, NodeId, Snapshot, Tag, NONE};
use blockwise::Kind;

/// The gold classes, indexed as in [`Matrix`]: sel0–sel5, then words in no labelled span.
const GOLD_NAMES: [&str; 7] = ["sel0 (not content)", "sel1 (headline)", "sel2 (full text)", "sel3 (supplemental)", "sel4 (related)", "sel5 (comments)", "no label (boilerplate)"];
/// Index of the unlabelled words.
const UNLABELLED: usize = 6;
/// Our kinds, indexed as in [`Matrix`]: `Kind as usize`, then words in no block.
const KIND_NAMES: [&str; 7] = ["article", "related", "promotion", "sponsored", "navigation", "comments", "no block"];
/// Index of the words in no block.
const NO_BLOCK: usize = 6;

/// Words by gold class (row) and our kind (column).
type Matrix = [[u64; 7]; 7];

fn kind_index(k: Option<Kind>) -> usize {
    k.map_or(NO_BLOCK, |k| k as usize)
}

/// One visible word of the untouched page.
struct Word {
    norm: String,
    kind: Option<Kind>,
    /// Its innermost block (`NONE` outside every block).
    block: NodeId,
    /// Its text node.
    text: NodeId,
}

/// The untouched page, classified, as words in reading order.
struct Original {
    snap: Snapshot,
    words: Vec<Word>,
}

/// The page's address as `url-mapping.txt` gives it (`<urn:uuid:ID>` TAB address, one page a line), by
/// page id; the bench loads each page at that address too (bench/run.mjs).
fn url_mapping(dir: &str) -> std::collections::HashMap<String, String> {
    let text = std::fs::read_to_string(format!("{dir}/url-mapping.txt")).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let (urn, url) = l.split_once('\t')?;
            let id = urn.trim().strip_prefix("<urn:uuid:")?.strip_suffix('>')?;
            Some((id.to_string(), url.trim().to_string()))
        })
        .collect()
}

/// The page's address when the set does not give it: its site is taken to be the host that most of its
/// absolute links point at (2008 pages linked to their own site with absolute addresses), so that links
/// to the site's own stories read as such.
fn guessed_url(html: &str) -> String {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut at = 0;
    while let Some(k) = html[at..].find("href=").map(|k| k + at) {
        at = k + 5;
        let rest = &html[at..];
        let rest = rest.trim_start_matches(['"', '\'']);
        let Some(after) = rest.strip_prefix("http://").or_else(|| rest.strip_prefix("https://")) else { continue };
        let end = after.find(|c: char| matches!(c, '/' | '"' | '\'' | ' ' | '>' | '?' | '#')).unwrap_or(after.len());
        let host = after[..end].trim_start_matches("www.");
        if !host.is_empty() && host.is_ascii() {
            *counts.entry(host).or_insert(0) += 1;
        }
    }
    let host = counts.into_iter().max_by_key(|(h, n)| (*n, std::cmp::Reverse(*h))).map_or("news.example.com", |(h, _)| h);
    format!("http://{}/story.html", host.to_ascii_lowercase())
}

fn original_words(html: &str, url: &str) -> Original {
    let snap = blockwise::html::parse(html, url);
    let a = blockwise::analyze(&snap, false);
    let f = blockwise::features::Features::compute(&snap);
    let blocks: std::collections::HashMap<u32, Kind> = a.blocks().iter().map(|b| (b.node, b.kind)).collect();
    let mut kind: Vec<Option<Kind>> = vec![None; snap.len()];
    let mut block: Vec<NodeId> = vec![NONE; snap.len()];
    let mut words = Vec::new();
    for i in 0..snap.len() {
        let p = snap.nodes[i].parent;
        if p != NONE {
            kind[i] = kind[p as usize];
            block[i] = block[p as usize];
        }
        if let Some(k) = blocks.get(&(i as u32)) {
            kind[i] = Some(*k);
            block[i] = i as NodeId;
        }
        if snap.nodes[i].tag == Tag::Text && !f.silent[i] {
            for word in snap.text(i as u32).split_whitespace() {
                words.push(Word { norm: norm(word), kind: kind[i], block: block[i], text: i as NodeId });
            }
        }
    }
    drop(a);
    Original { snap, words }
}

/// How far ahead in the untouched page a word of the annotated copy is looked for.
const ALIGN_WINDOW: usize = 40;

/// A word as both copies spell it: alphanumerics only, lowercase (the conversion lost some quotes).
fn norm(w: &str) -> String {
    w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A run of consecutive aligned words with the same gold class, the same kind and the same block.
struct Run {
    gold: usize,
    kind: usize,
    block: NodeId,
    first: usize,
    last: usize,
    words: usize,
}

/// One page's result.
struct PageResult {
    m: Matrix,
    /// Runs of wrong words for the `SHOW` listing, with their paths and previews already rendered.
    shown: Vec<(usize, String)>,
    wrong: u64,
}

/// Which kind and gold class `SHOW` lists.
fn show_target() -> Option<(Kind, usize)> {
    match std::env::var("SHOW").ok()?.as_str() {
        "related" => Some((Kind::Related, 4)),
        "comments" => Some((Kind::Comments, 5)),
        other => {
            eprintln!("l3s: SHOW={other}: expected 'related' or 'comments'");
            std::process::exit(2)
        }
    }
}

/// `ONLY=missed` or `ONLY=claimed`: list only the gold words we miss, or only the words we claim wrongly.
#[derive(Clone, Copy, PartialEq)]
enum Only {
    Missed,
    Claimed,
}

fn only() -> Option<Only> {
    match std::env::var("ONLY").ok()?.as_str() {
        "missed" => Some(Only::Missed),
        "claimed" => Some(Only::Claimed),
        other => {
            eprintln!("l3s: ONLY={other}: expected 'missed' or 'claimed'");
            std::process::exit(2)
        }
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// The deepest element holding both text nodes.
fn common_ancestor(snap: &Snapshot, a: NodeId, b: NodeId) -> NodeId {
    let chain = |mut n: NodeId| {
        let mut v = Vec::new();
        while n != NONE {
            v.push(n);
            n = snap.nodes[n as usize].parent;
        }
        v.reverse();
        v
    };
    let (ca, cb) = (chain(a), chain(b));
    let mut last = ca[0];
    for (x, y) in ca.iter().zip(&cb) {
        if x != y { break; }
        last = *x;
    }
    if snap.nodes[last as usize].tag == Tag::Text { snap.nodes[last as usize].parent } else { last }
}

/// Scores the untouched page's kinds against the annotated copy's labels, word by word (the two
/// pages hold the same text in the same order; the annotation only wraps it in spans, which would
/// change the page's structure if we classified the annotated copy itself). `None` when the word
/// sequences differ in length and cannot be aligned.
fn page_result(annotated: &str, original: &str, url: &str, show: Option<(Kind, usize)>) -> Option<PageResult> {
    let orig = original_words(original, url);
    let predicted = &orig.words;
    let snap = blockwise::html::parse(annotated, url);
    let f = blockwise::features::Features::compute(&snap);
    let n = snap.len();
    let mut gold = vec![255u8; n];
    let mut w = 0usize;
    let (mut aligned, mut unaligned) = (0usize, 0usize);
    // (gold class, index of the word in the untouched page)
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for i in 0..n {
        let node = &snap.nodes[i];
        let p = node.parent;
        gold[i] = if p == NONE { 255 } else { gold[p as usize] };
        if node.tag != Tag::Text {
            if let Some(cls) = snap.attr(i as u32, Attr::Class) {
                if let Some(d) = cls.split_whitespace().find_map(|t| t.strip_prefix("x-nc-sel")).and_then(|d| d.parse::<u8>().ok()) {
                    gold[i] = d;
                }
            }
            continue;
        }
        if f.silent[i] {
            continue;
        }
        for word in snap.text(i as u32).split_whitespace() {
            // Greedy alignment: the next equal word in the untouched page, within a short window.
            let want = norm(word);
            let found = (w..(w + ALIGN_WINDOW).min(predicted.len())).find(|&j| predicted[j].norm == want);
            match found {
                Some(j) => {
                    pairs.push((if gold[i] <= 5 { gold[i] as usize } else { UNLABELLED }, j));
                    w = j + 1;
                    aligned += 1;
                }
                None => unaligned += 1,
            }
        }
    }
    if aligned < 20 || unaligned * 10 > aligned {
        return None;
    }
    let only = only();
    let mut m: Matrix = [[0; 7]; 7];
    let mut runs: Vec<Run> = Vec::new();
    for &(g, j) in &pairs {
        let k = kind_index(predicted[j].kind);
        m[g][k] += 1;
        let Some((want_kind, want_gold)) = show else { continue };
        let missed = g == want_gold && k != want_kind as usize;
        let claimed = g != want_gold && k == want_kind as usize;
        if !(missed && only != Some(Only::Claimed) || claimed && only != Some(Only::Missed)) {
            continue;
        }
        match runs.last_mut() {
            Some(r) if r.gold == g && r.kind == k && r.block == predicted[j].block && r.last + ALIGN_WINDOW > j => {
                r.last = j;
                r.words += 1;
            }
            _ => runs.push(Run { gold: g, kind: k, block: predicted[j].block, first: j, last: j, words: 1 }),
        }
    }
    let wrong = runs.iter().map(|r| r.words as u64).sum();
    runs.sort_by(|a, b| b.words.cmp(&a.words));
    runs.truncate(env_usize("TOP", 4));
    let shown = runs
        .iter()
        .map(|r| {
            let (want_kind, want_gold) = show.unwrap();
            let what = if r.gold == want_gold {
                format!("missed {}: ours {}", GOLD_NAMES[want_gold], KIND_NAMES[r.kind])
            } else {
                format!("said {}: gold {}", KIND_NAMES[want_kind as usize], GOLD_NAMES[r.gold])
            };
            let at = common_ancestor(&orig.snap, predicted[r.first].text, predicted[r.last].text);
            let block = if r.block == NONE { "no block".to_string() } else { orig.snap.path(r.block) };
            let preview: Vec<&str> = predicted[r.first..=r.last].iter().map(|w| w.norm.as_str()).take(16).collect();
            (r.words, format!("  {:>5} words {what}\n        block {block}\n        run   {}\n        “{}…”", r.words, orig.snap.path(at), preview.join(" ")))
        })
        .collect();
    Some(PageResult { m, shown, wrong })
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/l3s-gn1".into());
    let mut files: Vec<_> = match std::fs::read_dir(format!("{dir}/annotated")) {
        Ok(r) => r.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => { eprintln!("l3s: cannot read {dir}/annotated: {e}"); std::process::exit(1); }
    };
    files.sort();
    let urls = url_mapping(&dir);
    if urls.is_empty() {
        eprintln!("l3s: no {dir}/url-mapping.txt: each page's site is guessed from its links");
    }
    let guessed = std::sync::atomic::AtomicUsize::new(0);
    let show = show_target();
    let total = std::sync::Mutex::new([[0u64; 7]; 7]);
    let listing = std::sync::Mutex::new(Vec::new());
    let skipped = std::sync::Mutex::new(0usize);
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|sc| {
        for _ in 0..2 {
            sc.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(p) = files.get(i) else { break };
                let bytes = std::fs::read(p).unwrap_or_default();
                let orig_path = p.parent().and_then(|d| d.parent()).map(|d| d.join("original").join(p.file_name().unwrap()));
                let orig = orig_path.as_ref().and_then(|o| std::fs::read(o).ok()).unwrap_or_default();
                let orig = String::from_utf8_lossy(&orig);
                let id = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
                let url = urls.get(id).cloned().unwrap_or_else(|| {
                    guessed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    guessed_url(&orig)
                });
                let Some(r) = page_result(&String::from_utf8_lossy(&bytes), &orig, &url, show) else {
                    *skipped.lock().unwrap() += 1;
                    continue;
                };
                if r.wrong > 0 {
                    let name = orig_path.map(|o| o.display().to_string()).unwrap_or_default();
                    listing.lock().unwrap().push((r.wrong, name, r.shown));
                }
                let mut t = total.lock().unwrap();
                for (row, page_row) in t.iter_mut().zip(&r.m) {
                    for (c, v) in row.iter_mut().zip(page_row) {
                        *c += v;
                    }
                }
            });
        }
    });
    let m = total.into_inner().unwrap();
    let r = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let column = |k: usize| (0..7).map(|g| m[g][k]).sum::<u64>();
    let row = |g: usize| m[g].iter().sum::<u64>();
    let (rel, com) = (Kind::Related as usize, Kind::Comments as usize);
    let story: u64 = (1..=3).map(row).sum();
    let hidden: u64 = (1..=3).map(|g| m[g][rel] + m[g][Kind::Promotion as usize] + m[g][Kind::Sponsored as usize]).sum();
    let not_article: u64 = (1..=3).map(|g| row(g) - m[g][Kind::Article as usize] - m[g][NO_BLOCK]).sum();
    let skipped = skipped.into_inner().unwrap();
    println!("L3S-GN1: {} pages, the untouched page classified and scored word by word against the annotated copy (micro-averaged); {skipped} pages whose texts could not be aligned skipped", files.len() - skipped);
    println!("each page at the address url-mapping.txt gives it; {} pages not there, their site guessed from their links", guessed.into_inner());
    println!("related  (sel4): precision {:.3} recall {:.3}  ({} gold words)", r(m[4][rel], column(rel)), r(m[4][rel], row(4)), row(4));
    println!("comments (sel5): precision {:.3} recall {:.3}  ({} gold words)", r(m[5][com], column(com)), r(m[5][com], row(5)), row(5));
    println!("story words (sel1-3) hidden by default settings: {:.2}%  (classified other than article: {:.2}%)", 100.0 * r(hidden, story), 100.0 * r(not_article, story));

    for (k, g, name) in [(rel, 4, "related"), (com, 5, "comments")] {
        let labelled = column(k) - m[UNLABELLED][k];
        println!();
        println!("{name}: precision over the words L3S labels at all (sel0-sel5; {} of our {} {name} words carry no label): {:.3}", m[UNLABELLED][k], column(k), r(m[g][k], labelled));
        println!("  gold {} words ({}) by our kind:", GOLD_NAMES[g], row(g));
        for (ki, kn) in KIND_NAMES.iter().enumerate() {
            if m[g][ki] > 0 {
                println!("    {kn:<11} {:>7}  {:>5.1}%", m[g][ki], 100.0 * r(m[g][ki], row(g)));
            }
        }
        println!("  words we call {name} ({}) by gold label:", column(k));
        for (gi, gn) in GOLD_NAMES.iter().enumerate() {
            if m[gi][k] > 0 {
                println!("    {gn:<24} {:>7}  {:>5.1}%", m[gi][k], 100.0 * r(m[gi][k], column(k)));
            }
        }
    }

    if let Some((kind, _)) = show {
        let mut listing = listing.into_inner().unwrap();
        listing.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        println!();
        println!("SHOW={}: pages by words wrong (missed or wrongly claimed), largest runs first", KIND_NAMES[kind as usize]);
        for (wrong, name, shown) in listing.iter().take(env_usize("PAGES", 25)) {
            println!("{name}: {wrong} words wrong");
            for (_, line) in shown {
                println!("{line}");
            }
        }
    }
}
