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
    let a = crate::analyze(&snap, want_reader);
    let out = Out { blocks: a.blocks(), reader: a.reader.as_ref() };
    out.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot return the result: {e}")))
}

