//! Whether two versions are versions of one ordinance. The diff pairs
//! ordinances by id, and the one left on each side with each other (an id
//! renamed). Two ordinances of different jurisdictions paired so are two
//! different laws: comparing them "as one" gives hundreds of changes that mean
//! nothing, so the CLI (`tiaoli diff`) and the server (`/v1/diff`) refuse it
//! unless asked for.

use tiaoli_compiler::graph::{Graph, OrdinanceGraph};
use tiaoli_l10n::t;

/// One side's unpaired ordinance, as the messages name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub id: String,
    pub title: String,
    pub jurisdiction: String,
}

/// How the unpaired ordinances of the two versions pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pairing {
    /// Every ordinance has its id on both sides, or more than one is left on a
    /// side (each compared as added or removed).
    ById,
    /// One left on each side, of one jurisdiction: the id was changed.
    Renamed { old: Named, new: Named },
    /// One left on each side, of two jurisdictions: two different laws.
    Different { old: Named, new: Named },
}

impl Pairing {
    /// The note or error to print, in the current language (None when paired
    /// by id).
    pub fn message(&self) -> Option<String> {
        match self {
            Pairing::ById => None,
            Pairing::Renamed { old, new } => Some(t!(
                "diff-pairing-renamed",
                old = &old.id,
                new = &new.id,
                jurisdiction = &old.jurisdiction
            )),
            Pairing::Different { old, new } => Some(t!(
                "diff-pairing-different",
                old = &old.id,
                old_title = &old.title,
                old_jurisdiction = &old.jurisdiction,
                new = &new.id,
                new_title = &new.title,
                new_jurisdiction = &new.jurisdiction
            )),
        }
    }
}

fn unpaired<'a>(a: &'a Graph, b: &Graph) -> Vec<&'a OrdinanceGraph> {
    a.ordinances
        .iter()
        .filter(|o| !b.ordinances.iter().any(|n| n.id == o.id))
        .collect()
}

fn named(o: &OrdinanceGraph) -> Named {
    Named {
        id: o.id.clone(),
        title: o.title.clone(),
        jurisdiction: o.jurisdiction.clone(),
    }
}

/// How `diff(old, new)` will pair the ordinances left without their id.
pub fn pairing(old: &Graph, new: &Graph) -> Pairing {
    let (o, n) = (unpaired(old, new), unpaired(new, old));
    let ([a], [b]) = (o.as_slice(), n.as_slice()) else {
        return Pairing::ById;
    };
    let (old, new) = (named(a), named(b));
    if old.jurisdiction == new.jurisdiction {
        Pairing::Renamed { old, new }
    } else {
        Pairing::Different { old, new }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(id: &str, jurisdiction: &str) -> Graph {
        let text = format!(
            "条例 {id} {{\n  标题 \"测试\"\n  辖区 {jurisdiction}\n  级别 市\n  状态 草案\n  施行日期 未知\n}}\n\n第1条 {{\n  款 \"公安机关应当报告。\"\n}}\n"
        );
        tiaoli_compiler::compile_texts(&[("t.tiaoli", text.as_str())]).graph
    }

    #[test]
    fn same_ids_renamed_ids_and_two_laws() {
        let a = graph("a", "示例市");
        assert_eq!(pairing(&a, &a), Pairing::ById);
        let renamed = pairing(&a, &graph("b", "示例市"));
        assert!(matches!(renamed, Pairing::Renamed { .. }), "{renamed:?}");
        assert!(renamed
            .message()
            .unwrap_or_default()
            .contains("由 a 改为 b"));
        let two = pairing(&a, &graph("c", "别的市"));
        assert!(matches!(two, Pairing::Different { .. }), "{two:?}");
        assert!(two
            .message()
            .unwrap_or_default()
            .contains("a《测试》（示例市）与 c《测试》（别的市）不是同一部条例"));
    }
}
