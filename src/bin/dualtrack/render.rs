//! `dualtrack render`: publish ladders as self-contained HTML pages (or
//! GitHub-flavoured Markdown), with an index page for several.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dualtrack::Loader;
use dualtrack::site::{self, IndexEntry, SiteOptions};

use crate::input;
use crate::output::{self, Format, INVALID, USAGE};

/// The format of the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum PageFormat {
    /// One self-contained HTML file per ladder: inline CSS and SVG, no script.
    Html,
    /// GitHub-flavoured Markdown, for handbooks and wikis.
    Markdown,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Ladder files, or directories searched (recursively) for `*.yaml` and
    /// `*.yml` files.
    #[arg(required = true)]
    ladders: Vec<PathBuf>,
    /// `html` (default) or `markdown`.
    #[arg(long, value_enum, default_value_t = PageFormat::Html)]
    format: PageFormat,
    /// The directory the pages are written into (created when missing).
    #[arg(short = 'o', long = "out", value_name = "DIR", default_value = "site")]
    out: PathBuf,
    /// Show the bands in this location zone, such as `london`.
    #[arg(long, value_name = "ZONE")]
    zone: Option<String>,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let files = match input::collect(&args.ladders) {
        Ok(files) => files,
        Err(message) => return output::usage(&message),
    };
    if files.is_empty() {
        return output::usage("no ladder files (`*.yaml`, `*.yml`) found to render");
    }
    if let Err(error) = std::fs::create_dir_all(&args.out) {
        return output::usage(&format!("cannot create `{}`: {error}", args.out.display()));
    }
    let ext = match args.format {
        PageFormat::Html => "html",
        PageFormat::Markdown => "md",
    };
    let mut entries = Vec::new();
    let mut broken = false;
    let mut names: Vec<String> = Vec::new();
    for file in &files {
        let bytes = match Loader::new().read_file(file) {
            Ok(bytes) => bytes,
            Err(error) => return output::usage(&input::unreadable(file, &error)),
        };
        let stem = page_name(file, &names);
        names.push(stem.clone());
        let href = format!("{stem}.{ext}");
        let loaded = match Loader::new().inspect_bytes(&bytes) {
            Ok(loaded) => loaded,
            Err(report) => {
                let path = file.display().to_string();
                let rendered = [output::rendered(&report, &bytes, &path, Format::Human)];
                let mut reports = dualtrack::Reports::new();
                reports.push(path, report);
                if output::findings(&reports, &rendered, Format::Human).is_err() {
                    return ExitCode::from(USAGE);
                }
                broken = true;
                entries.push(IndexEntry {
                    name: file.display().to_string(),
                    href: String::new(),
                    findings: None,
                });
                continue;
            }
        };
        let ladder = loaded.ladder();
        let zone = match args
            .zone
            .as_deref()
            .map(|z| ladder.lookup_zone(z))
            .transpose()
        {
            Ok(zone) => zone,
            Err(error) => return output::unknown(&error, file),
        };
        let options = SiteOptions::in_zone(zone);
        let page = match args.format {
            PageFormat::Html => site::html(ladder, loaded.report(), options),
            PageFormat::Markdown => site::markdown(ladder, loaded.report(), options),
        };
        let target = args.out.join(&href);
        if let Err(error) = std::fs::write(&target, page) {
            return output::usage(&format!("cannot write `{}`: {error}", target.display()));
        }
        let count = loaded.report().findings().len();
        let note = match count {
            0 => "clean".to_owned(),
            1 => "1 finding, listed on the page".to_owned(),
            n => format!("{n} findings, listed on the page"),
        };
        eprintln!("wrote {} ({note})", target.display());
        entries.push(IndexEntry {
            name: ladder.name().to_owned(),
            href,
            findings: Some(count),
        });
    }
    if files.len() > 1 {
        let index = match args.format {
            PageFormat::Html => site::index_html(&entries),
            PageFormat::Markdown => site::index_markdown(&entries),
        };
        let target = args.out.join(format!("index.{ext}"));
        if let Err(error) = std::fs::write(&target, index) {
            return output::usage(&format!("cannot write `{}`: {error}", target.display()));
        }
        eprintln!("wrote {}", target.display());
    }
    if broken {
        ExitCode::from(INVALID)
    } else {
        ExitCode::SUCCESS
    }
}

/// The page's file name: the ladder file's stem, numbered when another
/// ladder already took it.
fn page_name(file: &Path, taken: &[String]) -> String {
    let stem = file
        .file_stem()
        .map_or_else(|| "ladder".to_owned(), |s| s.to_string_lossy().into_owned());
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let mut name = stem.clone();
    let mut n = 2;
    while taken.contains(&name) || name == "index" {
        name = format!("{stem}-{n}");
        n += 1;
    }
    name
}
