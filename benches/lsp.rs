//! The language server: the time from a change to its diagnostics, and the
//! memory an open document holds.
//!
//! - `analysis`: `Analysis::ladder_file` and `Analysis::diagnostics`, what
//!   the server does once typing pauses, on `ladders/engineering.yaml` and
//!   on the largest file the server admits (the largest generated ladder
//!   that the default limits read in full), and on the largest generated
//!   ladder under the default 4 MiB file limit, read by a loader whose count
//!   limits are raised as a service would raise them.
//! - `server`: one `didChange` (ic8's band edited, alternately below and
//!   back to the VP's) to its `publishDiagnostics`, with the server of
//!   `dualtrack lsp` in process over `Connection::memory` and no debounce.
//!
//! Before measuring, prints the heap an open document of each of those
//! ladders holds (counted by this bench's global allocator), and the peak
//! while it is analysed.
//!
//! `cargo bench --bench lsp`; the README's editor section has the figures.

#![allow(unsafe_code)] // The counting allocator; nothing else here is unsafe.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use dualtrack::lsp::{Analysis, ServerOptions, serve};
use dualtrack::{Limits, Loader};
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use lsp_types::Uri;
use serde_json::{Value, json};

/// Counts the bytes live on the heap, and the most there were.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: the caller upholds `alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller upholds `dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        grew(new_size);
        // SAFETY: the caller upholds `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A ladder to analyse, and the loader the server would read it with.
struct Case {
    name: String,
    text: String,
    loader: Loader,
}

/// The largest generated ladder that `admitted` accepts (the scales are
/// ordered by size, and a larger ladder is refused whenever a smaller one
/// is), with its scale.
fn largest(admitted: impl Fn(&str) -> bool) -> (usize, String) {
    let (mut low, mut high) = (1, 1000);
    assert!(admitted(&common::ladder(low)), "scale 1 is refused");
    while low < high {
        let middle = (low + high).div_ceil(2);
        if admitted(&common::ladder(middle)) {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    (low, common::ladder(low))
}

/// The largest generated ladder `dualtrack lsp` admits: read in full, with
/// no `limit` finding, under the default limits.
fn largest_admitted() -> (usize, String) {
    largest(|text| {
        let analysis = Analysis::ladder_file(text.to_owned(), &Loader::new());
        analysis.report().findings().is_empty()
    })
}

fn cases() -> Vec<Case> {
    let reference = std::fs::read_to_string("ladders/engineering.yaml").expect("reference");
    let (scale, admitted) = largest_admitted();
    // A service's loader: counts raised, the file limit the default 4 MiB.
    let mut limits = common::limits();
    limits.max_file_bytes = Limits::default().max_file_bytes;
    let raised = Loader::new().limits(limits.clone());
    let (raised_scale, largest_file) = largest(|text| text.len() <= limits.max_file_bytes);
    vec![
        Case {
            name: format!("engineering.yaml ({} KB)", reference.len() / 1000),
            text: reference,
            loader: Loader::new(),
        },
        Case {
            name: format!(
                "largest admitted, {scale}x ({} KB, default limits)",
                admitted.len() / 1000
            ),
            text: admitted,
            loader: Loader::new(),
        },
        Case {
            name: format!(
                "largest under 4 MiB, {raised_scale}x ({} KB, counts raised)",
                largest_file.len() / 1000
            ),
            text: largest_file,
            loader: raised,
        },
    ]
}

/// The heap an open document holds: its analysis (which keeps the text it
/// read) and the server's own copy of the text, to which edits are applied;
/// and the peak while it is analysed, text included.
fn memory(case: &Case) {
    let text = case.text.clone();
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let analysis = Analysis::ladder_file(text, &case.loader);
    let held = LIVE.load(Ordering::Relaxed) - before + case.text.len();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    println!(
        "memory: {}: {} KB per open document ({:.1}x the text), peak {} KB while analysing; {} findings",
        case.name,
        held / 1000,
        held as f64 / case.text.len() as f64,
        peak / 1000,
        analysis.report().findings().len(),
    );
}

fn analysis(c: &mut Criterion) {
    let uri: Uri = "file:///ladders/engineering.yaml".parse().expect("uri");
    let cases = cases();
    for case in &cases {
        memory(case);
    }
    let mut group = c.benchmark_group("analysis");
    for case in &cases {
        if case.text.len() > 100_000 {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(10));
        }
        group.bench_with_input(
            BenchmarkId::new("ladder_file+diagnostics", &case.name),
            case,
            |b, case| {
                b.iter_batched(
                    || case.text.clone(),
                    |text| Analysis::ladder_file(text, &case.loader).diagnostics(black_box(&uri)),
                    BatchSize::LargeInput,
                )
            },
        );
    }
    group.finish();
}

/// An in-process server with no debounce, initialized, with `text` open as
/// version 1.
fn server(uri: &str, text: &str) -> Connection {
    let (server, client) = Connection::memory();
    thread::spawn(move || {
        let mut options = ServerOptions::default();
        options.debounce = Duration::ZERO;
        serve(&server, options)
    });
    let initialize = Request::new(
        RequestId::from(1),
        "initialize".into(),
        json!({ "capabilities": {} }),
    );
    client.sender.send(initialize.into()).expect("sends");
    client.receiver.recv().expect("initialize is answered");
    notify(&client, "initialized", json!({}));
    notify(
        &client,
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "yaml", "version": 1, "text": text } }),
    );
    diagnostics(&client, 1);
    client
}

fn notify(client: &Connection, method: &str, params: Value) {
    let notification = Notification::new(method.to_owned(), params);
    client.sender.send(notification.into()).expect("sends");
}

/// The number of diagnostics published for `version`.
fn diagnostics(client: &Connection, version: i64) -> usize {
    loop {
        let message = client.receiver.recv().expect("the server publishes");
        if let Message::Notification(n) = message
            && n.method == "textDocument/publishDiagnostics"
            && n.params["version"] == version
        {
            return n.params["diagnostics"].as_array().map_or(0, Vec::len);
        }
    }
}

/// An edit typed again and again at `line` and `column`: `texts[0]` in
/// place of the text's own `texts[1]`, then back; each leaves its number of
/// `diagnostics`.
struct Edit {
    line: usize,
    column: usize,
    texts: [String; 2],
    diagnostics: [usize; 2],
}

impl Edit {
    /// `typed` in place of as many bytes of `text` after the first `after`
    /// from `from`.
    fn at(text: &str, from: usize, after: &str, typed: &str, diagnostics: [usize; 2]) -> Self {
        let start = from + text[from..].find(after).expect("the place of the edit") + after.len();
        let line = text[..start].matches('\n').count();
        let column = start - text[..start].rfind('\n').map_or(0, |n| n + 1);
        let own = text[start..start + typed.len()].to_owned();
        Self {
            line,
            column,
            texts: [typed.to_owned(), own],
            diagnostics,
        }
    }
}

/// One `didChange` to its `publishDiagnostics`, again and again.
fn round_trip(c: &mut Criterion) {
    let reference = std::fs::read_to_string("ladders/engineering.yaml").expect("reference");
    // ic8's max cut to 450000, a parity gap with the VP, and back.
    let ic8 = reference.find("- id: ic8").expect("ic8");
    let ic8 = Edit::at(&reference, ic8, "max: ", "450000", [1, 0]);
    let (scale, admitted) = largest_admitted();
    // A letter of the ladder's name: no finding either way.
    let name = Edit::at(&admitted, 0, "\nname: ", "X", [0, 0]);
    let mut group = c.benchmark_group("server/didChange-to-publishDiagnostics");
    for (name, text, edit) in [
        (
            format!("engineering.yaml ({} KB)", reference.len() / 1000),
            &reference,
            ic8,
        ),
        (
            format!("largest admitted, {scale}x ({} KB)", admitted.len() / 1000),
            &admitted,
            name,
        ),
    ] {
        if text.len() > 100_000 {
            group.sample_size(10);
        }
        let uri = "file:///ladders/engineering.yaml";
        let client = server(uri, text);
        let mut version = 1;
        group.bench_function(name, |b| {
            b.iter(|| {
                version += 1;
                let which = usize::from(version % 2 == 1);
                let typed = &edit.texts[which];
                let range = json!({
                    "start": { "line": edit.line, "character": edit.column },
                    "end": { "line": edit.line, "character": edit.column + typed.len() },
                });
                notify(
                    &client,
                    "textDocument/didChange",
                    json!({
                        "textDocument": { "uri": uri, "version": version },
                        "contentChanges": [{ "range": range, "text": typed }],
                    }),
                );
                let published = diagnostics(&client, version);
                assert_eq!(published, edit.diagnostics[which], "version {version}");
            })
        });
    }
    group.finish();
}

criterion_group!(benches, analysis, round_trip);
criterion_main!(benches);
