//! The annotated set (tests/fixtures/lift/annotated/): every annotated sentence
//! found, and modality, subjects, triggers and consequences at or above the bar.

use super::*;

#[derive(serde::Deserialize)]
struct AnnotatedFile {
    source: String,
    held_out: bool,
    sentences: Vec<Annotated>,
}

#[derive(serde::Deserialize)]
struct Annotated {
    article: String,
    paragraph: usize,
    item: Option<String>,
    text: String,
    modality: Option<String>,
    subjects: Vec<String>,
    trigger: Option<String>,
    consequence: Option<AnnotatedConsequence>,
}

#[derive(serde::Deserialize)]
struct AnnotatedConsequence {
    sanctions: Vec<String>,
    authority: Vec<String>,
    target: Vec<String>,
}

/// Compared as written, less 的 and whitespace.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '的' && !c.is_whitespace())
        .collect()
}

fn norm_set(v: &[String]) -> Vec<String> {
    let mut x: Vec<String> = v.iter().map(|s| norm(s)).collect();
    x.sort();
    x
}

#[derive(Default, Clone, Copy)]
struct Figures {
    units: usize,
    modality: usize,
    subjects: usize,
    mapped: usize,
    named: usize,
    triggers: usize,
    triggers_right: usize,
    consequences: usize,
    found: usize,
    false_consequences: usize,
    sanctions: usize,
    authority: usize,
}

impl Figures {
    fn add(&mut self, o: &Figures) {
        self.units += o.units;
        self.modality += o.modality;
        self.subjects += o.subjects;
        self.mapped += o.mapped;
        self.named += o.named;
        self.triggers += o.triggers;
        self.triggers_right += o.triggers_right;
        self.consequences += o.consequences;
        self.found += o.found;
        self.false_consequences += o.false_consequences;
        self.sanctions += o.sanctions;
        self.authority += o.authority;
    }

    fn pc(a: usize, b: usize) -> f64 {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name}: {} 句；情态 {:.1}%；主体 {:.1}%（其中对上词汇表 {:.1}%）；触发 {:.1}%（{}/{}）；后果找到 {:.1}%（{}/{}），误报 {}；处理方式 {}/{}，处理机关 {}/{}",
            self.units,
            Self::pc(self.modality, self.units),
            Self::pc(self.subjects, self.units),
            Self::pc(self.mapped, self.named),
            Self::pc(self.triggers_right, self.triggers),
            self.triggers_right,
            self.triggers,
            Self::pc(self.found, self.consequences),
            self.found,
            self.consequences,
            self.false_consequences,
            self.sanctions,
            self.found,
            self.authority,
            self.found,
        )
    }
}

/// The figures on the annotated set (tests/fixtures/lift/annotated/, README there):
/// every annotated sentence is one lift finds, and the analysis meets the bar —
/// modality ≥ 97 %, subjects ≥ 90 %, triggers ≥ 85 %, consequences found ≥ 90 % —
/// on the whole set; the held-out text's figures are printed apart.
#[test]
fn the_annotated_set_meets_the_bar() {
    let lex = lexicon_graph();
    let dir = root().join("tests/fixtures/lift/annotated");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    let (mut dev, mut held) = (Figures::default(), Figures::default());
    let mut texts = 0;
    for path in files {
        let file: AnnotatedFile = tiaoli_compiler::yaml::from_str(&read(&path)).unwrap();
        let lifted = tiaoli_lift::lift(&file.source, &read(&shared(&file.source)), &lex).unwrap();
        texts += 1;
        let mut f = Figures::default();
        for a in &file.sentences {
            let art = lifted
                .report
                .per_article
                .iter()
                .find(|x| x.cite == a.article)
                .unwrap_or_else(|| panic!("{}: no {}", file.source, a.article));
            let s = art
                .sentences
                .iter()
                .find(|s| s.paragraph == a.paragraph && s.item == a.item && s.text == a.text)
                .unwrap_or_else(|| {
                    panic!(
                        "{} {}: “{}” is not one of lift's sentences",
                        file.source, a.article, a.text
                    )
                });
            f.units += 1;
            // TIAOLI_LIFT_SHOW=modality|subjects|trigger prints the differences of
            // the development texts (never the held-out one).
            if let Ok(what) = std::env::var("TIAOLI_LIFT_SHOW") {
                let got: Vec<String> = s.subjects.iter().map(|x| x.text.clone()).collect();
                let differs = match what.as_str() {
                    "modality" => s.modality.map(str::to_string) != a.modality,
                    "subjects" => norm_set(&got) != norm_set(&a.subjects),
                    _ => s.trigger.as_deref().map(norm) != a.trigger.as_deref().map(norm),
                };
                if differs && !file.held_out {
                    println!(
                        "{} {} {}\n  annotated {:?} {:?} {:?}\n  lift      {:?} {:?} {:?}",
                        file.source,
                        a.article,
                        a.text,
                        a.modality,
                        a.subjects,
                        a.trigger,
                        s.modality,
                        got,
                        s.trigger
                    );
                }
            }
            f.modality += usize::from(s.modality.map(str::to_string) == a.modality);
            let got: Vec<String> = s.subjects.iter().map(|x| x.text.clone()).collect();
            if norm_set(&got) == norm_set(&a.subjects) {
                f.subjects += 1;
                f.named += s.subjects.len();
                f.mapped += s.subjects.iter().filter(|x| x.term.is_some()).count();
            }
            let (gt, wt) = (
                s.trigger.as_deref().map(norm),
                a.trigger.as_deref().map(norm),
            );
            if gt.is_some() || wt.is_some() {
                f.triggers += 1;
                f.triggers_right += usize::from(gt == wt);
            }
            match (&a.consequence, &s.consequence) {
                (Some(want), Some(got)) => {
                    f.consequences += 1;
                    f.found += 1;
                    f.sanctions +=
                        usize::from(norm_set(&got.sanctions) == norm_set(&want.sanctions));
                    let authority: Vec<String> =
                        got.authority.iter().map(|x| x.text.clone()).collect();
                    f.authority += usize::from(norm_set(&authority) == norm_set(&want.authority));
                    let _ = &want.target;
                }
                (Some(_), None) => f.consequences += 1,
                (None, Some(_)) => f.false_consequences += 1,
                (None, None) => {}
            }
        }
        if file.held_out {
            held.add(&f);
        } else {
            dev.add(&f);
        }
    }
    let mut all = dev;
    all.add(&held);
    println!("{}", dev.line("开发集"));
    println!("{}", held.line("留出集（北京）"));
    println!("{}", all.line("全部"));
    assert_eq!(texts, 9, "an annotation file for each of the nine texts");
    assert!(all.units >= 200);
    let bar = |name: &str, got: f64, min: f64| {
        assert!(
            got >= min,
            "{name}: {got:.1}% is below {min}%\n{}",
            all.line("全部")
        )
    };
    bar("情态", Figures::pc(all.modality, all.units), 97.0);
    bar("主体", Figures::pc(all.subjects, all.units), 90.0);
    bar("触发", Figures::pc(all.triggers_right, all.triggers), 85.0);
    bar("后果", Figures::pc(all.found, all.consequences), 90.0);
}
