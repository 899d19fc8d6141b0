//! `tiaoli lift`: from a regulation as published to a rule skeleton.
//!
//! The mechanical part of encoding: segment the text into its header, chapters,
//! sections, articles, paragraphs and items (Chinese or Arabic numerals, full- or
//! half-width brackets), each with its verbatim text; join page-break splits and
//! drop conversion artifacts, listing both; and, sentence by sentence, point out
//! what a human must encode — the modality, the subjects (matched against the
//! lexicon, unknown ones proposed as new terms), deadlines, sanctions and
//! references. Every article comes out marked `性质 待审` with its draft norms as
//! comments: a skeleton `tiaoli check` accepts (with a warning per article), never
//! a final encoding. Nothing here is specific to one text.

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

use serde::Serialize;
use tiaoli_compiler::graph::LexiconOut;
use tiaoli_syntax::chinese_numeral;
use tiaoli_syntax::format::quote;

/// The skeleton and what was found.
#[derive(Debug, Clone, Serialize)]
pub struct Lifted {
    /// The `.tiaoli` skeleton, in canonical layout.
    #[serde(skip)]
    pub text: String,
    pub report: Report,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub title: String,
    pub status: String,
    pub jurisdiction: String,
    pub in_force: Option<String>,
    pub adopted: Option<String>,
    pub chapters: usize,
    pub sections: usize,
    pub articles: usize,
    /// Conversion artifacts dropped, with their line.
    pub artifacts: Vec<Artifact>,
    /// Page-break splits joined: (line, line).
    pub joined: Vec<(usize, usize)>,
    /// Subjects the lexicon does not know: proposed new terms.
    pub new_terms: Vec<String>,
    /// What the header could not decide (the title missing, the level guessed …).
    pub header_notes: Vec<String>,
    pub per_article: Vec<ArticleReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Artifact {
    pub line: usize,
    pub text: String,
    pub kind: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleReport {
    pub number: u32,
    pub cite: String,
    pub paragraphs: usize,
    pub items: usize,
    pub sentences: Vec<Sentence>,
    /// Why a human is needed here.
    pub needs_human: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    pub paragraph: usize,
    pub text: String,
    pub modality: Option<&'static str>,
    pub trigger: Option<String>,
    pub subjects: Vec<Subject>,
    pub deadlines: Vec<String>,
    pub sanctions: Vec<String>,
    pub references: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Subject {
    /// As the text writes it.
    pub text: String,
    /// The lexicon term it matched, if any.
    pub term: Option<String>,
}

// ───────────────────────────── segmentation ─────────────────────────────

#[derive(Debug, Clone, PartialEq)]
enum Line {
    Chapter {
        number: u32,
        arabic: bool,
        title: String,
    },
    Section {
        number: u32,
        arabic: bool,
        title: String,
    },
    Article {
        number: u32,
        arabic: bool,
        rest: String,
    },
    Item {
        label: String,
        number: u32,
        rest: String,
    },
    Text(String),
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// `第 … {unit}` at the start of a line: the number, whether Arabic, and the rest.
fn numbered(line: &str, unit: char) -> Option<(u32, bool, &str)> {
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
    Some((n, arabic, rest.get(end + unit.len_utf8()..)?))
}

fn item_label(line: &str) -> Option<(String, u32, &str)> {
    let open = line.chars().next().filter(|c| *c == '（' || *c == '(')?;
    let after = line.get(open.len_utf8()..)?;
    let close = after.find(['）', ')'])?;
    let inner = after.get(..close)?;
    if inner.is_empty() || inner.chars().count() > 4 {
        return None;
    }
    let n = inner
        .parse::<u32>()
        .ok()
        .or_else(|| chinese_numeral(inner))?;
    let close_len = after.get(close..)?.chars().next()?.len_utf8();
    let label = format!("{open}{inner}{}", after.get(close..close + close_len)?);
    Some((label, n, after.get(close + close_len..)?))
}

fn classify(line: &str) -> Line {
    if let Some((n, arabic, rest)) = numbered(line, '条') {
        // 第N条 followed by a space starts an article; "第N条规定" inside a
        // sentence does not.
        if rest.is_empty() || rest.starts_with(is_space) {
            return Line::Article {
                number: n,
                arabic,
                rest: rest.trim_start_matches(is_space).to_string(),
            };
        }
    }
    if let Some((n, arabic, rest)) = numbered(line, '章') {
        if rest.is_empty() || rest.starts_with(is_space) {
            return Line::Chapter {
                number: n,
                arabic,
                title: rest.chars().filter(|c| !is_space(*c)).collect(),
            };
        }
    }
    if let Some((n, arabic, rest)) = numbered(line, '节') {
        if rest.is_empty() || rest.starts_with(is_space) {
            return Line::Section {
                number: n,
                arabic,
                title: rest.chars().filter(|c| !is_space(*c)).collect(),
            };
        }
    }
    if let Some((label, number, rest)) = item_label(line) {
        return Line::Item {
            label,
            number,
            rest: rest.trim_start_matches(is_space).to_string(),
        };
    }
    Line::Text(line.to_string())
}

/// A line that ends a sentence or a clause the next line does not continue.
fn ends_unit(s: &str) -> bool {
    s.chars()
        .last()
        .is_some_and(|c| "。；;：:！!？?”」』）)".contains(c))
}

const DRAFT_MARKS: [(&str, &str); 6] = [
    ("（代拟稿）", "代拟稿"),
    ("(代拟稿)", "代拟稿"),
    ("（草案）", "草案"),
    ("(草案)", "草案"),
    ("（征求意见稿）", "征求意见稿"),
    ("(征求意见稿)", "征求意见稿"),
];

struct Para {
    text: String,
    items: Vec<(String, u32, String)>,
}

struct Art {
    number: u32,
    arabic: bool,
    paras: Vec<Para>,
}

enum Piece {
    Chapter(u32, bool, String),
    Section(u32, bool, String),
    Article(Art),
}

/// Removes `[bookmark: …]` markers, recording them.
fn strip_bookmarks(line: &str, no: usize, artifacts: &mut Vec<Artifact>) -> String {
    let mut out = line.to_string();
    while let Some(a) = out.find("[bookmark:") {
        let Some(len) = out.get(a..).and_then(|r| r.find(']')) else {
            break;
        };
        let marker = out.get(a..=a + len).unwrap_or("").to_string();
        artifacts.push(Artifact {
            line: no,
            text: marker,
            kind: "bookmark",
        });
        out.replace_range(a..=a + len, "");
    }
    out
}

// ───────────────────────────── analysis ─────────────────────────────

const MODALITIES: [&str; 11] = [
    "不得", "应当", "必须", "可以", "鼓励", "支持", "提倡", "负责", "牵头", "配合", "协助",
];

struct Terms {
    /// (written form, canonical), longest written form first.
    actors: Vec<(String, String)>,
    sanctions: Vec<(String, String)>,
}

impl Terms {
    fn new(lex: &LexiconOut) -> Terms {
        let mut actors: Vec<(String, String)> = Vec::new();
        for a in &lex.actors {
            actors.push((a.name.clone(), a.name.clone()));
            actors.extend(a.aliases.iter().map(|x| (x.clone(), a.name.clone())));
        }
        for r in &lex.roles {
            actors.push((r.name.clone(), r.name.clone()));
            actors.extend(r.aliases.iter().map(|x| (x.clone(), r.name.clone())));
        }
        let mut sanctions: Vec<(String, String)> = Vec::new();
        for s in &lex.sanctions {
            sanctions.push((s.name.clone(), s.name.clone()));
            sanctions.extend(s.aliases.iter().map(|x| (x.clone(), s.name.clone())));
        }
        let by_len = |v: &mut Vec<(String, String)>| {
            v.sort_by(|a, b| {
                b.0.chars()
                    .count()
                    .cmp(&a.0.chars().count())
                    .then(a.0.cmp(&b.0))
            })
        };
        by_len(&mut actors);
        by_len(&mut sanctions);
        Terms { actors, sanctions }
    }

    /// The lexicon term a subject fragment names: itself or an alias, else the
    /// longest term it ends with (县（区）人民政府 → 人民政府).
    fn actor(&self, fragment: &str) -> Option<String> {
        if let Some((_, c)) = self.actors.iter().find(|(w, _)| w == fragment) {
            return Some(c.clone());
        }
        self.actors
            .iter()
            .find(|(w, _)| w.chars().count() >= 2 && fragment.ends_with(w.as_str()))
            .map(|(_, c)| c.clone())
    }
}

fn deadlines(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let units = ["个工作日", "工作日", "个月", "日", "天", "年"];
    let mut i = 0;
    while i < chars.len() {
        let c = chars.get(i).copied().unwrap_or(' ');
        if c.is_ascii_digit() || "一二三四五六七八九十百两".contains(c) {
            let start = i;
            while chars
                .get(i)
                .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十百两".contains(*c))
            {
                i += 1;
            }
            let rest: String = chars
                .get(i..)
                .map(|r| r.iter().take(5).collect())
                .unwrap_or_default();
            if let Some(u) = units.iter().find(|u| rest.starts_with(**u)) {
                let after: String = chars
                    .get(i + u.chars().count()..)
                    .map(|r| r.iter().take(1).collect())
                    .unwrap_or_default();
                // "三十日内", "五个工作日"; not dates ("2024年10月1日") or "一年一度".
                let num: String = chars
                    .get(start..i)
                    .map(|r| r.iter().collect())
                    .unwrap_or_default();
                let is_date =
                    *u == "年" && num.chars().all(|c| c.is_ascii_digit()) && num.len() == 4;
                if !is_date
                    && (after == "内"
                        || *u == "个工作日"
                        || *u == "工作日"
                        || after == "前"
                        || after == "后")
                {
                    out.push(format!("{num}{u}{after}"));
                }
            }
            continue;
        }
        i += 1;
    }
    for w in [
        "限期",
        "每年",
        "每半年",
        "每季度",
        "每月",
        "定期",
        "及时",
        "立即",
        "适时",
        "尽快",
    ] {
        if s.contains(w) {
            out.push(w.to_string());
        }
    }
    out
}

fn sanctions(s: &str, terms: &Terms) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = s.to_string();
    for (w, c) in &terms.sanctions {
        if w.chars().count() >= 2 && rest.contains(w.as_str()) {
            rest = rest.replace(w.as_str(), "□");
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
    }
    out
}

fn references(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = s.get(from..).and_then(|r| r.find('第')) {
        let at = from + k;
        if let Some((n, _, rest)) = s.get(at..).and_then(|r| numbered(r, '条')) {
            let self_ref = s.get(..at).is_some_and(|b| {
                b.ends_with("本条例")
                    || b.ends_with("本规定")
                    || b.ends_with("本办法")
                    || b.ends_with("本规章")
            });
            let _ = rest;
            out.push(if self_ref {
                format!("本法第{n}条")
            } else {
                format!("第{n}条")
            });
        }
        from = at + '第'.len_utf8();
    }
    out
}

fn analyse(
    paragraph: usize,
    text: &str,
    terms: &Terms,
    carried: &mut Vec<Subject>,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut sentence = String::new();
    let flush = |s: &str, out: &mut Vec<Sentence>, carried: &mut Vec<Subject>| {
        let s = s.trim();
        if s.is_empty() {
            return;
        }
        let found = MODALITIES
            .iter()
            .filter_map(|m| s.find(m).map(|i| (i, *m)))
            .min_by_key(|(i, _)| *i);
        let (mut subjects, mut trigger) = (Vec::new(), None);
        if let Some((at, _)) = found {
            let before = s.get(..at).unwrap_or("");
            // The clause right before the modality: "…发现…的，应当…" is a trigger.
            let clause = before.rsplit(['，', ',']).next().unwrap_or("");
            if clause.trim().is_empty() {
                if let Some(prev) = before
                    .trim_end_matches(['，', ','])
                    .rsplit(['，', ','])
                    .next()
                {
                    if prev.ends_with('的') {
                        trigger = Some(prev.to_string());
                    }
                }
                subjects = carried.clone();
            } else {
                let head = before.split(['，', ',']).next().unwrap_or(before);
                let head = if head.ends_with('的') && before.contains('，') {
                    clause
                } else {
                    head
                };
                for frag in head.split(['、', '和', '及', '与']) {
                    let f = frag
                        .trim_start_matches("以及")
                        .trim_end_matches('等')
                        .trim_start_matches("各级")
                        .trim_start_matches("本市行政区域内")
                        .trim_start_matches("本省行政区域内")
                        .trim();
                    // A bare level ("市、县（区）人民政府") qualifies the next subject.
                    const LEVELS: [&str; 12] = [
                        "省",
                        "市",
                        "州",
                        "县",
                        "区",
                        "乡",
                        "镇",
                        "乡镇",
                        "县（区）",
                        "县（市、区）",
                        "县市",
                        "县（市）",
                    ];
                    if f.is_empty() || f.chars().count() > 24 || LEVELS.contains(&f) {
                        continue;
                    }
                    subjects.push(Subject {
                        text: f.to_string(),
                        term: terms.actor(f),
                    });
                }
                if !subjects.is_empty() {
                    *carried = subjects.clone();
                }
            }
        }
        out.push(Sentence {
            paragraph,
            text: s.to_string(),
            modality: found.map(|(_, m)| m),
            trigger,
            subjects,
            deadlines: deadlines(s),
            sanctions: sanctions(s, terms),
            references: references(s),
        });
    };
    for c in text.chars() {
        sentence.push(c);
        if "。；;".contains(c) {
            flush(&sentence, &mut out, carried);
            sentence.clear();
        }
    }
    flush(&sentence, &mut out, carried);
    out
}

// ───────────────────────────── the skeleton ─────────────────────────────

fn cn_or_arabic(n: u32, arabic: bool) -> String {
    if arabic {
        n.to_string()
    } else {
        tiaoli_syntax::format::to_chinese(n)
    }
}

fn date_in(s: &str) -> Option<String> {
    // "2024年10月1日": the first full date in the string.
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len() {
        let y: String = chars.get(i..i + 4)?.iter().collect();
        if y.chars().all(|c| c.is_ascii_digit()) && chars.get(i + 4) == Some(&'年') {
            let rest: String = chars.get(i + 5..)?.iter().take(8).collect();
            let (m, r) = rest.split_once('月')?;
            let (d, _) = r.split_once('日')?;
            let (m, d): (u32, u32) = (m.trim().parse().ok()?, d.trim().parse().ok()?);
            return Some(format!("{y}-{m:02}-{d:02}"));
        }
    }
    None
}

/// A file name made into an ordinance id.
pub fn id_from_name(name: &str) -> String {
    let stem = std::path::Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.chars().next().is_some_and(|c| c.is_alphabetic()) {
        clean
    } else {
        format!("lifted_{clean}")
    }
}

/// Lifts a published text. `name` names the source (for the id and the header comment).
pub fn lift(name: &str, text: &str, lex: &LexiconOut) -> Lifted {
    let terms = Terms::new(lex);
    let mut report = Report::default();
    let mut preamble: Vec<String> = Vec::new();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut in_body = false;
    let mut last_line_no = 0usize;
    for (i, raw) in text.lines().enumerate() {
        let no = i + 1;
        let line = strip_bookmarks(
            raw.trim_start_matches('\u{feff}'),
            no,
            &mut report.artifacts,
        );
        let line = line.trim_matches(is_space);
        if line.is_empty() {
            continue;
        }
        if let Some((mark, status)) = DRAFT_MARKS.iter().find(|(m, _)| line == *m) {
            report.artifacts.push(Artifact {
                line: no,
                text: mark.to_string(),
                kind: "draft mark",
            });
            report.status = status.to_string();
            continue;
        }
        if line.starts_with("附件") && line.chars().count() <= 4 {
            report.artifacts.push(Artifact {
                line: no,
                text: line.to_string(),
                kind: "attachment label",
            });
            continue;
        }
        if in_body && (line == "-" || line.starts_with("- ")) {
            report.artifacts.push(Artifact {
                line: no,
                text: line.to_string(),
                kind: "web page footer",
            });
            continue;
        }
        match classify(line) {
            Line::Chapter {
                number,
                arabic,
                title,
            } => {
                in_body = true;
                pieces.push(Piece::Chapter(number, arabic, title));
            }
            Line::Section {
                number,
                arabic,
                title,
            } => {
                in_body = true;
                pieces.push(Piece::Section(number, arabic, title));
            }
            Line::Article {
                number,
                arabic,
                rest,
            } => {
                in_body = true;
                let paras = if rest.is_empty() {
                    vec![]
                } else {
                    vec![Para {
                        text: rest,
                        items: vec![],
                    }]
                };
                pieces.push(Piece::Article(Art {
                    number,
                    arabic,
                    paras,
                }));
            }
            Line::Item {
                label,
                number,
                rest,
            } if in_body => {
                if let Some(Piece::Article(a)) = pieces.last_mut() {
                    match a.paras.last_mut() {
                        Some(p) => p.items.push((label, number, rest)),
                        None => a.paras.push(Para {
                            text: format!("{label}{rest}"),
                            items: vec![],
                        }),
                    }
                }
            }
            Line::Item { label, rest, .. } => preamble.push(format!("{label}{rest}")),
            Line::Text(t) if !in_body => preamble.push(t),
            Line::Text(t) => {
                let Some(Piece::Article(a)) = pieces.last_mut() else {
                    preamble.push(t);
                    continue;
                };
                // A page-break split: the previous line stops mid-sentence.
                let joined = match a.paras.last_mut() {
                    Some(p) if p.items.is_empty() && !ends_unit(&p.text) => {
                        p.text.push_str(&t);
                        true
                    }
                    Some(p) => match p.items.last_mut() {
                        Some(it) if !ends_unit(&it.2) => {
                            it.2.push_str(&t);
                            true
                        }
                        _ => false,
                    },
                    None => false,
                };
                if joined {
                    report.joined.push((last_line_no, no));
                } else {
                    a.paras.push(Para {
                        text: t,
                        items: vec![],
                    });
                }
            }
        }
        last_line_no = no;
    }

    // Header: title, status, jurisdiction, dates.
    let title = preamble
        .iter()
        .find(|l| {
            ["条例", "规定", "办法", "决定", "细则"]
                .iter()
                .any(|w| l.ends_with(w))
        })
        .cloned()
        .unwrap_or_default();
    if title.is_empty() {
        report
            .header_notes
            .push("no title line: 标题 left for a human".into());
    }
    let jurisdiction = ["自治州", "自治区", "自治县", "省", "市", "州", "县", "区"]
        .iter()
        .filter_map(|suffix| title.find(suffix).map(|i| (i + suffix.len(), *suffix)))
        .min_by_key(|(i, _)| *i)
        .and_then(|(i, suffix)| title.get(..i).map(|j| (j.to_string(), suffix)));
    let (jurisdiction, level) = match jurisdiction {
        Some((j, s)) => (
            j,
            match s {
                "省" | "自治区" => "省",
                "自治州" | "州" => "州",
                "县" | "区" | "自治县" => "县",
                _ => "市",
            },
        ),
        None => {
            report
                .header_notes
                .push("no jurisdiction in the title: 辖区 and 级别 left for a human".into());
            ("待定辖区".to_string(), "市")
        }
    };
    let adopted = preamble
        .iter()
        .find(|l| l.contains("通过"))
        .and_then(|l| date_in(l));
    let last_text = pieces.iter().rev().find_map(|p| match p {
        Piece::Article(a) => Some(
            a.paras
                .iter()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>()
                .join(""),
        ),
        _ => None,
    });
    let in_force = last_text
        .as_deref()
        .filter(|t| t.contains("施行"))
        .and_then(date_in);
    if report.status.is_empty() {
        report.status = if in_force.is_some() || adopted.is_some() {
            "施行".into()
        } else {
            "草案".into()
        };
        if in_force.is_none() && adopted.is_none() {
            report
                .header_notes
                .push("no draft mark and no date: status 草案 is a guess".into());
        }
    }
    report.title = title.clone();
    report.jurisdiction = jurisdiction.clone();
    report.in_force = in_force.clone();
    report.adopted = adopted.clone();

    let mut out = String::new();
    out.push_str(&format!(
        "// Lifted by `tiaoli lift` from {name}: a skeleton for review, not an encoding.\n"
    ));
    out.push_str("// Every article is 待审: encode its norms from the draft comments, then remove 性质 待审.\n");
    for l in &preamble {
        if *l != title {
            out.push_str(&format!("// {l}\n"));
        }
    }
    out.push_str(&format!(
        "条例 {} {{\n  标题 {}\n  辖区 {jurisdiction}\n  级别 {level}\n  状态 {}\n  通过日期 {}\n  施行日期 {}\n}}\n",
        id_from_name(name),
        quote(if title.is_empty() { "（标题缺失）" } else { &title }),
        report.status,
        adopted.as_deref().unwrap_or("未知"),
        in_force.as_deref().unwrap_or("未知")
    ));
    let mut new_terms: Vec<String> = Vec::new();
    for piece in &pieces {
        match piece {
            Piece::Chapter(n, arabic, t) => {
                report.chapters += 1;
                out.push_str(&format!(
                    "\n第{}章 {}\n",
                    cn_or_arabic(*n, *arabic),
                    quote(t)
                ));
            }
            Piece::Section(n, arabic, t) => {
                report.sections += 1;
                out.push_str(&format!(
                    "\n第{}节 {}\n",
                    cn_or_arabic(*n, *arabic),
                    quote(t)
                ));
            }
            Piece::Article(a) => {
                report.articles += 1;
                let cite = format!("第{}条", cn_or_arabic(a.number, a.arabic));
                out.push_str(&format!("\n{cite} {{\n  性质 待审\n"));
                let mut sentences = Vec::new();
                let mut carried = Vec::new();
                let mut items = 0;
                for (pi, p) in a.paras.iter().enumerate() {
                    out.push_str(&format!("  款 {}\n", quote(&p.text)));
                    sentences.extend(analyse(pi + 1, &p.text, &terms, &mut carried));
                    for (label, _, t) in &p.items {
                        items += 1;
                        out.push_str(&format!("  项 {label} {}\n", quote(t)));
                        sentences.extend(analyse(pi + 1, t, &terms, &mut carried));
                    }
                }
                let mut needs = Vec::new();
                for s in &sentences {
                    let Some(m) = s.modality else { continue };
                    let subj: Vec<String> = s
                        .subjects
                        .iter()
                        .map(|x| match &x.term {
                            Some(t) if *t == x.text => format!("{t} ✓"),
                            Some(t) => format!("{}→{t} ✓", x.text),
                            None => format!("{} (新)", x.text),
                        })
                        .collect();
                    let mut line = format!(
                        "  // 待审 第{}款 {m}",
                        tiaoli_syntax::format::to_chinese(s.paragraph as u32)
                    );
                    if !subj.is_empty() {
                        line.push_str(&format!(" · 主体 {}", subj.join("、")));
                    }
                    if let Some(t) = &s.trigger {
                        line.push_str(&format!(" · 触发 {t}"));
                    }
                    if !s.deadlines.is_empty() {
                        line.push_str(&format!(" · 期限 {}", s.deadlines.join("、")));
                    }
                    if !s.sanctions.is_empty() {
                        line.push_str(&format!(" · 处理 {}", s.sanctions.join("、")));
                    }
                    if !s.references.is_empty() {
                        line.push_str(&format!(" · 引用 {}", s.references.join("、")));
                    }
                    out.push_str(&line);
                    out.push('\n');
                    for x in &s.subjects {
                        if x.term.is_none() && !new_terms.contains(&x.text) {
                            new_terms.push(x.text.clone());
                        }
                    }
                    if s.subjects.is_empty() {
                        needs.push(format!("第{}款: no subject found ({m})", s.paragraph));
                    } else if s.subjects.iter().any(|x| x.term.is_none()) {
                        needs.push(format!("第{}款: subjects not in the lexicon", s.paragraph));
                    }
                    if s.deadlines.iter().any(|d| {
                        ["及时", "定期", "立即", "适时", "尽快", "限期"].contains(&d.as_str())
                    }) {
                        needs.push(format!(
                            "第{}款: vague deadline, keep it vague",
                            s.paragraph
                        ));
                    }
                }
                if sentences.iter().any(|s| !s.sanctions.is_empty()) {
                    needs
                        .push("sanctions named: encode a 后果 (grounds, authority, target)".into());
                }
                if sentences.iter().all(|s| s.modality.is_none()) {
                    needs.push(
                        "no modal verb: a kind (宗旨, 原则, 施行 …) or a 负责 reading".into(),
                    );
                }
                needs.dedup();
                out.push_str("}\n");
                report.per_article.push(ArticleReport {
                    number: a.number,
                    cite,
                    paragraphs: a.paras.len(),
                    items,
                    sentences,
                    needs_human: needs,
                });
            }
        }
    }
    report.new_terms = new_terms;
    // Canonical layout, through the formatter (the skeleton must parse).
    let text = match tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &out) {
        Ok(f) => tiaoli_syntax::format::format_file(&f, &out),
        Err(_) => out,
    };
    Lifted { text, report }
}

/// All the text of the lifted articles, as `第N条` + paragraphs and items, for
/// checking that nothing was lost.
pub fn article_texts(lifted: &Lifted) -> Vec<(u32, String)> {
    let Ok(f) = tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &lifted.text) else {
        return vec![];
    };
    f.items
        .iter()
        .filter_map(|i| match i {
            tiaoli_syntax::ast::TopItem::Article(a) => {
                let mut t = String::new();
                for it in &a.items {
                    match it {
                        tiaoli_syntax::ast::ArticleItem::Para(p) => t.push_str(&p.value),
                        tiaoli_syntax::ast::ArticleItem::Item(x) => {
                            t.push_str(&x.label);
                            t.push_str(&x.text.value);
                        }
                        _ => {}
                    }
                }
                Some((a.number.value, t))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_lines() {
        assert!(matches!(
            classify("第四十六条　市、县"),
            Line::Article {
                number: 46,
                arabic: false,
                ..
            }
        ));
        assert!(
            matches!(classify(" 第1条 为促进"), Line::Text(_)),
            "the caller trims"
        );
        assert!(matches!(
            classify("第1条 为促进"),
            Line::Article {
                number: 1,
                arabic: true,
                ..
            }
        ));
        assert!(
            matches!(classify("第一章　总　　则"), Line::Chapter { number: 1, ref title, .. } if title == "总则")
        );
        assert!(matches!(classify("(一)宣传"), Line::Item { number: 1, .. }));
        assert!(matches!(
            classify("（1） 在较短时间内"),
            Line::Item { number: 1, .. }
        ));
        assert!(
            matches!(classify("第十条规定的"), Line::Text(_)),
            "a reference, not an article"
        );
    }

    #[test]
    fn finds_deadlines_and_dates() {
        assert_eq!(
            deadlines("自调解协议生效之日起三十日内履行"),
            vec!["三十日内"]
        );
        assert!(deadlines("提前五个工作日向社会公布")
            .iter()
            .any(|d| d.starts_with("五个工作日")));
        assert!(
            deadlines("本条例自2024年10月1日起施行").is_empty(),
            "a date is not a period"
        );
        assert_eq!(deadlines("应当及时报告"), vec!["及时"]);
        assert_eq!(
            date_in("本条例自2024年10月1日起施行。"),
            Some("2024-10-01".into())
        );
        assert_eq!(date_in("本条例自年月日起施行。"), None);
    }
}
