//! String helpers that keep one copy of their code in the Wasm where the standard library's generic
//! ones would make one more (docs/benchmarks.md, "The .wasm's size").
use crate::prelude::*;

/// `parts.join(sep)`: a plain loop where the standard `join` is 1 KB of Wasm per element type.
pub fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p.as_ref());
    }
    out
}

/// `parts.concat()`, through [`join`].
pub fn concat(parts: &[&str]) -> String {
    join(parts, "")
}

/// `h.rfind(n)`: where the last `n` in `h` starts (a plain scan where the standard reverse two-way
/// search is 0.6 KB of Wasm; a byte match always starts at a character boundary in UTF-8).
pub fn rfind(h: &str, n: &str) -> Option<usize> {
    let (h, n) = (h.as_bytes(), n.as_bytes());
    (0..=h.len().checked_sub(n.len())?).rev().find(|&i| h[i..].starts_with(n))
}

/// `h.find(n)` for a string needle. The standard two-way searcher behind every `&str` pattern
/// (`contains`, `find`, `split_once`, `replace`, a non-ASCII `char`) is 2.4 KB of Wasm. This one looks
/// at the byte under the end of the needle: when that byte is nowhere in the needle (a 64-bit set of
/// the needle's bytes, by their low six bits), no match can cover it and the search jumps past it, as
/// the standard searcher's own byte set does; otherwise it compares there and moves one byte on. A byte
/// match always starts at a character boundary in UTF-8, so the answer is the standard one.
pub fn find(h: &str, n: &str) -> Option<usize> {
    find_bytes(h.as_bytes(), n.as_bytes())
}

/// [`find`] in bytes.
fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    let Some((&end, init)) = n.split_last() else { return Some(0) };
    if init.is_empty() {
        return find_either(h, end, end);
    }
    let last = h.len().checked_sub(n.len())?;
    let set = n.iter().fold(0u64, |s, &b| s | 1 << (b & 63));
    let mut i = 0;
    while i <= last {
        let t = h[i + init.len()];
        if set >> (t & 63) & 1 == 0 {
            i += n.len();
        } else if t == end && h[i..].starts_with(init) {
            return Some(i);
        } else {
            i += 1;
        }
    }
    None
}

/// `h.contains(n)` for a string needle, through [`find`].
pub fn contains(h: &str, n: &str) -> bool {
    find(h, n).is_some()
}

/// `h.split_once(n)` for a string needle, through [`find`].
pub fn split_once<'a>(h: &'a str, n: &str) -> Option<(&'a str, &'a str)> {
    let i = find(h, n)?;
    Some((&h[..i], &h[i + n.len()..]))
}

/// `h.replace(n, with)` for a non-empty string needle, through [`find`].
pub fn replace(h: &str, n: &str, with: &str) -> String {
    let mut out = String::with_capacity(h.len());
    let mut rest = h;
    while let Some(i) = find(rest, n).filter(|_| !n.is_empty()) {
        out.push_str(&rest[..i]);
        out.push_str(with);
        rest = &rest[i + n.len()..];
    }
    out.push_str(rest);
    out
}

/// `h.rfind(b)` for an ASCII byte `b`: the standard reverse `char` search (`rfind`, `rsplit` with a
/// `char`) is 1.1 KB of Wasm with its `memrchr`.
pub fn rfind_byte(h: &str, b: u8) -> Option<usize> {
    // (Index loops here and below: the `bytes()` adaptors kept their iterator in memory, about
    // 0.2 KB of Wasm each.)
    let h = h.as_bytes();
    let mut i = h.len();
    while i > 0 {
        i -= 1;
        if h[i] == b {
            return Some(i);
        }
    }
    None
}

/// `s.parse::<u32>()` (`radix` 10) or `u32::from_str_radix(s, radix)`: an optional `+`, then at least
/// one digit, no overflow (the standard parser is 0.35 KB of Wasm).
pub fn parse_u32(s: &str, radix: u32) -> Option<u32> {
    let d = s.strip_prefix('+').unwrap_or(s);
    if d.is_empty() {
        return None;
    }
    d.chars().try_fold(0u32, |n, c| n.checked_mul(radix)?.checked_add(c.to_digit(radix)?))
}

/// `h.find(b)` for an ASCII byte `b` (as `h.find(b as char)`): the standard `char` search is 0.9 KB of
/// Wasm with its `memchr` and split iterators.
pub fn find_byte(h: &str, b: u8) -> Option<usize> {
    find_either(h.as_bytes(), b, b)
}

/// The first place in `h` of one of the ASCII bytes `set`.
pub fn find_any(h: &str, set: &[u8]) -> Option<usize> {
    let h = h.as_bytes();
    let mut i = 0;
    while i < h.len() {
        let mut k = 0;
        while k < set.len() {
            if h[i] == set[k] {
                return Some(i);
            }
            k += 1;
        }
        i += 1;
    }
    None
}

/// The first place of byte `a` or `b` in `h`.
fn find_either(h: &[u8], a: u8, b: u8) -> Option<usize> {
    let mut i = 0;
    while i < h.len() {
        if h[i] == a || h[i] == b {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// `h.split([a as char, b as char]).next()` for ASCII bytes `a` and `b`: `h` up to the first of them
/// (the standard two-`char` split and its searcher are 0.3 KB of Wasm).
pub fn before_either(h: &str, a: u8, b: u8) -> &str {
    h.get(..find_either(h.as_bytes(), a, b).unwrap_or(h.len())).unwrap_or(h)
}

/// `h.split(b as char)` for an ASCII byte `b`.
pub fn split_byte(h: &str, b: u8) -> SplitByte<'_> {
    SplitByte { rest: Some(h), b, lines: false }
}

/// `t.lines()`: split at `\n`, a `\r` before it dropped, no empty line after a final `\n`.
pub fn lines(t: &str) -> SplitByte<'_> {
    SplitByte { rest: Some(t).filter(|t| !t.is_empty()), b: b'\n', lines: true }
}

/// The parts of [`split_byte`] and [`lines`].
pub struct SplitByte<'a> {
    rest: Option<&'a str>,
    b: u8,
    lines: bool,
}

impl<'a> Iterator for SplitByte<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let r = self.rest?;
        let Some(i) = find_byte(r, self.b) else {
            self.rest = None;
            return Some(r);
        };
        let part = &r[..i];
        self.rest = Some(&r[i + 1..]).filter(|rest| !(self.lines && rest.is_empty()));
        Some(if self.lines { part.strip_suffix('\r').unwrap_or(part) } else { part })
    }
}

/// `t.chars().count()`, counting the bytes that start a character (the standard one unrolls into
/// 1 KB of Wasm).
pub fn char_count(t: &str) -> usize {
    chars_upto(t, usize::MAX)
}

/// The characters of `t`, counted no further than `max + 1`.
fn chars_upto(t: &str, max: usize) -> usize {
    let (t, mut n, mut i) = (t.as_bytes(), 0, 0);
    while i < t.len() && n <= max {
        n += usize::from((t[i] as i8) >= -0x40);
        i += 1;
    }
    n
}

/// `t.chars().nth(max).is_some()`: more than `max` characters, counting no further than needed.
pub fn more_chars_than(t: &str, max: usize) -> bool {
    t.len() > max && chars_upto(t, max) > max
}

/// A text with its byte pairs hashed into 4,096 bits, for many substring searches in one text: a word
/// of two bytes or more can be in it only when the word's first two bytes and its last two are both
/// pairs of the text, so most searches for words that are not there are skipped.
pub struct Searched<'a> {
    text: &'a [u8],
    pairs: [u64; 64],
}

impl<'a> Searched<'a> {
    fn key(p: &[u8]) -> usize {
        ((p[0] as usize) << 4 ^ p[1] as usize) & 4095
    }

    /// The pairs of `text`.
    pub fn new(text: &'a str) -> Searched<'a> {
        Searched::of_bytes(text.as_bytes())
    }

    /// The pairs of a text's bytes (an ASCII text lowercased on the stack: no UTF-8 validation).
    pub fn of_bytes(text: &'a [u8]) -> Searched<'a> {
        let mut pairs = [0u64; 64];
        for p in text.windows(2) {
            let k = Self::key(p);
            pairs[k >> 6] |= 1 << (k & 63);
        }
        Searched { text, pairs }
    }

    fn has(&self, p: &[u8]) -> bool {
        let k = Self::key(p);
        self.pairs[k >> 6] >> (k & 63) & 1 == 1
    }

    /// `text.contains(w)`.
    pub fn contains(&self, w: &str) -> bool {
        let b = w.as_bytes();
        (b.len() < 2 || (self.has(&b[..2]) && self.has(&b[b.len() - 2..]))) && find_bytes(self.text, b).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_the_standard_library() {
        for v in [vec![], vec!["a".to_string()], vec!["a".to_string(), String::new(), "c".to_string()]] {
            assert_eq!(join(&v, ", "), v.join(", "));
            let r: Vec<&str> = v.iter().map(String::as_str).collect();
            assert_eq!(join(&r, "/"), r.join("/"));
        }
        for (h, n) in [("a | b | c", " | "), ("", ""), ("ab", ""), ("", "x"), ("x — y — z", " — "), ("—", " — "), ("aaa", "aa")] {
            assert_eq!(rfind(h, n), h.rfind(n), "{h:?} {n:?}");
        }
        for t in ["", "a", "ab", "héllo wörld", "реклама", "广告 x", "🙂🙂a", "\u{10ffff}", "subscribe to our newsletter"] {
            let s = Searched::new(t);
            for w in ["", "a", "b", "ab", "ö", "wö", "llo w", "ама", "广告", "🙂a", "newsletter", "news", "letters", "zz", "x"] {
                assert_eq!(s.contains(w), t.contains(w), "{t:?} {w:?}");
            }
        }
        let hay = ["", "a", "ab", "aab", "abab", "a//b://c", "https://x.com/a?utm_source=taboola", "déjà vu — déjà", "реклама и реклама", "🙂a🙂", "aaa", "x\u{7f}\u{3f}?"];
        let needles = ["", "a", "b", "ab", "aa", "ba", "//", "://", "é", "déjà", "ре", "🙂", "🙂a", "aaaa", "utm_source=taboola", "x", "?", "\u{7f}"];
        for h in hay {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h:?} {n:?}");
                assert_eq!(contains(h, n), h.contains(n), "{h:?} {n:?}");
                assert_eq!(split_once(h, n), h.split_once(n), "{h:?} {n:?}");
                if !n.is_empty() {
                    assert_eq!(replace(h, n, " "), h.replace(n, " "), "{h:?} {n:?}");
                }
            }
        }
        for h in ["", "/", "a/b/c", "é/ü:x", "no", "user@host@x"] {
            for b in [b'/', b':', b'@'] {
                assert_eq!(rfind_byte(h, b), h.rfind(b as char), "{h:?}");
            }
        }
        for t in ["", "+", "-1", "0", "+7", "007", "640", "4294967295", "4294967296", "99999999999", "1e3", " 1", "12a", "ff", "D83D", "+ff", "٣", "１"] {
            assert_eq!(parse_u32(t, 10), t.parse::<u32>().ok(), "{t:?}");
            assert_eq!(parse_u32(t, 16), u32::from_str_radix(t, 16).ok(), "{t:?}");
            assert_eq!(parse_u32(t, 10).filter(|&n| n <= u16::MAX as u32).is_some(), t.parse::<u16>().is_ok(), "{t:?}");
        }
        for h in ["", ",", "a", "a,b", ",a,,b,", "é,ü", "\n", "a\n", "a\n\n", "a\r\nb\r\n", "a\r", "\r\n\r\n", "x\ny\rz"] {
            for b in [b',', b'\n'] {
                assert_eq!(split_byte(h, b).collect::<Vec<_>>(), h.split(b as char).collect::<Vec<_>>(), "{h:?}");
                assert_eq!(find_byte(h, b), h.find(b as char), "{h:?}");
                assert_eq!(Some(before_either(h, b, b'\r')), h.split([b as char, '\r']).next(), "{h:?}");
            }
            assert_eq!(lines(h).collect::<Vec<_>>(), h.lines().collect::<Vec<_>>(), "{h:?}");
            for set in [&b""[..], b",", b"\r\n", b"/?#", b"0123456789"] {
                assert_eq!(find_any(h, set), h.find(|c: char| c.is_ascii() && set.contains(&(c as u8))), "{h:?} {set:?}");
            }
        }
        for t in ["", "a", "héllo", "реклама", "广告 x", "🙂🙂a", "\u{10ffff}"] {
            assert_eq!(char_count(t), t.chars().count(), "{t}");
            for k in 0..8 {
                assert_eq!(more_chars_than(t, k), t.chars().nth(k).is_some(), "{t} {k}");
            }
        }
    }
}
