//! The core alone over many WCXB dev pages, for profiling and for checking that a pure speed change
//! keeps every output: `cargo run --release --example core_loop -- loop N REPS` times `analyze` on the
//! first N pages (parsed beforehand); `-- dump N FILE` writes each page's blocks, story root, headline
//! and reader document as one JSON line (diff two dumps). Under callgrind, count the core only with
//! `valgrind --tool=callgrind --toggle-collect='blockwise::analyze*' target/release/examples/core_loop loop 60 1`.
//! For the native HTML path: `-- parse N REPS` times `html::parse` alone and parse + `analyze` on the
//! first N pages (the text decoded beforehand); `-- snapdump N FILE` writes each page's snapshot as one
//! line (every node's parent, tag, name, text and attributes, and the string table), to diff when the
//! parser's tree building changes.

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: core_loop loop N REPS | core_loop dump N FILE | core_loop parse N REPS | core_loop snapdump N FILE";
    let (mode, n) = match (args.get(1), args.get(2).and_then(|v| v.parse::<usize>().ok())) {
        (Some(m), Some(n)) => (m.as_str(), n),
        _ => return eprintln!("{usage}"),
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/wcxb-dev");
    let pages = blockwise::eval::load_wcxb(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let texts: Vec<(String, &str)> = pages
        .iter()
        .take(n)
        .filter_map(|p| {
            let html = std::fs::read(&p.html).map_err(|e| e.to_string()).and_then(|b| blockwise::html::decode_page(&b)).ok()?;
            Some((html, p.url.as_str()))
        })
        .collect();
    if mode == "parse" {
        let reps: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(1);
        let t = std::time::Instant::now();
        for _ in 0..reps {
            for (html, url) in &texts {
                std::hint::black_box(blockwise::html::parse(html, url));
            }
        }
        let parse_ms = t.elapsed().as_secs_f64() * 1e3 / reps as f64;
        let t = std::time::Instant::now();
        for _ in 0..reps {
            for (html, url) in &texts {
                std::hint::black_box(blockwise::analyze(&blockwise::html::parse(html, url), true));
            }
        }
        let all_ms = t.elapsed().as_secs_f64() * 1e3 / reps as f64;
        return println!("{} pages: parse {parse_ms:.1} ms, parse + analyze {all_ms:.1} ms per pass", texts.len());
    }
    let snaps: Vec<_> = texts.iter().map(|(html, url)| blockwise::html::parse(html, url)).collect();
    match (mode, args.get(3)) {
        ("snapdump", Some(file)) => {
            let mut out = std::io::BufWriter::new(std::fs::File::create(file).expect("create the dump file"));
            for s in &snaps {
                writeln!(out, "{s:?}").expect("write the dump");
            }
        }
        ("dump", Some(file)) => {
            let mut out = std::io::BufWriter::new(std::fs::File::create(file).expect("create the dump file"));
            for s in &snaps {
                let a = blockwise::analyze(s, true);
                let c = &a.classification;
                let line = serde_json::json!({"url": s.url, "blocks": a.blocks(), "article": c.article, "headline": c.headline,
                                              "discussion": c.discussion, "reader": a.reader});
                writeln!(out, "{line}").expect("write the dump");
            }
        }
        ("loop", Some(reps)) => {
            let reps: usize = reps.parse().unwrap_or(1);
            let t = std::time::Instant::now();
            let mut blocks = 0;
            for _ in 0..reps {
                for s in &snaps {
                    blocks += std::hint::black_box(blockwise::analyze(s, true)).blocks().len();
                }
            }
            let ms = t.elapsed().as_secs_f64() * 1e3 / reps as f64;
            println!("{} pages: {ms:.1} ms per pass ({blocks} blocks)", snaps.len());
        }
        _ => eprintln!("{usage}"),
    }
}
