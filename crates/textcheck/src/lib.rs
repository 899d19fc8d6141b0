//! tiaoli-textcheck: does an article's encoding say what its verbatim text says?
//!
//! From each provision's text, [`scan`] extracts the signals an encoding must
//! reflect — periods and their units (三十日, 五个工作日), rhythms (每年), modal
//! verbs (应当, 必须, 不得, 可以, 鼓励), the catalogue's measures and the lexicon's
//! actors by name or alias, 除…外 exclusions, the date of entry into force —
//! and [`encoding`] reads the same kinds of signal off the article's norms and
//! consequences. [`Checker::agreement`] compares the two: each signal one side
//! has and the other lacks is a [`Mismatch`], with both sides quoted.
//!
//! One module for three commands: `tiaoli check` prints the mismatches as
//! warnings, `tiaoli lint` reports them (codes L1201–L1206, silenced by an
//! inline allow that records the reading), and `tiaoli diff` calls an edit
//! whose text signals changed while the encoding did not — or the reverse —
//! `encoding-stale`. It depends on the compiled graph only, so all three can use
//! it without a cycle.

pub mod encoding;
pub mod scan;

use std::collections::BTreeMap;

use indexmap::IndexSet;
use serde::Serialize;
use tiaoli_compiler::graph::{AllowTarget, ArticleOut, LexiconOut, LintAllow, Loc, OrdinanceGraph};
use tiaoli_l10n::t;
use tiaoli_syntax::ast::ModalityClass;

pub use encoding::{Construct, Said};
pub use scan::{Found, Signal, Unit, Vocabulary};

/// The kinds of agreement checked, each with a stable code (shared with
/// `tiaoli lint`'s catalogue) and a Chinese name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Check {
    Period,
    Modality,
    Sanction,
    Actor,
    Exception,
    Date,
}

impl Check {
    pub const ALL: &'static [Check] = &[
        Check::Period,
        Check::Modality,
        Check::Sanction,
        Check::Actor,
        Check::Exception,
        Check::Date,
    ];

    /// The lint code (L1201 …).
    pub fn code(self) -> &'static str {
        match self {
            Check::Period => "L1201",
            Check::Modality => "L1202",
            Check::Sanction => "L1203",
            Check::Actor => "L1204",
            Check::Exception => "L1205",
            Check::Date => "L1206",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Check::Period => "text-rule-period",
            Check::Modality => "text-rule-modality",
            Check::Sanction => "text-rule-sanction",
            Check::Actor => "text-rule-actor",
            Check::Exception => "text-rule-exception",
            Check::Date => "text-rule-date",
        }
    }

    /// The check's name in Chinese, as signatures key their readings
    /// (`期限:30日`): the same in every language.
    pub fn zh(self) -> &'static str {
        match self {
            Check::Period => "期限",
            Check::Modality => "规范用语",
            Check::Sanction => "处理方式",
            Check::Actor => "主体",
            Check::Exception => "除外",
            Check::Date => "施行日期",
        }
    }

    /// The check's name in the current language (期限, "period" …), for messages.
    pub fn label(self) -> String {
        let check = match self {
            Check::Period => "period",
            Check::Modality => "modality",
            Check::Sanction => "sanction",
            Check::Actor => "actor",
            Check::Exception => "exception",
            Check::Date => "date",
        };
        t!("text-check", check = check)
    }

    fn of(s: &Signal) -> Check {
        match s {
            Signal::Period { .. } | Signal::Periodic { .. } | Signal::Vague { .. } => Check::Period,
            Signal::Modal { .. } => Check::Modality,
            Signal::Sanction { .. } => Check::Sanction,
            Signal::Actor { .. } => Check::Actor,
            Signal::Exception => Check::Exception,
            Signal::Date { .. } => Check::Date,
        }
    }
}

/// The text side of a mismatch: the provision and the sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TextSide {
    pub cite: String,
    pub eid: String,
    pub words: String,
    pub sentence: String,
}

/// The rule side: the construct and what it writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleSide {
    pub what: &'static str,
    pub name: String,
    pub cite: String,
    pub line: String,
    pub loc: Loc,
}

/// One signal that one side has and the other lacks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mismatch {
    pub check: Check,
    pub article: u32,
    /// 第N条.
    pub article_cite: String,
    /// The signal as a drafter reads it (30日, 必须, 通报, 公安部门).
    pub signal: String,
    /// Where the text says it; None: the text does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<TextSide>,
    /// Where the encoding says it; None: the encoding does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleSide>,
    /// Where to point: the construct, or the article.
    pub loc: Loc,
    /// What an inline allow may be attached to, to record the reading.
    #[serde(skip)]
    pub targets: Vec<AllowTarget>,
}

impl Mismatch {
    /// One line in the current language, both sides quoted (the rule side
    /// as the rule file writes it).
    pub fn message(&self) -> String {
        let text = match &self.text {
            Some(t) => t!("text-side", cite = &t.cite, sentence = &t.sentence),
            None => t!("text-side-none"),
        };
        let rule = match &self.rule {
            Some(r) => t!("rule-side", what = r.what, name = &r.name, line = &r.line),
            None => t!("rule-side-none"),
        };
        t!(
            "text-mismatch",
            check = self.check.label(),
            signal = &self.signal,
            text = text,
            rule = rule
        )
    }
}

/// One provision's text with where it stands.
struct Provision<'a> {
    cite: &'a str,
    eid: &'a str,
    text: String,
}

fn provisions(a: &ArticleOut) -> Vec<Provision<'_>> {
    let mut out = Vec::new();
    for p in &a.paragraphs {
        out.push(Provision {
            cite: &p.cite,
            eid: &p.eid,
            text: p.text.to_string(),
        });
        for it in &p.items {
            out.push(Provision {
                cite: &it.cite,
                eid: &it.eid,
                text: format!("{}{}", it.label, it.text),
            });
        }
    }
    out
}

/// Reads texts and encodings against one lexicon.
pub struct Checker {
    vocab: Vocabulary,
    sanctions: IndexSet<String>,
    /// Each actor kind's is-a ancestors.
    ancestors: BTreeMap<String, Vec<String>>,
}

impl Checker {
    pub fn new(lex: &LexiconOut) -> Checker {
        Checker {
            vocab: Vocabulary::new(lex),
            sanctions: lex.sanctions.iter().map(|s| s.name.clone()).collect(),
            ancestors: lex
                .actors
                .iter()
                .map(|a| (a.name.clone(), a.ancestors.clone()))
                .collect(),
        }
    }

    /// Whether a text names this actor: by its name or an alias, or by a kind
    /// of it (市、县、乡镇人民政府 names 人民政府 at three levels).
    pub fn names_actor(&self, text: &str, term: &str) -> bool {
        self.named(&self.vocab.actors_in(text), term)
    }

    /// Whether one of the actors a text names (`actors_in`) is this actor or a kind of it.
    fn named(&self, in_text: &[String], term: &str) -> bool {
        in_text.iter().any(|k| {
            k == term
                || self
                    .ancestors
                    .get(k)
                    .is_some_and(|a| a.iter().any(|x| x == term))
        })
    }

    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocab
    }

    /// The signals of every provision of an article, with where each stands.
    pub fn text_signals(&self, a: &ArticleOut) -> Vec<(TextSide, Signal)> {
        let mut out = Vec::new();
        for p in provisions(a) {
            for f in scan::scan(&p.text, &self.vocab) {
                out.push((
                    TextSide {
                        cite: p.cite.to_string(),
                        eid: p.eid.to_string(),
                        words: f.words,
                        sentence: f.sentence,
                    },
                    f.signal,
                ));
            }
        }
        out
    }

    /// The text signals of an article as a multiset of their readings
    /// (`期限:30日`, `规范用语:必须`, `主体:政府工作部门` …): what `diff` compares
    /// between two versions of a text.
    pub fn signature(&self, a: &ArticleOut) -> BTreeMap<String, usize> {
        signature_of(&self.text_signals(a))
    }

    /// Every mismatch of an ordinance, article by article.
    pub fn agreement(&self, o: &OrdinanceGraph) -> Vec<Mismatch> {
        o.articles.iter().flat_map(|a| self.article(o, a)).collect()
    }

    /// The mismatches of one article.
    pub fn article(&self, o: &OrdinanceGraph, a: &ArticleOut) -> Vec<Mismatch> {
        self.article_read(o, a, &self.text_signals(a))
    }

    /// The mismatches of one article whose text was scanned already
    /// ([`Checker::text_signals`]): a caller that needs both the signals and
    /// the mismatches (diff) scans the text once.
    pub fn article_read(
        &self,
        o: &OrdinanceGraph,
        a: &ArticleOut,
        text: &[(TextSide, Signal)],
    ) -> Vec<Mismatch> {
        let is_sanction = |e: &str| self.sanctions.contains(e);
        let said = encoding::said(o, a.number, &is_sanction);
        let mut out = Vec::new();
        out.extend(date_mismatch(o, a, text));
        let mut push = |check: Check, signal: String, t: Option<&TextSide>, r: Option<&Said>| {
            let rule = r.map(|s| RuleSide {
                what: s.construct.what,
                name: s.construct.name.clone(),
                cite: s.construct.cite.clone(),
                line: s.line.clone(),
                loc: s.construct.loc.clone(),
            });
            let mut targets = vec![AllowTarget::Article(a.number)];
            if let Some(s) = r {
                targets.push(match s.construct.what {
                    "后果" => AllowTarget::Consequence(s.construct.name.clone()),
                    _ => AllowTarget::Norm(s.construct.name.clone()),
                });
            }
            out.push(Mismatch {
                check,
                article: a.number,
                article_cite: a.cite.to_string(),
                signal,
                text: t.cloned(),
                loc: rule
                    .as_ref()
                    .map(|r| r.loc.clone())
                    .unwrap_or_else(|| a.loc.clone()),
                rule,
                targets,
            });
        };

        // An article with no norm or consequence says nothing the checks could
        // compare: its kind (原则, 宣示 …) is the reading.
        if said.is_empty() {
            return out;
        }

        // Periods and rhythms, both ways.
        let key = |s: &Signal| match s {
            Signal::Period { .. } | Signal::Periodic { .. } => Some(s.clone()),
            _ => None,
        };
        let mut seen: Vec<Signal> = Vec::new();
        for (t, s) in text {
            let Some(k) = key(s) else { continue };
            if !said.iter().any(|x| key(&x.signal).as_ref() == Some(&k)) && !seen.contains(&k) {
                seen.push(k.clone());
                push(Check::Period, k.show(), Some(t), None);
            }
        }
        for x in &said {
            let Some(k) = key(&x.signal) else { continue };
            if !text.iter().any(|(_, s)| key(s).as_ref() == Some(&k)) && !seen.contains(&k) {
                seen.push(k.clone());
                push(Check::Period, k.show(), None, Some(x));
            }
        }

        // Modalities, by class. A sentence with no modal verb supports an
        // obligation (the language reads "国家机关加强……" as 负责); 支持 supports
        // an encouragement the encoding chose.
        let class_of = |s: &Signal| match s {
            Signal::Modal { class, .. } => Some(*class),
            _ => None,
        };
        let declarative = scan::declarative(&a.text);
        for c in [
            ModalityClass::Obligation,
            ModalityClass::Prohibition,
            ModalityClass::Permission,
            ModalityClass::Encouragement,
        ] {
            let in_text = text.iter().find(|(_, s)| class_of(s) == Some(c));
            let in_rule = said.iter().find(|x| class_of(&x.signal) == Some(c));
            match (in_text, in_rule) {
                (Some((t, s)), None) => push(Check::Modality, s.show(), Some(t), None),
                (None, Some(x)) => {
                    let supported = match c {
                        ModalityClass::Obligation => declarative,
                        ModalityClass::Encouragement => a.text.contains("支持"),
                        _ => false,
                    };
                    if !supported {
                        push(Check::Modality, x.signal.show(), None, Some(x));
                    }
                }
                _ => {}
            }
        }

        // Measures: named in the text and neither imposed nor read; imposed and
        // not named. A measure named inside a duty's act (通过批评教育……予以纠正)
        // is the act's.
        let (norms, cons) = encoding::constructs(o, a.number);
        let mut named: Vec<String> = Vec::new();
        for (t, s) in text {
            let Signal::Sanction { name } = s else {
                continue;
            };
            // Outside a liability clause a measure's name is often a plain verb
            // (防范、制止和依法惩治): it is read as a measure where the article
            // imposes one, or where the clause applies it (予以, 给予, 采取 …).
            let applied = !cons.is_empty() || measure_marked(&t.sentence, &t.words);
            let in_act = !applied
                || norms.iter().any(|n| {
                    n.action.contains(name.as_str()) || n.action.contains(t.words.as_str())
                });
            let in_rule = said
                .iter()
                .any(|x| matches!(&x.signal, Signal::Sanction { name: n } if n == name));
            if !in_rule && !in_act && !named.contains(name) {
                named.push(name.clone());
                push(Check::Sanction, name.clone(), Some(t), None);
            }
        }
        for x in &said {
            let Signal::Sanction { name } = &x.signal else {
                continue;
            };
            let in_text = text
                .iter()
                .any(|(_, s)| matches!(s, Signal::Sanction { name: n } if n == name));
            if !in_text && !named.contains(name) {
                named.push(name.clone());
                push(Check::Sanction, name.clone(), None, Some(x));
            }
        }

        // Actors: every kind the encoding names must be named by the text (by
        // its name or an alias). The text names many actors as objects (对企业
        // 进行检查), so the other direction is not checked.
        let in_text: Vec<String> = text
            .iter()
            .filter_map(|(_, s)| match s {
                Signal::Actor { name } => Some(name.clone()),
                _ => None,
            })
            .collect();
        let mut actors: Vec<&str> = Vec::new();
        for x in &said {
            let Signal::Actor { name } = &x.signal else {
                continue;
            };
            if actors.contains(&name.as_str()) {
                continue;
            }
            actors.push(name);
            if !self.named(&in_text, name) {
                push(Check::Actor, name.clone(), None, Some(x));
            }
        }

        // Exclusions: 除……外 in the text with none in the encoding; an 除 … 外
        // of a selector with neither 除……外 nor 其他 in the text.
        let text_except = text.iter().find(|(_, s)| *s == Signal::Exception);
        let rule_except = said.iter().find(|x| x.signal == Signal::Exception);
        match (text_except, rule_except) {
            (Some((t, s)), None) => push(Check::Exception, s.show(), Some(t), None),
            (None, Some(x)) if x.line.contains(" 除 ") && !a.text.contains("其他") => {
                push(Check::Exception, "除……外".into(), None, Some(x))
            }
            _ => {}
        }
        out
    }
}

/// The date of entry into force the text gives (本条例自2024年10月1日起施行, or a
/// blank one), against the header's 施行日期.
/// Text signals as a multiset of their readings (`期限:30日`, `规范用语:必须`).
pub fn signature_of(text: &[(TextSide, Signal)]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (_, s) in text {
        *out.entry(format!("{}:{}", Check::of(s).zh(), s.show()))
            .or_insert(0) += 1;
    }
    out
}

fn date_mismatch(
    o: &OrdinanceGraph,
    a: &ArticleOut,
    text: &[(TextSide, Signal)],
) -> Option<Mismatch> {
    let (t, date) = text.iter().find_map(|(t, s)| match s {
        Signal::Date { date } if t.sentence.contains("施行") => Some((t, date)),
        _ => None,
    })?;
    if *date == o.in_force {
        return None;
    }
    Some(Mismatch {
        check: Check::Date,
        article: a.number,
        article_cite: a.cite.to_string(),
        signal: Signal::Date { date: date.clone() }.show(),
        text: Some(t.clone()),
        rule: Some(RuleSide {
            what: "条例",
            name: o.id.clone(),
            cite: String::new(),
            line: format!(
                "施行日期 {}",
                o.in_force.clone().unwrap_or_else(|| "未知".into())
            ),
            loc: a.loc.clone(),
        }),
        loc: a.loc.clone(),
        targets: vec![AllowTarget::Article(a.number), AllowTarget::Ordinance],
    })
}

/// Whether the words stand where a measure is applied: after 予以, 给予, 采取,
/// 处以, 通过, 实行 or 实施 in their clause.
fn measure_marked(sentence: &str, words: &str) -> bool {
    let Some(p) = sentence.find(words) else {
        return false;
    };
    let before = sentence.get(..p).unwrap_or_default();
    let clause = before.rsplit(['，', ',']).next().unwrap_or(before);
    ["予以", "给予", "采取", "处以", "通过", "实行", "实施"]
        .iter()
        .any(|m| clause.contains(m))
}

/// Whether an inline allow records the reading behind a group of mismatches of
/// one check in one article: an allow of that check's code attached to the
/// article or to one of the constructs involved.
pub fn explained<'o>(o: &'o OrdinanceGraph, group: &[&Mismatch]) -> Option<&'o LintAllow> {
    let first = group.first()?;
    o.lint_allows.iter().find(|al| {
        al.code.eq_ignore_ascii_case(first.check.code())
            && !al.reason.is_empty()
            && group.iter().any(|m| m.targets.contains(&al.target))
    })
}

/// Mismatches grouped by check and article, in article order.
pub fn grouped(ms: &[Mismatch]) -> Vec<Vec<&Mismatch>> {
    let mut groups: indexmap::IndexMap<(u32, Check), Vec<&Mismatch>> = indexmap::IndexMap::new();
    for m in ms {
        groups.entry((m.article, m.check)).or_default().push(m);
    }
    groups.into_values().collect()
}
