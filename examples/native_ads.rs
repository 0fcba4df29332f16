//! Real ads placed into real stories: each subtree of `../shared/data/native-ads/html/*.html` is inserted
//! after a story paragraph of a WCXB article page (hosts rotate), and we count how many are classified
//! `sponsored` and on how many pages a story paragraph of the host stops being `article`.
//!
//! `cargo run --release --example native_ads -- [ADS_DIR] [WCXB_DIR]`
//!
//! `HOSTS=N` rotates over N host pages (default 50); `PLACE=third|middle|last` puts the ad after the story's
//! third paragraph (default), its middle one, or its last one. `SHOW=1` lists misses and hurt paragraphs;
//! `DUMP=DIR` also writes those pages there.

use blockwise::eval::{ad_hosts, ad_markup, place_ad, Place};
use blockwise::Kind;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ads_dir = args.first().cloned().unwrap_or_else(|| "../shared/data/native-ads".into());
    let wcxb = args.get(1).cloned().unwrap_or_else(|| "../shared/data/wcxb-dev".into());
    let want = std::env::var("HOSTS").ok().and_then(|n| n.parse().ok()).unwrap_or(50);
    let place = Place::parse(&std::env::var("PLACE").unwrap_or_default());
    let hosts = ad_hosts(Path::new(&wcxb), want, place);
    if hosts.is_empty() {
        eprintln!("native_ads: no host pages under {wcxb}");
        std::process::exit(1);
    }
    let show = std::env::var("SHOW").is_ok();
    let dump = std::env::var("DUMP").ok();
    let mut files: Vec<_> = std::fs::read_dir(format!("{ads_dir}/html")).expect("ads dir").filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let (mut total, mut sponsored, mut hurt, mut other) = (0, 0, 0, std::collections::BTreeMap::new());
    for (k, path) in files.iter().enumerate() {
        let Some(ad) = std::fs::read_to_string(path).ok().and_then(|w| ad_markup(&w)) else { continue };
        let host = &hosts[k % hosts.len()];
        let Some(o) = place_ad(host, &ad) else { continue };
        total += 1;
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        match o.kind {
            Some(Kind::Sponsored) => sponsored += 1,
            k => {
                *other.entry(k.map_or("nothing", |k| k.as_str())).or_insert(0) += 1;
                if show {
                    println!("missed {} as {} in {}", path.display(), k.map_or("nothing", |k| k.as_str()), host.url);
                }
                if let Some(dir) = &dump {
                    std::fs::write(format!("{dir}/{name}"), &o.page).ok();
                }
            }
        }
        if !o.hurt.is_empty() {
            hurt += 1;
            if show {
                println!("story hurt by {} in {}", path.display(), host.url);
                for (t, k) in &o.hurt {
                    println!("    {} {t}", k.map_or("nothing", |k| k.as_str()));
                }
            }
            if let Some(dir) = &dump {
                std::fs::write(format!("{dir}/hurt-{name}"), &o.page).ok();
            }
        }
    }
    println!("native ads: {sponsored} of {total} ad subtrees classified sponsored ({:.1}%); otherwise {other:?}", 100.0 * sponsored as f64 / total.max(1) as f64);
    println!("pages where a story paragraph stopped being article: {hurt} of {total}");
}
