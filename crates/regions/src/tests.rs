use super::*;

fn g() -> &'static Gazetteer {
    let g = Gazetteer::embedded();
    assert!(g.len() > 3000, "the shipped lists load");
    g
}

fn one(region: &str) -> Vec<String> {
    let r = g()
        .resolve(region)
        .unwrap_or_else(|e| panic!("{region}: {e:?}"));
    assert_eq!(r.places.len(), 1, "{region}: {:?}", r.places);
    g().names(&r.places[0])
}

#[test]
fn official_names_paths_and_addresses() {
    let hualong = ["青海省", "海东市", "化隆回族自治县"];
    assert_eq!(one("海东市/化隆回族自治县"), hualong);
    assert_eq!(one("青海省海东市化隆回族自治县"), hualong);
    assert_eq!(one("青海省/海东市/化隆回族自治县"), hualong);
    assert_eq!(one("海东市/平安区"), ["青海省", "海东市", "平安区"]);
    assert_eq!(
        one("浙江省/绍兴市/诸暨市/枫桥镇"),
        ["浙江省", "绍兴市", "诸暨市", "枫桥镇"]
    );
    assert_eq!(
        one("海东市平安区小峡镇"),
        ["青海省", "海东市", "平安区", "小峡镇"]
    );
    assert_eq!(
        one("湘西土家族苗族自治州/吉首市/矮寨镇/德夯村"),
        [
            "湖南省",
            "湘西土家族苗族自治州",
            "吉首市",
            "矮寨镇",
            "德夯村"
        ]
    );
}

#[test]
fn short_forms_officers_write() {
    let hualong = ["青海省", "海东市", "化隆回族自治县"];
    assert_eq!(one("海东/化隆县"), hualong);
    assert_eq!(one("海东/化隆"), hualong);
    assert_eq!(one("青海/化隆县"), hualong);
    assert_eq!(
        one("湘西州/凤凰县"),
        ["湖南省", "湘西土家族苗族自治州", "凤凰县"]
    );
    assert_eq!(
        one("湘西/凤凰"),
        ["湖南省", "湘西土家族苗族自治州", "凤凰县"]
    );
    assert_eq!(one("海东"), ["青海省", "海东市"]);
    assert_eq!(one("广西"), ["广西壮族自治区"]);
    assert_eq!(one("宁夏"), ["宁夏回族自治区"]);
    assert_eq!(
        one("绵阳高新区"),
        ["四川省", "绵阳市", "绵阳高新技术产业开发区"]
    );
    assert_eq!(
        one("绵阳市/高新区"),
        ["四川省", "绵阳市", "绵阳高新技术产业开发区"]
    );
    assert_eq!(
        one("安阳高新区"),
        ["河南省", "安阳市", "安阳高新技术产业开发区"]
    );
    assert_eq!(short_forms("滑县"), Vec::<String>::new());
    assert_eq!(
        short_forms("湘西土家族苗族自治州"),
        ["湘西", "湘西州", "湘西自治州"]
    );
}

#[test]
fn homonyms_are_ambiguous_until_the_path_decides() {
    let r = g().resolve("朝阳区").unwrap();
    let places: Vec<String> = r.places.iter().map(|p| g().address(p)).collect();
    assert!(places.contains(&"北京市朝阳区".to_string()), "{places:?}");
    assert!(
        places.contains(&"吉林省长春市朝阳区".to_string()),
        "{places:?}"
    );
    assert_eq!(one("北京市/朝阳区"), ["北京市", "朝阳区"]);
    let putuo = g().resolve("普陀区").unwrap();
    assert_eq!(putuo.places.len(), 2, "上海市 and 舟山市");
    assert_eq!(one("舟山市/普陀区"), ["浙江省", "舟山市", "普陀区"]);
}

#[test]
fn unknown_regions_are_errors_with_a_suggestion() {
    let e = g().resolve("海东市/化龙县").unwrap_err();
    assert!(e.message.contains("化龙县"), "{e:?}");
    assert!(e.message.contains("海东市"), "{e:?}");
    assert!(e.help.as_deref().unwrap_or("").contains("化隆"), "{e:?}");
    let e = g().resolve("海冬市").unwrap_err();
    assert!(e.help.as_deref().unwrap_or("").contains("海东"), "{e:?}");
    assert!(g().resolve("").is_err());
    assert!(
        g().resolve("小峡镇").is_err(),
        "a township alone names no known place"
    );
    assert!(g().resolve(&"某".repeat(500)).is_err());
}

#[test]
fn jurisdictions_resolve_to_one_division() {
    for j in [
        "海东市",
        "绵阳市",
        "浙江省",
        "湘西土家族苗族自治州",
        "安阳市",
        "广东省",
        "湘西州",
    ] {
        assert!(g().unique(j).is_some(), "{j}");
    }
    let hd = g().unique("海东市").unwrap();
    let pa = g().unique("海东市/平安区").unwrap();
    assert!(g().within(pa, hd));
    assert!(!g().within(hd, pa));
    let extended = g().with_jurisdictions(["示例市", "海东市"]);
    assert_eq!(extended.len(), g().len() + 1);
    let r = extended.resolve("示例市/某区").unwrap();
    assert_eq!(extended.names(&r.places[0]), ["示例市", "某区"]);
}

#[test]
fn levels_of_a_path() {
    let r = g().resolve("海东市/平安区/小峡镇/某村").unwrap();
    let l: Vec<Level> = g()
        .levelled(&r.places[0])
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    assert_eq!(
        l,
        [
            Level::Province,
            Level::City,
            Level::County,
            Level::Township,
            Level::Village
        ]
    );
    let r = g().resolve("湘西州").unwrap();
    assert_eq!(g().level(r.places[0].division), Some(Level::Prefecture));
}

/// The static gazetteer the build script wrote is the lists as read now: every
/// division with its parent, every child list, every name and short form with
/// its divisions in order, and nothing more.
#[test]
fn the_static_gazetteer_is_the_lists_read_again() {
    let t = table::read(DIVISIONS, ZONES).unwrap();
    let g = g();
    assert_eq!(g.len(), t.rows.len());
    for (i, r) in t.rows.iter().enumerate() {
        let d = g.division(i).unwrap();
        assert_eq!(
            (d.name, d.code, d.parent, d.tier, d.zone),
            (r.name.as_str(), r.code, r.parent, r.tier, r.zone)
        );
        let kids: Vec<usize> = (0..t.rows.len())
            .filter(|k| t.rows[*k].parent == Some(i))
            .collect();
        let got: Vec<usize> = g.children_of(i).iter().map(|&k| k as usize).collect();
        assert_eq!(got, kids, "children of {}", r.name);
    }
    for (key, hits) in &t.index {
        assert_eq!(&g.hits(key).collect::<Vec<_>>(), hits, "{key}");
    }
    let mut keys: Vec<&str> = t.index.iter().map(|(k, _)| k.as_str()).collect();
    keys.sort_unstable();
    assert_eq!(g.keys(), keys);
    assert_eq!(g.source().collect::<Vec<_>>(), t.source);
    assert!(!t.source.is_empty());
    assert!(g.hits("不是地名").next().is_none());
}

/// A jurisdiction the lists do not have is added on top: found by its name and
/// its short form, a place of its own with no children, and the shipped names
/// unchanged.
#[test]
fn an_added_jurisdiction_is_found_by_its_names() {
    let g = g().with_jurisdictions(["示例市", "示例市", "海东市"]);
    assert_eq!(g.len(), Gazetteer::embedded().len() + 1);
    let i = g.len() - 1;
    assert_eq!(g.unique("示例市"), Some(i));
    assert_eq!(g.unique("示例"), Some(i));
    assert!(g.children_of(i).is_empty());
    assert_eq!(g.level(i), Some(Level::City));
    let r = g.resolve("示例市/某街道").unwrap();
    assert_eq!(g.names(&r.places[0]), ["示例市", "某街道"]);
    assert_eq!(one("海东/化隆县"), ["青海省", "海东市", "化隆回族自治县"]);
    assert!(g.keys().contains(&"示例市"));
    assert!(matches!(
        Gazetteer::embedded().with_jurisdictions(["海东市"]),
        Cow::Borrowed(_)
    ));
}

proptest::proptest! {
    /// Any text: an answer or an error, never a panic, and the same answer twice.
    #[test]
    fn any_text_resolves_or_errs(s in "\\PC{0,40}") {
        let a = g().resolve(&s);
        let b = g().resolve(&s);
        proptest::prop_assert_eq!(a, b);
    }

    /// Every division is found by its full address, as exactly itself.
    #[test]
    fn every_division_by_its_address(i in 0usize..3400) {
        if let Some(d) = g().division(i % g().len()) {
            let _ = d;
            let i = i % g().len();
            let r = g().resolve(&g().full_name(i)).unwrap();
            proptest::prop_assert!(r.places.iter().any(|p| p.division == i && p.below.is_empty()));
        }
    }
}
