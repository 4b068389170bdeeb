//! Ratings files in `dualtrack lsp`, driven as an editor drives them.

#[path = "lsp/client.rs"]
mod client;

use serde_json::Value;

use client::{Client, text, uri};

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

    // A ladder nobody has: the note says what is missing.
    let elsewhere = clean.replacen("ladder: engineering", "ladder: nowhere", 1);
    client.change(&uri, 3, &elsewhere);
    let diagnostics = client.diagnostics(&uri, 3);
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
