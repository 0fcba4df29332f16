//! The core alone over many WCXB dev pages, for profiling and for checking that a pure speed change
//! keeps every output: `cargo run --release --example core_loop -- loop N REPS` times `analyze` on the
//! first N pages (parsed beforehand); `-- dump N FILE` writes each page's blocks, story root, headline
//! and reader document as one JSON line (diff two dumps). Under callgrind, count the core only with
//! `valgrind --tool=callgrind --toggle-collect='blockwise::analyze*' target/release/examples/core_loop loop 60 1`.
//! For the native HTML path: `-- parse N REPS` times `html::parse` alone and parse + `analyze` on the
//! first N pages (the text decoded beforehand); `-- snapdump N FILE` writes each page's snapshot as one
//! line (every node's parent, tag, name, text and attributes, and the string table), to diff when the
//! parser's tree building changes. `-- compare N REPS` runs the throughput bench's three jobs
//! (benches/throughput.rs: parse + core, core on ready snapshots, dom_smoothie) on the first N WCXB
//! article pages, one after the other, and prints each one's wall-clock and CPU time per pass (the CPU
//! time, from /proc, moves less on a machine busy with other jobs).

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: core_loop loop N REPS | core_loop dump N FILE | core_loop parse N REPS | core_loop snapdump N FILE | core_loop compare N REPS";
    let (mode, n) = match (args.get(1), args.get(2).and_then(|v| v.parse::<usize>().ok())) {
        (Some(m), Some(n)) => (m.as_str(), n),
        _ => return eprintln!("{usage}"),
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/wcxb-dev");
    let pages = blockwise::eval::load_wcxb(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    if mode == "compare" {
        let reps: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(1);
        return compare(&pages, n, reps);
    }
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

/// This thread's CPU time in seconds (user + system, from /proc/thread-self/stat; 0 where there is none).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command's closing parenthesis: state is the first, utime the 12th, stime the 13th.
    let rest: Vec<&str> = stat.rsplit_once(')').map_or("", |r| r.1).split_whitespace().collect();
    let ticks = |i: usize| rest.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

fn compare(pages: &[blockwise::eval::WcxbPage], n: usize, reps: usize) {
    let texts: Vec<(String, &str)> = pages
        .iter()
        .filter(|p| p.page_type == "article")
        .take(n)
        .filter_map(|p| {
            let html = std::fs::read(&p.html).map_err(|e| e.to_string()).and_then(|b| blockwise::html::decode_page(&b)).ok()?;
            Some((html, p.url.as_str()))
        })
        .collect();
    let snaps: Vec<_> = texts.iter().map(|(html, url)| blockwise::html::parse(html, url)).collect();
    let time = |name: &str, job: &dyn Fn()| -> f64 {
        job(); // warm-up pass
        let (t, c) = (std::time::Instant::now(), cpu_seconds());
        for _ in 0..reps {
            job();
        }
        let (wall, cpu) = (t.elapsed().as_secs_f64() * 1e3 / reps as f64, (cpu_seconds() - c) * 1e3 / reps as f64);
        println!("{name:<46} wall {wall:7.1} ms  cpu {cpu:7.1} ms per pass");
        cpu
    };
    println!("{} WCXB article pages, {reps} passes each", texts.len());
    let full = time("blockwise: parse + classify + reader", &|| {
        for (html, url) in &texts {
            std::hint::black_box(blockwise::analyze(&blockwise::html::parse(html, url), true));
        }
    });
    let core = time("blockwise: classify + reader (snapshot ready)", &|| {
        for s in &snaps {
            std::hint::black_box(blockwise::analyze(s, true));
        }
    });
    let theirs = time("dom_smoothie: parse + readability", &|| {
        for (html, url) in &texts {
            if let Ok(mut r) = dom_smoothie::Readability::new(html.as_str(), Some(*url), None) {
                let _ = std::hint::black_box(r.parse());
            }
        }
    });
    println!("throughput / dom_smoothie's (cpu): core {:.2}x, parse + core {:.2}x", theirs / core, theirs / full);
}
