//! The typed syntax tree of a `.tiaoli` file.
//!
//! Every node carries the byte [`Span`] it was parsed from, so every later pass can
//! point a diagnostic at the law. The tree keeps comments and the order of
//! statements exactly as written: the formatter prints it back, the compiler reads
//! meaning from it. Keyword spellings are not kept (Chinese and ASCII aliases mean
//! the same); numeral style is kept where it is part of how the law is cited.

use serde::Serialize;

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// An identifier (a term of the vocabulary, a norm name …) as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Name {
    pub text: String,
    pub span: Span,
}

impl Name {
    /// The comparison key: meaning never depends on letter case.
    pub fn key(&self) -> String {
        fold_case(&self.text)
    }
}

/// Case folding used for every identifier comparison.
pub fn fold_case(s: &str) -> String {
    s.to_lowercase()
}

/// A quoted text: the article wording, a title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub value: String,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comment {
    /// The comment without its leading `//`.
    pub text: String,
    pub span: Span,
}

/// How a number was written: 第四十六条 or 第46条.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum NumStyle {
    Chinese,
    Arabic,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Numeral {
    pub value: u32,
    pub style: NumStyle,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct File {
    pub items: Vec<TopItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum TopItem {
    Comment(Comment),
    Ordinance(Ordinance),
    Vocabulary(Vocabulary),
    Chapter(Heading),
    Section(Heading),
    Article(Article),
}

// ───────────────────────────── header ─────────────────────────────

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ordinance {
    pub id: Name,
    pub items: Vec<HeaderItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum HeaderItem {
    Comment(Comment),
    Title(Text),
    Instrument(Instrument, Span),
    Jurisdiction(Name),
    Level(Level, Span),
    Status(Status, Span),
    Adopted(MaybeDate),
    Approved(MaybeDate),
    InForce(MaybeDate),
    RepealedOn(MaybeDate),
    Repeals(Vec<Text>),
    SelfName(SelfRef),
    /// 溯及 DATE: happenings from that day count, though the ordinance came into
    /// force later (only where its text reaches back).
    RetroactiveFrom(String, Span),
}

/// A date the text gives, or one it leaves blank (未知).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MaybeDate {
    /// `YYYY-MM-DD`, or `None` for 未知.
    pub date: Option<String>,
    pub span: Span,
}

/// How the instrument names itself: 本条例, 本规定, 本规章, 本办法.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SelfRef {
    pub spelling: String,
    pub span: Span,
}

keyword_enum!(
    /// The kind of instrument.
    Instrument {
        LocalRegulation => "地方性法规", "local_regulation";
        GovernmentRule => "地方政府规章", "government_rule";
        AutonomyRegulation => "自治条例", "autonomy_regulation";
        SeparateRegulation => "单行条例", "separate_regulation";
    }
);

keyword_enum!(
    /// Administrative level. 州 (autonomous prefecture) ranks with 市.
    Level {
        Province => "省", "province";
        City => "市", "city";
        Prefecture => "州", "prefecture";
        County => "县", "county";
        Township => "乡", "township";
        Village => "村", "village";
    }
);

impl Level {
    /// Rank in the hierarchy: 省 1, 市/州 2, 县 3, 乡 4, 村（居） 5 — a village or
    /// residents' committee is not a level of government, but tiered procedures
    /// (湘西 第八条: 村（居） → 乡镇 → 县) climb through it.
    pub fn rank(self) -> u8 {
        match self {
            Level::Province => 1,
            Level::City | Level::Prefecture => 2,
            Level::County => 3,
            Level::Township => 4,
            Level::Village => 5,
        }
    }
}

keyword_enum!(
    /// Where the instrument stands in its life.
    Status {
        Proposal => "代拟稿", "proposal";
        Draft => "草案", "draft";
        Consultation => "征求意见稿", "consultation";
        Adopted => "通过", "adopted";
        InForce => "施行", "in_force";
        Repealed => "废止", "repealed";
    }
);

impl Status {
    /// Drafts bind no one.
    pub fn is_draft(self) -> bool {
        matches!(
            self,
            Status::Proposal | Status::Draft | Status::Consultation
        )
    }
}

// ───────────────────────────── vocabulary ─────────────────────────────

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Vocabulary {
    pub items: Vec<VocabItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum VocabItem {
    Comment(Comment),
    Actor {
        name: Name,
        parents: Vec<Name>,
        /// 级别: the levels the kind exists at (one fixes its units' level).
        levels: Vec<Level>,
        aliases: Vec<Name>,
        span: Span,
    },
    Role {
        name: Name,
        aliases: Vec<Name>,
        span: Span,
    },
    Person {
        name: Name,
        aliases: Vec<Name>,
        span: Span,
    },
    Fact {
        name: Name,
        ty: FactType,
        aliases: Vec<Name>,
        span: Span,
    },
    Event {
        name: Name,
        /// 附期限: each occurrence carries a deadline.
        sets_period: bool,
        attrs: Vec<(Name, FactType)>,
        aliases: Vec<Name>,
        span: Span,
    },
    Action {
        name: Name,
        aliases: Vec<Name>,
        span: Span,
    },
    Sanction {
        name: Name,
        rank: u32,
        sets_period: bool,
        aliases: Vec<Name>,
        span: Span,
    },
    Deem(Deem),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum FactType {
    Bool,
    Number,
    Date,
    Enum(Vec<Name>),
}

/// 视同 街道办事处 适用 乡镇人民政府 的规定: a deeming provision.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Deem {
    pub kind: Name,
    pub as_: Selector,
    pub span: Span,
}

// ───────────────────────────── structure ─────────────────────────────

/// 第一章 "总则" or 第一节 "…".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Heading {
    pub number: Numeral,
    pub title: Text,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Article {
    pub number: Numeral,
    pub items: Vec<ArticleItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum ArticleItem {
    Comment(Comment),
    Kind(ArticleKind, Span),
    Para(Text),
    Item(ItemText),
    Norm(Norm),
    Consequence(Consequence),
    Deem(Deem),
}

/// 项 （一） "…": an enumerated item of the paragraph before it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemText {
    /// The label exactly as printed: （一）, (一), （1）.
    pub label: String,
    pub number: u32,
    pub text: Text,
    pub span: Span,
}

keyword_enum!(
    /// What an article with no norm is.
    ArticleKind {
        Purpose => "宗旨", "purpose";
        Scope => "适用范围", "scope";
        Principle => "原则", "principle";
        Definition => "定义", "definition";
        Institution => "体制", "institution";
        Declaration => "宣示", "declaration";        Commencement => "施行", "commencement";
        Repeal => "废止", "repeal";
        Unreviewed => "待审", "unreviewed";
    }
);

/// A provision within an article: 第三款, 第一款第（六）项, 第（六）项.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Anchor {
    pub para: Option<Numeral>,
    pub item: Option<Numeral>,
    pub span: Span,
}

// ───────────────────────────── norms ─────────────────────────────

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Norm {
    pub name: Name,
    pub anchor: Option<Anchor>,
    pub items: Vec<NormItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum NormItem {
    Comment(Comment),
    Subject(Vec<Selector>, Span),
    /// 向: recipients; `any` when joined by 或 (any one of them suffices).
    To {
        recipients: Vec<Selector>,
        any: bool,
        span: Span,
    },
    On(Trigger, Span),
    When(Expr, Span),
    Unless(Expr, Span),
    Modal {
        modality: Modality,
        action: Name,
        span: Span,
    },
    Deadline(Deadline),
    Overrides(Vec<NormRef>, Span),
    Fallback(NormRef, Span),
}

keyword_enum!(
    /// The deontic force of a norm.
    Modality {
        Shall => "应当", "shall";
        Must => "必须", "must";
        ShallNot => "不得", "shall_not";
        May => "可以", "may";
        Encourage => "鼓励", "encourage";
        Support => "支持", "support";
        Advocate => "提倡", "advocate";
        Responsible => "负责", "responsible";
        Lead => "牵头", "lead";
        Cooperate => "配合", "cooperate";
        Assist => "协助", "assist";
    }
);

/// The four classes of modality.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ModalityClass {
    Obligation,
    Prohibition,
    Permission,
    Encouragement,
}

impl Modality {
    pub fn class(self) -> ModalityClass {
        match self {
            Modality::Shall
            | Modality::Must
            | Modality::Responsible
            | Modality::Lead
            | Modality::Cooperate
            | Modality::Assist => ModalityClass::Obligation,
            Modality::ShallNot => ModalityClass::Prohibition,
            Modality::May => ModalityClass::Permission,
            Modality::Encourage | Modality::Support | Modality::Advocate => {
                ModalityClass::Encouragement
            }
        }
    }
}

keyword_enum!(
    /// A level relative to the unit concerned.
    Relation {
        SameLevel => "同级", "same_level";
        UpperLevel => "上级", "upper_level";
        LowerLevel => "下级", "lower_level";
    }
);

/// Who: 本单位, or `[同级] [市、县] 人民政府`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Selector {
    SelfUnit(Span),
    /// 未明确: the text names no one.
    Unspecified(Span),
    Term {
        relation: Option<Relation>,
        levels: Vec<Level>,
        term: Name,
        /// 除 … 外: kinds the term leaves out (其他有关部门).
        except: Vec<Name>,
        span: Span,
    },
}

impl Selector {
    pub fn span(&self) -> Span {
        match self {
            Selector::SelfUnit(s) | Selector::Unspecified(s) => *s,
            Selector::Term { span, .. } => *span,
        }
    }
}

/// Event types, optionally filtered by attributes: `安全事故【事故等级 = 重大】`,
/// `刑事案件、群体性事件`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventPattern {
    pub events: Vec<Name>,
    pub filter: Vec<AttrTest>,
    pub span: Span,
}

/// One attribute test in a pattern: `事故等级 = 重大`, or a yes/no attribute alone.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttrTest {
    pub attr: Name,
    pub test: Option<(CmpOp, Value)>,
    pub span: Span,
}

/// `E.属性`: an attribute of the occurrence that opened the norm's instance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AttrRef {
    pub event: Name,
    pub attr: Name,
    pub span: Span,
}

/// What opens an instance of a norm.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Trigger {
    /// 触发 E: each occurrence of E.
    Event(EventPattern),
    /// 触发 期满 E [N 日]: each occurrence of E whose period ran out — its own
    /// deadline, or N counted from it.
    PeriodEnd {
        pattern: EventPattern,
        period: Option<Duration>,
        span: Span,
    },
    /// 触发 逾期 E 未 A: each occurrence of E whose deadline passed without A.
    Overdue {
        event: Name,
        remedy: Name,
        span: Span,
    },
}

/// A reference to a norm or consequence: `名称`, `第四十六条`, `第四十六条.名称`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NormRef {
    pub article: Option<Numeral>,
    pub name: Option<Name>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum DeadlineKind {
    /// 及时, 立即, 定期: kept vague.
    Vague(Vague),
    /// 每年, 每半年, 每季度, 每月.
    Periodic(Periodic),
    /// 限期 [EVENT]: the period is set by an order (the event's deadline).
    ByOrder(Option<Name>),
    /// N 日 / N 个工作日 / N 个月 / N 年, counted from an anchor event.
    Period {
        duration: Duration,
        anchor: Option<AnchorEvent>,
    },
}

keyword_enum!(
    Vague {
        Promptly => "及时", "promptly";
        Immediately => "立即", "immediately";
        Periodically => "定期", "periodically";
    }
);

keyword_enum!(
    Periodic {
        Yearly => "每年", "yearly";
        HalfYearly => "每半年", "half_yearly";
        Quarterly => "每季度", "quarterly";
        Monthly => "每月", "monthly";
    }
);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Duration {
    pub amount: u32,
    pub unit: TimeUnit,
    pub span: Span,
}

keyword_enum!(
    TimeUnit {
        Days => "日", "days";
        WorkingDays => "个工作日", "working_days";
        Months => "个月", "months";
        Years => "年", "years";
    }
);

keyword_enum!(
    /// Which side of its anchor event a period lies.
    Direction {
        Before => "前", "before";
        After => "后", "after";
        From => "自", "from";
    }
);

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnchorEvent {
    pub direction: Direction,
    pub event: Name,
    /// A date attribute of the event instead of its own date (开庭日期).
    pub attr: Option<Name>,
    pub span: Span,
}

// ───────────────────────────── consequences ─────────────────────────────

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Consequence {
    pub name: Name,
    pub anchor: Option<Anchor>,
    pub items: Vec<ConsequenceItem>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[allow(clippy::large_enum_variant)]
pub enum ConsequenceItem {
    Comment(Comment),
    AppliesTo(Vec<Selector>, Span),
    Grounds(Grounds),
    /// 由: the authorities (any of them may impose).
    By(Vec<Selector>, Span),
    Against(Vec<Target>, Span),
    Impose(Impose),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Grounds {
    /// 情形 之一 { … } / 情形 全部 { … }
    Block {
        mode: GroundMode,
        entries: Vec<GroundEntry>,
        span: Span,
    },
    /// 情形 EXPR
    Expr(Expr, Span),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum GroundMode {
    Any,
    All,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[allow(clippy::large_enum_variant)]
pub enum GroundEntry {
    Comment(Comment),
    Ground {
        anchor: Option<Anchor>,
        expr: Expr,
        span: Span,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Target {
    SelfUnit(Span),
    Person(Name),
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// 根据情节轻重: the authority picks by the seriousness of the case.
    BySeverity,
    /// 择一: one of them.
    OneOf,
}

/// 处理 通报、约谈、挂牌督办 根据情节轻重 由 … 对 … 当 … 期限 …
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Impose {
    pub discretionary: bool,
    pub sanctions: Vec<Name>,
    pub choice: Option<Choice>,
    pub by: Vec<Selector>,
    pub against: Vec<Target>,
    pub when: Option<Expr>,
    pub deadline: Option<Deadline>,
    /// 为期 N [自 E]: how long the measure binds.
    pub lasting: Option<Lasting>,
    pub span: Span,
}

/// 为期 1 年 [自 E]: a measure that binds for a period (在一年内不得被评选为先进单位).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lasting {
    pub duration: Duration,
    /// From the latest occurrence of this pattern; without it, from the day the
    /// consequence's grounds came to hold.
    pub from: Option<EventPattern>,
    pub span: Span,
}

// ───────────────────────────── conditions ─────────────────────────────

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Expr {
    Or(Vec<Expr>, Span),
    And(Vec<Expr>, Span),
    Not(Box<Expr>, Span),
    /// Parentheses as written (kept so the formatter prints them back).
    Paren(Box<Expr>, Span),
    Fact(Name),
    Cmp {
        fact: Name,
        op: CmpOp,
        value: Value,
        span: Span,
    },
    Occurred {
        pattern: EventPattern,
        window: Option<Window>,
        span: Span,
    },
    Count {
        pattern: EventPattern,
        window: Option<Window>,
        op: CmpOp,
        n: u32,
        span: Span,
    },
    Violated(Violation, Option<Window>, Span),
    Overdue {
        event: Name,
        remedy: Name,
        window: Option<Window>,
        span: Span,
    },
    Meets(Numeral, Option<Window>, Span),
    /// `E.属性 [op 值]`: an attribute of the occurrence that opened the instance.
    Attr {
        target: AttrRef,
        test: Option<(CmpOp, Value)>,
        span: Span,
    },
}

impl Expr {
    pub fn span(&self) -> Span {
        match self {
            Expr::Or(_, s)
            | Expr::And(_, s)
            | Expr::Not(_, s)
            | Expr::Paren(_, s)
            | Expr::Cmp { span: s, .. }
            | Expr::Occurred { span: s, .. }
            | Expr::Count { span: s, .. }
            | Expr::Violated(_, _, s)
            | Expr::Overdue { span: s, .. }
            | Expr::Meets(_, _, s)
            | Expr::Attr { span: s, .. } => *s,
            Expr::Fact(n) => n.span,
        }
    }
}

/// How far back an event counts: 近 30 日, or 较短时间内 (vague, kept vague).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Window {
    Period(Duration),
    Shortly(Span),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Violation {
    /// 违反 本条例: any obligation of this instrument.
    This(SelfRef),
    Norm(NormRef),
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Serialize for CmpOp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.symbol())
    }
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum Value {
    Date(String, Span),
    Bool(bool, Span),
    Number(u32, Span),
    Term(Name),
}
