//! How much of a WCXB page's human main text Blockwise hides: text runs of 40 characters or more that
//! appear word for word in the page's `main_content` but lie in a block of a hidden kind, and nowhere
//! else on the page as `article`. Two columns: the kinds the default settings hide (sponsored,
//! promotion, related: `DEFAULT_HIDDEN_KINDS` in extension/shared/common/settings.js) and every kind but
//! `article` (a user who hides them all). The share is of `main_content`'s characters, per page type;
//! the tune split's worst pages (every kind) are listed with `SHOW=1` (the held-out tenth only in
//! aggregate, as everywhere).
//!
//! `cargo run --release --example wcxb_hidden -- [DIR] [--split tune|heldout|all]`

use blockwise::eval;
use blockwise::features::collapse_spaces;
use blockwise::page::Tag;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The kinds the extension hides by default (extension/shared/common/settings.js, DEFAULT_HIDDEN_KINDS).
const DEFAULT_HIDDEN: [blockwise::Kind; 3] = [blockwise::Kind::Sponsored, blockwise::Kind::Promotion, blockwise::Kind::Related];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = PathBuf::from("../shared/data/wcxb-dev");
    let mut split = "tune".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--split" => split = it.next().cloned().unwrap_or_default(),
            d => dir = PathBuf::from(d),
        }
    }
    let pages: Vec<_> = eval::load_wcxb(&dir)
        .unwrap_or_else(|e| {
            eprintln!("wcxb_hidden: cannot read {}: {e}", dir.display());
            std::process::exit(1)
        })
        .into_iter()
        .filter(|p| eval::in_split(&p.id, &split))
        .collect();
    let mut results = eval::par_map(&pages, |p| {
                let html = std::fs::read(&p.html).map_err(|e| e.to_string()).and_then(|b| blockwise::html::decode_page(&b)).ok()?;
                let snap = blockwise::html::parse(&html, &p.url);
                let a = blockwise::analyze(&snap, false);
                let gold = collapse_spaces(&p.main_content);
                let mut hidden: BTreeMap<&str, usize> = BTreeMap::new();
                let mut shown_examples = Vec::new();
                // (A run also shown elsewhere as article, such as a heading listed again in a table of
                // contents, is not hidden from the reader.)
                let runs: Vec<(String, Option<blockwise::Kind>)> = (0..snap.len() as u32)
                    .filter(|&i| snap.nodes[i as usize].tag == Tag::Text)
                    .map(|i| (collapse_spaces(snap.text(i)), a.classification.kind_of(&snap, i)))
                    .filter(|(t, _)| t.chars().count() >= 40)
                    .collect();
                let shown: std::collections::HashSet<&str> = runs.iter().filter(|r| r.1 == Some(blockwise::Kind::Article)).map(|r| r.0.as_str()).collect();
                for (t, k) in &runs {
                    let Some(k) = *k else { continue };
                    if k == blockwise::Kind::Article || shown.contains(t.as_str()) || !gold.contains(t.as_str()) {
                        continue;
                    }
                    *hidden.entry(k.as_str()).or_insert(0) += t.len();
                    if shown_examples.len() < 2 {
                        shown_examples.push(format!("{}: {}", k.as_str(), t.chars().take(90).collect::<String>()));
                    }
                }
                let n: usize = hidden.values().sum();
                let by_default: usize = DEFAULT_HIDDEN.iter().map(|k| hidden.get(k.as_str()).copied().unwrap_or(0)).sum();
                Some((p.id.clone(), p.page_type.clone(), n, gold.len().max(1), hidden.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Vec<_>>(), shown_examples, by_default))
    });
    results.sort_by(|a, b| a.0.cmp(&b.0));
    // (hidden by every kind, gold characters, pages, pages with any, hidden by the default kinds, pages with any)
    let mut by_type: BTreeMap<String, (usize, usize, usize, usize, usize, usize)> = BTreeMap::new();
    for (_, t, n, g, _, _, d) in &results {
        for key in [t.as_str(), "ALL"] {
            let e = by_type.entry(key.to_string()).or_default();
            e.0 += n;
            e.1 += g;
            e.2 += 1;
            e.3 += (*n > 0) as usize;
            e.4 += d;
            e.5 += (*d > 0) as usize;
        }
    }
    println!("WCXB dev ({split}): main-text characters in blocks of a hidden kind (runs of 40+ characters found verbatim in main_content)");
    println!("{:<14} {:>5} {:>9} {:>6} {:>10} {:>6}", "type", "n", "default", "pages", "all kinds", "pages");
    for (t, (n, g, pages, any, d, dany)) in &by_type {
        println!("{:<14} {:>5} {:>8.2}% {:>6} {:>9.2}% {:>6}", t, pages, 100.0 * *d as f64 / *g as f64, dany, 100.0 * *n as f64 / *g as f64, any);
    }
    if std::env::var("SHOW").is_ok() && split == "tune" {
        let mut w: Vec<_> = results.iter().filter(|r| r.2 > 0).collect();
        w.sort_by(|a, b| (b.2 as f64 / b.3 as f64).partial_cmp(&(a.2 as f64 / a.3 as f64)).unwrap());
        let limit = std::env::var("LIMIT").ok().and_then(|n| n.parse().ok()).unwrap_or(40);
        for r in w.iter().take(limit) {
            println!("{} {:<12} {:>5.1}% {:?} {:?}", r.0, r.1, 100.0 * r.2 as f64 / r.3 as f64, r.4, r.5);
        }
    }
}
