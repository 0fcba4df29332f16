//! Real ads placed into real stories: each subtree of `../shared/data/native-ads/html/*.html` is inserted
//! after the third paragraph of a WCXB article page (hosts rotate), and we count how many are classified
//! `sponsored` and whether any story paragraph of the host stops being `article`.
//!
//! `cargo run --release --example native_ads -- [ADS_DIR] [WCXB_DIR]`

use blockwise::page::{Attr, Tag};
use blockwise::Kind;

fn ad_markup(wrapper: &str) -> Option<String> {
    let snap = blockwise::html::parse(wrapper, "https://example.invalid/");
    let f = blockwise::features::Features::compute(&snap);
    let code = (0..snap.len() as u32).find(|&i| snap.nodes[i as usize].tag == Tag::Code)?;
    let mut out = String::new();
    for i in code..f.end[code as usize] {
        if snap.nodes[i as usize].tag == Tag::Text {
            out.push_str(snap.text(i));
        }
    }
    Some(out.trim().to_string())
}

/// Host pages: WCXB article pages whose story has at least 8 paragraphs, with the byte offset after
/// their third story paragraph, and the story paragraphs' texts.
fn hosts(wcxb: &str, want: usize) -> Vec<(String, String, usize, Vec<String>)> {
    let mut out = Vec::new();
    let Ok(pages) = blockwise::eval::load_wcxb(std::path::Path::new(wcxb)) else { return out };
    for p in pages.iter().filter(|p| p.page_type == "article") {
        let Ok(html) = std::fs::read(&p.html).map_err(|e| e.to_string()).and_then(|b| blockwise::html::decode_page(&b)) else { continue };
        let snap = blockwise::html::parse(&html, &p.url);
        let a = blockwise::analyze(&snap, false);
        let f = blockwise::features::Features::compute(&snap);
        let Some(root) = a.classification.article else { continue };
        let paras: Vec<u32> = (root..f.end[root as usize])
            .filter(|&i| snap.nodes[i as usize].tag == Tag::P && f.chars[i as usize] > 120 && a.classification.kind_of(&snap, i) == Some(Kind::Article))
            .collect();
        if paras.len() < 8 {
            continue;
        }
        // Find the third paragraph's opening words in the source and insert after its closing tag.
        let t = blockwise::features::subtree_text(&snap, &f, paras[2], 400);
        let words: Vec<&str> = t.split_whitespace().rev().take(3).collect::<Vec<_>>().into_iter().rev().collect();
        let tail = words.join(" ");
        let Some(pos) = html.find(&tail) else { continue };
        let Some(close) = html[pos..].find("</p>") else { continue };
        let texts = paras.iter().map(|&i| blockwise::features::subtree_text(&snap, &f, i, 60)).collect();
        out.push((p.url.clone(), html.clone(), pos + close + 4, texts));
        if out.len() == want {
            break;
        }
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ads_dir = args.first().cloned().unwrap_or_else(|| "../shared/data/native-ads".into());
    let wcxb = args.get(1).cloned().unwrap_or_else(|| "../shared/data/wcxb-dev".into());
    let hosts = hosts(&wcxb, 5);
    if hosts.is_empty() {
        eprintln!("native_ads: no host pages under {wcxb}");
        std::process::exit(1);
    }
    let mut files: Vec<_> = std::fs::read_dir(format!("{ads_dir}/html")).expect("ads dir").filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let (mut total, mut sponsored, mut hurt, mut other) = (0, 0, 0, std::collections::BTreeMap::new());
    for (k, path) in files.iter().enumerate() {
        let Some(ad) = std::fs::read_to_string(path).ok().and_then(|w| ad_markup(&w)) else { continue };
        if ad.is_empty() {
            continue;
        }
        let (url, html, at, paras) = &hosts[k % hosts.len()];
        let page = format!("{}<div id=\"probe-7f3a\">{}</div>{}", &html[..*at], ad, &html[*at..]);
        let snap = blockwise::html::parse(&page, url);
        let a = blockwise::analyze(&snap, false);
        let f = blockwise::features::Features::compute(&snap);
        let Some(probe) = (0..snap.len() as u32).find(|&i| snap.attr(i, Attr::Id) == Some("probe-7f3a")) else { continue };
        let first = (probe + 1..f.end[probe as usize]).find(|&i| snap.nodes[i as usize].tag != Tag::Text).unwrap_or(probe);
        total += 1;
        match a.classification.kind_of(&snap, first) {
            Some(Kind::Sponsored) => sponsored += 1,
            k => *other.entry(k.map_or("nothing", |k| k.as_str())).or_insert(0) += 1,
        }
        // Story paragraphs of the host must stay article.
        let story_ok = paras.iter().all(|t| {
            (0..snap.len() as u32).filter(|&i| snap.nodes[i as usize].tag == Tag::P).any(|i| {
                blockwise::features::subtree_text(&snap, &f, i, 60) == *t && a.classification.kind_of(&snap, i) == Some(Kind::Article)
            })
        });
        if !story_ok {
            hurt += 1;
            if std::env::var("SHOW").is_ok() {
                println!("story hurt by {}", path.display());
                if let Ok(dir) = std::env::var("DUMP") {
                    let name = path.file_name().unwrap().to_string_lossy().into_owned();
                    std::fs::write(format!("{dir}/hurt-{name}"), &page).ok();
                }
            }
        }
        if std::env::var("SHOW").is_ok() && a.classification.kind_of(&snap, first) != Some(Kind::Sponsored) {
            println!("missed {}", path.display());
            if let Ok(dir) = std::env::var("DUMP") {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                std::fs::write(format!("{dir}/{name}"), &page).ok();
            }
        }
    }
    println!("native ads: {sponsored} of {total} ad subtrees classified sponsored ({:.1}%); otherwise {other:?}", 100.0 * sponsored as f64 / total.max(1) as f64);
    println!("pages where a story paragraph stopped being article: {hurt} of {total}");
}
