//! Who imposes a measure, and to whom a report goes, for one unit: a selector of
//! the graph (`同级 市、县 平安建设组织协调机构`, `上级 人民政府`, `公安部门`)
//! resolved against the unit's level and region.
//!
//! A body is named only where the text names it at a level it allows: 同级 is
//! the body of the unit's own level in its region (平安区平安建设组织协调机构), 上级
//! the one a level above. Where the unit's level is one the text does not give
//! the body at (海东 第四十六条 empowers only 市、县（区） bodies; a township member
//! unit has none), or one at which that kind of body does not exist (the
//! lexicon's 级别), the result says which body it would be and that the text
//! leaves it open — it is never invented.

use serde::Serialize;
use tiaoli_compiler::graph::SelectorOut;
use tiaoli_l10n::t;
use tiaoli_syntax::ast::{Level, Relation};

use crate::facts::Unit;
use crate::plan::Engine;

/// A body resolved for a unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "resolved")]
pub enum Body {
    /// The body, named: 平安区平安建设组织协调机构（同级）.
    Named { name: String },
    /// The text leaves it open: which body it would be, and why it is open.
    Open { would_be: String, why: String },
}

impl Body {
    /// The name, when the text settles it.
    pub fn named(&self) -> Option<&str> {
        match self {
            Body::Named { name } => Some(name),
            Body::Open { .. } => None,
        }
    }

    /// For people: the name, or what it would be and why it is open.
    pub fn text(&self) -> String {
        match self {
            Body::Named { name } => name.clone(),
            Body::Open { would_be, why } => {
                t!(
                    "authority-open",
                    would_be = would_be.as_str(),
                    why = why.as_str()
                )
            }
        }
    }
}

fn level_words(levels: &[Level]) -> String {
    levels
        .iter()
        .map(|l| l.zh())
        .collect::<Vec<_>>()
        .join(&t!("list-sep"))
}

impl Engine {
    /// The unit's region with the level of each part (省, 市, 县 from the
    /// gazetteer; 乡, 村 below the county). Empty when the region is not given or
    /// may be several places.
    pub fn region_levels(&self, unit: &Unit) -> Vec<(String, Level)> {
        let Some(path) = &unit.region else {
            return Vec::new();
        };
        match self.regions.resolve(&path.join("/")) {
            Ok(r) => match r.places.as_slice() {
                [one] => self.regions.levelled(one),
                _ => Vec::new(),
            },
            Err(_) => Vec::new(),
        }
    }

    /// The levels the lexicon says a kind exists at (empty: any).
    fn kind_levels(&self, kind: &str) -> &[Level] {
        self.graph
            .lexicon
            .actors
            .iter()
            .find(|a| a.name == kind)
            .map(|a| a.levels.as_slice())
            .unwrap_or(&[])
    }

    /// Resolves an authority or a recipient for a unit.
    pub fn body(&self, s: &SelectorOut, unit: &Unit) -> Body {
        self.body_in(s, unit, &mut None)
    }

    /// [`Engine::body`], with the unit's [`Engine::region_levels`] looked up
    /// once for all the bodies of a unit (`path`, filled on first use).
    pub fn body_in(
        &self,
        s: &SelectorOut,
        unit: &Unit,
        path: &mut Option<Vec<(String, Level)>>,
    ) -> Body {
        if s.self_unit {
            return Body::Named {
                name: t!("body-self", unit = unit.id.as_str()),
            };
        }
        let levels = level_words(&s.levels);
        let (relation, target) = match s.relation {
            None => {
                return Body::Named {
                    name: format!("{levels}{}", s.term),
                }
            }
            Some(Relation::LowerLevel) => {
                return Body::Named {
                    name: t!("body-lower", term = s.term.as_ref()),
                }
            }
            Some(Relation::SameLevel) => (t!("relation-same"), unit.level),
            Some(Relation::UpperLevel) => (
                t!("relation-upper"),
                unit.level.and_then(|l| {
                    level_above(path.get_or_insert_with(|| self.region_levels(unit)), l)
                }),
            ),
        };
        let path = path.get_or_insert_with(|| self.region_levels(unit));
        let Some(level) = target else {
            // The unit's level is not given: which body is meant is undetermined.
            return Body::Open {
                would_be: format!("{relation}{levels}{}", s.term),
                why: t!("authority-why-no-level"),
            };
        };
        let place = path
            .iter()
            .rev()
            .find(|(_, l)| l.rank() == level.rank())
            .map(|(n, _)| n.as_str());
        let would_be = match place {
            Some(p) => format!("{p}{}", s.term),
            None => t!("body-at-level", level = level.zh(), term = s.term.as_ref()),
        };
        if !s.levels.is_empty() && !s.levels.iter().any(|l| l.rank() == level.rank()) {
            return Body::Open {
                would_be,
                why: t!(
                    "authority-why-level-not-named",
                    levels = levels.as_str(),
                    term = s.term.as_ref(),
                    level = level.zh()
                ),
            };
        }
        let exists = self.kind_levels(&s.term);
        if !exists.is_empty() && !exists.iter().any(|l| l.rank() == level.rank()) {
            return Body::Open {
                would_be,
                why: t!(
                    "authority-why-kind-not-at-level",
                    term = s.term.as_ref(),
                    levels = level_words(exists),
                    level = level.zh()
                ),
            };
        }
        Body::Named {
            name: format!("{would_be}（{relation}）"),
        }
    }

    /// Several bodies, any one of which (`或`) or each of which (`、`).
    pub fn bodies(&self, sels: &[SelectorOut], unit: &Unit) -> Vec<Body> {
        let mut path = None;
        sels.iter()
            .map(|s| self.body_in(s, unit, &mut path))
            .collect()
    }
}

/// The level of government above `level` for a unit in `path` (its
/// [`Engine::region_levels`]): the next part of its region outward, else the
/// next rank up.
fn level_above(path: &[(String, Level)], level: Level) -> Option<Level> {
    if let Some((_, l)) = path.iter().rev().find(|(_, l)| l.rank() < level.rank()) {
        return Some(*l);
    }
    match level {
        Level::Village => Some(Level::Township),
        Level::Township => Some(Level::County),
        Level::County => Some(Level::City),
        Level::City | Level::Prefecture => Some(Level::Province),
        Level::Province => None,
    }
}
