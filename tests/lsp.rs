//! `tiaoli lsp`, driven as an editor drives it: the real binary over stdin and
//! stdout, JSON-RPC messages with Content-Length headers. Positions are UTF-16
//! code units, as the protocol counts them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

use common::root;

/// A guard against a server that stops answering: the test fails, it does not hang.
const PATIENCE: Duration = Duration::from_secs(60);

struct Lsp {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications received while waiting for something else.
    pending: VecDeque<Value>,
    next_id: i64,
}

fn uri(p: &Path) -> String {
    // Test paths are ASCII apart from what the tests choose; encode the rest.
    let mut s = String::from("file://");
    for b in p.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

impl Lsp {
    fn start(folder: &Path, options: Value) -> Lsp {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tiaoli"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tiaoli lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("Content-Length")];
                r.read_exact(&mut body).expect("body");
                let v: Value = serde_json::from_slice(&body).expect("JSON");
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        let mut lsp = Lsp {
            child,
            stdin,
            incoming: rx,
            pending: VecDeque::new(),
            next_id: 1,
        };
        let init = lsp.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(folder),
                "workspaceFolders": [{ "uri": uri(folder), "name": "rules" }],
                "capabilities": {},
                "initializationOptions": options,
            }),
        );
        assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
        lsp.notify("initialized", json!({}));
        lsp
    }

    fn send(&mut self, v: Value) {
        let body = serde_json::to_vec(&v).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(&body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn next(&mut self) -> Value {
        self.incoming
            .recv_timeout(PATIENCE)
            .expect("the server did not answer in time")
    }

    /// Sends a request and returns the whole response (result or error).
    fn call(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let v = self.next();
            if v["id"] == json!(id) && v.get("method").is_none() {
                return v;
            }
            if v.get("method").is_some() && v.get("id").is_some() {
                // A request from the server (client/registerCapability): answer it.
                let rid = v["id"].clone();
                self.send(json!({ "jsonrpc": "2.0", "id": rid, "result": null }));
                continue;
            }
            self.pending.push_back(v);
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let v = self.call(method, params);
        assert!(v.get("error").is_none(), "{method}: {v}");
        v["result"].clone()
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        if let Some(i) = self.pending.iter().position(|v| is_diagnostics_for(v, uri)) {
            let v = self.pending.remove(i).unwrap();
            return v["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let v = self.next();
            if is_diagnostics_for(&v, uri) {
                return v["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.pending.push_back(v);
        }
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "tiaoli", "version": 1, "text": text } }),
        );
    }

    fn at(&mut self, method: &str, uri: &str, line: u32, character: u32) -> Value {
        self.request(
            method,
            json!({
                "textDocument": { "uri": uri },
                "position": { "line": line, "character": character },
                "context": if method == "textDocument/references" {
                    json!({ "includeDeclaration": true })
                } else {
                    json!({ "triggerKind": 1 })
                },
            }),
        )
    }

    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "tiaoli lsp exited with {status}");
    }
}

fn is_diagnostics_for(v: &Value, uri: &str) -> bool {
    v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == uri
}

/// A fresh directory for one test's workspace, removed when the test ends.
struct Folder(PathBuf);

impl std::ops::Deref for Folder {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn folder(name: &str) -> Folder {
    let d = std::env::temp_dir().join(format!("tiaoli-lsp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    Folder(d.canonicalize().unwrap())
}

/// The line and UTF-16 column of the first `needle` in `text` (its start, or
/// its end with `after`).
fn pos(text: &str, needle: &str, after: bool) -> (u32, u32) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in the text"));
    let at = if after { at + needle.len() } else { at };
    let before = &text[..at];
    let line = before.matches('\n').count() as u32;
    let col = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .encode_utf16()
        .count() as u32;
    (line, col)
}

const HEADER: &str = "条例 test {\n  标题 \"测试条例\"\n  辖区 测试市\n  级别 市\n  状态 草案\n}\n\n第一条 {\n  性质 宗旨\n  款 \"为了平安建设，制定本条例。\"\n}\n";

fn ordinance(norm_line: &str) -> String {
    format!(
        "{HEADER}\n第二条 {{\n  款 \"电信业务经营者应当向客户作出风险提示。\"\n{norm_line}\n}}\n"
    )
}

#[test]
fn an_error_is_placed_in_utf16_under_chinese_and_astral_text_and_cleared_when_fixed() {
    let dir = folder("diagnostics");
    let file = dir.join("测试.tiaoli");
    let u = uri(&file);
    let mut lsp = Lsp::start(&dir, json!({ "lint": "off" }));
    // 𠀀 (U+20000) is two UTF-16 units, 规范 and 主体 one each.
    let wrong = ordinance("  规范 𠀀甲 { 主体 公按部门 应当 向客户作出风险提示 }");
    lsp.open(&u, &wrong);
    let diags = lsp.diagnostics(&u);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d["code"], "unknown-term");
    assert_eq!(d["severity"], 1);
    let (line, col) = pos(&wrong, "公按部门", false);
    assert_eq!(
        col, 14,
        "2 spaces, 规范, space, 𠀀 (2 units), 甲, space, {{, space, 主体, space"
    );
    assert_eq!(
        d["range"],
        json!({ "start": { "line": line, "character": 14 }, "end": { "line": line, "character": 18 } })
    );
    assert!(
        d["message"].as_str().unwrap().contains("公安部门"),
        "the did-you-mean: {d}"
    );

    // Fix it with an incremental edit of that range.
    lsp.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": u, "version": 2 },
            "contentChanges": [{ "range": d["range"], "text": "公安部门" }],
        }),
    );
    assert_eq!(lsp.diagnostics(&u), Vec::<Value>::new());
    lsp.shutdown();
}

#[test]
fn a_syntax_error_after_astral_text_and_lint_findings_as_hints() {
    let dir = folder("syntax");
    let file = dir.join("a.tiaoli");
    let u = uri(&file);
    let mut lsp = Lsp::start(&dir, json!({}));
    let broken = ordinance("  规范 𠀀甲 { 主体 公安部门 应该 向客户作出风险提示 }");
    lsp.open(&u, &broken);
    let diags = lsp.diagnostics(&u);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["code"], "syntax");
    let (line, col) = pos(&broken, "应该", false);
    assert_eq!(
        diags[0]["range"]["start"],
        json!({ "line": line, "character": col })
    );
    assert_eq!(col, 19);

    // Once it compiles, `tiaoli lint` runs: a duty with no consequence is a hint.
    let fixed = broken.replace("应该", "应当");
    lsp.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    let diags = lsp.diagnostics(&u);
    assert!(!diags.is_empty());
    assert!(
        diags
            .iter()
            .all(|d| d["severity"] == 4 && d["source"] == "tiaoli lint"),
        "{diags:#?}"
    );

    // Settings as VS Code sends them: lint as warnings, then off.
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "tiaoli": { "server": { "path": "tiaoli" }, "lint": "warning" } } }),
    );
    let warned = lsp.diagnostics(&u);
    assert_eq!(warned.len(), diags.len());
    assert!(warned.iter().all(|d| d["severity"] == 2), "{warned:#?}");
    lsp.notify(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "tiaoli": { "lint": "off" } } }),
    );
    assert_eq!(lsp.diagnostics(&u), Vec::<Value>::new());
    lsp.shutdown();
}

#[test]
fn hover_on_a_term_and_on_an_article_reference() {
    let rules = root().join("rules");
    let mut lsp = Lsp::start(&rules, json!({}));
    let file = rules.join("zhejiang.tiaoli");
    let u = uri(&file);
    let text = std::fs::read_to_string(&file).unwrap();
    lsp.open(&u, &text);

    // 符合 第五十七条 in 第五十八条: the article's text and its encoding.
    let (line, col) = pos(&text, "符合 第五十七条", false);
    let h = lsp.at("textDocument/hover", &u, line, col + 4);
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.starts_with("**第五十七条**（浙江省平安建设条例"), "{md}");
    assert!(md.contains("> 有关地区、部门和单位违反本条例规定"), "{md}");
    assert!(md.contains("后果 约谈通报 第一款 {"), "{md}");
    assert_eq!(
        h["range"]["start"],
        json!({ "line": line, "character": col + 3 })
    );
    assert_eq!(
        h["range"]["end"],
        json!({ "line": line, "character": col + 8 })
    );

    // A sanction: its kind, rank and the ladder; where it is declared.
    let (line, col) = pos(&text, "情形 逾期 挂牌督办", false);
    let h = lsp.at("textDocument/hover", &u, line, col + 7);
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.starts_with("**挂牌督办** · 处理方式"), "{md}");
    assert!(md.contains("等级 6（附期限）"), "{md}");
    assert!(md.contains(" < **挂牌督办**、挂牌整治（6） < "), "{md}");
    assert!(
        md.contains("声明于 `lexicon/sanctions.tiaoli` 第 18 行"),
        "{md}"
    );

    // An actor kind: its is-a chain and aliases.
    let (line, col) = pos(&text, "、公安部门、国家安全部门", false);
    let h = lsp.at("textDocument/hover", &u, line, col + 1);
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("属于：政府工作部门"), "{md}");
    assert!(md.contains("又称：公安机关、公安"), "{md}");
    lsp.shutdown();
}

#[test]
fn completion_after_subject_offers_actor_kinds_and_roles_not_sanctions() {
    let dir = folder("completion");
    let u = uri(&dir.join("c.tiaoli"));
    let mut lsp = Lsp::start(&dir, json!({}));
    let text = ordinance("  规范 甲 {\n    主体 \n  }");
    lsp.open(&u, &text);
    let (line, col) = pos(&text, "主体 ", true);
    let items = lsp.at("textDocument/completion", &u, line, col);
    let items = items.as_array().unwrap();
    let find = |label: &str| items.iter().find(|i| i["label"] == label);
    let actor = find("公安部门").expect("an actor kind");
    assert_eq!(actor["kind"], 7, "a class: {actor}");
    assert_eq!(actor["detail"], "主体类别");
    assert!(actor["documentation"]["value"]
        .as_str()
        .unwrap()
        .contains("属于：政府工作部门"));
    assert!(find("公安机关").is_some(), "aliases too");
    assert!(find("平安建设成员单位").is_some(), "roles too");
    assert!(find("本单位").is_some() && find("同级").is_some() && find("市").is_some());
    assert!(find("self_unit").is_some(), "ASCII spellings too");
    assert!(find("挂牌督办").is_none(), "a sanction is no subject");
    assert!(find("主体").is_none(), "主体 does not follow 主体");

    // After 处理: sanctions.
    let text = ordinance("  后果 乙 {\n    处理 \n  }");
    lsp.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 2 }, "contentChanges": [{ "text": text }] }),
    );
    let (line, col) = pos(&text, "处理 ", true);
    let items = lsp.at("textDocument/completion", &u, line, col);
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"挂牌督办") && labels.contains(&"可以"),
        "{labels:?}"
    );
    assert!(!labels.contains(&"公安部门"));
    lsp.shutdown();
}

#[test]
fn go_to_definition_and_references_across_files() {
    let dir = folder("definition");
    let lexicon = dir.join("词汇.tiaoli");
    let lex_text = "词汇 {\n  主体类别 测试主管部门 属于 政府工作部门 又称 主管局\n}\n";
    // A lexicon file of the workspace's own: the embedded one is not loaded, so
    // it must declare what the ordinance uses.
    let shipped: String = ["actors", "sanctions", "terms"]
        .iter()
        .map(|f| std::fs::read_to_string(root().join(format!("rules/lexicon/{f}.tiaoli"))).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&lexicon, format!("{shipped}\n{lex_text}")).unwrap();
    let ord = dir.join("条例.tiaoli");
    let text = ordinance("  规范 甲 { 主体 主管局 应当 向客户作出风险提示 }\n  规范 乙 { 主体 测试主管部门 应当 向客户作出风险提示 优先于 甲 }");
    std::fs::write(&ord, &text).unwrap();
    let mut lsp = Lsp::start(&dir, json!({ "lint": "off" }));
    let u = uri(&ord);
    lsp.open(&u, &text);
    assert_eq!(lsp.diagnostics(&u), Vec::<Value>::new());

    // An alias → the term's declaration in the other file.
    let (line, col) = pos(&text, "主管局", false);
    let def = lsp.at("textDocument/definition", &u, line, col + 1);
    assert_eq!(def["uri"], uri(&lexicon));
    let lex_full = std::fs::read_to_string(&lexicon).unwrap();
    let (dl, dc) = pos(&lex_full, "测试主管部门", false);
    assert_eq!(
        def["range"],
        json!({ "start": { "line": dl, "character": dc }, "end": { "line": dl, "character": dc + 6 } })
    );

    // A norm reference → the norm.
    let (line, col) = pos(&text, "优先于 甲", true);
    let def = lsp.at("textDocument/definition", &u, line, col - 1);
    let (nl, nc) = pos(&text, "规范 甲", true);
    assert_eq!(def["uri"], u);
    assert_eq!(
        def["range"]["start"],
        json!({ "line": nl, "character": nc - 1 })
    );

    // References of the term: both uses (through the alias) and the declaration.
    let (line, col) = pos(&text, "主管局", false);
    let refs = lsp.at("textDocument/references", &u, line, col + 1);
    let refs = refs.as_array().unwrap();
    let in_ord = refs.iter().filter(|r| r["uri"] == u).count();
    let in_lex = refs.iter().filter(|r| r["uri"] == uri(&lexicon)).count();
    assert_eq!(
        (in_ord, in_lex),
        (2, 2),
        "the uses, the term and its alias: {refs:#?}"
    );
    lsp.shutdown();
}

#[test]
fn definition_in_the_embedded_lexicon_opens_a_copy_of_it() {
    let dir = folder("embedded");
    let u = uri(&dir.join("e.tiaoli"));
    let mut lsp = Lsp::start(&dir, json!({ "lint": "off" }));
    let text = ordinance("  规范 甲 { 主体 公安部门 应当 向客户作出风险提示 }");
    lsp.open(&u, &text);
    assert_eq!(lsp.diagnostics(&u), Vec::<Value>::new());
    let (line, col) = pos(&text, "公安部门", false);
    let def = lsp.at("textDocument/definition", &u, line, col);
    let target = def["uri"].as_str().unwrap();
    assert!(target.ends_with("/rules/lexicon/actors.tiaoli"), "{target}");
    let path = target.strip_prefix("file://").unwrap();
    assert_eq!(
        std::fs::read_to_string(path).unwrap(),
        std::fs::read_to_string(root().join("rules/lexicon/actors.tiaoli")).unwrap()
    );
    // The line (0-based) that declares it in the shipped lexicon.
    let declared = std::fs::read_to_string(root().join("rules/lexicon/actors.tiaoli"))
        .unwrap()
        .lines()
        .position(|l| l.trim_start().starts_with("主体类别 公安部门 "))
        .unwrap();
    assert_eq!(def["range"]["start"]["line"], declared);
    lsp.shutdown();
}

#[test]
fn formatting_is_the_formatters_and_a_broken_file_is_refused() {
    let dir = folder("format");
    let u = uri(&dir.join("f.tiaoli"));
    let mut lsp = Lsp::start(&dir, json!({ "lint": "off" }));
    let text =
        ordinance("  norm 甲 { subject 公安部门 SHALL 向客户作出风险提示 deadline promptly }");
    lsp.open(&u, &text);
    let edits = lsp.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": u }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let edits = edits.as_array().unwrap();
    assert_eq!(edits.len(), 1);
    let new_text = edits[0]["newText"].as_str().unwrap();
    assert!(
        new_text.contains(
            "  规范 甲 {\n    主体 公安部门\n    应当 向客户作出风险提示\n    期限 及时\n  }"
        ),
        "{new_text}"
    );
    let file = tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &text).unwrap();
    assert_eq!(new_text, tiaoli_syntax::format::format_file(&file, &text));
    assert_eq!(
        edits[0]["range"]["start"],
        json!({ "line": 0, "character": 0 })
    );

    lsp.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 2 }, "contentChanges": [{ "text": "第一条 {" }] }),
    );
    let refused = lsp.call(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": u }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let msg = refused["error"]["message"].as_str().unwrap();
    assert!(msg.starts_with("无法格式化：第 1 行"), "{msg}");
    lsp.shutdown();
}

#[test]
fn outline_and_semantic_tokens() {
    let rules = root().join("rules");
    let mut lsp = Lsp::start(&rules, json!({ "lint": "off" }));
    let file = rules.join("haidong.tiaoli");
    let u = uri(&file);
    let text = std::fs::read_to_string(&file).unwrap();
    lsp.open(&u, &text);
    let symbols = lsp.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": u } }),
    );
    let symbols = symbols.as_array().unwrap();
    assert_eq!(symbols[0]["name"], "条例 haidong");
    let chapters: Vec<&Value> = symbols.iter().filter(|s| s["kind"] == 3).collect();
    assert!(chapters.len() >= 6, "{symbols:#?}");
    let articles: usize = chapters
        .iter()
        .map(|c| {
            c["children"]
                .as_array()
                .map_or(0, |v| v.iter().filter(|a| a["kind"] == 5).count())
        })
        .sum();
    assert_eq!(articles, 51, "every article under its chapter");

    let tokens = lsp.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": u } }),
    );
    let data = tokens["data"].as_array().unwrap();
    assert!(data.len() > 1000 && data.len() % 5 == 0);
    lsp.shutdown();
}

#[test]
fn completion_of_a_facts_values_and_of_the_files_norms() {
    let dir = folder("values");
    let u = uri(&dir.join("v.tiaoli"));
    let mut lsp = Lsp::start(&dir, json!({ "lint": "off" }));
    let valid = ordinance(
        "  规范 甲 { 主体 公安部门 应当 向客户作出风险提示 }\n  后果 乙 {\n    情形 违反 甲 且 平安建设考评等次 = 一般\n    处理 通报\n  }",
    );
    lsp.open(&u, &valid);
    assert_eq!(lsp.diagnostics(&u), Vec::<Value>::new());
    // The encoder deletes the value to choose another: the file does not parse
    // while they do.
    let text = valid.replace("= 一般", "= ");
    lsp.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": u, "version": 2 }, "contentChanges": [{ "text": text }] }),
    );
    let labels = |items: Value| -> Vec<String> {
        items
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect()
    };
    let (line, col) = pos(&text, "考评等次 = ", true);
    let values = labels(lsp.at("textDocument/completion", &u, line, col));
    assert_eq!(&values[..4], ["优秀", "良好", "一般", "较差"], "{values:?}");
    let (line, col) = pos(&text, "违反 ", true);
    let norms = labels(lsp.at("textDocument/completion", &u, line, col));
    assert!(norms.contains(&"甲".to_string()), "{norms:?}");
    assert!(
        norms.contains(&"本条例".to_string()),
        "违反 本条例: {norms:?}"
    );
    assert!(!norms.contains(&"公安部门".to_string()));
    lsp.shutdown();
}

#[test]
fn a_file_changed_on_disk_is_read_again() {
    let dir = folder("watch");
    let ord = dir.join("a.tiaoli");
    let text = ordinance("  规范 甲 { 主体 新设机构 应当 向客户作出风险提示 }");
    std::fs::write(&ord, &text).unwrap();
    let mut lsp = Lsp::start(&dir, json!({ "lint": "off" }));
    let u = uri(&ord);
    lsp.open(&u, &text);
    let diags = lsp.diagnostics(&u);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["code"], "unknown-term");

    // Another ordinance of the folder declares the term in its own vocabulary.
    let other = dir.join("b.tiaoli");
    std::fs::write(
        &other,
        "条例 other {\n  标题 \"另一条例\"\n  辖区 测试市\n  级别 市\n  状态 草案\n}\n\n词汇 {\n  主体类别 新设机构 属于 国家机关\n}\n\n第一条 {\n  性质 宗旨\n  款 \"为了平安建设，制定本条例。\"\n}\n",
    )
    .unwrap();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&other), "type": 1 }] }),
    );
    assert_eq!(lsp.diagnostics(&u), Vec::<Value>::new());

    // And removed again: the term is unknown once more.
    std::fs::remove_file(&other).unwrap();
    lsp.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&other), "type": 3 }] }),
    );
    assert_eq!(lsp.diagnostics(&u).len(), 1);
    lsp.shutdown();
}

#[test]
fn a_malformed_notification_is_reported_and_the_server_goes_on() {
    let dir = folder("malformed");
    let mut lsp = Lsp::start(&dir, json!({}));
    lsp.notify("textDocument/didOpen", json!({ "textDocument": 42 }));
    let shown = loop {
        let v = lsp.next();
        if v["method"] == "window/showMessage" {
            break v;
        }
    };
    assert!(shown["params"]["message"]
        .as_str()
        .unwrap()
        .starts_with("tiaoli 语言服务器无法处理 textDocument/didOpen"));
    let bad = lsp.call("textDocument/hover", json!({ "nonsense": true }));
    assert_eq!(bad["error"]["code"], -32602);
    lsp.shutdown();
}

#[test]
fn hover_on_a_norm_reference_quotes_its_provision_and_shows_its_block() {
    let rules = root().join("rules");
    let mut lsp = Lsp::start(&rules, json!({ "lint": "off" }));
    let file = rules.join("mianyang.tiaoli");
    let u = uri(&file);
    let text = std::fs::read_to_string(&file).unwrap();
    lsp.open(&u, &text);
    let (line, col) = pos(&text, "优先于 委托出庭", true);
    let h = lsp.at("textDocument/hover", &u, line, col - 1);
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.starts_with("**规范 委托出庭** · 第四十三条"), "{md}");
    assert!(
        md.contains("> 对于行政诉讼案件，被诉行政机关负责人应当出庭应诉。"),
        "{md}"
    );
    assert!(
        md.contains("```tiaoli\n规范 委托出庭 {\n  主体 人民政府、政府工作部门\n"),
        "dedented to the block: {md}"
    );
    // Go to definition lands on the declaration; references find both uses.
    let def = lsp.at("textDocument/definition", &u, line, col - 1);
    let (dl, dc) = pos(&text, "规范 委托出庭", true);
    assert_eq!(def["range"]["end"], json!({ "line": dl, "character": dc }));
    let refs = lsp.at("textDocument/references", &u, line, col - 1);
    assert_eq!(
        refs.as_array().unwrap().len(),
        3,
        "the declaration and two 优先于: {refs}"
    );
    lsp.shutdown();
}

#[test]
fn a_connection_that_ends_before_shutdown_exits_2() {
    let dir = folder("eof");
    let mut lsp = Lsp::start(&dir, json!({}));
    lsp.notify("exit", Value::Null);
    drop(lsp.stdin);
    let status = lsp.child.wait().unwrap();
    assert_eq!(status.code(), Some(2));
}
