//! REV:PATH read from git: a file or a directory at a revision, and the errors.

use super::*;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn rev_path_reads_a_file_or_a_directory_from_git() {
    let dir = temp_dir("git");
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    std::fs::write(
        dir.join("rules/t.tiaoli"),
        read(&root().join(fixture("base"))),
    )
    .unwrap();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-qm", "base"]);
    std::fs::write(
        dir.join("rules/t.tiaoli"),
        read(&root().join(fixture("modality"))),
    )
    .unwrap();

    let diff = |old: &str, new: &str| {
        let out = tiaoli()
            .current_dir(&dir)
            .args(["diff", old, new, "--format", "json"])
            .output()
            .expect("run");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|_| {
            panic!("{}", String::from_utf8_lossy(&out.stderr));
        });
        (out.status.code(), summary(&v))
    };
    let expected = expect(&[("modality-strengthened", 1), ("text-changed", 1)]);
    assert_eq!(diff("HEAD:rules", "rules"), (Some(0), expected.clone()));
    assert_eq!(
        diff("HEAD:rules/t.tiaoli", "rules/t.tiaoli"),
        (Some(0), expected)
    );
    assert_eq!(diff("HEAD:rules", "HEAD:rules"), (Some(0), BTreeMap::new()));

    let out = tiaoli()
        .current_dir(&dir)
        .args(["diff", "HEAD~5:rules", "rules"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = tiaoli()
        .current_dir(&dir)
        .args(["diff", "HEAD:nothing-here", "rules"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}
