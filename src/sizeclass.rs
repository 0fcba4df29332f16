//! The shipped Wasm's allocator (registered in `src/bare.rs`): blocks in power-of-two size classes,
//! each class with a list of freed blocks to reuse, new blocks cut from the end of memory. About 0.4 KB
//! of Wasm instead of dlmalloc's 7 KB, and O(1) for every call.
//!
//! A freed block is only ever reused for its own class (no splitting or merging), so memory can be
//! held by one class while another grows: the most it holds is, per class, the most blocks of that
//! class alive at once. The core's allocations are per page (snapshot, features, blocks, reader
//! document) and mostly vectors that double, whose sizes are powers of two already.
//!
//! Written against a `grow` function so that its tests run natively on an ordinary buffer.
#![cfg_attr(not(all(target_arch = "wasm32", feature = "bare")), allow(dead_code))]

/// Smallest block: room for the free list's link, and 8-byte alignment.
const MIN_SHIFT: u32 = 3;
/// Blocks are aligned to their size up to this (Wasm has no type aligned to more than 16).
pub const MAX_ALIGN: usize = 16;

/// The allocator's state: one free list per class, and the unused end of the memory it was given.
pub struct Classes {
    /// Address of the first freed block of each class (`1 << (MIN_SHIFT + i)` bytes), 0 for none;
    /// each freed block holds the address of the next.
    free: [usize; 29],
    /// The next unused address and the end of the memory obtained so far.
    top: usize,
    end: usize,
}

impl Classes {
    /// No memory yet.
    pub const fn new() -> Classes {
        Classes { free: [0; 29], top: 0, end: 0 }
    }

    /// The class index of a request, or `None` when it cannot be served.
    fn class(size: usize, align: usize) -> Option<usize> {
        if align > MAX_ALIGN || size > 1 << (MIN_SHIFT + 28) {
            return None;
        }
        let need = size.max(align).max(1 << MIN_SHIFT);
        Some((usize::BITS - (need - 1).leading_zeros() - MIN_SHIFT) as usize)
    }

    /// A block of at least `size` bytes aligned to `align`, or null. `grow(bytes)` extends memory
    /// by at least `bytes` and returns the start of the new memory and its length, or `None`.
    ///
    /// # Safety
    /// The addresses `grow` returns must be writable memory owned by this allocator.
    pub unsafe fn alloc(&mut self, size: usize, align: usize, grow: impl FnOnce(usize) -> Option<(usize, usize)>) -> *mut u8 {
        let Some(c) = Classes::class(size, align) else { return core::ptr::null_mut() };
        let head = self.free[c];
        if head != 0 {
            // SAFETY: a freed block of this class; its first word is the next block's address.
            self.free[c] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        let bytes = 1usize << (MIN_SHIFT + c as u32);
        let mask = bytes.min(MAX_ALIGN) - 1;
        let mut at = (self.top + mask) & !mask;
        if at.checked_add(bytes).is_none_or(|e| e > self.end) {
            // `grow` never reaches the top of the address space, so these sums do not overflow.
            let Some((start, len)) = grow(bytes + MAX_ALIGN) else { return core::ptr::null_mut() };
            if start != self.end {
                // Not contiguous with what is left (the first call): start over at the new memory.
                self.top = start;
            }
            self.end = start + len;
            at = (self.top + mask) & !mask;
        }
        self.top = at + bytes;
        at as *mut u8
    }

    /// Gives back a block that [`Classes::alloc`] returned for the same `size` and `align`.
    ///
    /// # Safety
    /// `ptr` must come from `alloc` with this layout and not be used again.
    pub unsafe fn free(&mut self, ptr: *mut u8, size: usize, align: usize) {
        if let Some(c) = Classes::class(size, align) {
            // SAFETY: the block is at least 8 bytes and 8-aligned, and no longer in use.
            unsafe { *(ptr as *mut usize) = self.free[c] };
            self.free[c] = ptr as usize;
        }
    }

    /// True when a block for `old` bytes also serves `new` bytes (same class): `realloc` keeps it.
    pub fn same_class(old: usize, new: usize, align: usize) -> bool {
        Classes::class(old, align) == Classes::class(new, align)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fake memory: `grow` hands out pieces of one buffer, 64 KiB pages at a time.
    struct Mem {
        buf: Vec<u8>,
        used: usize,
    }

    impl Mem {
        fn grow(&mut self, bytes: usize) -> Option<(usize, usize)> {
            let pages = bytes.div_ceil(65536);
            if self.used + pages * 65536 > self.buf.len() {
                return None;
            }
            let start = self.buf.as_ptr() as usize + self.used;
            self.used += pages * 65536;
            Some((start, pages * 65536))
        }
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_reused() {
        let mut mem = Mem { buf: vec![0; 64 << 20], used: 0 };
        let mut a = Classes::new();
        let mut live: Vec<(usize, usize, usize, u8)> = Vec::new();
        // A fixed pseudo-random sequence of allocations and frees of mixed sizes and alignments.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for step in 0..20_000u32 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if !live.is_empty() && (x % 2 == 0 || live.len() > 300) {
                let (p, size, align, fill) = live.swap_remove((x >> 8) as usize % live.len());
                // The block still holds what was written into it.
                let s = unsafe { core::slice::from_raw_parts(p as *const u8, size) };
                assert!(s.iter().all(|&b| b == fill), "step {step}");
                unsafe { a.free(p as *mut u8, size, align) };
                continue;
            }
            let size = match x % 5 {
                0 => (x >> 20) as usize % 16,
                1 | 2 => (x >> 20) as usize % 200,
                3 => (x >> 20) as usize % 5000,
                _ => (x >> 20) as usize % 300_000,
            };
            let align = 1 << ((x >> 40) % 5);
            let p = unsafe { a.alloc(size, align, |n| mem.grow(n)) } as usize;
            assert_ne!(p, 0);
            assert_eq!(p % align, 0, "alignment {align}");
            for &(q, qs, _, _) in &live {
                assert!(p + size.max(1) <= q || q + qs.max(1) <= p, "overlap at step {step}");
            }
            let fill = step as u8;
            unsafe { core::ptr::write_bytes(p as *mut u8, fill, size) };
            live.push((p, size, align, fill));
        }
        // Freed blocks are reused: all this took a small multiple of the most ever alive at once.
        assert!(mem.used < 32 << 20, "used {}", mem.used);
    }

    #[test]
    fn a_freed_block_comes_back_for_its_class() {
        let mut mem = Mem { buf: vec![0; 1 << 20], used: 0 };
        let mut a = Classes::new();
        let p = unsafe { a.alloc(24, 8, |n| mem.grow(n)) };
        let q = unsafe { a.alloc(24, 8, |n| mem.grow(n)) };
        assert_ne!(p, q);
        unsafe { a.free(p, 24, 8) };
        assert_eq!(unsafe { a.alloc(30, 4, |n| mem.grow(n)) }, p);
        assert!(Classes::same_class(17, 32, 8) && !Classes::same_class(32, 33, 8));
        assert!(unsafe { a.alloc(8, 32, |n| mem.grow(n)) }.is_null(), "alignment above 16 is refused");
        assert!(unsafe { a.alloc(1 << 20, 8, |n| mem.grow(n)) }.is_null(), "out of memory is null");
    }
}
