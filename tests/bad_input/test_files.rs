//! `tiaoli test`: a test file that cannot be right is exit 2, not a failing case.

use super::*;

#[test]
fn a_test_file_that_cannot_be_right_is_exit_2_not_a_failing_case() {
    for (file, said) in [
        (
            "unknown_status.yaml",
            "没有状态“triggerd”，是否应为“triggered”",
        ),
        ("invalid_as_of.yaml", "2025-02-30"),
        ("missing_facts.yaml", "no-such-units.yaml"),
        ("invalid_unit.yaml", "公按部门"),
        ("misspelt_absent.yaml", "是否应为“督导整改”"),
        ("facts_without_units.yaml", "没有单位"),
    ] {
        let o = bad(&["test", &fixture(&format!("tests/{file}"))], 5_000);
        assert_eq!(o.code, 2, "{file}: {}\n{}", o.out, o.err);
        assert!(o.err.contains(said), "{file}: {said} not in\n{}", o.err);
        assert!(
            !o.out.contains("passed"),
            "{file}: no case is run\n{}",
            o.out
        );
    }
}
