//! Facts files: what is known about units, in YAML, JSON or JSON Lines.
//!
//! Every name is a lexicon term or alias, resolved here to its canonical term; a
//! name the rules do not know is an error with a did-you-mean. All errors of a
//! file are collected, each naming the unit and the field, and nothing is
//! evaluated unless the whole file is valid.

use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;
use tiaoli_compiler::graph::{FactTy, LexiconOut};
use tiaoli_l10n::t;
use tiaoli_syntax::ast::{fold_case, Level};
use tiaoli_syntax::diag::did_you_mean;

use crate::date::Date;
use crate::located;
use crate::plan::{Act, Occurrence, Resolved};

pub(crate) mod json;
mod names;
mod region;
mod unit;

pub use names::Names;
use names::{folded, NameKind};
pub use unit::parse_level;
pub(crate) use unit::unit;

#[derive(Clone, Debug, Default, Serialize)]
pub struct FactsFile {
    pub as_of: Option<Date>,
    pub units: Vec<Unit>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Unit {
    pub id: String,
    /// Canonical actor kind.
    pub kind: String,
    pub level: Option<Level>,
    /// The region path, outermost first, as the gazetteer names it: 海东/平安区 →
    /// [青海省, 海东市, 平安区] (crates/regions). None when not given, or when it
    /// may be several places (then `region_readings`).
    pub region: Option<Vec<String>>,
    /// A region that names several places (朝阳区: 北京市 or 长春市): each of
    /// them. The evaluation decides what holds for all, and asks for `region`
    /// where they differ.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub region_readings: Vec<Vec<String>>,
    pub roles: Vec<String>,
    pub facts: FactMap,
    pub events: Vec<EventRecord>,
    pub actions: Vec<ActionRecord>,
    /// The ids the facts loader resolved the names to; a unit built by hand has
    /// none (`Default`), and the engine checks them before use either way.
    #[serde(skip)]
    pub resolved: Resolved,
}

/// Facts (or an occurrence's attributes) by canonical name, in the order given.
/// Hashed by foldhash with a fixed seed: the keys are the rules' own names
/// (the loader admits no other), and the order is the insertion order whatever
/// the hash. Build one with `FactMap::default()`.
pub type FactMap = IndexMap<String, FactValue, foldhash::fast::FixedState>;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FactValue {
    Bool(bool),
    Number(f64),
    Date(Date),
    Enum(String),
}

/// One occurrence of an event: a fraud discovered, a reception day, an order imposed.
/// Each occurrence of a norm's trigger opens its own instance of the norm.
#[derive(Clone, Debug, Serialize)]
pub struct EventRecord {
    #[serde(rename = "type")]
    pub ty: String,
    pub date: Date,
    /// The occurrence's name, unique within its unit; actions answer it with `for`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub deadline: Option<Date>,
    pub by: Option<String>,
    /// Attributes the lexicon declares for the event type (`事件 X 属性 a: 类型`),
    /// by canonical name.
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub attrs: FactMap,
}

#[derive(Clone, Debug, Serialize)]
pub struct ActionRecord {
    #[serde(rename = "type")]
    pub ty: String,
    pub date: Date,
    /// `for`: the id of the occurrence this action answers (an event of the same unit).
    #[serde(rename = "for", skip_serializing_if = "Option::is_none")]
    pub answers: Option<String>,
}

/// The keys an event record has besides its attributes.
pub const EVENT_FIELDS: [&str; 5] = ["type", "date", "id", "deadline", "by"];
/// The keys an action record has.
pub const ACTION_FIELDS: [&str; 3] = ["type", "date", "for"];

/// One problem in a facts file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FactsError {
    /// The unit concerned (its id, or its position when it has none).
    pub unit: Option<String>,
    /// The field: `kind`, `facts.平安建设考评等次`, `events[0].date` …
    pub field: String,
    pub message: String,
    pub help: Option<String>,
    /// Where in the file (1-based line, character column): the value at fault,
    /// the key of an unknown field, or the mapping that lacks a field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl FactsError {
    /// `FILE:LINE:COLUMN: …` (or `FILE: …` where the place is not known).
    pub fn at(&self, file: &str) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}: {self}"),
            _ => format!("{file}: {self}"),
        }
    }
}

impl std::fmt::Display for FactsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.unit, self.field.is_empty()) {
            (Some(u), false) => f.write_str(&t!(
                "facts-at-unit-field",
                unit = u.as_str(),
                field = self.field.as_str(),
                message = self.message.as_str()
            ))?,
            (Some(u), true) => f.write_str(&t!(
                "facts-at-unit",
                unit = u.as_str(),
                message = self.message.as_str()
            ))?,
            (None, false) => f.write_str(&t!(
                "facts-at-field",
                field = self.field.as_str(),
                message = self.message.as_str()
            ))?,
            (None, true) => f.write_str(&self.message)?,
        }
        if let Some(h) = &self.help {
            f.write_str(&t!("facts-help", help = h.as_str()))?;
        }
        Ok(())
    }
}

/// The formats a facts file may be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Json,
    JsonLines,
}

impl Format {
    /// By extension; YAML (a superset of JSON) otherwise.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
            Format::JsonLines
        } else if lower.ends_with(".json") {
            Format::Json
        } else {
            Format::Yaml
        }
    }
}

/// Parses and validates a facts file. Either every unit is valid, or all the
/// errors, each with its line and column. A leading byte-order mark is
/// ignored, in every format.
pub fn parse(text: &str, format: Format, lex: &LexiconOut) -> Result<FactsFile, Vec<FactsError>> {
    parse_with(text, format, lex, tiaoli_regions::Gazetteer::embedded())
}

/// [`parse`], with regions recognised against `regions` (the engine's: the
/// shipped gazetteer and the jurisdictions of the loaded rules).
pub fn parse_with(
    text: &str,
    format: Format,
    lex: &LexiconOut,
    regions: &tiaoli_regions::Gazetteer,
) -> Result<FactsFile, Vec<FactsError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let read = match format {
        Format::Json => located::json(text),
        Format::Yaml => located::yaml(text),
        Format::JsonLines => located::json_lines(text),
    };
    let from_read = |errors: Vec<located::ReadError>| -> Vec<FactsError> {
        errors
            .into_iter()
            .map(|e| FactsError {
                message: e.message,
                line: e.pos.map(|p| p.line),
                column: e.pos.map(|p| p.column),
                ..Default::default()
            })
            .collect()
    };
    let mut located = read.map_err(from_read)?;
    let docs = std::mem::take(&mut located.docs);
    let names = Names::new(lex, regions);
    let mut errors = from_read(std::mem::take(&mut located.problems));
    let mut out = FactsFile::default();
    // Each unit with the path of its mapping in the file.
    let mut unit_values: Vec<(String, Value)> = Vec::new();
    let top_error = |errors: &mut Vec<FactsError>, path: &str, key: bool, e: FactsError| {
        errors.push(place(e, &located, path, key));
    };
    for (d, doc) in docs.into_iter().enumerate() {
        let base = format!("/{d}");
        let Value::Object(map) = doc else {
            top_error(
                &mut errors,
                &base,
                false,
                FactsError {
                    field: "file".into(),
                    message: "应为一个映射：as_of 与 units（JSON Lines 则每行一个单位）".into(),
                    ..Default::default()
                },
            );
            continue;
        };
        let is_unit = map.contains_key("id") || map.contains_key("kind");
        if is_unit {
            unit_values.push((base, Value::Object(map)));
            continue;
        }
        for (k, v) in map {
            let path = format!("{base}/{}", located::segment(&k));
            match k.as_str() {
                "as_of" => match v.as_str().and_then(Date::parse) {
                    Some(d) => out.as_of = Some(d),
                    None => top_error(
                        &mut errors,
                        &path,
                        false,
                        FactsError {
                            field: "as_of".into(),
                            message: t!("facts-not-date", value = v.to_string()),
                            help: Some(t!("facts-as-of-help")),
                            ..Default::default()
                        },
                    ),
                },
                "units" => match v {
                    Value::Array(a) => unit_values.extend(
                        a.into_iter()
                            .enumerate()
                            .map(|(j, u)| (format!("{path}/{j}"), u)),
                    ),
                    _ => top_error(
                        &mut errors,
                        &path,
                        false,
                        FactsError {
                            field: "units".into(),
                            message: t!("facts-units-not-list"),
                            ..Default::default()
                        },
                    ),
                },
                other => top_error(
                    &mut errors,
                    &path,
                    true,
                    FactsError {
                        field: other.to_string(),
                        message: t!("facts-unknown-field", name = other),
                        help: did_you_mean(other, ["as_of", "units"])
                            .map(|s| t!("did-you-mean", name = s)),
                        ..Default::default()
                    },
                ),
            }
        }
    }
    let mut seen: IndexMap<String, (usize, String)> = IndexMap::new();
    for (i, (base, v)) in unit_values.into_iter().enumerate() {
        let before = errors.len();
        let id = v.get("id").and_then(Value::as_str).map(str::to_string);
        let u = unit(i, &json::Json::from_value(&v), &names, &mut errors);
        for e in errors.iter_mut().skip(before) {
            // Placed at the key when the key is what is wrong: an unknown field,
            // or a fact name the rules do not know.
            let last = e.field.rsplit(['.', ']']).next().unwrap_or("");
            let key = e.message == t!("facts-unknown-field", name = last)
                || e.field
                    .strip_prefix("facts.")
                    .is_some_and(|k| names.resolve(k, NameKind::Fact).is_err());
            let path = format!("{base}{}", located::field_pointer(&e.field));
            *e = place(std::mem::take(e), &located, &path, key);
        }
        // Ids are unique whether or not the units are otherwise valid.
        if let Some(id) = id {
            if let Some((prev, prev_base)) = seen.get(&id) {
                let first = located.find(&format!("{prev_base}/id"), false);
                let e = FactsError {
                    unit: Some(id.clone()),
                    field: "id".into(),
                    message: match first {
                        Some(p) => t!(
                            "facts-duplicate-id-line",
                            first = prev + 1,
                            second = i + 1,
                            line = p.line
                        ),
                        None => t!("facts-duplicate-id", first = prev + 1, second = i + 1),
                    },
                    help: Some(t!("facts-duplicate-id-help")),
                    ..Default::default()
                };
                errors.push(place(e, &located, &format!("{base}/id"), false));
            } else {
                seen.insert(id, (i, base));
            }
        }
        if let Some(u) = u {
            out.units.push(u);
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        // In the order of the file (those without a place first).
        errors.sort_by_key(|e| (e.line.unwrap_or(0), e.column.unwrap_or(0)));
        Err(errors)
    }
}

/// An error given the place of the node at `path` (see [`located::Located::find`]).
fn place(mut e: FactsError, located: &located::Located, path: &str, key: bool) -> FactsError {
    if let Some(p) = located.find(path, key) {
        e.line = Some(p.line);
        e.column = Some(p.column);
    }
    e
}
