//! The browser face: a wasm-bindgen export that takes the content script's typed-array snapshot and
//! returns blocks and the reader document as plain JS objects. The result leaves the Wasm as two
//! arrays of numbers and one string (no serde, no wording: see `src/result.js`, which rebuilds the
//! objects and words the reasons). Errors become `JsError`s; a malformed snapshot never panics.
use crate::prelude::*;

use crate::page::{Snapshot, Wire};
use crate::reader::RNode;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/result.js")]
extern "C" {
    #[wasm_bindgen(js_name = decodeResult)]
    fn decode_result(nums: &[u32], lens: &[u32], strs: &str) -> JsValue;
}

/// Installs the panic hook so a bug shows a readable message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(all(feature = "panic-hook", not(feature = "bare")))]
    console_error_panic_hook::set_once();
}

/// The crate's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

const NONE: u32 = u32::MAX;

/// The result being written in `src/result.js`'s layout.
#[derive(Default)]
struct Enc {
    nums: Vec<u32>,
    lens: Vec<u32>,
    strs: String,
    /// Strings of the core's own tables (kinds, tags, attribute names), written once each.
    statics: Vec<(&'static str, u32)>,
}

impl Enc {
    fn str(&mut self, s: &str) {
        self.nums.push(self.lens.len() as u32);
        // UTF-16 length: one unit per character, two for a four-byte one (no `encode_utf16`).
        self.lens.push(s.bytes().map(|b| u32::from(b & 0xc0 != 0x80) + u32::from(b >= 0xf0)).sum());
        self.strs.push_str(s);
    }

    fn opt(&mut self, s: &Option<String>) {
        match s {
            Some(s) => self.str(s),
            None => self.nums.push(NONE),
        }
    }

    fn name(&mut self, s: &'static str) {
        if let Some(&(_, k)) = self.statics.iter().find(|(t, _)| *t == s) {
            self.nums.push(k);
        } else {
            self.statics.push((s, self.lens.len() as u32));
            self.str(s);
        }
    }

    /// Reader nodes, each followed by its children (the caller writes their count).
    fn nodes(&mut self, nodes: &[RNode]) {
        for n in nodes {
            match n {
                RNode::Text(t) => {
                    self.nums.push(0);
                    self.str(t);
                }
                RNode::El { t, a, c } => {
                    self.nums.push(1);
                    self.name(t);
                    self.nums.push(a.len() as u32);
                    self.nums.push(c.len() as u32);
                    for (k, v) in a {
                        self.name(k);
                        self.str(v);
                    }
                    self.nodes(c);
                }
            }
        }
    }
}

/// Classifies a page snapshot (see `docs/snapshot-format.md`) and returns
/// `{ blocks: [{node, kind, confidence, reasons}], reader: ReaderDoc | null }`. `mode`: 0 blocks,
/// 1 blocks and the reader document, 2 content added after a clean (blocks; nothing is the story).
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn analyze(
    url: &str,
    strings: &str,
    names: &[u32],
    parents: &[i32],
    texts: &[u32],
    attrs: &[u32],
    flags: &[u8],
    rects: &[f32],
    mode: u32,
) -> Result<JsValue, JsError> {
    let wire = Wire { url, strings, names, parents, texts, attrs, flags, rects };
    let snap = Snapshot::from_wire(&wire).map_err(|e| JsError::new(&e.0))?;
    let a = if mode == 2 { crate::analyze_late(&snap) } else { crate::analyze(&snap, mode == 1) };
    let mut e = Enc::default();
    e.nums.push(a.blocks().len() as u32);
    for b in a.blocks() {
        e.nums.push(b.node);
        e.name(b.kind.as_str());
        e.nums.push(crate::math::round(b.confidence * 100.0) as u32);
        e.nums.push(b.reasons.len() as u32);
        for r in &b.reasons {
            e.nums.extend([r.why as u32, r.n[0], r.n[1]]);
            if r.s.is_empty() {
                e.nums.push(NONE);
            } else {
                e.str(&r.s);
            }
        }
    }
    match &a.reader {
        None => e.nums.push(0),
        Some(r) => {
            e.nums.push(1);
            e.str(&r.title);
            e.opt(&r.byline);
            e.opt(&r.published);
            e.opt(&r.site_name);
            e.opt(&r.lang);
            e.name(r.dir);
            e.opt(&r.excerpt);
            e.opt(&r.lead_image);
            e.nums.push(r.content.len() as u32);
            e.nodes(&r.content);
            e.str(&r.text);
            e.nums.push(r.words);
        }
    }
    Ok(decode_result(&e.nums, &e.lens, &e.strs))
}
