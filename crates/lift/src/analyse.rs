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

// ───────────────────────────── vocabulary ─────────────────────────────

/// Modal verbs: (as written, the modality). Longest first where one contains another.
const MODALS: [(&str, &str); 18] = [
    ("有义务", "应当"),
    ("应当", "应当"),
    ("应该", "应当"),
    ("必须", "必须"),
    ("不得", "不得"),
    ("严禁", "不得"),
    ("禁止", "不得"),
    ("可以", "可以"),
    ("有权", "可以"),
    ("鼓励", "鼓励"),
    ("支持", "支持"),
    ("提倡", "提倡"),
    ("负责", "负责"),
    ("牵头", "牵头"),
    ("配合", "配合"),
    ("协助", "协助"),
    ("应", "应当"),
    ("要", "应当"),
];

/// Words that end an actor's name: generic heads of Chinese legislation.
const HEADS: [&str; 48] = [
    "人民政府",
    "政府",
    "部门",
    "机关",
    "机构",
    "单位",
    "组织",
    "企业",
    "委员会",
    "管委会",
    "综治委",
    "委",
    "法院",
    "检察院",
    "办事处",
    "中心",
    "者",
    "员",
    "人",
    "公民",
    "居民",
    "村民",
    "团体",
    "协会",
    "商会",
    "媒体",
    "工会",
    "共青团",
    "妇联",
    "残联",
    "工商联",
    "监狱",
    "学校",
    "医院",
    "幼儿园",
    "派出所",
    "场所",
    "双方",
    "全社会",
    "主体",
    "方",
    "大会",
    "小组",
    "办公室",
    "服务商",
    "地区",
    "队伍",
    "行业",
];

/// Heads given to the bare elements of a list (公安、网信等部门).
const HEAD_WORDS: [&str; 10] = [
    "企业事业单位",
    "企事业单位",
    "管委会",
    "委员会",
    "机关",
    "部门",
    "机构",
    "单位",
    "组织",
    "企业",
];

/// Levels and places that qualify the next element (市、县（区）人民政府).
const LEVELS: [&str; 30] = [
    "省",
    "市",
    "州",
    "县",
    "区",
    "乡",
    "镇",
    "乡镇",
    "街道",
    "县市",
    "县级",
    "市级",
    "省级",
    "州级",
    "设区的市",
    "县（区）",
    "县(区)",
    "县（市、区）",
    "县(市、区)",
    "县（市）",
    "县(市)",
    "乡（镇）",
    "乡(镇)",
    "区县",
    "县区",
    "乡镇（街道）",
    "乡镇(街道)",
    "村",
    "社区",
    "村（社区）",
];

/// Determiners that are not part of a name.
const DETERMINERS: [&str; 16] = [
    "本市行政区域内的",
    "本省行政区域内的",
    "本市行政区域内",
    "本省行政区域内",
    "市域范围内",
    "并由",
    "由",
    "各级",
    "各类",
    "各",
    "本市",
    "本省",
    "全市",
    "全省",
    "以及",
    "凡是",
];

/// Words that end the name at the start of a clause: prepositions, adverbs and the
/// verbs a clause begins with.
const STOPS: [&str; 106] = [
    "对于",
    "按照",
    "依照",
    "依据",
    "依法",
    "根据",
    "结合",
    "通过",
    "会同",
    "发现",
    "针对",
    "具体",
    "统一",
    "全面",
    "认真",
    "积极",
    "及时",
    "定期",
    "切实",
    "主动",
    "自觉",
    "严格",
    "共同",
    "分别",
    "各自",
    "相互",
    "密切",
    "加强",
    "开展",
    "建立",
    "做好",
    "履行",
    "落实",
    "推动",
    "推进",
    "促进",
    "设立",
    "成立",
    "确定",
    "实行",
    "实施",
    "制定",
    "统筹",
    "承担",
    "参与",
    "参加",
    "接受",
    "签订",
    "提出",
    "收到",
    "违反",
    "作出",
    "进行",
    "收集",
    "使用",
    "提供",
    "予以",
    "给予",
    "滥用",
    "玩忽",
    "徇私",
    "拒不",
    "不履行",
    "未",
    "引导",
    "提高",
    "选择",
    "担任",
    "发挥",
    "组织开展",
    "组织实施",
    "组织协调",
    "督促",
    "指导",
    "畅通",
    "完善",
    "健全",
    "深入",
    "造成",
    "导致",
    "受到",
    "依托",
    "围绕",
    "承接",
    "动员",
    "确保",
    "防范",
    "打击",
    "查处",
    "优化",
    "推广",
    "配备",
    "编制",
    "公布",
    "听取",
    "处置",
    "责令",
    "追究",
    "采取",
    "发出",
    "发限期",
    "坚持",
    "作为",
    "拓宽",
    "拨付",
    "下设",
];

/// One-character stops, with the neighbours that make them part of a word.
fn single_stop(chars: &[char], i: usize) -> bool {
    let c = chars.get(i).copied().unwrap_or(' ');
    let prev = i
        .checked_sub(1)
        .and_then(|p| chars.get(p))
        .copied()
        .unwrap_or(' ');
    let next = chars.get(i + 1).copied().unwrap_or(' ');
    match c {
        '在' => !matches!(prev, '所' | '存' | '现' | '实' | '内' | '自'),
        '对' => !matches!(next, '外' | '象') && !matches!(prev, '针' | '相' | '反' | '核'),
        '向' => !matches!(prev, '方' | '导' | '意' | '倾' | '面'),
        '将' | '把' | '是' | '都' | '均' | '也' | '还' | '亦' | '因' => true,
        '为' => !matches!(prev, '勇' | '行' | '作' | '成' | '认' | '因' | '以'),
        '同' => !matches!(next, '级' | '一' | '等' | '时'),
        '按' => matches!(next, '规' | '照' | '职' | '要'),
        '以' => matches!(next, '多' | '各' | '案' | '书' | '其'),
        '不' => !matches!(next, '良'),
        '未' => !matches!(next, '成'),
        '由' => !matches!(next, '于' | '此') && !matches!(prev, '理' | '自' | '经' | '缘'),
        '经' => !matches!(next, '营' | '济' | '费' | '历' | '理' | '常' | '验' | '纪'),
        _ => false,
    }
}

// ───────────────────────────── terms ─────────────────────────────

pub(crate) struct Terms {
    /// (written form, canonical), longest written form first.
    actors: Vec<(Vec<char>, String)>,
    /// (written form, canonical) of the sanction catalogue, longest first.
    sanctions: Vec<(String, String)>,
}

fn longest_first<T>(v: &mut [(T, String)], len: impl Fn(&T) -> usize)
where
    T: Ord,
{
    v.sort_by(|a, b| len(&b.0).cmp(&len(&a.0)).then(a.0.cmp(&b.0)));
}

impl Terms {
    pub(crate) fn new(lex: &LexiconOut) -> Terms {
        let mut actors: Vec<(Vec<char>, String)> = Vec::new();
        for a in &lex.actors {
            actors.push((a.name.chars().collect(), a.name.clone()));
            actors.extend(
                a.aliases
                    .iter()
                    .map(|x| (x.chars().collect(), a.name.clone())),
            );
        }
        for r in lex.roles.iter() {
            actors.push((r.name.chars().collect(), r.name.clone()));
            actors.extend(
                r.aliases
                    .iter()
                    .map(|x| (x.chars().collect(), r.name.clone())),
            );
        }
        for p in lex.persons.iter() {
            actors.push((p.name.chars().collect(), p.name.clone()));
            actors.extend(
                p.aliases
                    .iter()
                    .map(|x| (x.chars().collect(), p.name.clone())),
            );
        }
        let mut sanctions: Vec<(String, String)> = Vec::new();
        for s in &lex.sanctions {
            sanctions.push((s.name.clone(), s.name.clone()));
            sanctions.extend(s.aliases.iter().map(|x| (x.clone(), s.name.clone())));
        }
        longest_first(&mut actors, |w| w.len());
        longest_first(&mut sanctions, |w| w.chars().count());
        Terms { actors, sanctions }
    }

    /// The lexicon term a subject names: itself or an alias, else the longest term
    /// it ends with (县（区）人民政府 → 人民政府).
    pub(crate) fn actor(&self, fragment: &str) -> Option<String> {
        let f: Vec<char> = fragment.chars().collect();
        if let Some((_, c)) = self.actors.iter().find(|(w, _)| *w == f) {
            return Some(c.clone());
        }
        self.actors
            .iter()
            .find(|(w, _)| w.len() >= 2 && f.ends_with(w))
            .map(|(_, c)| c.clone())
    }

    /// The lexicon term spanning position `i` of `chars`, if any: (start, end).
    fn span_at(&self, chars: &[char], i: usize) -> Option<(usize, usize)> {
        let lo = i.saturating_sub(12);
        for s in lo..=i {
            for (w, _) in &self.actors {
                if w.len() >= 2
                    && s + w.len() > i + 1
                    && chars.get(s..s + w.len()).is_some_and(|x| x == w.as_slice())
                {
                    return Some((s, s + w.len()));
                }
            }
        }
        None
    }
}

// ───────────────────────────── helpers ─────────────────────────────

fn at(chars: &[char], i: usize, w: &str) -> bool {
    (i..).zip(w.chars()).all(|(k, c)| chars.get(k) == Some(&c))
}

fn cut(chars: &[char], a: usize, b: usize) -> String {
    chars
        .get(a..b.min(chars.len()))
        .unwrap_or(&[])
        .iter()
        .collect()
}

fn is_comma(c: char) -> bool {
    c == '，' || c == ','
}

fn is_end_punct(c: char) -> bool {
    "。；;！!？?：:".contains(c)
}

/// Positions inside Chinese quotation marks, where no modal verb governs.
fn quoted(chars: &[char]) -> Vec<bool> {
    let mut out = vec![false; chars.len()];
    let mut depth = 0i32;
    for (i, c) in chars.iter().enumerate() {
        match c {
            '“' | '「' => depth += 1,
            '”' | '」' => depth = (depth - 1).max(0),
            _ => {}
        }
        if let Some(o) = out.get_mut(i) {
            *o = depth > 0;
        }
    }
    out
}

/// Whether an actor's name may end before position `i`: at the end, a separator,
/// a stop, a modal verb, punctuation.
fn boundary(chars: &[char], i: usize) -> bool {
    let Some(&c) = chars.get(i) else {
        return true;
    };
    if "、和及与或以等，,的（(）)。；;：:".contains(c) || c.is_whitespace() {
        return true;
    }
    single_stop(chars, i)
        || STOPS.iter().any(|w| at(chars, i, w))
        || MODALS.iter().any(|(w, _)| {
            at(chars, i, w)
                && !(matches!(*w, "负责") && matches!(chars.get(i + 2), Some('人' | '任')))
                && !(matches!(*w, "有权") && matches!(chars.get(i + 2), Some('机' | '单' | '部')))
        })
        || at(chars, i, "下设")
        || at(chars, i, "按")
}

/// Whether a name found at `start` opens the stretch from `from` (after determiners).
fn starts_at(chars: &[char], start: usize, from: usize) -> bool {
    start >= from && strip_determiners(&cut(chars, from, start)).is_empty()
}

/// A preposition opening a circumstance (对…, 在…, 由…): never inside a name.
fn is_preposition(chars: &[char], e: usize) -> bool {
    let single = matches!(
        chars.get(e),
        Some('对' | '在' | '由' | '经' | '为' | '向' | '将' | '把' | '同')
    );
    if single {
        return single_stop(chars, e);
    }
    ["按照", "根据", "依照", "针对", "会同", "通过"]
        .iter()
        .any(|w| at(chars, e, w))
}

/// A stop word that begins a short name for a party: 使用方, 提供者.
fn stop_is_noun(chars: &[char], e: usize) -> bool {
    (e + 2..=e + 4).any(|k| {
        let w = cut(chars, e, k);
        w.chars().count() == k - e
            && ["方", "者", "人", "员"].iter().any(|h| w.ends_with(h))
            && !w.contains(['或', '和', '及', '与'])
            && boundary(chars, k)
            && !STOPS.contains(&w.as_str())
    })
}

/// 乡镇人民政府（街道办事处） → 乡镇人民政府.
fn strip_bracket_group(s: &str) -> &str {
    match s.strip_suffix(['）', ')']) {
        Some(p) => p.rfind(['（', '(']).and_then(|i| s.get(..i)).unwrap_or(s),
        None => s,
    }
}

fn bracket_depth(s: &str) -> i32 {
    s.chars().fold(0, |d, c| match c {
        '（' | '(' => d + 1,
        '）' | ')' => d - 1,
        _ => d,
    })
}

fn ends_with_head(s: &str) -> bool {
    HEADS.iter().any(|h| s.ends_with(h))
}

fn strip_determiners(mut s: &str) -> &str {
    loop {
        let before = s;
        for d in DETERMINERS {
            if let Some(r) = s.strip_prefix(d) {
                s = r;
            }
        }
        if let Some(r) = s.strip_prefix('其').filter(|r| !r.starts_with('他')) {
            s = r;
        }
        if s == before {
            return s;
        }
    }
}

// ───────────────────────────── actor phrases ─────────────────────────────

/// An actor phrase found in a unit.
struct Np {
    start: usize,
    end: usize,
    elements: Vec<String>,
}

impl Terms {
    /// The actor phrase starting at `start` (after determiners), ending before
    /// `limit`: the last actor head before the first stop, split into its elements.
    fn actor_np(&self, chars: &[char], start: usize, limit: usize) -> Option<Np> {
        let limit = limit.min(chars.len());
        let region: String = cut(chars, start, limit);
        let stripped = strip_determiners(&region);
        let s0 = start + (region.chars().count() - stripped.chars().count());
        // The region ends at the first stop (outside a lexicon name).
        let mut e = s0;
        let mut depth = 0;
        while e < limit {
            let c = chars.get(e).copied().unwrap_or(' ');
            if c == '（' || c == '(' {
                depth += 1;
            } else if c == '）' || c == ')' {
                depth -= 1;
            }
            if depth <= 0 && e > s0 {
                let in_term = self.span_at(chars, e).is_some_and(|(a, _)| a < e);
                let stop = single_stop(chars, e)
                    || STOPS.iter().any(|w| at(chars, e, w))
                    || self.modal_word_at(chars, e)
                    || is_comma(c)
                    || is_end_punct(c);
                if stop && !in_term && (single_stop(chars, e) || !stop_is_noun(chars, e)) {
                    // A stop inside a relative clause: …使用上述物品的单位.
                    match (!is_comma(c) && !is_end_punct(c) && !is_preposition(chars, e))
                        .then(|| self.relative_end(chars, e, limit))
                        .flatten()
                    {
                        Some(r) => {
                            e = r;
                            continue;
                        }
                        None => break,
                    }
                }
            } else if e == s0 && (single_stop(chars, e) || STOPS.iter().any(|w| at(chars, e, w))) {
                let preposition = [
                    "对", "在", "由", "按照", "根据", "依照", "针对", "经", "为", "向", "将", "把",
                ]
                .iter()
                .any(|w| at(chars, e, w));
                match (!preposition)
                    .then(|| self.relative_end(chars, e, limit))
                    .flatten()
                {
                    Some(r) => {
                        e = r;
                        continue;
                    }
                    None => return None,
                }
            }
            e += 1;
        }
        // The last actor head ending at a boundary.
        let mut head_end = None;
        for j in (s0 + 1..=e).rev() {
            let prefix = cut(chars, s0, j);
            if !boundary(chars, j) || bracket_depth(&prefix) != 0 {
                continue;
            }
            // A name with a bracketed alternative: 乡镇人民政府（街道办事处）, 乡镇（街道）.
            let core = match prefix.strip_suffix(['）', ')']) {
                Some(p) => {
                    let open = p.rfind(['（', '(']).unwrap_or(0);
                    let inner = p.get(open..).unwrap_or("").trim_start_matches(['（', '(']);
                    let outer = p.get(..open).unwrap_or("");
                    if ends_with_head(inner)
                        || self.actor(inner).is_some()
                        || LEVELS.iter().any(|l| outer.ends_with(l))
                    {
                        format!("{outer}部门")
                    } else {
                        outer.to_string()
                    }
                }
                None => prefix.clone(),
            };
            let lexicon_end = self.actors.iter().any(|(w, _)| {
                w.len() >= 2 && core.chars().rev().take(w.len()).eq(w.iter().rev().copied())
            });
            if ends_with_head(&core) || lexicon_end {
                head_end = Some(j);
                break;
            }
        }
        let h = head_end?;
        // Trailing 等 belongs to the list.
        let mut end = h;
        if chars.get(end) == Some(&'等')
            && chars
                .get(end + 1)
                .is_none_or(|c| is_comma(*c) || boundary(chars, end + 1))
        {
            end += 1;
        }
        let text = cut(chars, s0, end);
        let elements = self.elements(&text);
        if elements.is_empty() {
            return None;
        }
        Some(Np {
            start: s0,
            end,
            elements,
        })
    }

    /// A modal verb standing at `i` (for where a name ends).
    fn modal_word_at(&self, chars: &[char], i: usize) -> bool {
        let prev = i
            .checked_sub(1)
            .and_then(|p| chars.get(p))
            .copied()
            .unwrap_or(' ');
        let Some((w, _)) = MODALS.iter().find(|(w, _)| at(chars, i, w)) else {
            return false;
        };
        let next = chars.get(i + w.chars().count()).copied().unwrap_or(' ');
        match *w {
            "应" => {
                !"响相适供反对呼照感效顺回答理".contains(prev)
                    && !"急对用诉有收征聘届答变予援".contains(next)
            }
            "要" => "构门府位关织会业者员院委".contains(prev) && !"求害点素件务闻".contains(next),
            "负责" => next != '人' && next != '任',
            "有权" => !"机单部".contains(next),
            "鼓励" | "支持" | "提倡" => {
                !"的予和与、".contains(prev) && next != '的' && {
                    let start = chars
                        .get(..i)
                        .and_then(|b| b.iter().rposition(|c| is_comma(*c) || is_end_punct(*c)))
                        .map_or(0, |p| p + 1);
                    let before = cut(chars, start, i);
                    before.is_empty()
                        || ends_with_head(&before)
                        || [
                            "本市", "本省", "国家", "积极", "大力", "应当", "并", "同时", "依法",
                        ]
                        .iter()
                        .any(|w| before.ends_with(w))
                }
            }
            "配合" | "协助" => !"的予以作互和与、切".contains(prev) && next != '的',
            "牵头" => !"部门单位的作机抓".contains(next),
            "禁止" | "严禁" => next != '的' && prev != '所',
            _ => true,
        }
    }

    /// Where a relative clause starting at `e` ends in its head: the first 的
    /// before the next comma or modal verb that is followed by an actor's name.
    fn relative_end(&self, chars: &[char], e: usize, limit: usize) -> Option<usize> {
        let mut stop = limit.min(chars.len());
        for j in e..stop {
            let c = chars.get(j).copied().unwrap_or(' ');
            if is_comma(c) || is_end_punct(c) || (j > e && self.modal_word_at(chars, j)) {
                stop = j;
                break;
            }
        }
        for de in (e..stop).filter(|j| chars.get(*j) == Some(&'的')) {
            let found = (de + 2..=(de + 14).min(stop)).rev().find(|&k| {
                let word = cut(chars, de + 1, k);
                (ends_with_head(&word) || self.actor(&word).is_some())
                    && boundary(chars, k)
                    && !word.chars().any(|c| "，,、".contains(c))
            });
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// Splits an actor phrase into its subjects.
    fn elements(&self, np: &str) -> Vec<String> {
        let chars: Vec<char> = np.chars().collect();
        if np.starts_with("任何") || np.starts_with("一切") {
            return vec![np.trim_end_matches('等').to_string()];
        }
        // A modifier enumerating with 等 before the last 的 is one (…等区域的管理单位).
        let last_de = chars.iter().rposition(|c| *c == '的');
        let (modifier, head_from) = match last_de {
            Some(d) if cut(&chars, 0, d).contains('等') => (cut(&chars, 0, d + 1), d + 1),
            _ => (String::new(), 0),
        };
        // Split at the list marks and conjunctions, outside brackets and names.
        let mut parts: Vec<(String, String)> = Vec::new(); // (separator before, text)
        let mut cur = String::new();
        let mut sep = String::new();
        let mut depth = 0;
        let mut i = head_from;
        while i < chars.len() {
            let c = chars.get(i).copied().unwrap_or(' ');
            if c == '（' || c == '(' {
                depth += 1;
            } else if c == '）' || c == ')' {
                depth -= 1;
            }
            let in_term = self.span_at(&chars, i).is_some_and(|(a, b)| a < i && i < b);
            let conj = if depth > 0 || in_term {
                None
            } else if c == '、' || is_comma(c) {
                Some(1)
            } else {
                ["以及", "或者", "及其", "和", "及", "与", "或"]
                    .iter()
                    .find(|w| at(&chars, i, w))
                    .filter(|w| {
                        let next = chars.get(i + w.chars().count()).copied().unwrap_or(' ');
                        let prev = i
                            .checked_sub(1)
                            .and_then(|p| chars.get(p))
                            .copied()
                            .unwrap_or(' ');
                        let later_list = chars.get(i..).is_some_and(|r| r.contains(&'、'));
                        let left_bare = !ends_with_head(&cur)
                            && !cur.is_empty()
                            && !LEVELS.contains(&cur.as_str());
                        !(matches!(**w, "和" | "与") && left_bare && later_list
                            || matches!(**w, "和") && matches!(next, '解' | '谐'))
                            && !(matches!(**w, "与") && matches!(prev, '参' | '给'))
                            && !(matches!(**w, "及") && matches!(next, '时'))
                            && i > head_from
                    })
                    .map(|w| w.chars().count())
            };
            match conj {
                Some(n) => {
                    parts.push((sep.clone(), std::mem::take(&mut cur)));
                    sep = cut(&chars, i, i + n);
                    i += n;
                }
                None => {
                    cur.push(c);
                    i += 1;
                }
            }
        }
        parts.push((sep, cur));
        let parts: Vec<(String, String)> = parts
            .into_iter()
            .map(|(s, t)| (s, strip_determiners(t.trim()).to_string()))
            .filter(|(_, t)| !t.is_empty())
            .collect();

        // Levels qualify the element after them: 市、县（区）人民政府.
        let mut joined: Vec<String> = Vec::new();
        let mut pending = String::new();
        for (k, (s, t)) in parts.iter().enumerate() {
            let is_level = LEVELS.contains(&t.as_str());
            let last = k + 1 == parts.len();
            if is_level && !last {
                pending.push_str(t);
                pending.push_str(parts.get(k + 1).map(|(s, _)| s.as_str()).unwrap_or(""));
                continue;
            }
            let _ = s;
            joined.push(format!("{pending}{t}"));
            pending.clear();
        }

        // Bare elements before an element with 的 are part of its modifier
        // (生产、销售、使用上述物品的单位).
        let mut merged: Vec<String> = Vec::new();
        let mut bare_run: Vec<String> = Vec::new();
        for t in joined {
            if t.contains('的') && !bare_run.is_empty() {
                let prefix = bare_run.join("、");
                merged.push(format!("{prefix}、{t}"));
                bare_run.clear();
            } else if !ends_with_head(&t) && !t.contains('等') {
                bare_run.push(t);
            } else {
                merged.append(&mut bare_run);
                merged.push(t);
            }
        }
        merged.append(&mut bare_run);

        // 等 + category: the category's head goes to the bare elements before it.
        let mut out: Vec<String> = Vec::new();
        let mut run_start = 0usize;
        for t in merged {
            let (elem, category) = match t.find('等') {
                Some(k) if !t.contains('的') => (
                    t.get(..k).unwrap_or("").to_string(),
                    t.get(k + '等'.len_utf8()..).unwrap_or("").to_string(),
                ),
                _ => (t.clone(), String::new()),
            };
            let bare = |x: &str| !ends_with_head(strip_bracket_group(x));
            if !elem.is_empty() {
                out.push(elem.clone());
            }
            let head_of = |x: &str| {
                HEAD_WORDS
                    .iter()
                    .find(|h| x.ends_with(**h))
                    .map(|h| h.to_string())
            };
            let category_clean = strip_determiners(
                category
                    .trim_start_matches("有关")
                    .trim_start_matches("相关")
                    .trim_start_matches("其他")
                    .trim_start_matches("各类"),
            )
            .to_string();
            let shared_head = if !category_clean.is_empty() {
                head_of(&category_clean)
            } else if !bare(&elem) && out.len() > run_start + 1 {
                head_of(&elem)
            } else {
                None
            };
            let run = out.get(run_start..).map(|r| r.to_vec()).unwrap_or_default();
            let all_bare = run.iter().all(|x| bare(x));
            match shared_head {
                Some(hw) => {
                    for x in out.iter_mut().skip(run_start) {
                        if bare(x) && !LEVELS.contains(&x.as_str()) {
                            x.push_str(&hw);
                        }
                    }
                }
                None if !category_clean.is_empty() && all_bare => {
                    out.truncate(run_start);
                    out.push(category_clean.clone());
                }
                None => {}
            }
            if !bare(out.last().map(String::as_str).unwrap_or("")) || !category.is_empty() {
                run_start = out.len();
            }
        }

        // A short bare head after an element with 的 shares its modifier
        // (大型群众性活动的主办者、承办者).
        let mut result: Vec<String> = Vec::new();
        let mut last_modifier: Option<String> = None;
        for t in out {
            if let Some(d) = t.rfind('的') {
                last_modifier = t.get(..d + '的'.len_utf8()).map(str::to_string);
                result.push(t);
            } else if t.chars().count() <= 4
                && self.actor(&t).is_none_or(|_| t.chars().count() <= 3)
            {
                match &last_modifier {
                    Some(m) => result.push(format!("{m}{t}")),
                    None => result.push(t),
                }
            } else {
                last_modifier = None;
                result.push(t);
            }
        }
        if !modifier.is_empty() {
            result = result
                .into_iter()
                .map(|t| format!("{modifier}{t}"))
                .collect();
        }
        result
            .into_iter()
            .map(|t| t.trim_end_matches('等').to_string())
            .filter(|t| !t.is_empty())
            .flat_map(|t| self.two_terms(&t).unwrap_or_else(|| vec![t]))
            .collect()
    }

    /// Two names of the lexicon written together: 行业协会商会.
    fn two_terms(&self, t: &str) -> Option<Vec<String>> {
        let chars: Vec<char> = t.chars().collect();
        let exact = |w: &[char]| self.actors.iter().any(|(x, _)| x.as_slice() == w);
        if exact(&chars) {
            return None;
        }
        (2..chars.len().saturating_sub(1)).find_map(|k| {
            let (a, b) = (chars.get(..k)?, chars.get(k..)?);
            let staff = ["人员", "人", "员"]
                .iter()
                .any(|w| b.iter().collect::<String>().ends_with(w));
            (exact(a) && exact(b) && !staff).then(|| vec![a.iter().collect(), b.iter().collect()])
        })
    }

    fn subjects(&self, elements: &[String]) -> Vec<Subject> {
        elements
            .iter()
            .map(|t| Subject {
                text: t.clone(),
                term: self.actor(t),
            })
            .collect()
    }
}

/// Generic heads that name no kind of actor on their own.
const GENERIC: [&str; 14] = [
    "部门",
    "机关",
    "机构",
    "单位",
    "组织",
    "企业",
    "团体",
    "人员",
    "场所",
    "地区",
    "个人",
    "行业",
    "主管部门",
    "所在单位",
];

/// The new lexicon term a subject the lexicon does not know suggests, if it names
/// a kind of actor: the head after a modifier (…区域的管理单位 → 管理单位), never
/// a generic head alone (有关部门), a level (市、县（区）) or a phrase that begins
/// with a verb.
pub(crate) fn proposed_term(text: &str) -> Option<String> {
    let mut t = match text.rfind('的') {
        Some(i) => text.get(i + '的'.len_utf8()..).unwrap_or(""),
        None => text,
    };
    loop {
        let before = t;
        for q in [
            "有关",
            "相关",
            "其他",
            "上级",
            "本级",
            "同级",
            "所在地",
            "人民政府",
            "政府",
            "省",
            "市",
            "县",
        ] {
            if let Some(r) = t.strip_prefix(q) {
                if ends_with_head(r) {
                    t = r;
                }
            }
        }
        if t == before {
            break;
        }
    }
    let chars: Vec<char> = t.chars().collect();
    let verb_first = STOPS.iter().any(|w| t.starts_with(w))
        || ["发展", "培育", "调解", "挽救", "改造"]
            .iter()
            .any(|w| t.starts_with(w))
        || single_stop(&chars, 0);
    let level_only = t
        .split(['、', '和', '及'])
        .all(|p| LEVELS.contains(&p.trim()) || p.trim().is_empty());
    let ok = ends_with_head(strip_bracket_group(t))
        && !GENERIC.contains(&t)
        && !level_only
        && !verb_first
        && !t.contains(['、', '，', ','])
        && (2..=12).contains(&chars.len());
    ok.then(|| t.to_string())
}

// ───────────────────────────── modal verbs ─────────────────────────────

impl Terms {
    /// The modal verb at `i`, if one stands there as a modal verb (not 负责人,
    /// 有权机关, 相应, 禁止的信息 …): (length, as written, modality).
    fn modal_at(&self, chars: &[char], i: usize) -> Option<(usize, &'static str, &'static str)> {
        let prev = i
            .checked_sub(1)
            .and_then(|p| chars.get(p))
            .copied()
            .unwrap_or(' ');
        let (w, m) = MODALS.iter().find(|(w, _)| at(chars, i, w))?;
        let n = w.chars().count();
        let next = chars.get(i + n).copied().unwrap_or(' ');
        let ok = match *w {
            "应" => {
                !"响相适供反对呼照感效顺回答理".contains(prev)
                    && !"急对用诉有收征聘届答变予援".contains(next)
            }
            "要" => "构门府位关织会业者员院委".contains(prev) && !"求害点素件务闻".contains(next),
            "负责" => {
                next != '人'
                    && next != '任'
                    && next != '的'
                    && prev != '谁'
                    && prev != '、'
                    && next != '、'
                    && !self.relative_clause(chars, i + n)
            }
            "鼓励" | "支持" | "提倡" => !"的予和与、".contains(prev) && next != '的',
            "配合" | "协助" => !"的予以作互和与、切".contains(prev) && next != '的',
            "牵头" => !"部门单位的作机抓".contains(next),
            "有权" => !"机单部".contains(next),
            "禁止" | "严禁" => next != '的' && prev != '所',
            _ => true,
        };
        ok.then_some((n, *w, *m))
    }

    /// The modal verbs of a unit: (position, length, as written, modality).
    fn modal_verbs(&self, chars: &[char]) -> Vec<(usize, usize, &'static str, &'static str)> {
        let q = quoted(chars);
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if q.get(i) == Some(&true) {
                i += 1;
                continue;
            }
            match self.modal_at(chars, i) {
                Some((n, w, m)) => {
                    out.push((i, n, w, m));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// "负责…工作的部门，": a relative clause naming an actor, not a modal verb.
    fn relative_clause(&self, chars: &[char], from: usize) -> bool {
        let mut j = from;
        while let Some(&c) = chars.get(j) {
            if is_comma(c) || is_end_punct(c) {
                return false;
            }
            if c == '的' {
                let Some(np) = self.actor_np(chars, j + 1, chars.len()) else {
                    j += 1;
                    continue;
                };
                if np.start != j + 1 {
                    j += 1;
                    continue;
                }
                let after = chars.get(np.end).copied().unwrap_or('，');
                return is_comma(after)
                    || MODALS.iter().any(|(w, _)| at(chars, np.end, w))
                    || after == '在';
            }
            j += 1;
        }
        false
    }
}

// ───────────────────────────── sanctions ─────────────────────────────

/// The catalogue's measures named in a unit, as measures (not 通报预警信息, not
/// 责任追究制), with the other disqualifications the text imposes.
fn sanctions(chars: &[char], terms: &Terms) -> (Vec<String>, Vec<String>) {
    let text: String = chars.iter().collect();
    let mut out: Vec<String> = Vec::new();
    let mut taken = vec![false; chars.len()];
    let weak = ["制止", "劝阻", "警告", "训诫"];
    // "通报、约谈、挂牌督办等情况纳入考核": measures mentioned, not imposed.
    for (i, _) in text.match_indices("等情况") {
        let p = text.get(..i).unwrap_or("").chars().count();
        let from = chars
            .get(..p)
            .and_then(|b| {
                b.iter()
                    .rposition(|c| is_comma(*c) || is_end_punct(*c) || *c == '和' || *c == '及')
            })
            .map_or(0, |q| q + 1);
        for t in taken.iter_mut().take(p).skip(from) {
            *t = true;
        }
    }
    for (w, c) in &terms.sanctions {
        let wc: Vec<char> = w.chars().collect();
        let n = wc.len();
        if n < 2 {
            continue;
        }
        let mut i = 0;
        while i + n <= chars.len() {
            if chars.get(i..i + n) == Some(wc.as_slice())
                && !taken.get(i..i + n).unwrap_or(&[]).iter().any(|t| *t)
            {
                let next = cut(chars, i + n, i + n + 2);
                let prev = cut(chars, i.saturating_sub(2), i);
                let measure = !next.starts_with('制')
                    && !next.starts_with("机制")
                    && !next.starts_with("工作")
                    && !next.starts_with("通知")
                    && !next.starts_with("决定")
                    && match w.as_str() {
                        "通报" => {
                            next.starts_with("批评")
                                || ["予以", "给予", "采取", "进行"]
                                    .iter()
                                    .any(|p| prev.ends_with(p))
                                || prev.ends_with('、')
                                || next.starts_with('、')
                        }
                        "督办" => {
                            !next.starts_with("落实")
                                && (prev.ends_with('、')
                                    || prev.ends_with("挂牌")
                                    || next.starts_with('等'))
                        }
                        "依法处理" | "处理" => true,
                        x if weak.contains(&x) => {
                            // 制止 is a measure only where one is imposed: 予以警告、训诫、制止.
                            let before = cut(chars, i.saturating_sub(10), i);
                            ["予以", "进行", "给予"].iter().any(|p| before.contains(p))
                        }
                        _ => true,
                    };
                if measure {
                    for t in taken.iter_mut().skip(i).take(n) {
                        *t = true;
                    }
                    if !out.contains(c) {
                        out.push(c.clone());
                    }
                }
                i += n;
            } else {
                i += 1;
            }
        }
    }
    // Measures written around their object: 追究…的责任, 给予/予以处理, 批评、教育.
    let canonical = |name: &str| {
        terms
            .sanctions
            .iter()
            .find(|(w, _)| w == name)
            .map(|(_, c)| c.clone())
    };
    let add = |name: &str, out: &mut Vec<String>| {
        if let Some(c) = canonical(name) {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    };
    if let Some(k) = text.find("追究") {
        let after = text.get(k..).unwrap_or("");
        if !after.starts_with("追究刑事责任")
            && after.chars().take(16).collect::<String>().contains("责任")
            && !after.starts_with("追究制")
        {
            add("责任追究", &mut out);
        }
    }
    if ["予以处理", "给予处理", "依法处理"]
        .iter()
        .any(|w| text.contains(w))
    {
        add("依法处理", &mut out);
    }
    if ["批评或者教育", "批评和教育", "批评、教育"]
        .iter()
        .any(|w| text.contains(w))
    {
        add("批评教育", &mut out);
    }
    // Disqualifications the catalogue does not list.
    let mut other = Vec::new();
    for lead in [
        "不得评为",
        "不得被评选为",
        "不得升职",
        "不得晋职",
        "不得评选",
    ] {
        let mut from = 0;
        while let Some(k) = text.get(from..).and_then(|r| r.find(lead)) {
            let a = from + k;
            let rest = text.get(a..).unwrap_or("");
            let end = rest
                .find(['，', ',', '。', '；', ';', '：'])
                .unwrap_or(rest.len());
            let phrase = rest.get(..end).unwrap_or("").to_string();
            if !out.iter().any(|s| phrase.contains(s.as_str())) && !phrase.contains("优秀等次")
            {
                other.push(phrase);
            }
            from = a + lead.len();
        }
    }
    (out, other)
}

// ───────────────────────────── deadlines and references ─────────────────────────────

pub(crate) fn deadlines(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let units = ["个工作日", "工作日", "个月", "日", "天", "年"];
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百两".contains(c);
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).is_some_and(|c| numeral(*c)) {
            let start = i;
            while chars.get(i).is_some_and(|c| numeral(*c)) {
                i += 1;
            }
            let rest = cut(&chars, i, i + 5);
            if let Some(u) = units.iter().find(|u| rest.starts_with(**u)) {
                let after = cut(&chars, i + u.chars().count(), i + u.chars().count() + 1);
                let num = cut(&chars, start, i);
                let is_date =
                    *u == "年" && num.chars().all(|c| c.is_ascii_digit()) && num.len() == 4;
                if !is_date
                    && (after == "内"
                        || *u == "个工作日"
                        || *u == "工作日"
                        || after == "前"
                        || after == "后")
                {
                    out.push(format!("{num}{u}{after}"));
                }
            }
            continue;
        }
        i += 1;
    }
    for w in [
        "限期",
        "每年",
        "每半年",
        "每季度",
        "每月",
        "定期",
        "及时",
        "立即",
        "适时",
        "尽快",
    ] {
        if s.contains(w) {
            out.push(w.to_string());
        }
    }
    out
}

pub(crate) fn references(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = s.get(from..).and_then(|r| r.find('第')) {
        let a = from + k;
        if let Some((n, _, _, _)) = s.get(a..).and_then(|r| crate::text::numbered(r, '条')) {
            let self_ref = s.get(..a).is_some_and(|b| {
                ["本条例", "本规定", "本办法", "本规章"]
                    .iter()
                    .any(|w| b.ends_with(w))
            });
            out.push(if self_ref {
                format!("本法第{n}条")
            } else {
                format!("第{n}条")
            });
        }
        from = a + '第'.len_utf8();
    }
    out
}

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

/// "由X…": the first 由 followed by an actor phrase, with the phrase.
fn find_you(chars: &[char], t: &Terms) -> Option<(usize, Np)> {
    for (i, c) in chars.iter().enumerate() {
        if *c != '由' {
            continue;
        }
        let prev = i
            .checked_sub(1)
            .and_then(|p| chars.get(p))
            .copied()
            .unwrap_or(' ');
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        if matches!(next, '于' | '此') || matches!(prev, '理' | '自' | '经' | '缘') {
            continue;
        }
        if let Some(np) = t.actor_np(chars, i + 1, chars.len()) {
            if np.start == i + 1 || strip_determiners(&cut(chars, i + 1, np.start)).is_empty() {
                let mut np = np;
                // "由X或者由Y": both.
                let rest = cut(chars, np.end, chars.len());
                if let Some(k) = rest.find("或者由").or_else(|| rest.find("或由")) {
                    let off = np.end + rest.get(..k).unwrap_or("").chars().count();
                    let skip = if rest.get(k..).is_some_and(|r| r.starts_with("或者由")) {
                        3
                    } else {
                        2
                    };
                    if let Some(more) = t.actor_np(chars, off + skip, chars.len()) {
                        np.elements.extend(more.elements);
                    }
                }
                return Some((i, np));
            }
        }
    }
    None
}

/// "建议X依法给予…": the body recommended is the authority.
fn recommended_authority(chars: &[char], t: &Terms) -> Option<Vec<String>> {
    let text: String = chars.iter().collect();
    let k = text.find("建议")?;
    let from = text.get(..k)?.chars().count() + 2;
    let np = t.actor_np(chars, from, chars.len())?;
    (np.start == from).then_some(np.elements)
}

/// "对X…给予/予以/进行/采取", "追究X的责任": whom the measure reaches.
fn target(chars: &[char], t: &Terms) -> Option<Vec<String>> {
    let text: String = chars.iter().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '对' {
            continue;
        }
        if let Some(np) = t.actor_np(chars, i + 1, chars.len()) {
            let rest = cut(chars, np.end, np.end + 12);
            let rest = rest.trim_start_matches("依法").trim_start_matches("依照");
            if np.start == i + 1
                && ["给予", "予以", "进行", "采取", "追究", "作出", "依"]
                    .iter()
                    .any(|v| rest.starts_with(v))
            {
                return Some(np.elements);
            }
        }
    }
    if let Some(k) = text.find("追究") {
        let from = text.get(..k)?.chars().count() + 2;
        if let Some(np) = t.actor_np(chars, from, chars.len()) {
            if cut(chars, np.end, np.end + 4).starts_with("的责任") {
                return Some(np.elements);
            }
        }
    }
    None
}

/// Where the first sanction of a consequence is named.
fn sanction_position(chars: &[char], list: &[String], t: &Terms) -> Option<usize> {
    let text: String = chars.iter().collect();
    let mut best: Option<usize> = None;
    for (w, c) in &t.sanctions {
        if list.contains(c) {
            if let Some(k) = text.find(w.as_str()) {
                let p = text.get(..k).unwrap_or("").chars().count();
                best = Some(best.map_or(p, |b| b.min(p)));
            }
        }
    }
    for w in ["给予", "予以", "追究", "依法", "不得"] {
        if let Some(k) = text.find(w) {
            let p = text.get(..k).unwrap_or("").chars().count();
            if best.is_none_or(|b| p < b) {
                best = Some(p);
            }
        }
    }
    best
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
