//! The skeleton: header, headings and every article marked 性质 待审 with its
//! verbatim text and the analysis as review comments — formatted through the
//! syntax crate, then parsed and compiled again, so that what lift writes is
//! always a file `tiaoli check` accepts.

use tiaoli_l10n::t;
use tiaoli_syntax::format::{quote, to_chinese};

use crate::analyse::{Analyser, Sentence};
use crate::header::Header;
use crate::segment::{Doc, Piece};
use crate::text::{cn_or_arabic, is_name};
use crate::{ArticleReport, LiftError, Report, Summary};

/// A file name made into an ordinance id (a valid name, else `lifted`).
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
    let id = if clean.chars().next().is_some_and(|c| c.is_alphabetic()) {
        clean
    } else {
        format!("lifted_{clean}")
    };
    if is_name(&id) {
        id
    } else {
        "lifted".to_string()
    }
}

fn header_text(out: &mut String, id: &str, h: &Header) {
    let guessed = |f: &str| h.guessed.contains(&f);
    out.push_str(&format!("条例 {id} {{\n"));
    out.push_str(&format!(
        "  标题 {}\n",
        quote(if h.title.is_empty() {
            "（标题缺失）"
        } else {
            &h.title
        })
    ));
    if let Some(i) = &h.instrument {
        if guessed("类型") {
            out.push_str("  // 推定：类型\n");
        }
        out.push_str(&format!("  类型 {i}\n"));
    }
    if guessed("辖区") {
        out.push_str("  // 推定：辖区（待人工填写）\n");
    }
    out.push_str(&format!("  辖区 {}\n", h.jurisdiction));
    if guessed("级别") {
        out.push_str("  // 推定：级别\n");
    }
    out.push_str(&format!("  级别 {}\n", h.level));
    if guessed("状态") {
        out.push_str("  // 推定：状态\n");
    }
    out.push_str(&format!("  状态 {}\n", h.status));
    out.push_str(&format!(
        "  通过日期 {}\n",
        h.adopted.as_deref().unwrap_or("未知")
    ));
    if let Some(a) = &h.approved {
        out.push_str(&format!("  批准日期 {a}\n"));
    }
    out.push_str(&format!(
        "  施行日期 {}\n",
        h.in_force.as_deref().unwrap_or("未知")
    ));
    if let Some(p) = &h.published {
        out.push_str(&format!("  // 公布日期 {p}（语言暂无此字段）\n"));
    }
    for n in &h.notes {
        out.push_str(&format!("  // 表头说明：{n}\n"));
    }
    if let Some(s) = &h.self_name {
        out.push_str(&format!("  自称 {s}\n"));
    }
    out.push_str("}\n");
}

/// The review comment for one normative unit.
fn comment(s: &Sentence) -> String {
    let mut line = format!("  // 待审 第{}款", to_chinese(s.paragraph as u32));
    if let Some(item) = &s.item {
        line.push_str(&format!("第{item}项"));
    }
    match (s.modality, &s.modal_word) {
        (Some(m), Some(w)) if w != m => line.push_str(&format!(" {m}（{w}）")),
        (Some(m), _) if s.implicit => line.push_str(&format!(" {m}（推定）")),
        (Some(m), _) => line.push_str(&format!(" {m}")),
        (None, _) => line.push_str(" 后果"),
    }
    if s.subjects.is_empty() {
        if s.modality.is_some() {
            line.push_str(" · 主体 未明确");
            if !s.preceding_subjects.is_empty() {
                line.push_str(&format!(
                    "（上句主体：{}）",
                    s.preceding_subjects.join("、")
                ));
            }
        }
    } else {
        let subj: Vec<String> = s
            .subjects
            .iter()
            .map(|x| match &x.term {
                Some(t) if *t == x.text => format!("{t} ✓"),
                Some(t) => format!("{}→{t} ✓", x.text),
                None => format!("{}（新）", x.text),
            })
            .collect();
        line.push_str(&format!(" · 主体 {}", subj.join("、")));
    }
    if let Some(t) = &s.trigger {
        line.push_str(&format!(" · 触发 {t}"));
    }
    if !s.deadlines.is_empty() {
        line.push_str(&format!(" · 期限 {}", s.deadlines.join("、")));
    }
    if let Some(c) = &s.consequence {
        let mut measures: Vec<String> = c.sanctions.clone();
        measures.extend(c.other.iter().map(|o| format!("{o}（目录外）")));
        line.push_str(&format!(" · 处理 {}", measures.join("、")));
        if !c.authority.is_empty() {
            let a: Vec<&str> = c.authority.iter().map(|x| x.text.as_str()).collect();
            line.push_str(&format!(" · 由 {}", a.join("、")));
        }
        if !c.target.is_empty() {
            line.push_str(&format!(" · 对 {}", c.target.join("、")));
        }
    }
    if !s.references.is_empty() {
        line.push_str(&format!(" · 引用 {}", s.references.join("、")));
    }
    line.push('\n');
    line
}

/// Writes the skeleton and fills the report's articles.
pub(crate) fn skeleton(
    name: &str,
    doc: &Doc,
    header: &Header,
    analyser: &Analyser,
    report: &mut Report,
) -> Result<String, LiftError> {
    let mut out = String::new();
    out.push_str(&format!(
        "// 由 `tiaoli lift` 从 {name} 生成：待审骨架，不是编码。\n"
    ));
    out.push_str("// 每条均为待审：依据审阅注释编码规范与后果，再删去“性质 待审”。\n");
    for (_, l) in &doc.preamble {
        if *l != header.title {
            out.push_str(&format!("// {l}\n"));
        }
    }
    header_text(&mut out, &id_from_name(name), header);
    let mut new_terms: Vec<String> = Vec::new();
    let mut summary = Summary::default();
    let mut preceding: Vec<String> = Vec::new();
    for piece in &doc.pieces {
        match piece {
            Piece::Chapter {
                number,
                arabic,
                title,
                ..
            } => {
                report.chapters += 1;
                out.push_str(&format!(
                    "\n第{}章 {}\n",
                    cn_or_arabic(*number, *arabic),
                    quote(title)
                ));
            }
            Piece::Section {
                number,
                arabic,
                title,
                ..
            } => {
                report.sections += 1;
                out.push_str(&format!(
                    "\n第{}节 {}\n",
                    cn_or_arabic(*number, *arabic),
                    quote(title)
                ));
            }
            Piece::Article(a) => {
                report.articles += 1;
                let cite = format!("第{}条", cn_or_arabic(a.number, a.arabic));
                out.push_str(&format!("\n{cite} {{\n"));
                if let Some(h) = &a.heading {
                    out.push_str(&format!("  // 条标题 {h}\n"));
                }
                out.push_str("  性质 待审\n");
                let mut sentences = Vec::new();
                let mut items = 0;
                for (pi, p) in a.paras.iter().enumerate() {
                    out.push_str(&format!("  款 {}\n", quote(&p.text)));
                    sentences.extend(analyser.text(pi + 1, None, &p.text, &mut preceding));
                    for it in &p.items {
                        items += 1;
                        out.push_str(&format!("  项 {} {}\n", it.label, quote(&it.text)));
                        sentences.extend(analyser.text(
                            pi + 1,
                            Some(&it.label),
                            &it.text,
                            &mut preceding,
                        ));
                    }
                }
                let mut needs: Vec<String> = Vec::new();
                if let Some(h) = &a.heading {
                    needs.push(t!("lift-need-heading", heading = h));
                }
                for s in sentences.iter().filter(|s| s.is_normative()) {
                    out.push_str(&comment(s));
                    let at = format!("第{}款", to_chinese(s.paragraph as u32));
                    if s.modality.is_some() {
                        summary.norms += 1;
                    }
                    if s.consequence.is_some() {
                        summary.consequences += 1;
                        needs.push(t!("lift-need-consequence", at = &at));
                    }
                    if s.implicit && s.modality.is_some() {
                        needs.push(t!(
                            "lift-need-implicit",
                            at = &at,
                            modality = s.modality.unwrap_or("负责")
                        ));
                    }
                    if s.subjects.is_empty() && s.modality.is_some() {
                        summary.no_subject += 1;
                        needs.push(t!("lift-need-no-subject", at = &at));
                    }
                    let unknown: Vec<&str> = s
                        .subjects
                        .iter()
                        .filter(|x| x.term.is_none())
                        .map(|x| x.text.as_str())
                        .collect();
                    if !unknown.is_empty() {
                        summary.unmatched_subjects += unknown.len();
                        needs.push(t!(
                            "lift-need-unknown-subject",
                            at = &at,
                            subjects = unknown.join(t!("list-sep").as_str())
                        ));
                        for u in unknown
                            .iter()
                            .filter_map(|u| crate::analyse::proposed_term(u))
                        {
                            if !new_terms.contains(&u) {
                                new_terms.push(u);
                            }
                        }
                    }
                    if s.deadlines.iter().any(|d| {
                        ["及时", "定期", "立即", "适时", "尽快", "限期"].contains(&d.as_str())
                    }) {
                        needs.push(t!("lift-need-vague", at = &at));
                    }
                }
                if sentences.iter().all(|s| !s.is_normative()) {
                    needs.push(t!("lift-need-kind"));
                }
                needs.dedup();
                if !needs.is_empty() {
                    summary.articles_needing_human += 1;
                }
                out.push_str("}\n");
                report.per_article.push(ArticleReport {
                    number: a.number,
                    cite,
                    heading: a.heading.clone(),
                    line: a.line,
                    paragraphs: a.paras.len(),
                    items,
                    sentences,
                    needs_human: needs,
                });
            }
        }
    }
    summary.new_terms = new_terms.len();
    report.new_terms = new_terms;
    report.summary = summary;
    check(&out)
}

/// Formats the skeleton and proves it: it parses, formats to text that parses
/// again, and compiles without an error.
fn check(raw: &str) -> Result<String, LiftError> {
    let internal = |what: &str, detail: String| {
        LiftError::Internal(t!("lift-internal", what = what, detail = detail))
    };
    let file = tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), raw)
        .map_err(|d| internal("parse", format!("{}: {}", d.code, d.message)))?;
    let text = tiaoli_syntax::format::format_file(&file, raw);
    tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &text)
        .map_err(|d| internal("reparse", format!("{}: {}", d.code, d.message)))?;
    let compiled = tiaoli_compiler::compile_texts(&[("lifted.tiaoli", text.as_str())]);
    if let Some(d) = compiled
        .diagnostics
        .iter()
        .find(|d| d.severity == tiaoli_syntax::Severity::Error)
    {
        return Err(internal("compile", format!("{}: {}", d.code, d.message)));
    }
    Ok(text)
}
