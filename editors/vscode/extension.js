// dualtrack's language server for YAML files, beside the Red Hat YAML
// extension (which checks the schema): runs `dualtrack lsp` (or the
// `dualtrack.path` setting) over stdio.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

async function activate() {
  const command = vscode.workspace.getConfiguration("dualtrack").get("path") || "dualtrack";
  client = new LanguageClient(
    "dualtrack",
    "dualtrack",
    { command, args: ["lsp"] },
    { documentSelector: [{ scheme: "file", language: "yaml" }] },
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
