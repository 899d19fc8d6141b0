//! tiaoli-diff: what a change to an ordinance does to the law.
//!
//! [`diff`] compares two compiled graphs (each with its lexicon, for the is-a
//! hierarchy and the sanction ladder) and returns a typed, serialisable [`Diff`]:
//! one [`Change`] per difference, each with a stable [`Kind`] code, the citations on
//! both sides and the quoted text. Articles are matched by content
//! ([`articles`]), so an inserted article shows as one addition and a shift of
//! numbers, not as every later article changed. Changes to the vocabulary itself
//! ([`lexicon`]) are reported under the id `lexicon`. [`replay`] evaluates units
//! against both versions through the engine and lists the verdicts that change.
//!
//! Deterministic: the same two graphs give the same changes in the same order.
//! The diff of a graph with itself is empty, and `diff(b, a)` is the mirror of
//! `diff(a, b)` (every change with its sides swapped and its kind mirrored).

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod articles;
mod compare;
pub mod inline;
pub mod labels;
pub mod lexicon;
pub mod ordinance_pairing;
pub mod render;
pub mod replay;
mod stale;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use tiaoli_compiler::graph::{Graph, OrdinanceGraph};

pub use replay::{replay, Verdict, VerdictChange};

macro_rules! kinds {
    ($($variant:ident => $code:literal, $zh:literal, $mirror:ident;)*) => {
        /// What a change does. The code (`modality-weakened`) is stable: CI
        /// configurations (`--fail-on`) and JSON consumers rely on it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind { $($variant),* }

        impl Kind {
            /// Every kind, in report order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant),*];
            /// The stable code.
            pub fn code(self) -> &'static str { match self { $(Kind::$variant => $code),* } }
            /// A short description in Chinese, whatever the language of the
            /// run (the Chinese web pages); the reports use [`Kind::name`].
            pub fn zh(self) -> &'static str { match self { $(Kind::$variant => $zh),* } }
            /// The kind of the same change seen from the other side (added ↔ removed).
            pub fn mirror(self) -> Kind { match self { $(Kind::$variant => Kind::$mirror),* } }
            /// Reads a code.
            pub fn from_code(s: &str) -> Option<Kind> {
                match s { $($code => Some(Kind::$variant),)* _ => None }
            }
        }
    };
}

kinds! {
    OrdinanceAdded => "ordinance-added", "新增法规", OrdinanceRemoved;
    OrdinanceRemoved => "ordinance-removed", "删除法规", OrdinanceAdded;
    StatusChanged => "status-changed", "状态变更", StatusChanged;
    DateChanged => "date-changed", "日期变更", DateChanged;
    HeaderChanged => "header-changed", "法规信息变更", HeaderChanged;
    ChapterAdded => "chapter-added", "新增章节", ChapterRemoved;
    ChapterRemoved => "chapter-removed", "删除章节", ChapterAdded;
    ChapterRetitled => "chapter-retitled", "章节名称变更", ChapterRetitled;
    ArticleAdded => "article-added", "新增条文", ArticleRemoved;
    ArticleRemoved => "article-removed", "删除条文", ArticleAdded;
    ArticleRenumbered => "article-renumbered", "条文序号变更", ArticleRenumbered;
    ArticleMoved => "article-moved", "条文移动", ArticleMoved;
    ArticleMerged => "article-merged", "条文合并", ArticleSplit;
    ArticleSplit => "article-split", "条文拆分", ArticleMerged;
    ProvisionRenumbered => "provision-renumbered", "款项序号变更", ProvisionRenumbered;
    WordingChanged => "wording-changed", "文字修改（规范未变）", WordingChanged;
    TextChanged => "text-changed", "条文修改", TextChanged;
    NormAdded => "norm-added", "新增规范", NormRemoved;
    NormRemoved => "norm-removed", "删除规范", NormAdded;
    ModalityStrengthened => "modality-strengthened", "规范强度提高", ModalityWeakened;
    ModalityWeakened => "modality-weakened", "规范强度降低", ModalityStrengthened;
    ModalityChanged => "modality-changed", "规范用语变更", ModalityChanged;
    SubjectsWidened => "subjects-widened", "主体范围扩大", SubjectsNarrowed;
    SubjectsNarrowed => "subjects-narrowed", "主体范围缩小", SubjectsWidened;
    SubjectsChanged => "subjects-changed", "主体变更", SubjectsChanged;
    ActionChanged => "action-changed", "行为变更", ActionChanged;
    TriggerChanged => "trigger-changed", "触发事件变更", TriggerChanged;
    RecipientsChanged => "recipients-changed", "对象（向）变更", RecipientsChanged;
    ConditionChanged => "condition-changed", "条件变更", ConditionChanged;
    PriorityChanged => "priority-changed", "优先关系变更", PriorityChanged;
    DeadlineAdded => "deadline-added", "新增期限", DeadlineRemoved;
    DeadlineRemoved => "deadline-removed", "删除期限", DeadlineAdded;
    DeadlineShortened => "deadline-shortened", "期限缩短", DeadlineLengthened;
    DeadlineLengthened => "deadline-lengthened", "期限延长", DeadlineShortened;
    DeadlineMadeVague => "deadline-made-vague", "期限改为模糊用语", DeadlineMadePrecise;
    DeadlineMadePrecise => "deadline-made-precise", "期限改为明确期间", DeadlineMadeVague;
    DeadlineChanged => "deadline-changed", "期限变更", DeadlineChanged;
    WindowAdded => "window-added", "行使期间新增", WindowRemoved;
    WindowRemoved => "window-removed", "行使期间删除", WindowAdded;
    WindowShortened => "window-shortened", "行使期间缩短", WindowLengthened;
    WindowLengthened => "window-lengthened", "行使期间延长", WindowShortened;
    ConsequenceAdded => "consequence-added", "新增法律责任", ConsequenceRemoved;
    ConsequenceRemoved => "consequence-removed", "删除法律责任", ConsequenceAdded;
    SanctionAdded => "sanction-added", "新增处理方式", SanctionRemoved;
    SanctionRemoved => "sanction-removed", "删除处理方式", SanctionAdded;
    SanctionEscalated => "sanction-escalated", "处理加重", SanctionSoftened;
    SanctionSoftened => "sanction-softened", "处理减轻", SanctionEscalated;
    SanctionChanged => "sanction-changed", "处理方式变更", SanctionChanged;
    AuthorityChanged => "authority-changed", "处理机关变更", AuthorityChanged;
    TargetsChanged => "targets-changed", "处理对象变更", TargetsChanged;
    EncodingStale => "encoding-stale", "条文与编码不同步", EncodingStale;
    TermAdded => "term-added", "词汇新增", TermRemoved;
    TermRemoved => "term-removed", "词汇删除", TermAdded;
    TermChanged => "term-changed", "词汇变更", TermChanged;
    VerdictChanged => "verdict-changed", "单位评估结果变化", VerdictChanged;
}

/// The changes that make the law less demanding: fewer duties, weaker ones,
/// fewer bound, more time, lighter sanctions — and less time, or a time limit,
/// for the holder of a permission. `--fail-on weakening`.
pub const WEAKENING: &[Kind] = &[
    Kind::NormRemoved,
    Kind::ModalityWeakened,
    Kind::SubjectsNarrowed,
    Kind::DeadlineRemoved,
    Kind::DeadlineLengthened,
    Kind::DeadlineMadeVague,
    Kind::WindowAdded,
    Kind::WindowShortened,
    Kind::ConsequenceRemoved,
    Kind::SanctionRemoved,
    Kind::SanctionSoftened,
];

impl Kind {
    /// A named group of kinds: `weakening` ([`WEAKENING`]) and `strengthening`
    /// (their mirrors: more duties, stronger, more bound, less time, heavier
    /// sanctions).
    pub fn group(name: &str) -> Option<Vec<Kind>> {
        match name {
            "weakening" => Some(WEAKENING.to_vec()),
            "strengthening" => Some(WEAKENING.iter().map(|k| k.mirror()).collect()),
            _ => None,
        }
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// In the OpenAPI document: one of the stable codes.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Kind {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(Kind::ALL.iter().map(|k| k.code())))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Kind {}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A provision on one side of a change: where it is and what it says.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct At {
    /// 第N条第M款第（K）项.
    pub cite: String,
    /// `art_46__para_1__point_6`.
    pub eid: String,
    pub article: u32,
    /// The norm's or consequence's name, for changes to one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The provision quoted.
    pub text: String,
}

/// One difference between the two versions.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Change {
    pub kind: Kind,
    pub ordinance: String,
    /// What the values are (主体, 施行日期, 期限 …), where a change has values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<At>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<At>,
    /// The old value, as a drafter writes it (可以, 30日, 通报 …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The new value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

impl Change {
    /// The same change seen from the other side.
    pub fn mirror(&self) -> Change {
        Change {
            kind: self.kind.mirror(),
            ordinance: self.ordinance.clone(),
            field: self.field.clone(),
            old: self.new.clone(),
            new: self.old.clone(),
            from: self.to.clone(),
            to: self.from.clone(),
        }
    }

    /// The article the change is shown under: the new one, or the old one for a removal.
    pub fn article(&self) -> Option<u32> {
        self.new.as_ref().or(self.old.as_ref()).map(|a| a.article)
    }
}

/// An ordinance present on either side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrdinancePair {
    /// The id on the new side (or the old one, for a removed ordinance).
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_title: Option<String>,
}

/// Everything that differs between two versions.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Diff {
    /// What the old and the new version are (a path, `REV:PATH`), as the caller named them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_version: Option<String>,
    pub ordinances: Vec<OrdinancePair>,
    pub changes: Vec<Change>,
    /// Units whose verdicts change (with `--units`); None when no units were replayed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub units: Option<Vec<VerdictChange>>,
    /// How many changes of each kind, in report order.
    pub summary: BTreeMap<Kind, usize>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && !self.has(Kind::VerdictChanged)
    }

    /// Whether a change of this kind is present (verdict changes count as `verdict-changed`).
    pub fn has(&self, kind: Kind) -> bool {
        if kind == Kind::VerdictChanged {
            return self.units.as_ref().is_some_and(|u| !u.is_empty());
        }
        self.changes.iter().any(|c| c.kind == kind)
    }

    /// Names the two versions (for the report's heading).
    pub fn with_versions(mut self, old: impl Into<String>, new: impl Into<String>) -> Diff {
        self.old_version = Some(old.into());
        self.new_version = Some(new.into());
        self
    }

    /// Attaches replayed verdict changes, counting them in the summary.
    pub fn with_units(mut self, units: Vec<VerdictChange>) -> Diff {
        if !units.is_empty() {
            self.summary.insert(Kind::VerdictChanged, units.len());
        }
        self.units = Some(units);
        self
    }
}

/// The is-a relation of both lexicons: a kind is a kind of another if either
/// version says so (so that the comparison is the same in both directions).
pub(crate) struct Isa {
    ancestors: BTreeMap<String, BTreeSet<String>>,
}

impl Isa {
    fn new(old: &Graph, new: &Graph) -> Isa {
        let mut ancestors: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for a in old.lexicon.actors.iter().chain(&new.lexicon.actors) {
            ancestors
                .entry(a.name.clone())
                .or_default()
                .extend(a.ancestors.iter().cloned());
        }
        Isa { ancestors }
    }

    /// `kind` is `ancestor` or a kind of it.
    pub(crate) fn is_a(&self, kind: &str, ancestor: &str) -> bool {
        kind == ancestor
            || self
                .ancestors
                .get(kind)
                .is_some_and(|s| s.contains(ancestor))
    }
}

/// Compares two compiled versions. Ordinances are paired by id; when exactly one
/// ordinance on each side is left unpaired, those two are paired (a file whose id
/// was renamed).
pub fn diff(old: &Graph, new: &Graph) -> Diff {
    let isa = Isa::new(old, new);
    let read = (
        tiaoli_textcheck::Checker::new(&old.lexicon),
        tiaoli_textcheck::Checker::new(&new.lexicon),
    );
    let mut pairs: Vec<(Option<&OrdinanceGraph>, Option<&OrdinanceGraph>)> = Vec::new();
    let mut new_left: Vec<&OrdinanceGraph> = new.ordinances.iter().collect();
    let mut old_left: Vec<&OrdinanceGraph> = Vec::new();
    for o in &old.ordinances {
        match new_left.iter().position(|n| n.id == o.id) {
            Some(i) => {
                let n = new_left.remove(i);
                pairs.push((Some(o), Some(n)));
            }
            None => old_left.push(o),
        }
    }
    if let ([o], [n]) = (old_left.as_slice(), new_left.as_slice()) {
        pairs.push((Some(*o), Some(*n)));
        old_left.clear();
        new_left.clear();
    }
    pairs.extend(old_left.into_iter().map(|o| (Some(o), None)));
    pairs.extend(new_left.into_iter().map(|n| (None, Some(n))));
    pairs.sort_by(|a, b| pair_id(a).cmp(pair_id(b)));

    let mut ordinances = Vec::new();
    let mut changes = lexicon::lexicon(&old.lexicon, &new.lexicon);
    changes.sort_by(|a, b| order_key(a).cmp(&order_key(b)).then_with(|| a.cmp(b)));
    if !changes.is_empty() {
        ordinances.push(OrdinancePair {
            id: lexicon::LEXICON.to_string(),
            old_title: Some("词汇".into()),
            new_title: Some("词汇".into()),
        });
    }
    for (o, n) in pairs {
        let id = pair_id(&(o, n)).to_string();
        ordinances.push(OrdinancePair {
            id: id.clone(),
            old_title: o.map(|o| o.title.clone()),
            new_title: n.map(|n| n.title.clone()),
        });
        let mut these = match (o, n) {
            (Some(o), Some(n)) => compare::ordinance(&isa, (&read.0, &read.1), &id, o, n),
            (Some(o), None) => vec![whole(Kind::OrdinanceRemoved, &id, o)],
            (None, Some(n)) => vec![whole(Kind::OrdinanceAdded, &id, n)],
            (None, None) => vec![],
        };
        these.sort_by(|a, b| order_key(a).cmp(&order_key(b)).then_with(|| a.cmp(b)));
        changes.extend(these);
    }
    let mut summary = BTreeMap::new();
    for c in &changes {
        *summary.entry(c.kind).or_insert(0) += 1;
    }
    Diff {
        old_version: None,
        new_version: None,
        ordinances,
        changes,
        units: None,
        summary,
    }
}

fn pair_id<'a>(p: &(Option<&'a OrdinanceGraph>, Option<&'a OrdinanceGraph>)) -> &'a str {
    match p {
        (_, Some(n)) => &n.id,
        (Some(o), None) => &o.id,
        (None, None) => "",
    }
}

fn whole(kind: Kind, id: &str, o: &OrdinanceGraph) -> Change {
    Change {
        kind,
        ordinance: id.to_string(),
        field: Some("标题".into()),
        old: None,
        new: None,
        from: (kind == Kind::OrdinanceRemoved).then(|| o.title.clone()),
        to: (kind == Kind::OrdinanceAdded).then(|| o.title.clone()),
    }
}

/// Header changes first, then by article, article-level changes before the
/// changes to what the article says.
fn order_key(c: &Change) -> (u8, u32, Kind) {
    match c.article() {
        None => (0, 0, c.kind),
        Some(a) => (1, a, c.kind),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_unique_code_and_a_mirror_that_mirrors_back() {
        let mut seen = BTreeSet::new();
        for k in Kind::ALL {
            assert!(seen.insert(k.code()), "{} twice", k.code());
            assert_eq!(k.mirror().mirror(), *k);
            assert_eq!(Kind::from_code(k.code()), Some(*k));
        }
    }

    #[test]
    fn weakening_and_strengthening_are_mirrors_and_disjoint() {
        let weak = Kind::group("weakening").unwrap();
        let strong = Kind::group("strengthening").unwrap();
        assert_eq!(weak.len(), strong.len());
        for k in &weak {
            assert!(strong.contains(&k.mirror()));
            assert!(!strong.contains(k), "{k}");
        }
        assert!(Kind::group("weaker").is_none());
    }
}
