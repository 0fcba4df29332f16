//! Blockwise sorts every block of a news page into a kind — article, related, promotion, sponsored,
//! navigation, comments — says why, and extracts the article as a safe reader document.
//!
//! The core is pure: it takes a [`page::Snapshot`] (built natively from HTML by `html::parse`, or sent by
//! the browser extension's content script in the typed-array format of `docs/snapshot-format.md`)
//! and returns decisions. It keeps no state between pages and never touches a DOM.
//!
//! ```
//! # #[cfg(not(target_arch = "wasm32"))] {
//! let html = "<html><body><nav><a href='/'>Home</a><a href='/a'>A</a><a href='/b'>B</a><a href='/c'>C</a></nav>\
//!             <article><h1>A headline long enough</h1><p>A paragraph of the story that is long enough to count as prose in the story.</p>\
//!             <p>Another paragraph of the story that is long enough to count as prose in the story.</p>\
//!             <p>A third paragraph of the story that is long enough to count as prose in the story.</p></article></body></html>";
//! let snap = blockwise::html::parse(html, "https://example.com/story");
//! let result = blockwise::analyze(&snap, true);
//! assert!(result.blocks().iter().any(|b| b.kind == blockwise::Kind::Article));
//! assert!(result.reader.unwrap().text.contains("third paragraph"));
//! # }
//! ```
#![warn(missing_docs)]
// The shipped Wasm (feature `bare`, scripts/build-wasm.sh) leaves the standard library out: see src/bare.rs.
#![cfg_attr(all(target_arch = "wasm32", feature = "bare"), no_std)]

extern crate alloc;

/// What every module of the core uses from `alloc` (the standard prelude's, without `std`).
mod prelude {
    pub use alloc::boxed::Box;
    pub use alloc::format;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec;
    pub use alloc::vec::Vec;
}

#[cfg(all(target_arch = "wasm32", feature = "bare"))]
mod bare;

/// `f32::round`, which lives in `std`: without it, the same function from `libm` (the code the
/// standard library runs for it on wasm32 too).
mod math {
    #[cfg(not(all(target_arch = "wasm32", feature = "bare")))]
    pub fn round(x: f32) -> f32 {
        x.round()
    }
    #[cfg(all(target_arch = "wasm32", feature = "bare"))]
    pub use libm::roundf as round;
}
pub mod classify;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod features;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod jsonld;
pub mod page;
pub mod reader;
pub mod lower;
pub mod reason;
pub mod rules;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use classify::{Block, Classification};
pub use features::Kind;
pub use page::{Snapshot, SnapshotError};
pub use reader::ReaderDoc;

/// What the core says about one page.
pub struct Analysis {
    /// Blocks and the story root.
    pub classification: Classification,
    /// The reader document, when asked for and the page has an article (or, without one, a `<main>`).
    pub reader: Option<ReaderDoc>,
}

impl Analysis {
    /// The blocks, in document order.
    pub fn blocks(&self) -> &[Block] {
        &self.classification.blocks
    }
}

/// Classifies a page and, with `want_reader`, extracts its reader document.
pub fn analyze(snapshot: &Snapshot, want_reader: bool) -> Analysis {
    let f = features::Features::compute(snapshot);
    let classification = classify::classify(snapshot, &f);
    let reader = if want_reader { reader::extract(snapshot, &f, &classification) } else { None };
    Analysis { classification, reader }
}

/// Blocks of content added after a clean (see [`classify::classify_fragment`]): no story, no reader.
pub fn analyze_late(snapshot: &Snapshot) -> Analysis {
    let f = features::Features::compute(snapshot);
    Analysis { classification: classify::classify_fragment(snapshot, &f), reader: None }
}
