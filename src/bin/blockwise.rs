//! The `blockwise` command-line tool: classify a page, write it back annotated, or extract its reader
//! view. PAGE is a path, `-` for stdin, or a `.html.gz` file.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run());
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use blockwise::{analyze, features, html, reader, Kind};
    use clap::{Parser, Subcommand, ValueEnum};
    use std::io::{Read, Write};

    #[derive(Parser)]
    #[command(name = "blockwise", version, about = "Sort the blocks of a news page into kinds and extract its article")]
    struct Cli {
        #[command(subcommand)]
        cmd: Cmd,
    }

    #[derive(Subcommand)]
    enum Cmd {
        /// Print each block with its kind, confidence, reasons and a short text preview.
        Classify {
            /// A path, `-` for standard input, or a `.html.gz` file.
            page: String,
            /// One JSON object per line instead of text.
            #[arg(long)]
            json: bool,
            /// The page's address (resolves links; tells own-site links from others).
            #[arg(long, default_value = "https://example.invalid/")]
            url: String,
            /// Explain the element at this path (as printed by classify) or with this id: its evidence
            /// per kind and why it is or is not a block.
            #[arg(long, value_name = "PATH_OR_ID")]
            explain: Option<String>,
        },
        /// Write the page back with `data-blockwise="<kind>"` on each block's element.
        Annotate {
            /// A path, `-` for standard input, or a `.html.gz` file.
            page: String,
            /// The page's address.
            #[arg(long, default_value = "https://example.invalid/")]
            url: String,
        },
        /// Extract the reader view.
        Reader {
            /// A path, `-` for standard input, or a `.html.gz` file.
            page: String,
            /// Output format.
            #[arg(long, value_enum, default_value_t = Format::Text)]
            format: Format,
            /// The page's address.
            #[arg(long, default_value = "https://example.invalid/")]
            url: String,
        },
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        Html,
        Text,
        Json,
    }

    fn read_page(page: &str) -> Result<String, String> {
        let bytes = if page == "-" {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b).map_err(|e| format!("cannot read standard input: {e}"))?;
            b
        } else {
            let meta = std::fs::metadata(page).map_err(|e| format!("cannot read {page}: {}", plain_io(&e)))?;
            if meta.is_dir() {
                return Err(format!("{page} is a directory, not a page"));
            }
            std::fs::read(page).map_err(|e| format!("cannot read {page}: {}", plain_io(&e)))?
        };
        html::decode_page(&bytes).map_err(|e| if page == "-" { e } else { format!("{page}: {e}") })
    }

    fn plain_io(e: &std::io::Error) -> String {
        match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".into(),
            std::io::ErrorKind::PermissionDenied => "permission denied".into(),
            _ => e.to_string(),
        }
    }

    /// Runs the tool and returns the exit code.
    pub fn run() -> i32 {
        let cli = Cli::parse();
        match exec(cli) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("blockwise: {e}");
                1
            }
        }
    }

    fn exec(cli: Cli) -> Result<(), String> {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let w = |r: std::io::Result<()>| r.map_err(|e| format!("cannot write output: {e}"));
        match cli.cmd {
            Cmd::Classify { page, json, url, explain } => {
                let text = read_page(&page)?;
                let snap = html::parse(&text, &url);
                let f = features::Features::compute(&snap);
                let c = blockwise::classify::classify(&snap, &f);
                if let Some(target) = explain {
                    let paths = snap.all_paths();
                    let node = paths
                        .iter()
                        .position(|p| *p == target)
                        .or_else(|| (0..snap.len()).find(|&i| snap.attr(i as u32, blockwise::page::Attr::Id) == Some(target.as_str())))
                        .ok_or_else(|| format!("no element at {target}"))?;
                    w(writeln!(out, "{}  (kind here: {})", paths[node], c.kind_of(&snap, node as u32).map_or("none", |k| k.as_str())))?;
                    w(writeln!(out, "  “{}”", features::subtree_text(&snap, &f, node as u32, 160)))?;
                    for line in blockwise::classify::explain(&snap, &f, &c, node as u32) {
                        w(writeln!(out, "  {line}"))?;
                    }
                    return w(out.flush());
                }
                if c.blocks.is_empty() {
                    w(writeln!(out, "no blocks found: the page has no article and no recognisable boilerplate"))?;
                }
                for b in &c.blocks {
                    let preview = features::subtree_text(&snap, &f, b.node, 90);
                    if json {
                        let v = serde_json::json!({
                            "node": b.node, "path": snap.path(b.node), "kind": b.kind, "confidence": b.confidence,
                            "reasons": b.reasons, "words": f.words[b.node as usize], "preview": preview,
                        });
                        w(writeln!(out, "{v}"))?;
                    } else {
                        w(writeln!(
                            out,
                            "{:<10} {:.2}  {:>5} words  {}\n           why: {}\n           “{}”",
                            b.kind.as_str(),
                            b.confidence,
                            f.words[b.node as usize],
                            snap.path(b.node),
                            blockwise::reason::joined(&b.reasons, "; "),
                            preview
                        ))?;
                    }
                }
                if !json && c.article.is_none() && !c.blocks.is_empty() {
                    w(writeln!(out, "(no article found on this page)"))?;
                }
            }
            Cmd::Annotate { page, url } => {
                let text = read_page(&page)?;
                let html_out = html::annotate(&text, &url, |snap| {
                    let a = analyze(snap, false);
                    a.blocks().iter().map(|b| (b.node, b.kind.as_str())).collect()
                });
                w(out.write_all(html_out.as_bytes()))?;
            }
            Cmd::Reader { page, format, url } => {
                let text = read_page(&page)?;
                let snap = html::parse(&text, &url);
                let a = analyze(&snap, true);
                let Some(doc) = a.reader else {
                    w(writeln!(out, "no article found on this page"))?;
                    return Ok(());
                };
                match format {
                    Format::Json => w(writeln!(out, "{}", serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?))?,
                    Format::Text => {
                        w(writeln!(out, "{}\n", doc.title))?;
                        let meta: Vec<&str> = [doc.byline.as_deref(), doc.published.as_deref(), doc.site_name.as_deref()]
                            .into_iter()
                            .flatten()
                            .collect();
                        if !meta.is_empty() {
                            w(writeln!(out, "{}\n", meta.join(" · ")))?;
                        }
                        w(writeln!(out, "{}", doc.text))?;
                    }
                    Format::Html => {
                        let e = reader::escape;
                        let lang = doc.lang.as_deref().map(|l| format!(" lang=\"{}\"", e(l))).unwrap_or_default();
                        w(write!(
                            out,
                            "<!DOCTYPE html>\n<html{lang} dir=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><article>\n<h1>{}</h1>\n",
                            doc.dir,
                            e(&doc.title),
                            e(&doc.title)
                        ))?;
                        if let Some(b) = &doc.byline {
                            w(writeln!(out, "<p class=\"byline\">{}</p>", e(b)))?;
                        }
                        if let Some(p) = &doc.published {
                            w(writeln!(out, "<p class=\"published\"><time>{}</time></p>", e(p)))?;
                        }
                        w(writeln!(out, "{}</article></body></html>", reader::to_html(&doc.content)))?;
                    }
                }
            }
        }
        let _ = Kind::Article;
        w(out.flush())
    }
}
