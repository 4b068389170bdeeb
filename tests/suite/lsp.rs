//! `dualtrack lsp` driven as an editor drives it: a spawned server, framed
//! JSON-RPC over its stdin and stdout.

use crate::lsp_client as client;

use serde_json::{Value, json};

use client::{Client, text, uri};

const ENGINEERING: &str = "ladders/engineering.yaml";

#[test]
fn the_reference_ladder_has_no_diagnostics() {
    let mut client = Client::initialized();
    client.open(&uri(ENGINEERING), &text(ENGINEERING));
    assert_eq!(
        client.diagnostics(&uri(ENGINEERING), 1),
        Vec::<Value>::new()
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_broken_band_is_reported_at_its_range_and_cleared_when_fixed() {
    let mut client = Client::initialized();
    let uri = uri(ENGINEERING);
    let clean = text(ENGINEERING);
    client.open(&uri, &clean);
    assert!(client.diagnostics(&uri, 1).is_empty());

    // ic8 (Engineering Fellow) paid less than the VP at its grade.
    let fellow = "band: { min: 360000, mid: 430000, max: 500000 }";
    let cut = "band: { min: 360000, mid: 430000, max: 480000 }";
    let broken = clean.replacen(fellow, cut, 1);
    assert_ne!(
        broken, clean,
        "the fellow's band is in the reference ladder"
    );
    client.change(&uri, 2, &broken);
    let diagnostics = client.diagnostics(&uri, 2);
    let gap = diagnostics
        .iter()
        .find(|d| d["code"] == "parity-gap")
        .unwrap_or_else(|| panic!("a parity-gap among {diagnostics:#?}"));
    let line = broken[..broken.find(cut).unwrap()].matches('\n').count();
    assert_eq!(gap["range"]["start"]["line"], line);
    assert_eq!(gap["source"], "dualtrack");
    assert_eq!(gap["severity"], 1);
    assert!(
        gap["range"]["end"]["character"].as_u64() > gap["range"]["start"]["character"].as_u64(),
        "the whole span, not a point: {gap}"
    );
    assert!(
        gap["relatedInformation"]
            .as_array()
            .is_some_and(|r| !r.is_empty()),
        "the management band compared: {gap}"
    );

    client.change(&uri, 3, &clean);
    assert!(client.diagnostics(&uri, 3).is_empty());
    assert!(client.shutdown().success());
}

#[test]
fn incremental_changes_are_applied_to_the_text() {
    let mut client = Client::initialized();
    let uri = uri(ENGINEERING);
    let clean = text(ENGINEERING);
    client.open(&uri, &clean);
    assert!(client.diagnostics(&uri, 1).is_empty());
    // `grade: 8` of ic8 becomes `grade: 7`: two levels of the IC track at
    // grade 7 breaks the grade order.
    let at = clean.find("id: ic8").unwrap();
    let grade = at + clean[at..].find("grade: 8").unwrap() + "grade: ".len();
    let line = clean[..grade].matches('\n').count();
    let column = grade - clean[..grade].rfind('\n').unwrap() - 1;
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{
                "range": {
                    "start": { "line": line, "character": column },
                    "end": { "line": line, "character": column + 1 },
                },
                "text": "7",
            }],
        }),
    );
    let diagnostics = client.diagnostics(&uri, 2);
    assert!(
        diagnostics
            .iter()
            .any(|d| d["range"]["start"]["line"] == line),
        "a finding on the changed line: {diagnostics:#?}"
    );
}

#[test]
fn a_half_typed_file_gets_every_finding_it_can() {
    let mut client = Client::initialized();
    let uri = "file:///tmp/new-ladder.yaml";
    client.open(uri, "schema_version: 1\nid: new\ntitle: New\ntracks:\n  - id: ic\n    kind: ic\n    levels:\n      - id: ic1\n        title:\n");
    let diagnostics = client.diagnostics(uri, 1);
    assert!(diagnostics.len() >= 2, "{diagnostics:#?}");
    for diagnostic in &diagnostics {
        assert!(diagnostic["code"].is_string(), "{diagnostic}");
        assert!(
            diagnostic["range"]["start"]["line"].is_u64(),
            "{diagnostic}"
        );
    }
}

#[test]
fn a_document_over_the_size_limit_gets_one_diagnostic() {
    let mut client = Client::initialized();
    let uri = "file:///tmp/huge.yaml";
    let huge = format!("# {}\n", "x".repeat(5 * 1024 * 1024));
    client.open(uri, &huge);
    let diagnostics = client.diagnostics(uri, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("limit"),
        "{diagnostics:#?}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn malformed_messages_are_answered_and_the_server_reads_on() {
    let mut client = Client::initialized();
    client.send_raw(b"Content-Length: 9\r\n\r\n{not json");
    let error = client.wait_for(|m| m["error"]["code"] == -32700);
    assert_eq!(error["id"], Value::Null);

    client.send(&json!({ "jsonrpc": "2.0", "id": 7, "params": {} }));
    let error = client.wait_for(|m| m["error"]["code"] == -32600);
    assert_eq!(error["id"], 7);

    client.send_raw(b"Content-Length: many\r\n\r\n");
    client.wait_for(|m| m["error"]["code"] == -32700 && m["id"].is_null());

    let unknown = client.request("dualtrack/unknown", json!({}));
    assert_eq!(unknown["error"]["code"], -32601);
    assert!(client.shutdown().success());
}

#[test]
fn requests_before_initialize_are_refused() {
    let mut client = Client::spawn();
    let early = client.request("textDocument/hover", json!({}));
    assert_eq!(early["error"]["code"], -32002);
    let init = client.request("initialize", json!({ "capabilities": {} }));
    assert_eq!(init["result"]["capabilities"]["textDocumentSync"], 2);
}

#[test]
fn exit_without_shutdown_exits_with_failure() {
    let mut client = Client::initialized();
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().code(), Some(1));
}

#[test]
fn requests_after_shutdown_are_refused() {
    let mut client = Client::initialized();
    assert_eq!(
        client.request("shutdown", Value::Null)["result"],
        Value::Null
    );
    let late = client.request("textDocument/hover", json!({}));
    assert_eq!(late["error"]["code"], -32600);
    client.notify("exit", Value::Null);
    assert_eq!(client.wait().code(), Some(0));
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let mut client = Client::initialized();
    let uri = "file:///tmp/broken.yaml";
    client.open(uri, "id: [\n");
    assert!(!client.diagnostics(uri, 1).is_empty());
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    let cleared = client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri
            && m["params"]["version"].is_null()
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
}
