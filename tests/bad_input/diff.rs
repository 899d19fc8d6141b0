//! `tiaoli diff`: two different ordinances refused unless asked for, a revision
//! beginning with a dash never reaching git.

use super::*;

#[test]
fn diff_of_two_different_ordinances_is_refused_unless_asked_for() {
    let o = bad(
        &["diff", "rules/haidong.tiaoli", "rules/guangdong.tiaoli"],
        5_000,
    );
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("不是同一部条例"), "{}", o.err);
    assert!(o.out.is_empty(), "{}", o.out);
    let o = bad(
        &[
            "diff",
            "rules/haidong.tiaoli",
            "rules/guangdong.tiaoli",
            "--different-ordinances",
        ],
        usize::MAX,
    );
    assert_eq!(o.code, 0, "{}", o.err);
}

#[test]
fn a_revision_beginning_with_a_dash_never_reaches_git() {
    let t = temp();
    let marker = t.path().join("written-by-git");
    let spec = format!("--output={}:rules", marker.display());
    let o = bad(&["diff", "--", &spec, "rules"], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("不能以 - 开头"), "{}", o.err);
    assert!(!marker.exists());
}
