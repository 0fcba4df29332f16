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

/// Where a real ad is put in a host story ([`ad_hosts`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// After the story's third paragraph.
    Third,
    /// After its middle paragraph.
    Middle,
    /// After its last paragraph (where "more stories" and ad grids sit).
    Last,
}

impl Place {
    /// `third`, `middle` or `last`; anything else is `Third`.
    pub fn parse(s: &str) -> Place {
        match s {
            "middle" => Place::Middle,
            "last" => Place::Last,
            _ => Place::Third,
        }
    }
}

/// A host page for real ads: a WCXB article page, where to insert an ad in its HTML, and the texts of
/// its story paragraphs (which must all stay `article`).
pub struct AdHost {
    /// The page's URL.
    pub url: String,
    /// The page's HTML.
    pub html: String,
    /// Byte offset just after the chosen story paragraph's closing tag.
    pub at: usize,
    /// The opening words of each story paragraph.
    pub paragraphs: Vec<String>,
}

/// Up to `want` WCXB article pages whose story has at least 8 paragraphs, each with the offset after
/// the paragraph `place` names.
pub fn ad_hosts(wcxb: &Path, want: usize, place: Place) -> Vec<AdHost> {
    use crate::features::{subtree_text, Features};
    use crate::page::Tag;
    let mut out = Vec::new();
    let Ok(pages) = load_wcxb(wcxb) else { return out };
    for p in pages.iter().filter(|p| p.page_type == "article") {
        let Ok(html) = std::fs::read(&p.html).map_err(|e| e.to_string()).and_then(|b| crate::html::decode_page(&b)) else { continue };
        let snap = crate::html::parse(&html, &p.url);
        let a = crate::analyze(&snap, false);
        let f = Features::compute(&snap);
        let Some(root) = a.classification.article else { continue };
        let paras: Vec<u32> = (root..f.end[root as usize])
            .filter(|&i| snap.nodes[i as usize].tag == Tag::P && f.chars[i as usize] > 120 && a.classification.kind_of(&snap, i) == Some(crate::Kind::Article))
            .collect();
        if paras.len() < 8 {
            continue;
        }
        let k = match place {
            Place::Third => 2,
            Place::Middle => paras.len() / 2,
            Place::Last => paras.len() - 1,
        };
        // That paragraph's closing words in the source, after `<body` (a story's text is often repeated
        // in the head's JSON-LD); the ad goes after its closing tag.
        // The shortest tail of three to eight words found exactly once in the body: three words alone
        // can also close a newsletter's small print or a caption elsewhere on the page.
        let t = subtree_text(&snap, &f, paras[k], 400);
        let words: Vec<&str> = t.split_whitespace().collect();
        let body = html.find("<body").unwrap_or(0);
        let Some(pos) = (3..=8.min(words.len())).find_map(|n| {
            let tail = words[words.len() - n..].join(" ");
            let at = html[body..].find(&tail)? + body;
            (!html[at + tail.len()..].contains(&tail)).then_some(at)
        }) else {
            continue;
        };
        let Some(close) = html[pos..].find("</p>") else { continue };
        let paragraphs = paras.iter().map(|&i| subtree_text(&snap, &f, i, 60)).collect();
        out.push(AdHost { url: p.url.clone(), at: pos + close + 4, html, paragraphs });
        if out.len() == want {
            break;
        }
    }
    out
}

/// The markup of one ad of `../shared/data/native-ads/html/` (its DOM subtree, HTML-escaped in `<code>`).
pub fn ad_markup(wrapper: &str) -> Option<String> {
    use crate::page::Tag;
    let snap = crate::html::parse(wrapper, "https://example.invalid/");
    let f = crate::features::Features::compute(&snap);
    let code = (0..snap.len() as u32).find(|&i| snap.nodes[i as usize].tag == Tag::Code)?;
    let mut out = String::new();
    for i in code..f.end[code as usize] {
        if snap.nodes[i as usize].tag == Tag::Text {
            out.push_str(snap.text(i));
        }
    }
    Some(out.trim().to_string()).filter(|s| !s.is_empty())
}

/// What became of one ad put into a host story.
pub struct AdOutcome {
    /// The kind of the ad's outermost element (`None`: no block holds it).
    pub kind: Option<crate::Kind>,
    /// The opening words of story paragraphs that are no longer `article`, with what they became.
    pub hurt: Vec<(String, Option<crate::Kind>)>,
    /// The page as classified.
    pub page: String,
}

/// Puts `ad` into `host` (wrapped in a `div` with a probe id) and classifies the page.
pub fn place_ad(host: &AdHost, ad: &str) -> Option<AdOutcome> {
    use crate::page::{Attr, Tag};
    const PROBE: &str = "probe-7f3a";
    let page = format!("{}<div id=\"{PROBE}\">{ad}</div>{}", &host.html[..host.at], &host.html[host.at..]);
    let snap = crate::html::parse(&page, &host.url);
    let a = crate::analyze(&snap, false);
    let f = crate::features::Features::compute(&snap);
    let probe = (0..snap.len() as u32).find(|&i| snap.attr(i, Attr::Id) == Some(PROBE))?;
    let first = (probe + 1..f.end[probe as usize]).find(|&i| snap.nodes[i as usize].tag != Tag::Text).unwrap_or(probe);
    let c = &a.classification;
    let mut hurt = Vec::new();
    for t in &host.paragraphs {
        let kinds: Vec<Option<crate::Kind>> = (0..snap.len() as u32)
            .filter(|&i| snap.nodes[i as usize].tag == Tag::P && crate::features::subtree_text(&snap, &f, i, 60) == *t)
            .map(|i| c.kind_of(&snap, i))
            .collect();
        if !kinds.contains(&Some(crate::Kind::Article)) {
            hurt.push((t.clone(), kinds.first().copied().flatten()));
        }
    }
    Some(AdOutcome { kind: c.kind_of(&snap, first), hurt, page })
}

/// True when page `id` belongs to `split`: `tune` (never the held-out tenth), `heldout`, or anything
/// else for all pages.
pub fn in_split(id: &str, split: &str) -> bool {
    match split {
        "tune" => !is_held_out(id),
        "heldout" => is_held_out(id),
        _ => true,
    }
}

/// `f` over every item on all cores; the results in no particular order.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> Option<R> + Sync) -> Vec<R> {
    let out = std::sync::Mutex::new(Vec::new());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|sc| {
        for _ in 0..std::thread::available_parallelism().map_or(2, |n| n.get()) {
            sc.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                if let Some(r) = f(item) {
                    out.lock().unwrap_or_else(|e| e.into_inner()).push(r);
                }
            });
        }
    });
    out.into_inner().unwrap_or_else(|e| e.into_inner())
}
