//! How a provision reads in a change: its one-line description, condition,
//! selectors, authorities and targets, as the diff prints them.

use super::*;

pub(super) fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

pub(super) fn norms(o: &OrdinanceGraph) -> Vec<&NormNode> {
    o.nodes
        .iter()
        .filter_map(|n| match n {
            Node::Norm(x) => Some(x.as_ref()),
            _ => None,
        })
        .collect()
}

pub(super) fn consequences(o: &OrdinanceGraph) -> Vec<&ConsequenceNode> {
    o.nodes
        .iter()
        .filter_map(|n| match n {
            Node::Consequence(x) => Some(x.as_ref()),
            _ => None,
        })
        .collect()
}

/// The title of the chapter an article stands in.
pub(super) fn chapter_title(o: &OrdinanceGraph, a: &ArticleOut) -> Option<String> {
    let n = a.chapter?;
    o.chapters
        .iter()
        .find(|c| c.number == n)
        .map(|c| c.title.clone())
}

pub(super) fn has_chapter(o: &OrdinanceGraph, title: &str) -> bool {
    o.chapters.iter().any(|c| c.title == title)
}

pub(super) fn at_article(a: &ArticleOut) -> At {
    At {
        cite: a.cite.to_string(),
        eid: a.eid.to_string(),
        article: a.number,
        name: None,
        text: a.text.to_string(),
    }
}

pub(super) fn at_norm(o: &OrdinanceGraph, x: &NormNode) -> At {
    At {
        cite: x.cite.to_string(),
        eid: x.eid.to_string(),
        article: x.article,
        name: Some(x.name.to_string()),
        text: provision_text(o, &x.eid),
    }
}

pub(super) fn at_consequence(o: &OrdinanceGraph, x: &ConsequenceNode) -> At {
    At {
        cite: x.cite.to_string(),
        eid: x.eid.to_string(),
        article: x.article,
        name: Some(x.name.to_string()),
        text: provision_text(o, &x.eid),
    }
}

/// The text of an article, paragraph or item, by its eid.
pub(crate) fn provision_text(o: &OrdinanceGraph, eid: &str) -> String {
    for a in &o.articles {
        if a.eid == eid {
            return a.text.to_string();
        }
        for p in &a.paragraphs {
            if p.eid == eid {
                return p.text.to_string();
            }
            for it in &p.items {
                if it.eid == eid {
                    return format!("{}{}", it.label, it.text);
                }
            }
        }
    }
    String::new()
}

pub(super) fn selectors_key(s: &[SelectorOut]) -> Vec<String> {
    let mut v: Vec<String> = s.iter().map(selector_text).collect();
    v.sort();
    v.dedup();
    v
}

pub(super) fn selectors_text(s: &[SelectorOut]) -> String {
    s.iter().map(selector_text).collect::<Vec<_>>().join("、")
}

pub(super) fn recipients_text(n: &NormNode) -> String {
    let sep = if n.recipients_any { "或" } else { "、" };
    let v = selectors_key(&n.recipients);
    if v.is_empty() {
        "（无）".into()
    } else {
        v.join(sep)
    }
}

pub(super) fn norm_line(n: &NormNode) -> String {
    let mut s = format!(
        "{} {} {}",
        selectors_text(&n.subjects),
        n.modality.zh(),
        n.action
    );
    if let Some(d) = &n.deadline {
        s.push_str(&format!("（期限：{}）", deadline_text(d)));
    }
    s
}

pub(super) fn consequence_line(c: &ConsequenceNode) -> String {
    let kinds: Vec<String> = c
        .sanctions
        .iter()
        .flat_map(|cl| cl.kinds.iter().map(|k| k.name.clone()))
        .collect();
    format!("{}：{}", c.name, kinds.join("、"))
}

pub(super) fn strength(m: Modality) -> u8 {
    match m.class() {
        ModalityClass::Permission => 1,
        ModalityClass::Encouragement => 2,
        ModalityClass::Obligation | ModalityClass::Prohibition => 3,
    }
}

pub(super) fn name_of(o: &OrdinanceGraph, id: NodeId) -> String {
    match o.nodes.get(id) {
        Some(Node::Norm(x)) => x.name.to_string(),
        Some(Node::Consequence(x)) => x.name.to_string(),
        Some(Node::Fact { name, .. }) => name.to_string(),
        _ => "？".into(),
    }
}

/// A condition as a drafter writes it, with the arguments of 且 and 或 sorted (so
/// that reordering them is no change), references by name (so that renumbering
/// is no change).
pub(crate) fn cond_text(o: &OrdinanceGraph, id: NodeId) -> String {
    cond_at(o, id, 0)
}

pub(super) fn cond_at(o: &OrdinanceGraph, id: NodeId, depth: u32) -> String {
    if depth > 64 {
        return "…".into();
    }
    let sub = |a: &NodeId| {
        let s = cond_at(o, *a, depth + 1);
        match o.nodes.get(*a) {
            Some(Node::Cond {
                op: Cond::And { .. } | Cond::Or { .. },
            }) => format!("({s})"),
            _ => s,
        }
    };
    let Some(Node::Cond { op }) = o.nodes.get(id) else {
        return name_of(o, id);
    };
    match op {
        Cond::And { args } | Cond::Or { args } => {
            let mut v: Vec<String> = args.iter().map(sub).collect();
            v.sort();
            let sep = if matches!(op, Cond::And { .. }) {
                " 且 "
            } else {
                " 或 "
            };
            v.join(sep)
        }
        Cond::Not { arg } => format!("非 {}", sub(arg)),
        Cond::IsTrue { fact } => name_of(o, *fact),
        Cond::Compare { fact, cmp, value } => {
            format!("{} {} {}", name_of(o, *fact), cmp.symbol(), literal(value))
        }
        Cond::Occurred { pattern, within } => format!(
            "发生 {}{}",
            tiaoli_compiler::view::pattern_text(pattern),
            window(within)
        ),
        Cond::Count {
            pattern,
            within,
            cmp,
            n,
        } => format!(
            "次数 {}{} {} {n}",
            tiaoli_compiler::view::pattern_text(pattern),
            window(within),
            cmp.symbol()
        ),
        Cond::Violated { norm, within } => {
            format!("违反 {}{}", name_of(o, *norm), window(within))
        }
        Cond::ViolatedAny { within } => format!("违反 {}{}", o.self_name, window(within)),
        Cond::Overdue {
            event,
            remedy,
            within,
        } => format!("逾期 {event} 未 {remedy}{}", window(within)),
        Cond::Meets {
            consequences,
            within,
        } => {
            let mut v: Vec<String> = consequences.iter().map(|c| name_of(o, *c)).collect();
            v.sort();
            format!("符合 {}{}", v.join("、"), window(within))
        }
        Cond::TriggerAttr {
            event,
            attr,
            cmp,
            value,
        } => format!("{event}.{attr} {} {}", cmp.symbol(), literal(value)),
    }
}

pub(super) fn window(w: &Option<Window>) -> String {
    match w {
        None => String::new(),
        Some(Window::Period { amount, unit }) => format!(" 近 {amount} {}", unit.zh()),
        Some(Window::Shortly) => " 较短时间内".into(),
    }
}

pub(super) fn norm_condition(o: &OrdinanceGraph, n: &NormNode) -> String {
    let mut parts = Vec::new();
    if let Some(c) = n.condition {
        parts.push(format!("当 {}", cond_text(o, c)));
    }
    if let Some(c) = n.unless {
        parts.push(format!("除非 {}", cond_text(o, c)));
    }
    if parts.is_empty() {
        "（无）".into()
    } else {
        parts.join("；")
    }
}

pub(super) fn priority_text(o: &OrdinanceGraph, n: &NormNode) -> String {
    let mut parts = Vec::new();
    if !n.overrides.is_empty() {
        let mut v: Vec<String> = n.overrides.iter().map(|x| name_of(o, *x)).collect();
        v.sort();
        parts.push(format!("优先于 {}", v.join("、")));
    }
    if let Some(f) = n.fallback_for {
        parts.push(format!("不能履行时替代 {}", name_of(o, f)));
    }
    if parts.is_empty() {
        "（无）".into()
    } else {
        parts.join("；")
    }
}

pub(super) fn grounds_text(o: &OrdinanceGraph, c: &ConsequenceNode) -> String {
    let mut v: Vec<String> = c.grounds.iter().map(|g| cond_text(o, g.cond)).collect();
    if v.is_empty() {
        return cond_text(o, c.condition);
    }
    v.sort();
    let mode = match c.mode {
        GroundMode::Any => "之一",
        GroundMode::All => "全部",
    };
    if v.len() == 1 {
        v.join("")
    } else {
        format!("{mode}：{}", v.join("；"))
    }
}

pub(super) fn sanction_names(c: &ConsequenceNode) -> BTreeSet<String> {
    c.sanctions
        .iter()
        .flat_map(|cl| cl.kinds.iter().map(|k| k.name.clone()))
        .collect()
}

pub(super) fn authorities(c: &ConsequenceNode) -> String {
    let v: BTreeSet<String> = c
        .sanctions
        .iter()
        .flat_map(|cl| cl.authorities.iter().map(selector_text))
        .collect();
    if v.is_empty() {
        "（未规定）".into()
    } else {
        v.into_iter().collect::<Vec<_>>().join("、")
    }
}

pub(super) fn targets(c: &ConsequenceNode) -> String {
    let v: BTreeSet<String> = c
        .sanctions
        .iter()
        .flat_map(|cl| cl.targets.iter().cloned())
        .collect();
    v.into_iter().collect::<Vec<_>>().join("、")
}

/// One sanction of a consequence, with what qualifies it.
pub(super) struct Entry {
    pub(super) name: String,
    /// Which 处理 line of the consequence it stands on.
    pub(super) clause: usize,
    pub(super) rank: u32,
    pub(super) discretionary: bool,
    /// 根据情节轻重 / 择一, its own condition, its period.
    pub(super) context: String,
}

impl Entry {
    pub(super) fn label(&self) -> String {
        format!("{}（等级{}）", self.name, self.rank)
    }
}

pub(super) fn entries(o: &OrdinanceGraph, c: &ConsequenceNode) -> BTreeMap<String, Entry> {
    let mut out = BTreeMap::new();
    for (clause, cl) in c.sanctions.iter().enumerate() {
        let mut context = String::new();
        if let Some(ch) = cl.choice {
            context.push_str(&format!(" {}", ch_text(ch)));
        }
        if let Some(cond) = cl.condition {
            context.push_str(&format!(" 当 {}", cond_text(o, cond)));
        }
        if let Some(d) = &cl.deadline {
            context.push_str(&format!(" 期限 {}", deadline_text(d)));
        }
        for k in &cl.kinds {
            out.entry(k.name.clone()).or_insert_with(|| Entry {
                name: k.name.clone(),
                clause,
                rank: k.rank,
                discretionary: cl.discretionary,
                context: context.clone(),
            });
        }
    }
    out
}

pub(super) fn ch_text(c: tiaoli_syntax::ast::Choice) -> &'static str {
    match c {
        tiaoli_syntax::ast::Choice::BySeverity => "根据情节轻重",
        tiaoli_syntax::ast::Choice::OneOf => "择一",
    }
}

/// Every chapter and section heading: (第N章 / 第N章第M节, title).
pub(super) fn headings(o: &OrdinanceGraph) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for c in &o.chapters {
        let chapter = format!("第{}章", tiaoli_syntax::format::to_chinese(c.number));
        out.push((chapter.clone(), c.title.clone()));
        for s in &c.sections {
            out.push((
                format!(
                    "{chapter}第{}节",
                    tiaoli_syntax::format::to_chinese(s.number)
                ),
                s.title.clone(),
            ));
        }
    }
    out
}
