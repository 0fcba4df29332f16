//! Times each stage of the core on one page: `cargo run --release --example profile_page -- PAGE [URL]`.
//! Parse (html5ever), features, classify and reader are timed separately, median of 5 runs.

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: profile_page PAGE [URL]");
    let url = std::env::args().nth(2).unwrap_or_else(|| "https://example.invalid/".into());
    let bytes = std::fs::read(&path).expect("read page");
    let html = blockwise::html::decode_page(&bytes).expect("an HTML page");
    let (mut p, mut fe, mut c, mut r) = (vec![], vec![], vec![], vec![]);
    let mut nodes = 0;
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let snap = blockwise::html::parse(&html, &url);
        p.push(t.elapsed().as_secs_f64() * 1e3);
        nodes = snap.len();
        let t = std::time::Instant::now();
        let f = blockwise::features::Features::compute(&snap);
        fe.push(t.elapsed().as_secs_f64() * 1e3);
        let t = std::time::Instant::now();
        let cl = blockwise::classify::classify(&snap, &f);
        c.push(t.elapsed().as_secs_f64() * 1e3);
        let t = std::time::Instant::now();
        let _ = blockwise::reader::extract(&snap, &f, &cl);
        r.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("{path}: {nodes} nodes; parse {:.2} ms, features {:.2} ms, classify {:.2} ms, reader {:.2} ms", median(p), median(fe), median(c), median(r));
}
