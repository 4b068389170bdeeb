// Drives yaml-language-server over stdio: hover and completion on a ladder file.
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const file = process.argv[2];
const text = fs.readFileSync(file, "utf8");
const uri = "file://" + path.resolve(file);
const server = spawn("node", [require.resolve("yaml-language-server/bin/yaml-language-server"), "--stdio"]);
let buffer = Buffer.alloc(0); let id = 0; const pending = {};
server.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const header = buffer.indexOf("\r\n\r\n"); if (header < 0) return;
    const length = parseInt(/Content-Length: (\d+)/.exec(buffer.slice(0, header).toString())[1]);
    if (buffer.length < header + 4 + length) return;
    const msg = JSON.parse(buffer.slice(header + 4, header + 4 + length).toString());
    buffer = buffer.slice(header + 4 + length);
    if (msg.id !== undefined && pending[msg.id]) { pending[msg.id](msg.result); delete pending[msg.id]; }
    else if (msg.method === "textDocument/publishDiagnostics") { diagnostics = msg.params.diagnostics; }
    else if (msg.method === "workspace/configuration") { send({ jsonrpc: "2.0", id: msg.id, result: msg.params.items.map(() => ({ validate: true, hover: true, completion: true })) }); }
    else if (msg.id !== undefined && msg.method) { send({ jsonrpc: "2.0", id: msg.id, result: null }); }
  }
});
let diagnostics = null;
function send(msg) { const s = JSON.stringify(msg); server.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`); }
function request(method, params) { return new Promise((resolve) => { const i = ++id; pending[i] = resolve; send({ jsonrpc: "2.0", id: i, method, params }); }); }
function position(needle, offset) { const at = text.indexOf(needle); const before = text.slice(0, at + offset); const line = before.split("\n").length - 1; return { line, character: before.length - before.lastIndexOf("\n") - 1 }; }
(async () => {
  await request("initialize", { processId: null, rootUri: "file://" + path.dirname(path.resolve(file)), capabilities: { textDocument: { hover: { contentFormat: ["markdown"] }, completion: {} } } });
  send({ jsonrpc: "2.0", method: "initialized", params: {} });
  send({ jsonrpc: "2.0", method: "workspace/didChangeConfiguration", params: { settings: { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false } } } } });
  send({ jsonrpc: "2.0", method: "textDocument/didOpen", params: { textDocument: { uri, languageId: "yaml", version: 1, text } } });
  await new Promise(r => setTimeout(r, 1500));
  for (const [needle, offset] of JSON.parse(process.argv[3])) {
    const hover = await request("textDocument/hover", { textDocument: { uri }, position: position(needle, offset) });
    console.log(`--- hover on ${JSON.stringify(needle)}:\n${hover && hover.contents ? (hover.contents.value || JSON.stringify(hover.contents)) : "(none)"}`);
  }
  if (process.argv[4]) {
    const [needle, offset] = JSON.parse(process.argv[4]);
    const completion = await request("textDocument/completion", { textDocument: { uri }, position: position(needle, offset) });
    const items = (completion.items || completion).map(i => i.label);
    console.log(`--- completion at ${JSON.stringify(needle)}: ${items.join(", ")}`);
  }
  await new Promise(r => setTimeout(r, 1000));
  console.log("--- diagnostics:", JSON.stringify((diagnostics || []).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)));
  server.kill(); process.exit(0);
})();
