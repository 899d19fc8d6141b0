//! Small pieces of Chinese text handling shared by the passes: spaces, numbered
//! tokens (第N条), dates, and whether a word is a valid tiaoli name.

use tiaoli_syntax::chinese_numeral;

/// Whitespace as published texts have it: ASCII, the full-width space, no-break
/// and zero-width spaces, the byte-order mark.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{3000}' | '\u{a0}' | '\u{200b}' | '\u{feff}')
}

/// The text without any whitespace.
pub(crate) fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !is_space(*c)).collect()
}

/// Sentence punctuation: a heading never contains it.
pub(crate) fn has_sentence_punct(s: &str) -> bool {
    s.chars().any(|c| "。，；：、,;:！？!?".contains(c))
}

/// `第 … {unit}` at the start of a line: the number, whether Arabic, the token as
/// written (第四十六条) and the rest.
pub(crate) fn numbered(line: &str, unit: char) -> Option<(u32, bool, &str, &str)> {
    let rest = line.strip_prefix('第')?;
    let end = rest.find(unit)?;
    let num = rest.get(..end)?;
    if num.is_empty() || num.chars().count() > 6 {
        return None;
    }
    let arabic = num.chars().all(|c| c.is_ascii_digit());
    let n = if arabic {
        num.parse().ok()?
    } else {
        chinese_numeral(num)?
    };
    let token_end = '第'.len_utf8() + end + unit.len_utf8();
    Some((n, arabic, line.get(..token_end)?, line.get(token_end..)?))
}

/// 46 → 四十六 or 46, as the source numbers.
pub(crate) fn cn_or_arabic(n: u32, arabic: bool) -> String {
    if arabic {
        n.to_string()
    } else {
        tiaoli_syntax::format::to_chinese(n)
    }
}

/// A civil date, checked: "2024年10月1日" → (2024, 10, 1). The first full date in
/// `s` at or after byte `from`, with where it ends.
pub(crate) fn date_at(s: &str, from: usize) -> Option<(usize, usize, String)> {
    let tail = s.get(from..)?;
    let chars: Vec<(usize, char)> = tail.char_indices().collect();
    let ch = |i: usize| chars.get(i).map(|(_, c)| *c);
    let text = |a: usize, b: usize| -> String {
        chars
            .get(a..b)
            .unwrap_or(&[])
            .iter()
            .map(|(_, c)| *c)
            .filter(|c| !is_space(*c))
            .collect()
    };
    for i in 0..chars.len() {
        let starts = (i == 0 || !ch(i - 1).is_some_and(|c| c.is_ascii_digit()))
            && (0..4).all(|k| ch(i + k).is_some_and(|c| c.is_ascii_digit()))
            && ch(i + 4) == Some('年');
        if !starts {
            continue;
        }
        let Some(j) = (i + 5..(i + 9).min(chars.len())).find(|&j| ch(j) == Some('月')) else {
            continue;
        };
        let Some(k) = (j + 1..(j + 6).min(chars.len())).find(|&k| ch(k) == Some('日')) else {
            continue;
        };
        let (y, m, d) = (text(i, i + 4), text(i + 5, j), text(j + 1, k));
        let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) else {
            continue;
        };
        if !valid_date(y, m, d) {
            continue;
        }
        let at = chars.get(i).map(|(b, _)| from + *b)?;
        let end = chars.get(k).map(|(b, _)| from + *b + '日'.len_utf8())?;
        return Some((at, end, format!("{y:04}-{m:02}-{d:02}")));
    }
    None
}

/// The first valid date in `s`.
#[cfg(test)]
pub(crate) fn date_in(s: &str) -> Option<String> {
    date_at(s, 0).map(|(_, _, d)| d)
}

pub(crate) fn valid_date(y: i32, m: u32, d: u32) -> bool {
    // A year a regulation of ours can bear; the calendar is the compiler's.
    (1900..=2100).contains(&y) && tiaoli_compiler::valid_date(&format!("{y:04}-{m:02}-{d:02}"))
}

/// Whether `word` can stand as a name (辖区, the ordinance id) in a rule file: the
/// grammar decides, through a probe header.
pub(crate) fn is_name(word: &str) -> bool {
    if word.is_empty() || word.chars().any(is_space) {
        return false;
    }
    let probe = format!("条例 probe {{ 辖区 {word} }}");
    tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &probe).is_ok()
}

/// Normalises line endings: CRLF and lone CR (old Mac files) become LF.
pub(crate) fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert_eq!(
            date_in("本条例自2024年10月1日起施行。"),
            Some("2024-10-01".into())
        );
        assert_eq!(date_in("本条例自年月日起施行。"), None);
        assert_eq!(date_in("自2024年2月30日起施行"), None, "no such day");
        assert_eq!(date_in("2024年2月29日"), Some("2024-02-29".into()));
        assert_eq!(date_in("2023年2月29日"), None);
        assert_eq!(date_in("2022年   月   日"), None, "a blank date is no date");
    }

    #[test]
    fn names_follow_the_grammar() {
        assert!(is_name("海东市"));
        assert!(!is_name("2024年海东市"), "a name cannot begin with a digit");
        assert!(!is_name("市"), "a level word is reserved");
        assert!(!is_name("海东 市"));
    }

    #[test]
    fn numbered_tokens() {
        let (n, arabic, token, rest) = numbered("第四十六条　市、县", '条').unwrap();
        assert_eq!(
            (n, arabic, token, rest),
            (46, false, "第四十六条", "　市、县")
        );
        assert!(numbered("第条", '条').is_none());
    }
}
