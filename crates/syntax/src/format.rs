//! The formatter: prints an AST back in canonical layout.
//!
//! Canonical means: Chinese keyword spellings, `、` between list items, two-space
//! indentation, one statement per line, one blank line between top-level items.
//! Blank lines the author left inside a block are kept (collapsed to one), so
//! grouping survives. Comments are never dropped. Meaning never changes: the
//! property tests check `compile(fmt(x)) == compile(x)` and `fmt(fmt(x)) == fmt(x)`.

use crate::ast::*;

/// Formats a parsed file. `source` is the text it was parsed from (used only to
/// see where the author left blank lines).
pub fn format_file(file: &File, source: &str) -> String {
    let mut f = Fmt {
        out: String::new(),
        source,
        indent: 0,
    };
    let mut prev: Option<(Span, bool)> = None;
    for item in &file.items {
        let (span, is_comment) = top_span(item);
        if let Some((pspan, pcomment)) = prev {
            if !pcomment || f.blank_between(pspan, span) {
                f.out.push('\n');
            }
        }
        f.top_item(item);
        prev = Some((span, is_comment));
    }
    f.out
}

fn top_span(item: &TopItem) -> (Span, bool) {
    match item {
        TopItem::Comment(c) => (c.span, true),
        TopItem::Ordinance(o) => (o.span, false),
        TopItem::Vocabulary(v) => (v.span, false),
        TopItem::Chapter(h) | TopItem::Section(h) => (h.span, false),
        TopItem::Article(a) => (a.span, false),
    }
}

struct Fmt<'a> {
    out: String,
    source: &'a str,
    indent: usize,
}

impl Fmt<'_> {
    fn blank_between(&self, a: Span, b: Span) -> bool {
        self.source
            .get(a.end..b.start)
            .is_some_and(|gap| gap.matches('\n').count() >= 2)
    }

    fn line(&mut self, s: &str) {
        for _ in 0..self.indent {
            self.out.push_str("  ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    /// Prints the statements of a block, keeping the author's blank lines.
    fn block<T>(
        &mut self,
        items: &[T],
        span_of: impl Fn(&T) -> Span,
        mut print: impl FnMut(&mut Self, &T),
    ) {
        self.indent += 1;
        let mut prev: Option<Span> = None;
        for it in items {
            let s = span_of(it);
            if let Some(p) = prev {
                if self.blank_between(p, s) {
                    self.out.push('\n');
                }
            }
            print(self, it);
            prev = Some(s);
        }
        self.indent -= 1;
    }

    fn top_item(&mut self, item: &TopItem) {
        match item {
            TopItem::Comment(c) => self.line(&comment(c)),
            TopItem::Ordinance(o) => {
                self.line(&format!("条例 {} {{", o.id.text));
                self.block(&o.items, header_span, |f, h| f.line(&header_item(h)));
                self.line("}");
            }
            TopItem::Vocabulary(v) => {
                self.line("词汇 {");
                self.block(&v.items, vocab_span, |f, i| f.line(&vocab_item(i)));
                self.line("}");
            }
            TopItem::Chapter(h) => self.line(&format!(
                "{} {}",
                numbered(&h.number, "章"),
                quote(&h.title.value)
            )),
            TopItem::Section(h) => self.line(&format!(
                "{} {}",
                numbered(&h.number, "节"),
                quote(&h.title.value)
            )),
            TopItem::Article(a) => {
                self.line(&format!("{} {{", numbered(&a.number, "条")));
                self.block(&a.items, article_item_span, |f, i| f.article_item(i));
                self.line("}");
            }
        }
    }

    fn article_item(&mut self, item: &ArticleItem) {
        match item {
            ArticleItem::Comment(c) => self.line(&comment(c)),
            ArticleItem::Kind(k, _) => self.line(&format!("性质 {}", k.zh())),
            ArticleItem::Para(t) => self.line(&format!("款 {}", quote(&t.value))),
            ArticleItem::Item(i) => self.line(&format!("项 {} {}", i.label, quote(&i.text.value))),
            ArticleItem::Deem(d) => self.line(&deem(d)),
            ArticleItem::Norm(n) => {
                self.line(&format!(
                    "规范 {}{} {{",
                    n.name.text,
                    anchor_suffix(&n.anchor)
                ));
                self.block(&n.items, norm_item_span, |f, i| f.line(&norm_item(i)));
                self.line("}");
            }
            ArticleItem::Consequence(c) => {
                self.line(&format!(
                    "后果 {}{} {{",
                    c.name.text,
                    anchor_suffix(&c.anchor)
                ));
                self.block(&c.items, consequence_item_span, |f, i| {
                    f.consequence_item(i)
                });
                self.line("}");
            }
        }
    }

    fn consequence_item(&mut self, item: &ConsequenceItem) {
        match item {
            ConsequenceItem::Comment(c) => self.line(&comment(c)),
            ConsequenceItem::AppliesTo(s, _) => self.line(&format!("对象 {}", selectors(s))),
            ConsequenceItem::Grounds(Grounds::Expr(e, _)) => {
                self.line(&format!("情形 {}", expr(e)))
            }
            ConsequenceItem::Grounds(Grounds::Block { mode, entries, .. }) => {
                let m = match mode {
                    GroundMode::Any => "之一",
                    GroundMode::All => "全部",
                };
                self.line(&format!("情形 {m} {{"));
                self.block(
                    entries,
                    |e| match e {
                        GroundEntry::Comment(c) => c.span,
                        GroundEntry::Ground { span, .. } => *span,
                    },
                    |f, e| match e {
                        GroundEntry::Comment(c) => f.line(&comment(c)),
                        GroundEntry::Ground {
                            anchor, expr: x, ..
                        } => {
                            let a = anchor
                                .as_ref()
                                .map(|a| format!("{} ", anchor_text(a)))
                                .unwrap_or_default();
                            f.line(&format!("{a}{}", expr(x)));
                        }
                    },
                );
                self.line("}");
            }
            ConsequenceItem::By(s, _) => self.line(&format!("由 {}", selectors(s))),
            ConsequenceItem::Against(t, _) => self.line(&format!("对 {}", targets(t))),
            ConsequenceItem::Impose(i) => self.line(&impose(i)),
        }
    }
}

fn comment(c: &Comment) -> String {
    format!("//{}", c.text.trim_end())
}

pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// 46 → 四十六.
pub fn to_chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: u32| DIGITS.get(d as usize).copied().unwrap_or("");
    if n < 10 {
        return digit(n).to_string();
    }
    if n < 20 {
        return format!(
            "十{}",
            if n.is_multiple_of(10) {
                ""
            } else {
                digit(n % 10)
            }
        );
    }
    let mut out = String::new();
    let units = [(1000, "千"), (100, "百"), (10, "十")];
    let mut rest = n;
    let mut pending_zero = false;
    let mut started = false;
    for (value, name) in units {
        let d = rest / value;
        rest %= value;
        if d > 0 {
            if pending_zero {
                out.push('零');
                pending_zero = false;
            }
            if d >= 10 {
                out.push_str(&to_chinese(d));
            } else {
                out.push_str(digit(d));
            }
            out.push_str(name);
            started = true;
        } else if started {
            pending_zero = true;
        }
    }
    if n >= 10000 {
        return n.to_string();
    }
    if rest > 0 {
        if pending_zero {
            out.push('零');
        }
        out.push_str(digit(rest));
    }
    out
}

fn num(n: &Numeral) -> String {
    match n.style {
        NumStyle::Chinese => to_chinese(n.value),
        NumStyle::Arabic => n.value.to_string(),
    }
}

/// 第四十六条 / 第46条.
pub fn numbered(n: &Numeral, unit: &str) -> String {
    format!("第{}{unit}", num(n))
}

fn item_ref(n: &Numeral) -> String {
    format!("第（{}）项", num(n))
}

fn anchor_text(a: &Anchor) -> String {
    let mut s = String::new();
    if let Some(p) = &a.para {
        s.push_str(&numbered(p, "款"));
    }
    if let Some(i) = &a.item {
        s.push_str(&item_ref(i));
    }
    s
}

fn anchor_suffix(a: &Option<Anchor>) -> String {
    a.as_ref()
        .map(|a| format!(" {}", anchor_text(a)))
        .unwrap_or_default()
}

fn header_span(h: &HeaderItem) -> Span {
    match h {
        HeaderItem::Comment(c) => c.span,
        HeaderItem::Title(t) => t.span,
        HeaderItem::Instrument(_, s) | HeaderItem::Level(_, s) | HeaderItem::Status(_, s) => *s,
        HeaderItem::Jurisdiction(n) => n.span,
        HeaderItem::Adopted(d)
        | HeaderItem::Approved(d)
        | HeaderItem::InForce(d)
        | HeaderItem::RepealedOn(d) => d.span,
        HeaderItem::Repeals(t) => t.first().map(|x| x.span).unwrap_or_default(),
        HeaderItem::SelfName(s) => s.span,
        HeaderItem::RetroactiveFrom(_, s) => *s,
    }
}

fn maybe_date(d: &MaybeDate) -> &str {
    d.date.as_deref().unwrap_or("未知")
}

fn header_item(h: &HeaderItem) -> String {
    match h {
        HeaderItem::Comment(c) => comment(c),
        HeaderItem::Title(t) => format!("标题 {}", quote(&t.value)),
        HeaderItem::Instrument(i, _) => format!("类型 {}", i.zh()),
        HeaderItem::Jurisdiction(n) => format!("辖区 {}", n.text),
        HeaderItem::Level(l, _) => format!("级别 {}", l.zh()),
        HeaderItem::Status(s, _) => format!("状态 {}", s.zh()),
        HeaderItem::Adopted(d) => format!("通过日期 {}", maybe_date(d)),
        HeaderItem::Approved(d) => format!("批准日期 {}", maybe_date(d)),
        HeaderItem::InForce(d) => format!("施行日期 {}", maybe_date(d)),
        HeaderItem::RepealedOn(d) => format!("废止日期 {}", maybe_date(d)),
        HeaderItem::Repeals(t) => {
            format!(
                "废止 {}",
                t.iter()
                    .map(|x| quote(&x.value))
                    .collect::<Vec<_>>()
                    .join("、")
            )
        }
        HeaderItem::SelfName(s) => format!("自称 {}", s.spelling),
        HeaderItem::RetroactiveFrom(d, _) => format!("溯及 {d}"),
    }
}

fn vocab_span(v: &VocabItem) -> Span {
    match v {
        VocabItem::Comment(c) => c.span,
        VocabItem::Actor { span, .. }
        | VocabItem::Role { span, .. }
        | VocabItem::Person { span, .. }
        | VocabItem::Fact { span, .. }
        | VocabItem::Event { span, .. }
        | VocabItem::Action { span, .. }
        | VocabItem::Sanction { span, .. } => *span,
        VocabItem::Deem(d) => d.span,
    }
}

fn names(n: &[Name]) -> String {
    n.iter()
        .map(|x| x.text.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

fn with_aliases(mut s: String, aliases: &[Name]) -> String {
    if !aliases.is_empty() {
        s.push_str(" 又称 ");
        s.push_str(&names(aliases));
    }
    s
}

fn fact_type(t: &FactType) -> String {
    match t {
        FactType::Bool => "布尔".into(),
        FactType::Number => "数值".into(),
        FactType::Date => "日期".into(),
        FactType::Enum(v) => format!("枚举 {}", names(v)),
    }
}

fn vocab_item(v: &VocabItem) -> String {
    match v {
        VocabItem::Comment(c) => comment(c),
        VocabItem::Actor {
            name,
            parents,
            levels,
            aliases,
            ..
        } => {
            let mut s = format!("主体类别 {}", name.text);
            if !parents.is_empty() {
                s.push_str(&format!(" 属于 {}", names(parents)));
            }
            if !levels.is_empty() {
                let l: Vec<&str> = levels.iter().map(|l| l.zh()).collect();
                s.push_str(&format!(" 级别 {}", l.join("、")));
            }
            with_aliases(s, aliases)
        }
        VocabItem::Role { name, aliases, .. } => {
            with_aliases(format!("角色 {}", name.text), aliases)
        }
        VocabItem::Person { name, aliases, .. } => {
            with_aliases(format!("责任人 {}", name.text), aliases)
        }
        VocabItem::Fact {
            name, ty, aliases, ..
        } => with_aliases(format!("事实 {} {}", name.text, fact_type(ty)), aliases),
        VocabItem::Event {
            name,
            sets_period,
            attrs,
            aliases,
            ..
        } => {
            let mut s = format!("事件 {}", name.text);
            if *sets_period {
                s.push_str(" 附期限");
            }
            if !attrs.is_empty() {
                let a: Vec<String> = attrs
                    .iter()
                    .map(|(n, t)| format!("{}: {}", n.text, fact_type(t)))
                    .collect();
                s.push_str(&format!(" 属性 {}", a.join("、")));
            }
            with_aliases(s, aliases)
        }
        VocabItem::Action { name, aliases, .. } => {
            with_aliases(format!("行为 {}", name.text), aliases)
        }
        VocabItem::Sanction {
            name,
            rank,
            sets_period,
            aliases,
            ..
        } => {
            let mut s = format!("处理方式 {} 等级 {rank}", name.text);
            if *sets_period {
                s.push_str(" 附期限");
            }
            with_aliases(s, aliases)
        }
        VocabItem::Deem(d) => deem(d),
    }
}

fn deem(d: &Deem) -> String {
    format!("视同 {} 适用 {} 的规定", d.kind.text, selector(&d.as_))
}

fn article_item_span(i: &ArticleItem) -> Span {
    match i {
        ArticleItem::Comment(c) => c.span,
        ArticleItem::Kind(_, s) => *s,
        ArticleItem::Para(t) => t.span,
        ArticleItem::Item(i) => i.span,
        ArticleItem::Norm(n) => n.span,
        ArticleItem::Consequence(c) => c.span,
        ArticleItem::Deem(d) => d.span,
    }
}

fn norm_item_span(i: &NormItem) -> Span {
    match i {
        NormItem::Comment(c) => c.span,
        NormItem::Subject(_, s)
        | NormItem::To { span: s, .. }
        | NormItem::On(_, s)
        | NormItem::When(_, s)
        | NormItem::Unless(_, s)
        | NormItem::Modal { span: s, .. }
        | NormItem::Overrides(_, s)
        | NormItem::Fallback(_, s) => *s,
        NormItem::Deadline(d) => d.span,
    }
}

fn consequence_item_span(i: &ConsequenceItem) -> Span {
    match i {
        ConsequenceItem::Comment(c) => c.span,
        ConsequenceItem::AppliesTo(_, s)
        | ConsequenceItem::By(_, s)
        | ConsequenceItem::Against(_, s) => *s,
        ConsequenceItem::Grounds(Grounds::Block { span, .. })
        | ConsequenceItem::Grounds(Grounds::Expr(_, span)) => *span,
        ConsequenceItem::Impose(i) => i.span,
    }
}

pub fn selector(s: &Selector) -> String {
    match s {
        Selector::SelfUnit(_) => "本单位".into(),
        Selector::Unspecified(_) => "未明确".into(),
        Selector::Term {
            relation,
            levels,
            term,
            except,
            ..
        } => {
            let mut parts = Vec::new();
            if let Some(r) = relation {
                parts.push(r.zh().to_string());
            }
            if !levels.is_empty() {
                parts.push(levels.iter().map(|l| l.zh()).collect::<Vec<_>>().join("、"));
            }
            parts.push(term.text.clone());
            if !except.is_empty() {
                parts.push("除".into());
                parts.push(
                    except
                        .iter()
                        .map(|n| n.text.as_str())
                        .collect::<Vec<_>>()
                        .join("、"),
                );
                parts.push("外".into());
            }
            parts.join(" ")
        }
    }
}

fn selectors(s: &[Selector]) -> String {
    s.iter().map(selector).collect::<Vec<_>>().join("、")
}

fn target(t: &Target) -> String {
    match t {
        Target::SelfUnit(_) => "本单位".into(),
        Target::Person(n) => n.text.clone(),
    }
}

fn targets(t: &[Target]) -> String {
    t.iter().map(target).collect::<Vec<_>>().join("、")
}

pub fn norm_ref(r: &NormRef) -> String {
    match (&r.article, &r.name) {
        (Some(a), Some(n)) => format!("{}.{}", numbered(a, "条"), n.text),
        (Some(a), None) => numbered(a, "条"),
        (None, Some(n)) => n.text.clone(),
        (None, None) => String::new(),
    }
}

fn duration(d: &Duration) -> String {
    format!("{} {}", d.amount, d.unit.zh())
}

pub fn deadline(d: &Deadline) -> String {
    match &d.kind {
        DeadlineKind::Vague(v) => v.zh().into(),
        DeadlineKind::Periodic(p) => p.zh().into(),
        DeadlineKind::ByOrder(None) => "限期".into(),
        DeadlineKind::ByOrder(Some(e)) => format!("限期 {}", e.text),
        DeadlineKind::Period {
            duration: du,
            anchor,
        } => match anchor {
            None => duration(du),
            Some(a) => match &a.attr {
                None => format!("{} {} {}", duration(du), a.direction.zh(), a.event.text),
                Some(attr) => format!(
                    "{} {} {}.{}",
                    duration(du),
                    a.direction.zh(),
                    a.event.text,
                    attr.text
                ),
            },
        },
    }
}

fn norm_item(i: &NormItem) -> String {
    match i {
        NormItem::Comment(c) => comment(c),
        NormItem::Subject(s, _) => format!("主体 {}", selectors(s)),
        NormItem::To {
            recipients,
            any: false,
            ..
        } => format!("向 {}", selectors(recipients)),
        NormItem::To {
            recipients,
            any: true,
            ..
        } => {
            format!(
                "向 {}",
                recipients
                    .iter()
                    .map(selector)
                    .collect::<Vec<_>>()
                    .join(" 或 ")
            )
        }
        NormItem::On(t, _) => format!("触发 {}", trigger(t)),
        NormItem::When(e, _) => format!("当 {}", expr(e)),
        NormItem::Unless(e, _) => format!("除非 {}", expr(e)),
        NormItem::Modal {
            modality, action, ..
        } => format!("{} {}", modality.zh(), action.text),
        NormItem::Deadline(d) => format!("期限 {}", deadline(d)),
        NormItem::Overrides(r, _) => format!(
            "优先于 {}",
            r.iter().map(norm_ref).collect::<Vec<_>>().join("、")
        ),
        NormItem::Fallback(r, _) => format!("不能履行时替代 {}", norm_ref(r)),
    }
}

pub fn trigger(t: &Trigger) -> String {
    match t {
        Trigger::Event(p) => event_pattern(p),
        Trigger::PeriodEnd {
            pattern, period, ..
        } => match period {
            None => format!("期满 {}", event_pattern(pattern)),
            Some(d) => format!("期满 {} {}", event_pattern(pattern), duration(d)),
        },
        Trigger::Overdue { event, remedy, .. } => {
            format!("逾期 {} 未 {}", event.text, remedy.text)
        }
    }
}

/// `E、F【属性 = 值、…】`.
pub fn event_pattern(p: &EventPattern) -> String {
    let mut s = names(&p.events);
    if !p.filter.is_empty() {
        let tests: Vec<String> = p
            .filter
            .iter()
            .map(|t| match &t.test {
                None => t.attr.text.clone(),
                Some((op, v)) => format!("{} {} {}", t.attr.text, op.symbol(), value_text(v)),
            })
            .collect();
        s.push_str(&format!("【{}】", tests.join("、")));
    }
    s
}

fn impose(i: &Impose) -> String {
    let mut s = String::from("处理 ");
    if i.discretionary {
        s.push_str("可以 ");
    }
    s.push_str(&names(&i.sanctions));
    match i.choice {
        Some(Choice::BySeverity) => s.push_str(" 根据情节轻重"),
        Some(Choice::OneOf) => s.push_str(" 择一"),
        None => {}
    }
    if !i.by.is_empty() {
        s.push_str(&format!(" 由 {}", selectors(&i.by)));
    }
    if !i.against.is_empty() {
        s.push_str(&format!(" 对 {}", targets(&i.against)));
    }
    if let Some(w) = &i.when {
        s.push_str(&format!(" 当 {}", expr(w)));
    }
    if let Some(d) = &i.deadline {
        s.push_str(&format!(" 期限 {}", deadline(d)));
    }
    if let Some(l) = &i.lasting {
        s.push_str(&format!(" 为期 {}", duration(&l.duration)));
        if let Some(f) = &l.from {
            s.push_str(&format!(" 自 {}", event_pattern(f)));
        }
    }
    s
}

pub fn expr(e: &Expr) -> String {
    match e {
        Expr::Or(parts, _) => parts.iter().map(expr).collect::<Vec<_>>().join(" 或 "),
        Expr::And(parts, _) => parts.iter().map(expr).collect::<Vec<_>>().join(" 且 "),
        Expr::Not(inner, _) => format!("非 {}", expr(inner)),
        Expr::Paren(inner, _) => format!("({})", expr(inner)),
        Expr::Fact(n) => n.text.clone(),
        Expr::Cmp {
            fact, op, value, ..
        } => format!("{} {} {}", fact.text, op.symbol(), value_text(value)),
        Expr::Occurred {
            pattern, window, ..
        } => {
            format!("发生 {}{}", event_pattern(pattern), window_text(window))
        }
        Expr::Count {
            pattern,
            window,
            op,
            n,
            ..
        } => {
            format!(
                "次数 {}{} {} {n}",
                event_pattern(pattern),
                window_text(window),
                op.symbol()
            )
        }
        Expr::Violated(Violation::This(s), w, _) => {
            format!("违反 {}{}", s.spelling, window_text(w))
        }
        Expr::Violated(Violation::Norm(r), w, _) => {
            format!("违反 {}{}", norm_ref(r), window_text(w))
        }
        Expr::Overdue {
            event,
            remedy,
            window,
            ..
        } => format!(
            "逾期 {} 未 {}{}",
            event.text,
            remedy.text,
            window_text(window)
        ),
        Expr::Meets(n, w, _) => format!("符合 {}{}", numbered(n, "条"), window_text(w)),
        Expr::Attr { target, test, .. } => match test {
            None => format!("{}.{}", target.event.text, target.attr.text),
            Some((op, v)) => format!(
                "{}.{} {} {}",
                target.event.text,
                target.attr.text,
                op.symbol(),
                value_text(v)
            ),
        },
    }
}

fn window_text(w: &Option<Window>) -> String {
    match w {
        None => String::new(),
        Some(Window::Period(d)) => format!(" 近 {}", duration(d)),
        Some(Window::Shortly(_)) => " 较短时间内".to_string(),
    }
}

fn value_text(v: &Value) -> String {
    match v {
        Value::Date(d, _) => d.clone(),
        Value::Bool(true, _) => "是".into(),
        Value::Bool(false, _) => "否".into(),
        Value::Number(n, _) => n.to_string(),
        Value::Term(n) => n.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::chinese_numeral;

    #[test]
    fn chinese_numbers_round_trip() {
        for n in 1..=2000u32 {
            let s = to_chinese(n);
            assert_eq!(chinese_numeral(&s), Some(n), "{n} → {s}");
        }
        assert_eq!(to_chinese(46), "四十六");
        assert_eq!(to_chinese(105), "一百零五");
        assert_eq!(to_chinese(110), "一百一十");
        assert_eq!(to_chinese(12), "十二");
    }
}
