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

mod deadlines;
mod pairing;
mod texts;

use deadlines::*;
use pairing::*;
use texts::*;

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
                Some(a.cite.to_string()),
                Some(b.cite.to_string()),
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
                    Some(a.cite.to_string()),
                    Some(b.cite.to_string()),
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
            let (ta, tb) = (ra.text_signals(a), rb.text_signals(b));
            let (ma, mb) = (stale::open(ra, o, a, &ta), stale::open(rb, n, b, &tb));
            let disagree = ma != mb;
            if squeeze(&a.text) != squeeze(&b.text) {
                let (sa, sb) = (stale::signals(&ta), stale::signals(&tb));
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
                Some(a.action.to_string()),
                Some(b.action.to_string()),
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
