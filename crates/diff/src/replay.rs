//! Replaying units against both versions: which verdicts the change alters.
//!
//! Each side is evaluated by the engine on its own compiled graph (never the
//! AST), with the same evaluation date and options. A unit's results are keyed
//! by ordinance and the norm's or consequence's name, so that a renumbered
//! article is no change; a result present on one side only (the norm does not
//! bind the unit there, or does not exist) is shown with no verdict on the other.

use std::collections::BTreeMap;

use serde::Serialize;
use tiaoli_engine::eval::Tri;
use tiaoli_engine::facts::Unit;
use tiaoli_engine::report::Finding;
use tiaoli_engine::{Engine, Options, Status};

/// A unit's verdict on one norm or consequence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Verdict {
    pub cite: String,
    pub status: Status,
    /// The last day, where there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// The measures the unit faces (those whose own condition does not fail).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sanctions: Vec<String>,
}

impl Verdict {
    fn same(&self, other: &Verdict) -> bool {
        self.status == other.status && self.due == other.due && self.sanctions == other.sanctions
    }
}

/// One verdict that differs between the versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerdictChange {
    pub unit: String,
    pub ordinance: String,
    /// `norm` or `consequence`.
    pub kind: String,
    pub name: String,
    /// None: no result on that side (not binding the unit, or not there).
    pub old: Option<Verdict>,
    pub new: Option<Verdict>,
}

type Key = (String, String, String);

fn verdicts(engine: &Engine, unit: &Unit, opts: Options) -> BTreeMap<Key, Verdict> {
    let ev = engine.evaluate(unit, opts);
    let report = engine.unit_report(&ev, opts);
    report
        .results
        .into_iter()
        .map(|f| (key(&f), verdict(f)))
        .collect()
}

fn key(f: &Finding) -> Key {
    (f.ordinance.clone(), f.kind.to_string(), f.norm.clone())
}

fn verdict(f: Finding) -> Verdict {
    let mut sanctions: Vec<String> = f
        .sanctions
        .iter()
        .filter(|s| s.applies != Tri::False)
        .map(|s| s.kind.clone())
        .collect();
    sanctions.sort();
    sanctions.dedup();
    Verdict {
        cite: f.cite,
        status: f.status,
        due: f.due.map(|d| d.to_string()),
        sanctions,
    }
}

/// Evaluates every unit against both versions; returns the verdicts that differ,
/// unit by unit (in the order of the facts file), then by ordinance and name.
/// Units are paired by id; `old_units` and `new_units` are the same facts file
/// read against each version's lexicon.
pub fn replay(
    old: &Engine,
    new: &Engine,
    old_units: &[Unit],
    new_units: &[Unit],
    opts: Options,
) -> Vec<VerdictChange> {
    let mut out = Vec::new();
    for nu in new_units {
        let Some(ou) = old_units.iter().find(|u| u.id == nu.id) else {
            continue;
        };
        let mut a = verdicts(old, ou, opts);
        let b = verdicts(new, nu, opts);
        let mut keys: Vec<Key> = a.keys().chain(b.keys()).cloned().collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            let x = a.remove(&k);
            let y = b.get(&k).cloned();
            let same = match (&x, &y) {
                (Some(x), Some(y)) => x.same(y),
                (None, None) => true,
                _ => false,
            };
            if !same {
                out.push(VerdictChange {
                    unit: nu.id.clone(),
                    ordinance: k.0,
                    kind: k.1,
                    name: k.2,
                    old: x,
                    new: y,
                });
            }
        }
    }
    out
}
