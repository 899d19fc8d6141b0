//! JSON Lines, one unit at a time: a line of facts in, one compact record out,
//! with nothing kept from one line to the next but the counts that make the exit
//! code (`tiaoli eval --format jsonl`, docs/cli.md).
//!
//! A line is read by serde_json into a [`Json`] value, its strings borrowed from
//! the line (keys given twice are an error, as in every facts file; nesting is
//! bounded by [`crate::located::MAX_DEPTH`]),
//! validated by the facts loader's own unit reader, evaluated, and written as the
//! same object as one element of `units` in `--format json` — the provisions by
//! reference (`eid`, `cite`) unless texts are asked for. Records carry nothing
//! that depends on the line's position, so the records of shards of a file,
//! concatenated, are the records of the whole file.
//!
//! What a stream does not check, since it keeps nothing per unit: that ids are
//! unique across lines.

use crate::date::Date;
use crate::eval::{Options, Status};
use crate::facts::json::{Json, Object, DUPLICATE_KEY};
use crate::facts::{FactsError, Names};
use crate::located::MAX_DEPTH;
use crate::plan::Engine;
use crate::record::Records;
use crate::report::Texts;

/// What a line was.
#[derive(Debug, PartialEq)]
pub enum Line {
    /// Empty or blank: skipped.
    Blank,
    /// `{"as_of": "YYYY-MM-DD"}`: the evaluation date, for the units after it.
    AsOf(Date),
    /// A unit, evaluated: its record (one line of JSON, with its newline) was
    /// appended to the output.
    Unit(Counts),
    /// A unit, and no evaluation date known: nothing written.
    NoDate,
    /// Nothing written: every problem of the line.
    Bad(Vec<FactsError>),
}

/// How many results of each status deciding the exit code a unit (or a stream) had.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub units: usize,
    pub violated: usize,
    pub triggered: usize,
    pub unknown: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.units += o.units;
        self.violated += o.violated;
        self.triggered += o.triggered;
        self.unknown += o.unknown;
    }

    /// As [`crate::Report::exit_code`]: 1 a violation or a triggered
    /// consequence, 3 undetermined, else 0.
    pub fn exit_code(&self) -> u8 {
        if self.violated + self.triggered > 0 {
            1
        } else if self.unknown > 0 {
            3
        } else {
            0
        }
    }
}

/// Evaluates JSON Lines against one engine. Built once per stream (the name
/// index); [`Stream::line`] may be called from several threads at once.
pub struct Stream<'e> {
    engine: &'e Engine,
    names: Names<'e>,
    records: Records,
}

impl<'e> Stream<'e> {
    pub fn new(engine: &'e Engine, texts: Texts) -> Self {
        Stream {
            engine,
            names: Names::new(&engine.graph.lexicon, &engine.regions),
            records: Records::new(engine, texts),
        }
    }

    /// Records with only the results of these statuses (`eval --status`);
    /// the counts, and so the exit code, are still of every result.
    pub fn keeping(self, statuses: Vec<Status>) -> Self {
        Stream {
            records: self.records.keeping(statuses),
            ..self
        }
    }

    /// One line (`number` is its 1-based line in the input, for a unit without
    /// an id). `opts` is None when no evaluation date is known yet: a unit line
    /// is then [`Line::NoDate`]. A unit's record is appended to `out` only when the whole
    /// line is valid and serialised: `out` is as it was otherwise.
    pub fn line(
        &self,
        text: &str,
        number: usize,
        opts: Option<Options>,
        out: &mut Vec<u8>,
    ) -> Line {
        let text = if number == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        if text.trim().is_empty() {
            return Line::Blank;
        }
        let value = match read_strict(text) {
            Ok(v) => v,
            Err(message) => return bad("", message, None),
        };
        let Json::Object(map) = &value else {
            return bad(
                "",
                "应为一个映射：每行一个单位（或首行 {\"as_of\": \"YYYY-MM-DD\"}）".into(),
                None,
            );
        };
        if !map.contains_key("id") && !map.contains_key("kind") {
            return header(map);
        }
        let Some(opts) = opts else {
            return Line::NoDate;
        };
        let mut errors = Vec::new();
        let unit = crate::facts::unit(number.saturating_sub(1), &value, &self.names, &mut errors);
        let unit = match unit {
            Some(u) if errors.is_empty() => u,
            _ => return Line::Bad(errors),
        };
        let ev = self.engine.evaluate(&unit, opts);
        let [violated, triggered, unknown] = self.records.write(self.engine, &ev, out);
        out.push(b'\n');
        Line::Unit(Counts {
            units: 1,
            violated,
            triggered,
            unknown,
        })
    }
}

fn bad(field: &str, message: String, help: Option<String>) -> Line {
    Line::Bad(vec![FactsError {
        field: field.into(),
        message,
        help,
        ..Default::default()
    }])
}

/// A line without `id` or `kind`: only `{"as_of": …}` is one.
fn header(map: &Object<'_>) -> Line {
    for k in map.keys() {
        if k != "as_of" {
            return bad(
                k,
                format!("未知字段“{k}”"),
                Some("每行是一个单位（id、kind …），或首行 {\"as_of\": \"YYYY-MM-DD\"}".into()),
            );
        }
    }
    match map.get("as_of") {
        Some(v) => match v.as_str().and_then(Date::parse) {
            Some(d) => Line::AsOf(d),
            None => bad(
                "as_of",
                format!("{v} 不是日期"),
                Some("评估日期写作 YYYY-MM-DD".into()),
            ),
        },
        None => bad("", "空映射：每行是一个单位（id、kind …）".into(), None),
    }
}

/// A JSON text as a value ([`crate::facts::json::read`]: a key given twice in
/// one mapping and nesting deeper than [`MAX_DEPTH`] refused); serde_json's
/// message without its own "at line 1 column C" (the caller names the line).
pub(crate) fn read_strict(text: &str) -> Result<Json<'_>, String> {
    crate::facts::json::read(text).map_err(|e| {
        let full = e.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) => full.get(..i).unwrap_or(&full).to_string(),
            None => full,
        };
        if message.contains("recursion limit") || message.contains("嵌套过深") {
            format!("嵌套过深：列表与映射最多嵌套 {MAX_DEPTH} 层")
        } else if message.starts_with(DUPLICATE_KEY) {
            message
        } else {
            format!("不是有效的 JSON：{message}")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_reading_refuses_what_a_facts_file_refuses() {
        assert!(read_strict(r#"{"a": 1, "b": [1, {"c": null}]}"#).is_ok());
        let dup = read_strict(r#"{"kind": "学校", "kind": "公安机关"}"#).unwrap_err();
        assert!(dup.contains("键重复") && dup.contains("kind"), "{dup}");
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(read_strict(&deep).unwrap_err().contains("嵌套过深"));
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(read_strict(&ok).is_ok());
        let syntax = read_strict(r#"{"id": "a",}"#).unwrap_err();
        assert!(
            syntax.starts_with("不是有效的 JSON") && !syntax.contains("line"),
            "{syntax}"
        );
        assert!(read_strict("{} {}").is_err());
    }
}
