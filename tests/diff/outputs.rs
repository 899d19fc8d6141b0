//! The reports and the exit-code contract: Markdown sized for a pull-request
//! comment, the human, Markdown and JSON outputs as snapshots, `--fail-on`, usage
//! errors and bad inputs.

use super::*;

/// Markdown for a pull-request comment: a long diff stays under the comment
/// limit, no line is longer than a screen, and long lists are folded.
#[test]
fn markdown_fits_a_pull_request_comment() {
    // 海东 with every 应当 made 必须, in the text and in the rules: a long list.
    let text = read(&root().join("rules/haidong.tiaoli")).replace("应当", "必须");
    let dir = temp_dir("markdown");
    let path = dir.join("haidong.tiaoli");
    std::fs::write(&path, &text).unwrap();
    let (_, md, _) = run(&[
        "diff",
        "rules/haidong.tiaoli",
        path.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(md.matches("`modality-changed`").count() > 20, "{md}");
    assert!(
        md.chars().count() <= tiaoli_diff::render::MARKDOWN_LIMIT,
        "{}",
        md.len()
    );
    let longest = md.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest <= 400, "a line of {longest} characters");
    assert!(md.contains("<details>") && md.contains("</details>"));
    assert_eq!(
        md.matches("<details>").count(),
        md.matches("</details>").count()
    );
}

#[test]
fn snapshots_human_markdown_json() {
    for (name, new) in [("sanction", "sanction"), ("renumbered", "renumbered")] {
        for format in ["human", "markdown", "json"] {
            let (code, out, err) =
                run(&["diff", &fixture("base"), &fixture(new), "--format", format]);
            assert_eq!(code, 0, "{err}");
            insta::assert_snapshot!(format!("diff_{name}_{format}"), out);
        }
    }
}

/// The same reports in English (`--lang en`): the report's own words, the
/// kinds and the field labels translated; the texts, citations, names and the
/// values before and after quoted as the law and its encoding write them.
#[test]
fn snapshots_in_english() {
    let cases = [
        ("sanction", "base", "sanction", &["human", "markdown"][..]),
        ("renumbered", "base", "renumbered", &["human", "markdown"]),
        ("details", "base", "details", &["human"]),
        ("status", "base", "status", &["human"]),
        ("wording", "base", "wording", &["human", "markdown"]),
        ("lexicon", "lexicon", "lexicon_new", &["human", "markdown"]),
    ];
    for (name, old, new, formats) in cases {
        for format in formats {
            let (code, out, err) = run(&[
                "--lang",
                "en",
                "diff",
                &fixture(old),
                &fixture(new),
                "--format",
                format,
            ]);
            assert_eq!(code, 0, "{name}: {err}");
            insta::assert_snapshot!(format!("diff_{name}_{format}_en"), out);
        }
    }
}

#[test]
fn fail_on_chooses_the_kinds_that_exit_1() {
    let (base, modality) = (fixture("base"), fixture("modality"));
    let code = |fail: &str| run(&["diff", &base, &modality, "--fail-on", fail]).0;
    assert_eq!(code("modality-strengthened"), 1);
    assert_eq!(code("modality-weakened,sanction-softened"), 0);
    assert_eq!(code("sanction-softened,modality-strengthened"), 1);
    assert_eq!(code("any"), 1);
    assert_eq!(code("strengthening"), 1);
    assert_eq!(code("weakening"), 0);
    assert_eq!(
        run(&["diff", &modality, &base, "--fail-on", "weakening"]).0,
        1
    );
    // Without --fail-on, a difference is not a failure.
    assert_eq!(run(&["diff", &base, &modality]).0, 0);
    // The other way round, the same change weakens.
    assert_eq!(
        run(&["diff", &modality, &base, "--fail-on", "modality-weakened"]).0,
        1
    );
}

#[test]
fn an_unknown_kind_is_a_usage_error() {
    let (code, _, err) = run(&[
        "diff",
        &fixture("base"),
        &fixture("base"),
        "--fail-on",
        "modality-weaker",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("modality-weaker") && err.contains("modality-weakened"),
        "{err}"
    );
}

#[test]
fn bad_inputs_are_errors_not_panics() {
    let (code, _, err) = run(&["diff", "no/such/file.tiaoli", &fixture("base")]);
    assert_eq!(code, 2);
    assert!(err.contains("旧版本 no/such/file.tiaoli"), "{err}");
    let (code, _, err) = run(&[
        "diff",
        &fixture("base"),
        "tests/fixtures/unknown_term.tiaoli",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("未知的词语")
            && err.contains("新版本（tests/fixtures/unknown_term.tiaoli）未能编译"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let (code, _, err) = run(&["diff", "no-such-revision-xyz:rules", &fixture("base")]);
    assert_eq!(code, 2);
    assert!(err.contains("git"), "{err}");
}
