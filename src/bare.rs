//! The shipped Wasm without the standard library (feature `bare`, built by scripts/build-wasm.sh).
//!
//! With `std`, every panic path of the core (bounds checks, slicing, `unwrap`) keeps the standard
//! library's panic machinery, which formats the message (`core::fmt`, integer and `Debug` printing,
//! Unicode printability tables, the payload types): about 10 KB of Wasm that only a bug would run.
//! Here a panic writes its message to the console when the message is a plain string (most `expect`s
//! and `unwrap`s), or a generic line otherwise, and stops the Wasm with a trap (as `panic=abort`
//! already did), which the caller sees as a `RuntimeError`. `BLOCKWISE_PANIC_LOCATIONS=1 bash
//! scripts/build-wasm.sh` builds with `std` and the full message, file and line, for debugging.
//!
//! The allocator is [`crate::sizeclass::Classes`] on memory from `memory.grow`.

use crate::sizeclass::{Classes, MAX_ALIGN};
use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
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

/// The allocator: [`Classes`] behind a cell (wasm32 without the atomics feature has one thread).
struct Alloc(UnsafeCell<Classes>);

// SAFETY: this target runs the module on one thread; nothing else reaches the cell.
unsafe impl Sync for Alloc {}

#[global_allocator]
static ALLOC: Alloc = Alloc(UnsafeCell::new(Classes::new()));

/// Grows the Wasm memory by at least `bytes`: the new memory's start and length.
fn grow(bytes: usize) -> Option<(usize, usize)> {
    let pages = bytes.div_ceil(65536);
    let old = core::arch::wasm32::memory_grow(0, pages);
    // memory.grow answers usize::MAX when it cannot; stop a page short of 4 GiB so sums never wrap.
    if old == usize::MAX || old + pages >= 65536 {
        return None;
    }
    Some((old * 65536, pages * 65536))
}

unsafe impl GlobalAlloc for Alloc {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        // SAFETY: one thread, and no allocation happens inside another.
        unsafe { (*self.0.get()).alloc(l.size(), l.align(), grow) }
    }

    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { (*self.0.get()).free(p, l.size(), l.align()) }
    }

    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        if l.align() <= MAX_ALIGN && Classes::same_class(l.size(), new, l.align()) {
            return p;
        }
        // SAFETY: as GlobalAlloc::realloc's default: a new block, the bytes copied, the old freed.
        unsafe {
            let q = self.alloc(Layout::from_size_align_unchecked(new, l.align()));
            if !q.is_null() {
                core::ptr::copy_nonoverlapping(p, q, l.size().min(new));
                self.dealloc(p, l);
            }
            q
        }
    }
}
