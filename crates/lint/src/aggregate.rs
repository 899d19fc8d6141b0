//! One finding per article for the checks found once per norm (L301, L302,
//! L501, L801, L1102): a drafter reads "第十条：3 项义务没有任何后果", with the
//! three listed under it, not three findings. `--verbose` skips this step.

use indexmap::IndexMap;

use crate::{codes, Finding};

/// The article a provision's eid lies in (`art_22__para_3` → 22).
fn article_of(eid: &str) -> Option<u32> {
    eid.strip_prefix("art_")?.split("__").next()?.parse().ok()
}

/// The article's citation from a provision's (第二十二条第三款 → 第二十二条).
fn article_cite(cite: &str) -> String {
    match cite.find('条') {
        Some(i) => cite.get(..i + '条'.len_utf8()).unwrap_or(cite).to_string(),
        None => cite.to_string(),
    }
}

/// The articles (citations, in order, once each) of the findings of one code.
pub fn articles_of(fs: &[Finding], code: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in fs.iter().filter(|f| f.code == code) {
        if let Some(p) = f.provisions.first() {
            let c = article_cite(&p.cite);
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

pub fn per_article(fs: Vec<Finding>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    let mut groups: IndexMap<(&'static str, u32), Vec<Finding>> = IndexMap::new();
    for f in fs {
        let per_article = codes::lookup(f.code).is_some_and(|c| c.per_article);
        let article = f.provisions.first().and_then(|p| article_of(&p.eid));
        match (per_article, article) {
            (true, Some(a)) => groups.entry((f.code, a)).or_default().push(f),
            _ => out.push(f),
        }
    }
    for ((code, _), group) in groups {
        if group.len() == 1 {
            out.extend(group);
            continue;
        }
        let Some(c) = codes::lookup(code) else {
            continue;
        };
        let mut it = group.into_iter();
        let Some(mut first) = it.next() else { continue };
        let cite = first
            .provisions
            .first()
            .map(|p| article_cite(&p.cite))
            .unwrap_or_default();
        let mut items = vec![std::mem::take(&mut first.message)];
        for f in it {
            items.push(f.message);
            for p in f.provisions {
                if !first.provisions.contains(&p) {
                    first.provisions.push(p);
                }
            }
            for t in f.targets {
                if !first.targets.contains(&t) {
                    first.targets.push(t);
                }
            }
        }
        first.message = tiaoli_l10n::t!(
            "lint-aggregated",
            cite = cite,
            summary = c.summary(),
            count = items.len()
        );
        first.items = items;
        out.push(first);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_of_eids_and_cites() {
        assert_eq!(article_of("art_22__para_3"), Some(22));
        assert_eq!(article_of("art_5"), Some(5));
        assert_eq!(article_cite("第二十二条第三款"), "第二十二条");
        assert_eq!(article_cite("第10条第（二）项"), "第10条");
    }
}
