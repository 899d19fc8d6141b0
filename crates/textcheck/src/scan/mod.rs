//! What a provision's verbatim text says that an encoding must reflect: periods
//! (三十日, 五个工作日, 3个月, 一年), fixed rhythms (每年, 每季度), modal verbs (应当,
//! 必须, 不得, 可以, 鼓励 …), the measures of the sanction catalogue and the actors
//! of the lexicon (by name or alias), 除…外 exclusions, and the date of entry
//! into force. A tolerant scanner: what it cannot read is not a signal.

use serde::Serialize;
use tiaoli_compiler::graph::LexiconOut;
use tiaoli_syntax::ast::{ModalityClass, Periodic, TimeUnit};
use tiaoli_syntax::chinese_numeral;

mod forms;
mod modals;
mod time;

pub use forms::*;
use modals::*;
use time::*;

/// A unit of time as a text writes it. Hours have no counterpart in the
/// language, so a text that counts hours always needs a reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Hours,
    Days,
    WorkingDays,
    Months,
    Years,
}

impl Unit {
    pub fn zh(self) -> &'static str {
        match self {
            Unit::Hours => "小时",
            Unit::Days => "日",
            Unit::WorkingDays => "个工作日",
            Unit::Months => "个月",
            Unit::Years => "年",
        }
    }
}

impl From<TimeUnit> for Unit {
    fn from(u: TimeUnit) -> Unit {
        match u {
            TimeUnit::Days => Unit::Days,
            TimeUnit::WorkingDays => Unit::WorkingDays,
            TimeUnit::Months => Unit::Months,
            TimeUnit::Years => Unit::Years,
        }
    }
}

/// One thing a text says that its encoding must reflect.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Signal {
    /// N 日 / N 个工作日 / N 个月 / N 年 / N 小时.
    Period { amount: u32, unit: Unit },
    /// 每年, 每半年, 每季度, 每月.
    Periodic { period: Periodic },
    /// 及时, 立即, 定期: a deadline the text leaves vague. Not compared with the
    /// encoding (the words have other uses: 及时发现), only between two versions
    /// of a text (及时 → 立即 is a change to the law).
    Vague { word: String },
    /// A modal verb, with its class.
    Modal { word: String, class: ModalityClass },
    /// A measure of the sanction catalogue, by its canonical name.
    Sanction { name: String },
    /// An actor kind or role of the lexicon, by its canonical name.
    Actor { name: String },
    /// 除……外, ……的除外.
    Exception,
    /// The date of entry into force (`YYYY-MM-DD`), or `None` where the text
    /// leaves it blank (本条例自 年 月 日起施行).
    Date { date: Option<String> },
}

impl Signal {
    /// As a drafter reads it: 三十日 → "30日", 必须, 通报, 除……外.
    pub fn show(&self) -> String {
        match self {
            Signal::Period { amount, unit } => format!("{amount}{}", unit.zh()),
            Signal::Periodic { period } => period.zh().to_string(),
            Signal::Vague { word } => word.clone(),
            Signal::Modal { word, .. } => word.clone(),
            Signal::Sanction { name } | Signal::Actor { name } => name.clone(),
            Signal::Exception => "除……外".into(),
            Signal::Date { date: Some(d) } => d.clone(),
            Signal::Date { date: None } => tiaoli_l10n::t!("text-date-blank"),
        }
    }
}

/// A signal where it was found: the words as written and the sentence around them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Found {
    pub signal: Signal,
    /// The words as the text writes them (三十日, 公安机关).
    pub words: String,
    /// The sentence (up to 。 or ；) that holds them.
    pub sentence: String,
}

/// Half-width brackets as the lexicon writes them (乡(镇) → 乡（镇）).
pub fn normalize(text: &str) -> String {
    text.replace('(', "（").replace(')', "）")
}

/// The sentence around char index `at`: from the last 。；; before it to the next.
pub(super) fn sentence(cs: &[char], at: usize) -> String {
    let stop = |c: &char| matches!(c, '。' | '；' | ';' | '\n');
    let start = cs
        .get(..at)
        .and_then(|s| s.iter().rposition(stop))
        .map(|p| p + 1)
        .unwrap_or(0);
    let end = cs
        .get(at..)
        .and_then(|s| s.iter().position(stop))
        .map(|p| at + p + 1)
        .unwrap_or(cs.len());
    cs.get(start..end)
        .map(|s| s.iter().collect::<String>())
        .unwrap_or_default()
        .trim()
        .to_string()
}

pub(super) fn slice(cs: &[char], a: usize, b: usize) -> String {
    cs.get(a..b).map(|s| s.iter().collect()).unwrap_or_default()
}

/// Every signal of one provision's text, in kind order then text order.
pub fn scan(text: &str, vocab: &Vocabulary) -> Vec<Found> {
    let text = &normalize(text);
    let cs: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    periods(&cs, &mut out);
    periodics(&cs, &mut out);
    vague(&cs, &mut out);
    // Measures first, so that the 不得 of 不得评为优秀等次 is no prohibition.
    let mut sanctions = matches(&cs, &vocab.sanctions);
    split_liability(&cs, vocab, &mut sanctions);
    let mut masked = cs.clone();
    for (s, e, name) in &sanctions {
        out.push(Found {
            signal: Signal::Sanction {
                name: name.to_string(),
            },
            words: slice(&cs, *s, *e),
            sentence: sentence(&cs, *s),
        });
        for k in *s..*e {
            if let Some(c) = masked.get_mut(k) {
                *c = '□';
            }
        }
    }
    modals(&masked, &cs, &mut out);
    let mut actors: Vec<&str> = Vec::new();
    for (s, e, name) in actor_matches(&cs, &vocab.actors) {
        actors.push(name);
        out.push(Found {
            signal: Signal::Actor {
                name: name.to_string(),
            },
            words: slice(&cs, s, e),
            sentence: sentence(&cs, s),
        });
    }
    // X的Y → XY (大型群众性活动的场所管理者): the text without 的, read as the text.
    if text.contains('的') {
        let nd: Vec<char> = text.chars().filter(|c| *c != '的').collect();
        for (s, e, name) in actor_matches(&nd, &vocab.actors) {
            if !actors.contains(&name) {
                actors.push(name);
                out.push(Found {
                    signal: Signal::Actor {
                        name: name.to_string(),
                    },
                    words: slice(&nd, s, e),
                    sentence: sentence(&nd, s),
                });
            }
        }
    }
    // A phrase spelt out of shorthand is an actor's name already (乡镇, 街道 of
    // 乡镇（街道）): no need to be inside a list.
    for phrase in shorthand(text).split('。') {
        let ps: Vec<char> = phrase.chars().collect();
        for (s, e, name) in matches(&ps, &vocab.actors) {
            if !actors.contains(&name) {
                actors.push(name);
                out.push(Found {
                    signal: Signal::Actor {
                        name: name.to_string(),
                    },
                    words: slice(&ps, s, e),
                    sentence: phrase.to_string(),
                });
            }
        }
    }
    exceptions(&cs, &mut out);
    out
}

/// Whether a text has a clause with no modal verb before it in its sentence
/// (a declarative clause: "国家机关加强……", "培育和弘扬……志愿精神，鼓励……"),
/// which the language reads as 负责.
pub fn declarative(text: &str) -> bool {
    sentences(text).iter().any(|s| {
        let first = s.split(['，', ',', '：']).next().unwrap_or(s);
        let cs: Vec<char> = first.chars().collect();
        let mut v = Vec::new();
        modals(&cs, &cs, &mut v);
        v.is_empty()
    })
}

/// The sentences of a text (up to 。 or ；).
pub fn sentences(text: &str) -> Vec<String> {
    text.split(['。', '；', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn sig(text: &str) -> Vec<Signal> {
        scan(text, &Vocabulary::default())
            .into_iter()
            .map(|f| f.signal)
            .collect()
    }

    #[test]
    fn periods_in_chinese_and_arabic_numerals() {
        let s = sig(
            "可以自调解协议生效之日起三十日内共同申请；在接待日之前的五个工作日公布；3个月内；一年",
        );
        assert!(s.contains(&Signal::Period {
            amount: 30,
            unit: Unit::Days
        }));
        assert!(s.contains(&Signal::Period {
            amount: 5,
            unit: Unit::WorkingDays
        }));
        assert!(s.contains(&Signal::Period {
            amount: 3,
            unit: Unit::Months
        }));
        assert!(s.contains(&Signal::Period {
            amount: 1,
            unit: Unit::Years
        }));
    }

    #[test]
    fn dates_are_no_periods() {
        assert_eq!(
            sig("本条例自2024年10月1日起施行。"),
            vec![Signal::Date {
                date: Some("2024-10-01".into())
            }]
        );
        assert_eq!(
            sig("本规定自2022年   月   日起施行。"),
            vec![Signal::Date { date: None }]
        );
        assert_eq!(
            sig("本条例自年月日起施行。"),
            vec![Signal::Date { date: None }]
        );
        assert!(sig("第三十日").is_empty());
    }

    #[test]
    fn modal_verbs_and_their_binding() {
        let s = sig("县级以上人民政府应当鼓励企业参与；任何单位不得阻挠；可以申请；不得不");
        let words: Vec<String> = s.iter().map(Signal::show).collect();
        assert_eq!(words, vec!["应当", "不得", "可以"]);
        let s = sig("应急管理部门应建立制度，相应措施");
        let words: Vec<String> = s.iter().map(Signal::show).collect();
        assert_eq!(words, vec!["应"]);
    }

    #[test]
    fn exceptions_but_not_removal() {
        assert_eq!(sig("除公安机关外，其他部门负责"), vec![Signal::Exception]);
        assert_eq!(sig("法律另有规定的除外"), vec![Signal::Exception]);
        assert!(sig("消除隐患，扫黑除恶，以外").is_empty());
    }
}

#[cfg(test)]
mod modal_table {
    #[test]
    fn the_modal_characters_spell_the_modals() {
        assert_eq!(super::MODAL_CHARS.len(), super::MODALS.len());
        for (cs, (w, _)) in super::MODAL_CHARS.iter().zip(super::MODALS) {
            assert_eq!(cs.iter().collect::<String>(), *w);
        }
    }
}
