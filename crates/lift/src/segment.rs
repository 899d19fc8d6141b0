//! Segmentation: a published or draft text → its preamble, chapters, sections and
//! articles (with paragraphs and items), every character accounted for.
//!
//! The forms real texts take: 第N条 followed by a space, by a bracketed heading
//! (第一条【立法目的】) or, when the number is the next one expected, directly by the
//! text; chapters and sections with or without a space (第一章 总则, 第一章总则);
//! numbered headings (一、总则) standing before an article; Markdown marks (###,
//! **, >) around any of these; a 目录 (table of contents) that repeats the chapter
//! headings; an annex (附件) after the last article; draft marks, conversion
//! artifacts and web-page footers. What is not part of an article is listed as
//! dropped, with its line; [`check_lossless`] proves that nothing else went missing.

use crate::text::{has_sentence_punct, is_space, numbered, squeeze};
use crate::{Artifact, LiftError};
use tiaoli_l10n::t;
use tiaoli_syntax::chinese_numeral;

#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub label: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Para {
    pub text: String,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub(crate) struct Art {
    pub number: u32,
    pub arabic: bool,
    /// 第N条 as written.
    pub token: String,
    pub line: usize,
    /// A bracketed heading, with its brackets: 【立法目的和依据】.
    pub heading: Option<String>,
    pub paras: Vec<Para>,
}

#[derive(Debug, Clone)]
pub(crate) enum Piece {
    Chapter {
        number: u32,
        arabic: bool,
        token: String,
        title: String,
    },
    Section {
        number: u32,
        arabic: bool,
        token: String,
        title: String,
    },
    Article(Art),
}

/// A segmented text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Doc {
    /// Lines before the first heading or article (title, notes, publication lines).
    pub preamble: Vec<(usize, String)>,
    pub pieces: Vec<Piece>,
    pub dropped: Vec<Artifact>,
    pub joined: Vec<(usize, usize)>,
    /// A draft mark standing on a line of its own: （草案）.
    pub draft_mark: Option<String>,
}

/// The kinds of dropped text, in Chinese (the report's `kind`).
pub(crate) const BOOKMARK: &str = "转换标记";
pub(crate) const DRAFT_MARK: &str = "草案标记";
pub(crate) const ATTACHMENT_LABEL: &str = "附件标签";
pub(crate) const FOOTER: &str = "网页页脚";
pub(crate) const MARKDOWN: &str = "Markdown 标记";
pub(crate) const TOC: &str = "目录";
pub(crate) const ANNEX: &str = "附件";
pub(crate) const SEPARATOR: &str = "条号分隔符";

/// The draft kinds a mark can name, longest first, with the status they give.
const DRAFT_KINDS: [(&str, &str); 9] = [
    ("草案征求意见稿", "征求意见稿"),
    ("征求意见稿", "征求意见稿"),
    ("修订草案", "草案"),
    ("草案修改稿", "草案"),
    ("送审稿", "草案"),
    ("代拟稿", "代拟稿"),
    ("草案", "草案"),
    ("讨论稿", "草案"),
    ("修改稿", "草案"),
];

/// A draft mark: （草案）, (征求意见稿), 【代拟稿】 — the status it gives.
pub(crate) fn draft_mark(s: &str) -> Option<&'static str> {
    let inner = s
        .strip_prefix(['（', '(', '【', '['])?
        .strip_suffix(['）', ')', '】', ']'])?;
    let inner = squeeze(inner);
    DRAFT_KINDS
        .iter()
        .find(|(k, _)| inner == *k || (inner.len() <= 24 && inner.ends_with(k)))
        .map(|(_, status)| *status)
}

/// Strips `[bookmark: …]` markers, listing them.
fn strip_bookmarks(line: &str, no: usize, dropped: &mut Vec<Artifact>) -> String {
    let mut out = line.to_string();
    while let Some(a) = out.find("[bookmark:") {
        let Some(len) = out.get(a..).and_then(|r| r.find(']')) else {
            break;
        };
        let marker = out.get(a..=a + len).unwrap_or("").to_string();
        dropped.push(Artifact::new(no, marker, BOOKMARK));
        out.replace_range(a..=a + len, "");
    }
    out
}

/// Strips Markdown marks a converted text carries: heading hashes, a quote mark,
/// bold around the leading token. Lists them.
fn strip_markdown(line: &str, no: usize, dropped: &mut Vec<Artifact>) -> String {
    let mut s = line.to_string();
    let hashes = s.chars().take_while(|c| *c == '#').count();
    if (1..=6).contains(&hashes) {
        dropped.push(Artifact::new(no, "#".repeat(hashes), MARKDOWN));
        s = s
            .get(hashes..)
            .unwrap_or("")
            .trim_start_matches(is_space)
            .to_string();
    }
    if let Some(rest) = s.strip_prefix("> ").or_else(|| s.strip_prefix('>')) {
        dropped.push(Artifact::new(no, ">", MARKDOWN));
        s = rest.trim_start_matches(is_space).to_string();
    }
    for mark in ["**", "__"] {
        if let Some(rest) = s.strip_prefix(mark) {
            if let Some(close) = rest.find(mark) {
                dropped.push(Artifact::new(no, format!("{mark}{mark}"), MARKDOWN));
                let mut t = rest.to_string();
                t.replace_range(close..close + mark.len(), "");
                s = t;
            }
        }
    }
    s
}

fn item_label(line: &str) -> Option<(String, &str)> {
    let open = line.chars().next().filter(|c| *c == '（' || *c == '(')?;
    let after = line.get(open.len_utf8()..)?;
    let close = after.find(['）', ')'])?;
    let inner = after.get(..close)?;
    if inner.is_empty() || inner.chars().count() > 4 {
        return None;
    }
    inner
        .parse::<u32>()
        .ok()
        .or_else(|| chinese_numeral(inner))?;
    let close_len = after.get(close..)?.chars().next()?.len_utf8();
    let label = format!("{open}{inner}{}", after.get(close..close + close_len)?);
    Some((label, after.get(close + close_len..)?))
}

/// What may follow 第N条 directly (no space) in a reference rather than an article.
fn reads_as_reference(rest: &str) -> bool {
    rest.starts_with([
        '规', '的', '所', '之', '中', '款', '项', '至', '和', '或', '、', '，', '。', '；', '第',
        '及', '与', '到', '有', '以', '关', '为', '是',
    ])
}

enum Line {
    Chapter(u32, bool, String, String),
    Section(u32, bool, String, String),
    Article {
        number: u32,
        arabic: bool,
        token: String,
        heading: Option<String>,
        /// The `：` written between the number and the text (第四条：…), dropped.
        separator: Option<String>,
        rest: String,
    },
    Item(String, String),
    Text(String),
}

/// A heading's title after 第N章: separated by a space, or short and unpunctuated.
fn heading_title(rest: &str) -> Option<String> {
    if rest.is_empty() || rest.starts_with(is_space) {
        return Some(squeeze(rest));
    }
    let t = squeeze(rest);
    (t.chars().count() <= 20 && !has_sentence_punct(&t)).then_some(t)
}

/// 【立法目的和依据】 at the start of an article's text.
fn bracketed_heading(rest: &str) -> Option<(String, &str)> {
    for (open, close) in [('【', '】'), ('〔', '〕'), ('[', ']')] {
        if let Some(inner) = rest.strip_prefix(open) {
            let end = inner.find(close)?;
            let heading = format!("{open}{}{close}", inner.get(..end)?);
            return Some((heading, inner.get(end + close.len_utf8()..)?));
        }
    }
    None
}

fn classify(line: &str, next_article: u32) -> Line {
    if let Some((n, arabic, token, rest)) = numbered(line, '条') {
        let spaced = rest.is_empty() || rest.starts_with(is_space);
        let rest_t = rest.trim_start_matches(is_space);
        let bracketed = bracketed_heading(rest_t);
        let separated = rest_t.starts_with(['：', ':']);
        // Glued to its text: only the article expected next, and not a reference
        // (第十条规定的…).
        let glued = !spaced && n == next_article && !reads_as_reference(rest_t);
        if spaced || bracketed.is_some() || separated || glued {
            let (heading, separator, body) = match bracketed {
                Some((h, b)) => (Some(h), None, b.trim_start_matches(is_space)),
                None => {
                    let body = rest_t.trim_start_matches(['：', ':']);
                    let separator = rest_t.get(..rest_t.len() - body.len()).unwrap_or("");
                    let separator = (!separator.is_empty()).then(|| separator.to_string());
                    (None, separator, body.trim_start_matches(is_space))
                }
            };
            return Line::Article {
                number: n,
                arabic,
                token: token.to_string(),
                heading,
                separator,
                rest: body.to_string(),
            };
        }
    }
    if let Some((n, arabic, token, rest)) = numbered(line, '章') {
        if let Some(title) = heading_title(rest) {
            return Line::Chapter(n, arabic, token.to_string(), title);
        }
    }
    if let Some((n, arabic, token, rest)) = numbered(line, '节') {
        if let Some(title) = heading_title(rest) {
            return Line::Section(n, arabic, token.to_string(), title);
        }
    }
    if let Some((label, rest)) = item_label(line) {
        return Line::Item(label, rest.trim_start_matches(is_space).to_string());
    }
    Line::Text(line.to_string())
}

/// "一、总则": a numbered heading, when it stands before an article.
fn numbered_heading(line: &str) -> Option<(u32, String, String)> {
    let (num, title) = line.split_once('、')?;
    let n = chinese_numeral(num).or_else(|| num.parse().ok())?;
    let title = squeeze(title);
    let ok = !num.is_empty()
        && num.chars().count() <= 4
        && !title.is_empty()
        && title.chars().count() <= 15
        && !has_sentence_punct(&title);
    ok.then(|| (n, format!("{num}、"), title))
}

/// A line that ends a sentence or a clause the next line does not continue.
fn ends_unit(s: &str) -> bool {
    s.chars()
        .last()
        .is_some_and(|c| "。；;：:！!？?”」』）)".contains(c))
}

/// The start of an annex after the last article: 附件, 附件1, 附件：, 附表.
fn starts_annex(line: &str) -> bool {
    ["附件", "附表", "附录"].iter().any(|w| {
        line.strip_prefix(w).is_some_and(|r| {
            r.is_empty()
                || line.chars().count() <= 20
                || r.starts_with(|c: char| {
                    c.is_ascii_digit() || "一二三四五六七八九十：:".contains(c)
                })
        })
    })
}

/// Segments a text whose line endings are normalised.
pub(crate) fn segment(text: &str) -> Doc {
    let mut doc = Doc::default();
    // Pass 1: clean each line, listing what is removed.
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let no = i + 1;
        let line = strip_bookmarks(raw, no, &mut doc.dropped);
        let line = line.trim_matches(is_space);
        let line = strip_markdown(line, no, &mut doc.dropped);
        let line = line.trim_matches(is_space).to_string();
        if !line.is_empty() {
            lines.push((no, line));
        }
    }

    let mut in_body = false;
    let mut in_toc = false;
    let mut in_annex = false;
    let mut toc_first: Option<u32> = None;
    let mut next_article = 1u32;
    let mut last_no = 0usize;
    for idx in 0..lines.len() {
        let Some((no, line)) = lines.get(idx).cloned() else {
            continue;
        };
        let no_article_yet = !doc.pieces.iter().any(|p| matches!(p, Piece::Article(_)));
        if in_annex {
            doc.dropped.push(Artifact::new(no, line, ANNEX));
            continue;
        }
        if let Some(status) = draft_mark(&line) {
            doc.dropped.push(Artifact::new(no, line, DRAFT_MARK));
            doc.draft_mark.get_or_insert_with(|| status.to_string());
            continue;
        }
        if squeeze(&line) == "目录" && no_article_yet {
            doc.dropped.push(Artifact::new(no, line, TOC));
            in_toc = true;
            continue;
        }
        if !in_body && line.starts_with("附件") && line.chars().count() <= 4 {
            doc.dropped.push(Artifact::new(no, line, ATTACHMENT_LABEL));
            continue;
        }
        if in_body && (line == "-" || line.starts_with("- ")) {
            doc.dropped.push(Artifact::new(no, line, FOOTER));
            continue;
        }
        if !no_article_yet && starts_annex(&line) {
            in_annex = true;
            doc.dropped.push(Artifact::new(no, line, ANNEX));
            continue;
        }
        let next_is_article = lines
            .get(idx + 1)
            .is_some_and(|(_, l)| matches!(classify(l, next_article), Line::Article { .. }));
        let mut class = classify(&line, next_article);
        if matches!(class, Line::Text(_)) && next_is_article {
            if let Some((n, token, title)) = numbered_heading(&line) {
                class = Line::Chapter(n, false, token, title);
            }
        }
        if in_toc {
            match &class {
                Line::Chapter(n, ..) if toc_first.is_some_and(|f| *n <= f) => in_toc = false,
                Line::Article { .. } => in_toc = false,
                Line::Chapter(n, ..) => {
                    toc_first.get_or_insert(*n);
                    doc.dropped.push(Artifact::new(no, line, TOC));
                    continue;
                }
                _ => {
                    doc.dropped.push(Artifact::new(no, line, TOC));
                    continue;
                }
            }
        }
        match class {
            Line::Chapter(number, arabic, token, title) => {
                in_body = true;
                doc.pieces.push(Piece::Chapter {
                    number,
                    arabic,
                    token,
                    title,
                });
            }
            Line::Section(number, arabic, token, title) => {
                in_body = true;
                doc.pieces.push(Piece::Section {
                    number,
                    arabic,
                    token,
                    title,
                });
            }
            Line::Article {
                number,
                arabic,
                token,
                heading,
                separator,
                rest,
            } => {
                in_body = true;
                if let Some(sep) = separator {
                    doc.dropped.push(Artifact::new(no, sep, SEPARATOR));
                }
                next_article = number.saturating_add(1);
                let paras = if rest.is_empty() {
                    vec![]
                } else {
                    vec![Para {
                        text: rest,
                        items: vec![],
                    }]
                };
                doc.pieces.push(Piece::Article(Art {
                    number,
                    arabic,
                    token,
                    line: no,
                    heading,
                    paras,
                }));
            }
            Line::Item(label, rest) => match doc.pieces.last_mut() {
                Some(Piece::Article(a)) => match a.paras.last_mut() {
                    Some(p) => p.items.push(Item { label, text: rest }),
                    None => a.paras.push(Para {
                        text: format!("{label}{rest}"),
                        items: vec![],
                    }),
                },
                _ if !in_body => doc.preamble.push((no, format!("{label}{rest}"))),
                _ => doc.preamble.push((no, format!("{label}{rest}"))),
            },
            Line::Text(t) => {
                let Some(Piece::Article(a)) = doc.pieces.last_mut() else {
                    doc.preamble.push((no, t));
                    continue;
                };
                // A page-break split: the previous line stops mid-sentence.
                let joined = match a.paras.last_mut() {
                    Some(p) if p.items.is_empty() && !ends_unit(&p.text) => {
                        p.text.push_str(&t);
                        true
                    }
                    Some(p) => match p.items.last_mut() {
                        Some(it) if !ends_unit(&it.text) => {
                            it.text.push_str(&t);
                            true
                        }
                        _ => false,
                    },
                    None => false,
                };
                if joined {
                    doc.joined.push((last_no, no));
                } else {
                    a.paras.push(Para {
                        text: t,
                        items: vec![],
                    });
                }
            }
        }
        last_no = no;
    }
    drop_unmarked_toc(&mut doc);
    doc
}

/// A table of contents with no 目录 line: a run of chapter headings with no
/// article between them, whose numbering starts again where the body begins.
fn drop_unmarked_toc(doc: &mut Doc) {
    let run = doc
        .pieces
        .iter()
        .take_while(|p| matches!(p, Piece::Chapter { .. } | Piece::Section { .. }))
        .count();
    let chapters_in_run = doc
        .pieces
        .iter()
        .take(run)
        .filter(|p| matches!(p, Piece::Chapter { .. }))
        .count();
    let first = doc.pieces.first().and_then(|p| match p {
        Piece::Chapter { number, .. } => Some(*number),
        _ => None,
    });
    let restarts = doc.pieces.iter().skip(run).any(|p| match p {
        Piece::Chapter { number, .. } => Some(*number) == first,
        _ => false,
    });
    if chapters_in_run >= 2 && restarts {
        for p in doc.pieces.drain(..run) {
            if let Piece::Chapter { token, title, .. } | Piece::Section { token, title, .. } = p {
                doc.dropped
                    .push(Artifact::new(0, format!("{token} {title}"), TOC));
            }
        }
    }
}

/// Every character of the input (less whitespace) is in the preamble, a heading,
/// an article or the list of what was dropped: as many of each as the input has.
pub(crate) fn check_lossless(text: &str, doc: &Doc) -> Result<(), LiftError> {
    let mut kept = String::new();
    for (_, l) in &doc.preamble {
        kept.push_str(l);
    }
    for p in &doc.pieces {
        match p {
            Piece::Chapter { token, title, .. } | Piece::Section { token, title, .. } => {
                kept.push_str(token);
                kept.push_str(title);
            }
            Piece::Article(a) => {
                kept.push_str(&a.token);
                if let Some(h) = &a.heading {
                    kept.push_str(h);
                }
                for para in &a.paras {
                    kept.push_str(&para.text);
                    for it in &para.items {
                        kept.push_str(&it.label);
                        kept.push_str(&it.text);
                    }
                }
            }
        }
    }
    for d in &doc.dropped {
        kept.push_str(&d.text);
    }
    // The numbered heading "一、总则" is kept as 一、 + 总则, the table of contents
    // as "第一章 总则": both squeeze to what the input had.
    let mut want: Vec<char> = squeeze(text).chars().collect();
    let mut got: Vec<char> = squeeze(&kept).chars().collect();
    want.sort_unstable();
    got.sort_unstable();
    if want == got {
        return Ok(());
    }
    let missing: String = difference(&want, &got).into_iter().take(20).collect();
    let extra: String = difference(&got, &want).into_iter().take(20).collect();
    Err(LiftError::Internal(t!(
        "lift-internal-lossy",
        missing = missing,
        extra = extra
    )))
}

/// The characters of sorted `a` not matched in sorted `b` (as multisets).
fn difference(a: &[char], b: &[char]) -> Vec<char> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while let Some(x) = a.get(i) {
        match b.get(j) {
            Some(y) if y == x => {
                i += 1;
                j += 1;
            }
            Some(y) if y < x => j += 1,
            _ => {
                out.push(*x);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapters(doc: &Doc) -> usize {
        doc.pieces
            .iter()
            .filter(|p| matches!(p, Piece::Chapter { .. }))
            .count()
    }

    fn arts(doc: &Doc) -> Vec<&Art> {
        doc.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Article(a) => Some(a),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn lines_are_classified() {
        assert!(matches!(
            classify("第四十六条　市、县", 1),
            Line::Article { number: 46, .. }
        ));
        assert!(matches!(
            classify("第1条 为促进", 1),
            Line::Article { number: 1, .. }
        ));
        assert!(
            matches!(classify("第一章　总　　则", 1), Line::Chapter(1, false, _, ref t) if t == "总则")
        );
        assert!(
            matches!(classify("第一章总则", 1), Line::Chapter(1, ..)),
            "no space"
        );
        assert!(matches!(classify("(一)宣传", 1), Line::Item(..)));
        assert!(
            matches!(classify("第十条规定的", 10), Line::Text(_)),
            "a reference, not an article"
        );
        assert!(
            matches!(
                classify("第三条平安建设坚持", 3),
                Line::Article { number: 3, .. }
            ),
            "glued to its text, the expected number"
        );
        assert!(
            matches!(classify("第九条平安建设坚持", 3), Line::Text(_)),
            "glued, but not the article expected"
        );
        match classify("第一条【立法目的和依据】为了推进", 1) {
            Line::Article { heading, rest, .. } => {
                assert_eq!(heading.as_deref(), Some("【立法目的和依据】"));
                assert_eq!(rest, "为了推进");
            }
            _ => panic!("a bracketed heading"),
        }
    }

    #[test]
    fn a_table_of_contents_is_dropped() {
        let t = "某市条例\n目录\n第一章 总则\n第二章 附则\n第一章 总则\n第一条 甲。\n第二章 附则\n第二条 乙。";
        let doc = segment(t);
        assert_eq!(arts(&doc).len(), 2);
        assert_eq!(chapters(&doc), 2);
        assert_eq!(doc.dropped.iter().filter(|d| d.kind == TOC).count(), 3);
        check_lossless(t, &doc).unwrap();
    }

    #[test]
    fn markdown_and_annexes() {
        let t = "# 某市条例\n### 第一章 总则\n**第一条** 甲。\n## 一、附则\n第二条 乙。\n附件：表格\n一、甲\n";
        let doc = segment(t);
        assert_eq!(arts(&doc).len(), 2);
        assert_eq!(chapters(&doc), 2);
        assert!(doc.dropped.iter().any(|d| d.kind == ANNEX));
        check_lossless(t, &doc).unwrap();
    }

    /// 第四条：… — the colon is no part of the article's text; it is listed as
    /// dropped, so the text stays lossless (found by the mutation proptest).
    #[test]
    fn a_colon_after_the_article_number_is_dropped_and_listed() {
        let t = "第一条：本条例适用于本市。\n第二条 ：乙。\n第三条甲：乙。\n";
        let doc = segment(t);
        let a = arts(&doc);
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].paras[0].text, "本条例适用于本市。");
        assert_eq!(a[1].paras[0].text, "乙。");
        assert_eq!(a[2].paras[0].text, "甲：乙。");
        let seps: Vec<_> = doc
            .dropped
            .iter()
            .filter(|d| d.kind == SEPARATOR)
            .map(|d| (d.line, d.text.as_str()))
            .collect();
        assert_eq!(seps, [(1, "："), (2, "：")]);
        check_lossless(t, &doc).unwrap();
    }
}
