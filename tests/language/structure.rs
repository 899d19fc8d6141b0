//! Document structure (part 1 of the corpus): the header, chapters, sections,
//! paragraphs and items with their eids and citations, Arabic numbering, articles
//! without norms.

use super::*;

#[test]
fn header_with_every_field_and_unknown_dates() {
    let o = ordinance(
        r#"
条例 zj {
  标题 "浙江省平安建设条例"
  类型 地方性法规
  辖区 浙江省
  级别 省
  状态 草案
  通过日期 未知
  批准日期 未知
  施行日期 未知
  废止 "《浙江省社会治安综合治理条例》"
  自称 本条例
}
第一条 {
  性质 宗旨
  款 "为了……，制定本条例。"
}
"#,
    );
    assert_eq!(o.id, "zj");
    assert_eq!(o.title, "浙江省平安建设条例");
    assert_eq!(o.level, Level::Province);
    assert_eq!(o.status, Status::Draft);
    assert!(o.draft, "a 草案 is a draft");
    assert_eq!(o.in_force, None, "a blank date stays unknown");
    assert_eq!(o.adopted, None);
    assert_eq!(o.repeals, vec!["《浙江省社会治安综合治理条例》"]);
}

#[test]
fn chapters_sections_paragraphs_items_with_eids_and_citations() {
    let o = ordinance(&format!(
        r#"{HEADER}
第六章 "考评监督"
第一节 "考核"
第四十六条 {{
  款 "……发现有下列情形之一的，应当……："
  项 （一） "区域内重大安全隐患未及时整改的；"
  项 （六） "平安建设考评评价等次为一般的；"
  款 "第二款。"
  性质 宣示
}}
"#
    ));
    let a = &o.articles[0];
    assert_eq!((a.number, a.chapter, a.section), (46, Some(6), Some(1)));
    assert_eq!(a.eid, "art_46");
    assert_eq!(a.cite, "第四十六条");
    assert_eq!(a.kind, Some(ArticleKind::Declaration));
    let item = &a.paragraphs[0].items[1];
    assert_eq!(item.eid, "art_46__para_1__point_6");
    assert_eq!(item.cite, "第四十六条第一款第（六）项");
    assert_eq!(item.label, "（六）");
    assert_eq!(a.paragraphs[1].cite, "第四十六条第二款");
    assert_eq!(
        a.text,
        "……发现有下列情形之一的，应当……：\n（一）区域内重大安全隐患未及时整改的；\n（六）平安建设考评评价等次为一般的；\n第二款。"
    );
    assert_eq!(o.chapters[0].title, "考评监督");
    assert_eq!(o.chapters[0].sections[0].title, "考核");
}

#[test]
fn arabic_numbering_is_cited_as_written_and_single_paragraphs_omit_kuan() {
    let o = ordinance(&format!(
        "{HEADER}\n第1条 {{\n  款 \"为了……\"\n  项 （1） \"甲\"\n  性质 宗旨\n}}\n第2条 {{\n  性质 施行\n  款 \"本条例自公布之日起施行。\"\n}}\n"
    ));
    assert_eq!(o.articles[0].cite, "第1条");
    assert_eq!(
        o.articles[0].paragraphs[0].items[0].cite, "第1条第（1）项",
        "one paragraph: no 第一款"
    );
    assert_eq!(o.articles[1].number, 2);
}

#[test]
fn articles_without_norms_are_marked_by_kind() {
    for (kind, expected) in [
        ("宗旨", ArticleKind::Purpose),
        ("适用范围", ArticleKind::Scope),
        ("原则", ArticleKind::Principle),
        ("定义", ArticleKind::Definition),
        ("体制", ArticleKind::Institution),
        ("宣示", ArticleKind::Declaration),
        ("施行", ArticleKind::Commencement),
        ("废止", ArticleKind::Repeal),
        ("commencement", ArticleKind::Commencement),
    ] {
        let o = ordinance(&format!(
            "{HEADER}\n第一条 {{\n  性质 {kind}\n  款 \"……\"\n}}\n"
        ));
        assert_eq!(o.articles[0].kind, Some(expected), "{kind}");
    }
}
