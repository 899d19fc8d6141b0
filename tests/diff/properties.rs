//! Properties on generated ordinances: diff(x, x) = ∅ and diff(b, a) =
//! mirror(diff(a, b)).

use super::*;

const SENTENCES: &[&str] = &[
    "公安机关发现涉嫌电信网络诈骗的，应当及时向客户作出风险提示",
    "人民政府应当统筹推进本行政区域内的平安建设工作",
    "平安建设成员单位应当采取阻断措施并报告",
    "国家机关应当建立健全重大决策风险评估机制并听取公众意见",
    "对违反本条例规定的单位予以通报并责令限期整改",
    "鼓励社会组织和志愿者参与平安建设活动",
];
const SUBJECTS: &[&str] = &[
    "公安部门",
    "政府工作部门",
    "国家机关",
    "市 人民政府",
    "人民政府",
    "平安建设成员单位",
];
const MODALITIES: &[&str] = &["应当", "负责", "可以", "鼓励", "不得"];
const ACTIONS: &[&str] = &[
    "向客户作出风险提示",
    "采取阻断措施",
    "报告涉嫌电信网络诈骗",
    "统筹推进平安建设工作",
];
const DEADLINES: &[&str] = &[
    "",
    "及时",
    "立即",
    "定期",
    "每年",
    "每季度",
    "30 日",
    "15 日",
    "5 个工作日",
];
const GROUNDS: &[&str] = &[
    "构成犯罪",
    "重大安全隐患未及时整改",
    "平安建设考评等次 = 一般",
    "次数 发现涉嫌电信网络诈骗 近 30 日 >= 2",
];
const SANCTIONS: &[&str] = &["通报", "约谈", "挂牌督办", "批评教育", "处分"];
const BY: &[&str] = &["", "同级 平安建设组织协调机构", "上级 平安建设组织协调机构"];
const STATUSES: &[&str] = &["草案", "通过", "施行"];

#[derive(Clone, Debug)]
struct NormSpec {
    name: String,
    subject: usize,
    modality: usize,
    action: usize,
    deadline: usize,
}

#[derive(Clone, Debug)]
struct ConsSpec {
    name: String,
    ground: usize,
    sanction: usize,
    by: usize,
}

#[derive(Clone, Debug)]
struct ArticleSpec {
    uid: usize,
    sentence: usize,
    norms: Vec<NormSpec>,
    consequence: Option<ConsSpec>,
}

#[derive(Clone, Debug)]
struct DocSpec {
    status: usize,
    articles: Vec<ArticleSpec>,
    next: usize,
}

impl DocSpec {
    fn fresh(&mut self, g: &mut Gen) -> ArticleSpec {
        self.next += 1;
        let uid = self.next;
        let norms = (0..g.next(3))
            .map(|k| NormSpec {
                name: format!("规范{uid}_{k}"),
                subject: g.next(SUBJECTS.len()),
                modality: g.next(MODALITIES.len()),
                action: g.next(ACTIONS.len()),
                deadline: g.next(DEADLINES.len()),
            })
            .collect();
        let consequence = (g.next(3) == 0).then(|| ConsSpec {
            name: format!("后果{uid}"),
            ground: g.next(GROUNDS.len()),
            sanction: g.next(SANCTIONS.len()),
            by: g.next(BY.len()),
        });
        ArticleSpec {
            uid,
            sentence: g.next(SENTENCES.len()),
            norms,
            consequence,
        }
    }

    fn generate(g: &mut Gen) -> DocSpec {
        let mut d = DocSpec {
            status: g.next(STATUSES.len()),
            articles: vec![],
            next: 0,
        };
        for _ in 0..g.next(5) + 1 {
            let a = d.fresh(g);
            d.articles.push(a);
        }
        d
    }

    /// One random edit of the kinds a drafter makes.
    fn mutate(&mut self, g: &mut Gen) {
        let n = self.articles.len();
        let k = g.next(n.max(1));
        match g.next(10) {
            0 => {
                let a = self.fresh(g);
                self.articles.insert(g.next(n + 1), a);
            }
            1 if n > 1 => {
                self.articles.remove(k);
            }
            2 if n > 1 => {
                let j = g.next(n);
                self.articles.swap(k, j);
            }
            3 => self.status = g.next(STATUSES.len()),
            4 => {
                if let Some(a) = self.articles.get_mut(k) {
                    a.sentence = g.next(SENTENCES.len());
                }
            }
            5 => {
                if let Some(a) = self.articles.get_mut(k) {
                    if let Some(c) = a.consequence.as_mut() {
                        c.sanction = g.next(SANCTIONS.len());
                        c.by = g.next(BY.len());
                    } else {
                        a.norms.clear();
                    }
                }
            }
            field => {
                if let Some(x) = self.articles.get_mut(k).and_then(|a| a.norms.first_mut()) {
                    match field {
                        6 => x.modality = g.next(MODALITIES.len()),
                        7 => x.subject = g.next(SUBJECTS.len()),
                        8 => x.deadline = g.next(DEADLINES.len()),
                        _ => x.action = g.next(ACTIONS.len()),
                    }
                }
            }
        }
    }

    fn render(&self) -> String {
        let status = STATUSES[self.status];
        let date = if status == "草案" {
            ""
        } else {
            "  施行日期 2025-01-01\n"
        };
        let mut s = format!(
            "条例 t {{\n  标题 \"测试条例\"\n  辖区 海东市\n  级别 市\n  状态 {status}\n{date}}}\n"
        );
        for (i, a) in self.articles.iter().enumerate() {
            let number = tiaoli_syntax::format::to_chinese(i as u32 + 1);
            s.push_str(&format!(
                "\n第{number}条 {{\n  款 \"{}，适用第{}号规定。\"\n",
                SENTENCES[a.sentence],
                a.uid * 37 + 100
            ));
            if a.norms.is_empty() && a.consequence.is_none() {
                s.push_str("  性质 宣示\n");
            }
            for x in &a.norms {
                let modality = MODALITIES[x.modality];
                let binding = modality == "应当" || modality == "负责";
                let deadline = if binding { DEADLINES[x.deadline] } else { "" };
                s.push_str(&format!(
                    "  规范 {} {{\n    主体 {}\n",
                    x.name, SUBJECTS[x.subject]
                ));
                if deadline.ends_with('日') {
                    s.push_str("    触发 发现涉嫌电信网络诈骗\n");
                }
                s.push_str(&format!("    {modality} {}\n", ACTIONS[x.action]));
                if !deadline.is_empty() {
                    s.push_str(&format!("    期限 {deadline}\n"));
                }
                s.push_str("  }\n");
            }
            if let Some(c) = &a.consequence {
                s.push_str(&format!(
                    "  后果 {} {{\n    情形 {}\n",
                    c.name, GROUNDS[c.ground]
                ));
                if !BY[c.by].is_empty() {
                    s.push_str(&format!("    由 {}\n", BY[c.by]));
                }
                s.push_str(&format!("    处理 {}\n  }}\n", SANCTIONS[c.sanction]));
            }
            s.push_str("}\n");
        }
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: regressions_beside_source(),
        ..ProptestConfig::default()
    })]

    #[test]
    fn diff_of_a_document_with_itself_is_empty(seeds in prop::collection::vec(any::<u32>(), 32..128)) {
        let mut g = Gen { seeds, pos: 0 };
        let a = compile_text(&DocSpec::generate(&mut g).render());
        let d = tiaoli_diff::diff(&a, &a);
        prop_assert!(d.is_empty(), "{:#?}", d.changes);
    }

    #[test]
    fn diff_b_a_is_the_mirror_of_diff_a_b(
        seeds in prop::collection::vec(any::<u32>(), 32..128),
        edits in 1usize..5,
    ) {
        let mut g = Gen { seeds, pos: 0 };
        let a = DocSpec::generate(&mut g);
        let mut b = a.clone();
        for _ in 0..edits {
            b.mutate(&mut g);
        }
        let (ta, tb) = (a.render(), b.render());
        let (ga, gb) = (compile_text(&ta), compile_text(&tb));
        let ab = tiaoli_diff::diff(&ga, &gb);
        let ba = tiaoli_diff::diff(&gb, &ga);
        let mirrored = sorted(ab.changes.iter().map(Change::mirror).collect());
        prop_assert_eq!(mirrored, sorted(ba.changes.clone()), "\n--- a\n{}\n--- b\n{}", ta, tb);
        if ta == tb {
            prop_assert!(ab.is_empty());
        }
    }
}
