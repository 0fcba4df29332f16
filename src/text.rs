//! String helpers that keep one copy of their code in the Wasm where the standard library's generic
//! ones would make one more (docs/benchmarks.md, "The .wasm's size").
use crate::prelude::*;

/// `parts.join(sep)` for owned strings (`join` on `[String]` is a second copy of `join` on `[&str]`).
pub fn join(parts: &[String], sep: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_the_standard_library() {
        for v in [vec![], vec!["a".to_string()], vec!["a".to_string(), String::new(), "c".to_string()]] {
            assert_eq!(join(&v, ", "), v.join(", "));
        }
    }
}
