//! 单位合规自查: the form generated from the lexicon for one unit. The officer
//! first says who the unit is (ordinance, kind, level, region, roles, date);
//! the engine then says which facts, events and actions the articles that do
//! or may bind that unit read ([`Engine::vocabulary`], as `tiaoli template`);
//! the form asks for exactly those: each fact with its allowed values, each
//! event and action as rows with a date (an event's rows with its attributes
//! and the body that made it, `by`; an action's with the event it answers).
//! No script: "more rows" is a submit button that renders the form again with
//! what was filled in and one more blank row of each kind.
//!
//! Submitting builds the same facts document the CLI reads (JSON, one unit),
//! read by the one facts parser.

use indexmap::IndexMap;
use maud::{html, Markup};
use serde_json::{json, Map, Value};
use tiaoli_compiler::graph::{FactTy, LexiconOut};
use tiaoli_engine::terms::cite_label;
use tiaoli_engine::vocabulary::{TermUse, Vocabulary};
use tiaoli_engine::{Date, Engine, Options};

/// The levels a unit may be given (a kind with one level fixes it).
const LEVELS: [&str; 6] = ["省", "市", "州", "县", "乡", "村"];

/// Blank rows of each event and action type the form starts with.
const FIRST_ROWS: usize = 1;
/// At most this many rows of one type (a longer list belongs in a facts file).
const MAX_ROWS: usize = 20;

/// One event or action row as the form sends it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub ty: String,
    pub index: usize,
    pub date: String,
    /// An event's 标识, or the event an action answers (`for`).
    pub id: String,
    /// An event's `by`: the body that made it (an action has none).
    pub by: String,
    /// An event's attributes, by name.
    pub attrs: IndexMap<String, String>,
}

impl Row {
    fn is_blank(&self) -> bool {
        self.date.trim().is_empty()
            && self.id.trim().is_empty()
            && self.by.trim().is_empty()
            && self.attrs.values().all(|v| v.trim().is_empty())
    }
}

/// What the self-check forms send: who the unit is, then (the generated form)
/// its facts by name and its events and actions as rows — or a whole facts file.
#[derive(Clone, Debug, Default)]
pub struct SelfCheck {
    pub id: String,
    /// The ordinance whose articles the form asks about (id); empty: all loaded.
    pub ordinance: String,
    pub kind: String,
    pub level: String,
    pub region: String,
    pub roles: Vec<String>,
    pub as_of: String,
    /// `fact:名称` → the value chosen or typed (empty: not given).
    pub facts: IndexMap<String, String>,
    /// `event:类型:N:date|id|by|@属性`.
    pub events: Vec<Row>,
    /// `action:类型:N:date|for`.
    pub actions: Vec<Row>,
    /// A whole facts file (YAML or JSON), used instead of the fields when given.
    pub file: String,
    pub drafts: Option<String>,
    /// Blank rows of each type shown (the "more rows" button adds one).
    pub rows: usize,
    /// The "more rows" button was pressed: show the form again.
    pub more: bool,
}

fn row_at<'r>(rows: &'r mut Vec<Row>, ty: &str, index: usize) -> Option<&'r mut Row> {
    if index >= MAX_ROWS {
        return None;
    }
    let at = match rows.iter().position(|r| r.ty == ty && r.index == index) {
        Some(at) => at,
        None => {
            rows.push(Row {
                ty: ty.to_string(),
                index,
                ..Row::default()
            });
            rows.len() - 1
        }
    };
    rows.get_mut(at)
}

impl SelfCheck {
    /// Reads the form's fields (in any order; unknown ones are ignored).
    pub fn from_pairs(pairs: &[(String, String)]) -> SelfCheck {
        let mut f = SelfCheck::default();
        for (k, v) in pairs {
            match k.as_str() {
                "id" => f.id = v.clone(),
                "ordinance" => f.ordinance = v.clone(),
                "kind" => f.kind = v.clone(),
                "level" => f.level = v.clone(),
                "region" => f.region = v.clone(),
                "role" => {
                    if !v.trim().is_empty() && !f.roles.contains(v) {
                        f.roles.push(v.trim().to_string())
                    }
                }
                // A list in one field, as the API's `role` parameter.
                "roles" => {
                    for r in v.split([',', '，', '、']).map(str::trim) {
                        if !r.is_empty() && !f.roles.iter().any(|x| x == r) {
                            f.roles.push(r.to_string());
                        }
                    }
                }
                "as_of" => f.as_of = v.clone(),
                "file" => f.file = v.clone(),
                "drafts" => f.drafts = Some(v.clone()),
                "rows" => f.rows = v.trim().parse().unwrap_or(0).min(MAX_ROWS),
                "more" => f.more = true,
                _ => f.field(k, v),
            }
        }
        f.events
            .sort_by(|a, b| (&a.ty, a.index).cmp(&(&b.ty, b.index)));
        f.actions
            .sort_by(|a, b| (&a.ty, a.index).cmp(&(&b.ty, b.index)));
        f
    }

    fn field(&mut self, k: &str, v: &str) {
        let mut parts = k.splitn(4, ':');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some("fact"), Some(name), None, None) => {
                self.facts.insert(name.to_string(), v.to_string());
            }
            (Some(which @ ("event" | "action")), Some(ty), Some(i), Some(field)) => {
                let Ok(index) = i.parse::<usize>() else {
                    return;
                };
                let rows = if which == "event" {
                    &mut self.events
                } else {
                    &mut self.actions
                };
                let Some(row) = row_at(rows, ty, index) else {
                    return;
                };
                match field {
                    "date" => row.date = v.to_string(),
                    "id" | "for" => row.id = v.to_string(),
                    // The facts format gives `by` to events only.
                    "by" if which == "event" => row.by = v.to_string(),
                    attr => {
                        if let Some(a) = attr.strip_prefix('@') {
                            row.attrs.insert(a.to_string(), v.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// The query string of the first step, to change who the unit is.
    fn choice_query(&self) -> String {
        let mut q = vec![
            ("ordinance", self.ordinance.as_str()),
            ("kind", self.kind.as_str()),
            ("level", self.level.as_str()),
            ("region", self.region.as_str()),
            ("as_of", self.as_of.as_str()),
        ];
        for r in &self.roles {
            q.push(("role", r.as_str()));
        }
        q.iter()
            .map(|(k, v)| format!("{k}={}", percent(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// Percent-encodes a query value (UTF-8 bytes; unreserved characters as they are).
fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A value for the facts parser: a number where the lexicon types it a
/// number (the parser reads a JSON number), else the text as given (是/否,
/// an enum value, a date are read against the types there).
fn typed(v: &str, ty: Option<&FactTy>) -> Value {
    let v = v.trim();
    match ty {
        Some(FactTy::Number) => v
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| Value::String(v.to_string()), Value::Number),
        _ => Value::String(v.to_string()),
    }
}

/// The form's fields as a facts document (JSON), for the one facts parser.
/// Facts left empty and blank rows are not given; a row with anything in it
/// is, so that a missing date is reported, not dropped.
pub fn facts_document(f: &SelfCheck, lex: &LexiconOut) -> Value {
    let mut facts = Map::new();
    for (name, v) in &f.facts {
        if v.trim().is_empty() {
            continue;
        }
        let ty = lex.facts.iter().find(|x| &x.name == name).map(|x| &x.ty);
        facts.insert(name.clone(), typed(v, ty));
    }
    let events: Vec<Value> = f
        .events
        .iter()
        .filter(|r| !r.is_blank())
        .map(|r| {
            let declared = lex.events.iter().find(|e| e.name == r.ty);
            let mut row = Map::new();
            row.insert("type".into(), json!(r.ty));
            row.insert("date".into(), json!(r.date.trim()));
            if !r.id.trim().is_empty() {
                row.insert("id".into(), json!(r.id.trim()));
            }
            if !r.by.trim().is_empty() {
                row.insert("by".into(), json!(r.by.trim()));
            }
            for (a, v) in &r.attrs {
                if v.trim().is_empty() {
                    continue;
                }
                let ty = declared.and_then(|e| e.attrs.get(a));
                row.insert(a.clone(), typed(v, ty));
            }
            Value::Object(row)
        })
        .collect();
    let actions: Vec<Value> = f
        .actions
        .iter()
        .filter(|r| !r.is_blank())
        .map(|r| {
            let mut row = Map::new();
            row.insert("type".into(), json!(r.ty));
            row.insert("date".into(), json!(r.date.trim()));
            if !r.id.trim().is_empty() {
                row.insert("for".into(), json!(r.id.trim()));
            }
            Value::Object(row)
        })
        .collect();
    let mut unit = Map::new();
    unit.insert("id".into(), json!(f.id.trim()));
    unit.insert("kind".into(), json!(f.kind.trim()));
    if !f.level.trim().is_empty() {
        unit.insert("level".into(), json!(f.level.trim()));
    }
    if !f.region.trim().is_empty() {
        unit.insert("region".into(), json!(f.region.trim()));
    }
    unit.insert("roles".into(), json!(f.roles));
    unit.insert("facts".into(), Value::Object(facts));
    unit.insert("events".into(), Value::Array(events));
    unit.insert("actions".into(), Value::Array(actions));
    json!({ "as_of": f.as_of.trim(), "units": [Value::Object(unit)] })
}

/// The terms the generated form asks for: the unit's vocabulary, narrowed to
/// one ordinance's provisions where one is chosen.
pub struct Generated {
    pub ordinance: Option<(String, String)>,
    pub vocabulary: Vocabulary,
}

/// What the engine says the unit described in `f` is asked: its kind, level,
/// region and roles read as a facts file reads them (the same errors, in
/// Chinese), then the vocabulary of its binding articles at `as_of`.
pub fn generate(engine: &Engine, f: &SelfCheck) -> Result<Generated, Vec<String>> {
    let mut errors = Vec::new();
    let as_of = Date::parse(f.as_of.trim());
    if as_of.is_none() {
        errors.push(format!(
            "评估日期“{}”不是日期（应为 YYYY-MM-DD）",
            f.as_of.trim()
        ));
    }
    let ordinance = match f.ordinance.trim() {
        "" => None,
        name => match tiaoli_engine::terms::find_ordinance(&engine.graph, name) {
            Ok(o) => Some((o.id.clone(), o.title.clone())),
            Err(e) => {
                errors.push(e);
                None
            }
        },
    };
    // Who the unit is, nothing of what it did: a row being filled in is not read here.
    let probe = SelfCheck {
        id: "（自查单位）".into(),
        facts: Default::default(),
        events: Vec::new(),
        actions: Vec::new(),
        ..f.clone()
    };
    let mut doc = facts_document(&probe, &engine.graph.lexicon);
    if let Some(o) = doc.as_object_mut() {
        o.remove("as_of");
    }
    let unit = match engine.parse_facts(&doc.to_string(), tiaoli_engine::facts::Format::Json) {
        Ok(p) => p.units.into_iter().next(),
        Err(es) => {
            errors.extend(es.iter().map(|e| e.to_string()));
            None
        }
    };
    let (Some(as_of), Some(unit), true) = (as_of, unit, errors.is_empty()) else {
        return Err(errors);
    };
    let opts = Options {
        as_of,
        drafts: f.drafts.is_some(),
    };
    let mut vocabulary = engine.vocabulary(&unit, opts);
    if let Some((id, _)) = &ordinance {
        let prefix = format!("{id} ");
        let narrow = |list: &mut Vec<TermUse>| {
            for t in list.iter_mut() {
                t.cited_by.retain(|c| c.starts_with(&prefix));
            }
            list.retain(|t| !t.cited_by.is_empty());
        };
        narrow(&mut vocabulary.facts);
        narrow(&mut vocabulary.events);
        narrow(&mut vocabulary.actions);
    }
    Ok(Generated {
        ordinance,
        vocabulary,
    })
}

/// The regions offered for the unit: every division of the gazetteer within
/// the jurisdiction of the chosen ordinance (or of any loaded one), as
/// `海东市/平安区`; the field takes any other region (a town below) too.
fn region_choices(engine: &Engine, ordinance: &str) -> Vec<String> {
    let g = &engine.regions;
    let mut out = Vec::new();
    for o in &engine.graph.ordinances {
        if !ordinance.is_empty() && !o.id.eq_ignore_ascii_case(ordinance) {
            continue;
        }
        let Some(top) = g.unique(&o.jurisdiction) else {
            continue;
        };
        let skip = g.path(top).len().saturating_sub(1);
        for i in 0..g.len() {
            if !g.within(i, top) {
                continue;
            }
            let names: Vec<&str> = g.path(i).iter().skip(skip).map(|d| d.name).collect();
            let name = names.join("/");
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// The first step: who the unit is. `errors` are shown above it.
pub fn choose_form(engine: &Engine, f: &SelfCheck, errors: &[String]) -> Markup {
    let lex = &engine.graph.lexicon;
    let regions = region_choices(engine, f.ordinance.trim());
    html! {
        @for e in errors { p.error { (e) } }
        form.choose method="get" action="/self-check" {
            p { "第一步：选择条例，填写单位的类别、层级、地区和身份；下一步的表格只列出约束这类单位的条文所用的事实、事件和行为。" }
            label for="ordinance" { "条例" }
            select #ordinance name="ordinance" {
                option value="" selected[f.ordinance.is_empty()] { "全部已载入的条例" }
                @for o in &engine.graph.ordinances {
                    option value=(o.id) selected[f.ordinance.eq_ignore_ascii_case(&o.id)] {
                        "《" (o.title) "》" @if o.draft { "（草案）" }
                    }
                }
            }
            label for="kind" { "单位类别" }
            select #kind name="kind" {
                @for a in &lex.actors {
                    option value=(a.name) selected[a.name == f.kind] { (a.name) }
                }
            }
            label for="level" { "层级" }
            select #level name="level" {
                option value="" selected[f.level.is_empty()] { "（由类别确定）" }
                @for l in LEVELS { option value=(l) selected[l == f.level] { (l) } }
            }
            label for="region" { "所在地区（由大到小，以 / 分隔；可写到乡镇、街道）" }
            input #region type="text" name="region" list="regions" required value=(f.region) placeholder="海东市/平安区";
            datalist #regions { @for r in &regions { option value=(r) {} } }
            fieldset.roles {
                legend { "身份" }
                @for r in &lex.roles {
                    label.inline {
                        input type="checkbox" name="role" value=(r.name) checked[f.roles.iter().any(|x| *x == r.name)];
                        " " (r.name)
                    }
                }
            }
            label for="as_of" { "评估日期" }
            input #as_of type="date" name="as_of" required value=(f.as_of);
            label.inline { input type="checkbox" name="drafts" value="1" checked[f.drafts.is_some()]; " 草案按已施行评估" }
            p { button #generate type="submit" { "生成填报表" } }
        }
    }
}

fn cites(engine: &Engine, t: &TermUse) -> Markup {
    html! {
        details.cites {
            summary { "依据：" (cite_list(engine, &t.cited_by)) }
            @for c in &t.cited_by {
                p.provision {
                    span.cite { (cite_label(engine, c)) } "　"
                    (engine.provision_text(c).unwrap_or(""))
                }
            }
        }
    }
}

fn cite_list(engine: &Engine, cited: &[String]) -> String {
    let many = engine.graph.ordinances.len() > 1;
    cited
        .iter()
        .map(|c| match c.split_once(' ') {
            Some((_, rest)) if !many => rest.to_string(),
            _ => cite_label(engine, c),
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// A field for one value of a type: a select for 是/否 and for an enum, a
/// number or date input otherwise. `label` names it for a screen reader where
/// no `<label>` does (an event's attribute in a row).
fn value_field(
    name: &str,
    id: &str,
    ty: Option<&FactTy>,
    value: &str,
    label: Option<&str>,
) -> Markup {
    match ty {
        Some(FactTy::Bool) => html! {
            select id=(id) name=(name) aria-label=[label] {
                option value="" selected[value.is_empty()] { "（未填）" }
                @for v in ["是", "否"] { option value=(v) selected[v == value] { (v) } }
            }
        },
        Some(FactTy::Enum { values }) => html! {
            select id=(id) name=(name) aria-label=[label] {
                option value="" selected[value.is_empty()] { "（未填）" }
                @for v in values { option value=(v) selected[v == value] { (v) } }
            }
        },
        Some(FactTy::Number) => {
            html! { input id=(id) type="number" step="any" name=(name) value=(value) aria-label=[label]; }
        }
        Some(FactTy::Date) => {
            html! { input id=(id) type="date" name=(name) value=(value) aria-label=[label]; }
        }
        None => html! { input id=(id) type="text" name=(name) value=(value) aria-label=[label]; },
    }
}

/// The rows a type is shown with: those filled in, then blank ones up to `rows`.
fn rows_of(filled: &[Row], ty: &str, rows: usize) -> Vec<Row> {
    let mut out: Vec<Row> = filled
        .iter()
        .filter(|r| r.ty == ty && !r.is_blank())
        .cloned()
        .collect();
    let want = rows.max(out.len()).min(MAX_ROWS);
    while out.len() < want {
        out.push(Row {
            ty: ty.to_string(),
            ..Row::default()
        });
    }
    for (i, r) in out.iter_mut().enumerate() {
        r.index = i;
    }
    out
}

/// The second step: the form generated for the unit.
pub fn generated_form(engine: &Engine, f: &SelfCheck, g: &Generated) -> Markup {
    let lex = &engine.graph.lexicon;
    let rows = if f.rows == 0 { FIRST_ROWS } else { f.rows };
    let v = &g.vocabulary;
    html! {
        p.unit-choice {
            "第二步：" (f.kind)
            @if !f.level.is_empty() { "（" (f.level) "级）" }
            "，" (f.region)
            @if !f.roles.is_empty() { "，身份：" (f.roles.join("、")) }
            "，评估日期 " (f.as_of)
            @if let Some((_, title)) = &g.ordinance { "，《" (title) "》" }
            "。"
            a href={ "/self-check?" (f.choice_query()) } { "修改" }
        }
        form.generated method="post" action="/self-check" {
            input type="hidden" name="ordinance" value=(f.ordinance);
            input type="hidden" name="kind" value=(f.kind);
            input type="hidden" name="level" value=(f.level);
            input type="hidden" name="region" value=(f.region);
            @for r in &f.roles { input type="hidden" name="role" value=(r); }
            input type="hidden" name="as_of" value=(f.as_of);
            input type="hidden" name="rows" value=(rows);
            @if f.drafts.is_some() { input type="hidden" name="drafts" value="1"; }
            label for="id" { "单位名称" }
            input #id type="text" name="id" required value=(f.id) placeholder="平安区公安分局";
            h2 { "事实" }
            @if v.facts.is_empty() { p { "约束这类单位的条文不读取任何事实。" } }
            @else {
                p.hint { "未填的事实按“未知”评估：结果可能为未确定。" }
                table.facts {
                    thead { tr { th { "事实" } th { "值" } th { "条文" } } }
                    tbody {
                        @for (i, t) in v.facts.iter().enumerate() {
                            @let ty = lex.facts.iter().find(|x| x.name == t.name).map(|x| &x.ty);
                            @let id = format!("fact-{i}");
                            tr {
                                td { label for=(id) { (t.name) } }
                                td { (value_field(&format!("fact:{}", t.name), &id, ty, f.facts.get(&t.name).map_or("", String::as_str), None)) }
                                td { (cites(engine, t)) }
                            }
                        }
                    }
                }
            }
            h2 { "事件" }
            @if v.events.is_empty() { p { "约束这类单位的条文不读取任何事件。" } }
            @for (k, t) in v.events.iter().enumerate() {
                @let attrs: Vec<(&String, &FactTy)> = lex.events.iter().find(|e| e.name == t.name).map(|e| e.attrs.iter().collect()).unwrap_or_default();
                section.rows.events {
                    h3 { (t.name) }
                    (cites(engine, t))
                    table {
                        thead { tr {
                            th { "日期" } th { "标识" }
                            @for (a, _) in &attrs { th { (attr_label(a)) } }
                            th { "作出机关（可不填）" }
                        } }
                        tbody {
                            @for r in rows_of(&f.events, &t.name, rows) {
                                @let base = format!("event:{}:{}", t.name, r.index);
                                @let html_id = format!("event-{k}-{}", r.index);
                                tr {
                                    td { input id={ (html_id) "-date" } type="date" name={ (base) ":date" } value=(r.date) aria-label={ (t.name) "的日期" }; }
                                    td { input id={ (html_id) "-id" } type="text" name={ (base) ":id" } value=(r.id) aria-label={ (t.name) "的标识" }; }
                                    @for (j, (a, aty)) in attrs.iter().enumerate() {
                                        td { (value_field(&format!("{base}:@{a}"), &format!("{html_id}-attr-{j}"), Some(aty), r.attrs.get(a.as_str()).map_or("", String::as_str), Some(&format!("{}的{}", t.name, attr_label(a))))) }
                                    }
                                    td { input id={ (html_id) "-by" } type="text" name={ (base) ":by" } value=(r.by) aria-label={ (t.name) "的作出机关" }; }
                                }
                            }
                        }
                    }
                }
            }
            h2 { "已采取的行为" }
            @if v.actions.is_empty() { p { "约束这类单位的条文不读取任何行为。" } }
            @for (k, t) in v.actions.iter().enumerate() {
                section.rows.actions {
                    h3 { (t.name) }
                    (cites(engine, t))
                    table {
                        thead { tr { th { "日期" } th { "所答事件的标识（可不填）" } } }
                        tbody {
                            @for r in rows_of(&f.actions, &t.name, rows) {
                                @let base = format!("action:{}:{}", t.name, r.index);
                                @let html_id = format!("action-{k}-{}", r.index);
                                tr {
                                    td { input id={ (html_id) "-date" } type="date" name={ (base) ":date" } value=(r.date) aria-label={ (t.name) "的日期" }; }
                                    td { input id={ (html_id) "-for" } type="text" name={ (base) ":for" } value=(r.id) aria-label={ (t.name) "所答事件的标识" }; }
                                }
                            }
                        }
                    }
                }
            }
            p {
                button #more type="submit" name="more" value="1" formnovalidate { "每类事件、行为各加一行" }
                " "
                button #evaluate type="submit" { "评估" }
            }
        }
    }
}

fn attr_label(a: &str) -> &str {
    match a {
        "deadline" => "限期（最后一日）",
        other => other,
    }
}
