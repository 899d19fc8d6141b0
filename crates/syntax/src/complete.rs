//! What may be written at a place in a text, for completion in editors: the
//! keywords the grammar accepts there — asked of the parser itself, one
//! candidate at a time, so the answer cannot drift from grammar/tiaoli.pest —
//! and the slot a name would fill (a subject after 主体, a sanction after 处理 …),
//! read from the statement the place is in.

use pest::Parser as _;

use crate::keywords::{words_spelled, Keyword, KEYWORDS, VALUE_WORDS};
use crate::parse::{Rule, TiaoliParser};

/// The slot a name at the place would fill. Which vocabulary kinds fit each slot
/// is the compiler's business (`tiaoli_compiler::names::slot_kinds`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Who: after 主体, 向, 由, 对象, 适用.
    Selector,
    /// A kind left out: after 除.
    ExceptKind,
    /// Whom a sanction reaches: after 对.
    Target,
    /// After 触发, 发生, 次数, 逾期, 期满, 限期, and 前 / 后 / 自 in a deadline.
    Event,
    /// After a modality (应当 …) or 未 in 逾期 … 未.
    Action,
    /// After 处理.
    Sanction,
    /// After 属于, 视同.
    Actor,
    /// A fact, in a condition: after 当, 除非, 情形, 且, 或, 非, (.
    Condition,
    /// A value of the fact before the comparison: `平安建设考评等次 = |`.
    Value { fact: String },
    /// A norm or consequence: after 违反, 优先于, 不能履行时替代.
    Norm,
}

/// What may stand at a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    /// Where the word being typed begins: a completion replaces `start..offset`.
    pub start: usize,
    /// The keywords the grammar accepts here, in table order.
    pub keywords: Vec<&'static Keyword>,
    /// Whether the grammar accepts a name here.
    pub name: bool,
    /// The slot a name would fill, when the statement says.
    pub slot: Option<Slot>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '（' | '）' | '·')
}

/// What may be written at byte `offset` of `text`.
pub fn expected_at(text: &str, offset: usize) -> Expected {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or("");
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let prefix = text.get(..start).unwrap_or("");
    if in_text_or_comment(prefix) {
        return Expected {
            start,
            keywords: Vec::new(),
            name: false,
            slot: None,
        };
    }
    let (keywords, name) = match accepting_prefix(prefix) {
        Some(base) => {
            let name = accepts(base, "补全占位名称");
            let keywords = KEYWORDS
                .iter()
                .chain(VALUE_WORDS.iter())
                .filter(|k| {
                    k.spellings.first().is_some_and(|s| {
                        // Where a name may stand, a word that could be a name
                        // (宗旨, 及时 …) is read as one: not a keyword there.
                        accepts(base, s) && !(name && can_be_name(s))
                    })
                })
                .collect();
            (keywords, name)
        }
        None => (Vec::new(), true),
    };
    let slot = if name { slot_before(prefix) } else { None };
    Expected {
        start,
        keywords,
        name,
        slot,
    }
}

/// Whether the end of `prefix` is inside a quoted text or a comment (texts and
/// comments stay on one line).
fn in_text_or_comment(prefix: &str) -> bool {
    let line = prefix.rsplit('\n').next().unwrap_or("");
    let mut in_text = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_text => {
                chars.next();
            }
            '"' => in_text = !in_text,
            '/' if !in_text && chars.peek() == Some(&'/') => return true,
            _ => {}
        }
    }
    in_text
}

/// The shortest tail of `prefix` that the grammar reads to its end without
/// error (from the start of the item the place is in, else from the start of
/// the text); `None` when even the whole prefix stops making sense before its
/// end.
fn accepting_prefix(prefix: &str) -> Option<&str> {
    let end = prefix.trim_end().len();
    let reads_to_end = |s: &str| match TiaoliParser::parse(Rule::file, s) {
        Ok(_) => true,
        Err(e) => error_pos(&e) >= s.trim_end().len(),
    };
    // Top-level items begin at the start of a line in canonical layout.
    let item_start = prefix
        .get(..end)
        .unwrap_or("")
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .chain(std::iter::once(0))
        .filter(|i| {
            prefix
                .get(*i..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| !c.is_whitespace() && c != '}' && c != '/')
        })
        .max();
    if let Some(i) = item_start.filter(|i| *i > 0) {
        let tail = prefix.get(i..).unwrap_or("");
        if reads_to_end(tail) {
            return Some(tail);
        }
    }
    reads_to_end(prefix).then_some(prefix)
}

fn error_pos(e: &pest::error::Error<Rule>) -> usize {
    match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    }
}

/// Whether the grammar reads `word` after `base`.
/// pest places an error at the last rule it tried, not at a missing `{`, so the
/// word is tried before a `{` too (词汇 {, 情形 之一 {).
fn accepts(base: &str, word: &str) -> bool {
    [" ", " { "].iter().any(|after| {
        match TiaoliParser::parse(Rule::file, &format!("{base}{word}{after}")) {
            Ok(_) => true,
            Err(e) => error_pos(&e) >= base.len() + word.len(),
        }
    })
}

/// Whether the grammar would read `word` as a name.
fn can_be_name(word: &str) -> bool {
    TiaoliParser::parse(Rule::ident, word)
        .ok()
        .and_then(|mut p| p.next())
        .is_some_and(|p| p.as_str() == word)
}

/// The previous word before byte `end` (skipping whitespace): its start and text.
fn word_before(text: &str, end: usize) -> Option<(usize, &str)> {
    let head = text.get(..end)?;
    let trimmed = head.trim_end_matches(|c: char| c.is_whitespace());
    let last = trimmed.chars().next_back()?;
    let start = if is_word_char(last) {
        trimmed
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_word_char(*c))
            .last()
            .map_or(trimmed.len(), |(i, _)| i)
    } else if "=<>!≠≤≥".contains(last) {
        trimmed
            .char_indices()
            .rev()
            .take_while(|(_, c)| "=<>!≠≤≥".contains(*c))
            .last()
            .map_or(trimmed.len(), |(i, _)| i)
    } else {
        trimmed.len() - last.len_utf8()
    };
    Some((start, trimmed.get(start..)?))
}

fn keyword_rules(word: &str) -> Vec<Rule> {
    words_spelled(word).map(|k| k.rule).collect()
}

/// Reads back from the place over the names and list separators of the
/// statement to its keyword, which says what the name fills.
fn slot_before(prefix: &str) -> Option<Slot> {
    let mut end = prefix.len();
    // At most a statement's worth of words.
    for _ in 0..64 {
        let (start, word) = word_before(prefix, end)?;
        let rules = keyword_rules(word);
        let has = |r: Rule| rules.contains(&r);
        if rules.is_empty() {
            match word {
                "、" | "," | "，" => {
                    // A list goes on: skip the name before the separator.
                    let (s, _) = word_before(prefix, start)?;
                    end = s;
                    continue;
                }
                "(" => return Some(Slot::Condition),
                "{" => {
                    let (_, w) = word_before(prefix, start)?;
                    let r = keyword_rules(w);
                    return (r.contains(&Rule::kw_any) || r.contains(&Rule::kw_all))
                        .then_some(Slot::Condition);
                }
                w if w.chars().all(|c| "=<>!≠≤≥".contains(c)) => {
                    let (_, fact) = word_before(prefix, start)?;
                    return Some(Slot::Value {
                        fact: fact.to_string(),
                    });
                }
                // An anchor before a ground: 第（一）项 …
                w if w.starts_with('第') && w.ends_with('项') => return Some(Slot::Condition),
                w if w.chars().all(is_word_char) && end == prefix.len() => {
                    // A name right before the place ends it: 主体 公安部门 | is
                    // not a subject slot any more.
                    return None;
                }
                _ => return None,
            }
        }
        if has(Rule::relation) || has(Rule::level) {
            end = start;
            continue;
        }
        let slot = if has(Rule::kw_subject)
            || has(Rule::kw_to)
            || has(Rule::kw_by)
            || has(Rule::kw_applies_to)
            || has(Rule::kw_as)
        {
            Slot::Selector
        } else if has(Rule::kw_except) {
            Slot::ExceptKind
        } else if has(Rule::kw_against) {
            Slot::Target
        } else if has(Rule::kw_on)
            || has(Rule::kw_occurred)
            || has(Rule::kw_count)
            || has(Rule::kw_overdue)
            || has(Rule::kw_by_order)
            || has(Rule::kw_period_end)
            || has(Rule::kw_before)
            || has(Rule::kw_after)
            || has(Rule::kw_from)
        {
            Slot::Event
        } else if has(Rule::modality) || has(Rule::kw_without) {
            Slot::Action
        } else if has(Rule::kw_impose) {
            Slot::Sanction
        } else if has(Rule::kw_may) {
            // 处理 可以 |
            let (_, w) = word_before(prefix, start)?;
            return keyword_rules(w)
                .contains(&Rule::kw_impose)
                .then_some(Slot::Sanction);
        } else if has(Rule::kw_is_a) || has(Rule::kw_deem) {
            Slot::Actor
        } else if has(Rule::kw_violated) || has(Rule::kw_overrides) || has(Rule::kw_fallback) {
            Slot::Norm
        } else if has(Rule::kw_or) {
            // 向 A 或 B, or a condition.
            let (s, _) = word_before(prefix, start)?;
            match slot_before(prefix.get(..s).unwrap_or("")) {
                Some(Slot::Selector) => Slot::Selector,
                _ => Slot::Condition,
            }
        } else if has(Rule::kw_when)
            || has(Rule::kw_unless)
            || has(Rule::kw_grounds)
            || has(Rule::kw_and)
            || has(Rule::kw_not)
        {
            Slot::Condition
        } else {
            return None;
        };
        return Some(slot);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_end(text: &str) -> Expected {
        expected_at(text, text.len())
    }

    fn has_kw(e: &Expected, zh: &str) -> bool {
        e.keywords.iter().any(|k| k.spellings.first() == Some(&zh))
    }

    const NORM: &str = "第二条 {\n  款 \"为了\"\n  规范 提示 {\n";

    #[test]
    fn after_subject_a_selector() {
        let e = at_end(&format!("{NORM}    主体 "));
        assert_eq!(e.slot, Some(Slot::Selector));
        assert!(e.name);
        assert!(has_kw(&e, "本单位") && has_kw(&e, "同级") && has_kw(&e, "省"));
        assert!(!has_kw(&e, "主体"), "{:?}", e.keywords);
    }

    #[test]
    fn a_word_being_typed_is_replaced() {
        let text = format!("{NORM}    主体 公安");
        let e = at_end(&text);
        assert_eq!(&text[e.start..], "公安");
        assert_eq!(e.slot, Some(Slot::Selector));
    }

    #[test]
    fn lists_and_levels_keep_the_slot() {
        let e = at_end(&format!("{NORM}    主体 同级 市、县 公安部门、"));
        assert_eq!(e.slot, Some(Slot::Selector));
        let e = at_end("第二条 {\n  后果 甲 {\n    处理 通报、");
        assert_eq!(e.slot, Some(Slot::Sanction));
    }

    #[test]
    fn statements_at_the_start_of_a_line() {
        let e = at_end(&format!("{NORM}    主体 公安部门\n    "));
        assert!(has_kw(&e, "应当") && has_kw(&e, "期限") && has_kw(&e, "触发"));
        assert!(has_kw(&e, "除"), "the selector may go on");
        assert!(!has_kw(&e, "处理"), "{:?}", e.keywords);
        assert_eq!(e.slot, None);
    }

    #[test]
    fn conditions_values_and_sanctions() {
        assert_eq!(
            at_end(&format!("{NORM}    当 ")).slot,
            Some(Slot::Condition)
        );
        assert_eq!(
            at_end(&format!("{NORM}    当 考评等次 = ")).slot,
            Some(Slot::Value {
                fact: "考评等次".into()
            })
        );
        assert_eq!(at_end(&format!("{NORM}    应当 ")).slot, Some(Slot::Action));
        assert_eq!(at_end(&format!("{NORM}    触发 ")).slot, Some(Slot::Event));
        let e = at_end("第二条 {\n  后果 甲 {\n    处理 ");
        assert_eq!(e.slot, Some(Slot::Sanction));
        assert!(has_kw(&e, "可以"));
    }

    #[test]
    fn nothing_inside_a_text_or_a_comment() {
        for text in [
            format!("{NORM}    // 主体 "),
            "第二条 {\n  款 \"主体 ".to_string(),
            "第二条 {\n  款 \"引\\\"主体 ".to_string(),
        ] {
            let e = at_end(&text);
            assert!(e.keywords.is_empty() && !e.name, "{text}");
        }
        let e = at_end("第二条 {\n  款 \"甲\" // 注\n  ");
        assert!(has_kw(&e, "款"));
    }

    #[test]
    fn top_level() {
        let e = at_end("");
        assert!(has_kw(&e, "条例") && has_kw(&e, "词汇"));
        assert!(!has_kw(&e, "主体"));
    }
}
