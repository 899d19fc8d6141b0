//! Facts and other inputs: /dev/zero, keys given twice, every problem at once with
//! its place, YAML tags, JSON Lines, byte order marks, deep nesting.

use super::*;

#[test]
fn dev_zero_as_a_facts_file_is_refused_at_the_size_bound() {
    let o = bad(&["eval", "/dev/zero"], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("超过输入大小上限"), "{}", o.err);
    let o = Command::new(env!("CARGO_BIN_EXE_tiaoli"))
        .current_dir(root())
        .env("TIAOLI_MAX_INPUT_BYTES", "10")
        .args(["eval", "examples/units.yaml"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("10 字节"));
}

#[test]
fn a_key_given_twice_is_an_error_at_the_second_in_yaml_and_json() {
    for (file, line) in [("duplicate_key.yaml", 7), ("duplicate_key.json", 3)] {
        let o = bad(&["eval", &fixture(file)], 5_000);
        assert_eq!(o.code, 2, "{file}: {}", o.err);
        assert!(o.err.contains("键“kind”重复"), "{file}: {}", o.err);
        assert_located(&o.err, file, line);
    }
}

#[test]
fn every_problem_of_a_facts_file_is_listed_at_once_with_its_place() {
    let o = bad(&["eval", &fixture("many_problems.yaml")], 10_000);
    assert_eq!(o.code, 2, "{}", o.err);
    for (line, what) in [
        (8, "events[0].date"),        // 2025-+3-+1 is not a date
        (9, "早于事件本身的日期"),    // a deadline before its own date
        (9, "events[1].by"),          // by: is checked
        (11, "未知字段“to”"),         // actions accept no unknown field
        (12, "两个单位使用同一编号"), // duplicate ids, with the rest
        (13, "公按部门"),             // an unknown kind, with a did-you-mean
        (14, "未知字段“colour”"),
        (16, "考评等级"),
    ] {
        let shown = o
            .err
            .lines()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("{what} not in\n{}", o.err));
        assert!(
            shown.contains(&format!("many_problems.yaml:{line}:")),
            "{what}: not at line {line}: {shown}"
        );
    }
    assert!(o.err.contains("有 8 处问题"), "{}", o.err);
}

#[test]
fn yaml_tags_get_a_plain_message_not_serde_jargon() {
    let o = bad(&["eval", &fixture("tag.yaml")], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("不支持 YAML 标签“!!str”"), "{}", o.err);
    assert!(!o.err.contains("invalid type"), "{}", o.err);
    assert_located(&o.err, "tag.yaml", 4);
}

#[test]
fn a_json_lines_error_names_one_line() {
    let o = bad(&["eval", &fixture("broken.jsonl")], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert_located(&o.err, "broken.jsonl", 3);
    assert!(!o.err.contains("at line"), "{}", o.err);
}

#[test]
fn a_byte_order_mark_is_accepted_in_every_facts_format() {
    for f in ["bom.yaml", "bom.json", "bom.jsonl"] {
        let o = bad(&["eval", &fixture(f), "--as-of", "2025-03-01"], usize::MAX);
        assert_ne!(o.code, 2, "{f}: {}", o.err);
        assert!(o.out.contains("■ 甲（公安部门）"), "{f}: {}", o.out);
    }
}

#[test]
fn deeply_nested_facts_are_one_error_quickly() {
    let t = temp();
    let n = 100_000;
    let deep = format!(
        "as_of: 2025-03-01\nunits: {}{}\n",
        "[".repeat(n),
        "]".repeat(n)
    );
    let f = write(t.path(), "deep.yaml", &deep);
    let o = bad(&["eval", path_str(&f)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("嵌套过深"), "{}", o.err);
    let f = write(
        t.path(),
        "deep.json",
        &format!("{{\"units\": {}{}}}", "[".repeat(n), "]".repeat(n)),
    );
    let o = bad(&["eval", path_str(&f)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("嵌套过深"), "{}", o.err);
}
