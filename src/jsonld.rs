//! A small, bounded JSON reader for schema.org JSON-LD metadata (headline, author, dates, publisher),
//! so the Wasm build needs no general JSON library. Depth and size are capped; bad input gives `None`.
use crate::prelude::*;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`, `true`, `false` or a number (kept as its text).
    Scalar(String),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object, keys in order.
    Obj(Vec<(String, Json)>),
}

/// Deepest nesting accepted.
const MAX_DEPTH: usize = 32;
/// Largest JSON-LD text read (bytes).
const MAX_BYTES: usize = 512 * 1024;

/// Parses a JSON text; `None` when malformed, too deep or too large.
pub fn parse(text: &str) -> Option<Json> {
    if text.len() > MAX_BYTES {
        return None;
    }
    // Pages wrap JSON-LD in CDATA or comment markers for old parsers.
    let mut t = text.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        if let Some(r) = t.strip_prefix(open) {
            t = r.trim_end().strip_suffix(close).unwrap_or(r).trim();
        }
    }
    let mut p = P { s: t, b: t.as_bytes(), i: 0 };
    let v = p.value(0)?;
    Some(v)
}

struct P<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl P<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }
    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.b.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut o = Vec::new();
                loop {
                    self.ws();
                    if self.b.get(self.i) == Some(&b'}') {
                        self.i += 1;
                        return Some(Json::Obj(o));
                    }
                    let k = self.string()?;
                    self.ws();
                    if self.b.get(self.i) != Some(&b':') {
                        return None;
                    }
                    self.i += 1;
                    let v = self.value(depth + 1)?;
                    o.push((k, v));
                    self.ws();
                    match self.b.get(self.i)? {
                        b',' => self.i += 1,
                        b'}' => {}
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut a = Vec::new();
                loop {
                    self.ws();
                    if self.b.get(self.i) == Some(&b']') {
                        self.i += 1;
                        return Some(Json::Arr(a));
                    }
                    a.push(self.value(depth + 1)?);
                    self.ws();
                    match self.b.get(self.i)? {
                        b',' => self.i += 1,
                        b']' => {}
                        _ => return None,
                    }
                }
            }
            b'"' => self.string().map(Json::Str),
            _ => {
                let s = self.i;
                while self.i < self.b.len() && !matches!(self.b[self.i], b',' | b'}' | b']') && !self.b[self.i].is_ascii_whitespace() {
                    self.i += 1;
                }
                if s == self.i {
                    return None;
                }
                // Cut at ASCII bytes of the text: whole characters (no UTF-8 validation in the Wasm).
                Some(Json::Scalar(self.s.get(s..self.i)?.to_string()))
            }
        }
    }
    fn string(&mut self) -> Option<String> {
        if self.b.get(self.i) != Some(&b'"') {
            return None;
        }
        self.i += 1;
        // The text between escapes is copied in runs cut at ASCII bytes (whole characters, so no
        // UTF-8 validation in the Wasm); an escape adds its character.
        let mut out = String::new();
        let mut run = self.i;
        loop {
            let c = *self.b.get(self.i)?;
            if c != b'"' && c != b'\\' {
                self.i += 1;
                continue;
            }
            out.push_str(self.s.get(run..self.i)?);
            self.i += 1;
            if c == b'"' {
                return Some(out);
            }
            let e = *self.b.get(self.i)?;
            self.i += 1;
            run = self.i;
            match e {
                b'n' => out.push('\n'),
                b't' => out.push('\t'),
                b'r' | b'b' | b'f' => out.push(' '),
                b'u' => {
                    let hex = self.s.get(self.i..self.i + 4)?;
                    let mut cp = crate::text::parse_u32(hex, 16)?;
                    self.i += 4;
                    if (0xD800..0xDC00).contains(&cp) && self.b.get(self.i..self.i + 2) == Some(b"\\u") {
                        let lo = self.s.get(self.i + 2..self.i + 6)?;
                        let lo = crate::text::parse_u32(lo, 16)?;
                        if (0xDC00..0xE000).contains(&lo) {
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                            self.i += 6;
                        }
                    }
                    out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                    run = self.i;
                }
                // Any other escaped character stands for itself: it starts the next run.
                _ => run = self.i - 1,
            }
        }
    }
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(o) => o.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
}

fn is_article_type(v: &Json) -> bool {
    let check = |t: &str| t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting" || t == "Review" || t == "SocialMediaPosting" || t == "WebPage" || t == "Recipe";
    match v.get("@type") {
        Some(Json::Str(t)) => check(t),
        Some(Json::Arr(a)) => a.iter().filter_map(Json::as_str).any(check),
        _ => false,
    }
}

fn names(v: &Json, out: &mut Vec<String>) {
    match v {
        Json::Str(s) => out.push(s.clone()),
        Json::Obj(_) => {
            if let Some(n) = v.get("name").and_then(Json::as_str) {
                out.push(n.to_string());
            }
        }
        Json::Arr(a) => a.iter().for_each(|x| names(x, out)),
        Json::Scalar(_) => {}
    }
}

/// The fields [`article_fields`] reports, by their index.
pub const FIELDS: [&str; 6] = ["headline", "name", "datePublished", "description", "author", "publisher"];

/// Calls `emit(field, value)` for headline, author, datePublished, publisher and description of the
/// first article-like object (searching `@graph` and arrays); `field` is the index of its name in
/// [`FIELDS`]. `WebPage` objects count only when no article object is present.
pub fn article_fields(v: &Json, emit: &mut dyn FnMut(usize, &str)) {
    let mut objs: Vec<&Json> = Vec::new();
    let mut stack = vec![v];
    while let Some(x) = stack.pop() {
        match x {
            Json::Arr(a) => stack.extend(a.iter().rev()),
            Json::Obj(_) => {
                if is_article_type(x) {
                    objs.push(x);
                }
                if let Some(g) = x.get("@graph") {
                    stack.push(g);
                }
            }
            _ => {}
        }
    }
    let is_page = |o: &&Json| matches!(o.get("@type"), Some(Json::Str(t)) if t == "WebPage");
    let best = objs.iter().find(|o| !is_page(o)).or(objs.first());
    let Some(o) = best else { return };
    for (k, key) in FIELDS.iter().enumerate() {
        let Some(m) = o.get(key) else { continue };
        if k < 4 {
            if let Some(s) = m.as_str() {
                emit(k, s);
            }
            continue;
        }
        let mut n = Vec::new();
        names(m, &mut n);
        if k == 4 && !n.is_empty() {
            emit(k, &crate::text::join(&n, ", "));
        }
        if let (5, Some(first)) = (k, n.first()) {
            emit(k, first);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_as_serde_json() {
        for t in [r#""""#, r#""plain""#, r#""é – 東京 🙂""#, r#""a\"b\\c\/d""#, r#""\u00e9\u6771x\ud83d\ude00y""#, r#""tab\tnl\n""#, r#""ü\"ü\\ü""#] {
            let want: String = serde_json::from_str(t).unwrap();
            assert_eq!(parse(t), Some(Json::Str(want)), "{t}");
        }
        // Ours, beyond JSON: \r \b \f are spaces, any other escaped character stands for itself, a lone
        // surrogate is U+FFFD; unterminated strings and bad \u escapes are nothing.
        assert_eq!(parse(r#""a\rb\qc\éd\ud800""#), Some(Json::Str("a bqcéd\u{fffd}".into())));
        for bad in [r#""abc"#, r#""ab\"#, r#""\u12""#, r#""\uzzzz""#, r#""\u00é""#] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_news_article_in_graph() {
        let v = parse(r#"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},{"@type":"NewsArticle","headline":"Troops \u00e9 spotted","author":[{"@type":"Person","name":"A B"},{"name":"C D"}],"datePublished":"2024-10-24T12:43:00Z","publisher":{"name":"KSL"}}]}"#).unwrap();
        let mut got = Vec::new();
        article_fields(&v, &mut |k, val| got.push(format!("{}={val}", FIELDS[k])));
        assert!(got.contains(&"headline=Troops é spotted".to_string()), "{got:?}");
        assert!(got.contains(&"author=A B, C D".to_string()));
        assert!(got.contains(&"publisher=KSL".to_string()));
    }

    #[test]
    fn unwraps_cdata() {
        assert!(parse("<![CDATA[ {\"a\":1} ]]>").is_some());
    }

    #[test]
    fn rejects_bad_and_deep_input() {
        assert!(parse("{\"a\":").is_none());
        assert!(parse(&"[".repeat(100)).is_none());
        assert!(parse("").is_none());
    }
}
