//! The message loop: the protocol's requests and notifications, translated to
//! the workspace and the features, one message at a time.
//!
//! Diagnostics are published once the queue of incoming messages is empty, so
//! a burst of keystrokes costs one compilation, not one per keystroke; a
//! request always sees the text as last changed.

use std::collections::BTreeMap;
use std::path::PathBuf;

use ls_types::notification::{
    DidChangeConfiguration, DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument,
    DidOpenTextDocument, Initialized, Notification as _, PublishDiagnostics, ShowMessage,
};
use ls_types::request::{
    Completion, DocumentSymbolRequest, Formatting, GotoDefinition, HoverRequest, References,
    RegisterCapability, Request as _, SemanticTokensFullRequest,
};
use ls_types::{
    CompletionOptions, CompletionResponse, Diagnostic as LspDiagnostic, DocumentSymbolResponse,
    GotoDefinitionResponse, Hover, HoverContents, HoverProviderCapability, InitializeParams,
    MarkupContent, MarkupKind, MessageType, OneOf, PositionEncodingKind, PublishDiagnosticsParams,
    Registration, RegistrationParams, SemanticTokensFullOptions, SemanticTokensOptions,
    SemanticTokensResult, SemanticTokensServerCapabilities, ServerCapabilities, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextEdit, Uri,
};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use serde_json::Value;
use tiaoli_compiler::load::Embedded;

use crate::config::Config;
use crate::position::Lines;
use crate::workspace::{file_path, Workspace};
use crate::{completion, diagnostics, hover, navigate, semantic, symbols, Error};

/// LSP's RequestFailed: a request that is valid but cannot be answered.
const REQUEST_FAILED: i32 = -32803;

pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), "、".into(), "=".into()]),
            ..CompletionOptions::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: semantic::legend(),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: None,
                work_done_progress_options: Default::default(),
            },
        )),
        ..ServerCapabilities::default()
    }
}

/// Serves one client over `connection` until it shuts the server down
/// (`shutdown`, then `exit`). An `exit` before `shutdown`, or a connection that
/// ends before it, is an error (the protocol's "exit code 1"; tiaoli's 2).
pub fn run(connection: Connection, embedded: &'static [Embedded]) -> Result<(), Error> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let mut server = Server {
        workspace: Workspace::new(embedded),
        config: Config::default(),
        folders: folders(&params),
        published: BTreeMap::new(),
        due: true,
        watch: params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        problem: None,
    };
    if let Some(opts) = &params.initialization_options {
        server.configure(&connection, opts);
    }
    server.set_roots();
    connection.initialize_finish(
        id,
        serde_json::json!({
            "capabilities": capabilities(),
            "serverInfo": { "name": "tiaoli", "version": env!("CARGO_PKG_VERSION") },
        }),
    )?;
    server.serve(&connection)
}

fn folders(params: &InitializeParams) -> Vec<PathBuf> {
    if let Some(f) = &params.workspace_folders {
        return f.iter().filter_map(|w| file_path(&w.uri)).collect();
    }
    #[allow(deprecated)]
    let root = params.root_uri.as_ref().and_then(file_path).or_else(|| {
        #[allow(deprecated)]
        params.root_path.as_ref().map(PathBuf::from)
    });
    root.into_iter().collect()
}

struct Server {
    workspace: Workspace,
    config: Config,
    folders: Vec<PathBuf>,
    /// What was last published, per URI.
    published: BTreeMap<String, (Uri, Vec<LspDiagnostic>)>,
    /// Whether diagnostics are to be published once the queue is empty.
    due: bool,
    /// Whether the client watches files for the server when asked.
    watch: bool,
    /// The last problem with the settings shown, so it is shown once.
    problem: Option<String>,
}

impl Server {
    fn serve(&mut self, connection: &Connection) -> Result<(), Error> {
        if self.due {
            self.publish(connection)?;
        }
        while let Ok(msg) = connection.receiver.recv() {
            match msg {
                Message::Request(req) => {
                    if connection.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    let resp = self.request(req);
                    connection.sender.send(resp.into())?;
                }
                Message::Notification(n) => {
                    if n.method == "exit" {
                        return Err(Error("编辑器未先请求 shutdown 就要求退出".to_string()));
                    }
                    let method = n.method.clone();
                    // A notification that cannot be read is reported, not fatal.
                    if let Err(e) = self.notification(connection, n) {
                        show(
                            connection,
                            MessageType::ERROR,
                            format!("tiaoli 语言服务器无法处理 {method}：{e}"),
                        );
                    }
                }
                Message::Response(_) => {}
            }
            if self.due && connection.receiver.is_empty() {
                self.publish(connection)?;
            }
        }
        Err(Error("与编辑器的连接在 shutdown 之前断开".to_string()))
    }

    fn set_roots(&mut self) {
        let roots = if self.config.paths.is_empty() {
            self.folders.clone()
        } else {
            self.folders
                .iter()
                .flat_map(|f| self.config.paths.iter().map(move |p| f.join(p)))
                .collect()
        };
        self.workspace.set_roots(roots);
        self.due = true;
    }

    fn configure(&mut self, connection: &Connection, settings: &Value) {
        match self.config.updated(settings) {
            Ok(c) => {
                let paths_changed = c.paths != self.config.paths;
                self.config = c;
                if paths_changed {
                    self.set_roots();
                }
                self.due = true;
            }
            Err(e) => show(
                connection,
                MessageType::WARNING,
                format!("tiaoli 设置有误，未采用：{e}"),
            ),
        }
    }

    fn publish(&mut self, connection: &Connection) -> Result<(), Error> {
        self.due = false;
        let analysis = self.workspace.analysis();
        let (lists, problem) = diagnostics::collect(analysis, &self.config);
        if problem != self.problem {
            if let Some(p) = &problem {
                show(connection, MessageType::WARNING, p.clone());
            }
            self.problem = problem;
        }
        let now: BTreeMap<String, (Uri, Vec<LspDiagnostic>)> = lists
            .into_iter()
            .map(|(u, l)| (u.as_str().to_string(), (u, l)))
            .collect();
        // Files no longer in the workspace: their problems go too.
        for (k, (u, old)) in &self.published {
            if !now.contains_key(k) && !old.is_empty() {
                send_diagnostics(connection, &self.workspace, u.clone(), Vec::new())?;
            }
        }
        for (k, (u, list)) in &now {
            if self.published.get(k).map(|(_, l)| l) != Some(list) {
                send_diagnostics(connection, &self.workspace, u.clone(), list.clone())?;
            }
        }
        self.published = now;
        Ok(())
    }

    fn notification(&mut self, connection: &Connection, n: Notification) -> Result<(), Error> {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let p: ls_types::DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                let d = p.text_document;
                self.workspace.open(d.uri, d.text, d.version);
                self.due = true;
            }
            DidChangeTextDocument::METHOD => {
                let p: ls_types::DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                let uri = p.text_document.uri;
                let Some(doc) = self.workspace.document(&uri) else {
                    return Ok(());
                };
                let mut text = doc.text.clone();
                for c in p.content_changes {
                    match c.range {
                        None => text = c.text,
                        Some(r) => {
                            let Some(lines) = Lines::new(&text) else {
                                continue;
                            };
                            let span = lines.span(r);
                            text.replace_range(span.start..span.end, &c.text);
                        }
                    }
                }
                self.workspace.set_text(&uri, text, p.text_document.version);
                self.due = true;
            }
            DidCloseTextDocument::METHOD => {
                let p: ls_types::DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                self.workspace.close(&p.text_document.uri);
                self.due = true;
            }
            DidChangeWatchedFiles::METHOD => {
                let p: ls_types::DidChangeWatchedFilesParams = serde_json::from_value(n.params)?;
                for c in p.changes {
                    if let Some(path) = file_path(&c.uri) {
                        self.workspace.file_changed(&path);
                    }
                }
                self.due = true;
            }
            DidChangeConfiguration::METHOD => {
                let p: ls_types::DidChangeConfigurationParams = serde_json::from_value(n.params)?;
                self.configure(connection, &p.settings);
            }
            Initialized::METHOD if self.watch => {
                let params = RegistrationParams {
                    registrations: vec![Registration {
                        id: "tiaoli-watch".to_string(),
                        method: DidChangeWatchedFiles::METHOD.to_string(),
                        register_options: Some(serde_json::json!({
                            "watchers": [{ "globPattern": "**/*.tiaoli" }]
                        })),
                    }],
                };
                connection.sender.send(
                    Request::new(
                        RequestId::from("tiaoli-watch".to_string()),
                        RegisterCapability::METHOD.to_string(),
                        params,
                    )
                    .into(),
                )?;
            }
            _ => {}
        }
        Ok(())
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        match self.answer(req) {
            Ok(v) => Response::new_ok(id, v),
            Err((code, message)) => Response::new_err(id, code, message),
        }
    }

    fn answer(&mut self, req: Request) -> Result<Value, (i32, String)> {
        fn params<P: serde::de::DeserializeOwned>(v: Value) -> Result<P, (i32, String)> {
            serde_json::from_value(v).map_err(|e| (ErrorCode::InvalidParams as i32, e.to_string()))
        }
        fn json<T: serde::Serialize>(v: T) -> Result<Value, (i32, String)> {
            serde_json::to_value(v).map_err(|e| (ErrorCode::InternalError as i32, e.to_string()))
        }
        let a = self.workspace.analysis();
        match req.method.as_str() {
            HoverRequest::METHOD => {
                let p: ls_types::HoverParams = params(req.params)?;
                let at = &p.text_document_position_params;
                let Some((id, offset)) = locate(a, &at.text_document.uri, at.position) else {
                    return json(None::<Hover>);
                };
                let h = hover::hover(a, id, offset).and_then(|(text, span)| {
                    Some(Hover {
                        contents: HoverContents::Markup(MarkupContent {
                            kind: MarkupKind::Markdown,
                            value: text,
                        }),
                        range: Some(a.lines(id)?.range(span)),
                    })
                });
                json(h)
            }
            GotoDefinition::METHOD => {
                let p: ls_types::GotoDefinitionParams = params(req.params)?;
                let at = &p.text_document_position_params;
                let loc = locate(a, &at.text_document.uri, at.position)
                    .and_then(|(id, offset)| navigate::definition(a, id, offset));
                json(loc.map(GotoDefinitionResponse::Scalar))
            }
            References::METHOD => {
                let p: ls_types::ReferenceParams = params(req.params)?;
                let at = &p.text_document_position;
                let locs = locate(a, &at.text_document.uri, at.position)
                    .map(|(id, offset)| {
                        navigate::references(a, id, offset, p.context.include_declaration)
                    })
                    .unwrap_or_default();
                json(locs)
            }
            Completion::METHOD => {
                let p: ls_types::CompletionParams = params(req.params)?;
                let at = &p.text_document_position;
                let items = locate(a, &at.text_document.uri, at.position)
                    .map(|(id, offset)| {
                        completion::complete(a, id, a.compilation.sources.text(id), offset)
                    })
                    .unwrap_or_default();
                json(CompletionResponse::Array(items))
            }
            Formatting::METHOD => {
                let p: ls_types::DocumentFormattingParams = params(req.params)?;
                let Some(id) = a.source(&p.text_document.uri) else {
                    return json(None::<Vec<TextEdit>>);
                };
                format(a, id)
                    .map_err(|m| (REQUEST_FAILED, m))
                    .and_then(json)
            }
            DocumentSymbolRequest::METHOD => {
                let p: ls_types::DocumentSymbolParams = params(req.params)?;
                let outline = a
                    .source(&p.text_document.uri)
                    .and_then(|id| Some(symbols::outline(a.lines(id)?, a.file(id)?)));
                json(outline.map(DocumentSymbolResponse::Nested))
            }
            SemanticTokensFullRequest::METHOD => {
                let p: ls_types::SemanticTokensParams = params(req.params)?;
                let tokens = a
                    .source(&p.text_document.uri)
                    .map(|id| semantic::semantic_tokens(a, id, a.compilation.sources.text(id)));
                json(tokens.map(SemanticTokensResult::Tokens))
            }
            other => Err((
                ErrorCode::MethodNotFound as i32,
                format!("tiaoli 语言服务器不支持 {other}"),
            )),
        }
    }
}

fn locate(
    a: &crate::workspace::Analysis,
    uri: &Uri,
    pos: ls_types::Position,
) -> Option<(tiaoli_syntax::SourceId, usize)> {
    let id = a.source(uri)?;
    Some((id, a.lines(id)?.offset(pos)))
}

/// The whole document in canonical layout, as one edit (none when it already
/// is); an error when it does not parse, or — a defect — when the formatted
/// text would not parse again.
fn format(
    a: &crate::workspace::Analysis,
    id: tiaoli_syntax::SourceId,
) -> Result<Vec<TextEdit>, String> {
    let text = a.compilation.sources.text(id);
    let lines = a.lines(id).ok_or("文件过大，无法格式化")?;
    let file = match a.file(id) {
        Some(f) => f,
        None => {
            let at = a
                .compilation
                .diagnostics
                .iter()
                .find(|d| d.source == id && d.code == "syntax")
                .map(|d| lines.position(d.span.start));
            return Err(match at {
                Some(p) => format!(
                    "无法格式化：第 {} 行第 {} 列有语法错误",
                    p.line + 1,
                    p.character + 1
                ),
                None => "无法格式化：文件有语法错误".to_string(),
            });
        }
    };
    let out = tiaoli_syntax::format::format_file(file, text);
    if tiaoli_syntax::parse(id, &out).is_err() {
        return Err("内部错误：格式化后的文本不能解析，文件未改动；请报告此问题".to_string());
    }
    if out == text {
        return Ok(Vec::new());
    }
    Ok(vec![TextEdit::new(
        ls_types::Range::new(ls_types::Position::new(0, 0), lines.end()),
        out,
    )])
}

fn send_diagnostics(
    connection: &Connection,
    ws: &Workspace,
    uri: Uri,
    diagnostics: Vec<LspDiagnostic>,
) -> Result<(), Error> {
    let version = ws.document(&uri).map(|d| d.version);
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    connection
        .sender
        .send(Notification::new(PublishDiagnostics::METHOD.to_string(), params).into())?;
    Ok(())
}

fn show(connection: &Connection, typ: MessageType, message: String) {
    let _ = connection.sender.send(
        Notification::new(
            ShowMessage::METHOD.to_string(),
            ShowMessageParams { typ, message },
        )
        .into(),
    );
}
