//! Native throughput: the Blockwise core (parse + classify + reader) against dom_smoothie (a Rust port
//! of Readability.js) on the same pages. `cargo bench --bench throughput`; `BENCH_PAGES=N` sets how
//! many WCXB dev article pages (default 40), read from `../shared/data/wcxb-dev`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn pages() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/wcxb-dev");
    let n: usize = std::env::var("BENCH_PAGES").ok().and_then(|v| v.parse().ok()).unwrap_or(40);
    let mut out = Vec::new();
    match blockwise::eval::load_wcxb(&dir) {
        Ok(all) => {
            for p in all.iter().filter(|p| p.page_type == "article").take(n) {
                if let Ok(h) = std::fs::read(&p.html).map_err(|e| e.to_string()).and_then(|b| blockwise::html::decode_page(&b)) {
                    out.push((p.url.clone(), h));
                }
            }
        }
        Err(e) => eprintln!("bench: {} is absent ({e}); using the seed page only", dir.display()),
    }
    if out.is_empty() {
        let seed = include_str!("../www/samples/ksl-north-korea.html");
        out.push(("https://www.ksl.com/article/1/".into(), seed.to_string()));
    }
    out
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    let mut g = c.benchmark_group("pages");
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.sample_size(10);
    g.bench_function("blockwise: parse + classify + reader", |b| {
        b.iter(|| {
            for (url, html) in &pages {
                let snap = blockwise::html::parse(html, url);
                black_box(blockwise::analyze(&snap, true));
            }
        })
    });
    g.bench_function("blockwise: classify + reader (snapshot ready)", |b| {
        let snaps: Vec<_> = pages.iter().map(|(u, h)| blockwise::html::parse(h, u)).collect();
        b.iter(|| {
            for s in &snaps {
                black_box(blockwise::analyze(s, true));
            }
        })
    });
    g.bench_function("dom_smoothie: parse + readability", |b| {
        b.iter(|| {
            for (url, html) in &pages {
                if let Ok(mut r) = dom_smoothie::Readability::new(html.as_str(), Some(url.as_str()), None) {
                    let _ = black_box(r.parse());
                }
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
