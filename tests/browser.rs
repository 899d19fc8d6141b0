//! The pages in a real browser: headless Chromium driven over WebDriver
//! (chromedriver, the `fantoccini` client) against the real `tiaoli serve` on
//! a free loopback port. A county police bureau of 海东 rated 一般 says who it
//! is, fills the form generated for it (a fact's value chosen, an event row
//! with its date, one more row asked for) and sees 第四十六条 with the
//! authority that acts on it; an article page shows its evaluation graph as a
//! picture that loaded; a draft's lint finding is shown on its article's text;
//! a diff shows the changed words marked. Screenshots go to
//! target/browser-screenshots/.
//!
//! Without Chromium or chromedriver the test says so and passes; with
//! `TIAOLI_BROWSER_TESTS=1` (set by .ci/run) their absence fails it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// A child process killed when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The first of the candidates that exists, or one found on PATH.
fn program(env: &str, candidates: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(env) {
        // Named explicitly: that one or none.
        let p = PathBuf::from(p);
        return p.exists().then_some(p);
    }
    for c in candidates {
        let p = Path::new(c);
        if p.is_absolute() {
            if p.exists() {
                return Some(p.to_path_buf());
            }
        } else if let Some(path) = std::env::var_os("PATH") {
            for dir in std::env::split_paths(&path) {
                let full = dir.join(c);
                if full.exists() {
                    return Some(full);
                }
            }
        }
    }
    None
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `tiaoli serve` on a port the system picks; its address, read from the line
/// it prints when it listens.
fn serve() -> (Running, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tiaoli"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let running = Running(child);
    let mut line = String::new();
    BufReader::new(stderr).read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("tiaoli serve did not say where it listens: {line}"))
        .to_string();
    (running, format!("http://{addr}"))
}

/// chromedriver on a free port, once it answers.
fn chromedriver(path: &Path) -> (Running, String) {
    let port = free_port();
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let running = Running(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    (running, format!("http://127.0.0.1:{port}"))
}

fn screenshots() -> PathBuf {
    // CARGO_TARGET_TMPDIR is <target>/tmp.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .join("browser-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn shot(c: &Client, name: &str) {
    let png = c.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "not a PNG screenshot");
    std::fs::write(screenshots().join(name), png).unwrap();
}

async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// Types `text` into the field `id`, as a user does.
async fn type_into(c: &Client, id: &str, text: &str) {
    let e = c.find(Locator::Id(id)).await.unwrap();
    e.send_keys(text).await.unwrap();
}

/// Clicks the element `css` (a button).
async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

/// Chooses `value` in the select `id`.
async fn choose(c: &Client, id: &str, value: &str) {
    let e = c.find(Locator::Id(id)).await.unwrap();
    e.select_by_value(value).await.unwrap();
}

/// Sets a field's value the way a user's typing ends (a date input's typed
/// form depends on the browser's locale; its value does not).
async fn set_value(c: &Client, id: &str, value: &str) {
    let e = c.find(Locator::Id(id)).await.unwrap();
    c.execute(
        "arguments[0].value = arguments[1];",
        vec![serde_json::to_value(&e).unwrap(), json!(value)],
    )
    .await
    .unwrap();
}

const DRAFT: &str = "条例 draft {
  标题 \"测试条例\"
  辖区 示例市
  级别 市
  状态 草案
  施行日期 未知
}

第1条 {
  款 \"公安机关应当在三日内报告。\"
  规范 报告 {
    主体 公安部门
    应当 报告违法信息
    期限 3 日 自 发现涉嫌电信网络诈骗
  }
}
";

/// A 公安部门 of 示例市 that found a fraud on 2025-01-06, replayed by the diff.
const UNITS: &str = "units:
  - id: 示例市公安局
    kind: 公安部门
    level: 市
    region: 示例市
    events:
      - { type: 发现涉嫌电信网络诈骗, date: 2025-01-06 }
";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_and_a_drafter_use_the_pages_in_chromium() {
    let required = std::env::var("TIAOLI_BROWSER_TESTS").is_ok_and(|v| v == "1");
    let chromium = program(
        "TIAOLI_CHROMIUM",
        &["/usr/bin/chromium", "chromium", "chromium-browser"],
    );
    let driver = program(
        "TIAOLI_CHROMEDRIVER",
        &["/usr/bin/chromedriver", "chromedriver"],
    );
    let (Some(chromium), Some(driver)) = (chromium, driver) else {
        assert!(
            !required,
            "TIAOLI_BROWSER_TESTS=1 but Chromium or chromedriver is not installed \
             (apt-get install chromium chromium-driver)"
        );
        eprintln!(
            "browser test skipped: Chromium or chromedriver is not installed \
             (apt-get install chromium chromium-driver; TIAOLI_BROWSER_TESTS=1 makes this a failure)"
        );
        return;
    };

    let (_server, base) = serve();
    let (_driver, webdriver) = chromedriver(&driver);
    let profile = tempfile::tempdir().unwrap();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600",
                format!("--user-data-dir={}", profile.path().display()),
            ],
        }),
    );
    let c = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&webdriver)
        .await
        .unwrap();
    let outcome = tokio::time::timeout(Duration::from_secs(120), scenario(&c, &base)).await;
    let _ = c.close().await;
    outcome.expect("the browser scenario did not finish within 120 s");
}

async fn scenario(c: &Client, base: &str) {
    // 单位合规自查: a county police bureau of 海东, rated 一般. First who it is …
    c.goto(&format!("{base}/self-check")).await.unwrap();
    assert_eq!(text_of(c, "h1").await, "单位合规自查");
    choose(c, "ordinance", "haidong").await;
    choose(c, "kind", "公安部门").await;
    choose(c, "level", "县").await;
    type_into(c, "region", "海东市/平安区").await;
    c.find(Locator::Css("input[name='role'][value='平安建设成员单位']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    set_value(c, "as_of", "2025-03-01").await;
    shot(c, "self-check-choice.png").await;
    click(c, "#generate").await;
    // … then the form generated for it: its facts with their values, its
    // events as rows (one more row asked for, without a script).
    c.wait()
        .for_element(Locator::Css("form.generated"))
        .await
        .unwrap();
    let event = "危险物品非法生产运输储存销售使用";
    c.find(Locator::Css(&format!("input[name='event:{event}:0:id']")))
        .await
        .unwrap()
        .send_keys("危-1")
        .await
        .unwrap();
    // The body that made the event (its `by`), a column of the row.
    c.find(Locator::Css(&format!("input[name='event:{event}:0:by']")))
        .await
        .unwrap()
        .send_keys("平安区应急管理局")
        .await
        .unwrap();
    click(c, "#more").await;
    c.wait()
        .for_element(Locator::Css(&format!("input[name='event:{event}:1:date']")))
        .await
        .unwrap();
    type_into(c, "id", "平安区公安分局").await;
    c.find(Locator::Css("select[name='fact:平安建设考评等次']"))
        .await
        .unwrap()
        .select_by_value("一般")
        .await
        .unwrap();
    let date = c
        .find(Locator::Css(&format!("input[name='event:{event}:0:date']")))
        .await
        .unwrap();
    c.execute(
        "arguments[0].value = arguments[1];",
        vec![serde_json::to_value(&date).unwrap(), json!("2025-01-06")],
    )
    .await
    .unwrap();
    // What was typed before "more rows" is still there.
    let kept = c
        .find(Locator::Css(&format!("input[name='event:{event}:0:id']")))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("危-1"));
    let by = c
        .find(Locator::Css(&format!("input[name='event:{event}:0:by']")))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(by.as_deref(), Some("平安区应急管理局"));
    shot(c, "self-check-form.png").await;
    click(c, "#evaluate").await;
    c.wait()
        .for_element(Locator::Css("section.unit"))
        .await
        .unwrap();
    let page = text_of(c, "main").await;
    assert!(page.contains("平安区公安分局（公安部门）"), "{page}");
    assert!(page.contains("【触发后果】"), "{page}");
    let finding = c
        .find(Locator::XPath(
            "//div[contains(@class,'finding')][.//p[contains(@class,'norm')][contains(., '第四十六条')]]",
        ))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        finding.contains("（六）平安建设考评评价等次为一般的"),
        "{finding}"
    );
    assert!(
        finding.contains("平安区平安建设组织协调机构（同级） 对平安区公安分局：约谈"),
        "no authority in {finding}"
    );
    shot(c, "self-check-report.png").await;

    // One result's explain chain, beside the article's text.
    c.find(Locator::XPath(
        "//form[@action='/self-check/explain']//button[contains(., '第四十六条')]",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    c.wait()
        .for_element(Locator::Css(".side-by-side"))
        .await
        .unwrap();
    let chain = text_of(c, "section.chain").await;
    assert!(chain.contains("第四十六条"), "{chain}");
    let article = text_of(c, "section.article-text").await;
    assert!(
        article.contains("（六）平安建设考评评价等次为一般的"),
        "{article}"
    );
    shot(c, "self-check-explain.png").await;

    // 条文浏览: the article and its graph, drawn.
    c.goto(&format!("{base}/articles/haidong/46"))
        .await
        .unwrap();
    let img = c
        .wait()
        .for_element(Locator::Css("img.graph"))
        .await
        .unwrap();
    // complete, naturalWidth × naturalHeight (the picture decoded), and the
    // size it is shown at.
    let mut size = json!(null);
    for _ in 0..50 {
        size = c
            .execute(
                "const i = arguments[0]; return [i.complete, i.naturalWidth, i.naturalHeight, i.clientWidth, i.clientHeight];",
                vec![serde_json::to_value(&img).unwrap()],
            )
            .await
            .unwrap();
        if size[0] == json!(true) && size[1].as_f64().unwrap_or(0.0) > 0.0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    for i in 1..=4 {
        assert!(
            size[i].as_f64().unwrap_or(0.0) > 0.0,
            "the graph did not load or is not shown: {size}"
        );
    }
    // Its encoding beside its text: the rule text of the article.
    let encoding = text_of(c, "pre.encoding").await;
    assert!(encoding.starts_with("第四十六条 {"), "{encoding}");
    assert!(encoding.contains("后果 督导整改 第一款 {"), "{encoding}");
    shot(c, "article-46.png").await;

    // 草案审查: an encoding's lint findings on the article text.
    c.goto(&format!("{base}/draft")).await.unwrap();
    set_value(c, "rules", DRAFT).await;
    click(c, "form[action='/draft/lint'] button").await;
    let flagged = c
        .wait()
        .for_element(Locator::Css("article.flagged"))
        .await
        .unwrap();
    let article = flagged.text().await.unwrap();
    assert!(article.contains("第1条"), "{article}");
    assert!(article.contains("公安机关应当在三日内报告。"), "{article}");
    let mark = flagged
        .find(Locator::Css("li.mark"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!mark.is_empty(), "{article}");
    shot(c, "draft-lint.png").await;

    // 草案审查: two versions, the changed words marked.
    c.goto(&format!("{base}/draft")).await.unwrap();
    let five = DRAFT
        .replace("三日内", "五日内")
        .replace("期限 3 日", "期限 5 日");
    set_value(c, "old", DRAFT).await;
    set_value(c, "new", &five).await;
    // A unit replayed against both versions, the draft taken as in force.
    set_value(c, "units", UNITS).await;
    set_value(c, "diff-as_of", "2025-03-01").await;
    click(c, "#diff-drafts").await;
    c.find(Locator::Css("form[action='/draft/diff'] button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("table.diff"))
        .await
        .unwrap();
    let inserted: Vec<String> = {
        let mut v = Vec::new();
        for e in c.find_all(Locator::Css("td.new ins")).await.unwrap() {
            v.push(e.text().await.unwrap());
        }
        v
    };
    assert!(inserted.iter().any(|t| t == "五"), "{inserted:?}");
    let deleted = text_of(c, "td.old del").await;
    assert_eq!(deleted, "三");
    let kinds = text_of(c, "table.diff").await;
    assert!(kinds.contains("期限"), "{kinds}");
    let verdicts = text_of(c, "table.verdicts").await;
    assert!(verdicts.contains("示例市公安局"), "{verdicts}");
    assert!(
        verdicts.contains("2025-01-09") && verdicts.contains("2025-01-13"),
        "{verdicts}"
    );
    shot(c, "draft-diff.png").await;
}
