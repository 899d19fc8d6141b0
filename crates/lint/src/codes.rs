//! The catalogue of checks: stable codes, names, default severities, and what
//! each finds, in Chinese. docs/lints.md gives each one's rationale; a test keeps
//! the two in step.
//!
//! Severity means one thing throughout: **error** — the text contradicts itself
//! or the superior law; **warning** — a drafting defect a reviewer would raise;
//! **note** — a statistic, for the drafter to weigh.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Severity::Note => "提示",
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

/// One check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// Found once per norm, reported once per article (`--verbose`: per norm).
    pub per_article: bool,
    /// One line: what the check finds.
    pub summary: &'static str,
    /// What it finds and why it matters (SARIF's fullDescription).
    pub description: &'static str,
}

macro_rules! codes {
    ($($id:ident = $code:literal, $name:literal, $sev:ident, $agg:literal, $summary:literal, $desc:literal;)*) => {
        $(pub const $id: Code = Code { code: $code, name: $name, severity: Severity::$sev, per_article: $agg, summary: $summary, description: $desc };)*
        /// Every check, in code order.
        pub const ALL: &[Code] = &[$($id),*];
    };
}

codes! {
    ALLOW_WITHOUT_REASON = "L001", "allow-without-reason", Warning, false,
        "行内豁免未写理由，不豁免任何问题",
        "“lint: allow”注释是一项判断；不写理由，后来的起草人无法区分经过审慎考虑的例外和被压下的警报。写明理由之前，它不豁免任何问题。";
    ALLOW_UNKNOWN_CODE = "L002", "allow-unknown-code", Warning, false,
        "行内豁免指向不存在的检查",
        "检查代码写错，豁免就静默地什么也不做；本项指出错误并给出最接近的代码。";
    ALLOW_UNUSED = "L003", "allow-unused", Warning, false,
        "行内豁免未豁免任何问题",
        "条文已修改、问题已消失，或豁免写错了位置：无论哪种，这条注释都会误导读者。";
    OBLIGED_AND_FORBIDDEN = "L101", "obliged-and-forbidden", Error, false,
        "同一主体对同一行为既负有义务又被禁止",
        "同一主体（直接或通过类别关系）对同一行为既“应当”又“不得”，两者条件可以同时成立，且没有优先关系。同时满足两项条件的单位无法同时遵守。";
    PERMITTED_AND_FORBIDDEN = "L102", "permitted-and-forbidden", Warning, false,
        "同一主体对同一行为既被允许又被禁止",
        "同一主体对同一行为既“可以”又“不得”，两者条件可以同时成立。常见原因是漏写了“除……外”。";
    DUPLICATE_NORM = "L201", "duplicate-norm", Warning, false,
        "两项规范内容相同",
        "同一法规中两项规范的主体、规范用语、行为、触发、条件、例外、期限和对象完全相同：或者条文重复，或者编码把两句话编成了同一行为。";
    SUBSUMED_NORM = "L202", "subsumed-norm", Note, false,
        "一项规范包含在另一项更一般的规范中",
        "一项规范的主体是另一项的下位类别，条件蕴含另一项的条件，其余相同：较窄的规范没有增加内容，除非它意在作为例外或强调。";
    SCATTERED_TOPIC = "L203", "scattered-topic", Note, false,
        "同一事项分散规定在相隔的几条中",
        "几条并不相邻的条文用同一表述规定同一事项（如绵阳 第八、九、二十四条的重大行政决策社会稳定风险评估），并且都设定了规范：审查时宜考虑合并或相互援引。";
    TOOTHLESS_DUTY = "L301", "toothless-duty", Note, true,
        "义务没有任何后果条款",
        "一项有主体的义务或禁止，没有任何后果条款援引其违反（违反 第N条，或对象包括其主体的“违反本条例”）。";
    REFERRAL_ONLY = "L302", "referral-only", Note, true,
        "义务只由转致条款兜底，没有实际处理措施和处理机关",
        "援引该义务违反的后果条款都只是转致（依法予以处理、追究责任、从其规定），或没有规定由谁处理：实践中这项义务没有牙齿。";
    NO_ENFORCEABLE_DUTY = "L303", "no-enforceable-duty", Warning, false,
        "法规没有一项义务有实际处理措施和处理机关",
        "全部义务要么没有后果，要么只由转致条款兜底：法规的义务在实践中都无法追究。";
    ESCALATION_FROM_NOWHERE = "L401", "escalation-from-nowhere", Warning, false,
        "升级措施以本法规未规定的处理方式为前提",
        "后果条款以某项处理方式（通报、约谈、挂牌督办……）为情形，但本法规没有任何条款规定该处理方式：升级链条缺了下面一环。";
    ESCALATION_LOOP = "L402", "escalation-loop", Error, false,
        "处理措施循环升级",
        "后果甲规定的处理方式构成后果乙的情形，后果乙规定的又构成后果甲的情形：升级永远到不了最终措施。";
    PERIOD_WITHOUT_FOLLOW_UP = "L403", "period-without-follow-up", Warning, false,
        "处理方式设定了期限，期满后没有任何后续",
        "责令限期整改、督办、挂牌督办等设定整改期限，但本法规没有任何条款规定期满未整改的后果：升级止于一个无人核查的期限。";
    BINDS_NO_ONE = "L501", "binds-no-one", Warning, true,
        "规范没有义务主体，约束不到任何单位",
        "条文以被动句或无主语句规定义务（“应当建立……机制”），编码为“主体 未明确”：没有单位能被认定违反。";
    UNSATISFIABLE = "L502", "unsatisfiable-condition", Error, false,
        "条件永远不能成立",
        "规范的条件（连同例外）、后果的情形或处理方式的条件永远不能成立：条文自相矛盾，或者编码有误。";
    UNDECIDABLE_GROUND = "L503", "undecidable-ground", Warning, false,
        "后果以无法认定的违反为情形",
        "后果以某项义务的违反为情形，但该义务没有履行期限或没有主体，永远不能被认定违反：后果永远不会发生。";
    MISSING_REFERENCE = "L601", "missing-reference", Error, false,
        "条文援引的条、款、项不存在",
        "条文援引第N条、第M款、第（K）项、前款等，本法规中没有该条款。";
    REPEALED_REFERENCE = "L602", "repealed-reference", Warning, false,
        "条文援引已废止的法规",
        "条文援引的《…》已被另一部已施行的法规废止，或其本身已废止。草案中的废止和施行日期空白的废止尚未生效，不计。";
    WRONG_SELF_NAME = "L603", "wrong-self-name", Warning, false,
        "条文用其他法规的名称自称",
        "法规自称“本规定”，条文中却写“本规章”或“本条例”。";
    IN_FORCE_WITHOUT_DATE = "L604", "in-force-without-date", Error, false,
        "已标明施行的法规没有施行日期",
        "法规状态为施行，但施行日期空白或未知：无法确定自何时起约束。";
    DRAFT_WITHOUT_DATE = "L605", "draft-without-date", Note, false,
        "草案的施行日期空白",
        "草案、征求意见稿或代拟稿的施行日期尚未确定，通过前须补上；其中的废止条款也尚未生效。";
    AUTHORITY_WITHOUT_ROLE = "L701", "authority-without-role", Warning, false,
        "处理机关在本法规中没有任何职责",
        "后果条款由某机关实施处理，但本法规没有任何规范以该机关为主体：其处理权只能来自条文未援引的其他法律。";
    COMPETING_AUTHORITIES = "L702", "competing-authorities", Warning, false,
        "同一违反由不同机关给予同一处理",
        "两项后果条款对同一违反、可能是同一单位的对象，规定由不能是同一机关的两个机关给予同一处理：可能重复处理，或互相等待。";
    VAGUE_DEADLINE = "L801", "vague-deadline", Note, true,
        "期限模糊（及时、立即、定期、限期）",
        "条文把期限写作及时、立即、定期或由命令确定的限期：编码保持模糊，不补造天数；逐项列出，供起草人考虑是否规定明确期间。";
    DIFFERENT_PERIODS = "L802", "different-periods", Warning, false,
        "同一行为规定了不同期限",
        "可能是同一单位的主体、同一触发、可以同时成立的条件下，同一行为有不同期限，其中至少一个是明确期间：受两者约束的单位不知以哪个为准。";
    TWO_LEADS = "L901", "two-leads", Warning, false,
        "两个机关牵头同一事项",
        "不能是同一机关的两个机关各自牵头同一事项，条件可以同时成立：条文两次规定了牵头单位。";
    COOPERATE_WITHOUT_LEAD = "L902", "cooperate-without-lead", Warning, false,
        "配合、协助的事项无人牵头或负责",
        "规定了配合或协助，但没有任何规范规定由谁牵头或负责该事项，条文也没有写明协助谁：无人可配合，无从核查。";
    CROSS_DEADLINE = "L1001", "cross-deadline", Warning, false,
        "与另一法规相比：同一义务期限不同",
        "（--against）两部法规中主体可以相同、行为相同的义务，期限不同或只有一方有期限。";
    CROSS_SANCTION = "L1002", "cross-sanction", Warning, false,
        "与另一法规相比：同一义务违反后的处理不同",
        "（--against）两部法规中对应义务的违反所导致的处理方式不同，包括一方没有处理。";
    PENALTY_BEYOND_POWER = "L1101", "penalty-beyond-power", Error, false,
        "设定了该类型法规无权设定的行政处罚",
        "按《行政处罚法》第十二条（地方性法规）、第十四条（地方政府规章），该类型的法规不能设定这一种类的行政处罚。上位法条文见 rules/superior/powers.toml。";
    BURDEN_WITHOUT_BASIS = "L1102", "burden-without-basis", Warning, true,
        "地方政府规章为公民、法人或其他组织增设义务，条文未援引上位法依据",
        "《立法法》第九十三条第六款：没有法律、行政法规、地方性法规的依据，地方政府规章不得设定减损公民、法人和其他组织权利或者增加其义务的规范。条文既未援引法律法规，也未写“依法”“依照……规定”：审查时须查明依据。";
    PENALTY_BY_NON_ADMINISTRATIVE = "L1103", "penalty-by-non-administrative", Warning, false,
        "行政处罚的实施机关不是行政机关，或未规定",
        "《行政处罚法》第十七条：行政处罚由具有行政处罚权的行政机关在法定职权范围内实施。对公民、法人或其他组织的处罚由非行政机关（平安建设组织协调机构等）实施，或条文未规定由谁实施。";
    UNCLASSIFIED_MEASURE = "L1104", "unclassified-measure", Warning, false,
        "处理方式不在上位法审查数据中，无法审查",
        "rules/superior/powers.toml 没有该处理方式的分类（行政处罚、监督、处分……）：无法判断是否超越权限，须补充数据。";
    NO_INSTRUMENT_TYPE = "L1105", "no-instrument-type", Warning, false,
        "法规未声明类型，或该类型没有权限数据，无法进行上位法审查",
        "法规头部没有“类型”，或 rules/superior/powers.toml 没有该类型的权限：设定的处理无法与上位法比对。";
    TEXT_RULE_PERIOD = "L1201", "text-rule-period", Warning, false,
        "条文与编码的期限不一致",
        "条文写明的期间（三十日、五个工作日、每年……）编码中没有，或编码的期间条文中没有。";
    TEXT_RULE_MODALITY = "L1202", "text-rule-modality", Warning, false,
        "条文与编码的规范用语不一致",
        "条文中的应当、必须、不得、可以、鼓励等在编码中没有对应的规范，或编码的规范用语条文不支持（条文只说“可以”，编码却是“应当”）。";
    TEXT_RULE_SANCTION = "L1203", "text-rule-sanction", Warning, false,
        "条文与编码的处理方式不一致",
        "条文点名的处理方式（通报、约谈、挂牌督办……）编码中既未规定也未援引，或编码的处理方式条文中没有。";
    TEXT_RULE_ACTOR = "L1204", "text-rule-actor", Warning, false,
        "编码的主体条文中没有",
        "编码中的主体、对象、处理机关，条文既未以其名称或别称提及，也未提及其下位类别。";
    TEXT_RULE_EXCEPTION = "L1205", "text-rule-exception", Warning, false,
        "条文与编码的除外不一致",
        "条文有“除……外”“……的除外”而编码没有例外，或编码的“除 … 外”在条文中既无“除……外”也无“其他”。";
    TEXT_RULE_DATE = "L1206", "text-rule-date", Warning, false,
        "条文与法规头部的施行日期不一致",
        "施行条款写的日期（或空白）与头部的施行日期不同。";
}

/// A check by code (`L301`) or name (`toothless-duty`), case-insensitively.
pub fn lookup(s: &str) -> Option<Code> {
    let s = s.trim();
    ALL.iter()
        .copied()
        .find(|c| c.code.eq_ignore_ascii_case(s) || c.name.eq_ignore_ascii_case(s))
}

/// The nearest code or name, for a did-you-mean.
pub fn suggest(s: &str) -> Option<&'static str> {
    let s = s.trim().to_ascii_lowercase();
    ALL.iter()
        .flat_map(|c| [c.code, c.name])
        .map(|k| (distance(&s, &k.to_ascii_lowercase()), k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_text_rule_codes_are_textchecks() {
        for c in tiaoli_textcheck::Check::ALL {
            let code = super::lookup(c.code()).map(|x| x.name);
            assert_eq!(code, Some(c.name()), "{}", c.code());
        }
    }
}
