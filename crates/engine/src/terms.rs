//! The vocabulary the rules know, for the people who write facts files
//! (`tiaoli terms`, `tiaoli template`, and later `tiaoli serve`): every actor
//! kind, role, fact (with its values), event (with its attributes), action and
//! sanction, each with the provisions that use it; for one kind, only what the
//! articles binding that kind use; and a facts-file skeleton for one unit.
//!
//! "The articles binding a kind" are read from the text alone: the norms whose
//! 主体 is the kind (or a kind it is a kind of), at any level, plus those whose
//! 主体 is one of the roles given; and the consequences whose 对象 picks the kind
//! or a given role, or that name no 对象. Which of them binds one unit at one
//! place and date is what `template` (through [`Engine::vocabulary`]) decides.

use indexmap::IndexMap;
use serde::Serialize;
use tiaoli_compiler::graph::{FactTy, Graph, Node, OrdinanceGraph, SelectorOut};
use tiaoli_l10n::t;
use tiaoli_syntax::ast::fold_case;
use tiaoli_syntax::diag::did_you_mean;

use crate::eval::Options;
use crate::plan::Engine;
use crate::vocabulary::Collect;

/// An ordinance as the vocabulary names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrdinanceName {
    pub id: String,
    pub title: String,
}

/// One term and where the rules use it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TermEntry {
    pub name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Facts and event attributes: `bool`, `number`, `date` or `enum`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub ty: Option<String>,
    /// An enumerated fact: its values, in the order declared.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// An event: the attributes a record of it may carry.
    /// (The schema names an attribute a `TermEntry` by reference: the type is recursive.)
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub attrs: Vec<TermEntry>,
    /// An actor kind: what it is a kind of (nearest first), and the levels it exists at.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<String>,
    /// `haidong 第四十六条第一款第（六）项`: the provisions that use it, in the order met.
    pub cited_by: Vec<String>,
}

/// The vocabulary, whole or for one kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Terms {
    /// The kind asked about (canonical), if any; and the roles given with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles_given: Vec<String>,
    /// The ordinances whose articles were read.
    pub ordinances: Vec<OrdinanceName>,
    pub actors: Vec<TermEntry>,
    pub roles: Vec<TermEntry>,
    pub facts: Vec<TermEntry>,
    pub events: Vec<TermEntry>,
    pub actions: Vec<TermEntry>,
    pub sanctions: Vec<TermEntry>,
}

/// Finds an ordinance by id (`haidong`), by title (`海东市平安建设条例`, with or
/// without 《》) or by a part of its title that names one only (`海东`). An
/// unknown or ambiguous name is an error, in the current language, with a
/// did-you-mean or the list of candidates.
pub fn find_ordinance<'g>(graph: &'g Graph, name: &str) -> Result<&'g OrdinanceGraph, String> {
    let want = name.trim().trim_start_matches('《').trim_end_matches('》');
    let folded = fold_case(want);
    let ords = &graph.ordinances;
    if let Some(o) = ords
        .iter()
        .find(|o| fold_case(&o.id) == folded || o.title == want)
    {
        return Ok(o);
    }
    let partial: Vec<&OrdinanceGraph> = if want.is_empty() {
        Vec::new()
    } else {
        ords.iter().filter(|o| o.title.contains(want)).collect()
    };
    match partial.as_slice() {
        [one] => Ok(one),
        [] => {
            let names = ords.iter().flat_map(|o| [o.id.as_str(), o.title.as_str()]);
            let known = ords
                .iter()
                .map(|o| format!("{}（《{}》）", o.id, o.title))
                .collect::<Vec<_>>()
                .join(&t!("list-sep"));
            Err(match did_you_mean(want, names) {
                Some(s) => t!(
                    "ordinance-unknown-hint",
                    name = name,
                    hint = s,
                    known = known
                ),
                None => t!("ordinance-unknown", name = name, known = known),
            })
        }
        several => Err(t!(
            "ordinance-ambiguous",
            name = name,
            candidates = several
                .iter()
                .map(|o| format!("{}（《{}》）", o.id, o.title))
                .collect::<Vec<_>>()
                .join(&t!("list-sep"))
        )),
    }
}

/// Resolves a term of one kind through aliases, case-insensitively; an error
/// lists the known terms of that kind and the nearest one.
fn resolve<'l>(
    names: impl Iterator<Item = &'l str> + Clone,
    aliases: &'l IndexMap<String, String>,
    given: &str,
    what: &str,
) -> Result<String, String> {
    let folded = fold_case(given.trim());
    if let Some(n) = names.clone().find(|n| fold_case(n) == folded) {
        return Ok(n.to_string());
    }
    if let Some((_, canon)) = aliases.iter().find(|(a, _)| fold_case(a) == folded) {
        if names.clone().any(|n| n == canon) {
            return Ok(canon.clone());
        }
    }
    let known: Vec<&str> = names.collect();
    // A short list in full (the roles); a long one (the actor kinds) by its count.
    let list = if known.len() <= 12 {
        known.join(&t!("list-sep"))
    } else {
        t!("term-known-many", count = known.len())
    };
    Err(match did_you_mean(given, known.iter().copied()) {
        Some(s) => t!(
            "term-unknown-hint",
            what = what,
            name = given,
            hint = s,
            known = list
        ),
        None => t!("term-unknown", what = what, name = given, known = list),
    })
}

fn ty_name(ty: &FactTy) -> (&'static str, Vec<String>) {
    match ty {
        FactTy::Bool => ("bool", Vec::new()),
        FactTy::Number => ("number", Vec::new()),
        FactTy::Date => ("date", Vec::new()),
        FactTy::Enum { values } => ("enum", values.clone()),
    }
}

/// Where selectors, sanctions and the terms of conditions are used.
#[derive(Default)]
struct Uses {
    terms: Collect,
    actors: IndexMap<String, Vec<String>>,
    roles: IndexMap<String, Vec<String>>,
    sanctions: IndexMap<String, Vec<String>>,
}

fn add(map: &mut IndexMap<String, Vec<String>>, name: &str, cite: &str) {
    let v = map.entry(name.to_string()).or_default();
    if !v.iter().any(|c| c == cite) {
        v.push(cite.to_string());
    }
}

impl Uses {
    fn selectors<'s>(&mut self, sels: impl IntoIterator<Item = &'s SelectorOut>, cite: &str) {
        for s in sels {
            if s.term.is_empty() {
                continue;
            }
            if s.is_role {
                add(&mut self.roles, &s.term, cite);
            } else {
                add(&mut self.actors, &s.term, cite);
            }
        }
    }

    fn norm(&mut self, o: &OrdinanceGraph, n: &tiaoli_compiler::graph::NormNode) {
        let cite = format!("{} {}", o.id, n.cite);
        self.selectors(n.subjects.iter().chain(&n.recipients), &cite);
    }

    fn consequence(&mut self, o: &OrdinanceGraph, c: &tiaoli_compiler::graph::ConsequenceNode) {
        let cite = format!("{} {}", o.id, c.cite);
        self.selectors(&c.applies_to, &cite);
        for s in &c.sanctions {
            self.selectors(&s.authorities, &cite);
            for k in &s.kinds {
                add(&mut self.sanctions, &k.name, &cite);
            }
        }
    }
}

impl Engine {
    /// Whether a selector picks a unit of `kind` (through is-a, at any level)
    /// or with one of `roles`.
    fn picks_kind(&self, s: &SelectorOut, kind: &str, roles: &[String]) -> bool {
        if s.self_unit || s.unspecified {
            return false;
        }
        if s.is_role {
            return roles.iter().any(|r| r == &s.term);
        }
        let is_a = |k: &str, ancestor: &str| {
            k == ancestor
                || self
                    .graph
                    .lexicon
                    .actors
                    .iter()
                    .any(|a| a.name == k && a.ancestors.iter().any(|x| x == ancestor))
        };
        is_a(kind, &s.term) && !s.except.iter().any(|e| is_a(kind, e))
    }

    /// The canonical actor kind `given` names (a name or an alias).
    pub fn resolve_kind(&self, given: &str) -> Result<String, String> {
        let lex = &self.graph.lexicon;
        resolve(
            lex.actors.iter().map(|a| a.name.as_str()),
            &lex.aliases,
            given,
            &t!("term-what-actor"),
        )
    }

    /// The canonical role `given` names.
    pub fn resolve_role(&self, given: &str) -> Result<String, String> {
        let lex = &self.graph.lexicon;
        resolve(
            lex.roles.iter().map(|a| a.name.as_ref()),
            &lex.aliases,
            given,
            &t!("term-what-role"),
        )
    }

    /// The vocabulary of the ordinances (all, or the one named), whole, or —
    /// with `kind` — only the terms the articles binding that kind (and the
    /// roles given) use.
    pub fn terms(
        &self,
        kind: Option<&str>,
        roles: &[String],
        ordinance: Option<&str>,
    ) -> Result<Terms, String> {
        let kind = kind.map(|k| self.resolve_kind(k)).transpose()?;
        let roles = roles
            .iter()
            .map(|r| self.resolve_role(r))
            .collect::<Result<Vec<_>, _>>()?;
        let ords: Vec<&OrdinanceGraph> = match ordinance {
            Some(name) => vec![find_ordinance(&self.graph, name)?],
            None => self.graph.ordinances.iter().collect(),
        };
        let mut uses = Uses::default();
        for o in &ords {
            for (id, node) in o.nodes.iter().enumerate() {
                match node {
                    Node::Norm(n) => {
                        let binds = kind.as_deref().is_none_or(|k| {
                            n.subjects.iter().any(|s| self.picks_kind(s, k, &roles))
                        });
                        if binds {
                            uses.norm(o, n);
                            uses.terms.norm(o, id);
                        }
                    }
                    Node::Consequence(c) => {
                        let concerns = kind.as_deref().is_none_or(|k| {
                            c.applies_to.is_empty()
                                || c.applies_to.iter().any(|s| self.picks_kind(s, k, &roles))
                        });
                        if concerns {
                            uses.consequence(o, c);
                            uses.terms.consequence(o, id);
                        }
                    }
                    _ => {}
                }
            }
        }
        let whole = kind.is_none();
        let lex = &self.graph.lexicon;
        // The whole vocabulary lists every term, used or not; a kind's, only those used.
        let keep = |cited: &Vec<String>| whole || !cited.is_empty();
        let cited = |map: &IndexMap<String, Vec<String>>, name: &str| {
            map.get(name).cloned().unwrap_or_default()
        };
        let mut out = Terms {
            kind: kind.clone(),
            roles_given: roles.clone(),
            ordinances: ords
                .iter()
                .map(|o| OrdinanceName {
                    id: o.id.clone(),
                    title: o.title.clone(),
                })
                .collect(),
            ..Terms::default()
        };
        for a in &lex.actors {
            let mut cited_by = cited(&uses.actors, &a.name);
            if kind.as_deref() == Some(a.name.as_str()) && cited_by.is_empty() {
                // The kind asked about is listed even where only an ancestor is named.
                cited_by = a
                    .ancestors
                    .iter()
                    .flat_map(|x| cited(&uses.actors, x))
                    .collect();
            }
            let asked = kind.as_deref() == Some(a.name.as_str());
            if keep(&cited_by) || asked {
                out.actors.push(TermEntry {
                    name: a.name.clone(),
                    aliases: a.aliases.clone(),
                    parents: a.ancestors.clone(),
                    levels: a.levels.iter().map(|l| l.zh().to_string()).collect(),
                    cited_by,
                    ..TermEntry::default()
                });
            }
        }
        for r in &lex.roles {
            let cited_by = cited(&uses.roles, &r.name);
            if keep(&cited_by) {
                out.roles.push(TermEntry {
                    name: r.name.to_string(),
                    aliases: r.aliases.clone(),
                    cited_by,
                    ..TermEntry::default()
                });
            }
        }
        for f in &lex.facts {
            let cited_by = cited(&uses.terms.facts, &f.name);
            if keep(&cited_by) {
                let (ty, values) = ty_name(&f.ty);
                out.facts.push(TermEntry {
                    name: f.name.clone(),
                    aliases: f.aliases.clone(),
                    ty: Some(ty.into()),
                    values,
                    cited_by,
                    ..TermEntry::default()
                });
            }
        }
        for e in &lex.events {
            let cited_by = cited(&uses.terms.events, &e.name);
            if keep(&cited_by) {
                out.events.push(TermEntry {
                    name: e.name.clone(),
                    aliases: e.aliases.clone(),
                    attrs: e
                        .attrs
                        .iter()
                        .map(|(name, ty)| {
                            let (ty, values) = ty_name(ty);
                            TermEntry {
                                name: name.clone(),
                                ty: Some(ty.into()),
                                values,
                                ..TermEntry::default()
                            }
                        })
                        .collect(),
                    cited_by,
                    ..TermEntry::default()
                });
            }
        }
        for a in &lex.actions {
            let cited_by = cited(&uses.terms.actions, &a.name);
            if keep(&cited_by) {
                out.actions.push(TermEntry {
                    name: a.name.to_string(),
                    aliases: a.aliases.clone(),
                    cited_by,
                    ..TermEntry::default()
                });
            }
        }
        for s in &lex.sanctions {
            let cited_by = cited(&uses.sanctions, &s.name);
            if keep(&cited_by) {
                out.sanctions.push(TermEntry {
                    name: s.name.clone(),
                    aliases: s.aliases.clone(),
                    cited_by,
                    ..TermEntry::default()
                });
            }
        }
        Ok(out)
    }

    /// The text of a provision cited as `ORDINANCE-ID 第N条第M款…`.
    pub fn provision_text(&self, cite: &str) -> Option<&str> {
        let (id, cite) = cite.split_once(' ')?;
        let o = self.graph.ordinances.iter().find(|o| o.id == id)?;
        for a in &o.articles {
            if a.cite == cite {
                return Some(&a.text);
            }
            for p in &a.paragraphs {
                if p.cite == cite {
                    return Some(&p.text);
                }
                if let Some(i) = p.items.iter().find(|i| i.cite == cite) {
                    return Some(&i.text);
                }
            }
        }
        None
    }
}

/// What a facts-file skeleton is for: one unit as far as it is described.
#[derive(Clone, Debug, Default)]
pub struct TemplateRequest {
    pub kind: String,
    pub region: String,
    pub level: Option<String>,
    pub roles: Vec<String>,
}

/// A `TITLE 第N条…` label for a cite, with the ordinance's title.
/// A cite (`haidong 第四条`) as a reader reads it: `《海东市平安建设条例》第四条`
/// (the cite as it is when its ordinance is not loaded).
pub fn cite_label(engine: &Engine, cite: &str) -> String {
    match cite.split_once(' ') {
        Some((id, rest)) => match engine.graph.ordinances.iter().find(|o| o.id == id) {
            Some(o) => format!("《{}》{rest}", o.title),
            None => cite.to_string(),
        },
        None => cite.to_string(),
    }
}

impl Engine {
    /// Cites as `《TITLE》第四条、第九条；《TITLE2》第二条`: each title once, before
    /// the run of its provisions.
    fn cites_grouped(&self, cites: &[String]) -> String {
        let sep = t!("list-sep");
        let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
        for c in cites {
            let (id, rest) = c.split_once(' ').unwrap_or(("", c.as_str()));
            match groups.last_mut() {
                Some((g, v)) if *g == id => v.push(rest),
                _ => groups.push((id, vec![rest])),
            }
        }
        groups
            .iter()
            .map(|(id, v)| {
                let title = self
                    .graph
                    .ordinances
                    .iter()
                    .find(|o| o.id == *id)
                    .map_or_else(|| id.to_string(), |o| format!("《{}》", o.title));
                format!("{title}{}", v.join(&sep))
            })
            .collect::<Vec<_>>()
            .join("；")
    }
}

/// A YAML comment line (the text of a provision may span lines).
fn comment(out: &mut String, indent: &str, text: &str) {
    for line in text.lines() {
        out.push_str(indent);
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
}

fn cites(out: &mut String, engine: &Engine, indent: &str, cited_by: &[String]) {
    for c in cited_by {
        let text = engine.provision_text(c).unwrap_or("");
        comment(
            out,
            indent,
            &format!("  {}：“{}”", cite_label(engine, c), text.replace('\n', " ")),
        );
    }
}

impl Engine {
    /// A facts file for one unit that loads as it is: its kind, region, level
    /// and roles filled in; every fact, event and action the articles that do
    /// or may bind it read, commented out, each with the provisions (cite and
    /// text) that need it. The date is `opts.as_of`. Errors (an unknown kind,
    /// region, level or role) are the facts file's, located in the request.
    pub fn template(
        &self,
        req: &TemplateRequest,
        opts: Options,
    ) -> Result<String, Vec<crate::facts::FactsError>> {
        let mut unit = serde_json::Map::new();
        unit.insert("id".into(), t!("template-unit-id").into());
        unit.insert("kind".into(), req.kind.clone().into());
        unit.insert("region".into(), req.region.clone().into());
        if let Some(l) = &req.level {
            unit.insert("level".into(), l.clone().into());
        }
        if !req.roles.is_empty() {
            unit.insert("roles".into(), req.roles.clone().into());
        }
        let doc = serde_json::json!({ "units": [unit] });
        let parsed = self.parse_facts(&doc.to_string(), crate::facts::Format::Json)?;
        let Some(u) = parsed.units.first() else {
            return Err(Vec::new());
        };
        let v = self.vocabulary(u, opts);
        let lex = &self.graph.lexicon;
        let q = |s: &str| serde_json::Value::from(s).to_string();
        let mut out = String::new();
        comment(
            &mut out,
            "",
            &t!(
                "template-head",
                kind = u.kind.as_str(),
                region = u.region.as_ref().map(|r| r.join("")).unwrap_or_default(),
                date = opts.as_of.to_string()
            ),
        );
        out.push_str(&format!("as_of: {}\n", opts.as_of));
        out.push_str("units:\n");
        out.push_str(&format!("  - id: {}\n", q(&u.id)));
        comment(&mut out, "    ", &t!("template-id"));
        out.push_str(&format!("    kind: {}\n", q(&u.kind)));
        out.push_str(&format!("    region: {}\n", q(&req.region)));
        match (u.level, &req.level) {
            (Some(l), Some(_)) => out.push_str(&format!("    level: {}\n", l.zh())),
            (Some(l), None) => comment(
                &mut out,
                "    ",
                &t!("template-level-fixed", level = l.zh()),
            ),
            (None, _) => comment(&mut out, "    ", &t!("template-level")),
        }
        if u.roles.is_empty() {
            let known: Vec<&str> = lex.roles.iter().map(|r| r.name.as_ref()).collect();
            comment(
                &mut out,
                "    ",
                &t!("template-roles", known = known.join(&t!("list-sep"))),
            );
        } else {
            let roles: Vec<String> = u.roles.iter().map(|r| q(r)).collect();
            out.push_str(&format!("    roles: [{}]\n", roles.join(", ")));
        }
        out.push_str("    facts:\n");
        if v.facts.is_empty() {
            comment(&mut out, "      ", &t!("template-none-facts"));
        }
        for f in &v.facts {
            let example = match lex.facts.iter().find(|x| x.name == f.name).map(|x| &x.ty) {
                Some(FactTy::Bool) => "true | false".to_string(),
                Some(FactTy::Number) => "0".to_string(),
                Some(FactTy::Date) => "YYYY-MM-DD".to_string(),
                Some(FactTy::Enum { values }) => values.join(" | "),
                None => String::new(),
            };
            comment(&mut out, "      ", &format!("{}: {example}", f.name));
            cites(&mut out, self, "      ", &f.cited_by);
        }
        out.push_str("    events:\n");
        if v.events.is_empty() {
            comment(&mut out, "      ", &t!("template-none-events"));
        }
        for e in &v.events {
            let attrs = lex
                .events
                .iter()
                .find(|x| x.name == e.name)
                .map(|x| {
                    x.attrs
                        .keys()
                        .map(|k| format!(", {k}: …"))
                        .collect::<String>()
                })
                .unwrap_or_default();
            comment(
                &mut out,
                "      ",
                &format!("- {{ type: {}, date: YYYY-MM-DD{attrs} }}", e.name),
            );
            cites(&mut out, self, "      ", &e.cited_by);
        }
        out.push_str("    actions:\n");
        if v.actions.is_empty() {
            comment(&mut out, "      ", &t!("template-none-actions"));
        }
        for a in &v.actions {
            comment(
                &mut out,
                "      ",
                &format!("- {{ type: {}, date: YYYY-MM-DD }}", a.name),
            );
            cites(&mut out, self, "      ", &a.cited_by);
        }
        Ok(out)
    }
}

fn type_word(ty: &str) -> String {
    match ty {
        "bool" => t!("terms-type-bool"),
        "number" => t!("terms-type-number"),
        "date" => t!("terms-type-date"),
        _ => t!("terms-type-enum"),
    }
}

impl Engine {
    /// [`Terms`] for people: one section per sort of term, each term with its
    /// aliases, type or values, and the provisions (with ordinance titles) using it.
    pub fn render_terms(&self, terms: &Terms) -> String {
        let sep = t!("list-sep");
        let mut out = match &terms.kind {
            Some(k) => t!("terms-title-kind", kind = k.as_str()),
            None => t!("terms-title-all"),
        };
        out.push('\n');
        if !terms.roles_given.is_empty() {
            out.push_str(&t!(
                "terms-roles-given",
                roles = terms.roles_given.join(&sep)
            ));
            out.push('\n');
        }
        let ords: Vec<String> = terms
            .ordinances
            .iter()
            .map(|o| format!("《{}》（{}）", o.title, o.id))
            .collect();
        out.push_str(&t!("terms-ordinances", list = ords.join(&sep)));
        out.push('\n');
        for (title, entries) in [
            ("terms-section-actors", &terms.actors),
            ("terms-section-roles", &terms.roles),
            ("terms-section-facts", &terms.facts),
            ("terms-section-events", &terms.events),
            ("terms-section-actions", &terms.actions),
            ("terms-section-sanctions", &terms.sanctions),
        ] {
            out.push('\n');
            out.push_str(&tiaoli_l10n::format(title, &[]));
            out.push_str(&format!("（{}）\n", entries.len()));
            if entries.is_empty() {
                out.push_str(&format!("  {}\n", t!("terms-empty")));
            }
            for e in entries {
                let mut notes: Vec<String> = Vec::new();
                if let Some(ty) = &e.ty {
                    notes.push(type_word(ty));
                }
                if !e.values.is_empty() {
                    notes.push(t!("terms-values", list = e.values.join(&sep)));
                }
                if !e.attrs.is_empty() {
                    let attrs: Vec<String> = e
                        .attrs
                        .iter()
                        .map(|a| match (&a.ty, a.values.is_empty()) {
                            (Some(ty), true) => format!("{}（{}）", a.name, type_word(ty)),
                            (_, false) => format!("{}（{}）", a.name, a.values.join("|")),
                            (None, true) => a.name.clone(),
                        })
                        .collect();
                    notes.push(t!("terms-attrs", list = attrs.join(&sep)));
                }
                if !e.aliases.is_empty() {
                    notes.push(t!("terms-aliases", list = e.aliases.join(&sep)));
                }
                if !e.parents.is_empty() {
                    notes.push(t!("terms-is-a", list = e.parents.join(" → ")));
                }
                if !e.levels.is_empty() {
                    notes.push(t!("terms-levels", list = e.levels.join(&sep)));
                }
                out.push_str(&format!("  {}", e.name));
                if !notes.is_empty() {
                    out.push_str(&format!("  {}", notes.join("；")));
                }
                out.push('\n');
                let cited = if e.cited_by.is_empty() {
                    t!("terms-unused")
                } else {
                    t!("terms-cited", list = self.cites_grouped(&e.cited_by))
                };
                out.push_str(&format!("    {cited}\n"));
            }
        }
        out
    }
}

/// The ordinances an article is looked up in: the one named (by id, title or a
/// part of its title), which must have it; or every loaded one that has it.
/// An article none has is an error naming the articles there are.
pub fn with_article<'g>(
    graph: &'g Graph,
    ordinance: Option<&str>,
    article: u32,
) -> Result<Vec<&'g OrdinanceGraph>, String> {
    let range = |o: &OrdinanceGraph| {
        let first = o
            .articles
            .first()
            .map(|a| a.cite.clone())
            .unwrap_or_default();
        let last = o
            .articles
            .last()
            .map(|a| a.cite.clone())
            .unwrap_or_default();
        t!(
            "article-range",
            title = o.title.as_str(),
            count = o.articles.len(),
            first = first,
            last = last
        )
    };
    match ordinance {
        Some(name) => {
            let o = find_ordinance(graph, name)?;
            if o.articles.iter().any(|a| a.number == article) {
                Ok(vec![o])
            } else {
                Err(t!("article-missing", article = article, range = range(o)))
            }
        }
        None => {
            let having: Vec<&OrdinanceGraph> = graph
                .ordinances
                .iter()
                .filter(|o| o.articles.iter().any(|a| a.number == article))
                .collect();
            if having.is_empty() {
                let ranges: Vec<String> = graph.ordinances.iter().map(range).collect();
                Err(t!(
                    "article-missing-everywhere",
                    article = article,
                    ranges = ranges.join("；")
                ))
            } else {
                Ok(having)
            }
        }
    }
}
