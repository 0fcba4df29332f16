//! The shipped Wasm without the standard library (feature `bare`, built by scripts/build-wasm.sh).
//!
//! With `std`, every panic path of the core (bounds checks, slicing, `unwrap`) keeps the standard
//! library's panic machinery, which formats the message (`core::fmt`, integer and `Debug` printing,
//! Unicode printability tables, the payload types): about 10 KB of Wasm that only a bug would run.
//! scripts/build-wasm.sh rebuilds core and alloc with the immediate-abort panic strategy: a panic is a
//! trap where it happens (no message is built, none reaches this handler), which the caller sees as a
//! `RuntimeError: unreachable`. The handler below is still what `no_std` requires, and what a build
//! with the prebuilt core (`panic=abort`) runs: it writes the message to the console when it is a plain
//! string, then traps. `BLOCKWISE_PANIC_LOCATIONS=1 bash scripts/build-wasm.sh` builds with `std` and
//! the full message, file and line, for debugging.
//!
//! The allocator is Talc (the `talc` crate, its WebAssembly configuration, which grows the memory as it
//! needs): 0.7 KB more than an allocator of our own with power-of-two size classes, and 40 % less memory
//! on the largest pages (docs/benchmarks.md, "The .wasm's size: the cuts (issue 6, fourth pass)").

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(a: &str, b: &str);
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo) -> ! {
    console_error("Blockwise: the core panicked:", info.message().as_str().unwrap_or("(a formatted message)"));
    core::arch::wasm32::unreachable()
}

/// The allocator: Talc (the `talc` crate), growing the Wasm memory as it needs.
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
