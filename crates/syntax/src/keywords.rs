//! The keyword table: every keyword rule of the grammar with its spellings
//! (canonical Chinese first, ASCII alias last). Used for messages and did-you-mean;
//! `tests/grammar.rs` checks that it matches grammar/tiaoli.pest.

use crate::parse::Rule;

#[derive(Debug, PartialEq, Eq)]
pub struct Keyword {
    pub rule: Rule,
    /// Canonical spelling first.
    pub spellings: &'static [&'static str],
}

pub const KEYWORDS: &[Keyword] = &[
    Keyword {
        rule: Rule::modality,
        spellings: &[
            "应当",
            "必须",
            "不得",
            "可以",
            "鼓励",
            "支持",
            "提倡",
            "负责",
            "牵头",
            "配合",
            "协助",
            "shall",
            "must",
            "shall_not",
            "may",
            "encourage",
            "support",
            "advocate",
            "responsible",
            "lead",
            "cooperate",
            "assist",
        ],
    },
    Keyword {
        rule: Rule::vague_deadline,
        spellings: &[
            "及时",
            "立即",
            "定期",
            "promptly",
            "immediately",
            "periodically",
        ],
    },
    Keyword {
        rule: Rule::periodic_deadline,
        spellings: &[
            "每年",
            "每半年",
            "每季度",
            "每月",
            "yearly",
            "half_yearly",
            "quarterly",
            "monthly",
        ],
    },
    Keyword {
        rule: Rule::relation,
        spellings: &[
            "同级",
            "上级",
            "下级",
            "same_level",
            "upper_level",
            "lower_level",
        ],
    },
    Keyword {
        rule: Rule::status,
        spellings: &[
            "代拟稿",
            "草案",
            "征求意见稿",
            "通过",
            "施行",
            "废止",
            "proposal",
            "draft",
            "consultation",
            "adopted",
            "in_force",
            "repealed",
        ],
    },
    Keyword {
        rule: Rule::article_kind,
        spellings: &[
            "宗旨",
            "适用范围",
            "原则",
            "定义",
            "体制",
            "宣示",
            "施行",
            "废止",
            "待审",
            "purpose",
            "scope",
            "principle",
            "definition",
            "institution",
            "declaration",
            "commencement",
            "repeal",
            "unreviewed",
        ],
    },
    Keyword {
        rule: Rule::kw_ordinance,
        spellings: &["条例", "ordinance"],
    },
    Keyword {
        rule: Rule::kw_title,
        spellings: &["标题", "title"],
    },
    Keyword {
        rule: Rule::kw_instrument,
        spellings: &["类型", "instrument"],
    },
    Keyword {
        rule: Rule::kw_jurisdiction,
        spellings: &["辖区", "jurisdiction"],
    },
    Keyword {
        rule: Rule::kw_level,
        spellings: &["级别", "level"],
    },
    Keyword {
        rule: Rule::kw_status,
        spellings: &["状态", "status"],
    },
    Keyword {
        rule: Rule::kw_adopted,
        spellings: &["通过日期", "adopted"],
    },
    Keyword {
        rule: Rule::kw_approved,
        spellings: &["批准日期", "approved"],
    },
    Keyword {
        rule: Rule::kw_in_force,
        spellings: &["施行日期", "in_force"],
    },
    Keyword {
        rule: Rule::kw_repealed_on,
        spellings: &["废止日期", "repealed_on"],
    },
    Keyword {
        rule: Rule::kw_repeals,
        spellings: &["废止", "repeals"],
    },
    Keyword {
        rule: Rule::kw_self_name,
        spellings: &["自称", "self_name"],
    },
    Keyword {
        rule: Rule::kw_unknown,
        spellings: &["未知", "unknown"],
    },
    Keyword {
        rule: Rule::kw_vocabulary,
        spellings: &["词汇", "vocabulary"],
    },
    Keyword {
        rule: Rule::kw_actor,
        spellings: &["主体类别", "actor"],
    },
    Keyword {
        rule: Rule::kw_role,
        spellings: &["角色", "role"],
    },
    Keyword {
        rule: Rule::kw_person,
        spellings: &["责任人", "person"],
    },
    Keyword {
        rule: Rule::kw_fact,
        spellings: &["事实", "fact"],
    },
    Keyword {
        rule: Rule::kw_event,
        spellings: &["事件", "event"],
    },
    Keyword {
        rule: Rule::kw_action,
        spellings: &["行为", "action"],
    },
    Keyword {
        rule: Rule::kw_sanction,
        spellings: &["处理方式", "sanction"],
    },
    Keyword {
        rule: Rule::kw_is_a,
        spellings: &["属于", "is_a"],
    },
    Keyword {
        rule: Rule::kw_alias,
        spellings: &["又称", "alias"],
    },
    Keyword {
        rule: Rule::kw_rank,
        spellings: &["等级", "rank"],
    },
    Keyword {
        rule: Rule::kw_sets_period,
        spellings: &["附期限", "sets_period"],
    },
    Keyword {
        rule: Rule::kw_attrs,
        spellings: &["属性", "attrs"],
    },
    Keyword {
        rule: Rule::kw_deem,
        spellings: &["视同", "deem"],
    },
    Keyword {
        rule: Rule::kw_as,
        spellings: &["适用", "as"],
    },
    Keyword {
        rule: Rule::kw_rule_of,
        spellings: &["的规定", "rules"],
    },
    Keyword {
        rule: Rule::kw_kind,
        spellings: &["性质", "kind"],
    },
    Keyword {
        rule: Rule::kw_para,
        spellings: &["款", "paragraph"],
    },
    Keyword {
        rule: Rule::kw_item,
        spellings: &["项", "point"],
    },
    Keyword {
        rule: Rule::kw_norm,
        spellings: &["规范", "norm"],
    },
    Keyword {
        rule: Rule::kw_consequence,
        spellings: &["后果", "consequence"],
    },
    Keyword {
        rule: Rule::kw_subject,
        spellings: &["主体", "subject"],
    },
    Keyword {
        rule: Rule::kw_to,
        spellings: &["向", "to"],
    },
    Keyword {
        rule: Rule::kw_when,
        spellings: &["当", "when"],
    },
    Keyword {
        rule: Rule::kw_except,
        spellings: &["除", "except"],
    },
    Keyword {
        rule: Rule::kw_except_end,
        spellings: &["外", "except_end"],
    },
    Keyword {
        rule: Rule::kw_unless,
        spellings: &["除非", "unless"],
    },
    Keyword {
        rule: Rule::kw_on,
        spellings: &["触发", "on"],
    },
    Keyword {
        rule: Rule::kw_deadline,
        spellings: &["期限", "deadline"],
    },
    Keyword {
        rule: Rule::kw_overrides,
        spellings: &["优先于", "overrides"],
    },
    Keyword {
        rule: Rule::kw_fallback,
        spellings: &["不能履行时替代", "fallback_for"],
    },
    Keyword {
        rule: Rule::kw_applies_to,
        spellings: &["对象", "applies_to"],
    },
    Keyword {
        rule: Rule::kw_grounds,
        spellings: &["情形", "grounds"],
    },
    Keyword {
        rule: Rule::kw_any,
        spellings: &["之一", "any"],
    },
    Keyword {
        rule: Rule::kw_all,
        spellings: &["全部", "all"],
    },
    Keyword {
        rule: Rule::kw_by,
        spellings: &["由", "by"],
    },
    Keyword {
        rule: Rule::kw_against,
        spellings: &["对", "against"],
    },
    Keyword {
        rule: Rule::kw_impose,
        spellings: &["处理", "impose"],
    },
    Keyword {
        rule: Rule::kw_one_of,
        spellings: &["择一", "one_of"],
    },
    Keyword {
        rule: Rule::kw_by_severity,
        spellings: &["根据情节轻重", "by_severity"],
    },
    Keyword {
        rule: Rule::kw_may,
        spellings: &["可以", "may"],
    },
    Keyword {
        rule: Rule::kw_and,
        spellings: &["且", "and"],
    },
    Keyword {
        rule: Rule::kw_or,
        spellings: &["或", "or"],
    },
    Keyword {
        rule: Rule::kw_not,
        spellings: &["非", "not"],
    },
    Keyword {
        rule: Rule::kw_occurred,
        spellings: &["发生", "occurred"],
    },
    Keyword {
        rule: Rule::kw_within,
        spellings: &["近", "within"],
    },
    Keyword {
        rule: Rule::kw_shortly,
        spellings: &["较短时间内", "shortly"],
    },
    Keyword {
        rule: Rule::kw_count,
        spellings: &["次数", "count"],
    },
    Keyword {
        rule: Rule::kw_violated,
        spellings: &["违反", "violated"],
    },
    Keyword {
        rule: Rule::kw_overdue,
        spellings: &["逾期", "overdue"],
    },
    Keyword {
        rule: Rule::kw_without,
        spellings: &["未", "without"],
    },
    Keyword {
        rule: Rule::kw_meets,
        spellings: &["符合", "meets"],
    },
    Keyword {
        rule: Rule::kw_true,
        spellings: &["是", "true"],
    },
    Keyword {
        rule: Rule::kw_false,
        spellings: &["否", "false"],
    },
    Keyword {
        rule: Rule::kw_this,
        spellings: &["本条例", "本规定", "本规章", "本办法", "this"],
    },
    Keyword {
        rule: Rule::kw_self_unit,
        spellings: &["本单位", "self_unit"],
    },
    Keyword {
        rule: Rule::kw_unspecified,
        spellings: &["未明确", "unspecified"],
    },
    Keyword {
        rule: Rule::kw_after,
        spellings: &["后", "after"],
    },
    Keyword {
        rule: Rule::kw_before,
        spellings: &["前", "before"],
    },
    Keyword {
        rule: Rule::kw_from,
        spellings: &["自", "from"],
    },
    Keyword {
        rule: Rule::kw_by_order,
        spellings: &["限期", "by_order"],
    },
    Keyword {
        rule: Rule::kw_period_end,
        spellings: &["期满", "届满", "period_end"],
    },
    Keyword {
        rule: Rule::kw_lasting,
        spellings: &["为期", "lasting"],
    },
    Keyword {
        rule: Rule::kw_retroactive,
        spellings: &["溯及", "retroactive_from"],
    },
];

/// The other words the grammar spells out, where a value stands: levels, kinds of
/// instrument, time units and fact types. Not statement keywords (messages and
/// did-you-mean use [`KEYWORDS`] only), but reserved spellings in their place:
/// with [`KEYWORDS`], every word of the grammar, for highlighting (the TextMate
/// grammar is generated from both; `tests/language.rs` checks both against
/// grammar/tiaoli.pest).
pub const VALUE_WORDS: &[Keyword] = &[
    Keyword {
        rule: Rule::level,
        spellings: &[
            "省",
            "市",
            "州",
            "县",
            "乡",
            "村",
            "province",
            "city",
            "prefecture",
            "county",
            "township",
            "village",
        ],
    },
    Keyword {
        rule: Rule::instrument,
        spellings: &[
            "地方性法规",
            "地方政府规章",
            "自治条例",
            "单行条例",
            "local_regulation",
            "government_rule",
            "autonomy_regulation",
            "separate_regulation",
        ],
    },
    Keyword {
        rule: Rule::time_unit,
        spellings: &[
            "个工作日",
            "工作日",
            "日",
            "天",
            "个月",
            "月",
            "年",
            "working_days",
            "days",
            "months",
            "years",
        ],
    },
    Keyword {
        rule: Rule::ty_bool,
        spellings: &["布尔", "bool"],
    },
    Keyword {
        rule: Rule::ty_number,
        spellings: &["数值", "number"],
    },
    Keyword {
        rule: Rule::ty_date,
        spellings: &["日期", "date"],
    },
    Keyword {
        rule: Rule::ty_enum_kw,
        spellings: &["枚举", "enum"],
    },
];

/// The entry of [`KEYWORDS`] or [`VALUE_WORDS`] for a rule of the grammar.
pub fn word_rule(rule: Rule) -> Option<&'static Keyword> {
    KEYWORDS
        .iter()
        .chain(VALUE_WORDS.iter())
        .find(|k| k.rule == rule)
}

/// The entries whose spellings include `word` (ASCII case-insensitively).
pub fn words_spelled(word: &str) -> impl Iterator<Item = &'static Keyword> + '_ {
    KEYWORDS.iter().chain(VALUE_WORDS.iter()).filter(move |k| {
        k.spellings
            .iter()
            .any(|s| *s == word || (s.is_ascii() && s.eq_ignore_ascii_case(word)))
    })
}

/// The grammar rule's name (`kw_subject`, `modality` …), for tools and tests.
pub fn rule_name(rule: Rule) -> String {
    format!("{rule:?}")
}

/// What a grammar rule means to a reader, for "expected …" messages.
pub fn rule_description(rule: Rule) -> Option<String> {
    if let Some(k) = KEYWORDS
        .iter()
        .find(|k| k.rule == rule && format!("{:?}", k.rule).starts_with("kw_"))
    {
        let zh = k.spellings.first().copied().unwrap_or("");
        return Some(format!("“{zh}”"));
    }
    let s = match rule {
        Rule::ident => "a term",
        Rule::string => "a quoted text",
        Rule::comment => "a comment",
        Rule::digits | Rule::num => "a number",
        Rule::date => "a date (YYYY-MM-DD)",
        Rule::date_or_unknown => "a date or “未知”",
        Rule::article_no => "an article number (第N条)",
        Rule::para_no => "a paragraph number (第N款)",
        Rule::item_no => "an item number (第（N）项)",
        Rule::chapter_no => "a chapter number (第N章)",
        Rule::section_no => "a section number (第N节)",
        Rule::item_label => "an item label such as （一）",
        Rule::anchor => "a provision (第N款, 第（N）项)",
        Rule::modality => "a modality (应当, 必须, 不得, 可以, 鼓励 …)",
        Rule::level | Rule::levels => "a level (省, 市, 州, 县, 乡, 村)",
        Rule::status => "a status (代拟稿, 草案, 征求意见稿, 通过, 施行, 废止)",
        Rule::instrument => "an instrument type (地方性法规, 地方政府规章, 自治条例, 单行条例)",
        Rule::article_kind => {
            "an article kind (宗旨, 适用范围, 原则, 定义, 体制, 宣示, 施行, 废止, 待审)"
        }
        Rule::relation => "a relation (同级, 上级, 下级)",
        Rule::selector => "a subject",
        Rule::target => "a target (本单位 or a person)",
        Rule::deadline => "a deadline (及时, 定期, 每年, 限期, N 日 …)",
        Rule::vague_deadline => "及时, 立即 or 定期",
        Rule::periodic_deadline => "每年, 每半年, 每季度 or 每月",
        Rule::duration => "a period (N 日, N 个工作日, N 个月, N 年)",
        Rule::time_unit => "a time unit (日, 个工作日, 个月, 年)",
        Rule::fact_type => "a type (布尔, 数值, 日期, 枚举 …)",
        Rule::cmp_op => "a comparison (=, ≠, <, ≤, >, ≥)",
        Rule::value => "a value",
        Rule::expr | Rule::and_expr | Rule::not_expr => "a condition",
        Rule::trigger | Rule::event_pattern => "an event (a term of the vocabulary)",
        Rule::attr_filter | Rule::attr_test => "an attribute test such as 【事故等级 = 重大】",
        Rule::attr_ref => "an attribute of the triggering event (事件.属性)",
        Rule::ordinance => "“条例”",
        Rule::vocabulary => "“词汇”",
        Rule::chapter => "a chapter heading",
        Rule::section => "a section heading",
        Rule::article => "an article (第N条 { … })",
        Rule::norm => "“规范”",
        Rule::consequence => "“后果”",
        Rule::EOI => "the end of the file",
        _ => return None,
    };
    Some(s.to_string())
}
