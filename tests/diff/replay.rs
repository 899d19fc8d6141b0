//! Units replayed on both versions (`--units`): the verdicts that change.

use super::*;

#[test]
fn replayed_units_show_the_verdicts_that_change() {
    let units = "tests/fixtures/diff/units.yaml";
    let (code, v) = diff_json(
        &fixture("base"),
        &fixture("deadline_shorter"),
        &["--units", units, "--drafts", "--fail-on", "verdict-changed"],
    );
    assert_eq!(code, 1);
    let u = v["units"].as_array().expect("units");
    assert_eq!(u.len(), 1, "{u:#?}");
    assert_eq!(u[0]["unit"], "平安区公安分局");
    assert_eq!(u[0]["name"], "风险提示");
    assert_eq!(u[0]["old"]["status"], "pending");
    assert_eq!(u[0]["new"]["status"], "violated");
    assert_eq!(u[0]["new"]["due"], "2025-01-17");
    assert_eq!(v["summary"]["verdict-changed"], 1);

    // A stiffer sanction: the triggered consequence now carries other measures.
    let (_, v) = diff_json(
        &fixture("base"),
        &fixture("sanction"),
        &["--units", units, "--drafts"],
    );
    let u = v["units"].as_array().expect("units");
    assert_eq!(u.len(), 1, "{u:#?}");
    assert_eq!(u[0]["old"]["sanctions"], serde_json::json!(["通报"]));
    assert_eq!(
        u[0]["new"]["sanctions"],
        serde_json::json!(["挂牌督办", "约谈"])
    );

    // Wording changes no verdict.
    let (code, v) = diff_json(
        &fixture("base"),
        &fixture("wording"),
        &["--units", units, "--drafts", "--fail-on", "verdict-changed"],
    );
    assert_eq!(code, 0);
    assert_eq!(v["units"], serde_json::json!([]));
}

/// The verdicts that change in the reports for people, in Chinese and in
/// English: a due date moved (pending → violated) and the measures a
/// triggered consequence carries.
#[test]
fn replayed_units_in_the_reports_in_both_languages() {
    let units = "tests/fixtures/diff/units.yaml";
    for (name, new, formats) in [
        ("deadline", "deadline_shorter", &["human", "markdown"][..]),
        ("sanction", "sanction", &["human"]),
    ] {
        for lang in ["zh", "en"] {
            for format in formats {
                let (code, out, err) = run(&[
                    "--lang",
                    lang,
                    "diff",
                    &fixture("base"),
                    &fixture(new),
                    "--units",
                    units,
                    "--drafts",
                    "--format",
                    format,
                ]);
                assert_eq!(code, 0, "{err}");
                insta::assert_snapshot!(format!("diff_units_{name}_{format}_{lang}"), out);
            }
        }
    }
}
