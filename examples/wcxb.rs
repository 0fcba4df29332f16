//! Scores Blockwise's article text on the WCXB development split with the benchmark's bag-of-words F1.
//!
//! `cargo run --release --example wcxb -- [DIR] [--out predictions.json] [--split tune|heldout|all]`
//! DIR defaults to `../shared/data/wcxb-dev`. Prints F1 overall and per page type; `--out` writes
//! `{id: text}` for the benchmark's own `evaluate.py`.

use blockwise::eval;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dir = PathBuf::from("../shared/data/wcxb-dev");
    let mut out = None;
    let mut split = "all".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = it.next().cloned(),
            "--split" => split = it.next().cloned().unwrap_or_default(),
            d => dir = PathBuf::from(d),
        }
    }
    let pages = match eval::load_wcxb(&dir) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("wcxb: cannot read {}: {e}", dir.display());
            std::process::exit(1);
        }
    };
    let pages: Vec<_> = pages.into_iter().filter(|p| eval::in_split(&p.id, &split)).collect();
    let t0 = std::time::Instant::now();
    let mut results = eval::par_map(&pages, |p| {
        let bytes = std::fs::read(&p.html).unwrap_or_default();
        let text = blockwise::html::decode_page(&bytes).map(|h| eval::article_text(&h, &p.url)).unwrap_or_default();
        let s = eval::word_f1(&text, &p.main_content);
        Some((p.id.clone(), p.page_type.clone(), s, text))
    });
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let mut by_type: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (_, t, s, _) in &results {
        by_type.entry(t.clone()).or_default().push(s.2);
        by_type.entry("ALL".into()).or_default().push(s.2);
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len().max(1) as f64;
    println!("WCXB dev ({split}): {} pages in {:.1}s", results.len(), t0.elapsed().as_secs_f64());
    println!("{:<14} {:>5} {:>7} {:>7} {:>7}", "type", "n", "F1", "P", "R");
    for (t, v) in &by_type {
        let p: Vec<f64> = results.iter().filter(|r| t == "ALL" || &r.1 == t).map(|r| r.2 .0).collect();
        let r: Vec<f64> = results.iter().filter(|r| t == "ALL" || &r.1 == t).map(|r| r.2 .1).collect();
        println!("{:<14} {:>5} {:>7.3} {:>7.3} {:>7.3}", t, v.len(), mean(v), mean(&p), mean(&r));
    }
    if std::env::var("WORST").is_ok() {
        let mut w: Vec<_> = results.iter().collect();
        w.sort_by(|a, b| a.2 .2.partial_cmp(&b.2 .2).unwrap());
        for r in w.iter().take(40) {
            println!("worst {} {:<12} F1 {:.2} P {:.2} R {:.2}", r.0, r.1, r.2 .2, r.2 .0, r.2 .1);
        }
    }
    if let Some(o) = out {
        let map: BTreeMap<&str, &str> = results.iter().map(|r| (r.0.as_str(), r.3.as_str())).collect();
        std::fs::write(&o, serde_json::to_string(&map).unwrap()).expect("write predictions");
        println!("predictions written to {o}");
    }
}
