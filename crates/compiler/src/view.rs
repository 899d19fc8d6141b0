//! Pictures of the evaluation graph for drafters: Graphviz DOT and Mermaid.
//! Facts flow into conditions, conditions into norms and consequences, and
//! consequences into the sanctions they impose.

use crate::graph::*;
use tiaoli_syntax::ast::Direction;

/// The inputs a node reads (all with smaller ids).
pub fn deps(node: &Node) -> Vec<NodeId> {
    labeled_deps(node).into_iter().map(|(id, _)| id).collect()
}

/// The inputs a node reads, each with what it is to the node (for edge labels).
pub fn labeled_deps(node: &Node) -> Vec<(NodeId, &'static str)> {
    match node {
        Node::Fact { .. } => vec![],
        Node::Cond { op } => match op {
            Cond::And { args } | Cond::Or { args } => args.iter().map(|a| (*a, "")).collect(),
            Cond::Not { arg } => vec![(*arg, "")],
            Cond::IsTrue { fact } | Cond::Compare { fact, .. } => vec![(*fact, "")],
            Cond::Violated { norm, .. } => vec![(*norm, "违反")],
            Cond::Meets { consequences, .. } => consequences.iter().map(|c| (*c, "情形")).collect(),
            Cond::Occurred { .. }
            | Cond::Count { .. }
            | Cond::ViolatedAny { .. }
            | Cond::Overdue { .. }
            | Cond::TriggerAttr { .. } => vec![],
        },
        Node::Norm(n) => {
            let mut v: Vec<(NodeId, &'static str)> = Vec::new();
            v.extend(n.condition.map(|c| (c, "当")));
            v.extend(n.unless.map(|c| (c, "除非")));
            v.extend(n.overrides.iter().map(|o| (*o, "优先于")));
            v.extend(n.fallback_for.map(|f| (f, "不能履行时替代")));
            v
        }
        Node::Consequence(c) => {
            let mut v = vec![(c.condition, "情形")];
            v.extend(
                c.sanctions
                    .iter()
                    .filter_map(|s| s.condition)
                    .map(|c| (c, "当")),
            );
            v
        }
    }
}

/// Escalation edges: a consequence that imposes a measure with a period (挂牌督办,
/// 责令限期整改) leads to each condition that reads that measure's period running
/// out without the remedy (`逾期 挂牌督办 未 整改完成`). Not an input of the
/// condition — the imposed measure is an event of the facts — but what follows
/// if the measure is not complied with, so pictures draw it (dashed). As
/// (consequence, condition), in node order.
pub fn escalations(g: &OrdinanceGraph) -> Vec<(NodeId, NodeId)> {
    let mut out = Vec::new();
    for (j, n) in g.nodes.iter().enumerate() {
        let Node::Cond {
            op: Cond::Overdue { event, .. },
        } = n
        else {
            continue;
        };
        for (i, m) in g.nodes.iter().enumerate() {
            if let Node::Consequence(c) = m {
                if c.sanctions
                    .iter()
                    .any(|cl| cl.kinds.iter().any(|k| &k.name == event))
                {
                    out.push((i, j));
                }
            }
        }
    }
    out
}

/// A yes/no fact read through `IsTrue` is drawn as the fact itself.
fn shown(g: &OrdinanceGraph, id: NodeId) -> NodeId {
    match g.nodes.get(id) {
        Some(Node::Cond {
            op: Cond::IsTrue { fact },
        }) => *fact,
        _ => id,
    }
}

/// A subject or authority as a drafter writes it: 同级平安建设组织协调机构, 市、县人民政府.
pub fn selector_text(s: &SelectorOut) -> String {
    if s.self_unit {
        return "本单位".into();
    }
    if s.unspecified {
        return "（主体未明确）".into();
    }
    let mut out = String::new();
    if let Some(r) = s.relation {
        out.push_str(r.zh());
    }
    if !s.levels.is_empty() {
        out.push_str(
            &s.levels
                .iter()
                .map(|l| l.zh())
                .collect::<Vec<_>>()
                .join("、"),
        );
    }
    out.push_str(&s.term);
    if !s.except.is_empty() {
        out.push_str(&format!("（{}除外）", s.except.join("、")));
    }
    out
}

pub fn deadline_text(d: &DeadlineOut) -> String {
    match d {
        DeadlineOut::Vague { word } => format!("{}（未定期限）", word.zh()),
        DeadlineOut::Periodic { period } => period.zh().to_string(),
        DeadlineOut::ByOrder { event: None } => "限期（期限由命令确定）".into(),
        DeadlineOut::ByOrder { event: Some(e) } => format!("限期（依{e}确定）"),
        DeadlineOut::Period {
            amount,
            unit,
            direction,
            anchor,
            anchor_attr,
        } => {
            let anchor = match anchor_attr {
                Some(a) => format!("{anchor}{a}"),
                None => anchor.clone(),
            };
            match direction {
                Direction::From => format!("自{anchor}起{amount}{}", unit.zh()),
                Direction::After => format!("{anchor}后{amount}{}", unit.zh()),
                Direction::Before => format!("{anchor}前{amount}{}", unit.zh()),
            }
        }
    }
}

/// `刑事案件、群体性事件【等级 = 重大】` as a reader sees it.
pub fn pattern_text(p: &EventPatternOut) -> String {
    let mut s = p.events.join("、");
    if !p.filter.is_empty() {
        let tests: Vec<String> = p
            .filter
            .iter()
            .map(|f| format!("{} {} {}", f.attr, f.cmp.symbol(), literal(&f.value)))
            .collect();
        s.push_str(&format!("【{}】", tests.join("、")));
    }
    s
}

/// A trigger as a reader sees it: 发现涉嫌电信网络诈骗, 挂牌督办期满, 挂牌督办逾期未整改完成.
pub fn trigger_text(t: &TriggerOut) -> String {
    match t {
        TriggerOut::Event { pattern } => pattern_text(pattern),
        TriggerOut::PeriodEnd {
            pattern,
            period: None,
        } => format!("{}期满", pattern_text(pattern)),
        TriggerOut::PeriodEnd {
            pattern,
            period: Some(p),
        } => format!("{}后{}{}期满", pattern_text(pattern), p.amount, p.unit.zh()),
        TriggerOut::Overdue { event, remedy } => format!("{event}逾期未{remedy}"),
    }
}

/// 为期1年（自…起）.
pub fn lasting_text(l: &LastingOut) -> String {
    match &l.from {
        Some(p) => format!(
            "为期{}{}（自{}起）",
            l.period.amount,
            l.period.unit.zh(),
            pattern_text(p)
        ),
        None => format!(
            "为期{}{}（自情形成立之日起）",
            l.period.amount,
            l.period.unit.zh()
        ),
    }
}

fn label(node: &Node, nodes: &[Node]) -> String {
    match node {
        Node::Fact { name, .. } => name.to_string(),
        Node::Cond { op } => match op {
            Cond::And { .. } => "且".into(),
            Cond::Or { .. } => "或".into(),
            Cond::Not { .. } => "非".into(),
            Cond::IsTrue { .. } => "是".into(),
            Cond::Compare { cmp, value, .. } => format!("{} {}", cmp.symbol(), literal(value)),
            Cond::Occurred { pattern, within } => {
                format!("{}发生{}", window_text(within), pattern_text(pattern))
            }
            Cond::Count {
                pattern,
                within,
                cmp,
                n,
            } => {
                format!(
                    "{}{}次数 {} {n}",
                    window_text(within),
                    pattern_text(pattern),
                    cmp.symbol()
                )
            }
            Cond::Violated { within, .. } => format!("{}违反", window_text(within)),
            Cond::ViolatedAny { within } => format!("{}违反本法规任一义务", window_text(within)),
            Cond::Overdue {
                event,
                remedy,
                within,
            } => format!("{}{event}逾期未{remedy}", window_text(within)),
            Cond::Meets { within, .. } => format!("{}符合", window_text(within)),
            Cond::TriggerAttr {
                event,
                attr,
                cmp,
                value,
            } => format!("本次{event}的{attr} {} {}", cmp.symbol(), literal(value)),
        },
        Node::Norm(n) => {
            let subjects = n
                .subjects
                .iter()
                .map(selector_text)
                .collect::<Vec<_>>()
                .join("、");
            let mut s = format!(
                "{}\\n{}：{} {}",
                n.cite,
                subjects,
                n.modality.zh(),
                n.action
            );
            if let Some(t) = &n.trigger {
                s.push_str(&format!("\\n触发：{}", trigger_text(t)));
            }
            if let Some(d) = &n.deadline {
                s.push_str(&format!("\\n期限：{}", deadline_text(d)));
            }
            s
        }
        Node::Consequence(c) => {
            let mut s = format!("{}\\n后果：{}", c.cite, c.name);
            for cl in &c.sanctions {
                let kinds = cl
                    .kinds
                    .iter()
                    .map(|k| k.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、");
                let by = if cl.authorities.is_empty() {
                    String::new()
                } else {
                    let names: Vec<String> = cl.authorities.iter().map(selector_text).collect();
                    format!("由{}", names.join("或"))
                };
                s.push_str(&format!("\\n{by}对{}：{kinds}", cl.targets.join("、")));
            }
            let _ = nodes;
            s
        }
    }
}

fn window_text(w: &Option<Window>) -> String {
    match w {
        None => String::new(),
        Some(Window::Period { amount, unit }) => format!("近{amount}{}", unit.zh()),
        Some(Window::Shortly) => "较短时间内".into(),
    }
}

/// A literal as the rule text writes it (是 / 否 for booleans).
pub fn literal(l: &Literal) -> String {
    match l {
        Literal::Bool(true) => "是".into(),
        Literal::Bool(false) => "否".into(),
        Literal::Number(n) => n.to_string(),
        Literal::Date(d) | Literal::Enum(d) => d.clone(),
    }
}

/// The node ids to draw: all, or those of one article and everything they read.
pub fn select(g: &OrdinanceGraph, article: Option<u32>) -> Vec<NodeId> {
    let Some(a) = article else {
        return (0..g.nodes.len()).collect();
    };
    let mut keep = vec![false; g.nodes.len()];
    let mut stack: Vec<NodeId> = g
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| match n {
            Node::Norm(x) => x.article == a,
            Node::Consequence(x) => x.article == a,
            _ => false,
        })
        .map(|(i, _)| i)
        .collect();
    while let Some(i) = stack.pop() {
        if let Some(k) = keep.get_mut(i) {
            if *k {
                continue;
            }
            *k = true;
        }
        if let Some(n) = g.nodes.get(i) {
            stack.extend(deps(n));
        }
    }
    // The consequences whose measures an overdue condition of the article
    // reads: the escalation into it (the node alone, not what grounds it).
    for (from, to) in escalations(g) {
        if keep.get(to).copied().unwrap_or(false) {
            if let Some(k) = keep.get_mut(from) {
                *k = true;
            }
        }
    }
    keep.iter()
        .enumerate()
        .filter(|(_, k)| **k)
        .map(|(i, _)| i)
        .collect()
}

/// Graphviz DOT.
pub fn to_dot(g: &OrdinanceGraph, article: Option<u32>) -> String {
    let ids = select(g, article);
    let mut out = format!(
        "digraph \"{}\" {{\n  rankdir=LR;\n  node [fontname=\"Noto Sans CJK SC\"];\n  label=\"{}{}\";\n",
        g.id,
        g.title,
        article
            .and_then(|a| g.articles.iter().find(|x| x.number == a))
            .map(|a| format!(" {}", a.cite))
            .unwrap_or_default()
    );
    for &i in &ids {
        let Some(n) = g.nodes.get(i) else { continue };
        if shown(g, i) != i {
            continue;
        }
        let shape = match n {
            Node::Fact { .. } => "ellipse",
            Node::Cond { .. } => "diamond",
            Node::Norm(_) => "box",
            Node::Consequence(_) => "box, style=filled, fillcolor=\"#fde2e2\"",
        };
        out.push_str(&format!(
            "  n{i} [shape={shape}, label=\"{}\"];\n",
            label(n, &g.nodes).replace('"', "\\\"")
        ));
    }
    for &i in &ids {
        let Some(n) = g.nodes.get(i) else { continue };
        if shown(g, i) != i {
            continue;
        }
        for (d, what) in labeled_deps(n) {
            let d = shown(g, d);
            if what.is_empty() {
                out.push_str(&format!("  n{d} -> n{i};\n"));
            } else {
                out.push_str(&format!("  n{d} -> n{i} [label=\"{what}\"];\n"));
            }
        }
    }
    for (from, to) in escalations(g) {
        if ids.binary_search(&from).is_ok() && ids.binary_search(&to).is_ok() {
            out.push_str(&format!(
                "  n{from} -> n{to} [label=\"逾期未履行\", style=dashed, color=\"#b91c1c\"];\n"
            ));
        }
    }
    out.push_str("}\n");
    out
}

/// Mermaid flowchart (renders in GitHub and most documentation tools).
pub fn to_mermaid(g: &OrdinanceGraph, article: Option<u32>) -> String {
    let ids = select(g, article);
    let mut out = String::from("flowchart LR\n");
    for &i in &ids {
        let Some(n) = g.nodes.get(i) else { continue };
        if shown(g, i) != i {
            continue;
        }
        let text = label(n, &g.nodes)
            .replace("\\n", "<br/>")
            .replace('"', "#quot;");
        let node = match n {
            Node::Fact { .. } => format!("  n{i}([\"{text}\"])\n"),
            Node::Cond { .. } => format!("  n{i}{{\"{text}\"}}\n"),
            Node::Norm(_) => format!("  n{i}[\"{text}\"]\n"),
            Node::Consequence(_) => format!("  n{i}[[\"{text}\"]]\n"),
        };
        out.push_str(&node);
    }
    for &i in &ids {
        let Some(n) = g.nodes.get(i) else { continue };
        if shown(g, i) != i {
            continue;
        }
        for (d, what) in labeled_deps(n) {
            let d = shown(g, d);
            if what.is_empty() {
                out.push_str(&format!("  n{d} --> n{i}\n"));
            } else {
                out.push_str(&format!("  n{d} -- {what} --> n{i}\n"));
            }
        }
    }
    for (from, to) in escalations(g) {
        if ids.binary_search(&from).is_ok() && ids.binary_search(&to).is_ok() {
            out.push_str(&format!("  n{from} -. 逾期未履行 .-> n{to}\n"));
        }
    }
    out
}
