//! Rendering a test run: for people, for JSON consumers, and as JUnit XML.

use crate::{Coverage, Outcome};
use tiaoli_l10n::t;

pub fn human(o: &Outcome, show_uncovered: bool) -> String {
    let mut out = String::new();
    for c in &o.cases {
        if c.passed {
            out.push_str(&format!("✓ {}\n", c.name));
            continue;
        }
        out.push_str(&format!("✗ {}  ({})\n", c.name, c.file));
        for f in &c.failures {
            out.push_str(&format!(
                "    {}\n",
                t!(
                    "scenario-unit-failure",
                    unit = &f.unit,
                    message = &f.message
                )
            ));
            if !f.differences.is_empty() {
                let w = f
                    .differences
                    .iter()
                    .map(|(k, ..)| k.chars().count())
                    .max()
                    .unwrap_or(0);
                out.push_str(&format!(
                    "      {:w$}  {:<24}  {}\n",
                    "",
                    t!("scenario-expected"),
                    t!("scenario-actual")
                ));
                for (k, e, a) in &f.differences {
                    let pad = w.saturating_sub(k.chars().count());
                    out.push_str(&format!("      {k}{}  {e:<24}  {a}\n", " ".repeat(pad)));
                }
            }
            if let Some(why) = &f.why {
                out.push_str(&format!("      {}\n", t!("scenario-why")));
                for line in why.lines().filter(|l| !l.trim().is_empty()) {
                    out.push_str(&format!("        {line}\n"));
                }
            }
        }
    }
    if let Some(cov) = &o.coverage {
        out.push_str(&coverage(cov, show_uncovered));
    }
    out.push('\n');
    out.push_str(&t!(
        "scenario-summary",
        passed = o.passed,
        failed = o.failed
    ));
    out.push('\n');
    out
}

pub fn coverage(c: &Coverage, show_uncovered: bool) -> String {
    let mut out = format!("\n{}\n", t!("scenario-coverage-head"));
    for (id, oc) in &c.ordinances {
        out.push_str(&format!(
            "  {id:<10} {:>4}/{:<4} {:5.1}%\n",
            oc.covered, oc.total, oc.percent
        ));
        if show_uncovered && !oc.uncovered.is_empty() {
            let list = oc.uncovered.join("、");
            out.push_str(&format!(
                "    {}\n",
                t!("scenario-not-exercised", list = list)
            ));
        }
    }
    let percent = format!("{:5.1}", c.percent);
    out.push_str(&format!("  {}\n", t!("scenario-total", percent = percent)));
    out
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// JUnit XML, one testcase per case: the element and attribute names are the
/// format's, the messages in the current language.
pub fn junit(o: &Outcome) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tiaoli\" tests=\"{}\" failures=\"{}\">\n  <testsuite name=\"tiaoli test\" tests=\"{}\" failures=\"{}\">\n",
        o.total, o.failed, o.total, o.failed
    );
    for c in &o.cases {
        out.push_str(&format!(
            "    <testcase name=\"{}\" classname=\"{}\"",
            xml(&c.name),
            xml(&c.file)
        ));
        if c.passed {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let msg: Vec<String> = c
            .failures
            .iter()
            .map(|f| {
                t!(
                    "scenario-unit-failure",
                    unit = &f.unit,
                    message = &f.message
                )
            })
            .collect();
        let mut body = String::new();
        for (f, m) in c.failures.iter().zip(&msg) {
            body.push_str(&format!("{m}\n"));
            for (k, e, a) in &f.differences {
                let line = t!(
                    "scenario-junit-difference",
                    key = k,
                    expected = e,
                    actual = a
                );
                body.push_str(&format!("  {line}\n"));
            }
        }
        out.push_str(&format!(
            "      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
            xml(&msg.join("; ")),
            xml(&body)
        ));
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
