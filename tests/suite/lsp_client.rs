//! A language client for the tests: spawns `dualtrack lsp`, speaks framed
//! JSON-RPC to it, and waits for what it sends back. Each test file uses
//! part of it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long any answer may take before a test fails: generous, since CI
/// machines are shared; the server here pauses 10 ms after a change.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    inbox: Receiver<Value>,
    /// Messages read while waiting for something else.
    pending: Vec<Value>,
    next_id: i64,
}

impl Client {
    /// A server, not yet initialized.
    pub fn spawn() -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dualtrack"))
            // A short pause in typing keeps the suite quick; the default
            // (100 ms) is what .ci/editor-test runs with.
            .args(["lsp", "--debounce", "10"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("dualtrack lsp starts");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("stdout is piped");
        let (sender, inbox) = channel();
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_frame(&mut reader) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Self {
            child,
            stdin,
            inbox,
            pending: Vec::new(),
            next_id: 1,
        }
    }

    /// A server, initialized.
    pub fn initialized() -> Self {
        let mut client = Self::spawn();
        let result = client.request("initialize", json!({ "capabilities": {} }));
        assert_eq!(result["result"]["serverInfo"]["name"], "dualtrack");
        client.notify("initialized", json!({}));
        client
    }

    pub fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(bytes).expect("the server reads");
        stdin.flush().expect("the server reads");
    }

    pub fn send(&mut self, message: &Value) {
        let body = message.to_string();
        self.send_raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(|m| m["id"] == id && m.get("method").is_none())
    }

    /// The first message (already read or still to come) that `wanted`
    /// accepts; the others stay pending.
    pub fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        self.try_wait_for(&wanted, PATIENCE).unwrap_or_else(|| {
            panic!(
                "no such message within {PATIENCE:?}; got {:#?}",
                self.pending
            )
        })
    }

    pub fn try_wait_for(
        &mut self,
        wanted: impl Fn(&Value) -> bool,
        patience: Duration,
    ) -> Option<Value> {
        if let Some(at) = self.pending.iter().position(&wanted) {
            return Some(self.pending.remove(at));
        }
        let deadline = Instant::now() + patience;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.inbox.recv_timeout(left) {
                Ok(message) if wanted(&message) => return Some(message),
                Ok(message) => self.pending.push(message),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        message["params"]["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": "yaml", "version": 1, "text": text
            }}),
        );
    }

    /// Replaces the whole text of `uri` with `text` as `version`.
    pub fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": text }],
            }),
        );
    }

    /// Shuts the server down cleanly and returns how it exited.
    pub fn shutdown(mut self) -> ExitStatus {
        let answer = self.request("shutdown", Value::Null);
        assert_eq!(answer["result"], Value::Null, "{answer}");
        self.notify("exit", Value::Null);
        self.wait()
    }

    /// Waits for the server to exit, closing its stdin first.
    pub fn wait(mut self) -> ExitStatus {
        drop(self.stdin.take());
        self.child.wait().expect("the server exits")
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn read_frame(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The `file://` URI of a path of the repository.
pub fn uri(path: &str) -> String {
    format!("file://{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// The text of a file of the repository.
pub fn text(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .expect("the file is there")
}

/// A JSON-RPC message as a transcript shows it: pretty, with this checkout's
/// path replaced by a reader's.
pub fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value)
        .expect("JSON")
        .replace(env!("CARGO_MANIFEST_DIR"), "/home/me/dualtrack")
}

/// Checks that the committed transcript `path` reads `transcript`, writing
/// it first when `DUALTRACK_REGENERATE` is set.
pub fn check_transcript(path: &str, transcript: &str, test: &str) {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("DUALTRACK_REGENERATE").is_some() {
        std::fs::write(&full, transcript).expect("the transcript is written");
    }
    let committed = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        committed == transcript,
        "{path} is out of date; regenerate it with:\n\n    \
         DUALTRACK_REGENERATE=1 cargo test --test suite {test}\n"
    );
}
