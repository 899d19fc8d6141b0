//! Changes to the shared vocabulary: terms added or removed, an actor kind's
//! parents (属于), a sanction's rank on the ladder (等级), a fact's type or values.
//! Aliases (又称) change no meaning and are not reported. A lexicon change can
//! change the meaning of every ordinance using the term, so it is reported on its
//! own, under the ordinance id `lexicon`.

use std::collections::BTreeMap;

use tiaoli_compiler::graph::{FactTy, LexiconOut};

use crate::{Change, Kind};

/// The id under which lexicon changes are reported.
pub const LEXICON: &str = "lexicon";

fn ty(t: &FactTy) -> String {
    match t {
        FactTy::Bool => "布尔".into(),
        FactTy::Number => "数值".into(),
        FactTy::Date => "日期".into(),
        FactTy::Enum { values } => format!("枚举 {}", values.join("、")),
    }
}

/// (declaration, term) → what the declaration says beyond the name.
fn entries(l: &LexiconOut) -> BTreeMap<(&'static str, String), String> {
    let mut out = BTreeMap::new();
    for a in &l.actors {
        let parents = if a.parents.is_empty() {
            String::new()
        } else {
            format!("属于 {}", a.parents.join("、"))
        };
        out.insert(("主体类别", a.name.clone()), parents);
    }
    for (kind, terms) in [
        ("角色", &l.roles),
        ("责任人", &l.persons),
        ("行为", &l.actions),
    ] {
        for t in terms {
            out.insert((kind, t.name.to_string()), String::new());
        }
    }
    for f in &l.facts {
        out.insert(("事实", f.name.clone()), ty(&f.ty));
    }
    for e in l.events.iter().filter(|e| !e.sanction) {
        let attrs: Vec<String> = e
            .attrs
            .iter()
            .map(|(k, t)| format!("{k}: {}", ty(t)))
            .collect();
        let desc = if attrs.is_empty() {
            String::new()
        } else {
            format!("属性 {}", attrs.join("、"))
        };
        out.insert(("事件", e.name.clone()), desc);
    }
    for s in &l.sanctions {
        let period = if s.sets_period { " 附期限" } else { "" };
        out.insert(
            ("处理方式", s.name.clone()),
            format!("等级 {}{period}", s.rank),
        );
    }
    out
}

fn line(name: &str, desc: &str) -> String {
    if desc.is_empty() {
        name.to_string()
    } else {
        format!("{name} {desc}")
    }
}

pub(crate) fn lexicon(old: &LexiconOut, new: &LexiconOut) -> Vec<Change> {
    let (a, b) = (entries(old), entries(new));
    let change = |kind: Kind, field: &str, from: Option<String>, to: Option<String>| Change {
        kind,
        ordinance: LEXICON.to_string(),
        field: Some(field.to_string()),
        old: None,
        new: None,
        from,
        to,
    };
    let mut out = Vec::new();
    for ((field, name), x) in &a {
        match b.get(&(*field, name.clone())) {
            None => out.push(change(Kind::TermRemoved, field, Some(line(name, x)), None)),
            Some(y) if x != y => out.push(change(
                Kind::TermChanged,
                field,
                Some(line(name, x)),
                Some(line(name, y)),
            )),
            Some(_) => {}
        }
    }
    for ((field, name), y) in &b {
        if !a.contains_key(&(*field, name.clone())) {
            out.push(change(Kind::TermAdded, field, None, Some(line(name, y))));
        }
    }
    out
}
