//! What `eval --unit` and `eval --status` select: units by id (an unknown id is
//! an error with a did-you-mean), and results by status (an unknown status is
//! an error listing the valid ones). The status filter is a view: the exit code
//! is the whole evaluation's, so hiding a violation never turns it into an
//! all-clear.

use tiaoli_l10n::t;
use tiaoli_syntax::diag::did_you_mean;

use crate::eval::Status;
use crate::facts::Unit;
use crate::report::{Report, Summary};

/// Every status, by the name JSON and `--status` use.
pub const STATUSES: [(&str, Status); 11] = [
    ("violated", Status::Violated),
    ("triggered", Status::Triggered),
    ("unknown", Status::Unknown),
    ("pending", Status::Pending),
    ("fulfilled", Status::Fulfilled),
    ("not_triggered", Status::NotTriggered),
    ("overridden", Status::Overridden),
    ("permitted", Status::Permitted),
    ("encouraged", Status::Encouraged),
    ("lapsed", Status::Lapsed),
    ("expired", Status::Expired),
];

/// `violated,triggered`: the statuses named (also `-` for `_`), or an error.
pub fn parse_statuses(list: &str) -> Result<Vec<Status>, String> {
    let mut out = Vec::new();
    for word in list.split([',', '，', '、']).map(str::trim) {
        if word.is_empty() {
            continue;
        }
        let w = word.to_ascii_lowercase().replace('-', "_");
        match STATUSES.iter().find(|(n, _)| *n == w) {
            Some((_, s)) => {
                if !out.contains(s) {
                    out.push(*s);
                }
            }
            None => {
                let names: Vec<&str> = STATUSES.iter().map(|(n, _)| *n).collect();
                let known = names.join(", ");
                return Err(match did_you_mean(&w, names.iter().copied()) {
                    Some(h) => t!(
                        "filter-status-unknown-hint",
                        name = word,
                        hint = h,
                        known = known
                    ),
                    None => t!("filter-status-unknown", name = word, known = known),
                });
            }
        }
    }
    if out.is_empty() {
        return Err(t!(
            "filter-status-empty",
            known = STATUSES
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok(out)
}

/// The units with the ids given (each id may also be a comma list), in the
/// file's order; an id no unit has is an error naming the nearest one.
pub fn select_units(units: Vec<Unit>, ids: &[String]) -> Result<Vec<Unit>, String> {
    if ids.is_empty() {
        return Ok(units);
    }
    let wanted: Vec<&str> = ids
        .iter()
        .flat_map(|s| s.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    for w in &wanted {
        if !units.iter().any(|u| u.id == *w) {
            let known: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
            let list = if known.len() <= 20 {
                known.join(&t!("list-sep"))
            } else {
                t!("filter-units-many", count = known.len())
            };
            return Err(match did_you_mean(w, known.iter().copied()) {
                Some(h) => t!(
                    "filter-unit-unknown-hint",
                    unit = *w,
                    hint = h,
                    known = list
                ),
                None => t!("filter-unit-unknown", unit = *w, known = list),
            });
        }
    }
    Ok(units
        .into_iter()
        .filter(|u| wanted.contains(&u.id.as_str()))
        .collect())
}

impl Report {
    /// Keeps only the results of these statuses; the summary counts what is
    /// kept. The caller takes the exit code before (it is the evaluation's).
    pub fn keep_statuses(&mut self, keep: &[Status]) {
        let mut summary = Summary {
            units: self.units.len(),
            ..Summary::default()
        };
        for u in &mut self.units {
            u.results.retain(|f| keep.contains(&f.status));
            for f in &u.results {
                summary.results += 1;
                match f.status {
                    Status::Violated => summary.violated += 1,
                    Status::Triggered => summary.triggered += 1,
                    Status::Pending => summary.pending += 1,
                    Status::Unknown => summary.unknown += 1,
                    _ => {}
                }
            }
        }
        self.summary = summary;
    }
}
