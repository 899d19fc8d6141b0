//! L601, L602, L603: what the article texts refer to.
//! L601: 第N条 / 第M款 / 第（K）项 / 本条第M款 / 前款 pointing at a provision that is not
//! there. A reference right after 《…》 is to another instrument and is skipped
//! (so are the references listed after it: 《…》第五条、第六条). L602: a title
//! 《…》 of an instrument that a loaded ordinance in force repeals, or that is
//! itself repealed — except in the ordinance that repeals it. A repeal by a
//! draft, or by an ordinance whose entry into force is blank, is not in effect.
//! L603: 本条例 / 本规定 / 本规章 / 本办法 where the instrument calls itself
//! otherwise. L604, L605: the date of entry into force left blank — in a text
//! marked 施行 an error, in a draft a note.

use tiaoli_compiler::graph::{ArticleOut, OrdinanceGraph};
use tiaoli_l10n::t;
use tiaoli_syntax::ast::Status;
use tiaoli_syntax::chinese_numeral;

use crate::ctx::{article_provision, Ctx};
use crate::{codes, Finding};

const SELF_NAMES: &[&str] = &["本条例", "本规定", "本规章", "本办法", "本细则", "本决定"];
/// Words ending in 本 that are not 本 + a self-name (基本规定, 成本 …).
const NOT_SELF: &[char] = &[
    '基', '根', '成', '资', '样', '文', '版', '范', '副', '原', '课', '账', '剧', '标',
];

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十百千两".contains(c)
}

/// A reference found in a text: the numbers it names.
#[derive(Debug, PartialEq)]
struct Ref {
    article: Option<u32>,
    para: Option<u32>,
    item: Option<u32>,
    /// 前款 / 前两款: how many paragraphs back.
    back: Option<u32>,
    external: bool,
    text: String,
}

fn number(s: &str) -> Option<u32> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        s.parse().ok()
    } else {
        chinese_numeral(s)
    }
}

/// Scans a text for references. Tolerant: anything it cannot read is skipped.
fn scan(text: &str) -> Vec<Ref> {
    let cs: Vec<char> = text.chars().collect();
    let mut out: Vec<Ref> = Vec::new();
    let mut i = 0;
    let mut last_end: Option<usize> = None;
    let mut last_external = false;
    while i < cs.len() {
        let start = i;
        // 前款 / 前两款 (then perhaps 第（Z）项), or 第X条 [第Y款] [第（Z）项].
        let mut r = Ref {
            article: None,
            para: None,
            item: None,
            back: None,
            external: false,
            text: String::new(),
        };
        let mut j = i;
        let mut any = false;
        if cs.get(i) == Some(&'前') {
            match (cs.get(i + 1), cs.get(i + 2)) {
                (Some('款'), _) => {
                    r.back = Some(1);
                    j = i + 2;
                }
                (Some(c), Some('款')) if is_numeral(*c) => {
                    r.back = Some(number(&c.to_string()).unwrap_or(1));
                    j = i + 3;
                }
                _ => {}
            }
            any = r.back.is_some();
        }
        if !any && cs.get(i) != Some(&'第') {
            i += 1;
            continue;
        }
        let units: &[char] = if r.back.is_some() {
            &['项']
        } else {
            &['条', '款', '项']
        };
        for unit in units.iter().copied() {
            if cs.get(j) != Some(&'第') {
                continue;
            }
            let mut k = j + 1;
            let paren = matches!(cs.get(k), Some('（' | '('));
            if paren {
                k += 1;
            }
            let num_start = k;
            while cs.get(k).is_some_and(|c| is_numeral(*c)) {
                k += 1;
            }
            let num: String = cs
                .get(num_start..k)
                .map(|s| s.iter().collect())
                .unwrap_or_default();
            if paren && matches!(cs.get(k), Some('）' | ')')) {
                k += 1;
            }
            if num.is_empty() || cs.get(k) != Some(&unit) {
                continue;
            }
            let Some(n) = number(&num) else { continue };
            match unit {
                '条' => r.article = Some(n),
                '款' => r.para = Some(n),
                _ => r.item = Some(n),
            }
            any = true;
            j = k + 1;
        }
        if !any {
            i += 1;
            continue;
        }
        let before = start.checked_sub(1).and_then(|p| cs.get(p)).copied();
        let joined = last_end.is_some_and(|e| {
            cs.get(e..start)
                .map(|s| s.iter().collect::<String>())
                .is_some_and(|s| {
                    ["、", "，", "和", "或者", "及", "以及", "至", "或"].contains(&s.as_str())
                })
        });
        r.external = before == Some('》') || (joined && last_external);
        r.text = cs
            .get(start..j)
            .map(|s| s.iter().collect())
            .unwrap_or_default();
        last_external = r.external;
        last_end = Some(j);
        out.push(r);
        i = j;
    }
    out
}

fn exists(o: &OrdinanceGraph, here: &ArticleOut, para_idx: usize, r: &Ref) -> bool {
    if let Some(n) = r.back {
        let Some(p) = para_idx
            .checked_sub(n as usize)
            .and_then(|i| here.paragraphs.get(i))
        else {
            return false;
        };
        return r.item.is_none_or(|k| p.items.len() >= k as usize);
    }
    let art = match r.article {
        Some(n) => match o.articles.iter().find(|a| a.number == n) {
            Some(a) => a,
            None => return false,
        },
        None => here,
    };
    let para = match r.para {
        Some(p) => match art.paragraphs.get((p as usize).wrapping_sub(1)) {
            Some(x) => Some(x),
            None => return false,
        },
        // 第（三）项 alone: the paragraph it is read in.
        None if r.article.is_none() => art.paragraphs.get(para_idx),
        None => art.paragraphs.first(),
    };
    match r.item {
        Some(k) => para.is_some_and(|p| p.items.len() >= k as usize),
        None => true,
    }
}

fn title_key(s: &str) -> String {
    s.trim_matches(|c| c == '《' || c == '》')
        .trim()
        .to_string()
}

pub fn run(_ctx: &Ctx, o: &OrdinanceGraph, all: &[OrdinanceGraph], out: &mut Vec<Finding>) {
    let mut repealed: Vec<(String, String)> = Vec::new();
    for x in all {
        // A draft repeals nothing yet, nor does a text whose date is blank.
        let in_effect = !x.draft && x.in_force.is_some();
        for t in &x.repeals {
            if x.id != o.id && in_effect {
                repealed.push((title_key(t), t!("lint-repealed-by", title = &x.title)));
            }
        }
        if x.status == Status::Repealed || x.repealed_on.is_some() {
            repealed.push((title_key(&x.title), t!("lint-repealed")));
        }
    }
    entry_into_force(o, out);
    for a in &o.articles {
        let mut texts: Vec<(usize, String)> = Vec::new();
        for (pi, p) in a.paragraphs.iter().enumerate() {
            texts.push((pi, p.text.to_string()));
            for it in &p.items {
                texts.push((pi, it.text.to_string()));
            }
        }
        let mut missing: Vec<String> = Vec::new();
        let mut wrong: Vec<String> = Vec::new();
        let mut old: Vec<String> = Vec::new();
        for (pi, t) in &texts {
            for r in scan(t) {
                if !r.external && !exists(o, a, *pi, &r) && !missing.contains(&r.text) {
                    missing.push(r.text);
                }
            }
            for name in SELF_NAMES {
                for (pos, _) in t.match_indices(name) {
                    let prev = t.get(..pos).and_then(|s| s.chars().last());
                    if *name != o.self_name
                        && !prev.is_some_and(|c| NOT_SELF.contains(&c))
                        && !wrong.contains(&name.to_string())
                    {
                        wrong.push(name.to_string());
                    }
                }
            }
            {
                let mut rest = t.as_str();
                while let Some(s) = rest.find('《') {
                    let after = rest.get(s..).unwrap_or_default();
                    let Some(e) = after.find('》') else { break };
                    let title = title_key(after.get(..e).unwrap_or_default());
                    if let Some((_, why)) = repealed.iter().find(|(k, _)| *k == title) {
                        let m = t!("lint-repealed-title", title = &title, why = why);
                        if !old.contains(&m) {
                            old.push(m);
                        }
                    }
                    rest = after.get(e..).unwrap_or_default();
                }
            }
        }
        for m in missing {
            out.push(
                Finding::new(
                    codes::MISSING_REFERENCE,
                    o,
                    t!(
                        "lint-missing-reference",
                        cite = &a.cite,
                        reference = m,
                        self = &o.self_name
                    ),
                )
                .at(article_provision(o, a.number)),
            );
        }
        for w in wrong {
            out.push(
                Finding::new(
                    codes::WRONG_SELF_NAME,
                    o,
                    t!(
                        "lint-wrong-self-name",
                        cite = &a.cite,
                        written = w,
                        self = &o.self_name
                    ),
                )
                .at(article_provision(o, a.number)),
            );
        }
        for m in old {
            out.push(
                Finding::new(
                    codes::REPEALED_REFERENCE,
                    o,
                    t!("lint-repealed-reference", cite = &a.cite, reference = m),
                )
                .at(article_provision(o, a.number)),
            );
        }
    }
}

/// L604, L605: no date of entry into force. A text marked 施行 without one
/// cannot be applied to anyone from any day; a draft's blank date is to be set
/// before adoption (and its repeals wait for it).
fn entry_into_force(o: &OrdinanceGraph, out: &mut Vec<Finding>) {
    if o.in_force.is_some() {
        return;
    }
    let at = o
        .articles
        .iter()
        .find(|a| {
            a.kind == Some(tiaoli_syntax::ast::ArticleKind::Commencement)
                || a.text.contains("起施行")
        })
        .map(|a| a.number);
    let place = |f: Finding| match at {
        Some(n) => f.at(article_provision(o, n)),
        None => f.at((None, tiaoli_compiler::graph::AllowTarget::Ordinance)),
    };
    if o.status == Status::InForce {
        out.push(place(Finding::new(
            codes::IN_FORCE_WITHOUT_DATE,
            o,
            t!("lint-in-force-without-date", title = &o.title),
        )));
    } else if o.draft {
        let repeals = if o.repeals.is_empty() {
            String::new()
        } else {
            t!(
                "lint-draft-repeals",
                repeals = o.repeals.join(t!("list-sep").as_str())
            )
        };
        out.push(place(Finding::new(
            codes::DRAFT_WITHOUT_DATE,
            o,
            t!(
                "lint-draft-without-date",
                title = &o.title,
                status = o.status.zh(),
                repeals = repeals
            ),
        )));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn reads_references() {
        let r = scan("违反本条例第四十六条第一款第（二）项规定的，依照前款处理");
        assert_eq!(
            (r[0].article, r[0].para, r[0].item),
            (Some(46), Some(1), Some(2))
        );
        assert_eq!(r[1].back, Some(1));
        let r = scan("依照《中华人民共和国反恐怖主义法》第二十条、第三十条的规定；第一时间");
        assert_eq!(r.len(), 2);
        assert!(r.iter().all(|x| x.external));
        let r = scan("本条第二款和第5条");
        assert_eq!(
            (r[0].article, r[0].para, r[0].external),
            (None, Some(2), false)
        );
        assert_eq!((r[1].article, r[1].external), (Some(5), false));
    }
}
