//! The message loop: documents open in the client, analysed on a thread of
//! their own once typing pauses, their diagnostics published; requests
//! answered from the document's current analysis.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, select};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Exit,
    Notification as NotificationKind, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, GotoDefinition, HoverRequest, Initialize, References,
    Request as RequestKind, Shutdown,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CompletionOptions, CompletionParams, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, GotoDefinitionParams, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, Location, OneOf,
    PositionEncodingKind, PublishDiagnosticsParams, ReferenceParams, ServerCapabilities,
    ServerInfo, TextDocumentContentChangeEvent, TextDocumentPositionParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};

use crate::load::Loader;

use super::analysis::{Analysis, DocumentKind};
use super::ladder_files::{LadderFiles, file_path};
use super::position::LineIndex;
use super::{complete, hover, navigate};

/// How the server reads documents and how long it waits for typing to pause.
///
/// ```
/// use std::time::Duration;
///
/// let options = dualtrack::lsp::ServerOptions::default();
/// assert_eq!(options.debounce, Duration::from_millis(100));
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ServerOptions {
    /// The loader every document is read with: its limits are the CLI's
    /// unless set otherwise; a document over them gets one diagnostic.
    pub loader: Loader,
    /// How long after the last change a document is analysed again.
    pub debounce: Duration,
}

impl Default for ServerOptions {
    fn default() -> Self {
        Self {
            loader: Loader::new(),
            debounce: Duration::from_millis(100),
        }
    }
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Ended {
    /// The client asked to shut down, then to exit: exit status 0.
    Shutdown,
    /// The client sent `exit` without `shutdown` first: exit status 1, as
    /// the protocol asks.
    ExitWithoutShutdown,
    /// The client closed the connection without `exit`.
    Disconnected,
}

/// Serves one client over `connection` until it exits or goes away.
///
/// The caller owns the transport (`dualtrack lsp` speaks over stdio); tests
/// and services can use [`Connection::memory`].
///
/// ```
/// use dualtrack::lsp::{Ended, ServerOptions, serve};
/// use lsp_server::{Connection, Message, Notification};
///
/// let (server, client) = Connection::memory();
/// let session = std::thread::spawn(move || serve(&server, ServerOptions::default()));
/// client.sender.send(Message::Notification(Notification::new("exit".into(), ()))).unwrap();
/// assert_eq!(session.join().unwrap(), Ended::ExitWithoutShutdown);
/// ```
pub fn serve(connection: &Connection, options: ServerOptions) -> Ended {
    let Some(initialize) = initialize(connection) else {
        return Ended::ExitWithoutShutdown;
    };
    let Ok(roots) = initialize else {
        return Ended::Disconnected;
    };
    Server::new(connection, options, roots).run()
}

/// What the server can do, as `initialize` tells the client.
fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(
            TextDocumentSyncKind::INCREMENTAL,
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions::default()),
        ..ServerCapabilities::default()
    }
}

/// Answers `initialize`: requests before it are refused as the protocol
/// says, notifications dropped. The workspace folders it names, or `None`
/// when the client exits first; `Some(Err)` when it goes away.
fn initialize(connection: &Connection) -> Option<Result<Vec<PathBuf>, ()>> {
    let reply = |response: Response| connection.sender.send(response.into()).map_err(drop);
    loop {
        let Ok(message) = connection.receiver.recv() else {
            return Some(Err(()));
        };
        match message {
            Message::Request(request) if request.method == Initialize::METHOD => {
                let roots = serde_json::from_value::<InitializeParams>(request.params.clone())
                    .map(|params| workspace_roots(&params))
                    .unwrap_or_default();
                let result = InitializeResult {
                    capabilities: capabilities(),
                    server_info: Some(ServerInfo {
                        name: "dualtrack".to_owned(),
                        version: Some(env!("CARGO_PKG_VERSION").to_owned()),
                    }),
                };
                return Some(reply(Response::new_ok(request.id, result)).map(|()| roots));
            }
            Message::Request(request) => {
                let refused = Response::new_err(
                    request.id,
                    ErrorCode::ServerNotInitialized as i32,
                    format!("`{}` before `initialize`", request.method),
                );
                if reply(refused).is_err() {
                    return Some(Err(()));
                }
            }
            Message::Notification(notification) if notification.method == Exit::METHOD => {
                return None;
            }
            Message::Notification(_) | Message::Response(_) => {}
        }
    }
}

/// The folders of the workspace, from `workspaceFolders` or the older
/// `rootUri`.
#[allow(deprecated)] // `root_uri`: older clients send only that.
fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    match &params.workspace_folders {
        Some(folders) if !folders.is_empty() => folders
            .iter()
            .filter_map(|folder| file_path(&folder.uri))
            .collect(),
        _ => params.root_uri.iter().filter_map(file_path).collect(),
    }
}

/// An open document: what the client holds, and what was last analysed.
struct Document {
    uri: Uri,
    version: i32,
    text: String,
    /// The last analysis, with the version it was made of.
    analysis: Option<(i32, Arc<Analysis>)>,
    /// The last analysis that built a ladder: hovers and completions on a
    /// half-typed ladder answer from it.
    good: Option<Arc<Analysis>>,
    /// When to analyse the current version, if it is not yet sent off.
    due: Option<Instant>,
}

/// A document sent to the analysis thread.
struct Job {
    uri: String,
    version: i32,
    text: String,
    /// The analysis of the ladder a ratings file names, when open.
    ladder: Option<Arc<Analysis>>,
    /// Where the document is on disk, for a ratings file to find its ladder.
    path: Option<PathBuf>,
}

/// An analysis back from the analysis thread.
struct Done {
    uri: String,
    version: i32,
    analysis: Arc<Analysis>,
}

struct Server<'c> {
    connection: &'c Connection,
    options: ServerOptions,
    documents: HashMap<String, Document>,
    jobs: Sender<Job>,
    done: Receiver<Done>,
    ladder_files: Arc<Mutex<LadderFiles>>,
    shutting_down: bool,
}

impl<'c> Server<'c> {
    fn new(connection: &'c Connection, options: ServerOptions, roots: Vec<PathBuf>) -> Self {
        let (jobs, inbox) = crossbeam_channel::unbounded::<Job>();
        let (outbox, done) = crossbeam_channel::unbounded::<Done>();
        let loader = options.loader.clone();
        let ladder_files = Arc::new(Mutex::new(LadderFiles::new(roots)));
        let files = Arc::clone(&ladder_files);
        thread::spawn(move || analyse_jobs(&loader, &files, &inbox, &outbox));
        Self {
            connection,
            options,
            documents: HashMap::new(),
            jobs,
            done,
            ladder_files,
            shutting_down: false,
        }
    }

    fn run(mut self) -> Ended {
        loop {
            let due = self
                .documents
                .values()
                .filter_map(|d| d.due)
                .min()
                .map_or_else(crossbeam_channel::never, crossbeam_channel::at);
            select! {
                recv(self.connection.receiver) -> message => match message {
                    Ok(message) => {
                        if let Some(ended) = self.on_message(message) {
                            return ended;
                        }
                    }
                    Err(_) => return Ended::Disconnected,
                },
                recv(self.done) -> done => {
                    if let Ok(done) = done {
                        self.on_analysed(done);
                    }
                },
                recv(due) -> _ => self.send_due(),
            }
        }
    }

    fn on_message(&mut self, message: Message) -> Option<Ended> {
        match message {
            Message::Request(request) => {
                let response = self.on_request(request);
                self.send(response.into());
                None
            }
            Message::Notification(notification) if notification.method == Exit::METHOD => {
                Some(if self.shutting_down {
                    Ended::Shutdown
                } else {
                    Ended::ExitWithoutShutdown
                })
            }
            Message::Notification(notification) => {
                self.on_notification(notification);
                None
            }
            Message::Response(_) => None,
        }
    }

    fn on_request(&mut self, request: Request) -> Response {
        if self.shutting_down {
            return Response::new_err(
                request.id,
                ErrorCode::InvalidRequest as i32,
                format!("`{}` after `shutdown`", request.method),
            );
        }
        match request.method.as_str() {
            Shutdown::METHOD => {
                self.shutting_down = true;
                Response::new_ok(request.id, ())
            }
            HoverRequest::METHOD => self.at_position(
                request,
                |p: &HoverParams| &p.text_document_position_params,
                |document, ladder, p| {
                    let ladder = ladder.map(|(_, ladder)| ladder);
                    hover::hover(document, p.text_document_position_params.position, ladder)
                },
            ),
            GotoDefinition::METHOD => self.at_position(
                request,
                |p: &GotoDefinitionParams| &p.text_document_position_params,
                |document, ladder, p| {
                    let at = p.text_document_position_params;
                    let mut found = locations(
                        &at.text_document.uri,
                        navigate::definition(document, at.position),
                    );
                    // A ratings file's competency is defined in its ladder.
                    if let Some((uri, ladder)) = ladder.filter(|_| found.is_empty()) {
                        found = locations(uri, navigate::defined_in(document, at.position, ladder));
                    }
                    found
                },
            ),
            References::METHOD => self.at_position(
                request,
                |p: &ReferenceParams| &p.text_document_position,
                |document, _, p| {
                    let at = p.text_document_position;
                    let declaration = p.context.include_declaration;
                    let ranges = navigate::references(document, at.position, declaration);
                    locations(&at.text_document.uri, ranges)
                },
            ),
            Completion::METHOD => self.at_position(
                request,
                |p: &CompletionParams| &p.text_document_position,
                |document, ladder, p| {
                    let ladder = ladder.map(|(_, ladder)| ladder);
                    complete::completion(document, p.text_document_position.position, ladder)
                },
            ),
            Initialize::METHOD => Response::new_err(
                request.id,
                ErrorCode::InvalidRequest as i32,
                "`initialize` was already answered".to_owned(),
            ),
            CodeActionRequest::METHOD => self.code_actions(request),
            method => Response::new_err(
                request.id,
                ErrorCode::MethodNotFound as i32,
                format!("unknown method `{method}`"),
            ),
        }
    }

    /// Answers a request about a position in an open document: `answer`
    /// gets the document's current analysis and the analysis whose ladder
    /// answers for it, with its document ([`Self::ladder_for`]). A document
    /// not open gets `null`.
    fn at_position<P, R>(
        &mut self,
        request: Request,
        position: fn(&P) -> &TextDocumentPositionParams,
        answer: impl FnOnce(&Analysis, Option<(&Uri, &Analysis)>, P) -> R,
    ) -> Response
    where
        P: serde::de::DeserializeOwned,
        R: serde::Serialize,
    {
        let params: P = match serde_json::from_value(request.params) {
            Ok(params) => params,
            Err(error) => {
                return Response::new_err(
                    request.id,
                    ErrorCode::InvalidParams as i32,
                    format!("invalid parameters: {error}"),
                );
            }
        };
        let uri = position(&params).text_document.uri.as_str().to_owned();
        let Some(analysis) = self.current_analysis(&uri) else {
            return Response::new_ok(request.id, serde_json::Value::Null);
        };
        let ladder = self.ladder_for(&uri, &analysis);
        let ladder = ladder.as_ref().map(|(uri, ladder)| (uri, ladder.as_ref()));
        Response::new_ok(request.id, answer(&analysis, ladder, params))
    }

    /// The analysis whose ladder answers about a document, and the document
    /// it is of: a ladder's own, else its last one that built a ladder; for
    /// a ratings file, the open ladder it names.
    fn ladder_for(&self, uri: &str, analysis: &Arc<Analysis>) -> Option<(Uri, Arc<Analysis>)> {
        let document = self.documents.get(uri)?;
        match analysis.kind() {
            DocumentKind::Ratings => {
                let ladder = self.ladder_named_by(analysis.text())?;
                let of_ladder = |d: &&Document| {
                    d.analysis
                        .as_ref()
                        .is_some_and(|(_, a)| Arc::ptr_eq(a, &ladder))
                };
                let document = self.documents.values().find(of_ladder)?;
                Some((document.uri.clone(), ladder))
            }
            DocumentKind::Ladder if analysis.ladder().is_some() => {
                Some((document.uri.clone(), analysis.clone()))
            }
            DocumentKind::Ladder => Some((document.uri.clone(), document.good.clone()?)),
        }
    }

    fn on_notification(&mut self, notification: Notification) {
        match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(params) = params::<DidOpenTextDocumentParams>(notification) {
                    let document = params.text_document;
                    self.documents.insert(
                        document.uri.as_str().to_owned(),
                        Document {
                            uri: document.uri,
                            version: document.version,
                            text: document.text,
                            analysis: None,
                            good: None,
                            due: Some(Instant::now()),
                        },
                    );
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(params) = params::<DidChangeTextDocumentParams>(notification) {
                    let debounce = self.options.debounce;
                    if let Some(document) =
                        self.documents.get_mut(params.text_document.uri.as_str())
                    {
                        for change in params.content_changes {
                            apply(&mut document.text, change);
                        }
                        document.version = params.text_document.version;
                        document.due = Some(Instant::now() + debounce);
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(params) = params::<DidCloseTextDocumentParams>(notification)
                    && let Some(document) = self.documents.remove(params.text_document.uri.as_str())
                {
                    // Ratings checked against this ladder look for it on disk.
                    if document
                        .analysis
                        .is_some_and(|(_, a)| a.kind() == DocumentKind::Ladder)
                    {
                        self.recheck_ratings();
                    }
                    self.publish(document.uri, None, Vec::new());
                }
            }
            // Saves, `$/cancelRequest`, `$/setTrace`, configuration changes:
            // nothing to do; unknown notifications are dropped as the
            // protocol says.
            _ => {}
        }
    }

    /// Sends every document whose pause in typing is over to the analysis
    /// thread.
    fn send_due(&mut self) {
        let now = Instant::now();
        let due: Vec<String> = self
            .documents
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|due| due <= now))
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in due {
            if let Some(job) = self.take_job(&uri) {
                // The analysis thread lives as long as the server.
                let _ = self.jobs.send(job);
            }
        }
    }

    /// The current version of an open document as a job for analysis, no
    /// longer due: its text, the open ladder a ratings file names, and where
    /// it is on disk.
    fn take_job(&mut self, uri: &str) -> Option<Job> {
        let document = self.documents.get(uri)?;
        let job = Job {
            uri: uri.to_owned(),
            version: document.version,
            text: document.text.clone(),
            ladder: self.ladder_named_by(&document.text),
            path: file_path(&document.uri),
        };
        if let Some(document) = self.documents.get_mut(uri) {
            document.due = None;
        }
        Some(job)
    }

    /// The open ladder a ratings file's text names, if that ladder is open
    /// and could be inspected.
    fn ladder_named_by(&self, text: &str) -> Option<Arc<Analysis>> {
        if DocumentKind::of(text) != DocumentKind::Ratings {
            return None;
        }
        let named = super::analysis::named_ladder(text)?;
        self.documents
            .values()
            .filter_map(|d| d.analysis.as_ref().map(|(_, a)| a))
            .find(|a| a.ladder().is_some_and(|l| l.id().as_str() == named))
            .cloned()
    }

    /// The quick fixes for the findings in the requested range.
    fn code_actions(&mut self, request: Request) -> Response {
        let params = match serde_json::from_value::<CodeActionParams>(request.params) {
            Ok(params) => params,
            Err(error) => {
                return Response::new_err(
                    request.id,
                    ErrorCode::InvalidParams as i32,
                    error.to_string(),
                );
            }
        };
        let uri = params.text_document.uri;
        let wanted = params.context.only.is_none_or(|only| {
            only.iter()
                .any(|kind| *kind == CodeActionKind::QUICKFIX || kind.as_str().is_empty())
        });
        if !wanted {
            return Response::new_ok(request.id, Vec::<CodeActionOrCommand>::new());
        }
        let actions: Vec<CodeActionOrCommand> = self
            .current_analysis(uri.as_str())
            .map(|analysis| analysis.quick_fixes(&uri, params.range, &self.options.loader))
            .unwrap_or_default()
            .into_iter()
            .map(CodeActionOrCommand::CodeAction)
            .collect();
        Response::new_ok(request.id, actions)
    }

    /// The analysis of a document's current text: the last one when it is of
    /// the current version, else made now (and published).
    fn current_analysis(&mut self, uri: &str) -> Option<Arc<Analysis>> {
        let document = self.documents.get(uri)?;
        if let Some((version, analysis)) = &document.analysis
            && *version == document.version
        {
            return Some(Arc::clone(analysis));
        }
        let job = self.take_job(uri)?;
        let version = job.version;
        let analysis = Arc::new(analyse(&self.options.loader, &self.ladder_files, job));
        self.on_analysed(Done {
            uri: uri.to_owned(),
            version,
            analysis: Arc::clone(&analysis),
        });
        Some(analysis)
    }

    fn on_analysed(&mut self, done: Done) {
        let Some(document) = self.documents.get_mut(&done.uri) else {
            return;
        };
        if document.version != done.version {
            return;
        }
        let diagnostics = done.analysis.diagnostics(&document.uri);
        let is_ladder = done.analysis.kind() == DocumentKind::Ladder;
        if done.analysis.ladder().is_some() {
            document.good = Some(done.analysis.clone());
        }
        document.analysis = Some((done.version, done.analysis));
        let uri = document.uri.clone();
        self.publish(uri, Some(done.version), diagnostics);
        if is_ladder {
            self.recheck_ratings();
        }
    }

    /// Ratings files are checked against their ladder: when a ladder's
    /// analysis changes, they are analysed again.
    fn recheck_ratings(&mut self) {
        let now = Instant::now();
        for document in self.documents.values_mut() {
            let is_ratings = document
                .analysis
                .as_ref()
                .is_some_and(|(_, a)| a.kind() == DocumentKind::Ratings);
            if is_ratings && document.due.is_none() {
                document.due = Some(now);
            }
        }
    }

    fn publish(&self, uri: Uri, version: Option<i32>, diagnostics: Vec<lsp_types::Diagnostic>) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Notification::new(PublishDiagnostics::METHOD.to_owned(), params).into());
    }

    fn send(&self, message: Message) {
        // A closed connection ends the loop at the next receive.
        let _ = self.connection.sender.send(message);
    }
}

/// The analysis thread: takes every job waiting, keeps the newest version of
/// each document, and analyses those.
fn analyse_jobs(
    loader: &Loader,
    ladder_files: &Mutex<LadderFiles>,
    inbox: &Receiver<Job>,
    outbox: &Sender<Done>,
) {
    while let Ok(first) = inbox.recv() {
        let mut newest: HashMap<String, Job> = HashMap::new();
        for job in std::iter::once(first).chain(inbox.try_iter()) {
            newest.insert(job.uri.clone(), job);
        }
        for (_, job) in newest {
            let (uri, version) = (job.uri.clone(), job.version);
            let analysis = Arc::new(analyse(loader, ladder_files, job));
            let done = Done {
                uri,
                version,
                analysis,
            };
            if outbox.send(done).is_err() {
                return;
            }
        }
    }
}

/// One document's analysis: a ladder, or ratings against the ladder they
/// name, open in the client or else found on disk.
fn analyse(loader: &Loader, ladder_files: &Mutex<LadderFiles>, job: Job) -> Analysis {
    let text = job.text;
    match DocumentKind::of(&text) {
        DocumentKind::Ladder => Analysis::ladder_file(text, loader),
        DocumentKind::Ratings => {
            let on_disk = || {
                let named = super::analysis::named_ladder(&text)?;
                let path = job.path.as_deref()?;
                ladder_files
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .find(&named, path, loader)
            };
            match job.ladder.or_else(on_disk) {
                Some(ladder) => Analysis::ratings_file(text, ladder, loader),
                None => Analysis::ratings_without_ladder(text),
            }
        }
    }
}

/// Places in the document `uri`.
fn locations(uri: &Uri, ranges: Vec<lsp_types::Range>) -> Vec<Location> {
    ranges
        .into_iter()
        .map(|range| Location::new(uri.clone(), range))
        .collect()
}

/// A notification's parameters, or why they do not parse.
fn params<P: serde::de::DeserializeOwned>(notification: Notification) -> Result<P, ()> {
    serde_json::from_value(notification.params).map_err(drop)
}

/// Applies one change from the client: a whole new text, or a range
/// replaced. A range outside the text is clamped to it.
fn apply(text: &mut String, change: TextDocumentContentChangeEvent) {
    let Some(range) = change.range else {
        *text = change.text;
        return;
    };
    let index = LineIndex::new(text);
    let start = index.offset(text, range.start).unwrap_or(text.len());
    let end = index
        .offset(text, range.end)
        .unwrap_or(text.len())
        .max(start);
    text.replace_range(start..end, &change.text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    #[test]
    fn a_change_replaces_its_range() {
        let mut text = "a: 1\nb: 2\n".to_owned();
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(1, 3), Position::new(1, 4))),
            range_length: None,
            text: "20".to_owned(),
        };
        apply(&mut text, change);
        assert_eq!(text, "a: 1\nb: 20\n");
    }

    #[test]
    fn a_change_past_the_end_is_clamped() {
        let mut text = "a: 1".to_owned();
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(5, 0), Position::new(9, 0))),
            range_length: None,
            text: "\nb: 2".to_owned(),
        };
        apply(&mut text, change);
        assert_eq!(text, "a: 1\nb: 2");
    }
}
