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
    pub facts: IndexMap<String, FactValue>,
    pub events: Vec<EventRecord>,
    pub actions: Vec<ActionRecord>,
    /// The ids the facts loader resolved the names to; a unit built by hand has
    /// none (`Default`), and the engine checks them before use either way.
    #[serde(skip)]
    pub resolved: Resolved,
}

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
    pub attrs: IndexMap<String, FactValue>,
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

/// Name resolution against the compiled lexicon, built once per file (or
/// stream): every name and alias, folded, with its kind and its position in the
/// lexicon's list (the id the engine uses), and what each fact and event type
/// declares.
pub struct Names<'a> {
    lex: &'a LexiconOut,
    regions: &'a tiaoli_regions::Gazetteer,
    /// folded name or alias → (canonical, kind, position in its list)
    index: IndexMap<String, (&'a str, NameKind, usize)>,
    /// Per fact (by position): its type.
    fact_types: Vec<&'a FactTy>,
    /// Per event type (by position): whether it carries a deadline, and its
    /// attributes (a sanction's `deadline` is a field of its own, not one).
    event_deadline: Vec<bool>,
    event_attrs: Vec<Vec<(&'a str, &'a FactTy)>>,
    role_count: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameKind {
    Actor,
    Role,
    Fact,
    Event,
    Action,
}

impl NameKind {
    fn describe(self) -> String {
        match self {
            NameKind::Actor => t!("facts-kind-actor"),
            NameKind::Role => t!("facts-kind-role"),
            NameKind::Fact => t!("facts-kind-fact"),
            NameKind::Event => t!("facts-kind-event"),
            NameKind::Action => t!("facts-kind-action"),
        }
    }
}

/// A name folded as [`fold_case`] folds it, without a new string when folding
/// changes nothing (Chinese names, lower-case ASCII: nearly every name).
fn folded(s: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = s.chars().all(|c| {
        if c.is_ascii() {
            !c.is_ascii_uppercase()
        } else {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        }
    });
    if unchanged {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(fold_case(s))
    }
}

impl<'a> Names<'a> {
    pub fn new(lex: &'a LexiconOut, regions: &'a tiaoli_regions::Gazetteer) -> Self {
        let mut index = IndexMap::new();
        let mut add = |name: &'a str, aliases: &'a [String], k: NameKind, at: usize| {
            index.entry(fold_case(name)).or_insert((name, k, at));
            for a in aliases {
                index.entry(fold_case(a)).or_insert((name, k, at));
            }
        };
        for (i, a) in lex.actors.iter().enumerate() {
            add(&a.name, &a.aliases, NameKind::Actor, i);
        }
        for (i, r) in lex.roles.iter().enumerate() {
            add(&r.name, &r.aliases, NameKind::Role, i);
        }
        for (i, f) in lex.facts.iter().enumerate() {
            add(&f.name, &f.aliases, NameKind::Fact, i);
        }
        for (i, e) in lex.events.iter().enumerate() {
            add(&e.name, &e.aliases, NameKind::Event, i);
        }
        for (i, a) in lex.actions.iter().enumerate() {
            add(&a.name, &a.aliases, NameKind::Action, i);
        }
        Names {
            lex,
            regions,
            index,
            fact_types: lex.facts.iter().map(|f| &f.ty).collect(),
            event_deadline: lex
                .events
                .iter()
                .map(|e| e.attrs.contains_key("deadline"))
                .collect(),
            event_attrs: lex
                .events
                .iter()
                .map(|e| {
                    e.attrs
                        .iter()
                        .filter(|(k, _)| k.as_str() != "deadline")
                        .map(|(k, t)| (k.as_str(), t))
                        .collect()
                })
                .collect(),
            role_count: lex.roles.len(),
        }
    }

    /// The canonical term a name or alias stands for, and its position.
    fn resolve(
        &self,
        name: &str,
        want: NameKind,
    ) -> Result<(&'a str, usize), (String, Option<String>)> {
        match self.index.get(folded(name).as_ref()) {
            Some((canon, k, at)) if *k == want => Ok((canon, *at)),
            Some((canon, k, _)) => Err((
                t!(
                    "facts-wrong-kind",
                    name = name,
                    is = k.describe(),
                    want = want.describe()
                ),
                (canon != &name).then(|| t!("facts-stands-for", name = name, canon = *canon)),
            )),
            None => {
                let cands = self
                    .index
                    .iter()
                    .filter(|(_, (_, k, _))| *k == want)
                    .map(|(_, (c, _, _))| *c);
                let mut cands: Vec<&str> = cands.collect();
                cands.dedup();
                let mut help =
                    did_you_mean(name, cands.iter().copied()).map(|s| t!("did-you-mean", name = s));
                // The roles are few: list them (an officer guesses 成员单位 …).
                if want == NameKind::Role {
                    let known = t!("facts-known-roles", list = cands.join(&t!("list-sep")));
                    help = Some(match help {
                        Some(h) => format!("{h}{known}"),
                        None => known,
                    });
                }
                Err((
                    t!("facts-unknown-name", name = name, what = want.describe()),
                    help,
                ))
            }
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
        let u = unit(i, v, &names, &mut errors);
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

const UNIT_FIELDS: [&str; 8] = [
    "id", "kind", "level", "region", "roles", "facts", "events", "actions",
];

pub(crate) fn unit(
    i: usize,
    v: Value,
    names: &Names<'_>,
    errors: &mut Vec<FactsError>,
) -> Option<Unit> {
    let Value::Object(map) = v else {
        errors.push(FactsError {
            unit: Some(format!("#{}", i + 1)),
            field: "unit".into(),
            message: t!("facts-unit-not-mapping"),
            help: None,
            ..Default::default()
        });
        return None;
    };
    let id = map.get("id").and_then(|x| x.as_str()).map(str::to_string);
    let who = id.clone().unwrap_or_else(|| format!("#{}", i + 1));
    let before = errors.len();
    let mut err = |field: String, message: String, help: Option<String>| {
        errors.push(FactsError {
            unit: Some(who.clone()),
            field,
            message,
            help,
            ..Default::default()
        });
    };
    if id.is_none() {
        err("id".into(), t!("facts-missing-id"), None);
    }
    for k in map.keys() {
        if !UNIT_FIELDS.contains(&k.as_str()) {
            let help = did_you_mean(k, UNIT_FIELDS).map(|s| t!("did-you-mean", name = s));
            err(
                k.clone(),
                t!("facts-unknown-field", name = k.as_str()),
                help,
            );
        }
    }
    let mut kind_id = usize::MAX;
    let kind = match map.get("kind").and_then(|x| x.as_str()) {
        Some(k) => match names.resolve(k, NameKind::Actor) {
            Ok((c, at)) => {
                kind_id = at;
                c.to_string()
            }
            Err((m, h)) => {
                err("kind".into(), m, h);
                String::new()
            }
        },
        None => {
            err("kind".into(), t!("facts-missing-kind"), None);
            String::new()
        }
    };
    let level = match map.get("level") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => match parse_level(s) {
            Some(l) => Some(l),
            None => {
                err(
                    "level".into(),
                    t!("facts-not-level", value = format!("“{s}”")),
                    Some(t!("facts-levels-help")),
                );
                None
            }
        },
        Some(other) => {
            err(
                "level".into(),
                t!("facts-not-level", value = other.to_string()),
                None,
            );
            None
        }
    };
    // A kind that exists at one level fixes the unit's (乡镇人民政府: 乡); a level
    // the kind does not exist at is an error.
    let kind_levels = names
        .lex
        .actors
        .iter()
        .find(|a| a.name == kind)
        .map(|a| a.levels.as_slice())
        .unwrap_or(&[]);
    let level = match (level, kind_levels) {
        (None, [only]) => Some(*only),
        (Some(l), ls) if !ls.is_empty() && !ls.iter().any(|x| x.rank() == l.rank()) => {
            let ls: Vec<&str> = ls.iter().map(|x| x.zh()).collect();
            err(
                "level".into(),
                tiaoli_l10n::t!(
                    "facts-level-not-of-kind",
                    level = l.zh(),
                    kind = kind.as_str(),
                    levels = ls.join("、")
                ),
                None,
            );
            Some(l)
        }
        (l, _) => l,
    };
    let mut region_readings = Vec::new();
    let region = match map.get("region") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => match names.regions.resolve(s) {
            Ok(r) => match r.places.as_slice() {
                [one] => Some(names.regions.names(one)),
                many => {
                    region_readings = many.iter().map(|p| names.regions.names(p)).collect();
                    None
                }
            },
            Err(e) => {
                err("region".into(), e.message, e.help);
                None
            }
        },
        Some(other) => {
            err(
                "region".into(),
                t!("facts-not-region", value = other.to_string()),
                None,
            );
            None
        }
    };
    let mut roles = Vec::new();
    let mut role_ids = Vec::new();
    match map.get("roles") {
        None | Some(Value::Null) => {}
        Some(Value::Array(a)) => {
            for (j, r) in a.iter().enumerate() {
                match r.as_str().map(|s| names.resolve(s, NameKind::Role)) {
                    Some(Ok((c, at))) => {
                        roles.push(c.to_string());
                        role_ids.push(at);
                    }
                    Some(Err((m, h))) => err(format!("roles[{j}]"), m, h),
                    None => err(
                        format!("roles[{j}]"),
                        t!("facts-not-role-name", value = r.to_string()),
                        None,
                    ),
                }
            }
        }
        Some(other) => err(
            "roles".into(),
            t!("facts-not-role-list", value = other.to_string()),
            None,
        ),
    }
    let mut facts = IndexMap::new();
    // The fact id of each entry of `facts`, by position.
    let mut fact_ids: Vec<usize> = Vec::new();
    match map.get("facts") {
        None | Some(Value::Null) => {}
        Some(Value::Object(m)) => {
            for (k, v) in m {
                let field = || format!("facts.{k}");
                let (canon, at) = match names.resolve(k, NameKind::Fact) {
                    Ok(c) => c,
                    Err((m, h)) => {
                        err(field(), m, h);
                        continue;
                    }
                };
                let Some(ty) = names.fact_types.get(at) else {
                    continue;
                };
                match fact_value(v, ty) {
                    Ok(Some(fv)) => {
                        let (i, _) = facts.insert_full(canon.to_string(), fv);
                        if i == fact_ids.len() {
                            fact_ids.push(at);
                        }
                    }
                    Ok(None) => {}
                    Err((m, h)) => err(field(), m, h),
                }
            }
        }
        Some(other) => err(
            "facts".into(),
            t!("facts-not-fact-mapping", value = other.to_string()),
            None,
        ),
    }
    let mut events: Vec<(usize, EventRecord, usize)> = Vec::new();
    for (j, e) in list(map.get("events")).iter().enumerate() {
        let field = |f: &str| format!("events[{j}].{f}");
        let Some((ty, ty_id)) = record_type(
            e,
            names,
            NameKind::Event,
            &field("type"),
            &t!("facts-what-event"),
            &mut err,
        ) else {
            continue;
        };
        let date = match e.get("date").and_then(|x| x.as_str()).and_then(Date::parse) {
            Some(d) => d,
            None => {
                err(field("date"), t!("facts-missing-date"), None);
                continue;
            }
        };
        let deadline = match e.get("deadline") {
            None | Some(Value::Null) => None,
            Some(v) => match v.as_str().and_then(Date::parse) {
                Some(d) => Some(d),
                None => {
                    err(
                        field("deadline"),
                        t!("facts-not-date", value = v.to_string()),
                        None,
                    );
                    None
                }
            },
        };
        let has_deadline = names.event_deadline.get(ty_id).copied().unwrap_or(false);
        if deadline.is_some() && !has_deadline {
            err(
                field("deadline"),
                format!("“{ty}”不带期限，deadline 无从适用"),
                Some("只有附期限的事件（挂牌督办、责令限期整改等，或词汇中声明“附期限”的事件）才有 deadline".into()),
            );
        }
        if let Some(dl) = deadline.filter(|dl| *dl < date) {
            err(
                field("deadline"),
                format!("期限 {dl} 早于事件本身的日期 {date}"),
                Some("deadline 是该事件（命令）规定的最后一日，不能早于 date".into()),
            );
        }
        let by = match e.get("by") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(other) => {
                err(
                    field("by"),
                    format!("{other} 不是机关名称"),
                    Some("by 写作出该事件的机关，例如 平安区平安建设组织协调机构".into()),
                );
                None
            }
        };
        let id = match e.get("id") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(other) => {
                err(
                    field("id"),
                    format!("{other} 不是事件编号"),
                    Some("编号是一个名称，例如 诈骗-1".into()),
                );
                None
            }
        };
        let declared: &[(&str, &FactTy)] = names
            .event_attrs
            .get(ty_id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let mut attrs = IndexMap::new();
        if let Value::Object(m) = e {
            for (k, v) in m {
                if EVENT_FIELDS.contains(&k.as_str()) {
                    continue;
                }
                let folded = folded(k);
                match declared.iter().find(|(a, _)| folded_eq(a, folded.as_ref())) {
                    Some((a, aty)) => match fact_value(v, aty) {
                        Ok(Some(fv)) => {
                            attrs.insert(a.to_string(), fv);
                        }
                        Ok(None) => {}
                        Err((m, h)) => err(field(k), m, h),
                    },
                    None => {
                        let known: Vec<&str> = EVENT_FIELDS
                            .iter()
                            .copied()
                            .chain(declared.iter().map(|(a, _)| *a))
                            .collect();
                        let attrs_note = if declared.is_empty() {
                            format!("词汇未为“{ty}”声明属性")
                        } else {
                            format!(
                                "“{ty}”的属性有：{}",
                                declared
                                    .iter()
                                    .map(|(a, _)| *a)
                                    .collect::<Vec<_>>()
                                    .join("、")
                            )
                        };
                        let help = match did_you_mean(k, known.iter().copied()) {
                            Some(s) => format!("是否想写“{s}”？（{attrs_note}）"),
                            None => {
                                format!("事件的字段有 type、date、id、deadline、by；{attrs_note}")
                            }
                        };
                        err(field(k), format!("未知字段“{k}”"), Some(help));
                    }
                }
            }
        }
        events.push((
            j,
            EventRecord {
                ty,
                date,
                id,
                deadline,
                by,
                attrs,
            },
            ty_id,
        ));
    }
    // Occurrence ids are unique within the unit, and what actions answer.
    let mut ids: IndexMap<String, usize> = IndexMap::new();
    for (j, e, _) in &events {
        if let Some(id) = &e.id {
            if let Some(prev) = ids.get(id) {
                err(
                    format!("events[{j}].id"),
                    format!("两个事件使用同一编号“{id}”（events[{prev}] 与 events[{j}]）"),
                    Some("同一单位内事件编号不得重复".into()),
                );
            } else {
                ids.insert(id.clone(), *j);
            }
        }
    }
    let mut events: Vec<(EventRecord, usize)> =
        events.into_iter().map(|(_, e, t)| (e, t)).collect();
    let mut actions: Vec<(ActionRecord, usize)> = Vec::new();
    for (j, a) in list(map.get("actions")).iter().enumerate() {
        let field = |f: &str| format!("actions[{j}].{f}");
        let Some((ty, ty_id)) = record_type(
            a,
            names,
            NameKind::Action,
            &field("type"),
            &t!("facts-what-action"),
            &mut err,
        ) else {
            continue;
        };
        if let Value::Object(m) = a {
            for k in m.keys() {
                if !ACTION_FIELDS.contains(&k.as_str()) {
                    let help = match did_you_mean(k, ACTION_FIELDS) {
                        Some(s) => format!("是否想写“{s}”？"),
                        None => "行为的字段有 type、date、for".into(),
                    };
                    err(field(k), format!("未知字段“{k}”"), Some(help));
                }
            }
        }
        let answers = match a.get("for") {
            None | Some(Value::Null) => None,
            Some(v @ (Value::String(_) | Value::Number(_))) => {
                let s = match v {
                    Value::String(s) => s.trim().to_string(),
                    other => other.to_string(),
                };
                if ids.contains_key(&s) {
                    Some(s)
                } else {
                    let help = match did_you_mean(&s, ids.keys().map(String::as_str)) {
                        Some(x) => format!("是否想写“{x}”？"),
                        None if ids.is_empty() => {
                            "本单位的事件都没有编号：请给所答复的事件加上 id".into()
                        }
                        None => format!(
                            "本单位的事件编号有：{}",
                            ids.keys().cloned().collect::<Vec<_>>().join("、")
                        ),
                    };
                    err(
                        field("for"),
                        format!("本单位没有编号为“{s}”的事件"),
                        Some(help),
                    );
                    None
                }
            }
            Some(other) => {
                err(field("for"), format!("{other} 不是事件编号"), None);
                None
            }
        };
        match a.get("date").and_then(|x| x.as_str()).and_then(Date::parse) {
            Some(date) => actions.push((ActionRecord { ty, date, answers }, ty_id)),
            None => err(field("date"), t!("facts-missing-date"), None),
        }
    }
    for (key, v) in [
        ("events", map.get("events")),
        ("actions", map.get("actions")),
    ] {
        if let Some(v) = v {
            if !v.is_array() && !v.is_null() {
                err(
                    key.into(),
                    t!("facts-not-list", value = v.to_string()),
                    None,
                );
            }
        }
    }
    if errors.len() != before {
        return None;
    }
    events.sort_by(|(a, _), (b, _)| (a.date, &a.ty).cmp(&(b.date, &b.ty)));
    actions.sort_by(|(a, _), (b, _)| (a.date, &a.ty).cmp(&(b.date, &b.ty)));
    // The ids the engine uses, resolved here once (checked by the engine).
    let mut fact_hint: Vec<(usize, u32)> = fact_ids
        .iter()
        .enumerate()
        .map(|(at, id)| (*id, at as u32))
        .collect();
    fact_hint.sort_unstable_by_key(|(id, _)| *id);
    let occurrences: Vec<Occurrence> = events
        .iter()
        .enumerate()
        .map(|(i, (e, ty))| Occurrence {
            ty: *ty,
            date: e.date,
            deadline: e.deadline,
            index: i as u32,
        })
        .collect();
    let acts: Vec<Act> = actions
        .iter()
        .map(|(a, ty)| Act {
            ty: *ty,
            date: a.date,
            answers: a.answers.as_deref().and_then(|id| {
                events
                    .iter()
                    .position(|(e, _)| e.id.as_deref() == Some(id))
                    .map(|i| i as u32)
            }),
        })
        .collect();
    let mut role_bits = crate::plan::Bits::default();
    if !role_ids.is_empty() {
        role_bits = crate::plan::Bits::with_len(names.role_count);
        for r in &role_ids {
            role_bits.set(*r);
        }
    }
    Some(Unit {
        id: who,
        kind,
        level,
        region,
        region_readings,
        roles,
        facts,
        events: events.into_iter().map(|(e, _)| e).collect(),
        actions: actions.into_iter().map(|(a, _)| a).collect(),
        resolved: Resolved {
            valid: true,
            kind: kind_id,
            role_ids,
            roles: role_bits,
            facts: fact_hint,
            events: occurrences,
            actions: acts,
        },
    })
}

/// Whether a name folds to an already folded one.
fn folded_eq(name: &str, folded_other: &str) -> bool {
    folded(name).as_ref() == folded_other
}

/// The `type` of an event or action record, resolved to its canonical term.
fn record_type(
    record: &Value,
    names: &Names<'_>,
    kind: NameKind,
    field: &str,
    what: &str,
    err: &mut impl FnMut(String, String, Option<String>),
) -> Option<(String, usize)> {
    let Some(t) = record.get("type").and_then(|x| x.as_str()) else {
        err(field.to_string(), t!("facts-missing", what = what), None);
        return None;
    };
    match names.resolve(t, kind) {
        Ok((c, at)) => Some((c.to_string(), at)),
        Err((m, h)) => {
            err(field.to_string(), m, h);
            None
        }
    }
}

fn list(v: Option<&Value>) -> &[Value] {
    match v {
        Some(Value::Array(a)) => a,
        _ => &[],
    }
}

/// 省, 市, 州, 县 (区, 县级市), 乡 (镇, 街道), or the ASCII names.
pub fn parse_level(s: &str) -> Option<Level> {
    Level::from_word(s).or(match s {
        "区" | "县级市" | "县（区）" => Some(Level::County),
        "镇" | "街道" | "乡镇" | "乡镇（街道）" => Some(Level::Township),
        "社区" | "居" | "村（社区）" | "村（居）" => Some(Level::Village),
        "自治州" => Some(Level::Prefecture),
        _ => None,
    })
}

fn fact_value(v: &Value, ty: &FactTy) -> Result<Option<FactValue>, (String, Option<String>)> {
    if v.is_null() {
        return Ok(None);
    }
    match ty {
        FactTy::Bool => match v {
            Value::Bool(b) => Ok(Some(FactValue::Bool(*b))),
            Value::String(s) if s == "是" => Ok(Some(FactValue::Bool(true))),
            Value::String(s) if s == "否" => Ok(Some(FactValue::Bool(false))),
            _ => Err((
                t!("facts-not-bool", value = v.to_string()),
                Some(t!("facts-bool-help")),
            )),
        },
        FactTy::Number => v
            .as_f64()
            .map(|n| Some(FactValue::Number(n)))
            .ok_or_else(|| (t!("facts-not-number", value = v.to_string()), None)),
        FactTy::Date => v
            .as_str()
            .and_then(Date::parse)
            .map(|d| Some(FactValue::Date(d)))
            .ok_or_else(|| (t!("facts-not-date", value = v.to_string()), None)),
        FactTy::Enum { values } => {
            let s = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let want = folded(&s);
            match values.iter().find(|x| folded_eq(x, want.as_ref())) {
                Some(x) => Ok(Some(FactValue::Enum(x.clone()))),
                None => Err((
                    t!(
                        "facts-not-value",
                        value = s.as_str(),
                        values = values.join("、")
                    ),
                    did_you_mean(&s, values.iter().map(String::as_str))
                        .map(|x| t!("did-you-mean", name = x)),
                )),
            }
        }
    }
}
