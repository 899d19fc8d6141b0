//! What a provision's verbatim text says that an encoding must reflect: periods
//! (三十日, 五个工作日, 3个月, 一年), fixed rhythms (每年, 每季度), modal verbs (应当,
//! 必须, 不得, 可以, 鼓励 …), the measures of the sanction catalogue and the actors
//! of the lexicon (by name or alias), 除…外 exclusions, and the date of entry
//! into force. A tolerant scanner: what it cannot read is not a signal.

use serde::Serialize;
use tiaoli_compiler::graph::LexiconOut;
use tiaoli_syntax::ast::{ModalityClass, Periodic, TimeUnit};
use tiaoli_syntax::chinese_numeral;

/// A unit of time as a text writes it. Hours have no counterpart in the
/// language, so a text that counts hours always needs a reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Hours,
    Days,
    WorkingDays,
    Months,
    Years,
}

impl Unit {
    pub fn zh(self) -> &'static str {
        match self {
            Unit::Hours => "小时",
            Unit::Days => "日",
            Unit::WorkingDays => "个工作日",
            Unit::Months => "个月",
            Unit::Years => "年",
        }
    }
}

impl From<TimeUnit> for Unit {
    fn from(u: TimeUnit) -> Unit {
        match u {
            TimeUnit::Days => Unit::Days,
            TimeUnit::WorkingDays => Unit::WorkingDays,
            TimeUnit::Months => Unit::Months,
            TimeUnit::Years => Unit::Years,
        }
    }
}

/// One thing a text says that its encoding must reflect.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Signal {
    /// N 日 / N 个工作日 / N 个月 / N 年 / N 小时.
    Period { amount: u32, unit: Unit },
    /// 每年, 每半年, 每季度, 每月.
    Periodic { period: Periodic },
    /// 及时, 立即, 定期: a deadline the text leaves vague. Not compared with the
    /// encoding (the words have other uses: 及时发现), only between two versions
    /// of a text (及时 → 立即 is a change to the law).
    Vague { word: String },
    /// A modal verb, with its class.
    Modal { word: String, class: ModalityClass },
    /// A measure of the sanction catalogue, by its canonical name.
    Sanction { name: String },
    /// An actor kind or role of the lexicon, by its canonical name.
    Actor { name: String },
    /// 除……外, ……的除外.
    Exception,
    /// The date of entry into force (`YYYY-MM-DD`), or `None` where the text
    /// leaves it blank (本条例自 年 月 日起施行).
    Date { date: Option<String> },
}

impl Signal {
    /// As a drafter reads it: 三十日 → "30日", 必须, 通报, 除……外.
    pub fn show(&self) -> String {
        match self {
            Signal::Period { amount, unit } => format!("{amount}{}", unit.zh()),
            Signal::Periodic { period } => period.zh().to_string(),
            Signal::Vague { word } => word.clone(),
            Signal::Modal { word, .. } => word.clone(),
            Signal::Sanction { name } | Signal::Actor { name } => name.clone(),
            Signal::Exception => "除……外".into(),
            Signal::Date { date: Some(d) } => d.clone(),
            Signal::Date { date: None } => "（日期空白）".into(),
        }
    }
}

/// A signal where it was found: the words as written and the sentence around them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Found {
    pub signal: Signal,
    /// The words as the text writes them (三十日, 公安机关).
    pub words: String,
    /// The sentence (up to 。 or ；) that holds them.
    pub sentence: String,
}

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
    sanctions: Forms,
    actors: Forms,
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
            for form in std::iter::once(&r.name).chain(&r.aliases) {
                actors.push((form.chars().collect(), r.name.clone()));
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

/// Half-width brackets as the lexicon writes them (乡(镇) → 乡（镇）).
pub fn normalize(text: &str) -> String {
    text.replace('(', "（").replace(')', "）")
}

/// Longest non-overlapping matches of the forms, left to right: (start, end, canonical).
fn matches<'f>(cs: &[char], forms: &'f Forms) -> Vec<(usize, usize, &'f str)> {
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
const ORG_END: &[char] = &[
    '部', '门', '关', '构', '府', '会', '处', '位', '织', '业', '院', '者', '所', '站', '心', '校',
    '团', '园', '馆', '商', '员', '人', '体', '联', '委', '局', '厅', '办', '协', '队', '社', '室',
    '民', '组',
];

fn actor_matches<'f>(cs: &[char], forms: &'f Forms) -> Vec<(usize, usize, &'f str)> {
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
const HEADS: &[&str] = &["部门", "单位", "机构", "机关", "场所", "组织", "企业"];

fn is_delimiter(c: char) -> bool {
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

const NUMERAL: &str = "〇零一二两三四五六七八九十百千";

fn is_num(c: char) -> bool {
    c.is_ascii_digit() || NUMERAL.contains(c) || ('０'..='９').contains(&c)
}

fn value(s: &str) -> Option<u32> {
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    if ascii.chars().all(|c| c.is_ascii_digit()) {
        ascii.parse().ok()
    } else {
        chinese_numeral(&ascii)
    }
}

/// The sentence around char index `at`: from the last 。；; before it to the next.
fn sentence(cs: &[char], at: usize) -> String {
    let stop = |c: &char| matches!(c, '。' | '；' | ';' | '\n');
    let start = cs
        .get(..at)
        .and_then(|s| s.iter().rposition(stop))
        .map(|p| p + 1)
        .unwrap_or(0);
    let end = cs
        .get(at..)
        .and_then(|s| s.iter().position(stop))
        .map(|p| at + p + 1)
        .unwrap_or(cs.len());
    cs.get(start..end)
        .map(|s| s.iter().collect::<String>())
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn slice(cs: &[char], a: usize, b: usize) -> String {
    cs.get(a..b).map(|s| s.iter().collect()).unwrap_or_default()
}

/// Periods and dates: a run of numerals followed by a unit.
fn periods(cs: &[char], out: &mut Vec<Found>) {
    let mut i = 0;
    while i < cs.len() {
        let Some(c) = cs.get(i).copied() else { break };
        let prev = i.checked_sub(1).and_then(|k| cs.get(k)).copied();
        if !is_num(c) || prev.is_some_and(is_num) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while cs.get(j).is_some_and(|c| is_num(*c)) {
            j += 1;
        }
        let run = slice(cs, start, j);
        // 第三十日, 第二年: an ordinal, not a period.
        if prev == Some('第') {
            i = j;
            continue;
        }
        // A calendar date: 2024年10月1日 (or a year alone: 2024年).
        // A year is four digits (2024, 二〇二四), never 三百零一.
        let year_like = run.chars().count() == 4
            && run
                .chars()
                .all(|c| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c));
        if cs.get(j) == Some(&'年') && year_like {
            let mut k = j + 1;
            let month_start = k;
            while cs.get(k).is_some_and(|c| is_num(*c)) {
                k += 1;
            }
            let month = slice(cs, month_start, k);
            let mut end = j + 1;
            let mut date = None;
            if !month.is_empty() && cs.get(k) == Some(&'月') {
                let day_start = k + 1;
                let mut d = day_start;
                while cs.get(d).is_some_and(|c| is_num(*c)) {
                    d += 1;
                }
                let day = slice(cs, day_start, d);
                if !day.is_empty() && cs.get(d) == Some(&'日') {
                    if let (Some(y), Some(m), Some(dd)) = (value(&run), value(&month), value(&day))
                    {
                        date = Some(format!("{y:04}-{m:02}-{dd:02}"));
                    }
                    end = d + 1;
                }
            } else if blank_from(cs, j).is_some() {
                end = blank_from(cs, j).unwrap_or(j + 1);
                out.push(Found {
                    signal: Signal::Date { date: None },
                    words: slice(cs, start, end),
                    sentence: sentence(cs, start),
                });
                i = end;
                continue;
            }
            if let Some(d) = date {
                out.push(Found {
                    signal: Signal::Date { date: Some(d) },
                    words: slice(cs, start, end),
                    sentence: sentence(cs, start),
                });
            }
            i = end;
            continue;
        }
        let mut k = j;
        let ge = cs.get(k) == Some(&'个');
        if ge {
            k += 1;
        }
        let rest: String = cs
            .get(k..(k + 3).min(cs.len()))
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        let unit = if rest.starts_with("工作日") {
            Some((Unit::WorkingDays, 3))
        } else if rest.starts_with("小时") {
            Some((Unit::Hours, 2))
        } else if rest.starts_with('日') || rest.starts_with('天') {
            // 10月1日: the day of a date.
            (!ge && prev != Some('月')).then_some((Unit::Days, 1))
        } else if rest.starts_with('月') {
            // 三个月 is a period; 10月 a month of the calendar.
            ge.then_some((Unit::Months, 1))
        } else if rest.starts_with('年') {
            Some((Unit::Years, 1))
        } else {
            None
        };
        match (unit, value(&run)) {
            (Some((unit, len)), Some(amount)) if amount > 0 => {
                out.push(Found {
                    signal: Signal::Period { amount, unit },
                    words: slice(cs, start, k + len),
                    sentence: sentence(cs, start),
                });
                i = k + len;
            }
            _ => i = j,
        }
    }
    // 本条例自年月日起施行: a date with no numbers at all.
    let text: String = cs.iter().collect();
    for (pos, _) in text.match_indices("自年月日") {
        let at = text.get(..pos).map(|s| s.chars().count()).unwrap_or(0) + 1;
        out.push(Found {
            signal: Signal::Date { date: None },
            words: "年月日".into(),
            sentence: sentence(cs, at),
        });
    }
}

/// After a year (at the 年), a month and a day left blank (年   月   日): the end.
fn blank_from(cs: &[char], at: usize) -> Option<usize> {
    let mut k = at + 1;
    while cs.get(k).is_some_and(|c| c.is_whitespace()) {
        k += 1;
    }
    if cs.get(k) != Some(&'月') {
        return None;
    }
    k += 1;
    while cs.get(k).is_some_and(|c| c.is_whitespace()) {
        k += 1;
    }
    (cs.get(k) == Some(&'日')).then_some(k + 1)
}

fn vague(cs: &[char], out: &mut Vec<Found>) {
    let text: String = cs.iter().collect();
    for word in ["及时", "立即", "定期"] {
        for (pos, _) in text.match_indices(word) {
            let at = text.get(..pos).map(|s| s.chars().count()).unwrap_or(0);
            out.push(Found {
                signal: Signal::Vague {
                    word: word.to_string(),
                },
                words: word.to_string(),
                sentence: sentence(cs, at),
            });
        }
    }
}

fn periodics(cs: &[char], out: &mut Vec<Found>) {
    let text: String = cs.iter().collect();
    let forms = [
        ("每半年", Periodic::HalfYearly),
        ("每季度", Periodic::Quarterly),
        ("每年", Periodic::Yearly),
        ("每月", Periodic::Monthly),
    ];
    let mut taken: Vec<usize> = Vec::new();
    for (form, period) in forms {
        for (pos, _) in text.match_indices(form) {
            if taken.contains(&pos) {
                continue;
            }
            taken.push(pos);
            let at = text.get(..pos).map(|s| s.chars().count()).unwrap_or(0);
            out.push(Found {
                signal: Signal::Periodic { period },
                words: form.to_string(),
                sentence: sentence(cs, at),
            });
        }
    }
}

/// Modal verbs, longest first. 应 alone is a modal verb only before a verb
/// (应建立, 应按照), not in 应急, 相应, 适应, 应对 …
const MODALS: &[(&str, ModalityClass)] = &[
    ("不允许", ModalityClass::Prohibition),
    ("不得", ModalityClass::Prohibition),
    ("禁止", ModalityClass::Prohibition),
    ("严禁", ModalityClass::Prohibition),
    ("不准", ModalityClass::Prohibition),
    ("应当", ModalityClass::Obligation),
    ("应该", ModalityClass::Obligation),
    ("必须", ModalityClass::Obligation),
    ("可以", ModalityClass::Permission),
    ("有权", ModalityClass::Permission),
    ("鼓励", ModalityClass::Encouragement),
    ("提倡", ModalityClass::Encouragement),
    ("倡导", ModalityClass::Encouragement),
];

/// [`MODALS`] as characters, in the same order.
const MODAL_CHARS: &[&[char]] = &[
    &['不', '允', '许'],
    &['不', '得'],
    &['禁', '止'],
    &['严', '禁'],
    &['不', '准'],
    &['应', '当'],
    &['应', '该'],
    &['必', '须'],
    &['可', '以'],
    &['有', '权'],
    &['鼓', '励'],
    &['提', '倡'],
    &['倡', '导'],
];

/// What may follow 应 when it is the modal verb (应建立, 应按照, 应及时 …).
const YING_BEFORE: &str =
    "建加按依及做落配组制开定向在将予采保提健完严主积把与实根结统设进推通协负明履";
/// What may stand before 应 when it is part of another word (相应, 适应, 响应 …).
const YING_AFTER: &str = "相适反响供对呼效感回顺报照答因";

/// Modal verbs of `cs` (the text with the catalogue's measures masked), quoted
/// from `orig` (the text as written).
fn modals(cs: &[char], orig: &[char], out: &mut Vec<Found>) {
    let mut i = 0;
    let mut last_binding: Option<usize> = None;
    while i < cs.len() {
        if let Some(c) = cs.get(i) {
            if matches!(c, '。' | '；' | ';') {
                last_binding = None;
            }
        }
        let hit = MODAL_CHARS
            .iter()
            .zip(MODALS)
            .find(|(w, _)| cs.get(i..i + w.len()).is_some_and(|s| s == **w))
            .map(|(_, m)| m);
        if let Some((w, class)) = hit {
            let n = w.chars().count();
            let next = cs.get(i + n).copied();
            // 不得不 is not a prohibition; 有权机关 is a body, not a right;
            // 法律法规禁止的信息 describes, it does not forbid.
            let not_modal = (*w == "不得" && next == Some('不'))
                || (*w == "有权" && next.is_some_and(|c| "机单部组".contains(c)))
                || (*w == "禁止" && next == Some('的'));
            if not_modal {
                i += n;
                continue;
            }
            // 应当鼓励, 可以支持: the verb before binds; the encouragement is its object.
            let bound = *class == ModalityClass::Encouragement && last_binding.is_some();
            if !bound {
                out.push(Found {
                    signal: Signal::Modal {
                        word: w.to_string(),
                        class: *class,
                    },
                    words: w.to_string(),
                    sentence: sentence(orig, i),
                });
            }
            if *class != ModalityClass::Encouragement {
                last_binding = Some(i + n);
            }
            i += n;
            continue;
        }
        if cs.get(i) == Some(&'应') {
            let next = cs.get(i + 1).copied();
            let prev = i.checked_sub(1).and_then(|k| cs.get(k)).copied();
            if next.is_some_and(|c| YING_BEFORE.contains(c))
                && !prev.is_some_and(|c| YING_AFTER.contains(c))
            {
                out.push(Found {
                    signal: Signal::Modal {
                        word: "应".into(),
                        class: ModalityClass::Obligation,
                    },
                    words: "应".into(),
                    sentence: sentence(orig, i),
                });
                last_binding = Some(i + 1);
            }
        }
        i += 1;
    }
}

/// Words in which 除 is not "except": 消除, 排除, 扫黑除恶 …
const CHU_IN: &str = "消排清解拆铲删免破去根剔摒革废扫黑整切";

fn exceptions(cs: &[char], out: &mut Vec<Found>) {
    for (i, c) in cs.iter().enumerate() {
        if *c != '除' {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|k| cs.get(k)).copied();
        let next = cs.get(i + 1).copied();
        // ……的除外.
        if next == Some('外') {
            if prev.is_some_and(|p| !CHU_IN.contains(p)) {
                out.push(Found {
                    signal: Signal::Exception,
                    words: "除外".into(),
                    sentence: sentence(cs, i),
                });
            }
            continue;
        }
        if prev.is_some_and(|p| CHU_IN.contains(p)) || next == Some('恶') {
            continue;
        }
        // 除……外 / 除……以外, within the clause.
        let clause_end = cs
            .get(i..)
            .and_then(|s| s.iter().position(|c| matches!(c, '。' | '；' | ';' | '：')))
            .map(|p| i + p)
            .unwrap_or(cs.len());
        let has_wai = cs.get(i + 1..clause_end).is_some_and(|s| s.contains(&'外'));
        if has_wai {
            out.push(Found {
                signal: Signal::Exception,
                words: "除……外".into(),
                sentence: sentence(cs, i),
            });
        }
    }
}

/// "追究相关单位、组织和个人的责任": the measure whose name is 追究责任, written
/// around its object (not 追究刑事责任, a measure of its own).
fn split_liability<'v>(
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

/// Every signal of one provision's text, in kind order then text order.
pub fn scan(text: &str, vocab: &Vocabulary) -> Vec<Found> {
    let text = &normalize(text);
    let cs: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    periods(&cs, &mut out);
    periodics(&cs, &mut out);
    vague(&cs, &mut out);
    // Measures first, so that the 不得 of 不得评为优秀等次 is no prohibition.
    let mut sanctions = matches(&cs, &vocab.sanctions);
    split_liability(&cs, vocab, &mut sanctions);
    let mut masked = cs.clone();
    for (s, e, name) in &sanctions {
        out.push(Found {
            signal: Signal::Sanction {
                name: name.to_string(),
            },
            words: slice(&cs, *s, *e),
            sentence: sentence(&cs, *s),
        });
        for k in *s..*e {
            if let Some(c) = masked.get_mut(k) {
                *c = '□';
            }
        }
    }
    modals(&masked, &cs, &mut out);
    let mut actors: Vec<&str> = Vec::new();
    for (s, e, name) in actor_matches(&cs, &vocab.actors) {
        actors.push(name);
        out.push(Found {
            signal: Signal::Actor {
                name: name.to_string(),
            },
            words: slice(&cs, s, e),
            sentence: sentence(&cs, s),
        });
    }
    // X的Y → XY (大型群众性活动的场所管理者): the text without 的, read as the text.
    if text.contains('的') {
        let nd: Vec<char> = text.chars().filter(|c| *c != '的').collect();
        for (s, e, name) in actor_matches(&nd, &vocab.actors) {
            if !actors.contains(&name) {
                actors.push(name);
                out.push(Found {
                    signal: Signal::Actor {
                        name: name.to_string(),
                    },
                    words: slice(&nd, s, e),
                    sentence: sentence(&nd, s),
                });
            }
        }
    }
    // A phrase spelt out of shorthand is an actor's name already (乡镇, 街道 of
    // 乡镇（街道）): no need to be inside a list.
    for phrase in shorthand(text).split('。') {
        let ps: Vec<char> = phrase.chars().collect();
        for (s, e, name) in matches(&ps, &vocab.actors) {
            if !actors.contains(&name) {
                actors.push(name);
                out.push(Found {
                    signal: Signal::Actor {
                        name: name.to_string(),
                    },
                    words: slice(&ps, s, e),
                    sentence: phrase.to_string(),
                });
            }
        }
    }
    exceptions(&cs, &mut out);
    out
}

/// Whether a text has a clause with no modal verb before it in its sentence
/// (a declarative clause: "国家机关加强……", "培育和弘扬……志愿精神，鼓励……"),
/// which the language reads as 负责.
pub fn declarative(text: &str) -> bool {
    sentences(text).iter().any(|s| {
        let first = s.split(['，', ',', '：']).next().unwrap_or(s);
        let cs: Vec<char> = first.chars().collect();
        let mut v = Vec::new();
        modals(&cs, &cs, &mut v);
        v.is_empty()
    })
}

/// The sentences of a text (up to 。 or ；).
pub fn sentences(text: &str) -> Vec<String> {
    text.split(['。', '；', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn sig(text: &str) -> Vec<Signal> {
        scan(text, &Vocabulary::default())
            .into_iter()
            .map(|f| f.signal)
            .collect()
    }

    #[test]
    fn periods_in_chinese_and_arabic_numerals() {
        let s = sig(
            "可以自调解协议生效之日起三十日内共同申请；在接待日之前的五个工作日公布；3个月内；一年",
        );
        assert!(s.contains(&Signal::Period {
            amount: 30,
            unit: Unit::Days
        }));
        assert!(s.contains(&Signal::Period {
            amount: 5,
            unit: Unit::WorkingDays
        }));
        assert!(s.contains(&Signal::Period {
            amount: 3,
            unit: Unit::Months
        }));
        assert!(s.contains(&Signal::Period {
            amount: 1,
            unit: Unit::Years
        }));
    }

    #[test]
    fn dates_are_no_periods() {
        assert_eq!(
            sig("本条例自2024年10月1日起施行。"),
            vec![Signal::Date {
                date: Some("2024-10-01".into())
            }]
        );
        assert_eq!(
            sig("本规定自2022年   月   日起施行。"),
            vec![Signal::Date { date: None }]
        );
        assert_eq!(
            sig("本条例自年月日起施行。"),
            vec![Signal::Date { date: None }]
        );
        assert!(sig("第三十日").is_empty());
    }

    #[test]
    fn modal_verbs_and_their_binding() {
        let s = sig("县级以上人民政府应当鼓励企业参与；任何单位不得阻挠；可以申请；不得不");
        let words: Vec<String> = s.iter().map(Signal::show).collect();
        assert_eq!(words, vec!["应当", "不得", "可以"]);
        let s = sig("应急管理部门应建立制度，相应措施");
        let words: Vec<String> = s.iter().map(Signal::show).collect();
        assert_eq!(words, vec!["应"]);
    }

    #[test]
    fn exceptions_but_not_removal() {
        assert_eq!(sig("除公安机关外，其他部门负责"), vec![Signal::Exception]);
        assert_eq!(sig("法律另有规定的除外"), vec![Signal::Exception]);
        assert!(sig("消除隐患，扫黑除恶，以外").is_empty());
    }
}

#[cfg(test)]
mod modal_table {
    #[test]
    fn the_modal_characters_spell_the_modals() {
        assert_eq!(super::MODAL_CHARS.len(), super::MODALS.len());
        for (cs, (w, _)) in super::MODAL_CHARS.iter().zip(super::MODALS) {
            assert_eq!(cs.iter().collect::<String>(), *w);
        }
    }
}
