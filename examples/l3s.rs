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

fn page_counts(html: &str) -> Counts {
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
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|sc| {
        for _ in 0..2 {
            sc.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(p) = files.get(i) else { break };
                let bytes = std::fs::read(p).unwrap_or_default();
                let c = page_counts(&String::from_utf8_lossy(&bytes));
                let mut t = total.lock().unwrap();
                t.rel_tp += c.rel_tp; t.rel_pred += c.rel_pred; t.rel_gold += c.rel_gold;
                t.com_tp += c.com_tp; t.com_pred += c.com_pred; t.com_gold += c.com_gold;
                t.story += c.story; t.story_hidden += c.story_hidden; t.story_not_article += c.story_not_article;
            });
        }
    });
    let t = total.into_inner().unwrap();
    let r = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!("L3S-GN1: {} pages (word-level, micro-averaged)", files.len());
    println!("related  (sel4): precision {:.3} recall {:.3}  ({} gold words)", r(t.rel_tp, t.rel_pred), r(t.rel_tp, t.rel_gold), t.rel_gold);
    println!("comments (sel5): precision {:.3} recall {:.3}  ({} gold words)", r(t.com_tp, t.com_pred), r(t.com_tp, t.com_gold), t.com_gold);
    println!("story words (sel1-3) hidden by default settings: {:.2}%  (classified other than article: {:.2}%)", 100.0 * r(t.story_hidden, t.story), 100.0 * r(t.story_not_article, t.story));
}
