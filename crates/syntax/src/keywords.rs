//! The keyword table: every keyword rule of the grammar with its spellings
//! (canonical Chinese first, ASCII alias last). Used for messages and did-you-mean;
//! `tests/grammar.rs` checks that it matches grammar/tiaoli.pest.

use crate::parse::Rule;
use tiaoli_l10n::t;

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
/// grammar is generated from both; `tests/language/keywords.rs` checks both against
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
    Some(match rule {
        Rule::ident => t!("syn-rule-ident"),
        Rule::string => t!("syn-rule-string"),
        Rule::comment => t!("syn-rule-comment"),
        Rule::digits | Rule::num => t!("syn-rule-number"),
        Rule::date => t!("syn-rule-date"),
        Rule::date_or_unknown => t!("syn-rule-date-or-unknown"),
        Rule::article_no => t!("syn-rule-article-no"),
        Rule::para_no => t!("syn-rule-para-no"),
        Rule::item_no => t!("syn-rule-item-no"),
        Rule::chapter_no => t!("syn-rule-chapter-no"),
        Rule::section_no => t!("syn-rule-section-no"),
        Rule::item_label => t!("syn-rule-item-label"),
        Rule::anchor => t!("syn-rule-anchor"),
        Rule::modality => t!("syn-rule-modality"),
        Rule::level | Rule::levels => t!("syn-rule-level"),
        Rule::status => t!("syn-rule-status"),
        Rule::instrument => t!("syn-rule-instrument"),
        Rule::article_kind => t!("syn-rule-article-kind"),
        Rule::relation => t!("syn-rule-relation"),
        Rule::selector => t!("syn-rule-selector"),
        Rule::target => t!("syn-rule-target"),
        Rule::deadline => t!("syn-rule-deadline"),
        Rule::vague_deadline => t!("syn-rule-vague-deadline"),
        Rule::periodic_deadline => t!("syn-rule-periodic-deadline"),
        Rule::duration => t!("syn-rule-duration"),
        Rule::time_unit => t!("syn-rule-time-unit"),
        Rule::fact_type => t!("syn-rule-fact-type"),
        Rule::cmp_op => t!("syn-rule-cmp-op"),
        Rule::value => t!("syn-rule-value"),
        Rule::expr | Rule::and_expr | Rule::not_expr => t!("syn-rule-condition"),
        Rule::trigger | Rule::event_pattern => t!("syn-rule-event"),
        Rule::attr_filter | Rule::attr_test => t!("syn-rule-attr-test"),
        Rule::attr_ref => t!("syn-rule-attr-ref"),
        Rule::ordinance => t!("syn-rule-ordinance"),
        Rule::vocabulary => t!("syn-rule-vocabulary"),
        Rule::chapter => t!("syn-rule-chapter"),
        Rule::section => t!("syn-rule-section"),
        Rule::article => t!("syn-rule-article"),
        Rule::norm => t!("syn-rule-norm"),
        Rule::consequence => t!("syn-rule-consequence"),
        Rule::EOI => t!("syn-rule-end"),
        _ => return None,
    })
}
