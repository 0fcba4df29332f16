//! Native only: measuring the classifier against human ground truth — the WCXB benchmark's
//! bag-of-words F1 (lowercased `\w+` tokens, multiset overlap) and the ScrapingHub benchmark's
//! 4-gram shingle precision/recall. Used by the quality test and the evaluation example.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Lowercased word tokens as Python's `re.findall(r'\w+', text.lower())` gives them.
pub fn tokens(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in lower.chars() {
        if c.is_alphanumeric() || c == '_' {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// (precision, recall, F1) of predicted against reference words, as WCXB's `evaluate.py` computes it.
pub fn word_f1(predicted: &str, reference: &str) -> (f64, f64, f64) {
    let p = tokens(predicted);
    let r = tokens(reference);
    if r.is_empty() {
        return if p.is_empty() { (1.0, 1.0, 1.0) } else { (0.0, 0.0, 0.0) };
    }
    if p.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in &r {
        *counts.entry(t).or_default() += 1;
    }
    let mut overlap = 0i64;
    for t in &p {
        if let Some(c) = counts.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                overlap += 1;
            }
        }
    }
    let prec = overlap as f64 / p.len() as f64;
    let rec = overlap as f64 / r.len() as f64;
    let f1 = if prec + rec > 0.0 { 2.0 * prec * rec / (prec + rec) } else { 0.0 };
    (prec, rec, f1)
}

/// One WCXB page: id, page type, human main text, and the path of its gzipped HTML.
pub struct WcxbPage {
    /// File id ("0001").
    pub id: String,
    /// `_internal.page_type.primary` ("article", "forum", …; "category" reads as "collection").
    pub page_type: String,
    /// The page's URL.
    pub url: String,
    /// `ground_truth.main_content`.
    pub main_content: String,
    /// Path of `html/<id>.html.gz`.
    pub html: PathBuf,
}

/// Loads the WCXB development split from `dir` (`../shared/data/wcxb-dev`).
pub fn load_wcxb(dir: &Path) -> std::io::Result<Vec<WcxbPage>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("ground-truth"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&f)?)?;
        let id = f.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let pt = v["_internal"]["page_type"]["primary"].as_str().unwrap_or("article");
        out.push(WcxbPage {
            page_type: if pt == "category" { "collection".into() } else { pt.to_string() },
            url: v["url"].as_str().unwrap_or("https://example.invalid/").to_string(),
            main_content: v["ground_truth"]["main_content"].as_str().unwrap_or("").to_string(),
            html: dir.join("html").join(format!("{id}.html.gz")),
            id,
        });
    }
    Ok(out)
}

/// The text Blockwise keeps as the article for an HTML page: the reader view's body, as `make bench`
/// records it (`article_text`). The title is not in it: WCXB scores the title as a field of its own
/// (`ground_truth.title`), and only about 8 % of its `main_content` texts begin with it.
pub fn article_text(html: &str, url: &str) -> String {
    let snap = crate::html::parse(html, url);
    let a = crate::analyze(&snap, true);
    a.reader.map(|r| r.text).unwrap_or_default()
}

/// True for pages in the held-out tenth (fixed seed): never looked at while tuning.
pub fn is_held_out(id: &str) -> bool {
    // FNV-1a of the id with a fixed seed; one page in ten.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ 0x5EED;
    for b in id.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % 10 == 0
}
