//! The lexicon's surface forms (measures and actors, by name, alias or
//! shorthand) and where a text writes them.

use super::*;

/// Surface forms by their first character, longest first, each with its
/// canonical name.
#[derive(Clone, Debug, Default)]
pub struct Forms {
    by_first: std::collections::BTreeMap<char, Vec<(Vec<char>, String)>>,
}

impl Forms {
    fn new(mut all: Vec<(Vec<char>, String)>) -> Forms {
        all.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.cmp(b)));
        all.dedup();
        let mut by_first: std::collections::BTreeMap<char, Vec<(Vec<char>, String)>> =
            std::collections::BTreeMap::new();
        for (f, n) in all {
            if let Some(c) = f.first() {
                by_first.entry(*c).or_default().push((f, n));
            }
        }
        Forms { by_first }
    }

    /// The longest form that starts at `i`.
    fn at(&self, cs: &[char], i: usize) -> Option<&(Vec<char>, String)> {
        let c = cs.get(i)?;
        self.by_first
            .get(c)?
            .iter()
            .find(|(f, _)| cs.get(i..i + f.len()).is_some_and(|s| s == f.as_slice()))
    }
}

/// The surface forms of the lexicon's measures and actors.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    pub(super) sanctions: Forms,
    pub(super) actors: Forms,
}

impl Vocabulary {
    pub fn new(lex: &LexiconOut) -> Vocabulary {
        let mut sanctions: Vec<(Vec<char>, String)> = Vec::new();
        for s in &lex.sanctions {
            for form in std::iter::once(&s.name).chain(&s.aliases) {
                sanctions.push((form.chars().collect(), s.name.clone()));
            }
        }
        let mut actors: Vec<(Vec<char>, String)> = Vec::new();
        for a in &lex.actors {
            for form in std::iter::once(&a.name).chain(&a.aliases) {
                actors.push((form.chars().collect(), a.name.clone()));
            }
        }
        for r in &lex.roles {
            for form in std::iter::once(r.name.as_ref()).chain(r.aliases.iter().map(String::as_str))
            {
                actors.push((form.chars().collect(), r.name.to_string()));
            }
        }
        Vocabulary {
            sanctions: Forms::new(sanctions),
            actors: Forms::new(actors),
        }
    }

    /// The canonical names of the measures a text names, in order.
    pub fn sanctions_in(&self, text: &str) -> Vec<String> {
        let cs: Vec<char> = text.chars().collect();
        matches(&cs, &self.sanctions)
            .into_iter()
            .map(|(_, _, n)| n.to_string())
            .collect()
    }

    /// The text with every actor's name or alias replaced by `mask` (for what a
    /// text says apart from whom it names).
    pub fn without_actors(&self, text: &str, mask: char) -> String {
        let cs: Vec<char> = text.chars().collect();
        let mut out = cs.clone();
        for (s, e, _) in matches(&cs, &self.actors) {
            for k in s..e {
                if let Some(c) = out.get_mut(k) {
                    *c = mask;
                }
            }
        }
        out.into_iter().collect()
    }

    /// The canonical names of the actors a text names, by name or alias, also
    /// inside the text's shorthand (村（居）民委员会, 公安、网信等部门).
    pub fn actors_in(&self, text: &str) -> Vec<String> {
        let text = &normalize(text);
        let cs: Vec<char> = text.chars().collect();
        let mut out: Vec<String> = actor_matches(&cs, &self.actors)
            .into_iter()
            .map(|(_, _, n)| n.to_string())
            .collect();
        let nd: Vec<char> = cs.iter().copied().filter(|c| *c != '的').collect();
        out.extend(
            actor_matches(&nd, &self.actors)
                .into_iter()
                .map(|(_, _, n)| n.to_string()),
        );
        let short: Vec<char> = shorthand(text).chars().collect();
        out.extend(
            matches(&short, &self.actors)
                .into_iter()
                .map(|(_, _, n)| n.to_string()),
        );
        out
    }
}

/// Longest non-overlapping matches of the forms, left to right: (start, end, canonical).
pub(super) fn matches<'f>(cs: &[char], forms: &'f Forms) -> Vec<(usize, usize, &'f str)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        match forms.at(cs, i) {
            Some((f, name)) => {
                out.push((i, i + f.len(), name.as_str()));
                i += f.len();
            }
            None => i += 1,
        }
    }
    out
}

/// Characters an organisation's name ends with. A form that ends otherwise
/// (公安, 教育, 民政 — the field an authority works in) names an actor only
/// inside a list (公安、民政等部门), not in 宣传教育.
pub(super) const ORG_END: &[char] = &[
    '部', '门', '关', '构', '府', '会', '处', '位', '织', '业', '院', '者', '所', '站', '心', '校',
    '团', '园', '馆', '商', '员', '人', '体', '联', '委', '局', '厅', '办', '协', '队', '社', '室',
    '民', '组',
];

pub(super) fn actor_matches<'f>(cs: &[char], forms: &'f Forms) -> Vec<(usize, usize, &'f str)> {
    matches(cs, forms)
        .into_iter()
        .filter(|(s, e, _)| {
            let last = e.checked_sub(1).and_then(|k| cs.get(k));
            if last.is_some_and(|c| ORG_END.contains(c)) {
                return true;
            }
            let next = cs.get(*e);
            let prev = s.checked_sub(1).and_then(|k| cs.get(k));
            next.is_some_and(|c| matches!(c, '、' | '等' | '和' | '及' | '部' | '机'))
                || prev == Some(&'、')
        })
        .collect()
}

/// What a list's items share at its end (公安、网信等部门, 给排水、供电等单位).
pub(super) const HEADS: &[&str] = &["部门", "单位", "机构", "机关", "场所", "组织", "企业"];

pub(super) fn is_delimiter(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | ',' | ';' | ':' | '“' | '”' | '\n'
    ) || c.is_whitespace()
}

/// The phrases a text writes in shorthand, spelt out: "村（居）民委员会" is
/// 村民委员会 and 居民委员会; "公安、网信等有关部门" is 公安部门 and 网信部门. One
/// phrase per 。, for matching actors only.
pub fn shorthand(text: &str) -> String {
    let cs: Vec<char> = text.chars().collect();
    let mut out: Vec<String> = Vec::new();
    // A（B）C → AC, BC.
    for (i, c) in cs.iter().enumerate() {
        if *c != '（' && *c != '(' {
            continue;
        }
        let Some(close) = cs
            .get(i + 1..)
            .and_then(|s| s.iter().position(|c| *c == '）' || *c == ')'))
            .map(|p| i + 1 + p)
        else {
            continue;
        };
        let inner = slice(&cs, i + 1, close);
        if inner.contains('、') || inner.chars().count() > 4 {
            continue;
        }
        let a_start = cs
            .get(..i)
            .and_then(|s| s.iter().rposition(|c| is_delimiter(*c) || *c == '、'))
            .map(|p| p + 1)
            .unwrap_or(0);
        let c_end = cs
            .get(close + 1..)
            .and_then(|s| {
                s.iter()
                    .position(|c| is_delimiter(*c) || *c == '、' || *c == '（')
            })
            .map(|p| close + 1 + p)
            .unwrap_or(cs.len());
        let (a, c) = (slice(&cs, a_start, i), slice(&cs, close + 1, c_end));
        out.push(format!("{a}{c}"));
        out.push(format!("{inner}{c}"));
    }
    // X1、X2……等HEAD → X1HEAD, X2HEAD …; X等主管部门 → X部门.
    let text_one: String = cs.iter().collect();
    for head in HEADS {
        for (pos, _) in text_one.match_indices(head) {
            let at = text_one.get(..pos).map(|s| s.chars().count()).unwrap_or(0);
            let start = cs
                .get(..at)
                .and_then(|s| s.iter().rposition(|c| is_delimiter(*c)))
                .map(|p| p + 1)
                .unwrap_or(0);
            let list = slice(&cs, start, at);
            if !list.contains('、') && !list.contains('等') {
                continue;
            }
            let mut list = list.as_str();
            loop {
                let before = list;
                for q in ["有关", "相关", "主管", "行业", "各类", "等"] {
                    list = list.trim_end_matches(q);
                }
                if list == before {
                    break;
                }
            }
            // Only the list itself: what follows its last verb or 和 is the list.
            for item in list.split(['、', '和', '及']) {
                let item = item.trim_start_matches("以及").trim_start_matches("或者");
                if !item.is_empty() && item.chars().count() <= 8 {
                    out.push(format!("{item}{head}"));
                }
            }
        }
    }
    // A及其B → AB (网络运营者及其代理服务商); X的Y1、Y2 → XY1, XY2
    // (大型群众性活动的主办者、承办者).
    for (joiner, keep_a) in [("及其", true), ("的", true)] {
        for (pos, _) in text_one.match_indices(joiner) {
            let at = text_one.get(..pos).map(|s| s.chars().count()).unwrap_or(0);
            let after = at + joiner.chars().count();
            let a_start = cs
                .get(..at)
                .and_then(|s| {
                    s.iter()
                        .rposition(|c| is_delimiter(*c) || *c == '、' || *c == '的')
                })
                .map(|p| p + 1)
                .unwrap_or(0);
            let end = cs
                .get(after..)
                .and_then(|s| s.iter().position(|c| is_delimiter(*c) || *c == '的'))
                .map(|p| after + p)
                .unwrap_or(cs.len());
            let a = slice(&cs, a_start, at);
            let b_all = slice(&cs, after, end);
            // For 的, only a list needs spelling out (the text without 的 has the rest).
            if !keep_a
                || a.is_empty()
                || a.chars().count() > 12
                || (joiner == "的" && !b_all.contains('、'))
            {
                continue;
            }
            for b in b_all.split('、') {
                if !b.is_empty() && b.chars().count() <= 30 {
                    out.push(format!("{a}{b}"));
                }
            }
        }
    }
    out.join("。")
}

/// "追究相关单位、组织和个人的责任": the measure whose name is 追究责任, written
/// around its object (not 追究刑事责任, a measure of its own).
pub(super) fn split_liability<'v>(
    cs: &[char],
    vocab: &'v Vocabulary,
    found: &mut Vec<(usize, usize, &'v str)>,
) {
    let target: Vec<char> = "追究责任".chars().collect();
    let Some((_, name)) = vocab.sanctions.at(&target, 0).filter(|(f, _)| *f == target) else {
        return;
    };
    let zj: Vec<char> = "追究".chars().collect();
    for i in 0..cs.len() {
        if cs.get(i..i + 2) != Some(zj.as_slice())
            || found.iter().any(|(s, e, _)| *s <= i && i < *e)
        {
            continue;
        }
        let end = cs
            .get(i..)
            .and_then(|s| s.iter().position(|c| matches!(c, '。' | '；' | ';' | '，')))
            .map(|p| i + p)
            .unwrap_or(cs.len());
        let clause = slice(cs, i, end);
        if let Some(p) = clause.find("责任") {
            let before = clause.get(..p).unwrap_or_default();
            if !before.ends_with("刑事") && !before.ends_with("法律") {
                let e = i + before.chars().count() + 2;
                found.push((i, e, name.as_str()));
            }
        }
    }
    found.sort();
}
