//! The forms texts take: each layout of a published or draft text segments and
//! gives its header.

use super::*;

struct Form {
    file: &'static str,
    chapters: usize,
    sections: usize,
    articles: usize,
    /// Dropped text by kind: (kind, how many).
    dropped: &'static [(&'static str, usize)],
    /// Articles with a bracketed heading.
    headings: usize,
    title: &'static str,
    instrument: Option<&'static str>,
    jurisdiction: &'static str,
    level: &'static str,
    status: &'static str,
    adopted: Option<&'static str>,
    approved: Option<&'static str>,
    published: Option<&'static str>,
    in_force: Option<&'static str>,
    self_name: Option<&'static str>,
    guessed: &'static [&'static str],
}

const FORMS: &[Form] = &[
    Form {
        file: "bracketed_headings.txt",
        chapters: 2,
        sections: 0,
        articles: 5,
        dropped: &[],
        headings: 5,
        title: "滨州市平安建设条例",
        instrument: Some("地方性法规"),
        jurisdiction: "滨州市",
        level: "市",
        status: "征求意见稿",
        adopted: None,
        approved: None,
        published: None,
        in_force: None,
        self_name: Some("本条例"),
        guessed: &["类型"],
    },
    Form {
        file: "table_of_contents.txt",
        chapters: 3,
        sections: 0,
        articles: 5,
        dropped: &[("目录", 4)],
        headings: 0,
        title: "杭州市社会治安综合治理条例",
        instrument: Some("地方性法规"),
        jurisdiction: "杭州市",
        level: "市",
        status: "施行",
        adopted: Some("2019-12-20"),
        approved: Some("2020-03-26"),
        published: None,
        in_force: Some("2020-05-01"),
        self_name: Some("本条例"),
        guessed: &[],
    },
    Form {
        file: "markdown.txt",
        chapters: 3,
        sections: 0,
        articles: 4,
        dropped: &[("Markdown 标记", 8)],
        headings: 0,
        title: "绍兴市平安建设条例",
        instrument: Some("地方性法规"),
        jurisdiction: "绍兴市",
        level: "市",
        status: "施行",
        adopted: Some("2021-10-28"),
        approved: None,
        published: None,
        in_force: Some("2022-01-01"),
        self_name: Some("本条例"),
        guessed: &[],
    },
    Form {
        file: "government_order.txt",
        chapters: 0,
        sections: 0,
        articles: 4,
        dropped: &[("附件", 3)],
        headings: 0,
        title: "海东市平安建设办法",
        instrument: Some("地方政府规章"),
        jurisdiction: "海东市",
        level: "市",
        status: "施行",
        adopted: Some("2022-11-30"),
        approved: None,
        published: Some("2022-12-10"),
        in_force: Some("2023-01-01"),
        self_name: Some("本办法"),
        guessed: &[],
    },
    Form {
        file: "zhou_in_city_name.txt",
        chapters: 0,
        sections: 0,
        articles: 3,
        dropped: &[],
        headings: 0,
        title: "广州市平安建设条例",
        instrument: Some("地方性法规"),
        jurisdiction: "广州市",
        level: "市",
        status: "施行",
        adopted: Some("2023-06-28"),
        approved: Some("2023-09-27"),
        published: None,
        in_force: Some("2024-01-01"),
        self_name: Some("本条例"),
        guessed: &[],
    },
    Form {
        file: "special_economic_zone.txt",
        chapters: 2,
        sections: 0,
        articles: 3,
        dropped: &[],
        headings: 0,
        title: "深圳经济特区平安建设条例",
        instrument: Some("地方性法规"),
        jurisdiction: "深圳市",
        level: "市",
        status: "施行",
        adopted: Some("2022-10-31"),
        approved: None,
        published: None,
        in_force: Some("2023-01-01"),
        self_name: Some("本条例"),
        guessed: &[],
    },
    Form {
        file: "autonomous_prefecture.txt",
        chapters: 0,
        sections: 0,
        articles: 3,
        dropped: &[],
        headings: 0,
        title: "延边朝鲜族自治州平安建设条例",
        instrument: Some("单行条例"),
        jurisdiction: "延边朝鲜族自治州",
        level: "州",
        status: "施行",
        adopted: Some("2023-01-12"),
        approved: Some("2023-03-30"),
        published: None,
        in_force: Some("2023-05-01"),
        self_name: Some("本条例"),
        guessed: &[],
    },
];

#[test]
fn every_form_segments_and_gives_its_header() {
    let lex = lexicon_graph();
    for f in FORMS {
        let path = root().join("tests/fixtures/lift/formats").join(f.file);
        let text = read(&path);
        let l =
            tiaoli_lift::lift(f.file, &text, &lex).unwrap_or_else(|e| panic!("{}: {e}", f.file));
        let r = &l.report;
        let h = &r.header;
        let dropped = |kind: &str| r.dropped.iter().filter(|d| d.kind == kind).count();
        let got = (
            r.chapters,
            r.sections,
            r.articles,
            r.per_article.iter().filter(|a| a.heading.is_some()).count(),
        );
        assert_eq!(
            got,
            (f.chapters, f.sections, f.articles, f.headings),
            "{}: chapters, sections, articles, headings",
            f.file
        );
        for (kind, n) in f.dropped {
            assert_eq!(
                dropped(kind),
                *n,
                "{}: dropped {kind}: {:?}",
                f.file,
                r.dropped
            );
        }
        assert_eq!(h.title, f.title, "{}", f.file);
        assert_eq!(
            h.instrument.as_deref(),
            f.instrument,
            "{}: 类型 {:?}",
            f.file,
            h.notes
        );
        assert_eq!(
            (h.jurisdiction.as_str(), h.level.as_str()),
            (f.jurisdiction, f.level),
            "{}: 辖区 级别",
            f.file
        );
        assert_eq!(h.status, f.status, "{}: 状态 {:?}", f.file, h.notes);
        assert_eq!(
            (
                h.adopted.as_deref(),
                h.approved.as_deref(),
                h.published.as_deref(),
                h.in_force.as_deref()
            ),
            (f.adopted, f.approved, f.published, f.in_force),
            "{}: 通过 批准 公布 施行",
            f.file
        );
        assert_eq!(h.self_name.as_deref(), f.self_name, "{}: 自称", f.file);
        assert_eq!(h.guessed, f.guessed, "{}: guessed {:?}", f.file, h.notes);
        // Every article's text is in the skeleton, and the skeleton checks.
        let arts = tiaoli_lift::article_texts(&l);
        assert_eq!(arts.len(), f.articles);
        let lexfiles = lexicon();
        let mut texts: Vec<(&str, &str)> = lexfiles
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        texts.push(("lifted.tiaoli", &l.text));
        let c = tiaoli_compiler::compile_texts(&texts);
        assert!(
            !c.has_errors(),
            "{}: {}",
            f.file,
            tiaoli_syntax::render::render_human(&c.diagnostics, &c.sources, false)
        );
    }
}
