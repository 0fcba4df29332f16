//! Why a block is what it is, as data: a code ([`Why`]) with up to two numbers and some words. The
//! Wasm build carries no wording (no `format!`, no sentences in its data): `src/result.js` words the
//! reasons in the browser, for the extension and the playground alike. The native build words them with
//! the same table, read from that file at compile time ([`Reason::text`]), so the CLI, the golden tests
//! and `core_loop dump` print exactly what the browser shows.
//!
//! To add a reason: a variant at the end of [`Why`] and its sentence at the same place in `WORDING`
//! in `src/result.js` (`{a}`, `{b}`: the numbers; `{s}`: the words).
use crate::prelude::*;
use crate::text;

/// The reason codes, in the order of `WORDING` in `src/result.js`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
#[allow(missing_docs)]
pub enum Why {
    NavElement,
    PageHeader,
    PageFooter,
    Aside,
    SearchBox,
    Role,
    SchemaBreadcrumbs,
    SchemaComment,
    AfterCommentsMarker,
    ClassWord,
    CommentsInRow,
    AdMarkup,
    EmptyAdSlot,
    PrevNext,
    AdFrames,
    AdLinks,
    RetailerLinks,
    ShareLinks,
    SocialLinks,
    TopicLinks,
    BreadcrumbTrail,
    MenuList,
    HeadlineLinks,
    TeaserCards,
    RelativeTimes,
    CommentForm,
    EmailForm,
    Labelled,
    CtaLinks,
    Starts,
    AsksReader,
    ReadMoreLine,
    ListingContent,
    StoryProse,
    ProseShare,
    MarkedUpArticle,
    UnderHeading,
    SkipLink,
    CopyrightNotice,
}

/// Number of [`Why`] codes.
pub const WHY_COUNT: usize = Why::CopyrightNotice as usize + 1;

/// One reason: a code, its numbers (`{a}`, `{b}`) and its words (`{s}`; several words are separated by
/// `\n` and worded as a list).
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    /// What kind of evidence.
    pub why: Why,
    /// Its numbers (unused ones are 0).
    pub n: [u32; 2],
    /// Its words: page text (a label, a class word) or a word of the rules; empty when none.
    pub s: String,
}

impl Reason {
    /// A reason without numbers or words.
    #[inline(never)]
    pub fn new(why: Why) -> Reason {
        Reason {
            why,
            n: [0, 0],
            s: String::new(),
        }
    }

    /// A reason with one number.
    #[inline(never)]
    pub fn num(why: Why, a: u32) -> Reason {
        Reason {
            why,
            n: [a, 0],
            s: String::new(),
        }
    }

    /// A reason with two numbers.
    #[inline(never)]
    pub fn nums(why: Why, a: u32, b: u32) -> Reason {
        Reason {
            why,
            n: [a, b],
            s: String::new(),
        }
    }

    /// A reason with words.
    pub fn words(why: Why, s: &str) -> Reason {
        Reason {
            why,
            n: [0, 0],
            s: s.to_string(),
        }
    }

    /// True when the worded reason mentions "aside" or "complementary" (the rail check drops those):
    /// only [`Why::Aside`]'s sentence does, besides words that do.
    pub fn mentions_aside(&self) -> bool {
        self.why == Why::Aside || text::contains(&self.s, "aside") || text::contains(&self.s, "complementary")
    }
}

/// The reasons in words, joined by `sep`.
#[cfg(not(target_arch = "wasm32"))]
pub fn joined(reasons: &[Reason], sep: &str) -> String {
    reasons.iter().map(Reason::text).collect::<Vec<_>>().join(sep)
}

#[cfg(not(target_arch = "wasm32"))]
mod wording {
    use super::{Reason, WHY_COUNT};
    use std::sync::OnceLock;

    /// `WORDING` of `src/result.js`: one JSON string literal per line between its brackets.
    pub fn table() -> &'static [String] {
        static TABLE: OnceLock<Vec<String>> = OnceLock::new();
        TABLE.get_or_init(|| {
            let js = include_str!("result.js");
            let start = js.find("export const WORDING = [").expect("src/result.js defines WORDING");
            let body = &js[start..];
            let body = &body[body.find('[').unwrap() + 1..body.find("\n];").expect("WORDING ends with a line `];`")];
            let t: Vec<String> = body
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("//"))
                .map(|l| serde_json::from_str(l.trim_end_matches(',')).unwrap_or_else(|e| panic!("WORDING line {l}: {e}")))
                .collect();
            assert_eq!(t.len(), WHY_COUNT, "src/result.js's WORDING has one sentence per reason code");
            t
        })
    }

    impl Reason {
        /// The reason in words, as the browser shows it (`src/result.js`'s `wordReason`).
        pub fn text(&self) -> String {
            let tpl = &table()[self.why as usize];
            let mut out = String::with_capacity(tpl.len() + self.s.len());
            let mut rest = tpl.as_str();
            while let Some(p) = rest.find('{') {
                out.push_str(&rest[..p]);
                let hole = &rest[p..];
                if hole.starts_with("{a}") {
                    out.push_str(&self.n[0].to_string());
                } else if hole.starts_with("{b}") {
                    out.push_str(&self.n[1].to_string());
                } else if hole.starts_with("{s}") {
                    out.push_str(&self.s.replace('\n', "”, “"));
                } else {
                    out.push('{');
                    rest = &hole[1..];
                    continue;
                }
                rest = &hole[3..];
            }
            out.push_str(rest);
            out
        }
    }

    impl std::fmt::Display for Reason {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.text())
        }
    }

    impl serde::Serialize for Reason {
        fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
            ser.serialize_str(&self.text())
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn wording_fills_numbers_and_words_once() {
        assert_eq!(Reason::nums(Why::AdLinks, 6, 6).text(), "6 of 6 links go to ad networks");
        assert_eq!(
            Reason::words(Why::Labelled, "Sponsored {a} {s}").text(),
            "labelled “Sponsored {a} {s}”"
        );
        assert_eq!(
            Reason::words(Why::AsksReader, "cookies\nconsent").text(),
            "asks the reader: “cookies”, “consent”"
        );
        assert_eq!(Reason::new(Why::MarkedUpArticle).text(), "marked up as the article");
        assert_eq!(Reason::words(Why::Role, "search").text(), "role=\"search\"");
    }

    /// The browser's wording (`wordReason` of src/result.js, run by Node) is the CLI's, for every code.
    #[test]
    fn node_words_every_code_as_the_cli_does() {
        let samples: Vec<Reason> = (0..WHY_COUNT as u8)
            .map(|c| Reason {
                why: why_of(c),
                n: [c as u32 + 2, 1000 + c as u32],
                s: format!("w{c} {{a}} “x”\nsecond"),
            })
            .collect();
        let args: Vec<String> = samples
            .iter()
            .map(|r| format!("[{},{},{},{:?}]", r.why as u8, r.n[0], r.n[1], r.s))
            .collect();
        let script = format!(
            "import {{ wordReason }} from './src/result.js'; for (const [c, a, b, s] of [{}]) console.log(JSON.stringify(wordReason(c, a, b, s)));",
            args.join(",")
        );
        let out = std::process::Command::new("node")
            .args(["--input-type=module", "-e", &script])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("node runs (make deps installs it)");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let js: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let rust: Vec<String> = samples.iter().map(Reason::text).collect();
        assert_eq!(js, rust);
    }

    const ALL_WHY: [Why; WHY_COUNT] = [
        Why::NavElement,
        Why::PageHeader,
        Why::PageFooter,
        Why::Aside,
        Why::SearchBox,
        Why::Role,
        Why::SchemaBreadcrumbs,
        Why::SchemaComment,
        Why::AfterCommentsMarker,
        Why::ClassWord,
        Why::CommentsInRow,
        Why::AdMarkup,
        Why::EmptyAdSlot,
        Why::PrevNext,
        Why::AdFrames,
        Why::AdLinks,
        Why::RetailerLinks,
        Why::ShareLinks,
        Why::SocialLinks,
        Why::TopicLinks,
        Why::BreadcrumbTrail,
        Why::MenuList,
        Why::HeadlineLinks,
        Why::TeaserCards,
        Why::RelativeTimes,
        Why::CommentForm,
        Why::EmailForm,
        Why::Labelled,
        Why::CtaLinks,
        Why::Starts,
        Why::AsksReader,
        Why::ReadMoreLine,
        Why::ListingContent,
        Why::StoryProse,
        Why::ProseShare,
        Why::MarkedUpArticle, Why::UnderHeading, Why::SkipLink, Why::CopyrightNotice,
    ];

    fn why_of(c: u8) -> Why {
        assert_eq!(ALL_WHY[c as usize] as u8, c, "ALL_WHY lists the codes in order");
        ALL_WHY[c as usize]
    }

    #[test]
    fn only_the_aside_sentence_mentions_aside() {
        for (i, t) in wording::table().iter().enumerate() {
            let mentions = t.contains("aside") || t.contains("complementary");
            assert_eq!(mentions, i == Why::Aside as usize, "{t}");
        }
    }
}
