//! Generated regulations: lift keeps every article's text and gives a skeleton
//! that parses.

use super::*;

const POOL: &[char] = &[
    '平', '安', '建', '设', '应', '当', '报', '告', '部', '门', '政', '府', '单', '位', '、', '，',
    '“', '”', '（', '）', 'A', '1',
];

fn para() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(POOL), 2..40)
        .prop_map(|v| v.into_iter().collect::<String>() + "。")
}

#[derive(Debug, Clone)]
struct Doc {
    articles: Vec<(Vec<String>, Vec<String>, bool)>, // paragraphs, items, chapter before
    arabic: bool,
    wide_space: bool,
    split_at: Vec<usize>,
}

fn doc() -> impl Strategy<Value = Doc> {
    (
        prop::collection::vec(
            (
                prop::collection::vec(para(), 1..4),
                prop::collection::vec(para(), 0..4),
                any::<bool>(),
            ),
            1..25,
        ),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(1usize..30, 0..4),
    )
        .prop_map(|(articles, arabic, wide_space, split_at)| Doc {
            articles,
            arabic,
            wide_space,
            split_at,
        })
}

fn render(d: &Doc) -> String {
    let num = |n: usize| {
        if d.arabic {
            n.to_string()
        } else {
            tiaoli_syntax::format::to_chinese(n as u32)
        }
    };
    let sep = if d.wide_space { "\u{3000}" } else { " " };
    let mut s = String::from("某市平安建设条例\n（草案）\n");
    let mut chapter = 0;
    for (i, (paras, items, ch)) in d.articles.iter().enumerate() {
        if *ch {
            chapter += 1;
            s.push_str(&format!("第{}章{sep}总　则\n", num(chapter)));
        }
        for (j, p) in paras.iter().enumerate() {
            let mut p = p.clone();
            // A page-break split inside a paragraph (never right after punctuation).
            if let Some(at) = d
                .split_at
                .get(i % d.split_at.len().max(1))
                .filter(|_| !d.split_at.is_empty())
            {
                let chars: Vec<char> = p.chars().collect();
                if *at < chars.len() - 1 && !"。；：，、“”（）".contains(chars[*at - 1])
                {
                    p = format!(
                        "{}\n{}",
                        chars[..*at].iter().collect::<String>(),
                        chars[*at..].iter().collect::<String>()
                    );
                }
            }
            if j == 0 {
                s.push_str(&format!("第{}条{sep}{p}\n", num(i + 1)));
            } else {
                s.push_str(&format!("{p}\n"));
            }
            if j == 0 {
                for (k, it) in items.iter().enumerate() {
                    s.push_str(&format!(
                        "（{}）{it}\n",
                        tiaoli_syntax::format::to_chinese(k as u32 + 1)
                    ));
                }
            }
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: regressions_beside_source(),
        ..ProptestConfig::default()
    })]

    #[test]
    fn lift_is_lossless_on_generated_regulations(d in doc()) {
        let text = render(&d);
        let lex = tiaoli_compiler::graph::LexiconOut::default();
        let lifted = tiaoli_lift::lift("gen.txt", &text, &lex).unwrap();
        let arts = tiaoli_lift::article_texts(&lifted);
        prop_assert_eq!(arts.len(), d.articles.len());
        let got: String = arts.iter().map(|(_, t)| squeeze(t)).collect();
        prop_assert_eq!(got, source_body(&text));
        prop_assert!(tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &lifted.text).is_ok());
    }
}
