//! Wording changes shown as an inline character diff (the `similar` crate):
//! the changed spans marked in place, with a little unchanged text around each
//! and the rest elided, so that an edit deep in a long article is on screen.

use similar::{Algorithm, ChangeTag, TextDiff};

/// One run of the diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Gone(String),
    Added(String),
}

/// How marked spans are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `[-删去的-]{+新增的+}`, as `git diff --word-diff` writes them.
    Plain,
    /// Plain, coloured for a terminal (red struck through, green).
    Ansi,
    /// `~~删去的~~**新增的**`.
    Markdown,
}

/// Unchanged characters kept on each side of a change.
pub const CONTEXT: usize = 16;

/// An unchanged run shorter than this between two changes is taken into them
/// (三十 → 十五 reads as one replacement, not [-三-]十{+五+}).
const GLUE: usize = 3;

/// The runs of a character diff of two texts (deterministic: Myers, no
/// deadline), with changes separated by a very short unchanged run joined.
pub fn pieces(old: &str, new: &str) -> Vec<Piece> {
    let raw = raw_pieces(old, new);
    let mut out: Vec<Piece> = Vec::new();
    let mut gone = String::new();
    let mut added = String::new();
    let mut open = false;
    let flush = |out: &mut Vec<Piece>, gone: &mut String, added: &mut String| {
        if !gone.is_empty() {
            out.push(Piece::Gone(std::mem::take(gone)));
        }
        if !added.is_empty() {
            out.push(Piece::Added(std::mem::take(added)));
        }
    };
    for (i, p) in raw.iter().enumerate() {
        match p {
            Piece::Gone(s) => {
                gone.push_str(s);
                open = true;
            }
            Piece::Added(s) => {
                added.push_str(s);
                open = true;
            }
            Piece::Same(s) => {
                let between = open
                    && s.chars().count() < GLUE
                    && raw.get(i + 1).is_some_and(|n| !matches!(n, Piece::Same(_)));
                if between {
                    gone.push_str(s);
                    added.push_str(s);
                } else {
                    flush(&mut out, &mut gone, &mut added);
                    open = false;
                    out.push(p.clone());
                }
            }
        }
    }
    flush(&mut out, &mut gone, &mut added);
    out
}

/// A changed stretch longer than this on both sides is first compared as a
/// whole: when it shares little of its wording, it reads as rewritten.
const LONG: usize = 40;

/// Below this bigram similarity ([`crate::articles::similarity`], Jaccard) a
/// long changed stretch is shown as rewritten — struck through whole, the new
/// wording whole — rather than as a confetti of one-character matches (的, 应当,
/// 部门) that says nothing. It also keeps the cost of an unrelated pair linear:
/// Myers is quadratic in how much two texts differ.
const REWRITTEN: f64 = 0.2;

fn raw_pieces(old: &str, new: &str) -> Vec<Piece> {
    let (o, n): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let pre = o.iter().zip(&n).take_while(|(a, b)| a == b).count();
    let (o_rest, n_rest) = (
        o.get(pre..).unwrap_or_default(),
        n.get(pre..).unwrap_or_default(),
    );
    let suf = o_rest
        .iter()
        .rev()
        .zip(n_rest.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let mid_o = o_rest.get(..o_rest.len() - suf).unwrap_or_default();
    let mid_n = n_rest.get(..n_rest.len() - suf).unwrap_or_default();
    if mid_o.len() > LONG && mid_n.len() > LONG {
        let (a, b): (String, String) = (mid_o.iter().collect(), mid_n.iter().collect());
        if crate::articles::similarity(&a, &b) < REWRITTEN {
            let same = |s: &[char]| (!s.is_empty()).then(|| Piece::Same(s.iter().collect()));
            let tail = o_rest.get(o_rest.len() - suf..).unwrap_or_default();
            return same(o.get(..pre).unwrap_or_default())
                .into_iter()
                .chain([Piece::Gone(a), Piece::Added(b)])
                .chain(same(tail))
                .collect();
        }
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .diff_chars(old, new);
    let mut out: Vec<Piece> = Vec::new();
    for ch in diff.iter_all_changes() {
        let v = ch.value();
        match (ch.tag(), out.last_mut()) {
            (ChangeTag::Equal, Some(Piece::Same(s)))
            | (ChangeTag::Delete, Some(Piece::Gone(s)))
            | (ChangeTag::Insert, Some(Piece::Added(s))) => s.push_str(v),
            (ChangeTag::Equal, _) => out.push(Piece::Same(v.to_string())),
            (ChangeTag::Delete, _) => out.push(Piece::Gone(v.to_string())),
            (ChangeTag::Insert, _) => out.push(Piece::Added(v.to_string())),
        }
    }
    out
}

fn first(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn last(s: &str, n: usize) -> String {
    let k = s.chars().count();
    s.chars().skip(k.saturating_sub(n)).collect()
}

/// The pieces with long unchanged runs cut down to `CONTEXT` characters next to
/// each change (…… where text is left out).
pub fn elided(ps: &[Piece]) -> Vec<Piece> {
    let n = ps.len();
    ps.iter()
        .enumerate()
        .map(|(i, p)| match p {
            Piece::Same(s) => {
                let len = s.chars().count();
                let (before, after) = (i > 0, i + 1 < n);
                match (before, after) {
                    (true, true) if len > 2 * CONTEXT + 2 => {
                        Piece::Same(format!("{}……{}", first(s, CONTEXT), last(s, CONTEXT)))
                    }
                    (false, true) if len > CONTEXT + 1 => {
                        Piece::Same(format!("……{}", last(s, CONTEXT)))
                    }
                    (true, false) if len > CONTEXT + 1 => {
                        Piece::Same(format!("{}……", first(s, CONTEXT)))
                    }
                    _ => p.clone(),
                }
            }
            other => other.clone(),
        })
        .collect()
}

fn md_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if matches!(
            c,
            '*' | '~' | '_' | '`' | '<' | '>' | '|' | '\\' | '[' | ']'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn mark(p: &Piece, style: Style) -> String {
    let one = |s: &str| s.replace('\n', " ");
    match (p, style) {
        (Piece::Same(s), Style::Markdown) => md_escape(&one(s)),
        (Piece::Same(s), _) => one(s),
        (Piece::Gone(s), Style::Plain) => format!("[-{}-]", one(s)),
        (Piece::Added(s), Style::Plain) => format!("{{+{}+}}", one(s)),
        (Piece::Gone(s), Style::Ansi) => format!("\u{1b}[31;9m[-{}-]\u{1b}[0m", one(s)),
        (Piece::Added(s), Style::Ansi) => format!("\u{1b}[32;1m{{+{}+}}\u{1b}[0m", one(s)),
        (Piece::Gone(s), Style::Markdown) => format!("~~{}~~", md_escape(&one(s))),
        (Piece::Added(s), Style::Markdown) => format!("**{}**", md_escape(&one(s))),
    }
}

/// The two texts as one line, changes marked, long unchanged runs elided.
pub fn line(old: &str, new: &str, style: Style) -> String {
    elided(&pieces(old, new))
        .iter()
        .map(|p| mark(p, style))
        .collect()
}

/// As [`line`], for Markdown, in lines of at most `width` characters of text:
/// a marked span cut by the wrap is closed and reopened, so each line renders.
pub fn wrapped_markdown(old: &str, new: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut used = 0usize;
    for p in elided(&pieces(old, new)) {
        let (text, ctor): (String, fn(String) -> Piece) = match p {
            Piece::Same(s) => (s, Piece::Same),
            Piece::Gone(s) => (s, Piece::Gone),
            Piece::Added(s) => (s, Piece::Added),
        };
        let mut rest: Vec<char> = text.replace('\n', " ").chars().collect();
        while !rest.is_empty() {
            let room = width.saturating_sub(used).max(1);
            let take: String = rest.iter().take(room).collect();
            rest = rest.into_iter().skip(room).collect();
            used += take.chars().count();
            cur.push_str(&mark(&ctor(take), Style::Markdown));
            if used >= width {
                lines.push(std::mem::take(&mut cur));
                used = 0;
            }
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_period_is_marked_in_place() {
        let old = "公安机关发现涉嫌电信网络诈骗的，应当自发现之日起三十日内向客户作出风险提示。";
        let new = "公安机关发现涉嫌电信网络诈骗的，应当自发现之日起十五日内向客户作出风险提示。";
        assert_eq!(
            line(old, new, Style::Plain),
            "……电信网络诈骗的，应当自发现之日起[-三十-]{+十五+}日内向客户作出风险提示。"
        );
        assert_eq!(
            line(old, new, Style::Markdown),
            "……电信网络诈骗的，应当自发现之日起~~三十~~**十五**日内向客户作出风险提示。"
        );
    }

    #[test]
    fn a_rewritten_stretch_is_shown_whole() {
        let old = "第一款。县级以上人民政府应当建立健全矛盾纠纷多元化解工作机制，统筹调解、仲裁、行政裁决、行政复议和诉讼等资源。末句。";
        let new = "第一款。任何单位和个人发现违法犯罪线索的，可以向公安机关举报，受理举报的机关对举报人的信息予以保密并给予奖励。末句。";
        let ps = pieces(old, new);
        assert_eq!(ps.len(), 4, "{ps:?}");
        assert_eq!(ps.first(), Some(&Piece::Same("第一款。".into())));
        assert_eq!(ps.last(), Some(&Piece::Same("。末句。".into())));
        // A long stretch edited in a few places is still marked in place.
        let edited = old.replace("仲裁", "公证").replace("诉讼", "信访");
        let ps = pieces(old, &edited);
        assert!(ps.len() > 4, "{ps:?}");
        assert!(ps.contains(&Piece::Gone("仲裁".into())), "{ps:?}");
    }

    #[test]
    fn wrapped_lines_are_bounded_and_keep_their_marks() {
        let old = "甲".repeat(300);
        let new = format!("{}乙乙乙乙乙{}", "甲".repeat(150), "甲".repeat(150));
        let lines = wrapped_markdown(&old, &new, 10);
        assert!(lines.len() > 1);
        for l in &lines {
            let text: String = l.replace("**", "").replace("~~", "");
            assert!(text.chars().count() <= 10, "{l}");
            assert_eq!(l.matches("**").count() % 2, 0, "{l}");
            assert_eq!(l.matches("~~").count() % 2, 0, "{l}");
        }
        let joined: String = lines.concat().replace("**", "").replace("~~", "");
        let plain: String = line(&old, &new, Style::Plain)
            .replace("{+", "")
            .replace("+}", "")
            .replace("[-", "")
            .replace("-]", "");
        assert_eq!(joined, plain);
    }
}
