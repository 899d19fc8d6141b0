//! Reading a facts file: YAML, JSON or JSON Lines text → JSON values, with the
//! line and column of every node, so that every problem found later names its
//! place (docs/facts-and-results.md, "Errors").
//!
//! YAML is read with yaml-rust2's event parser (maintained; serde_yaml, archived,
//! keeps no positions past a syntax error). The tree is built here, which is
//! where the rules of a facts file are enforced before any field is looked at:
//!
//! - a key given twice in one mapping is an error (the last silently won: a
//!   police bureau became a school);
//! - tags (`!!binary`), anchors and aliases (`&a`, `*a`) are not facts: a plain
//!   Chinese error instead of serde's jargon;
//! - nesting is bounded ([`MAX_DEPTH`]): 100,000 nested flow lists are one error,
//!   not 41 seconds of work;
//! - one document per file.
//!
//! JSON is checked by serde_json first (its syntax errors name the line and
//! column), then read by the same builder for positions and duplicate keys (a
//! JSON text is a YAML 1.2 flow document). JSON Lines are one JSON document per
//! line, each error naming one line of the file.

use std::collections::HashMap;

use serde_json::{Map, Number, Value};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// Mappings and lists nest at most this deep in a facts file (a unit is three
/// levels: units → unit → events → event).
pub const MAX_DEPTH: usize = 64;

/// A 1-based line and character column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A problem found while reading the text, at its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub pos: Option<Pos>,
    pub message: String,
}

/// The documents of a file and where each of their nodes stands. Paths are
/// JSON pointers prefixed by the document's index: `/0/units/3/events/0/date`.
#[derive(Debug, Default)]
pub struct Located {
    pub docs: Vec<Value>,
    /// What is wrong with a text that could be read all the same (a key given
    /// twice, a tag, an anchor, nesting past the bound): errors to report with
    /// every other problem of the file, not instead of them.
    pub problems: Vec<ReadError>,
    values: HashMap<String, Pos>,
    keys: HashMap<String, Pos>,
}

impl Located {
    /// The place of the node at `path`, or of its nearest ancestor that is in
    /// the file (a missing field is reported at the mapping that lacks it).
    /// With `key`, a mapping entry is placed at its key (an unknown field).
    pub fn find(&self, path: &str, key: bool) -> Option<Pos> {
        let mut p = path;
        loop {
            if key {
                if let Some(pos) = self.keys.get(p) {
                    return Some(*pos);
                }
            }
            if let Some(pos) = self.values.get(p) {
                return Some(*pos);
            }
            match p.rfind('/') {
                Some(i) => p = p.get(..i).unwrap_or(""),
                None => return None,
            }
        }
    }
}

/// A JSON-pointer segment (`~` and `/` escaped).
pub fn segment(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// A field as errors name it (`events[0].date`, `facts.考评等次`, `unit`) → the
/// JSON pointer below its unit (`/events/0/date`, `/facts/考评等次`, ``).
pub fn field_pointer(field: &str) -> String {
    if field == "unit" {
        return String::new();
    }
    let mut out = String::new();
    for part in field.split('.') {
        let (name, rest) = match part.find('[') {
            Some(i) => (part.get(..i).unwrap_or(part), part.get(i..).unwrap_or("")),
            None => (part, ""),
        };
        if !name.is_empty() {
            out.push('/');
            out.push_str(&segment(name));
        }
        for idx in rest.split(['[', ']']).filter(|x| !x.is_empty()) {
            out.push('/');
            out.push_str(idx);
        }
    }
    out
}

/// Reads a YAML text (one document).
pub fn yaml(text: &str) -> Result<Located, Vec<ReadError>> {
    let mut b = Builder::new(0, 0);
    let mut parser = Parser::new_from_str(text);
    if let Err(e) = parser.load(&mut b, true) {
        let m = e.marker();
        return Err(vec![ReadError {
            pos: Some(Pos {
                line: m.line(),
                column: m.col() + 1,
            }),
            message: if e.info().contains("recursion limit") {
                format!("嵌套过深：列表与映射最多嵌套 {MAX_DEPTH} 层")
            } else {
                format!("不是有效的 YAML：{}", e.info())
            },
        }]);
    }
    b.finish(true)
}

/// Reads a JSON text (one document).
pub fn json(text: &str) -> Result<Located, Vec<ReadError>> {
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        return Err(vec![json_error(&e, 0)]);
    }
    flow(text, 0, 0)
}

/// Reads JSON Lines: one JSON document per non-empty line.
pub fn json_lines(text: &str) -> Result<Located, Vec<ReadError>> {
    let mut out = Located::default();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(line) {
            errors.push(json_error(&e, i));
            continue;
        }
        match flow(line, out.docs.len(), i) {
            Ok(one) => {
                out.values.extend(one.values);
                out.keys.extend(one.keys);
                out.docs.extend(one.docs);
                out.problems.extend(one.problems);
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// serde_json's message without its own " at line L column C": the position is
/// given once, as the file's line (a JSON Lines line is line 1 to serde_json).
fn json_error(e: &serde_json::Error, line_offset: usize) -> ReadError {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full.get(..i).unwrap_or(&full).to_string(),
        None => full,
    };
    ReadError {
        pos: Some(Pos {
            line: e.line() + line_offset,
            column: e.column(),
        }),
        message: if message.contains("recursion limit") {
            format!("嵌套过深：列表与映射最多嵌套 {MAX_DEPTH} 层")
        } else {
            format!("不是有效的 JSON：{message}")
        },
    }
}

/// A JSON document through the YAML builder (positions, duplicate keys). JSON
/// that serde_json accepted and yaml-rust2 does not (it should not happen) is
/// taken from serde_json, without positions.
fn flow(text: &str, doc: usize, line_offset: usize) -> Result<Located, Vec<ReadError>> {
    let mut b = Builder::new(doc, line_offset);
    let mut parser = Parser::new_from_str(text);
    if parser.load(&mut b, true).is_ok() {
        return b.finish(false);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| vec![json_error(&e, line_offset)])?;
    Ok(Located {
        docs: vec![value],
        ..Located::default()
    })
}

enum Frame {
    Seq {
        path: String,
        items: Vec<Value>,
    },
    Map {
        path: String,
        entries: Map<String, Value>,
        key: Option<String>,
        seen: HashMap<String, Pos>,
    },
}

/// Builds JSON values from parser events, recording positions and errors.
struct Builder {
    doc: usize,
    line_offset: usize,
    stack: Vec<Frame>,
    docs: Vec<Value>,
    documents: usize,
    /// Levels opened past MAX_DEPTH, not built.
    skipped: usize,
    located: Located,
    errors: Vec<ReadError>,
}

impl Builder {
    fn new(doc: usize, line_offset: usize) -> Builder {
        Builder {
            doc,
            line_offset,
            stack: Vec::new(),
            docs: Vec::new(),
            documents: 0,
            skipped: 0,
            located: Located::default(),
            errors: Vec::new(),
        }
    }

    fn pos(&self, m: Marker) -> Pos {
        Pos {
            line: m.line() + self.line_offset,
            column: m.col() + 1,
        }
    }

    fn error(&mut self, m: Marker, message: String) {
        if self.errors.len() < 100 {
            let pos = Some(self.pos(m));
            self.errors.push(ReadError { pos, message });
        }
    }

    /// The path of the next value, in the innermost collection.
    fn next_path(&self) -> Option<String> {
        match self.stack.last() {
            None => Some(format!("/{}", self.doc + self.docs.len())),
            Some(Frame::Seq { path, items }) => Some(format!("{path}/{}", items.len())),
            Some(Frame::Map { path, key, .. }) => {
                key.as_ref().map(|k| format!("{path}/{}", segment(k)))
            }
        }
    }

    /// Puts a finished value where it belongs.
    fn place(&mut self, v: Value) {
        match self.stack.last_mut() {
            None => self.docs.push(v),
            Some(Frame::Seq { items, .. }) => items.push(v),
            Some(Frame::Map { entries, key, .. }) => {
                if let Some(k) = key.take() {
                    entries.insert(k, v);
                }
            }
        }
    }

    /// In a mapping with no key pending, a scalar is the next key.
    fn expecting_key(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Map { key: None, .. }))
    }

    fn check_tag_and_anchor(
        &mut self,
        anchor: usize,
        tag: Option<&yaml_rust2::parser::Tag>,
        m: Marker,
    ) {
        if let Some(t) = tag {
            self.error(
                m,
                format!(
                    "不支持 YAML 标签“{}{}”：事实文件只写文字、数字、是/否、日期、列表和映射",
                    if t.handle == "tag:yaml.org,2002:" {
                        "!!"
                    } else {
                        &t.handle
                    },
                    t.suffix
                ),
            );
        }
        if anchor != 0 {
            self.error(m, "不支持 YAML 锚点（&）：请把内容直接写出".into());
        }
    }

    fn open(&mut self, m: Marker, map: bool) {
        if self.skipped > 0 || self.stack.len() >= MAX_DEPTH {
            if self.skipped == 0 {
                self.error(m, format!("嵌套过深：列表与映射最多嵌套 {MAX_DEPTH} 层"));
            }
            self.skipped += 1;
            return;
        }
        if self.expecting_key() {
            self.error(m, "映射的键必须是文字，不能是列表或映射".into());
        }
        let path = self.next_path().unwrap_or_default();
        let pos = self.pos(m);
        self.located.values.insert(path.clone(), pos);
        self.stack.push(if map {
            Frame::Map {
                path,
                entries: Map::new(),
                key: None,
                seen: HashMap::new(),
            }
        } else {
            Frame::Seq {
                path,
                items: Vec::new(),
            }
        });
    }

    fn close(&mut self) {
        if self.skipped > 0 {
            self.skipped -= 1;
            return;
        }
        let v = match self.stack.pop() {
            Some(Frame::Seq { items, .. }) => Value::Array(items),
            Some(Frame::Map { entries, .. }) => Value::Object(entries),
            None => return,
        };
        // A collection used as a key was reported; drop it.
        if self.expecting_key() {
            return;
        }
        self.place(v);
    }

    fn scalar(&mut self, s: String, style: TScalarStyle, m: Marker) {
        if self.skipped > 0 {
            return;
        }
        let pos = self.pos(m);
        if let Some(Frame::Map {
            path, key, seen, ..
        }) = self.stack.last_mut()
        {
            if key.is_none() {
                let k = s;
                let kpath = format!("{path}/{}", segment(&k));
                if seen.is_empty() {
                    // A mapping stands where its first key does.
                    self.located.values.insert(path.clone(), pos);
                }
                if let Some(first) = seen.get(&k).copied() {
                    let msg = format!(
                        "键“{k}”重复：第 {} 行第 {} 列已经写过；同一映射中每个键只能出现一次",
                        first.line, first.column
                    );
                    self.error(m, msg);
                } else {
                    seen.insert(k.clone(), pos);
                }
                self.located.keys.insert(kpath, pos);
                if let Some(Frame::Map { key, .. }) = self.stack.last_mut() {
                    *key = Some(k);
                }
                return;
            }
        }
        let path = self.next_path().unwrap_or_default();
        self.located.values.insert(path, pos);
        let v = if style == TScalarStyle::Plain {
            plain(&s)
        } else {
            Value::String(s)
        };
        self.place(v);
    }

    fn finish(mut self, yaml: bool) -> Result<Located, Vec<ReadError>> {
        if yaml && self.documents > 1 {
            self.errors.push(ReadError {
                pos: None,
                message: "一个事实文件只能有一个 YAML 文档（不要用 --- 分隔多个文档）".into(),
            });
            self.docs.truncate(1);
        }
        let mut located = self.located;
        located.problems = self.errors;
        located.docs = if self.docs.is_empty() {
            vec![Value::Null]
        } else {
            self.docs
        };
        Ok(located)
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, m: Marker) {
        match ev {
            Event::DocumentStart => self.documents += 1,
            Event::Alias(_) => {
                if self.skipped == 0 {
                    self.error(m, "不支持 YAML 别名（*）：请把内容直接写出".into());
                    // Keep the shape: an alias stands for a value (or a key).
                    self.scalar(String::new(), TScalarStyle::SingleQuoted, m);
                }
            }
            Event::Scalar(s, style, anchor, tag) => {
                self.check_tag_and_anchor(anchor, tag.as_ref(), m);
                self.scalar(s, style, m);
            }
            Event::SequenceStart(anchor, tag) => {
                self.check_tag_and_anchor(anchor, tag.as_ref(), m);
                self.open(m, false);
            }
            Event::MappingStart(anchor, tag) => {
                self.check_tag_and_anchor(anchor, tag.as_ref(), m);
                self.open(m, true);
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(),
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
        }
    }
}

/// A plain scalar by the YAML 1.2 core schema: null, true/false, integers and
/// decimals; everything else (dates included) is text.
fn plain(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    let numeric = !digits.is_empty()
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
        && digits
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() || b == b'.');
    if numeric {
        if let Ok(i) = s.parse::<i64>() {
            return Value::Number(i.into());
        }
        if let Some(n) = s.parse::<f64>().ok().and_then(Number::from_f64) {
            return Value::Number(n);
        }
    }
    Value::String(s.to_string())
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn values_and_their_places() {
        let text = "as_of: 2025-03-01\nunits:\n  - id: 甲\n    kind: 公安部门\n    n: 3\n    ok: true\n    q: \"3\"\n";
        let l = yaml(text).unwrap();
        assert_eq!(
            l.docs[0],
            serde_json::json!({"as_of": "2025-03-01", "units": [{"id": "甲", "kind": "公安部门", "n": 3, "ok": true, "q": "3"}]})
        );
        assert_eq!(
            l.find("/0/units/0/kind", false),
            Some(Pos {
                line: 4,
                column: 11
            })
        );
        assert_eq!(
            l.find("/0/units/0/kind", true),
            Some(Pos { line: 4, column: 5 })
        );
        // A missing field is placed at the mapping that lacks it.
        assert_eq!(
            l.find("/0/units/0/level", false),
            Some(Pos { line: 3, column: 5 })
        );
    }

    #[test]
    fn duplicate_keys_tags_anchors_and_depth_are_errors() {
        let problems = |t: &str| yaml(t).map(|l| l.problems).unwrap_or_else(|e| e);
        let e = problems("kind: 公安部门\nkind: 学校\n");
        assert_eq!(e[0].pos, Some(Pos { line: 2, column: 1 }));
        assert!(
            e[0].message.contains("键“kind”重复：第 1 行第 1 列"),
            "{e:?}"
        );
        let e = problems("a: !!binary aGVsbG8=\n");
        assert!(e[0].message.contains("不支持 YAML 标签“!!binary”"), "{e:?}");
        let e = problems("a: &x 1\nb: *x\n");
        assert!(e.iter().any(|e| e.message.contains("锚点")), "{e:?}");
        assert!(e.iter().any(|e| e.message.contains("别名")), "{e:?}");
        let deep = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let e = problems(&deep);
        assert!(e[0].message.contains("嵌套过深"), "{e:?}");
        let e = problems("a: 1\n---\na: 2\n");
        assert!(e[0].message.contains("一个 YAML 文档"), "{e:?}");
    }

    #[test]
    fn json_duplicates_and_json_lines_name_one_line() {
        let e = json("{\"kind\": \"公安部门\",\n \"kind\": \"学校\"}")
            .unwrap()
            .problems;
        assert!(e[0].message.contains("键“kind”重复"), "{e:?}");
        assert_eq!(e[0].pos.map(|p| p.line), Some(2));
        let l = json("{\"a\":1,\"b\":[true,null,\"x\"]}").unwrap();
        assert_eq!(
            l.docs[0],
            serde_json::json!({"a": 1, "b": [true, null, "x"]})
        );
        let e = json_lines("{\"id\": \"a\"}\n\n{\"id\": }\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].pos.map(|p| p.line), Some(3));
        assert!(!e[0].message.contains("at line"), "{e:?}");
        let l = json_lines("{\"id\": \"a\"}\n{\"id\": \"b\",\n").unwrap_err();
        assert_eq!(l[0].pos.map(|p| p.line), Some(2));
        let l = json_lines("{\"id\": \"a\"}\n\n{\"id\": \"b\", \"kind\": \"x\"}\n").unwrap();
        assert_eq!(l.docs.len(), 2);
        assert_eq!(l.find("/1/kind", false).map(|p| p.line), Some(3));
    }

    #[test]
    fn fields_become_pointers() {
        assert_eq!(field_pointer("events[0].date"), "/events/0/date");
        assert_eq!(field_pointer("facts.考评等次"), "/facts/考评等次");
        assert_eq!(field_pointer("roles[1]"), "/roles/1");
        assert_eq!(field_pointer("unit"), "");
        assert_eq!(field_pointer("kind"), "/kind");
    }

    #[test]
    fn plain_scalars_follow_the_core_schema() {
        assert_eq!(plain("12"), serde_json::json!(12));
        assert_eq!(plain("-1.5"), serde_json::json!(-1.5));
        assert_eq!(plain("2025-03-01"), serde_json::json!("2025-03-01"));
        assert_eq!(plain("yes"), serde_json::json!("yes"));
        assert_eq!(plain("~"), Value::Null);
        assert_eq!(plain("1e3"), serde_json::json!(1000.0));
        assert_eq!(plain(".5"), serde_json::json!(0.5));
        assert_eq!(plain("+-"), serde_json::json!("+-"));
    }
}
