//! The catalogue of checks: stable codes, names, default severities; what
//! each finds is in the Fluent catalogues (`lint-l301-summary`,
//! `lint-l301-description`, crates/l10n/locales/*/lint.ftl), in Chinese and in
//! English. docs/lints.md gives each one's rationale; a test keeps the two in
//! step.
//!
//! Severity means one thing throughout: **error** — the text contradicts itself
//! or the superior law; **warning** — a drafting defect a reviewer would raise;
//! **note** — a statistic, for the drafter to weigh.

use serde::Serialize;
use tiaoli_l10n::t;

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

    /// 错误, 警告, 提示 — or error, warning, note — in the current language.
    pub fn label(self) -> String {
        t!("lint-severity", severity = self.as_str())
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
}

impl Code {
    /// One line: what the check finds, in the current language.
    pub fn summary(&self) -> String {
        self.text("summary")
    }

    /// What it finds and why it matters (SARIF's fullDescription), in the
    /// current language.
    pub fn description(&self) -> String {
        self.text("description")
    }

    fn text(&self, part: &str) -> String {
        let id = format!("lint-{}-{part}", self.code.to_ascii_lowercase());
        tiaoli_l10n::format(&id, &[])
    }
}

macro_rules! codes {
    ($($id:ident = $code:literal, $name:literal, $sev:ident, $agg:literal;)*) => {
        $(pub const $id: Code = Code { code: $code, name: $name, severity: Severity::$sev, per_article: $agg };)*
        /// Every check, in code order.
        pub const ALL: &[Code] = &[$($id),*];
    };
}

codes! {
    ALLOW_WITHOUT_REASON = "L001", "allow-without-reason", Warning, false;
    ALLOW_UNKNOWN_CODE = "L002", "allow-unknown-code", Warning, false;
    ALLOW_UNUSED = "L003", "allow-unused", Warning, false;
    OBLIGED_AND_FORBIDDEN = "L101", "obliged-and-forbidden", Error, false;
    PERMITTED_AND_FORBIDDEN = "L102", "permitted-and-forbidden", Warning, false;
    DUPLICATE_NORM = "L201", "duplicate-norm", Warning, false;
    SUBSUMED_NORM = "L202", "subsumed-norm", Note, false;
    SCATTERED_TOPIC = "L203", "scattered-topic", Note, false;
    TOOTHLESS_DUTY = "L301", "toothless-duty", Note, true;
    REFERRAL_ONLY = "L302", "referral-only", Note, true;
    NO_ENFORCEABLE_DUTY = "L303", "no-enforceable-duty", Warning, false;
    ESCALATION_FROM_NOWHERE = "L401", "escalation-from-nowhere", Warning, false;
    ESCALATION_LOOP = "L402", "escalation-loop", Error, false;
    PERIOD_WITHOUT_FOLLOW_UP = "L403", "period-without-follow-up", Warning, false;
    BINDS_NO_ONE = "L501", "binds-no-one", Warning, true;
    UNSATISFIABLE = "L502", "unsatisfiable-condition", Error, false;
    UNDECIDABLE_GROUND = "L503", "undecidable-ground", Warning, false;
    MISSING_REFERENCE = "L601", "missing-reference", Error, false;
    REPEALED_REFERENCE = "L602", "repealed-reference", Warning, false;
    WRONG_SELF_NAME = "L603", "wrong-self-name", Warning, false;
    IN_FORCE_WITHOUT_DATE = "L604", "in-force-without-date", Error, false;
    DRAFT_WITHOUT_DATE = "L605", "draft-without-date", Note, false;
    AUTHORITY_WITHOUT_ROLE = "L701", "authority-without-role", Warning, false;
    COMPETING_AUTHORITIES = "L702", "competing-authorities", Warning, false;
    VAGUE_DEADLINE = "L801", "vague-deadline", Note, true;
    DIFFERENT_PERIODS = "L802", "different-periods", Warning, false;
    TWO_LEADS = "L901", "two-leads", Warning, false;
    COOPERATE_WITHOUT_LEAD = "L902", "cooperate-without-lead", Warning, false;
    CROSS_DEADLINE = "L1001", "cross-deadline", Warning, false;
    CROSS_SANCTION = "L1002", "cross-sanction", Warning, false;
    PENALTY_BEYOND_POWER = "L1101", "penalty-beyond-power", Error, false;
    BURDEN_WITHOUT_BASIS = "L1102", "burden-without-basis", Warning, true;
    PENALTY_BY_NON_ADMINISTRATIVE = "L1103", "penalty-by-non-administrative", Warning, false;
    UNCLASSIFIED_MEASURE = "L1104", "unclassified-measure", Warning, false;
    NO_INSTRUMENT_TYPE = "L1105", "no-instrument-type", Warning, false;
    TEXT_RULE_PERIOD = "L1201", "text-rule-period", Warning, false;
    TEXT_RULE_MODALITY = "L1202", "text-rule-modality", Warning, false;
    TEXT_RULE_SANCTION = "L1203", "text-rule-sanction", Warning, false;
    TEXT_RULE_ACTOR = "L1204", "text-rule-actor", Warning, false;
    TEXT_RULE_EXCEPTION = "L1205", "text-rule-exception", Warning, false;
    TEXT_RULE_DATE = "L1206", "text-rule-date", Warning, false;
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
    use tiaoli_l10n::{has, Lang};

    /// What each check finds is in both catalogues (the ids are built from the
    /// codes, so the catalogue test, which reads `t!` ids, cannot see them).
    #[test]
    fn every_check_is_described_in_both_languages() {
        for c in super::ALL {
            for part in ["summary", "description"] {
                let id = format!("lint-{}-{part}", c.code.to_ascii_lowercase());
                for lang in Lang::ALL {
                    assert!(has(lang, &id), "{id} in {}", lang.code());
                }
            }
        }
        let c = super::TOOTHLESS_DUTY;
        assert_eq!(
            tiaoli_l10n::scoped(Lang::Zh, || c.summary()),
            "义务没有任何后果条款"
        );
        assert_eq!(
            tiaoli_l10n::scoped(Lang::En, || c.summary()),
            "a duty with no consequence clause"
        );
    }

    #[test]
    fn the_text_rule_codes_are_textchecks() {
        for c in tiaoli_textcheck::Check::ALL {
            let code = super::lookup(c.code()).map(|x| x.name);
            assert_eq!(code, Some(c.name()), "{}", c.code());
        }
    }
}
