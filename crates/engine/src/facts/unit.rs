//! One unit of a facts file, field by field: its kind, level, region, roles,
//! facts, events and actions, every error collected with the field it names.

use super::json::Json;
use super::region::RegionReading;
use super::*;

const UNIT_FIELDS: [&str; 8] = [
    "id", "kind", "level", "region", "roles", "facts", "events", "actions",
];

pub(crate) fn unit(
    i: usize,
    v: &Json<'_>,
    names: &Names<'_>,
    errors: &mut Vec<FactsError>,
) -> Option<Unit> {
    let Json::Object(map) = v else {
        errors.push(FactsError {
            unit: Some(format!("#{}", i + 1)),
            field: "unit".into(),
            message: t!("facts-unit-not-mapping"),
            help: None,
            ..Default::default()
        });
        return None;
    };
    let id = map.get("id").and_then(|x| x.as_str());
    let who = id.map_or_else(|| format!("#{}", i + 1), str::to_string);
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
        if !is_unit_field(k) {
            let help = did_you_mean(k, UNIT_FIELDS).map(|s| t!("did-you-mean", name = s));
            err(k.to_string(), t!("facts-unknown-field", name = k), help);
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
        None | Some(Json::Null) => None,
        Some(Json::String(s)) => match parse_level(s) {
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
        .get(kind_id)
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
        None | Some(Json::Null) => None,
        Some(Json::String(s)) => match names.region(s) {
            Ok(RegionReading::One(path)) => Some(path),
            Ok(RegionReading::Many(readings)) => {
                region_readings = readings;
                None
            }
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
        None | Some(Json::Null) => {}
        Some(Json::Array(a)) => {
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
    let mut facts = FactMap::default();
    // The fact id of each entry of `facts`, by position.
    let mut fact_ids: Vec<usize> = Vec::new();
    match map.get("facts") {
        None | Some(Json::Null) => {}
        Some(Json::Object(m)) => {
            for (k, v) in m.iter() {
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
            || field("type"),
            || t!("facts-what-event"),
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
            None | Some(Json::Null) => None,
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
            None | Some(Json::Null) => None,
            Some(Json::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
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
            None | Some(Json::Null) => None,
            Some(Json::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(Json::Number(n)) => Some(n.to_string()),
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
        let mut attrs = FactMap::default();
        if let Json::Object(m) = e {
            for (k, v) in m.iter() {
                if is_event_field(k) {
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
            || field("type"),
            || t!("facts-what-action"),
            &mut err,
        ) else {
            continue;
        };
        if let Json::Object(m) = a {
            for k in m.keys() {
                if !is_action_field(k) {
                    let help = match did_you_mean(k, ACTION_FIELDS) {
                        Some(s) => format!("是否想写“{s}”？"),
                        None => "行为的字段有 type、date、for".into(),
                    };
                    err(field(k), format!("未知字段“{k}”"), Some(help));
                }
            }
        }
        let answers = match a.get("for") {
            None | Some(Json::Null) => None,
            Some(v @ (Json::String(_) | Json::Number(_))) => {
                let s = match v {
                    Json::String(s) => s.trim().to_string(),
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

// The fields as matches, which compare with constants (a unit has 40 keys
// to check); `fields_are_the_lists` keeps them the lists' words.
fn is_unit_field(k: &str) -> bool {
    matches!(
        k,
        "id" | "kind" | "level" | "region" | "roles" | "facts" | "events" | "actions"
    )
}

fn is_event_field(k: &str) -> bool {
    matches!(k, "type" | "date" | "id" | "deadline" | "by")
}

fn is_action_field(k: &str) -> bool {
    matches!(k, "type" | "date" | "for")
}

/// Whether a name folds to an already folded one.
fn folded_eq(name: &str, folded_other: &str) -> bool {
    folded(name).as_ref() == folded_other
}

/// The `type` of an event or action record, resolved to its canonical term.
/// The field's name and what the record is (`what`) are worded only for an
/// error: a valid record words nothing.
fn record_type(
    record: &Json<'_>,
    names: &Names<'_>,
    kind: NameKind,
    field: impl Fn() -> String,
    what: impl Fn() -> String,
    err: &mut impl FnMut(String, String, Option<String>),
) -> Option<(String, usize)> {
    let Some(t) = record.get("type").and_then(|x| x.as_str()) else {
        err(field(), t!("facts-missing", what = what()), None);
        return None;
    };
    match names.resolve(t, kind) {
        Ok((c, at)) => Some((c.to_string(), at)),
        Err((m, h)) => {
            err(field(), m, h);
            None
        }
    }
}

fn list<'v, 'a>(v: Option<&'v Json<'a>>) -> &'v [Json<'a>] {
    match v {
        Some(Json::Array(a)) => a,
        _ => &[],
    }
}

/// 省, 市, 州, 县 (区, 县级市), 乡 (镇, 街道), or the ASCII names.
pub fn parse_level(s: &str) -> Option<Level> {
    if let Some(l) = Level::from_word(s) {
        return Some(l);
    }
    match s {
        "区" | "县级市" | "县（区）" => Some(Level::County),
        "镇" | "街道" | "乡镇" | "乡镇（街道）" => Some(Level::Township),
        "社区" | "居" | "村（社区）" | "村（居）" => Some(Level::Village),
        "自治州" => Some(Level::Prefecture),
        _ => None,
    }
}

fn fact_value(v: &Json<'_>, ty: &FactTy) -> Result<Option<FactValue>, (String, Option<String>)> {
    if v.is_null() {
        return Ok(None);
    }
    match ty {
        FactTy::Bool => match v {
            Json::Bool(b) => Ok(Some(FactValue::Bool(*b))),
            Json::String(s) if s == "是" => Ok(Some(FactValue::Bool(true))),
            Json::String(s) if s == "否" => Ok(Some(FactValue::Bool(false))),
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
                Json::String(s) => s.to_string(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_the_lists() {
        let words = UNIT_FIELDS
            .iter()
            .chain(&EVENT_FIELDS)
            .chain(&ACTION_FIELDS);
        for w in words.chain(&["", "ID", "types", "dat", "for ", "facts."]) {
            assert_eq!(is_unit_field(w), UNIT_FIELDS.contains(w), "{w}");
            assert_eq!(is_event_field(w), EVENT_FIELDS.contains(w), "{w}");
            assert_eq!(is_action_field(w), ACTION_FIELDS.contains(w), "{w}");
        }
    }
}
