//! Hardening under Wasm in a real browser (docs/hardening.md): a page of 200,000 elements and one
//! nested 20,000 deep go through the exported `analyze` (decode, classify, reader, serialisation)
//! without trapping; beyond `MAX_NODES` is a clear `Error`. Timings go to the console:
//! `CHROMEDRIVER=$(command -v chromedriver) cargo test --release --target wasm32-unknown-unknown --test hardening_wasm`
#![cfg(target_arch = "wasm32")]

use blockwise::page::{MAX_NODES, NONE};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

struct W {
    strings: Vec<&'static str>,
    names: Vec<u32>,
    parents: Vec<i32>,
    texts: Vec<u32>,
    attrs: Vec<u32>,
}

const S: &[&str] = &[
    "html", "body", "main", "article", "h1", "p", "#text", "div", "a", "span", "href", "/story/x", "class", "card",
    "Paragraph of the story, long enough to read as prose in a real article about the town and its harbour.",
    "A very long page indeed", "Teaser", "blockquote", "ul", "li",
];
fn s(name: &str) -> u32 {
    S.iter().position(|x| *x == name).unwrap() as u32
}

impl W {
    fn new() -> W {
        W { strings: S.to_vec(), names: vec![], parents: vec![], texts: vec![], attrs: vec![] }
    }
    fn el(&mut self, parent: i32, name: &str) -> i32 {
        self.names.push(s(name));
        self.parents.push(parent);
        self.texts.push(NONE);
        self.names.len() as i32 - 1
    }
    fn text(&mut self, parent: i32, t: &str) {
        self.names.push(s("#text"));
        self.parents.push(parent);
        self.texts.push(s(t));
    }
    fn run(&self) -> Result<JsValue, JsValue> {
        let strings = self.strings.join("\0");
        blockwise::wasm::analyze("https://e.com/s", &strings, &self.names, &self.parents, &self.texts, &self.attrs, &[], &[], 1)
            .map_err(JsValue::from)
    }
}

fn story(w: &mut W, body: i32) -> i32 {
    let main = w.el(body, "main");
    let art = w.el(main, "article");
    let h = w.el(art, "h1");
    w.text(h, "A very long page indeed");
    for _ in 0..20 {
        let p = w.el(art, "p");
        w.text(p, S[14]);
    }
    main
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn reader_words(v: &JsValue) -> f64 {
    let reader = js_sys::Reflect::get(v, &"reader".into()).unwrap();
    js_sys::Reflect::get(&reader, &"words".into()).unwrap().as_f64().unwrap_or(0.0)
}

#[wasm_bindgen_test]
fn wide_200k_elements() {
    let mut w = W::new();
    let html = w.el(-1, "html");
    let body = w.el(html, "body");
    let main = story(&mut w, body);
    let mut k = 0;
    while w.names.len() < 200_000 {
        let d = w.el(main, "div");
        w.attrs.extend([d as u32, s("class"), s("card")]);
        let a = w.el(d, "a");
        w.attrs.extend([a as u32, s("href"), s("/story/x")]);
        w.text(a, "Teaser");
        k += 1;
    }
    let t = now();
    let r = w.run().expect("200k elements analyse");
    console_log!("wasm: {} nodes ({k} cards): analyze {:.0} ms", w.names.len(), now() - t);
    assert!(reader_words(&r) > 100.0);
}

#[wasm_bindgen_test]
fn deep_20k_divs() {
    let mut w = W::new();
    let html = w.el(-1, "html");
    let mut p = w.el(html, "body");
    for _ in 0..20_000 {
        p = w.el(p, "div");
    }
    let art = w.el(p, "article");
    for _ in 0..5 {
        let q = w.el(art, "p");
        w.text(q, S[14]);
    }
    let t = now();
    w.run().expect("20k deep divs analyse");
    console_log!("wasm: 20,000 nested divs: analyze {:.0} ms", now() - t);
}

#[wasm_bindgen_test]
fn deep_20k_reader_tree() {
    let mut w = W::new();
    let html = w.el(-1, "html");
    let body = w.el(html, "body");
    let mut p = w.el(body, "article");
    for i in 0..20_000 {
        p = w.el(p, ["blockquote", "ul", "li"][i % 3]);
        if i % 50 == 0 || i + 5 >= 20_000 {
            w.text(p, S[14]);
        }
    }
    let t = now();
    let r = w.run().expect("20k deep reader tree analyses and serialises");
    console_log!("wasm: 20,000-deep blockquote/ul/li: analyze {:.0} ms, reader words {}", now() - t, reader_words(&r));
    assert!(reader_words(&r) > 1000.0);
}

#[wasm_bindgen_test]
fn beyond_max_nodes_is_an_error() {
    let n = MAX_NODES + 1;
    let names = vec![0u32; n];
    let mut parents = vec![0i32; n];
    parents[0] = -1;
    let texts = vec![NONE; n];
    let e = blockwise::wasm::analyze("https://e.com/", "div", &names, &parents, &texts, &[], &[], &[], 0).map_err(JsValue::from).unwrap_err();
    let msg = js_sys::Error::from(e).message().as_string().unwrap();
    assert!(msg.contains("more than the"), "{msg}");
}
