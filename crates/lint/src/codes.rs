//! The catalogue of checks: stable codes, names and default severities.
//! docs/lints.md gives each one's rationale; a test keeps the two in step.

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
}

/// One check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the check finds.
    pub summary: &'static str,
}

macro_rules! codes {
    ($($id:ident = $code:literal, $name:literal, $sev:ident, $summary:literal;)*) => {
        $(pub const $id: Code = Code { code: $code, name: $name, severity: Severity::$sev, summary: $summary };)*
        /// Every check, in code order.
        pub const ALL: &[Code] = &[$($id),*];
    };
}

codes! {
    ALLOW_WITHOUT_REASON = "L001", "allow-without-reason", Warning, "an inline allow gives no reason, so it silences nothing";
    ALLOW_UNKNOWN_CODE = "L002", "allow-unknown-code", Warning, "an inline allow names a check that does not exist";
    ALLOW_UNUSED = "L003", "allow-unused", Warning, "an inline allow silences no finding";
    OBLIGED_AND_FORBIDDEN = "L101", "obliged-and-forbidden", Error, "the same actor is obliged and forbidden the same act under conditions that can hold together";
    PERMITTED_AND_FORBIDDEN = "L102", "permitted-and-forbidden", Warning, "the same actor is permitted and forbidden the same act under conditions that can hold together";
    DUPLICATE_NORM = "L201", "duplicate-norm", Warning, "two norms say the same: same subjects, modality, act, trigger, condition and deadline";
    SUBSUMED_NORM = "L202", "subsumed-norm", Note, "a norm is contained in a more general one of the same ordinance";
    TOOTHLESS_DUTY = "L301", "toothless-duty", Note, "no consequence reaches the breach of this duty";
    ESCALATION_FROM_NOWHERE = "L401", "escalation-from-nowhere", Warning, "an escalation step builds on a measure no provision imposes";
    ESCALATION_LOOP = "L402", "escalation-loop", Error, "measures escalate in a circle";
    PERIOD_WITHOUT_FOLLOW_UP = "L403", "period-without-follow-up", Note, "a measure sets a period (限期整改, 挂牌督办) and nothing follows when it runs out";
    BINDS_NO_ONE = "L501", "binds-no-one", Warning, "the norm names no duty-bearer, so it binds no unit";
    UNSATISFIABLE = "L502", "unsatisfiable-condition", Error, "the condition can never hold";
    UNDECIDABLE_GROUND = "L503", "undecidable-ground", Warning, "a ground is the breach of a duty that has no due date or binds no one, so it can never be established";
    MISSING_REFERENCE = "L601", "missing-reference", Error, "the text refers to an article, paragraph or item that is not there";
    REPEALED_REFERENCE = "L602", "repealed-reference", Warning, "the text refers to an instrument that is repealed";
    WRONG_SELF_NAME = "L603", "wrong-self-name", Warning, "the text names itself with another instrument's name (本条例 in a 规定)";
    AUTHORITY_WITHOUT_ROLE = "L701", "authority-without-role", Warning, "a measure is imposed by a body to which the ordinance gives no duty or power";
    COMPETING_AUTHORITIES = "L702", "competing-authorities", Warning, "two provisions give the same measure on the same units to different bodies";
    VAGUE_DEADLINE = "L801", "vague-deadline", Note, "the deadline is vague (及时, 立即, 定期, 限期 with no period)";
    DIFFERENT_PERIODS = "L802", "different-periods", Warning, "the same actors must do the same act within different periods";
    TWO_LEADS = "L901", "two-leads", Warning, "two bodies lead (牵头) the same matter";
    COOPERATE_WITHOUT_LEAD = "L902", "cooperate-without-lead", Warning, "bodies cooperate (配合) on a matter no one leads or is responsible for";
    CROSS_DEADLINE = "L1001", "cross-deadline", Warning, "against another ordinance: the same actors and act, a different deadline";
    CROSS_SANCTION = "L1002", "cross-sanction", Warning, "against another ordinance: the breach of the same duty, different measures";
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
