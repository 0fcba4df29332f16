//! Kinds against L3S-GN1's human labels, word by word: related (sel4) and comments (sel5) precision and
//! recall, and the share of story words (sel1–sel3) hidden by the default settings.
//!
//! `cargo run --release --example l3s -- [DIR]` (default `../shared/data/l3s-gn1`).

use blockwise::page::{Attr, Tag, NONE};
use blockwise::Kind;

#[derive(Default, Clone, Copy)]
struct Counts {
    rel_tp: u64, rel_pred: u64, rel_gold: u64,
    com_tp: u64, com_pred: u64, com_gold: u64,
    story: u64, story_hidden: u64, story_not_article: u64,
}

/// Kind of every visible word of the untouched page, in reading order.
fn original_kinds(html: &str) -> Vec<(String, Option<Kind>)> {
    let snap = blockwise::html::parse(html, "http://news.example.com/story.html");
    let a = blockwise::analyze(&snap, false);
    let f = blockwise::features::Features::compute(&snap);
    let blocks: std::collections::HashMap<u32, Kind> = a.blocks().iter().map(|b| (b.node, b.kind)).collect();
    let mut kind: Vec<Option<Kind>> = vec![None; snap.len()];
    let mut out = Vec::new();
    for i in 0..snap.len() {
        let p = snap.nodes[i].parent;
        kind[i] = if p == NONE { None } else { kind[p as usize] };
        if let Some(k) = blocks.get(&(i as u32)) {
            kind[i] = Some(*k);
        }
        if snap.nodes[i].tag == Tag::Text && !f.silent[i] {
            for word in snap.text(i as u32).split_whitespace() {
                out.push((norm(word), kind[i]));
            }
        }
    }
    out
}

/// How far ahead in the untouched page a word of the annotated copy is looked for.
const ALIGN_WINDOW: usize = 40;

/// A word as both copies spell it: alphanumerics only, lowercase (the conversion lost some quotes).
fn norm(w: &str) -> String {
    w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Scores the untouched page's kinds against the annotated copy's labels, word by word (the two
/// pages hold the same text in the same order; the annotation only wraps it in spans, which would
/// change the page's structure if we classified the annotated copy itself). `None` when the word
/// sequences differ in length and cannot be aligned.
fn page_counts(annotated: &str, original: &str) -> Option<Counts> {
    let predicted = original_kinds(original);
    let snap = blockwise::html::parse(annotated, "http://news.example.com/story.html");
    let f = blockwise::features::Features::compute(&snap);
    let n = snap.len();
    let mut gold = vec![255u8; n];
    let mut c = Counts::default();
    let mut w = 0usize;
    let (mut aligned, mut unaligned) = (0usize, 0usize);
    let mut pairs: Vec<(u8, Option<Kind>)> = Vec::new();
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
            let found = (w..(w + ALIGN_WINDOW).min(predicted.len())).find(|&j| predicted[j].0 == want);
            match found {
                Some(j) => {
                    pairs.push((gold[i], predicted[j].1));
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
    for (g, k) in pairs {
        if k == Some(Kind::Related) { c.rel_pred += 1; }
        if g == 4 { c.rel_gold += 1; if k == Some(Kind::Related) { c.rel_tp += 1; } }
        if k == Some(Kind::Comments) { c.com_pred += 1; }
        if g == 5 { c.com_gold += 1; if k == Some(Kind::Comments) { c.com_tp += 1; } }
        if (1..=3).contains(&g) {
            c.story += 1;
            if matches!(k, Some(Kind::Related | Kind::Promotion | Kind::Sponsored)) { c.story_hidden += 1; }
            if k.is_some_and(|k| k != Kind::Article) { c.story_not_article += 1; }
        }
    }
    Some(c)
}

#[allow(dead_code)]
fn annotated_page_counts(html: &str) -> Counts {
    let snap = blockwise::html::parse(html, "http://news.example.com/story.html");
    let a = blockwise::analyze(&snap, false);
    let f = blockwise::features::Features::compute(&snap);
    let n = snap.len();
    // Gold label per node: innermost x-nc-selN ancestor (255 = none).
    let mut gold = vec![255u8; n];
    let mut kind: Vec<Option<Kind>> = vec![None; n];
    let blocks: std::collections::HashMap<u32, Kind> = a.blocks().iter().map(|b| (b.node, b.kind)).collect();
    let mut c = Counts::default();
    for i in 0..n {
        let node = &snap.nodes[i];
        let p = node.parent;
        gold[i] = if p == NONE { 255 } else { gold[p as usize] };
        kind[i] = if p == NONE { None } else { kind[p as usize] };
        if let Some(k) = blocks.get(&(i as u32)) {
            kind[i] = Some(*k);
        }
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
        let w = f.words[i] as u64;
        let g = gold[i];
        let k = kind[i];
        if k == Some(Kind::Related) { c.rel_pred += w; }
        if g == 4 { c.rel_gold += w; if k == Some(Kind::Related) { c.rel_tp += w; } }
        if k == Some(Kind::Comments) { c.com_pred += w; }
        if g == 5 {
            c.com_gold += w;
            if k == Some(Kind::Comments) { c.com_tp += w; }
            if std::env::var("SHOW_COMMENTS").is_ok() && w > 0 && k != Some(Kind::Comments) {
                eprintln!("sel5 as {:?}: {}", k, snap.path(i as u32));
            }
        }
        if (1..=3).contains(&g) {
            c.story += w;
            if matches!(k, Some(Kind::Related | Kind::Promotion | Kind::Sponsored)) { c.story_hidden += w; }
            if k.is_some_and(|k| k != Kind::Article) { c.story_not_article += w; }
        }
    }
    c
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/l3s-gn1".into());
    let mut files: Vec<_> = match std::fs::read_dir(format!("{dir}/annotated")) {
        Ok(r) => r.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => { eprintln!("l3s: cannot read {dir}/annotated: {e}"); std::process::exit(1); }
    };
    files.sort();
    let total = std::sync::Mutex::new(Counts::default());
    let skipped = std::sync::Mutex::new(0usize);
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|sc| {
        for _ in 0..2 {
            sc.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(p) = files.get(i) else { break };
                let bytes = std::fs::read(p).unwrap_or_default();
                let orig_path = p.parent().and_then(|d| d.parent()).map(|d| d.join("original").join(p.file_name().unwrap()));
                let orig = orig_path.and_then(|o| std::fs::read(o).ok()).unwrap_or_default();
                let Some(c) = page_counts(&String::from_utf8_lossy(&bytes), &String::from_utf8_lossy(&orig)) else {
                    *skipped.lock().unwrap() += 1;
                    continue;
                };
                if std::env::var("PER_PAGE").is_ok() && c.com_gold > c.com_tp + 200 {
                    eprintln!("comments missed {} of {} words: {}", c.com_gold - c.com_tp, c.com_gold, p.display());
                }
                if std::env::var("PER_PAGE").is_ok() && c.com_pred > c.com_tp + 100 {
                    eprintln!("comments wrongly said {} of {} words: {}", c.com_pred - c.com_tp, c.com_pred, p.display());
                }
                let mut t = total.lock().unwrap();
                t.rel_tp += c.rel_tp; t.rel_pred += c.rel_pred; t.rel_gold += c.rel_gold;
                t.com_tp += c.com_tp; t.com_pred += c.com_pred; t.com_gold += c.com_gold;
                t.story += c.story; t.story_hidden += c.story_hidden; t.story_not_article += c.story_not_article;
            });
        }
    });
    let t = total.into_inner().unwrap();
    let r = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let skipped = skipped.into_inner().unwrap();
    println!("L3S-GN1: {} pages, the untouched page classified and scored word by word against the annotated copy (micro-averaged); {skipped} pages whose texts could not be aligned skipped", files.len() - skipped);
    println!("related  (sel4): precision {:.3} recall {:.3}  ({} gold words)", r(t.rel_tp, t.rel_pred), r(t.rel_tp, t.rel_gold), t.rel_gold);
    println!("comments (sel5): precision {:.3} recall {:.3}  ({} gold words)", r(t.com_tp, t.com_pred), r(t.com_tp, t.com_gold), t.com_gold);
    println!("story words (sel1-3) hidden by default settings: {:.2}%  (classified other than article: {:.2}%)", 100.0 * r(t.story_hidden, t.story), 100.0 * r(t.story_not_article, t.story));
}
