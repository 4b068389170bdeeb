//! The library is layered: a top-level module of `src/` uses only modules of
//! lower layers, so that a newcomer can read it from the bottom up and no two
//! modules import each other, directly or around a circle.
//!
//! An import is any `crate::module` path (in code or in a doc link), any name
//! in `use crate::{...}`, and any name the crate root re-exports, counted as
//! the module it comes from. Unit tests (`#[cfg(test)] mod tests`) and the
//! binary are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, bottom first. A module may use the modules of the layers
/// below its own, never its own layer or one above.
const LAYERS: &[&[&str]] = &[
    // text as messages show it: nothing about ladders
    &["text"],
    // positions and exact numbers
    &["date", "decimal", "limits", "pointer", "ratio"],
    // money and ids; findings and the rules' metadata; the file format's
    // closed choices (kinds, pay periods, parity modes)
    &["choice", "finding", "id", "money"],
    // the YAML layer, reports of findings
    &["report", "signed_money", "yaml"],
    // the wire format and its decoder; rendering reports
    &["render", "spec"],
    // the checked model, which keeps the file it was read from
    &["model"],
    // the rule catalogue and its checks over the facts of a decoded file
    &["rules"],
    // validation: facts, checks, then the model
    &["validate"],
    // loading from text, bytes, readers and paths
    &["load"],
    // ratings files, read through the same layers
    &["ratings"],
    // the questions services ask of a ladder
    &["query"],
    // two versions of a ladder compared; what people are actually paid,
    // audited against the ladder
    &["audit", "diff"],
    // a ladder published as a page: HTML and Markdown
    &["site"],
    // the language server: documents analysed as they are typed
    &["lsp"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The identifiers that follow `crate::` in `text`, and the names inside
/// `use crate::{...}`.
fn imports(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        if let Some(list) = rest.strip_prefix('{') {
            let end = list.find('}').unwrap_or(list.len());
            for part in list[..end].split(',') {
                let name = ident(part.trim().trim_start_matches('{'));
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// Names re-exported at the crate root, with the module each comes from.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for statement in lib.split(';') {
        let Some(path) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let module: String = path
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let names = match (path.find('{'), path.rfind('}')) {
            (Some(open), Some(close)) => path[open + 1..close].to_owned(),
            _ => path.rsplit("::").next().unwrap_or_default().to_owned(),
        };
        for name in names.split(',') {
            let name = name.trim().rsplit("::").next().unwrap_or_default().trim();
            if !name.is_empty() {
                map.insert(name.to_owned(), module.clone());
            }
        }
    }
    map
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "bin") {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_uses_only_lower_layers() {
    let src = Path::new("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs");
    let roots = reexports(&lib);
    let mut files = Vec::new();
    sources(src, &mut files);
    let mut problems = Vec::new();
    let mut modules = BTreeSet::new();
    for file in files {
        let relative = file.strip_prefix(src).expect("under src/");
        let first = relative
            .components()
            .next()
            .expect("a path")
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_owned();
        if module == "lib" {
            continue;
        }
        modules.insert(module.clone());
        let Some(own) = layer_of(&module) else {
            problems.push(format!(
                "module `{module}` has no layer: add it to LAYERS in tests/suite/layers.rs"
            ));
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("a source file");
        let code = match text.find("#[cfg(test)]\nmod tests") {
            Some(at) => &text[..at],
            None => &text,
        };
        for name in imports(code) {
            let target = roots.get(&name).cloned().unwrap_or(name);
            if target == module {
                continue;
            }
            if let Some(layer) = layer_of(&target)
                && layer >= own
            {
                problems.push(format!(
                    "{}: `{module}` (layer {own}) uses `{target}` (layer {layer})",
                    file.display()
                ));
            }
        }
    }
    for layer in LAYERS.iter().flat_map(|l| l.iter()) {
        if !modules.contains(*layer) {
            problems.push(format!("LAYERS names `{layer}`, which src/ no longer has"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scanner_sees_paths_lists_and_reexports() {
    let found = imports("use crate::{Ladder, spec::LevelSpec};\nlet x = crate::yaml::parse(s);");
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["Ladder", "spec", "yaml"]
    );
    let roots = reexports("pub use model::{Band, Ladder};\npub use render::render;\n");
    assert_eq!(roots.get("Ladder").map(String::as_str), Some("model"));
    assert_eq!(roots.get("render").map(String::as_str), Some("render"));
}

/// The binary has three layers: `main.rs` parses and dispatches, one module
/// per command, and below them `input` (reading files) over `output`
/// (printing); nothing imports a command or `main`.
#[test]
fn the_cli_is_layered_too() {
    let bin = Path::new("src/bin/dualtrack");
    let below = |module: &str| -> &[&str] {
        match module {
            "output" => &[],
            "input" => &["output"],
            // Findings as code scanning and workflow annotations take them.
            "sarif" | "annotations" => &["output"],
            "validate" => &["input", "output", "sarif", "annotations"],
            _ => &["input", "output"],
        }
    };
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(bin).expect("src/bin/dualtrack") {
        let path = entry.expect("an entry").path();
        let module = path
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        if module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a source file");
        for name in imports(&text) {
            if !below(&module).contains(&name.as_str()) {
                problems.push(format!("{}: `{module}` uses `{name}`", path.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
