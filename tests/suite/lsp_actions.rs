//! Quick fixes and ratings files in `dualtrack lsp`, driven as an editor
//! drives them: each fix is applied to the text, sent back as a change, and
//! its diagnostic must be gone.

use crate::lsp_client as client;

use serde_json::{Value, json};

use client::{Client, check_transcript, pretty, text, uri};

const ENGINEERING: &str = "ladders/engineering.yaml";

/// The byte offset of an LSP position (UTF-16 columns) in `text`.
fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (at, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + at;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with the edits of a workspace edit for `uri` applied.
fn apply(text: &str, edit: &Value, uri: &str) -> String {
    let mut edits: Vec<&Value> = edit["changes"][uri].as_array().unwrap().iter().collect();
    edits.sort_by_key(|e| std::cmp::Reverse(offset(text, &e["range"]["start"])));
    let mut text = text.to_owned();
    for edit in edits {
        let start = offset(&text, &edit["range"]["start"]);
        let end = offset(&text, &edit["range"]["end"]);
        text.replace_range(start..end, edit["newText"].as_str().unwrap());
    }
    text
}

/// Opens `text` (or changes it to `version`), takes the quick fix for its
/// first diagnostic with `code`, applies it, sends the result as the next
/// version, and checks that diagnostic is gone. Returns the action and the
/// fixed text.
fn fix(client: &mut Client, uri: &str, version: i64, text: &str, code: &str) -> (Value, String) {
    if version == 1 {
        client.open(uri, text);
    } else {
        client.change(uri, version, text);
    }
    let diagnostics = client.diagnostics(uri, version);
    let diagnostic = diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("a {code} among {diagnostics:#?}"))
        .clone();
    let answer = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": diagnostic["range"],
            "context": { "diagnostics": [diagnostic] },
        }),
    );
    let actions = answer["result"].as_array().cloned().unwrap_or_default();
    let action = actions
        .into_iter()
        .find(|a| a["diagnostics"][0]["message"] == diagnostic["message"])
        .unwrap_or_else(|| panic!("a quick fix for {diagnostic:#?} in {answer:#?}"));
    assert_eq!(action["kind"], "quickfix");
    assert_eq!(action["isPreferred"], true);
    let fixed = apply(text, &action["edit"], uri);
    client.change(uri, version + 1, &fixed);
    let after = client.diagnostics(uri, version + 1);
    assert!(
        !after.iter().any(|d| d["message"] == diagnostic["message"]),
        "{} still there after {fixed}",
        diagnostic["message"]
    );
    (action, fixed)
}

#[test]
fn a_parity_gap_under_equal_is_fixed_by_the_management_band() {
    let mut client = Client::initialized();
    let path = "tests/fixtures/rules/parity-gap.yaml";
    let before = text(path);
    let (action, after) = fix(&mut client, &uri(path), 1, &before, "parity-gap");
    assert_eq!(action["title"], "give `ic3` the band of `em2`");
    let cut = "band: { min: 145000, mid: 168000, max: 185000 }";
    let management = "band: { min: 145000, mid: 168000, max: 191000 }";
    assert_eq!(after, before.replacen(cut, management, 1));

    // A block band takes the management band's lines at its own indentation.
    let block = before.replacen(
        cut,
        "band:\n          min: 145000\n          mid: 168000\n          max: 185000",
        1,
    );
    let block = block.replacen(
        management,
        "band:\n            min: 145000\n            mid: 168000\n            max: 191000",
        1,
    );
    let block_uri = "file:///tmp/block-parity.yaml";
    let (_, after) = fix(&mut client, block_uri, 1, &block, "parity-gap");
    assert!(
        after
            .contains("band:\n          min: 145000\n          mid: 168000\n          max: 191000"),
        "{after}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_missing_expectation_takes_the_value_of_the_level_below() {
    let mut client = Client::initialized();
    // Flow: `, id: N` before the `}`.
    let path = "tests/fixtures/rules/missing-expectation.yaml";
    let before = text(path);
    let (action, after) = fix(&mut client, &uri(path), 1, &before, "missing-expectation");
    assert_eq!(action["title"], "add `mentoring: 1` as at `ic1`");
    assert_eq!(
        after,
        before.replacen(
            "expectations: { coding: 2 }",
            "expectations: { coding: 2, mentoring: 1 }",
            1
        )
    );

    // Block: a line at the indentation of the other expectations.
    let ic2 = "          collaboration: 2\n          influence: 1\n";
    let clean = text(ENGINEERING);
    let silent = clean.replacen(ic2, "          collaboration: 2\n", 1);
    assert_ne!(silent, clean);
    let (_, after) = fix(
        &mut client,
        &uri(ENGINEERING),
        1,
        &silent,
        "missing-expectation",
    );
    assert_eq!(after, clean);

    // No `expectations` at all: one is added, at the level's keys' indentation.
    let without = before.replacen("        expectations: { coding: 2 }\n", "", 1);
    let (_, after) = fix(
        &mut client,
        "file:///tmp/none.yaml",
        1,
        &without,
        "missing-expectation",
    );
    let ic2 = "        band: { min: 120000, mid: 138000, max: 156000 }\n        expectations: { coding: 1, mentoring: 1 }\n      - id: ic3";
    assert!(after.contains(ic2), "{after}");
    assert!(client.shutdown().success());
}

#[test]
fn the_first_level_of_a_track_has_no_level_below_to_copy() {
    let mut client = Client::initialized();
    let path = "tests/fixtures/rules/missing-expectation.yaml";
    let silent = text(path).replacen(
        "expectations: { coding: 1, mentoring: 1 }",
        "expectations: { coding: 1 }",
        1,
    );
    let uri = uri(path);
    client.open(&uri, &silent);
    let diagnostics = client.diagnostics(&uri, 1);
    let ic1 = diagnostics
        .iter()
        .find(|d| d["message"].as_str().unwrap().starts_with("level `ic1`"))
        .unwrap_or_else(|| panic!("ic1's missing mentoring in {diagnostics:#?}"));
    let answer = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": ic1["range"], "context": { "diagnostics": [ic1] } }),
    );
    assert_eq!(answer["result"], json!([]), "{answer}");
    assert!(client.shutdown().success());
}

#[test]
fn an_unknown_key_or_id_becomes_its_did_you_mean() {
    let mut client = Client::initialized();
    let clean = text(ENGINEERING);
    let typo = clean.replacen("\nname: Engineering\n", "\nnme: Engineering\n", 1);
    let (action, after) = fix(&mut client, &uri(ENGINEERING), 1, &typo, "unknown-key");
    assert_eq!(action["title"], "change `nme` to `name`");
    assert_eq!(after, clean);

    let misspelt = clean.replacen(
        "          technical-depth: 2\n",
        "          technical-dpth: 2\n",
        1,
    );
    let (action, after) = fix(
        &mut client,
        &uri(ENGINEERING),
        3,
        &misspelt,
        "unknown-competency",
    );
    assert_eq!(
        action["title"],
        "change `technical-dpth` to `technical-depth`"
    );
    assert_eq!(after, clean);
    assert!(client.shutdown().success());
}

#[test]
fn a_value_split_by_a_comma_is_quoted() {
    let mut client = Client::initialized();
    let path = "tests/fixtures/rules/parity-gap.yaml";
    let split = text(path).replacen(
        "  - id: people-development\n    name: People development\n    kind: people\n",
        "  - { id: people-development, name: People (hire, promote), kind: people }\n",
        1,
    );
    let (action, after) = fix(
        &mut client,
        "file:///tmp/split.yaml",
        1,
        &split,
        "unknown-key",
    );
    assert_eq!(action["title"], "quote the value of `name`");
    assert!(
        after.contains(
            r#"{ id: people-development, name: "People (hire, promote)", kind: people }"#
        ),
        "{after}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_ratings_file_opened_alone_is_checked_against_its_ladder_on_disk() {
    let mut client = Client::initialized();
    // Found in `ladders/` two directories above the ratings file.
    let path = "tests/fixtures/ratings/principal.yaml";
    let uri = uri(path);
    let clean = text(path);
    client.open(&uri, &clean);
    assert_eq!(client.diagnostics(&uri, 1), Vec::<Value>::new());

    let broken = clean.replacen("technical-depth: 5", "technical-depth: 9", 1);
    client.change(&uri, 2, &broken);
    let diagnostics = client.diagnostics(&uri, 2);
    let line = broken[..broken.find("technical-depth: 9").unwrap()]
        .matches('\n')
        .count();
    assert!(
        diagnostics
            .iter()
            .any(|d| d["range"]["start"]["line"] == line && d["severity"] == 1),
        "an error at line {line} in {diagnostics:#?}"
    );

    // Its quick fixes work against the ladder on disk too.
    let misspelt = clean.replacen("technical-depth: 5", "technical-depht: 5", 1);
    let (_, after) = fix(&mut client, &uri, 3, &misspelt, "unknown-competency");
    assert_eq!(after, clean);

    // A ladder nobody has: the note says what is missing.
    let elsewhere = clean.replacen("ladder: engineering", "ladder: nowhere", 1);
    client.change(&uri, 5, &elsewhere);
    let diagnostics = client.diagnostics(&uri, 5);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["severity"], 3);
    assert!(
        diagnostics[0]["message"].as_str().unwrap().starts_with(
            "these ratings are not checked: the ladder `nowhere` is neither open nor found on disk"
        ),
        "{diagnostics:#?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_request_right_after_a_change_is_answered_from_the_changed_text() {
    let mut client = Client::initialized();
    let uri = uri(ENGINEERING);
    let clean = text(ENGINEERING);
    client.open(&uri, &clean);
    assert!(client.diagnostics(&uri, 1).is_empty());
    // No pause for the debounce: the request comes before the analysis.
    let typo = clean.replacen("\nname: Engineering\n", "\nnme: Engineering\n", 1);
    client.change(&uri, 2, &typo);
    let line = typo[..typo.find("nme:").unwrap()].matches('\n').count();
    let answer = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri },
            "range": { "start": { "line": line, "character": 0 }, "end": { "line": line, "character": 3 } },
            "context": { "diagnostics": [] },
        }),
    );
    assert_eq!(
        answer["result"][0]["title"], "change `nme` to `name`",
        "{answer}"
    );
    assert_eq!(apply(&typo, &answer["result"][0]["edit"], &uri), clean);
    assert!(client.shutdown().success());
}

#[test]
fn a_ratings_file_looks_for_its_ladder_no_higher_than_the_workspace_root() {
    let base = std::env::temp_dir().join(format!("dualtrack-lsp-ratings-{}", std::process::id()));
    let workspace = base.join("workspace");
    let write = |path: &std::path::Path, text: &str| {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(&workspace.join("ladders/eng.yaml"), &text(ENGINEERING));
    // Above the workspace: not looked at.
    write(
        &base.join("ladders/minimal.yaml"),
        &text("tests/fixtures/rules/parity-gap.yaml"),
    );
    let ratings = text("tests/fixtures/ratings/principal.yaml");
    let file_uri = |path: &std::path::Path| format!("file://{}", path.display());

    let mut client = Client::spawn();
    let answer = client.request(
        "initialize",
        json!({ "capabilities": {}, "rootUri": file_uri(&workspace) }),
    );
    assert_eq!(answer["result"]["serverInfo"]["name"], "dualtrack");
    client.notify("initialized", json!({}));
    let alice = file_uri(&workspace.join("team/alice.yaml"));
    client.open(&alice, &ratings);
    assert_eq!(client.diagnostics(&alice, 1), Vec::<Value>::new());
    let bob = file_uri(&workspace.join("team/bob.yaml"));
    client.open(
        &bob,
        &ratings.replacen("ladder: engineering", "ladder: minimal", 1),
    );
    let diagnostics = client.diagnostics(&bob, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("the ladder `minimal` is neither open nor found on disk"),
        "{diagnostics:#?}"
    );

    // Found, but too broken to read.
    write(
        &workspace.join("ladders/broken.yaml"),
        "schema_version: 1\nid: broken\n",
    );
    let carol = file_uri(&workspace.join("team/carol.yaml"));
    client.open(
        &carol,
        &ratings.replacen("ladder: engineering", "ladder: broken", 1),
    );
    let diagnostics = client.diagnostics(&carol, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("the ladder `broken` has errors that stop it being read"),
        "{diagnostics:#?}"
    );
    assert!(client.shutdown().success());
    std::fs::remove_dir_all(&base).unwrap();
}

#[test]
fn ratings_are_checked_again_when_their_open_ladder_closes() {
    let mut client = Client::initialized();
    let ladder = "file:///nowhere/minimal.yaml";
    client.open(
        ladder,
        &text("tests/fixtures/rules/missing-expectation.yaml"),
    );
    client.diagnostics(ladder, 1);
    let ratings = "file:///nowhere/team/staff.yaml";
    client.open(ratings, &text("tests/fixtures/ratings/minimal-staff.yaml"));
    assert_eq!(client.diagnostics(ratings, 1), Vec::<Value>::new());
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": ladder } }),
    );
    let diagnostics = client.diagnostics(ratings, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["severity"], 3, "{diagnostics:#?}");
    assert!(client.shutdown().success());
}

#[test]
fn a_client_asking_for_other_kinds_gets_no_quick_fixes() {
    let mut client = Client::initialized();
    let uri = uri(ENGINEERING);
    let typo = text(ENGINEERING).replacen("\nname: Engineering\n", "\nnme: Engineering\n", 1);
    client.open(&uri, &typo);
    let diagnostics = client.diagnostics(&uri, 1);
    let range = &diagnostics[0]["range"];
    let ask = |client: &mut Client, only: Value| {
        client.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": range, "context": { "diagnostics": [], "only": only } }),
        )["result"]
            .as_array()
            .map_or(0, Vec::len)
    };
    assert_eq!(ask(&mut client, json!(["quickfix"])), 1);
    assert_eq!(ask(&mut client, json!(["source.organizeImports"])), 0);
    assert!(client.shutdown().success());
}

/// `docs/lsp-quick-fix.md` is the server's real answer to a request for
/// quick fixes on the Engineering Fellow paid below the VP.
#[test]
fn the_quick_fix_transcript_is_what_the_server_answers() {
    const COMMITTED: &str = "docs/lsp-quick-fix.md";
    let mut client = Client::initialized();
    let uri = uri(ENGINEERING);
    let fellow = "band: { min: 360000, mid: 430000, max: 500000 }";
    let cut = "band: { min: 360000, mid: 430000, max: 450000 }";
    let broken = text(ENGINEERING).replacen(fellow, cut, 1);
    client.open(&uri, &broken);
    let diagnostics = client.diagnostics(&uri, 1);
    let gap = diagnostics
        .iter()
        .find(|d| d["code"] == "parity-gap")
        .expect("the parity gap")
        .clone();
    let params = json!({
        "textDocument": { "uri": uri },
        "range": gap["range"],
        "context": { "diagnostics": [gap] },
    });
    let response = client.request("textDocument/codeAction", params.clone());
    let fixed = apply(&broken, &response["result"][0]["edit"], &uri);
    assert_eq!(fixed, text(ENGINEERING), "the fix gives back the VP's band");
    client.change(&uri, 2, &fixed);
    assert!(client.diagnostics(&uri, 2).is_empty());
    assert!(client.shutdown().success());
    let request = json!({
        "jsonrpc": "2.0",
        "id": response["id"],
        "method": "textDocument/codeAction",
        "params": params,
    });
    let line = broken[..broken.find(cut).unwrap()].matches('\n').count() + 1;
    let transcript = format!(
        "# A quick fix for a parity gap, as `dualtrack lsp` answers it\n\n\
         Generated by `tests/suite/lsp_actions.rs`; regenerate with\n\
         `DUALTRACK_REGENERATE=1 cargo test --test suite lsp_actions`.\n\n\
         `ladders/engineering.yaml` with the Engineering Fellow's band cut to\n\
         `max: 450000` on line {line}:\n\n    {cut}\n\n\
         The server publishes the parity gap; the editor asks for the quick\n\
         fixes at its range:\n\n\
         ```json\n{}\n```\n\nThe server answers:\n\n```json\n{}\n```\n\n\
         Applied, the line reads the VP's band again, and the server\n\
         publishes no diagnostics for the file:\n\n    {fellow}\n",
        pretty(&request),
        pretty(&response),
    );
    check_transcript(COMMITTED, &transcript, "lsp_actions");
}
