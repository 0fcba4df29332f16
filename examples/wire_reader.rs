//! Reads a snapshot the browser sent (`node bench/snapshot-dump.mjs PAGE OUT.json`) and prints what the
//! core makes of it: the blocks (kind, words, path), then the reader text; `--text` only the reader text,
//! `--hidden` the paths of the elements sent as not rendered that hold text.
//!
//! `cargo run --release --example wire_reader -- OUT.json [--text | --hidden]`

use blockwise::page::{Snapshot, Wire};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: wire_reader OUT.json [--text | --hidden]");
        std::process::exit(2);
    };
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file).expect("read the dump")).expect("JSON");
    let list = |k: &str| -> Vec<f64> { v[k].as_array().map(|a| a.iter().filter_map(|x| x.as_f64()).collect()).unwrap_or_default() };
    let u32s = |k: &str| -> Vec<u32> { list(k).into_iter().map(|x| x as u32).collect() };
    let (names, texts, attrs) = (u32s("names"), u32s("texts"), u32s("attrs"));
    let parents: Vec<i32> = list("parents").into_iter().map(|x| x as i32).collect();
    let flags: Vec<u8> = list("flags").into_iter().map(|x| x as u8).collect();
    let wire = Wire {
        url: v["url"].as_str().unwrap_or(""),
        strings: v["strings"].as_str().unwrap_or(""),
        names: &names,
        parents: &parents,
        texts: &texts,
        attrs: &attrs,
        flags: &flags,
        rects: &[],
    };
    let snap = Snapshot::from_wire(&wire).expect("a valid wire");
    if args.iter().any(|a| a == "--hidden") {
        let f = blockwise::features::Features::compute(&snap);
        for i in 0..snap.len() as u32 {
            let n = &snap.nodes[i as usize];
            let parent_hidden = n.parent != blockwise::page::NONE && snap.nodes[n.parent as usize].hidden;
            if n.hidden && !parent_hidden {
                println!("{}  “{}”", snap.path(i), blockwise::features::subtree_text_all(&snap, &f, i).chars().take(100).collect::<String>());
            }
        }
        return;
    }
    let a = blockwise::analyze(&snap, true);
    if !args.iter().any(|a| a == "--text") {
        let f = blockwise::features::Features::compute(&snap);
        for b in a.blocks() {
            println!("{:<10} {:>5} words  {}  ({})", b.kind.as_str(), f.words[b.node as usize], snap.path(b.node), blockwise::reason::joined(&b.reasons, "; "));
        }
        println!();
    }
    println!("{}", a.reader.map(|r| r.text).unwrap_or_default());
}
