//! Comparing two versions of one ordinance: header, articles, norms,
//! consequences. Every comparison is symmetric, so that swapping the sides
//! mirrors the result.

use std::collections::{BTreeMap, BTreeSet};

use tiaoli_compiler::graph::{
    ArticleOut, Cond, ConsequenceNode, DeadlineOut, GroundMode, Node, NodeId, NormNode,
    OrdinanceGraph, SelectorOut, Window,
};
use tiaoli_compiler::view::{deadline_text, literal, selector_text};
use tiaoli_syntax::ast::{Direction, Modality, ModalityClass, Periodic, TimeUnit, Vague};

use tiaoli_textcheck::Checker;

use crate::articles::{match_articles, names_in, Matching};
use crate::stale;
use crate::{At, Change, Isa, Kind};

struct Cx<'a> {
    isa: &'a Isa,
    id: &'a str,
    o: &'a OrdinanceGraph,
    n: &'a OrdinanceGraph,
    /// Each side's text ⇄ rule reader (each with its own lexicon).
    read: (&'a Checker, &'a Checker),
    out: Vec<Change>,
}

pub(crate) fn ordinance(
    isa: &Isa,
    read: (&Checker, &Checker),
    id: &str,
    o: &OrdinanceGraph,
    n: &OrdinanceGraph,
) -> Vec<Change> {
    let mut cx = Cx {
        isa,
        id,
        o,
        n,
        read,
        out: Vec::new(),
    };
    cx.header();
    let m = match_articles(o, n);
    cx.articles(&m);
    cx.norms(&m);
    cx.consequences(&m);
    cx.wording(&m);
    cx.out
}

/// The changes that say what an article means, as opposed to where it stands.
fn semantic(k: Kind) -> bool {
    !matches!(
        k,
        Kind::OrdinanceAdded
            | Kind::OrdinanceRemoved
            | Kind::StatusChanged
            | Kind::DateChanged
            | Kind::HeaderChanged
            | Kind::ChapterAdded
            | Kind::ChapterRemoved
            | Kind::ChapterRetitled
            | Kind::ArticleAdded
            | Kind::ArticleRemoved
            | Kind::ArticleRenumbered
            | Kind::ArticleMoved
            | Kind::ArticleMerged
            | Kind::ArticleSplit
            | Kind::ProvisionRenumbered
            | Kind::WordingChanged
            | Kind::TextChanged
            | Kind::EncodingStale
            | Kind::TermAdded
            | Kind::TermRemoved
            | Kind::TermChanged
            | Kind::VerdictChanged
    )
}

impl<'a> Cx<'a> {
    fn push(
        &mut self,
        kind: Kind,
        field: &str,
        old: Option<At>,
        new: Option<At>,
        from: Option<String>,
        to: Option<String>,
    ) {
        self.out.push(Change {
            kind,
            ordinance: self.id.to_string(),
            field: (!field.is_empty()).then(|| field.to_string()),
            old,
            new,
            from,
            to,
        });
    }

    // ───────────────────────────── header ─────────────────────────────

    fn header(&mut self) {
        let (o, n) = (self.o, self.n);
        if o.status != n.status {
            self.push(
                Kind::StatusChanged,
                "状态",
                None,
                None,
                Some(o.status.zh().into()),
                Some(n.status.zh().into()),
            );
        }
        let dates = [
            ("通过日期", &o.adopted, &n.adopted),
            ("批准日期", &o.approved, &n.approved),
            ("施行日期", &o.in_force, &n.in_force),
            ("废止日期", &o.repealed_on, &n.repealed_on),
        ];
        for (field, a, b) in dates {
            if a != b {
                let show = |d: &Option<String>| d.clone().unwrap_or_else(|| "未知".into());
                self.push(
                    Kind::DateChanged,
                    field,
                    None,
                    None,
                    Some(show(a)),
                    Some(show(b)),
                );
            }
        }
        let opt = |x: Option<&str>| x.unwrap_or("（无）").to_string();
        let fields = [
            ("条例标识", o.id.clone(), n.id.clone()),
            ("标题", o.title.clone(), n.title.clone()),
            (
                "类型",
                opt(o.instrument.map(|i| i.zh())),
                opt(n.instrument.map(|i| i.zh())),
            ),
            ("辖区", o.jurisdiction.clone(), n.jurisdiction.clone()),
            ("级别", o.level.zh().into(), n.level.zh().into()),
            ("自称", o.self_name.clone(), n.self_name.clone()),
            ("废止", o.repeals.join("、"), n.repeals.join("、")),
        ];
        for (field, a, b) in fields {
            if a != b {
                self.push(Kind::HeaderChanged, field, None, None, Some(a), Some(b));
            }
        }
        self.chapters();
    }

    /// Chapters and sections, by title: a title on one side only is added or
    /// removed, unless the heading of the same number changed its title on both
    /// sides (retitled). A chapter that only moves is the articles' business.
    fn chapters(&mut self) {
        let (old, new) = (headings(self.o), headings(self.n));
        let has = |list: &[(String, String)], title: &str| list.iter().any(|(_, t)| t == title);
        let mut retitled = BTreeSet::new();
        for (label, title) in old.iter().filter(|(_, t)| !has(&new, t)) {
            match new.iter().find(|(l, t)| l == label && !has(&old, t)) {
                Some((_, to)) => {
                    retitled.insert(to.clone());
                    self.push(
                        Kind::ChapterRetitled,
                        label,
                        None,
                        None,
                        Some(title.clone()),
                        Some(to.clone()),
                    );
                }
                None => self.push(
                    Kind::ChapterRemoved,
                    label,
                    None,
                    None,
                    Some(title.clone()),
                    None,
                ),
            }
        }
        for (label, title) in new
            .iter()
            .filter(|(_, t)| !has(&old, t) && !retitled.contains(t))
        {
            self.push(
                Kind::ChapterAdded,
                label,
                None,
                None,
                None,
                Some(title.clone()),
            );
        }
    }

    // ───────────────────────────── articles ─────────────────────────────

    fn articles(&mut self, m: &Matching) {
        let (o, n) = (self.o, self.n);
        for &(i, j) in &m.pairs {
            let (Some(a), Some(b)) = (o.articles.get(i), n.articles.get(j)) else {
                continue;
            };
            let (ca, cb) = (chapter_title(o, a), chapter_title(n, b));
            // Into another chapter that exists on both sides (a renamed or new
            // chapter moves nothing).
            let chapter_moved = ca != cb
                && ca.as_ref().is_some_and(|t| has_chapter(n, t))
                && cb.as_ref().is_some_and(|t| has_chapter(o, t));
            if chapter_moved {
                self.push(
                    Kind::ArticleMoved,
                    "章",
                    Some(at_article(a)),
                    Some(at_article(b)),
                    ca,
                    cb,
                );
                continue;
            }
            let kind = if m.moved.contains(&(i, j)) {
                Kind::ArticleMoved
            } else if a.number != b.number {
                Kind::ArticleRenumbered
            } else {
                continue;
            };
            self.push(
                kind,
                "",
                Some(at_article(a)),
                Some(at_article(b)),
                Some(a.cite.clone()),
                Some(b.cite.clone()),
            );
        }
        for (set, kind) in [
            (&m.merged, Kind::ArticleMerged),
            (&m.split, Kind::ArticleSplit),
        ] {
            for &(i, j) in set {
                let (Some(a), Some(b)) = (o.articles.get(i), n.articles.get(j)) else {
                    continue;
                };
                self.push(
                    kind,
                    "",
                    Some(at_article(a)),
                    Some(at_article(b)),
                    Some(a.cite.clone()),
                    Some(b.cite.clone()),
                );
            }
        }
        for a in m.removed.iter().filter_map(|i| o.articles.get(*i)) {
            self.push(
                Kind::ArticleRemoved,
                "",
                Some(at_article(a)),
                None,
                None,
                None,
            );
        }
        for b in m.added.iter().filter_map(|j| n.articles.get(*j)) {
            self.push(
                Kind::ArticleAdded,
                "",
                None,
                Some(at_article(b)),
                None,
                None,
            );
        }
    }

    /// Text changes of matched articles: wording only when nothing the article
    /// says changed (no change to its norms or consequences, and it holds the
    /// same ones) and the text's signals did not change either — else the
    /// encoding is stale ([`stale`]). Then, for every matched pair, whether the
    /// text ⇄ rule agreement differs between the sides.
    fn wording(&mut self, m: &Matching) {
        let (o, n) = (self.o, self.n);
        for &(i, j) in &m.pairs {
            let (Some(a), Some(b)) = (o.articles.get(i), n.articles.get(j)) else {
                continue;
            };
            let meaning = names_in(o, a) != names_in(n, b)
                || self.out.iter().any(|c| {
                    semantic(c.kind)
                        && (c.old.as_ref().is_some_and(|x| x.article == a.number)
                            || c.new.as_ref().is_some_and(|x| x.article == b.number))
                });
            let (ra, rb) = self.read;
            let (ma, mb) = (stale::open(ra, o, a), stale::open(rb, n, b));
            let disagree = ma != mb;
            if squeeze(&a.text) != squeeze(&b.text) {
                let (sa, sb) = (stale::signals(ra, a), stale::signals(rb, b));
                if meaning {
                    self.push(
                        Kind::TextChanged,
                        "",
                        Some(at_article(a)),
                        Some(at_article(b)),
                        None,
                        None,
                    );
                } else if !disagree && sa != sb {
                    self.push(
                        Kind::EncodingStale,
                        "条文（编码未变）",
                        Some(at_article(a)),
                        Some(at_article(b)),
                        Some(stale::list(&stale::only_in(&sa, &sb), "（无）")),
                        Some(stale::list(&stale::only_in(&sb, &sa), "（无）")),
                    );
                } else if !disagree {
                    self.push(
                        Kind::WordingChanged,
                        "",
                        Some(at_article(a)),
                        Some(at_article(b)),
                        None,
                        None,
                    );
                }
            }
            if disagree {
                self.push(
                    Kind::EncodingStale,
                    "条文与编码",
                    Some(at_article(a)),
                    Some(at_article(b)),
                    Some(stale::list(&ma, "一致")),
                    Some(stale::list(&mb, "一致")),
                );
            }
        }
    }

    // ───────────────────────────── norms ─────────────────────────────

    fn norms(&mut self, m: &Matching) {
        let on: Vec<&NormNode> = norms(self.o);
        let nn: Vec<&NormNode> = norms(self.n);
        let related = |a: &NormNode, b: &NormNode| self.related(m, a.article, b.article);
        let pairs = pair_up(
            &on,
            &nn,
            &[
                (Pairing::InOrder, &|a: &NormNode, b: &NormNode| {
                    a.name == b.name
                }),
                (Pairing::InOrder, &|a: &NormNode, b: &NormNode| {
                    a.action == b.action && selectors_key(&a.subjects) == selectors_key(&b.subjects)
                }),
                (Pairing::Unique, &|a: &NormNode, b: &NormNode| {
                    a.action == b.action && related(a, b)
                }),
            ],
        );
        for &(i, j) in &pairs {
            if let (Some(a), Some(b)) = (on.get(i), nn.get(j)) {
                self.norm_pair(a, b);
            }
        }
        let (gone, new) = unpaired(&pairs, &on, &nn);
        for a in gone {
            let at = at_norm(self.o, a);
            self.push(
                Kind::NormRemoved,
                "规范",
                Some(at),
                None,
                Some(norm_line(a)),
                None,
            );
        }
        for b in new {
            let at = at_norm(self.n, b);
            self.push(
                Kind::NormAdded,
                "规范",
                None,
                Some(at),
                None,
                Some(norm_line(b)),
            );
        }
    }

    fn related(&self, m: &Matching, old_article: u32, new_article: u32) -> bool {
        let i = self.o.articles.iter().position(|a| a.number == old_article);
        let j = self.n.articles.iter().position(|a| a.number == new_article);
        match (i, j) {
            (Some(i), Some(j)) => m.related(i, j),
            _ => false,
        }
    }

    /// A norm or consequence that stays in its (matched) article but now sits in
    /// another paragraph or item (a paragraph inserted before it: 第二条 →
    /// 第二条第二款). The article's own renumbering is reported once, elsewhere.
    fn provision_renumbered(
        &mut self,
        old_eid: &str,
        old_cite: &str,
        new_eid: &str,
        new_cite: &str,
        at_old: Option<At>,
        at_new: Option<At>,
    ) {
        let within = |eid: &str| {
            eid.split_once("__")
                .map(|(_, rest)| rest.to_string())
                .unwrap_or_default()
        };
        if within(old_eid) != within(new_eid) {
            self.push(
                Kind::ProvisionRenumbered,
                "款项",
                at_old,
                at_new,
                Some(old_cite.to_string()),
                Some(new_cite.to_string()),
            );
        }
    }

    fn norm_pair(&mut self, a: &NormNode, b: &NormNode) {
        let (o, n) = (self.o, self.n);
        let ao = || Some(at_norm(o, a));
        let bo = || Some(at_norm(n, b));
        self.provision_renumbered(&a.eid, &a.cite, &b.eid, &b.cite, ao(), bo());
        if a.modality != b.modality {
            let (sa, sb) = (strength(a.modality), strength(b.modality));
            let kind = if a.class != b.class && sa == sb {
                Kind::ModalityChanged
            } else if sb > sa {
                Kind::ModalityStrengthened
            } else if sb < sa {
                Kind::ModalityWeakened
            } else {
                Kind::ModalityChanged
            };
            self.push(
                kind,
                "规范用语",
                ao(),
                bo(),
                Some(a.modality.zh().into()),
                Some(b.modality.zh().into()),
            );
        }
        if let Some(kind) = self.selectors(&a.subjects, &b.subjects, false) {
            self.push(
                kind,
                "主体",
                ao(),
                bo(),
                Some(selectors_text(&a.subjects)),
                Some(selectors_text(&b.subjects)),
            );
        }
        if a.action != b.action {
            self.push(
                Kind::ActionChanged,
                "行为",
                ao(),
                bo(),
                Some(a.action.clone()),
                Some(b.action.clone()),
            );
        }
        if a.trigger != b.trigger {
            let t = |x: &Option<tiaoli_compiler::graph::TriggerOut>| {
                x.as_ref()
                    .map(tiaoli_compiler::view::trigger_text)
                    .unwrap_or_else(|| "（无）".into())
            };
            self.push(
                Kind::TriggerChanged,
                "触发",
                ao(),
                bo(),
                Some(t(&a.trigger)),
                Some(t(&b.trigger)),
            );
        }
        let (ra, rb) = (recipients_text(a), recipients_text(b));
        if ra != rb {
            self.push(
                Kind::RecipientsChanged,
                "向",
                ao(),
                bo(),
                Some(ra),
                Some(rb),
            );
        }
        let (ca, cb) = (norm_condition(o, a), norm_condition(n, b));
        if ca != cb {
            self.push(
                Kind::ConditionChanged,
                "条件",
                ao(),
                bo(),
                Some(ca),
                Some(cb),
            );
        }
        let (pa, pb) = (priority_text(o, a), priority_text(n, b));
        if pa != pb {
            self.push(
                Kind::PriorityChanged,
                "优先",
                ao(),
                bo(),
                Some(pa),
                Some(pb),
            );
        }
        if let Some(kind) = deadline_change(&a.deadline, &b.deadline) {
            // A permission's period is the holder's window: less time, or a
            // limit where there was none, takes from the holder.
            let kind =
                if a.class == ModalityClass::Permission && b.class == ModalityClass::Permission {
                    match kind {
                        Kind::DeadlineShortened => Kind::WindowShortened,
                        Kind::DeadlineLengthened => Kind::WindowLengthened,
                        Kind::DeadlineAdded => Kind::WindowAdded,
                        Kind::DeadlineRemoved => Kind::WindowRemoved,
                        k => k,
                    }
                } else {
                    kind
                };
            let d = |x: &Option<DeadlineOut>| {
                x.as_ref()
                    .map(deadline_text)
                    .unwrap_or_else(|| "（无）".into())
            };
            self.push(
                kind,
                "期限",
                ao(),
                bo(),
                Some(d(&a.deadline)),
                Some(d(&b.deadline)),
            );
        }
    }

    /// Widened, narrowed, or changed: whom the selectors reach, through is-a.
    /// With `empty_is_all`, an empty list reaches everyone (a consequence's 对象).
    fn selectors(&self, a: &[SelectorOut], b: &[SelectorOut], empty_is_all: bool) -> Option<Kind> {
        if selectors_key(a) == selectors_key(b) {
            return None;
        }
        let reaches = |x: &[SelectorOut], y: &[SelectorOut]| {
            if empty_is_all && x.is_empty() {
                return true;
            }
            if empty_is_all && y.is_empty() {
                return false;
            }
            y.iter()
                .all(|s| x.iter().any(|t| s.within(t, |a, b| self.isa.is_a(a, b))))
        };
        match (reaches(b, a), reaches(a, b)) {
            (true, true) => None,
            (true, false) => Some(Kind::SubjectsWidened),
            (false, true) => Some(Kind::SubjectsNarrowed),
            (false, false) => Some(Kind::SubjectsChanged),
        }
    }

    // ───────────────────────────── consequences ─────────────────────────────

    fn consequences(&mut self, m: &Matching) {
        let oc: Vec<&ConsequenceNode> = consequences(self.o);
        let nc: Vec<&ConsequenceNode> = consequences(self.n);
        let related =
            |a: &ConsequenceNode, b: &ConsequenceNode| self.related(m, a.article, b.article);
        let pairs = pair_up(
            &oc,
            &nc,
            &[
                (
                    Pairing::InOrder,
                    &|a: &ConsequenceNode, b: &ConsequenceNode| a.name == b.name,
                ),
                (
                    Pairing::Unique,
                    &|a: &ConsequenceNode, b: &ConsequenceNode| {
                        sanction_names(a) == sanction_names(b) && related(a, b)
                    },
                ),
                (
                    Pairing::Unique,
                    &|a: &ConsequenceNode, b: &ConsequenceNode| related(a, b),
                ),
            ],
        );
        for &(i, j) in &pairs {
            if let (Some(a), Some(b)) = (oc.get(i), nc.get(j)) {
                self.consequence_pair(a, b);
            }
        }
        let (gone, new) = unpaired(&pairs, &oc, &nc);
        for a in gone {
            let at = at_consequence(self.o, a);
            let line = consequence_line(a);
            self.push(
                Kind::ConsequenceRemoved,
                "后果",
                Some(at),
                None,
                Some(line),
                None,
            );
        }
        for b in new {
            let at = at_consequence(self.n, b);
            let line = consequence_line(b);
            self.push(
                Kind::ConsequenceAdded,
                "后果",
                None,
                Some(at),
                None,
                Some(line),
            );
        }
    }

    fn consequence_pair(&mut self, a: &ConsequenceNode, b: &ConsequenceNode) {
        let (o, n) = (self.o, self.n);
        let ao = || Some(at_consequence(o, a));
        let bo = || Some(at_consequence(n, b));
        self.provision_renumbered(&a.eid, &a.cite, &b.eid, &b.cite, ao(), bo());
        if let Some(kind) = self.selectors(&a.applies_to, &b.applies_to, true) {
            let t = |x: &[SelectorOut]| {
                if x.is_empty() {
                    "（本法规约束的所有单位）".to_string()
                } else {
                    selectors_text(x)
                }
            };
            self.push(
                kind,
                "对象",
                ao(),
                bo(),
                Some(t(&a.applies_to)),
                Some(t(&b.applies_to)),
            );
        }
        let (ga, gb) = (grounds_text(o, a), grounds_text(n, b));
        if ga != gb {
            self.push(
                Kind::ConditionChanged,
                "情形",
                ao(),
                bo(),
                Some(ga),
                Some(gb),
            );
        }
        let (ea, eb) = (entries(o, a), entries(n, b));
        let mut removed: Vec<&Entry> = ea.values().filter(|e| !eb.contains_key(&e.name)).collect();
        let mut added: Vec<&Entry> = eb.values().filter(|e| !ea.contains_key(&e.name)).collect();
        // A sanction replaced within its clause pairs with its replacement; the
        // rest pair by rank.
        removed.sort_by(|x, y| (x.clause, x.rank, &x.name).cmp(&(y.clause, y.rank, &y.name)));
        added.sort_by(|x, y| (x.clause, x.rank, &x.name).cmp(&(y.clause, y.rank, &y.name)));
        let mut changes = Vec::new();
        let k = removed.len().min(added.len());
        for (r, d) in removed.iter().zip(&added) {
            let kind = match d.rank.cmp(&r.rank) {
                std::cmp::Ordering::Greater => Kind::SanctionEscalated,
                std::cmp::Ordering::Less => Kind::SanctionSoftened,
                std::cmp::Ordering::Equal => Kind::SanctionChanged,
            };
            changes.push((kind, "处理", Some(r.label()), Some(d.label())));
        }
        for r in removed.iter().skip(k) {
            changes.push((Kind::SanctionRemoved, "处理", Some(r.label()), None));
        }
        for d in added.iter().skip(k) {
            changes.push((Kind::SanctionAdded, "处理", None, Some(d.label())));
        }
        // 可以 ↔ 应当 on the measures of one clause: one modality change.
        let mut flipped: BTreeMap<(usize, usize, bool), Vec<String>> = BTreeMap::new();
        for (name, x) in &ea {
            let Some(y) = eb.get(name) else { continue };
            if x.rank != y.rank {
                let kind = if y.rank > x.rank {
                    Kind::SanctionEscalated
                } else {
                    Kind::SanctionSoftened
                };
                changes.push((kind, "等级", Some(x.label()), Some(y.label())));
            }
            if x.discretionary != y.discretionary {
                flipped
                    .entry((x.clause, y.clause, x.discretionary))
                    .or_default()
                    .push(x.name.clone());
            }
            if x.context != y.context {
                changes.push((
                    Kind::SanctionChanged,
                    "处理",
                    Some(format!("{}{}", x.name, x.context)),
                    Some(format!("{}{}", y.name, y.context)),
                ));
            }
        }
        for ((_, _, was_may), names) in flipped {
            let (from, to, kind) = if was_may {
                ("可以", "应当", Kind::ModalityStrengthened)
            } else {
                ("应当", "可以", Kind::ModalityWeakened)
            };
            let names = names.join("、");
            changes.push((
                kind,
                "处理用语",
                Some(format!("{from} {names}")),
                Some(format!("{to} {names}")),
            ));
        }
        for (kind, field, from, to) in changes {
            self.push(kind, field, ao(), bo(), from, to);
        }
        let (aa, ab) = (authorities(a), authorities(b));
        if aa != ab {
            self.push(Kind::AuthorityChanged, "由", ao(), bo(), Some(aa), Some(ab));
        }
        let (ta, tb) = (targets(a), targets(b));
        if ta != tb {
            self.push(Kind::TargetsChanged, "对", ao(), bo(), Some(ta), Some(tb));
        }
    }
}

// ───────────────────────────── pairing ─────────────────────────────

/// Whether an old item and a new item are the same item.
type Rule<'r, T> = dyn Fn(&T, &T) -> bool + 'r;

/// How a rule pairs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pairing {
    /// The rule is an equivalence (same name, same key): within each class,
    /// items are paired in source order.
    InOrder,
    /// Any other relation: only an old item and a new item that are each
    /// other's one candidate are paired (so the pairing does not depend on
    /// which side comes first).
    Unique,
}

/// Pairs two lists rule by rule, among the items earlier rules left unpaired.
/// Swapping the sides gives the same pairs.
fn pair_up<T: ?Sized>(
    old: &[&T],
    new: &[&T],
    rules: &[(Pairing, &Rule<T>)],
) -> Vec<(usize, usize)> {
    let mut used_o = vec![false; old.len()];
    let mut used_n = vec![false; new.len()];
    let mut pairs = Vec::new();
    for (how, rule) in rules {
        let free_o: Vec<usize> = (0..old.len())
            .filter(|i| !used_o.get(*i).copied().unwrap_or(true))
            .collect();
        let free_n: Vec<usize> = (0..new.len())
            .filter(|j| !used_n.get(*j).copied().unwrap_or(true))
            .collect();
        let holds = |i: usize, j: usize| match (old.get(i), new.get(j)) {
            (Some(a), Some(b)) => rule(a, b),
            _ => false,
        };
        let mut found = Vec::new();
        match how {
            Pairing::InOrder => {
                let mut taken = vec![false; new.len()];
                for &i in &free_o {
                    let hit = free_n
                        .iter()
                        .copied()
                        .find(|&j| !taken.get(j).copied().unwrap_or(true) && holds(i, j));
                    if let Some(j) = hit {
                        if let Some(t) = taken.get_mut(j) {
                            *t = true;
                        }
                        found.push((i, j));
                    }
                }
            }
            Pairing::Unique => {
                for &i in &free_o {
                    let mine: Vec<usize> =
                        free_n.iter().copied().filter(|&j| holds(i, j)).collect();
                    if let [j] = mine.as_slice() {
                        let theirs = free_o.iter().filter(|&&k| holds(k, *j)).count();
                        if theirs == 1 {
                            found.push((i, *j));
                        }
                    }
                }
            }
        }
        for (i, j) in found {
            if let Some(u) = used_o.get_mut(i) {
                *u = true;
            }
            if let Some(u) = used_n.get_mut(j) {
                *u = true;
            }
            pairs.push((i, j));
        }
    }
    pairs.sort_unstable();
    pairs
}

// ───────────────────────────── texts ─────────────────────────────

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn norms(o: &OrdinanceGraph) -> Vec<&NormNode> {
    o.nodes
        .iter()
        .filter_map(|n| match n {
            Node::Norm(x) => Some(x.as_ref()),
            _ => None,
        })
        .collect()
}

fn consequences(o: &OrdinanceGraph) -> Vec<&ConsequenceNode> {
    o.nodes
        .iter()
        .filter_map(|n| match n {
            Node::Consequence(x) => Some(x.as_ref()),
            _ => None,
        })
        .collect()
}

/// The title of the chapter an article stands in.
fn chapter_title(o: &OrdinanceGraph, a: &ArticleOut) -> Option<String> {
    let n = a.chapter?;
    o.chapters
        .iter()
        .find(|c| c.number == n)
        .map(|c| c.title.clone())
}

fn has_chapter(o: &OrdinanceGraph, title: &str) -> bool {
    o.chapters.iter().any(|c| c.title == title)
}

fn at_article(a: &ArticleOut) -> At {
    At {
        cite: a.cite.clone(),
        eid: a.eid.clone(),
        article: a.number,
        name: None,
        text: a.text.clone(),
    }
}

fn at_norm(o: &OrdinanceGraph, x: &NormNode) -> At {
    At {
        cite: x.cite.clone(),
        eid: x.eid.clone(),
        article: x.article,
        name: Some(x.name.clone()),
        text: provision_text(o, &x.eid),
    }
}

fn at_consequence(o: &OrdinanceGraph, x: &ConsequenceNode) -> At {
    At {
        cite: x.cite.clone(),
        eid: x.eid.clone(),
        article: x.article,
        name: Some(x.name.clone()),
        text: provision_text(o, &x.eid),
    }
}

/// The text of an article, paragraph or item, by its eid.
pub(crate) fn provision_text(o: &OrdinanceGraph, eid: &str) -> String {
    for a in &o.articles {
        if a.eid == eid {
            return a.text.clone();
        }
        for p in &a.paragraphs {
            if p.eid == eid {
                return p.text.clone();
            }
            for it in &p.items {
                if it.eid == eid {
                    return format!("{}{}", it.label, it.text);
                }
            }
        }
    }
    String::new()
}

fn selectors_key(s: &[SelectorOut]) -> Vec<String> {
    let mut v: Vec<String> = s.iter().map(selector_text).collect();
    v.sort();
    v.dedup();
    v
}

fn selectors_text(s: &[SelectorOut]) -> String {
    s.iter().map(selector_text).collect::<Vec<_>>().join("、")
}

fn recipients_text(n: &NormNode) -> String {
    let sep = if n.recipients_any { "或" } else { "、" };
    let v = selectors_key(&n.recipients);
    if v.is_empty() {
        "（无）".into()
    } else {
        v.join(sep)
    }
}

fn norm_line(n: &NormNode) -> String {
    let mut s = format!(
        "{} {} {}",
        selectors_text(&n.subjects),
        n.modality.zh(),
        n.action
    );
    if let Some(d) = &n.deadline {
        s.push_str(&format!("（期限：{}）", deadline_text(d)));
    }
    s
}

fn consequence_line(c: &ConsequenceNode) -> String {
    let kinds: Vec<String> = c
        .sanctions
        .iter()
        .flat_map(|cl| cl.kinds.iter().map(|k| k.name.clone()))
        .collect();
    format!("{}：{}", c.name, kinds.join("、"))
}

fn strength(m: Modality) -> u8 {
    match m.class() {
        ModalityClass::Permission => 1,
        ModalityClass::Encouragement => 2,
        ModalityClass::Obligation | ModalityClass::Prohibition => 3,
    }
}

fn name_of(o: &OrdinanceGraph, id: NodeId) -> String {
    match o.nodes.get(id) {
        Some(Node::Norm(x)) => x.name.clone(),
        Some(Node::Consequence(x)) => x.name.clone(),
        Some(Node::Fact { name, .. }) => name.clone(),
        _ => "？".into(),
    }
}

/// A condition as a drafter writes it, with the arguments of 且 and 或 sorted (so
/// that reordering them is no change), references by name (so that renumbering
/// is no change).
pub(crate) fn cond_text(o: &OrdinanceGraph, id: NodeId) -> String {
    cond_at(o, id, 0)
}

fn cond_at(o: &OrdinanceGraph, id: NodeId, depth: u32) -> String {
    if depth > 64 {
        return "…".into();
    }
    let sub = |a: &NodeId| {
        let s = cond_at(o, *a, depth + 1);
        match o.nodes.get(*a) {
            Some(Node::Cond {
                op: Cond::And { .. } | Cond::Or { .. },
            }) => format!("({s})"),
            _ => s,
        }
    };
    let Some(Node::Cond { op }) = o.nodes.get(id) else {
        return name_of(o, id);
    };
    match op {
        Cond::And { args } | Cond::Or { args } => {
            let mut v: Vec<String> = args.iter().map(sub).collect();
            v.sort();
            let sep = if matches!(op, Cond::And { .. }) {
                " 且 "
            } else {
                " 或 "
            };
            v.join(sep)
        }
        Cond::Not { arg } => format!("非 {}", sub(arg)),
        Cond::IsTrue { fact } => name_of(o, *fact),
        Cond::Compare { fact, cmp, value } => {
            format!("{} {} {}", name_of(o, *fact), cmp.symbol(), literal(value))
        }
        Cond::Occurred { pattern, within } => format!(
            "发生 {}{}",
            tiaoli_compiler::view::pattern_text(pattern),
            window(within)
        ),
        Cond::Count {
            pattern,
            within,
            cmp,
            n,
        } => format!(
            "次数 {}{} {} {n}",
            tiaoli_compiler::view::pattern_text(pattern),
            window(within),
            cmp.symbol()
        ),
        Cond::Violated { norm, within } => {
            format!("违反 {}{}", name_of(o, *norm), window(within))
        }
        Cond::ViolatedAny { within } => format!("违反 {}{}", o.self_name, window(within)),
        Cond::Overdue {
            event,
            remedy,
            within,
        } => format!("逾期 {event} 未 {remedy}{}", window(within)),
        Cond::Meets {
            consequences,
            within,
        } => {
            let mut v: Vec<String> = consequences.iter().map(|c| name_of(o, *c)).collect();
            v.sort();
            format!("符合 {}{}", v.join("、"), window(within))
        }
        Cond::TriggerAttr {
            event,
            attr,
            cmp,
            value,
        } => format!("{event}.{attr} {} {}", cmp.symbol(), literal(value)),
    }
}

fn window(w: &Option<Window>) -> String {
    match w {
        None => String::new(),
        Some(Window::Period { amount, unit }) => format!(" 近 {amount} {}", unit.zh()),
        Some(Window::Shortly) => " 较短时间内".into(),
    }
}

fn norm_condition(o: &OrdinanceGraph, n: &NormNode) -> String {
    let mut parts = Vec::new();
    if let Some(c) = n.condition {
        parts.push(format!("当 {}", cond_text(o, c)));
    }
    if let Some(c) = n.unless {
        parts.push(format!("除非 {}", cond_text(o, c)));
    }
    if parts.is_empty() {
        "（无）".into()
    } else {
        parts.join("；")
    }
}

fn priority_text(o: &OrdinanceGraph, n: &NormNode) -> String {
    let mut parts = Vec::new();
    if !n.overrides.is_empty() {
        let mut v: Vec<String> = n.overrides.iter().map(|x| name_of(o, *x)).collect();
        v.sort();
        parts.push(format!("优先于 {}", v.join("、")));
    }
    if let Some(f) = n.fallback_for {
        parts.push(format!("不能履行时替代 {}", name_of(o, f)));
    }
    if parts.is_empty() {
        "（无）".into()
    } else {
        parts.join("；")
    }
}

fn grounds_text(o: &OrdinanceGraph, c: &ConsequenceNode) -> String {
    let mut v: Vec<String> = c.grounds.iter().map(|g| cond_text(o, g.cond)).collect();
    if v.is_empty() {
        return cond_text(o, c.condition);
    }
    v.sort();
    let mode = match c.mode {
        GroundMode::Any => "之一",
        GroundMode::All => "全部",
    };
    if v.len() == 1 {
        v.join("")
    } else {
        format!("{mode}：{}", v.join("；"))
    }
}

fn sanction_names(c: &ConsequenceNode) -> BTreeSet<String> {
    c.sanctions
        .iter()
        .flat_map(|cl| cl.kinds.iter().map(|k| k.name.clone()))
        .collect()
}

fn authorities(c: &ConsequenceNode) -> String {
    let v: BTreeSet<String> = c
        .sanctions
        .iter()
        .flat_map(|cl| cl.authorities.iter().map(selector_text))
        .collect();
    if v.is_empty() {
        "（未规定）".into()
    } else {
        v.into_iter().collect::<Vec<_>>().join("、")
    }
}

fn targets(c: &ConsequenceNode) -> String {
    let v: BTreeSet<String> = c
        .sanctions
        .iter()
        .flat_map(|cl| cl.targets.iter().cloned())
        .collect();
    v.into_iter().collect::<Vec<_>>().join("、")
}

/// One sanction of a consequence, with what qualifies it.
struct Entry {
    name: String,
    /// Which 处理 line of the consequence it stands on.
    clause: usize,
    rank: u32,
    discretionary: bool,
    /// 根据情节轻重 / 择一, its own condition, its period.
    context: String,
}

impl Entry {
    fn label(&self) -> String {
        format!("{}（等级{}）", self.name, self.rank)
    }
}

fn entries(o: &OrdinanceGraph, c: &ConsequenceNode) -> BTreeMap<String, Entry> {
    let mut out = BTreeMap::new();
    for (clause, cl) in c.sanctions.iter().enumerate() {
        let mut context = String::new();
        if let Some(ch) = cl.choice {
            context.push_str(&format!(" {}", ch_text(ch)));
        }
        if let Some(cond) = cl.condition {
            context.push_str(&format!(" 当 {}", cond_text(o, cond)));
        }
        if let Some(d) = &cl.deadline {
            context.push_str(&format!(" 期限 {}", deadline_text(d)));
        }
        for k in &cl.kinds {
            out.entry(k.name.clone()).or_insert_with(|| Entry {
                name: k.name.clone(),
                clause,
                rank: k.rank,
                discretionary: cl.discretionary,
                context: context.clone(),
            });
        }
    }
    out
}

fn ch_text(c: tiaoli_syntax::ast::Choice) -> &'static str {
    match c {
        tiaoli_syntax::ast::Choice::BySeverity => "根据情节轻重",
        tiaoli_syntax::ast::Choice::OneOf => "择一",
    }
}

// ───────────────────────────── deadlines ─────────────────────────────

/// Days a period stands for, roughly, to order periods of different units.
fn approx_days(amount: u32, unit: TimeUnit) -> f64 {
    let per = match unit {
        TimeUnit::Days => 1.0,
        TimeUnit::WorkingDays => 7.0 / 5.0,
        TimeUnit::Months => 30.44,
        TimeUnit::Years => 365.25,
    };
    f64::from(amount) * per
}

fn period_months(p: Periodic) -> u32 {
    match p {
        Periodic::Monthly => 1,
        Periodic::Quarterly => 3,
        Periodic::HalfYearly => 6,
        Periodic::Yearly => 12,
    }
}

/// How a deadline changed, in terms of the time left to comply: a period before
/// an event that grows (提前五日 → 提前十日) leaves less time, so it is shortened.
fn deadline_change(a: &Option<DeadlineOut>, b: &Option<DeadlineOut>) -> Option<Kind> {
    let (x, y) = match (a, b) {
        (None, None) => return None,
        (None, Some(_)) => return Some(Kind::DeadlineAdded),
        (Some(_), None) => return Some(Kind::DeadlineRemoved),
        (Some(x), Some(y)) => (x, y),
    };
    if x == y {
        return None;
    }
    let order = |less: bool, more: bool| {
        if less {
            Kind::DeadlineShortened
        } else if more {
            Kind::DeadlineLengthened
        } else {
            Kind::DeadlineChanged
        }
    };
    Some(match (x, y) {
        (DeadlineOut::Vague { word: w1 }, DeadlineOut::Vague { word: w2 }) => {
            let rank = |w: &Vague| match w {
                Vague::Immediately => Some(0),
                Vague::Promptly => Some(1),
                Vague::Periodically => None,
            };
            match (rank(w1), rank(w2)) {
                (Some(r1), Some(r2)) => order(r2 < r1, r2 > r1),
                _ => Kind::DeadlineChanged,
            }
        }
        (DeadlineOut::Vague { .. }, _) => Kind::DeadlineMadePrecise,
        (_, DeadlineOut::Vague { .. }) => Kind::DeadlineMadeVague,
        (DeadlineOut::Periodic { period: p1 }, DeadlineOut::Periodic { period: p2 }) => {
            let (m1, m2) = (period_months(*p1), period_months(*p2));
            order(m2 < m1, m2 > m1)
        }
        (
            DeadlineOut::Period {
                amount: a1,
                unit: u1,
                direction: d1,
                anchor: e1,
                anchor_attr: x1,
            },
            DeadlineOut::Period {
                amount: a2,
                unit: u2,
                direction: d2,
                anchor: e2,
                anchor_attr: x2,
            },
        ) if d1 == d2 && e1 == e2 && x1 == x2 => {
            let (t1, t2) = (approx_days(*a1, *u1), approx_days(*a2, *u2));
            let (less, more) = if *d1 == Direction::Before {
                (t2 > t1, t2 < t1)
            } else {
                (t2 < t1, t2 > t1)
            };
            order(less, more)
        }
        _ => Kind::DeadlineChanged,
    })
}

/// The items of each side that no pair took: removed (old side) and added (new side).
fn unpaired<'x, T>(
    pairs: &[(usize, usize)],
    old: &[&'x T],
    new: &[&'x T],
) -> (Vec<&'x T>, Vec<&'x T>) {
    let (used_o, used_n): (BTreeSet<usize>, BTreeSet<usize>) = pairs.iter().copied().unzip();
    let left = |xs: &[&'x T], used: &BTreeSet<usize>| {
        xs.iter()
            .enumerate()
            .filter(|(i, _)| !used.contains(i))
            .map(|(_, x)| *x)
            .collect()
    };
    (left(old, &used_o), left(new, &used_n))
}

/// Every chapter and section heading: (第N章 / 第N章第M节, title).
fn headings(o: &OrdinanceGraph) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for c in &o.chapters {
        let chapter = format!("第{}章", tiaoli_syntax::format::to_chinese(c.number));
        out.push((chapter.clone(), c.title.clone()));
        for s in &c.sections {
            out.push((
                format!(
                    "{chapter}第{}节",
                    tiaoli_syntax::format::to_chinese(s.number)
                ),
                s.title.clone(),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(amount: u32, unit: TimeUnit, direction: Direction) -> Option<DeadlineOut> {
        Some(DeadlineOut::Period {
            amount,
            unit,
            direction,
            anchor: "信访接待日".into(),
            anchor_attr: None,
        })
    }

    fn vague(word: Vague) -> Option<DeadlineOut> {
        Some(DeadlineOut::Vague { word })
    }

    #[test]
    fn deadlines_are_ordered_by_the_time_left_to_comply() {
        use Direction::{After, Before};
        use TimeUnit::{Days, Months, WorkingDays};
        let d = deadline_change;
        assert_eq!(
            d(&period(30, Days, After), &period(15, Days, After)),
            Some(Kind::DeadlineShortened)
        );
        assert_eq!(
            d(&period(1, Months, After), &period(20, Days, After)),
            Some(Kind::DeadlineShortened)
        );
        // 提前五个工作日 → 提前十个工作日: less time before the event.
        assert_eq!(
            d(
                &period(5, WorkingDays, Before),
                &period(10, WorkingDays, Before)
            ),
            Some(Kind::DeadlineShortened)
        );
        assert_eq!(
            d(&period(30, Days, After), &period(30, Days, Before)),
            Some(Kind::DeadlineChanged)
        );
        assert_eq!(
            d(&vague(Vague::Promptly), &vague(Vague::Immediately)),
            Some(Kind::DeadlineShortened)
        );
        assert_eq!(
            d(&period(30, Days, After), &vague(Vague::Promptly)),
            Some(Kind::DeadlineMadeVague)
        );
        assert_eq!(
            d(
                &Some(DeadlineOut::Periodic {
                    period: Periodic::Yearly
                }),
                &Some(DeadlineOut::Periodic {
                    period: Periodic::Quarterly
                })
            ),
            Some(Kind::DeadlineShortened)
        );
        assert_eq!(d(&None, &vague(Vague::Promptly)), Some(Kind::DeadlineAdded));
        assert_eq!(d(&vague(Vague::Promptly), &vague(Vague::Promptly)), None);
    }

    #[test]
    fn deadline_changes_mirror() {
        use Direction::{After, Before};
        use TimeUnit::{Days, Years};
        let all = [
            None,
            vague(Vague::Promptly),
            vague(Vague::Immediately),
            vague(Vague::Periodically),
            period(30, Days, After),
            period(2, Years, After),
            period(10, Days, Before),
            Some(DeadlineOut::ByOrder { event: None }),
            Some(DeadlineOut::Periodic {
                period: Periodic::Monthly,
            }),
        ];
        for a in &all {
            for b in &all {
                assert_eq!(
                    deadline_change(a, b).map(Kind::mirror),
                    deadline_change(b, a),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn modality_strength_may_encourage_shall() {
        assert!(strength(Modality::May) < strength(Modality::Encourage));
        assert!(strength(Modality::Encourage) < strength(Modality::Shall));
        assert_eq!(strength(Modality::Shall), strength(Modality::ShallNot));
        assert_eq!(strength(Modality::Shall), strength(Modality::Responsible));
    }
}
