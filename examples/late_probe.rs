//! One late widget through the core natively: `cargo run --release --example late_probe [N]` prints the
//! microseconds per `analyze_late` call on a mini-snapshot like the content script's for the bench's late
//! widget (a dozen ancestors and a related-links box), for a callgrind of the late path's fixed costs:
//! `valgrind --tool=callgrind --toggle-collect='blockwise::analyze_late*' target/release/examples/late_probe 200`.
fn main() {
    let mut html = String::from("<html><head><title>T</title></head><body class='page home'>");
    for i in 0..12 {
        html += &format!("<div class='wrapper col-{i} layout' id='w{i}'>");
    }
    html += "<aside class='related-links'><h2>More stories</h2><ul>";
    for k in 0..5 {
        html += &format!("<li><a href='/news/late-{k}'>Council approves the new harbour budget number {k}</a></li>");
    }
    html += "</ul></aside>";
    for _ in 0..12 {
        html += "</div>";
    }
    html += "</body></html>";
    let snap = blockwise::html::parse(&html, "https://example.com/story/1");
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000);
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(blockwise::analyze_late(&snap));
    }
    println!(
        "{} nodes, {:.2} us per analyze_late",
        snap.len(),
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}
