//! The browser face: wasm-bindgen exports that take the content script's typed-array snapshot and
//! return blocks and the reader document as plain JS objects (serde-wasm-bindgen). Errors become
//! `JsError`s; a malformed snapshot never panics.

use crate::page::{Snapshot, Wire};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Installs the panic hook so a bug shows a readable message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "panic-hook")]
    console_error_panic_hook::set_once();
}

/// The crate's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[derive(Serialize)]
struct Out<'a> {
    blocks: &'a [crate::Block],
    reader: Option<&'a crate::ReaderDoc>,
}

/// Classifies a page snapshot (see `docs/snapshot-format.md`) and returns
/// `{ blocks: [{node, kind, confidence, reasons}], reader: ReaderDoc | null }`.
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
    want_reader: bool,
) -> Result<JsValue, JsError> {
    let wire = Wire { url, strings, names, parents, texts, attrs, flags, rects };
    let snap = Snapshot::from_wire(&wire).map_err(|e| JsError::new(&e.to_string()))?;
    let mut a = crate::analyze(&snap, want_reader);
    if let Some(doc) = a.reader.as_mut() {
        doc.content = limit_depth(std::mem::take(&mut doc.content), 0);
    }
    let out = Out { blocks: a.blocks(), reader: a.reader.as_ref() };
    out.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot return the result: {e}")))
}

/// Reader elements deeper than this become their text. The serialiser below recurses once per
/// level and the Wasm stack is 1 MiB, so a 20,000-deep page would trap; the reader page shows no
/// more than 200 levels anyway (`MAX_DEPTH` in `extension/shared/reader/reader.js`).
pub const MAX_READER_DEPTH: usize = 100;

/// Cuts the reader tree at [`MAX_READER_DEPTH`] (recursion bounded by that depth), keeping the text
/// below the cut.
fn limit_depth(nodes: Vec<crate::reader::RNode>, depth: usize) -> Vec<crate::reader::RNode> {
    use crate::reader::RNode;
    nodes
        .into_iter()
        .map(|n| match n {
            RNode::El { t, a, c } if depth < MAX_READER_DEPTH => RNode::El { t, a, c: limit_depth(c, depth + 1) },
            RNode::El { c, .. } => RNode::Text(flat_text(c)),
            text => text,
        })
        .collect()
}

/// The text of a subtree, walked (and taken apart) iteratively, never recursively.
fn flat_text(c: Vec<crate::reader::RNode>) -> String {
    use crate::reader::RNode;
    let mut out = String::new();
    let mut stack = vec![c.into_iter()];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            Some(RNode::Text(t)) => out.push_str(&t),
            Some(RNode::El { c, .. }) => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
                stack.push(c.into_iter());
            }
            None => {
                stack.pop();
            }
        }
    }
    out
}
