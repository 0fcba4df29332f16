//! The reader view on Readability.js's own test pages: how much of each `expected.html`'s text our
//! reader text covers (word multiset recall), and how often title, byline and date agree with
//! `expected-metadata.json`. `cargo run --release --example readability_pages -- [DIR]`
//! (default `../shared/data/readability`). `SHOW=1` lists disagreements.

use blockwise::eval::tokens;
use std::collections::HashMap;

fn norm(s: &str) -> String {
    tokens(s).join(" ")
}

/// Whether two bylines name the same people: the same words, or the shorter (two words or more) is a
/// run of whole words inside the longer ("Nathan Willis" in "By Nathan Willis March 25, 2015"). Whole
/// words only — a name is not matched by a fragment of another ("Al" in "Alex"), and one word alone
/// must be the whole byline ("AFP" does not match "Par Sébastien Farcis, AFP"). The same letters and
/// digits in the same order also match: Readability's bylines are `textContent`, which runs the words
/// of adjacent elements together (breitbart: "by Lucas Nolan22 Dec 2016651").
fn same_byline(ours: &str, theirs: &str) -> bool {
    let (a, b) = (tokens(ours), tokens(theirs));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    short == long || (short.len() >= 2 && long.windows(short.len()).any(|w| w == &short[..])) || a.concat() == b.concat()
}

fn recall(pred: &str, gold: &str) -> f64 {
    let g = tokens(gold);
    if g.is_empty() {
        return 1.0;
    }
    let mut c: HashMap<String, i64> = HashMap::new();
    for t in tokens(pred) {
        *c.entry(t).or_default() += 1;
    }
    let mut hit = 0;
    for t in &g {
        if let Some(n) = c.get_mut(t) {
            if *n > 0 {
                *n -= 1;
                hit += 1;
            }
        }
    }
    hit as f64 / g.len() as f64
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/readability".into());
    let mut cases: Vec<_> = std::fs::read_dir(&dir).expect("readability dir").filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.join("source.html").exists()).collect();
    cases.sort();
    let show = std::env::var("SHOW").is_ok();
    let (mut recalls, mut title_ok, mut byline_ok, mut byline_n, mut date_ok, mut date_n) = (Vec::new(), 0, 0, 0usize, 0, 0usize);
    let mut byline_absent_ok = 0;
    for c in &cases {
        let html = std::fs::read_to_string(c.join("source.html")).unwrap_or_default();
        let expected = std::fs::read_to_string(c.join("expected.html")).unwrap_or_default();
        let meta: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(c.join("expected-metadata.json")).unwrap_or_default()).unwrap_or_default();
        let esnap = blockwise::html::parse(&expected, "http://fakehost/test/page.html");
        let ef = blockwise::features::Features::compute(&esnap);
        let etext = if esnap.is_empty() { String::new() } else { blockwise::features::subtree_text_all(&esnap, &ef, 0) };
        let snap = blockwise::html::parse(&html, "http://fakehost/test/page.html");
        let a = blockwise::analyze(&snap, true);
        let name = c.file_name().unwrap().to_string_lossy().into_owned();
        let Some(r) = a.reader else {
            // No reader view: its text covers nothing and every field the page has is missed.
            recalls.push(0.0);
            byline_n += usize::from(meta["byline"].is_string());
            date_n += usize::from(meta["publishedTime"].is_string());
            byline_absent_ok += usize::from(!meta["byline"].is_string());
            if show { println!("{name}: no article"); }
            continue;
        };
        let rc = recall(&format!("{} {}", r.title, r.text), &etext);
        recalls.push(rc);
        if show && rc < 0.9 { println!("{name}: covers {:.2}", rc); }
        let et = meta["title"].as_str().unwrap_or("");
        if norm(et) == norm(&r.title) { title_ok += 1 } else if show { println!("{name}: title {:?} vs {:?}", r.title, et) }
        if let Some(b) = meta["byline"].as_str() {
            byline_n += 1;
            let ours = r.byline.clone().unwrap_or_default();
            if same_byline(&ours, b) { byline_ok += 1 } else if show { println!("{name}: byline {:?} vs {:?}", ours, b) }
        }
        if meta["byline"].is_null() && r.byline.is_none() {
            byline_absent_ok += 1;
        } else if show && meta["byline"].is_null() {
            println!("{name}: byline {:?} where Readability found none", r.byline);
        }
        if let Some(d) = meta["publishedTime"].as_str() {
            date_n += 1;
            let ours = r.published.clone().unwrap_or_default();
            if !ours.is_empty() && (ours.starts_with(&d[..d.len().min(10)]) || norm(&ours) == norm(d)) { date_ok += 1 } else if show { println!("{name}: date {:?} vs {:?}", ours, d) }
        }
    }
    recalls.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = recalls.len();
    println!("Readability test pages: {n}");
    println!("reader text covers expected.html words: median {:.3}, mean {:.3}, pages ≥ 0.98: {}", recalls[n / 2], recalls.iter().sum::<f64>() / n as f64, recalls.iter().filter(|r| **r >= 0.98).count());
    println!("title matches: {title_ok}/{n} ({:.0}%)", 100.0 * title_ok as f64 / n as f64);
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("byline matches: {byline_ok}/{byline_n} ({:.0}%); published date matches: {date_ok}/{date_n} ({:.0}%)", pct(byline_ok, byline_n), pct(date_ok, date_n));
    println!("pages without a byline in expected-metadata.json where we show none either: {byline_absent_ok}/{}", n - byline_n);
}
