//! Hover, go to definition, references and completion, asked of a spawned
//! `dualtrack lsp` as an editor asks them.

use crate::lsp_client as client;

use serde_json::{Value, json};

use client::{Client, check_transcript, pretty, text, uri};

const ENGINEERING: &str = "ladders/engineering.yaml";
const CIVIL_SERVICE: &str = "ladders/examples/civil-service.yaml";
const ELECTRICAL_TRADE: &str = "ladders/examples/electrical-trade.yaml";
const NHS_NURSING: &str = "ladders/examples/nhs-nursing.yaml";
const PRINCIPAL: &str = "tests/fixtures/ratings/principal.yaml";

/// The zero-based line and UTF-16 column of the `nth` (0-based) match of
/// `needle` in `text`, plus `into` characters.
fn position(text: &str, needle: &str, nth: usize, into: usize) -> Value {
    let (at, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} in the text"));
    let before = &text[..at];
    let line = before.matches('\n').count();
    let column: usize = before[before.rfind('\n').map_or(0, |n| n + 1)..]
        .chars()
        .map(char::len_utf16)
        .sum();
    json!({ "line": line, "character": column + into })
}

fn at(uri: &str, position: Value) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": position })
}

/// The line a location or range starts on.
fn line(location: &Value) -> u64 {
    let range = location.get("range").unwrap_or(location);
    range["start"]["line"].as_u64().expect("a line")
}

fn labels(response: &Value) -> Vec<String> {
    let items = response["result"]
        .as_array()
        .or_else(|| response["result"]["items"].as_array())
        .unwrap_or_else(|| panic!("completion items in {response:#}"));
    items
        .iter()
        .map(|item| item["label"].as_str().expect("a label").to_owned())
        .collect()
}

fn hover_text(response: &Value) -> String {
    let value = &response["result"]["contents"]["value"];
    value
        .as_str()
        .unwrap_or_else(|| panic!("a Markdown hover in {response:#}"))
        .to_owned()
}

fn references(client: &mut Client, uri: &str, position: Value, declaration: bool) -> Vec<Value> {
    let response = client.request(
        "textDocument/references",
        json!({
            "textDocument": { "uri": uri },
            "position": position,
            "context": { "includeDeclaration": declaration },
        }),
    );
    response["result"]
        .as_array()
        .unwrap_or_else(|| panic!("locations in {response:#}"))
        .clone()
}

/// The zero-based line of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> u64 {
    let at = text.find(needle).expect("the needle is in the text");
    text[..at].matches('\n').count() as u64
}

#[test]
fn hover_definition_references_and_completion_on_the_reference_ladders() {
    let mut client = Client::initialized();
    let engineering = text(ENGINEERING);
    let uri = uri(ENGINEERING);
    client.open(&uri, &engineering);
    assert!(client.diagnostics(&uri, 1).is_empty());

    // The fellow: its band in every zone, and the VP at its grade, paid alike.
    let fellow = client.request(
        "textDocument/hover",
        at(&uri, position(&engineering, "id: ic8", 0, 5)),
    );
    let shown = hover_text(&fellow);
    for expected in [
        "**Engineering Fellow** (`ic8`) · grade 8",
        "level 8 of 8 · below: `ic7` Distinguished Engineer · above: none",
        "**Band**: min 360000 USD, mid 430000 USD, max 500000 USD",
        "- London (`london`): min 227520 GBP",
        "- `vp` VP of Engineering (Management): min 360000 USD, mid 430000 USD, max 500000 USD",
        "parity (`equal` from grade 6): met",
    ] {
        assert!(shown.contains(expected), "`{expected}` in:\n{shown}");
    }
    assert_eq!(
        fellow["result"]["range"]["start"],
        position(&engineering, "id: ic8", 0, 4)
    );
    // Its title says the same.
    let by_title = client.request(
        "textDocument/hover",
        at(
            &uri,
            position(&engineering, "title: Engineering Fellow", 0, 10),
        ),
    );
    assert_eq!(hover_text(&by_title), shown);

    // An expectation's key: the competency, and the levels around.
    let delivery = position(&engineering, "          delivery: 3", 0, 12);
    let hover = hover_text(&client.request("textDocument/hover", at(&uri, delivery.clone())));
    assert!(
        hover.starts_with("**Delivery** (`delivery`) · craft\n\nTurns goals"),
        "{hover}"
    );
    assert!(
        hover.ends_with("\n\nIndividual contributor: `ic2` 2 → **`ic3` 3** → `ic4` 3"),
        "{hover}"
    );

    // From the key to the competency's `id:`.
    let definition = client.request("textDocument/definition", at(&uri, delivery));
    let targets = definition["result"].as_array().expect("locations");
    assert_eq!(targets.len(), 1, "{definition:#}");
    assert_eq!(targets[0]["uri"], uri.as_str());
    assert_eq!(
        targets[0]["range"]["start"],
        position(&engineering, "id: delivery", 0, 4)
    );

    // From the competency to every level that expects it: all 13.
    let declared = position(&engineering, "id: delivery", 0, 6);
    let uses = references(&mut client, &uri, declared.clone(), false);
    assert_eq!(uses.len(), 13);
    assert!(
        uses.iter()
            .all(|u| line(u) > line_of(&engineering, "tracks:"))
    );
    let with_declaration = references(&mut client, &uri, declared.clone(), true);
    assert_eq!(with_declaration.len(), 14);
    assert_eq!(
        line(&with_declaration[0]),
        line_of(&engineering, "id: delivery")
    );
    let uses = hover_text(&client.request("textDocument/hover", at(&uri, declared)));
    assert!(
        uses.ends_with(
            "Expected at 13 levels on 2 tracks: Individual contributor (8), Management (5)"
        ),
        "{uses}"
    );

    // A ratings file naming the open ladder: its keys are competencies.
    let principal = format!("{}  \n", text(PRINCIPAL));
    let principal_uri = client::uri(PRINCIPAL);
    client.open(&principal_uri, &principal);
    let rating = position(&principal, "delivery: 4", 0, 3);
    let hover =
        hover_text(&client.request("textDocument/hover", at(&principal_uri, rating.clone())));
    assert!(
        hover.starts_with("**Delivery** (`delivery`) · craft"),
        "{hover}"
    );
    let definition = client.request("textDocument/definition", at(&principal_uri, rating));
    assert_eq!(
        definition["result"][0]["uri"],
        uri.as_str(),
        "{definition:#}"
    );
    assert_eq!(
        line(&definition["result"][0]),
        line_of(&engineering, "id: delivery")
    );
    let blank = position(&principal, "  \n", 0, 2);
    let completion = client.request("textDocument/completion", at(&principal_uri, blank));
    assert_eq!(labels(&completion), ["people-development", "hiring"]);

    // Half-typed: ic5 lost two expectations and a third is being typed. The
    // ladder does not load; completion offers what is missing, with names,
    // from the last ladder that loaded.
    let typed = "          collaboration: 4\n          influence: 4\n";
    let half = engineering.replacen(typed, "          co\n", 1);
    assert_ne!(half, engineering);
    client.change(&uri, 2, &half);
    let completion = client.request(
        "textDocument/completion",
        at(&uri, position(&half, "          co\n", 0, 12)),
    );
    assert_eq!(labels(&completion), ["collaboration", "influence"]);
    assert_eq!(completion["result"][0]["detail"], "Collaboration");
    let edit = &completion["result"][0]["textEdit"];
    assert_eq!(
        edit["range"]["start"],
        position(&half, "          co\n", 0, 10)
    );
    assert_eq!(edit["newText"], "collaboration");
    // Hovers still answer from that ladder.
    let hover = client.request(
        "textDocument/hover",
        at(&uri, position(&half, "id: ic8", 0, 5)),
    );
    assert!(
        hover_text(&hover).contains("`vp` VP of Engineering"),
        "{hover:#}"
    );

    // A named proficiency scale: its names as an expectation's value.
    let civil = text(CIVIL_SERVICE);
    let civil_uri = client::uri(CIVIL_SERVICE);
    client.open(&civil_uri, &civil);
    let value = position(&civil, "technical-expertise: 2", 0, 21);
    let completion = client.request("textDocument/completion", at(&civil_uri, value));
    assert_eq!(
        labels(&completion),
        [
            "Level 1 (AA-AO)",
            "Level 2 (EO)",
            "Level 3 (HEO-SEO)",
            "Level 4 (G7-G6)",
            "Level 5 (SCS1)"
        ]
    );

    // Level ids named elsewhere: a band's `of` and a zone's `exempt`.
    let trade = text(ELECTRICAL_TRADE);
    let trade_uri = client::uri(ELECTRICAL_TRADE);
    client.open(&trade_uri, &trade);
    let of = position(&trade, "of: journeyman", 0, 6);
    let definition = client.request("textDocument/definition", at(&trade_uri, of));
    assert_eq!(
        line(&definition["result"][0]),
        line_of(&trade, "id: journeyman")
    );
    let declared = position(&trade, "id: journeyman", 0, 6);
    assert_eq!(
        references(&mut client, &trade_uri, declared, false).len(),
        10
    );
    let nursing = text(NHS_NURSING);
    let nursing_uri = client::uri(NHS_NURSING);
    client.open(&nursing_uri, &nursing);
    let exempt = position(&nursing, "exempt: [chief-nurse]", 0, 10);
    let definition = client.request("textDocument/definition", at(&nursing_uri, exempt.clone()));
    assert_eq!(
        line(&definition["result"][0]),
        line_of(&nursing, "id: chief-nurse")
    );
    let completion = client.request("textDocument/completion", at(&nursing_uri, exempt));
    let offered = labels(&completion);
    assert!(
        offered.contains(&"chief-nurse".to_owned()) && offered.len() > 5,
        "{offered:?}"
    );

    assert!(client.shutdown().success());
}

/// `docs/lsp-hover.md` is the server's real answer to a hover on `ic8`.
#[test]
fn the_hover_transcript_is_what_the_server_answers() {
    const COMMITTED: &str = "docs/lsp-hover.md";
    let mut client = Client::initialized();
    let engineering = text(ENGINEERING);
    let uri = uri(ENGINEERING);
    client.open(&uri, &engineering);
    let params = at(&uri, position(&engineering, "id: ic8", 0, 5));
    let response = client.request("textDocument/hover", params.clone());
    assert!(client.shutdown().success());
    let request = json!({
        "jsonrpc": "2.0",
        "id": response["id"],
        "method": "textDocument/hover",
        "params": params,
    });
    let transcript = format!(
        "# Hover on `ic8`, as `dualtrack lsp` answers it\n\n\
         Generated by `tests/suite/lsp_navigation.rs`; regenerate with\n\
         `DUALTRACK_REGENERATE=1 cargo test --test suite lsp_navigation`.\n\n\
         The editor asks (`ladders/engineering.yaml`, the cursor on `ic8`):\n\n\
         ```json\n{}\n```\n\nThe server answers:\n\n```json\n{}\n```\n\n\
         As the editor shows it:\n\n{}\n",
        pretty(&request),
        pretty(&response),
        hover_text(&response)
    );
    check_transcript(COMMITTED, &transcript, "lsp_navigation");
}
