//! `dualtrack lsp`: the language server, over stdio.
//!
//! The protocol is `dualtrack::lsp::serve`'s; this module is the transport:
//! `Content-Length` framed JSON-RPC on stdin and stdout. A payload that is
//! not JSON, or not a JSON-RPC message, is answered with the protocol's
//! error (`-32700`, `-32600`) and the server reads on, where a bare reader
//! would give up on the client.

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use dualtrack::lsp::{Ended, ServerOptions, serve};
use lsp_server::{Connection, Message};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Speak over stdin and stdout (the only transport, and the default;
    /// accepted because editor clients pass it).
    #[arg(long)]
    stdio: bool,
    /// How long after the last change a document is checked again, in
    /// milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 100)]
    debounce: u64,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    if io::stdin().is_terminal() {
        // A person who typed the command sees why nothing happens.
        eprintln!(
            "dualtrack lsp: a language server, waiting for an editor's LSP messages on stdin \
             (see the README's \"Editor setup\"); Ctrl-D ends it"
        );
    }
    let (server, transport) = Connection::memory();
    let stdout = Arc::new(Mutex::new(io::stdout()));
    let writer = {
        let stdout = Arc::clone(&stdout);
        let outgoing = transport.receiver;
        thread::spawn(move || {
            for message in outgoing {
                if write_message(&stdout, &message).is_err() {
                    break;
                }
            }
        })
    };
    let incoming = transport.sender;
    // The reader ends with stdin; it is not joined, since it may be blocked
    // reading when the client sends `exit` without closing the pipe.
    thread::spawn(move || read_messages(&mut io::stdin().lock(), &incoming, &stdout));
    let mut options = ServerOptions::default();
    options.debounce = Duration::from_millis(args.debounce);
    let ended = serve(&server, options);
    drop(server);
    let _ = writer.join();
    match ended {
        Ended::Shutdown => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}

/// Reads framed messages until stdin ends, handing each to the server and
/// answering those that cannot be read.
fn read_messages(
    input: &mut impl BufRead,
    server: &crossbeam_channel::Sender<Message>,
    stdout: &Mutex<io::Stdout>,
) {
    loop {
        match read_frame(input) {
            Ok(None) => return,
            Ok(Some(Ok(body))) => match parse(&body) {
                Ok(message) => {
                    if server.send(message).is_err() {
                        return;
                    }
                }
                Err(error) => {
                    if write_json(stdout, &error).is_err() {
                        return;
                    }
                }
            },
            Ok(Some(Err(problem))) => {
                let error = error_response(serde_json::Value::Null, PARSE_ERROR, &problem);
                if write_json(stdout, &error).is_err() {
                    return;
                }
            }
            Err(_) => return,
        }
    }
}

const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;

/// The largest message read: a ladder at the loader's 4 MiB limit, escaped
/// into JSON, fits many times over. A longer one is skipped and refused.
const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// One frame's body, or what was wrong with it; `None` at the end.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Result<Vec<u8>, String>>> {
    let mut length: Option<Result<usize, String>> = None;
    let mut line = String::new();
    let length = loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            // Blank lines before a header block are tolerated.
            match length.take() {
                Some(length) => break length,
                None => continue,
            }
        }
        match header.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                let value = value.trim();
                length = Some(value.parse().map_err(|_| {
                    format!("the header `Content-Length` is `{value}`, not a number of bytes")
                }));
            }
            Some(_) => {}
            None => {
                return Ok(Some(Err(format!(
                    "expected a header such as `Content-Length: 42`, found `{}`",
                    shorten(header)
                ))));
            }
        }
    };
    let length = match length {
        Ok(length) => length,
        Err(problem) => return Ok(Some(Err(problem))),
    };
    if length > MAX_MESSAGE_BYTES {
        io::copy(&mut Read::take(&mut *input, length as u64), &mut io::sink())?;
        return Ok(Some(Err(format!(
            "a message of {length} bytes is over the limit of {MAX_MESSAGE_BYTES}"
        ))));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(Ok(body)))
}

/// A body as a message, or the error response that says why it is not one.
fn parse(body: &[u8]) -> Result<Message, serde_json::Value> {
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|error| {
        error_response(
            serde_json::Value::Null,
            PARSE_ERROR,
            &format!("the message is not JSON: {error}"),
        )
    })?;
    let id = value.get("id").cloned().unwrap_or(serde_json::Value::Null);
    serde_json::from_value(value).map_err(|_| {
        error_response(
            id,
            INVALID_REQUEST,
            "the message is not a JSON-RPC request, response or notification \
             (a request has `id` and `method`, a notification `method`)",
        )
    })
}

fn error_response(id: serde_json::Value, code: i64, message: &str) -> serde_json::Value {
    serde_json::json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code, "message": message },
    })
}

fn write_message(stdout: &Mutex<io::Stdout>, message: &Message) -> io::Result<()> {
    let mut out = stdout
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    message.write(&mut *out)
}

fn write_json(stdout: &Mutex<io::Stdout>, value: &serde_json::Value) -> io::Result<()> {
    let body = value.to_string();
    let mut out = stdout
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

/// At most 60 characters of a bad header, for the message.
fn shorten(header: &str) -> String {
    match header.char_indices().nth(60) {
        Some((at, _)) => format!("{}...", &header[..at]),
        None => header.to_owned(),
    }
}
