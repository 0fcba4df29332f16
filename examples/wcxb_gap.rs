//! The browser path against the native one, page by page, on the WCXB pages a bench run holds.
//!
//! `cargo run --release --example wcxb_gap -- BENCH.jsonl [DIR] [--top N] [--words ID]`
//!
//! BENCH.jsonl is `make bench`'s output on WCXB pages (`bench/stage.sh wcxb …`); DIR defaults to
//! `../shared/data/wcxb-dev`. For each page of the file it scores the reader text the browser kept
//! (`article_text`) and the one the native path keeps from the same HTML ([`eval::article_text`]) with
//! the same bag-of-words F1 as `bench/score.py`, prints both means (all pages, articles, per type) and
//! the N pages (default 25) where the two differ most. `--words ID`: for that page, the words only one
//! side kept (with how often), the gold's words first. Pages of the held-out tenth count in the means
//! but are never listed or shown one by one (`eval::is_held_out`).

use blockwise::eval;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = PathBuf::from("../shared/data/wcxb-dev");
    let mut bench = None;
    let mut top = 25usize;
    let mut words = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--top" => top = it.next().and_then(|s| s.parse().ok()).unwrap_or(top),
            "--words" => words = it.next().cloned(),
            f if bench.is_none() => bench = Some(PathBuf::from(f)),
            d => dir = PathBuf::from(d),
        }
    }
    let Some(bench) = bench else {
        eprintln!("usage: wcxb_gap BENCH.jsonl [DIR] [--top N] [--words ID]");
        std::process::exit(2);
    };
    let browser: HashMap<String, String> = std::fs::read_to_string(&bench)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", bench.display()))
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["error"].is_null())
        .filter_map(|v| Some((v["id"].as_str()?.to_string(), v["article_text"].as_str().unwrap_or("").to_string())))
        .collect();
    let pages: Vec<_> = eval::load_wcxb(&dir).expect("WCXB dev").into_iter().filter(|p| browser.contains_key(&p.id)).collect();
    let rows = eval::par_map(&pages, |p| {
        let bytes = std::fs::read(&p.html).unwrap_or_default();
        let native = blockwise::html::decode_page(&bytes).map(|h| eval::article_text(&h, &p.url)).unwrap_or_default();
        let b = &browser[&p.id];
        Some((p.id.clone(), p.page_type.clone(), eval::word_f1(&native, &p.main_content).2, eval::word_f1(b, &p.main_content).2, native))
    });
    let mean = |f: &dyn Fn(&(String, String, f64, f64, String)) -> Option<f64>| {
        let v: Vec<f64> = rows.iter().filter_map(f).collect();
        (v.iter().sum::<f64>() / v.len().max(1) as f64, v.len())
    };
    let (n_all, n) = mean(&|r| Some(r.2));
    let (b_all, _) = mean(&|r| Some(r.3));
    let (n_art, na) = mean(&|r| (r.1 == "article").then_some(r.2));
    let (b_art, _) = mean(&|r| (r.1 == "article").then_some(r.3));
    println!("{n} pages: native {n_all:.4}, browser {b_all:.4}; {na} articles: native {n_art:.4}, browser {b_art:.4}");
    let mut by_type: BTreeMap<&str, (f64, f64, usize)> = BTreeMap::new();
    for r in &rows {
        let e = by_type.entry(&r.1).or_default();
        e.0 += r.2;
        e.1 += r.3;
        e.2 += 1;
    }
    for (t, (a, b, k)) in &by_type {
        println!("  {t:<14} {k:>4}  native {:.3}  browser {:.3}", a / *k as f64, b / *k as f64);
    }
    let mut diff: Vec<_> = rows.iter().collect();
    diff.sort_by(|a, b| (b.2 - b.3).abs().partial_cmp(&(a.2 - a.3).abs()).unwrap());
    println!("{:<6} {:<14} {:>7} {:>7}", "page", "type", "native", "browser");
    for r in diff.iter().filter(|r| !eval::is_held_out(&r.0)).take(top).filter(|r| r.2 != r.3) {
        println!("{:<6} {:<14} {:>7.3} {:>7.3}", r.0, r.1, r.2, r.3);
    }
    if let Some(id) = words {
        let Some(r) = rows.iter().find(|r| r.0 == id && !eval::is_held_out(&r.0)) else { return };
        let gold = pages.iter().find(|p| p.id == id).map(|p| p.main_content.clone()).unwrap_or_default();
        let bag = |s: &str| {
            let mut m: HashMap<String, i64> = HashMap::new();
            for t in eval::tokens(s) {
                *m.entry(t).or_default() += 1;
            }
            m
        };
        let (nb, bb, gb) = (bag(&r.4), bag(&browser[&id]), bag(&gold));
        for (name, a, b) in [("native only", &nb, &bb), ("browser only", &bb, &nb)] {
            let mut only: Vec<(i64, bool, &String)> =
                a.iter().map(|(w, c)| (c - b.get(w).copied().unwrap_or(0), gb.contains_key(w), w)).filter(|x| x.0 > 0).collect();
            only.sort_by(|x, y| (y.1, y.0).cmp(&(x.1, x.0)));
            let total: i64 = only.iter().map(|x| x.0).sum();
            let shown: Vec<String> = only.iter().take(60).map(|(c, g, w)| format!("{w}{}×{c}", if *g { "*" } else { "" })).collect();
            println!("{name} ({total} words; * in the gold): {}", shown.join(" "));
        }
    }
}
