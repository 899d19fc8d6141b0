//! Sentence analysis: what a reviewer needs to encode one normative sentence —
//! the modality (from the modal verb governing the clause), the subjects (from the
//! sentence's own structure, never carried over from another sentence), the
//! trigger, deadlines, sanctions and, for a consequence, its authority and target.
//!
//! A paragraph or item is cut into units after 。；;！？. A unit after ；shares its
//! sentence's subject and modal verb (coordinated clauses of one sentence); after
//! 。 nothing is shared: a sentence that names no subject says so (未明确).
//! docs/lift.md gives the rules and their measured accuracy.

use serde::Serialize;
use tiaoli_compiler::graph::LexiconOut;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Subject {
    /// As the text writes it (less determiners such as 各级; a shared head given
    /// to each element: 公安、网信等部门 → 公安部门).
    pub text: String,
    /// The lexicon term it matched, if any.
    pub term: Option<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Consequence {
    /// Measures of the sanction catalogue (canonical names).
    pub sanctions: Vec<String>,
    /// Measures the catalogue does not have (不得评为年度精神文明单位 …).
    pub other: Vec<String>,
    /// Who imposes them (由 X; X 应当责令…).
    pub authority: Vec<Subject>,
    /// Whom they reach (对 X; the party of the grounds).
    pub target: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Sentence {
    /// The paragraph (款), from 1.
    pub paragraph: usize,
    /// The item (项) label, when the unit is an item's text.
    pub item: Option<String>,
    pub text: String,
    /// The modality in the language's terms (应当, 必须, 不得, 可以, 鼓励, 支持,
    /// 提倡, 负责, 牵头, 配合, 协助).
    pub modality: Option<&'static str>,
    /// The modal verb as written (应, 有权, 严禁 …); absent for a reading without one.
    pub modal_word: Option<String>,
    /// The modality is a reading: an organ's work stated without a modal verb
    /// (负责), or the modal verb of the sentence's earlier clause.
    pub implicit: bool,
    /// Empty: the sentence names no one (未明确).
    pub subjects: Vec<Subject>,
    /// The subjects of the sentence before, when this one names none: a hint for
    /// the reviewer, never a reading.
    pub preceding_subjects: Vec<String>,
    pub trigger: Option<String>,
    pub deadlines: Vec<String>,
    pub references: Vec<String>,
    pub consequence: Option<Consequence>,
}

impl Sentence {
    /// Whether the unit is normative: a modality or a consequence.
    pub fn is_normative(&self) -> bool {
        self.modality.is_some() || self.consequence.is_some()
    }
}

mod measures;
mod modal;
mod names;
mod parties;
mod words;

use measures::{deadlines, references, sanctions};
pub(crate) use names::proposed_term;
use names::{Np, Terms};
use parties::*;
use words::*;

// ───────────────────────────── the analysis of one unit ─────────────────────────────

/// Adverbs between a subject and its verb.
const ADVERBS: [&str; 22] = [
    "都", "均", "也", "还", "亦", "具体", "全面", "统一", "依法", "分别", "共同", "切实", "认真",
    "积极", "主动", "自觉", "严格", "及时", "应当", "必须", "一律", "同时",
];

fn strip_adverbs(mut s: &str) -> &str {
    loop {
        let before = s;
        for a in ADVERBS {
            s = s.trim_start_matches(a).trim_end_matches(a);
        }
        s = s.trim_matches(|c: char| is_comma(c) || c.is_whitespace());
        if s == before {
            return s;
        }
    }
}

/// Verbs that open a subjectless condition: "进行……评估，应当……".
const CONDITION_VERBS: [&str; 16] = [
    "进行", "实施", "处置", "作出", "开展", "办理", "处理", "受理", "发生", "出现", "涉及", "收到",
    "遇有", "审查", "举办", "组织",
];

/// The text less the adverbs it ends with (…时都 → …时).
fn strip_adverbs_end(mut s: &str) -> &str {
    loop {
        let before = s;
        for a in ADVERBS {
            s = s.trim_end_matches(a);
        }
        s = s.trim_end_matches(|c: char| is_comma(c) || c.is_whitespace());
        if s == before {
            return s;
        }
    }
}

/// Circumstances that are not conditions: 在…下, 根据…, 对 + object.
fn circumstance(s: &str) -> bool {
    let lead = [
        "根据", "按照", "依照", "依据", "结合", "通过", "为了", "针对", "对", "对于", "在", "为",
        "经", "从",
    ];
    lead.iter().any(|l| s.starts_with(l)) && !condition_form(s)
}

fn condition_form(s: &str) -> bool {
    s.ends_with('的')
        || ["时", "后", "之后", "以后", "期间", "之时"]
            .iter()
            .any(|w| s.ends_with(w))
            && !s.ends_with("以后的")
        || s.starts_with("发现")
}

/// A trigger as written: without the leading 在/对于/或者 and the final 的/时/后.
fn clean_trigger(s: &str) -> String {
    let mut t = s.trim();
    for lead in [
        "或者", "以及", "并且", "并", "且", "凡是", "凡", "对于", "对", "当", "在", "如果", "如",
        "若",
    ] {
        if let Some(r) = t.strip_prefix(lead) {
            t = r;
        }
    }
    for tail in ["的", "之时", "时", "之后", "以后", "后", "期间"] {
        if let Some(r) = t.strip_suffix(tail) {
            t = r;
            break;
        }
    }
    t.trim().to_string()
}

/// The comma-separated chunks of a unit: (start, end).
fn chunks(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let q = quoted(chars);
    for (i, c) in chars.iter().enumerate() {
        if (is_comma(*c) || is_end_punct(*c)) && q.get(i) != Some(&true) {
            out.push((start, i));
            start = i + 1;
        }
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    out
}

pub struct Analyser {
    terms: Terms,
}

impl Analyser {
    pub fn new(lex: &LexiconOut) -> Analyser {
        Analyser {
            terms: Terms::new(lex),
        }
    }

    /// Analyses the text of one paragraph or item: its units, in order.
    /// `preceding` is the subjects of the last sentence before it that named some.
    pub fn text(
        &self,
        paragraph: usize,
        item: Option<&str>,
        text: &str,
        preceding: &mut Vec<String>,
    ) -> Vec<Sentence> {
        let mut out: Vec<Sentence> = Vec::new();
        let mut unit = String::new();
        let mut shared: Option<Sentence> = None;
        let mut flush =
            |u: &str, shared: &mut Option<Sentence>, out: &mut Vec<Sentence>, end: char| {
                let u = u.trim();
                if u.is_empty() {
                    return;
                }
                let mut s = self.unit_in(u, shared.as_ref(), item.is_some());
                s.paragraph = paragraph;
                s.item = item.map(str::to_string);
                if s.subjects.is_empty() && s.is_normative() {
                    s.preceding_subjects = preceding.clone();
                }
                if !s.subjects.is_empty() {
                    *preceding = s.subjects.iter().map(|x| x.text.clone()).collect();
                }
                *shared = if end == '；' || end == ';' {
                    Some(s.clone())
                } else {
                    None
                };
                out.push(s);
            };
        for c in text.chars() {
            unit.push(c);
            if "。；;！？!?".contains(c) {
                flush(&unit, &mut shared, &mut out, c);
                unit.clear();
            }
        }
        flush(&unit, &mut shared, &mut out, '。');
        out
    }

    /// One unit. `shared`: the earlier clause of the same sentence (after ；).
    pub fn unit(&self, text: &str, shared: Option<&Sentence>) -> Sentence {
        self.unit_in(text, shared, false)
    }

    /// One unit; `in_item`: the text of an item (项), whose predicate belongs to the
    /// paragraph that introduces it — no 负责 is read into it.
    fn unit_in(&self, text: &str, shared: Option<&Sentence>, in_item: bool) -> Sentence {
        let t = &self.terms;
        // "（以下简称综治委）" is no part of the name it follows.
        let clean = remove_abbreviation_notes(text);
        let chars: Vec<char> = clean.chars().collect();
        let modals = t.modal_verbs(&chars);
        let (sanction_list, other) = sanctions(&chars, t);
        let chunk_list = chunks(&chars);
        let mut s = Sentence {
            text: text.to_string(),
            deadlines: deadlines(text),
            references: references(text),
            ..Sentence::default()
        };

        let chunk_of = |pos: usize| {
            chunk_list
                .iter()
                .position(|(a, b)| *a <= pos && pos <= *b)
                .unwrap_or(0)
        };
        // The subject for a verb at `v`: the actor phrase at the start of its chunk,
        // or of an earlier chunk that holds nothing else (a list, a condition).
        let subject_before = |v: usize| -> (Option<Np>, Option<String>) {
            let k = chunk_of(v);
            let (a, _) = chunk_list.get(k).copied().unwrap_or((0, 0));
            let mut trigger: Option<String> = None;
            let mut np = t.actor_np(&chars, a, v);
            if let Some(n) = &np {
                // What stands between the subject and the verb.
                let between = cut(&chars, n.end, v);
                let rem = strip_adverbs(between.trim_start_matches('等'));
                let raw = between
                    .trim_start_matches('等')
                    .trim_start_matches(['都', '均', '也', '还'])
                    .trim();
                let coordinated = ["或者", "或", "和", "及", "并", "、"]
                    .iter()
                    .any(|w| rem.ends_with(w));
                let condition = !rem.is_empty()
                    && !coordinated
                    && !circumstance(rem)
                    && (condition_form(rem)
                        || !rem.starts_with([
                            '在', '对', '按', '根', '依', '与', '同', '向', '会', '结', '通',
                        ]));
                if condition || rem.starts_with('在') && condition_form(rem) {
                    trigger = Some(clean_trigger(strip_adverbs_end(raw)));
                }
            }
            // Walk back over earlier chunks.
            let own_chunk_np = np.is_some();
            let mut kk = k;
            let mut merging = true;
            while kk > 0 {
                kk -= 1;
                let (ca, cb) = chunk_list.get(kk).copied().unwrap_or((0, 0));
                let c = cut(&chars, ca, cb);
                let c_np = t.actor_np(&chars, ca, cb);
                let whole_np = c_np.as_ref().is_some_and(|n| {
                    starts_at(&chars, n.start, ca)
                        && cut(&chars, n.end, cb)
                            .trim()
                            .trim_end_matches('等')
                            .is_empty()
                });
                if whole_np {
                    match &mut np {
                        None => np = c_np,
                        Some(n) if merging => {
                            // Lists of actors separated by commas.
                            if let Some(prev) = c_np {
                                let mut e = prev.elements;
                                e.append(&mut n.elements);
                                n.elements = e;
                                n.start = prev.start;
                            }
                        }
                        Some(_) => {}
                    }
                    continue;
                }
                merging = false;
                let body = match &c_np {
                    Some(n) if starts_at(&chars, n.start, ca) => cut(&chars, n.end, cb),
                    _ => c.clone(),
                };
                let body = strip_adverbs(&body).to_string();
                let negation = ["未", "不", "拒", "违反", "滥用", "玩忽"]
                    .iter()
                    .any(|w| body.starts_with(w));
                if trigger.is_none()
                    && (condition_form(&body) || negation && find_you(&chars, t).is_some())
                {
                    trigger = Some(clean_trigger(&body));
                    if np.is_none() && !own_chunk_np {
                        if let Some(n) = c_np.filter(|n| starts_at(&chars, n.start, ca)) {
                            np = Some(n);
                            break;
                        }
                    }
                    continue;
                }
                if trigger.is_some()
                    && np.is_none()
                    && condition_form(&body)
                    && c_np
                        .as_ref()
                        .is_some_and(|n| starts_at(&chars, n.start, ca))
                {
                    np = c_np;
                    break;
                }
                if circumstance(&body) || circumstance(&c) || c.ends_with('等') {
                    if np.is_none() {
                        if let Some(n) = c_np.filter(|n| starts_at(&chars, n.start, ca)) {
                            np = Some(n);
                        }
                    }
                    if np.is_some() && trigger.is_some() {
                        break;
                    }
                    continue;
                }
                if np.is_none()
                    && kk + 1 == k
                    && c_np
                        .as_ref()
                        .is_some_and(|n| starts_at(&chars, n.start, ca))
                    && !body.is_empty()
                {
                    // "X作出…的重大决策，应当…": the subject, and its condition.
                    if trigger.is_none() {
                        trigger = Some(clean_trigger(&body));
                    }
                    np = c_np;
                    break;
                }
                if trigger.is_none()
                    && kk == 0
                    && np.is_none()
                    && c_np.is_none()
                    && CONDITION_VERBS.iter().any(|v| c.starts_with(v))
                {
                    trigger = Some(clean_trigger(&c));
                }
                if np.is_none() && trigger.is_some() {
                    if let Some(n) = c_np.filter(|n| starts_at(&chars, n.start, ca)) {
                        np = Some(n);
                    }
                }
                break;
            }
            (np, trigger)
        };

        let mut modals = modals;
        if let Some(k) = clean.find("的义务") {
            let before = clean.get(..k).unwrap_or("");
            if let Some(y) = before.rfind('有') {
                let pos = clean.get(..y).unwrap_or("").chars().count();
                let gap = before.get(y..).unwrap_or("").chars().count();
                if gap <= 9 && !modals.iter().any(|(p, ..)| *p < pos) {
                    modals.insert(0, (pos, 1, "有……的义务", "应当"));
                }
            }
        }
        let governing = modals.first().copied();
        let mut authority_np: Option<Vec<String>> = None;
        match governing {
            Some((m, n, w, modality)) => {
                s.modality = Some(modality);
                s.modal_word = Some(w.to_string());
                let after_modal = m + n;
                if matches!(modality, "鼓励" | "支持" | "提倡") {
                    // The parties encouraged: after the verb (鼓励和支持 X …).
                    let mut p = after_modal;
                    for cont in ["和支持", "和提倡", "、支持", "支持", "和鼓励", "、鼓励"]
                    {
                        if at(&chars, p, cont) {
                            p += cont.chars().count();
                        }
                    }
                    let before = t.actor_np(
                        &chars,
                        chunk_list.get(chunk_of(m)).map(|c| c.0).unwrap_or(0),
                        m,
                    );
                    match before {
                        Some(np) if !cut(&chars, np.start, np.end).is_empty() => {
                            s.subjects = t.subjects(&np.elements)
                        }
                        _ => {
                            if let Some(np) = t.actor_np(&chars, p, chars.len()) {
                                s.subjects = t.subjects(&np.elements);
                            }
                        }
                    }
                } else if at(&chars, after_modal, "由") {
                    if let Some(np) = t.actor_np(&chars, after_modal, chars.len()) {
                        s.subjects = t.subjects(&np.elements);
                    }
                    let (_, trig) = subject_before(m);
                    s.trigger = trig;
                } else {
                    let (np, trig) = subject_before(m);
                    if let Some(np) = np {
                        s.subjects = t.subjects(&np.elements);
                    }
                    s.trigger = trig;
                }
                // A disqualification (不得评为…) reaches its subject; it binds no one.
                if modality == "不得"
                    && (!other.is_empty() || sanction_list.iter().any(|x| x == "不得评为优秀等次"))
                {
                    authority_np = Some(vec![]);
                }
            }
            None => {
                let you = find_you(&chars, t);
                if let Some((y, np)) = you {
                    authority_np = Some(np.elements.clone());
                    s.subjects = t.subjects(&np.elements);
                    let (_, trig) = subject_before(y);
                    s.trigger = trig;
                    if sanction_list.is_empty() && other.is_empty() {
                        s.modality = Some("负责");
                        s.implicit = true;
                    }
                } else {
                    // An organ's work without a modal verb: the name opens the unit,
                    // or the first chunk after circumstances (对…，X…).
                    for (start, &(ca, cb)) in chunk_list.iter().enumerate() {
                        let c = cut(&chars, ca, cb);
                        if let Some(np) = t.actor_np(&chars, ca, chars.len()).filter(|n| {
                            starts_at(&chars, n.start, ca)
                                || strip_determiners(&cut(&chars, ca, n.start)).is_empty()
                        }) {
                            let after = cut(&chars, np.end, chars.len());
                            let after = after
                                .trim_start_matches(|c: char| is_comma(c) || c.is_whitespace());
                            let first_chunk = cut(&chars, np.end, cb);
                            let duty_list = after.starts_with("的职责")
                                || (after.contains("的任务") || after.contains("职责"))
                                    && after.ends_with(['：', ':']);
                            let verb_follows = !after.is_empty()
                                && !after.starts_with(['的', '为', '是', '、', '和', '等'])
                                && !after.starts_with("实行")
                                && !condition_form(strip_adverbs(&first_chunk))
                                && shared.is_none();
                            let in_lexicon = np.elements.iter().all(|e| t.actor(e).is_some());
                            if (duty_list || verb_follows) && (!in_item || in_lexicon) {
                                s.modality = Some("负责");
                                s.implicit = true;
                                s.subjects = t.subjects(&np.elements);
                                authority_np = Some(np.elements.clone());
                            }
                            break;
                        }
                        if !(circumstance(&c) || condition_form(&c)) || start > 1 {
                            break;
                        }
                    }
                }
                if s.modality.is_none() && sanction_list.is_empty() && other.is_empty() {
                    if let Some(prev) = shared {
                        s.modality = prev.modality;
                        s.implicit = true;
                        s.subjects = prev.subjects.clone();
                    }
                }
                if !sanction_list.is_empty() || !other.is_empty() {
                    // A consequence without a modal verb: its trigger and target.
                    let v = sanction_position(&chars, &sanction_list, t).unwrap_or(chars.len());
                    if s.trigger.is_none() {
                        let (np, trig) = subject_before(v);
                        s.trigger = trig;
                        if let Some(np) = np {
                            if authority_np.is_none() {
                                s.target_hint(np.elements);
                            }
                        }
                    }
                }
            }
        }
        // Within one sentence, a clause without its own subject shares the
        // earlier clause's.
        if s.subjects.is_empty() && s.modality.is_some() {
            if let Some(prev) = shared {
                s.subjects = prev.subjects.clone();
            }
        }
        // A trigger after the modal verb: "…，发现…，及时报告".
        if s.trigger.is_none() && s.is_normative_or(&sanction_list) {
            for &(ca, cb) in &chunk_list {
                let c = cut(&chars, ca, cb);
                let c = match t.actor_np(&chars, ca, cb) {
                    Some(n) => cut(&chars, n.end, cb),
                    None => c,
                };
                if c.starts_with("发现") {
                    s.trigger = Some(clean_trigger(&c));
                    break;
                }
            }
            // A condition before a later modal verb: "X应当…，发现…的，应当…".
            if s.trigger.is_none() {
                for &(m, _, _, _) in modals.iter().skip(1) {
                    let k = chunk_of(m);
                    if let Some(&(ca, cb)) = k.checked_sub(1).and_then(|p| chunk_list.get(p)) {
                        let c = cut(&chars, ca, cb);
                        let c = match t.actor_np(&chars, ca, cb) {
                            Some(n) => cut(&chars, n.end, cb),
                            None => c,
                        };
                        if condition_form(&c) {
                            s.trigger = Some(clean_trigger(&c));
                            break;
                        }
                    }
                }
            }
        }

        if !sanction_list.is_empty() || !other.is_empty() {
            let mut c = s.consequence.take().unwrap_or_default();
            c.sanctions = sanction_list;
            c.other = other;
            let authority = recommended_authority(&chars, t)
                .or_else(|| find_you(&chars, t).map(|(_, np)| np.elements))
                .or(authority_np.clone())
                .unwrap_or_else(|| s.subjects.iter().map(|x| x.text.clone()).collect());
            c.authority = t.subjects(&authority);
            if c.target.is_empty() {
                c.target = target(&chars, t).unwrap_or_default();
            }
            if c.target.is_empty() {
                if let Some(np) = t.actor_np(&chars, 0, chars.len()) {
                    let first: Vec<String> = np.elements;
                    if first != authority {
                        c.target = first;
                    }
                }
            }
            if authority_np.as_ref().is_some_and(|a| a.is_empty()) && s.modality == Some("不得") {
                // 不得评为: the subject is the target.
                if c.target.is_empty() {
                    c.target = s.subjects.iter().map(|x| x.text.clone()).collect();
                }
                s.subjects.clear();
            }
            s.consequence = Some(c);
        }
        s
    }
}

impl Sentence {
    fn is_normative_or(&self, sanctions: &[String]) -> bool {
        self.modality.is_some() || !sanctions.is_empty()
    }

    fn target_hint(&mut self, elements: Vec<String>) {
        let c = self.consequence.get_or_insert_with(Consequence::default);
        c.target = elements;
    }
}

fn remove_abbreviation_notes(text: &str) -> String {
    let mut s = text.to_string();
    for (open, close) in [("（以下简称", '）'), ("(以下简称", ')')] {
        while let Some(a) = s.find(open) {
            let Some(len) = s.get(a..).and_then(|r| r.find(close)) else {
                break;
            };
            s.replace_range(a..a + len + close.len_utf8(), "");
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(t: &str) -> Sentence {
        Analyser::new(&LexiconOut::default()).unit(t, None)
    }

    fn texts(s: &Sentence) -> Vec<String> {
        s.subjects.iter().map(|x| x.text.clone()).collect()
    }

    #[test]
    fn subjects_come_from_the_sentence_itself() {
        let s = unit("公安、网信等有关部门应当按照职责加强网络安全管理。");
        assert_eq!(s.modality, Some("应当"));
        assert_eq!(
            texts(&s),
            ["公安部门", "网信部门"],
            "a shared head is given to each"
        );
        let s = unit("市、县（区）人民政府应当将平安建设纳入规划。");
        assert_eq!(
            texts(&s),
            ["市、县（区）人民政府"],
            "levels stay with their head"
        );
        let s = unit("社会风险引发突发事件的，应当按照有关规定及时组织应急响应。");
        assert!(s.subjects.is_empty(), "no subject is invented: 未明确");
        assert_eq!(s.trigger.as_deref(), Some("社会风险引发突发事件"));
        let s = unit("鼓励人大代表和政协委员依法参与矛盾纠纷调处化解。");
        assert_eq!(
            (s.modality, texts(&s)),
            (
                Some("鼓励"),
                vec!["人大代表".to_string(), "政协委员".to_string()]
            )
        );
        let s = unit("被诉行政机关负责人应当出庭应诉。");
        assert_eq!(texts(&s), ["被诉行政机关负责人"], "负责人 is no modal verb");
        let s = unit("任何组织和个人有权对危害平安建设的行为进行举报。");
        assert_eq!(
            (s.modality, s.modal_word.as_deref()),
            (Some("可以"), Some("有权"))
        );
    }

    fn with_sanctions() -> Analyser {
        let sanction = |name: &str, aliases: &[&str]| tiaoli_compiler::graph::SanctionOut {
            name: name.into(),
            rank: 1,
            sets_period: false,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
        };
        let lex = LexiconOut {
            sanctions: vec![
                sanction("追究刑事责任", &[]),
                sanction("通报", &["通报批评"]),
                sanction("责令限期整改", &["限期整改", "责令整改"]),
                sanction("制止", &[]),
            ],
            ..LexiconOut::default()
        };
        Analyser::new(&lex)
    }

    #[test]
    fn consequences_with_or_without_a_modal_verb() {
        let a = with_sanctions();
        let s = a.unit("构成犯罪的，依法追究刑事责任。", None);
        assert_eq!(s.modality, None);
        assert_eq!(s.trigger.as_deref(), Some("构成犯罪"));
        assert_eq!(
            s.consequence.map(|c| c.sanctions),
            Some(vec!["追究刑事责任".to_string()])
        );
        let s = a.unit(
            "地区、单位收到限期整改通知书后，在规定期限内未整改的，由所在地综治委或者系统综治委给予通报批评。",
            None,
        );
        let c = s.consequence.unwrap();
        assert_eq!(c.sanctions, ["通报"]);
        let authority: Vec<&str> = c.authority.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(authority, ["所在地综治委", "系统综治委"]);
        assert_eq!(s.trigger.as_deref(), Some("规定期限内未整改"));
        let s = a.unit("防范、制止和依法惩治宗教极端活动。", None);
        assert!(s.consequence.is_none(), "制止 as an action is no measure");
    }
}
