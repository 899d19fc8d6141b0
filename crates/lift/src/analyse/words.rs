//! The words the analysis reads: modal verbs, actor heads, levels, determiners and
//! stop words, and small helpers on a unit's characters.

// ───────────────────────────── vocabulary ─────────────────────────────

/// Modal verbs: (as written, the modality). Longest first where one contains another.
pub(super) const MODALS: [(&str, &str); 18] = [
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
pub(super) const HEADS: [&str; 48] = [
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
pub(super) const HEAD_WORDS: [&str; 10] = [
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
pub(super) const LEVELS: [&str; 30] = [
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
pub(super) const DETERMINERS: [&str; 16] = [
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
pub(super) const STOPS: [&str; 106] = [
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

/// The character before position `i` (a space at the start).
pub(super) fn prev_char(chars: &[char], i: usize) -> char {
    i.checked_sub(1)
        .and_then(|p| chars.get(p))
        .copied()
        .unwrap_or(' ')
}

/// One-character stops, with the neighbours that make them part of a word.
pub(super) fn single_stop(chars: &[char], i: usize) -> bool {
    let c = chars.get(i).copied().unwrap_or(' ');
    let prev = prev_char(chars, i);
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

// ───────────────────────────── helpers ─────────────────────────────

pub(super) fn at(chars: &[char], i: usize, w: &str) -> bool {
    (i..).zip(w.chars()).all(|(k, c)| chars.get(k) == Some(&c))
}

pub(super) fn cut(chars: &[char], a: usize, b: usize) -> String {
    chars
        .get(a..b.min(chars.len()))
        .unwrap_or(&[])
        .iter()
        .collect()
}

pub(super) fn is_comma(c: char) -> bool {
    c == '，' || c == ','
}

pub(super) fn is_end_punct(c: char) -> bool {
    "。；;！!？?：:".contains(c)
}

/// Positions inside Chinese quotation marks, where no modal verb governs.
pub(super) fn quoted(chars: &[char]) -> Vec<bool> {
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
pub(super) fn boundary(chars: &[char], i: usize) -> bool {
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
pub(super) fn starts_at(chars: &[char], start: usize, from: usize) -> bool {
    start >= from && strip_determiners(&cut(chars, from, start)).is_empty()
}

/// A preposition opening a circumstance (对…, 在…, 由…): never inside a name.
pub(super) fn is_preposition(chars: &[char], e: usize) -> bool {
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
pub(super) fn stop_is_noun(chars: &[char], e: usize) -> bool {
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
pub(super) fn strip_bracket_group(s: &str) -> &str {
    match s.strip_suffix(['）', ')']) {
        Some(p) => p.rfind(['（', '(']).and_then(|i| s.get(..i)).unwrap_or(s),
        None => s,
    }
}

pub(super) fn bracket_depth(s: &str) -> i32 {
    s.chars().fold(0, |d, c| match c {
        '（' | '(' => d + 1,
        '）' | ')' => d - 1,
        _ => d,
    })
}

pub(super) fn ends_with_head(s: &str) -> bool {
    HEADS.iter().any(|h| s.ends_with(h))
}

pub(super) fn strip_determiners(mut s: &str) -> &str {
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
