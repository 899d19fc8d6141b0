//! The code lists read into rows and a name index. The build script runs this
//! once over the shipped files and writes the result as static data
//! (`OUT_DIR/gazetteer.rs`), so a run starts with the gazetteer built; the
//! library's tests run it again and compare (docs/performance.md, Cold start).

use crate::names::short_forms;
use crate::tier::Tier;

/// A division as read from the lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub name: String,
    pub code: Option<u32>,
    pub parent: Option<usize>,
    pub tier: Tier,
    pub zone: bool,
}

/// The lists read: their `#` header, the divisions in file order (divisions,
/// then zones), and every official name and short form with the divisions it
/// may be, in the order the names are first met.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub source: Vec<String>,
    pub rows: Vec<Row>,
    pub index: Vec<(String, Vec<usize>)>,
}

/// Reads the divisions file (`code<TAB>name<TAB>parent`) and the zones file
/// (`name<TAB>short、short<TAB>parent code<TAB>source`).
pub fn read(divisions: &str, zones: &str) -> Result<Table, String> {
    let mut t = Table::default();
    let mut by_code: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    let mut parents: Vec<Option<u32>> = Vec::new();
    for (n, line) in divisions.lines().enumerate() {
        if let Some(c) = line.strip_prefix('#') {
            t.source.push(c.trim().to_string());
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let mut cells = line.split('\t');
        let (Some(code), Some(name)) = (cells.next(), cells.next()) else {
            return Err(format!(
                "cn-divisions.tsv:{}: expected code, name, parent",
                n + 1
            ));
        };
        let code: u32 = code
            .trim()
            .parse()
            .map_err(|_| format!("cn-divisions.tsv:{}: “{code}” is not a code", n + 1))?;
        let parent = match cells.next().map(str::trim) {
            None | Some("") => None,
            Some(p) => Some(
                p.parse::<u32>()
                    .map_err(|_| format!("cn-divisions.tsv:{}: “{p}” is not a code", n + 1))?,
            ),
        };
        by_code.insert(code, t.rows.len());
        parents.push(parent);
        t.rows.push(Row {
            name: name.trim().to_string(),
            code: Some(code),
            parent: None,
            tier: tier_of_code(code),
            zone: false,
        });
    }
    for (i, p) in parents.iter().enumerate() {
        if let Some(p) = p {
            let Some(pi) = by_code.get(p).copied() else {
                return Err(format!("cn-divisions.tsv: parent {p} of {i} is not listed"));
            };
            if let Some(d) = t.rows.get_mut(i) {
                d.parent = Some(pi);
            }
        }
    }
    let mut zone_shorts: Vec<(usize, Vec<String>)> = Vec::new();
    for (n, line) in zones.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (Some(name), Some(shorts), Some(parent), Some(source)) =
            (cells.first(), cells.get(1), cells.get(2), cells.get(3))
        else {
            return Err(format!(
                "zones.tsv:{}: expected name, short forms, parent, source",
                n + 1
            ));
        };
        if source.is_empty() {
            return Err(format!("zones.tsv:{}: a zone needs its source", n + 1));
        }
        let parent = parent
            .parse::<u32>()
            .ok()
            .and_then(|p| by_code.get(&p).copied())
            .ok_or_else(|| format!("zones.tsv:{}: parent “{parent}” is not listed", n + 1))?;
        zone_shorts.push((
            t.rows.len(),
            shorts
                .split('、')
                .map(str::to_string)
                .filter(|s| !s.is_empty())
                .collect(),
        ));
        t.rows.push(Row {
            name: name.to_string(),
            code: None,
            parent: Some(parent),
            tier: Tier::County,
            zone: true,
        });
    }
    t.index = index(&t.rows, &zone_shorts);
    Ok(t)
}

/// Every name and short form of `rows` (and the extra short forms given for
/// some of them) → the rows it may be, in the order the names are first met.
pub fn index(rows: &[Row], extra_shorts: &[(usize, Vec<String>)]) -> Vec<(String, Vec<usize>)> {
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out: Vec<(String, Vec<usize>)> = Vec::new();
    let mut add = |key: String, i: usize| match at.get(&key) {
        Some(&k) => {
            if let Some((_, hits)) = out.get_mut(k) {
                if !hits.contains(&i) {
                    hits.push(i);
                }
            }
        }
        None => {
            at.insert(key.clone(), out.len());
            out.push((key, vec![i]));
        }
    };
    for (i, d) in rows.iter().enumerate() {
        add(d.name.clone(), i);
        let extra = extra_shorts
            .iter()
            .filter(|(k, _)| *k == i)
            .flat_map(|(_, s)| s.iter().cloned());
        for n in short_forms(&d.name).into_iter().chain(extra) {
            add(n, i);
        }
    }
    out
}

/// The tier a code implies: 630000 a province, 630200 a prefecture, 630224 a county.
fn tier_of_code(code: u32) -> Tier {
    if code.is_multiple_of(10_000) {
        Tier::Province
    } else if code.is_multiple_of(100) {
        Tier::Prefecture
    } else {
        Tier::County
    }
}
