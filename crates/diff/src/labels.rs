//! The words of the diff report that name things: each change kind, and the
//! field labels the comparison records (施行日期, 主体, 期限 …), in the language
//! of the run (crates/l10n, `diff.ftl`).
//!
//! The JSON keeps the Chinese field labels and the kind codes as they are: the
//! labels are data there. Only the reports for people word them. A label the
//! table does not know (a chapter's number, 第二章第一节) prints as it is, as do
//! the values before and after, which quote the law or its encoding.

use crate::Kind;

/// Field label (as the comparison records it, in Chinese) → its message.
/// `tests::every_field_the_comparison_writes_is_known` keeps it complete.
pub(crate) const FIELDS: &[(&str, &str)] = &[
    // The header of an ordinance.
    ("状态", "diff-field-status"),
    ("通过日期", "diff-field-adopted"),
    ("批准日期", "diff-field-approved"),
    ("施行日期", "diff-field-in-force"),
    ("废止日期", "diff-field-repealed-on"),
    ("条例标识", "diff-field-id"),
    ("标题", "diff-field-title"),
    ("类型", "diff-field-instrument"),
    ("辖区", "diff-field-jurisdiction"),
    ("级别", "diff-field-level"),
    ("自称", "diff-field-self-name"),
    ("废止", "diff-field-repeals"),
    // Articles and their texts.
    ("章", "diff-field-chapter"),
    ("条文（编码未变）", "diff-field-text-only"),
    ("条文与编码", "diff-field-text-and-encoding"),
    ("款项", "diff-field-provision"),
    // Norms.
    ("规范", "diff-field-norm"),
    ("规范用语", "diff-field-modality"),
    ("主体", "diff-field-subjects"),
    ("行为", "diff-field-action"),
    ("触发", "diff-field-trigger"),
    ("向", "diff-field-recipients"),
    ("条件", "diff-field-condition"),
    ("优先", "diff-field-priority"),
    ("期限", "diff-field-deadline"),
    // Consequences.
    ("后果", "diff-field-consequence"),
    ("对象", "diff-field-applies-to"),
    ("情形", "diff-field-grounds"),
    ("处理", "diff-field-measure"),
    ("等级", "diff-field-rank"),
    ("处理用语", "diff-field-measure-modality"),
    ("由", "diff-field-authority"),
    ("对", "diff-field-targets"),
    // The vocabulary.
    ("主体类别", "diff-field-actor-kind"),
    ("角色", "diff-field-role"),
    ("责任人", "diff-field-person"),
    ("事实", "diff-field-fact"),
    ("事件", "diff-field-event"),
    ("处理方式", "diff-field-sanction"),
];

/// A field label in the language of the run; an unknown one as it is.
pub fn field(label: &str) -> String {
    match FIELDS.iter().find(|(zh, _)| *zh == label) {
        Some((_, id)) => tiaoli_l10n::format(id, &[]),
        None => label.to_string(),
    }
}

/// The message naming a kind: `diff-kind-` and its code.
fn kind_id(k: Kind) -> String {
    format!("diff-kind-{}", k.code())
}

impl Kind {
    /// What the kind is called, in the language of the run (新增条文, article
    /// added); [`Kind::zh`] is the Chinese name whatever the language.
    pub fn name(self) -> String {
        tiaoli_l10n::format(&kind_id(self), &[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiaoli_l10n::{format_in, has, Lang};

    #[test]
    fn every_kind_has_a_name_in_both_languages_and_the_chinese_one_is_zh() {
        for k in Kind::ALL {
            let id = kind_id(*k);
            for lang in Lang::ALL {
                assert!(has(lang, &id), "{} has no {id}", lang.code());
            }
            assert_eq!(format_in(Lang::Zh, &id, &[]), k.zh(), "{id}");
            let en = format_in(Lang::En, &id, &[]);
            assert!(en.is_ascii(), "{id}: {en}");
        }
        let en: std::collections::BTreeSet<String> = Kind::ALL
            .iter()
            .map(|k| format_in(Lang::En, &kind_id(*k), &[]))
            .collect();
        assert_eq!(en.len(), Kind::ALL.len(), "two kinds share an English name");
    }

    #[test]
    fn every_field_has_a_message_in_both_languages_and_the_chinese_one_is_the_label() {
        for (zh, id) in FIELDS {
            for lang in Lang::ALL {
                assert!(has(lang, id), "{} has no {id}", lang.code());
            }
            assert_eq!(format_in(Lang::Zh, id, &[]), *zh, "{id}");
        }
        let ids: std::collections::BTreeSet<&str> = FIELDS.iter().map(|(_, id)| *id).collect();
        assert_eq!(ids.len(), FIELDS.len(), "an id twice");
        let labels: std::collections::BTreeSet<&str> = FIELDS.iter().map(|(l, _)| *l).collect();
        assert_eq!(labels.len(), FIELDS.len(), "a label twice");
        assert_eq!(
            tiaoli_l10n::scoped(Lang::En, || field("施行日期")),
            "in force"
        );
        assert_eq!(tiaoli_l10n::scoped(Lang::En, || field("第二章")), "第二章");
        assert_eq!(
            tiaoli_l10n::scoped(Lang::Zh, || field("施行日期")),
            "施行日期"
        );
    }

    /// The Chinese string literals of the code that writes changes, without
    /// its comments: each is a field label (in [`FIELDS`]) or a value the
    /// report prints as it is (listed here). A new literal fails this test
    /// until it is placed in one or the other.
    #[test]
    fn every_field_the_comparison_writes_is_known() {
        const VALUES: &[&str] = &[
            "未知",
            "（无）",
            "一致",
            "可以",
            "应当",
            "（本法规约束的所有单位）",
            "词汇",
            "布尔",
            "数值",
            "日期",
            "条文有、编码无",
            "编码有、条文无",
            "两者不同",
        ];
        let sources = [
            ("lib.rs", include_str!("lib.rs")),
            ("compare/mod.rs", include_str!("compare/mod.rs")),
            ("lexicon.rs", include_str!("lexicon.rs")),
            ("stale.rs", include_str!("stale.rs")),
        ];
        let mut unknown = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for (name, src) in sources {
            let code = src.split("#[cfg(test)]").next().unwrap_or(src);
            for line in code.lines() {
                let line = line.split("//").next().unwrap_or("");
                for (i, lit) in line.split('"').enumerate() {
                    // Words, not separators (、；), and not the kinds' names.
                    let chinese = lit.chars().all(|c| !c.is_ascii())
                        && lit.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                        && !Kind::ALL.iter().any(|k| k.zh() == lit);
                    if i % 2 == 1 && chinese {
                        seen.insert(lit);
                        let known = FIELDS.iter().any(|(l, _)| *l == lit) || VALUES.contains(&lit);
                        if !known {
                            unknown.push(format!("{name}: {lit}"));
                        }
                    }
                }
            }
        }
        assert!(
            unknown.is_empty(),
            "neither a field nor a value: {unknown:?}"
        );
        let unused: Vec<&str> = FIELDS
            .iter()
            .map(|(l, _)| *l)
            .chain(VALUES.iter().copied())
            .filter(|l| !seen.contains(l))
            .collect();
        assert!(unused.is_empty(), "listed but not in the code: {unused:?}");
    }
}
