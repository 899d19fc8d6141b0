//! The files tiaoli writes (`fmt`, `lift -o`): permissions and symlinks kept,
//! read-only and hard-linked targets refused, an unwritable directory, a kill at
//! any moment, nothing overwritten without `--force`, both files or neither.

use super::*;

fn unformatted() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/unformatted.tiaoli")).unwrap()
}

fn formatted() -> String {
    let text = unformatted();
    let f = tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &text).unwrap();
    tiaoli_syntax::format::format_file(&f, &text)
}

/// The names in a directory other than those given.
fn others(dir: &Path, known: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !known.contains(&n.as_str()))
        .collect();
    v.sort();
    v
}

#[test]
fn fmt_keeps_permissions_and_writes_through_a_symlink() {
    use std::os::unix::fs::PermissionsExt;
    let t = temp();
    let f = write(t.path(), "a.tiaoli", &unformatted());
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("a.tiaoli", t.path().join("link.tiaoli")).unwrap();
    let o = bad(&["fmt", path_str(&t.path().join("link.tiaoli"))], 5_000);
    assert_eq!(o.code, 0, "{}", o.err);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), formatted());
    let link = std::fs::symlink_metadata(t.path().join("link.tiaoli")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(
        others(t.path(), &["a.tiaoli", "link.tiaoli"]),
        Vec::<String>::new()
    );
}

#[test]
fn fmt_refuses_read_only_and_hard_linked_files_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let t = temp();
    let ro = write(t.path(), "ro.tiaoli", &unformatted());
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o440)).unwrap();
    let o = bad(&["fmt", path_str(&ro)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("只读"), "{}", o.err);
    assert!(!o.out.contains("formatted:"), "{}", o.out);
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), unformatted());
    assert_eq!(
        std::fs::metadata(&ro).unwrap().permissions().mode() & 0o777,
        0o440
    );

    let h = write(t.path(), "h.tiaoli", &unformatted());
    std::fs::hard_link(&h, t.path().join("h2.tiaoli")).unwrap();
    let o = bad(&["fmt", path_str(&h)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("硬链接"), "{}", o.err);
    assert_eq!(std::fs::read_to_string(&h).unwrap(), unformatted());
    assert_eq!(
        others(t.path(), &["ro.tiaoli", "h.tiaoli", "h2.tiaoli"]),
        Vec::<String>::new(),
        "no temporary file is left behind"
    );
}

#[test]
fn fmt_in_an_unwritable_directory_is_exit_2_with_nothing_changed() {
    use std::os::unix::fs::PermissionsExt;
    let t = temp();
    let d = t.path().join("ro");
    std::fs::create_dir(&d).unwrap();
    let f = write(&d, "a.tiaoli", &unformatted());
    std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o555)).unwrap();
    // As root the directory is writable all the same: then there is nothing to test.
    let probe = d.join(".probe");
    if std::fs::write(&probe, "").is_ok() {
        let _ = std::fs::remove_file(&probe);
        std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("running as root: an unwritable directory cannot be made; skipped");
        return;
    }
    let o = bad(&["fmt", path_str(&f)], 5_000);
    std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(o.code, 2, "{}", o.err);
    assert_eq!(std::fs::read_to_string(&f).unwrap(), unformatted());
}

/// Kills `fmt` at many points of its run: the target is always the old text
/// or the new one, never anything else.
#[test]
fn fmt_killed_at_any_moment_leaves_the_old_file_or_the_new_one() {
    let t = temp();
    // Large enough that formatting takes a while: the kills land all over the run.
    let mut old = unformatted();
    let body = old
        .split_once("\n第")
        .map(|(_, b)| format!("第{b}"))
        .unwrap();
    for i in 2..400 {
        old.push_str(&body.replacen("第1条", &format!("第{i}条"), 1));
    }
    let new = {
        let f = tiaoli_syntax::parse(tiaoli_syntax::SourceId(0), &old).unwrap();
        tiaoli_syntax::format::format_file(&f, &old)
    };
    assert_ne!(old, new);
    let target = t.path().join("big.tiaoli");
    // Deterministic "random" delays: a linear congruential sequence.
    let mut seed: u64 = 19;
    let mut saw_new = false;
    let mut saw_old = false;
    for _ in 0..40 {
        std::fs::write(&target, &old).unwrap();
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let delay = Duration::from_micros(seed % 60_000);
        let mut child = tiaoli()
            .args(["fmt", path_str(&target)])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read_to_string(&target).unwrap();
        assert!(
            now == old || now == new,
            "after a kill at {delay:?}: neither old nor new"
        );
        saw_new |= now == new;
        saw_old |= now == old;
    }
    assert!(saw_old || saw_new);
}

#[test]
fn lift_never_overwrites_its_input_or_an_existing_file_without_force() {
    let t = temp();
    let text = write(t.path(), "x.txt", "第一条 为了测试，制定本条例。\n");
    let o = bad(&["lift", path_str(&text), "-o", path_str(&text)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("就是输入文本"), "{}", o.err);
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "第一条 为了测试，制定本条例。\n"
    );
    // Through a symlink too.
    std::os::unix::fs::symlink(&text, t.path().join("alias.txt")).unwrap();
    let o = bad(
        &[
            "lift",
            path_str(&text),
            "-o",
            path_str(&t.path().join("alias.txt")),
        ],
        5_000,
    );
    assert_eq!(o.code, 2, "{}", o.err);

    let existing = write(t.path(), "out.tiaoli", "// mine\n");
    let o = bad(&["lift", path_str(&text), "-o", path_str(&existing)], 5_000);
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(o.err.contains("--force"), "{}", o.err);
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "// mine\n");
    let o = bad(
        &[
            "lift",
            path_str(&text),
            "-o",
            path_str(&existing),
            "--force",
        ],
        50_000,
    );
    assert_ne!(
        std::fs::read_to_string(&existing).unwrap(),
        "// mine\n",
        "{}",
        o.err
    );
}

#[test]
fn lift_with_a_report_writes_both_files_or_neither() {
    let t = temp();
    let text = write(t.path(), "x.txt", "第一条 为了测试，制定本条例。\n");
    let out = t.path().join("x.tiaoli");
    let report = t.path().join("no-such-dir").join("r.json");
    let o = bad(
        &[
            "lift",
            path_str(&text),
            "-o",
            path_str(&out),
            "--report",
            path_str(&report),
        ],
        5_000,
    );
    assert_eq!(o.code, 2, "{}", o.err);
    assert!(
        !out.exists(),
        "the skeleton was written although the report was not"
    );
    assert_eq!(others(t.path(), &["x.txt"]), Vec::<String>::new());
}
