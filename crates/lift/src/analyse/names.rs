//! Actor phrases: where a name ends, how a list of names splits into subjects, and
//! which unknown names suggest a new lexicon term.

use tiaoli_compiler::graph::LexiconOut;

use super::words::*;
use super::Subject;

// ───────────────────────────── terms ─────────────────────────────

pub(crate) struct Terms {
    /// (written form, canonical), longest written form first.
    pub(super) actors: Vec<(Vec<char>, String)>,
    /// (written form, canonical) of the sanction catalogue, longest first.
    pub(super) sanctions: Vec<(String, String)>,
}

pub(super) fn longest_first<T>(v: &mut [(T, String)], len: impl Fn(&T) -> usize)
where
    T: Ord,
{
    v.sort_by(|a, b| len(&b.0).cmp(&len(&a.0)).then(a.0.cmp(&b.0)));
}

impl Terms {
    pub(crate) fn new(lex: &LexiconOut) -> Terms {
        let mut actors: Vec<(Vec<char>, String)> = Vec::new();
        for a in &lex.actors {
            actors.push((a.name.chars().collect(), a.name.clone()));
            actors.extend(
                a.aliases
                    .iter()
                    .map(|x| (x.chars().collect(), a.name.clone())),
            );
        }
        for r in lex.roles.iter() {
            actors.push((r.name.chars().collect(), r.name.to_string()));
            actors.extend(
                r.aliases
                    .iter()
                    .map(|x| (x.chars().collect(), r.name.to_string())),
            );
        }
        for p in lex.persons.iter() {
            actors.push((p.name.chars().collect(), p.name.to_string()));
            actors.extend(
                p.aliases
                    .iter()
                    .map(|x| (x.chars().collect(), p.name.to_string())),
            );
        }
        let mut sanctions: Vec<(String, String)> = Vec::new();
        for s in &lex.sanctions {
            sanctions.push((s.name.clone(), s.name.clone()));
            sanctions.extend(s.aliases.iter().map(|x| (x.clone(), s.name.clone())));
        }
        longest_first(&mut actors, |w| w.len());
        longest_first(&mut sanctions, |w| w.chars().count());
        Terms { actors, sanctions }
    }

    /// The lexicon term a subject names: itself or an alias, else the longest term
    /// it ends with (县（区）人民政府 → 人民政府).
    pub(crate) fn actor(&self, fragment: &str) -> Option<String> {
        let f: Vec<char> = fragment.chars().collect();
        if let Some((_, c)) = self.actors.iter().find(|(w, _)| *w == f) {
            return Some(c.clone());
        }
        self.actors
            .iter()
            .find(|(w, _)| w.len() >= 2 && f.ends_with(w))
            .map(|(_, c)| c.clone())
    }

    /// The lexicon term spanning position `i` of `chars`, if any: (start, end).
    pub(super) fn span_at(&self, chars: &[char], i: usize) -> Option<(usize, usize)> {
        let lo = i.saturating_sub(12);
        for s in lo..=i {
            for (w, _) in &self.actors {
                if w.len() >= 2
                    && s + w.len() > i + 1
                    && chars.get(s) == w.first()
                    && chars.get(s..s + w.len()).is_some_and(|x| x == w.as_slice())
                {
                    return Some((s, s + w.len()));
                }
            }
        }
        None
    }
}

// ───────────────────────────── actor phrases ─────────────────────────────

/// An actor phrase found in a unit.
pub(super) struct Np {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) elements: Vec<String>,
}

impl Terms {
    /// The actor phrase starting at `start` (after determiners), ending before
    /// `limit`: the last actor head before the first stop, split into its elements.
    pub(super) fn actor_np(&self, chars: &[char], start: usize, limit: usize) -> Option<Np> {
        let limit = limit.min(chars.len());
        let region: String = cut(chars, start, limit);
        let stripped = strip_determiners(&region);
        let s0 = start + (region.chars().count() - stripped.chars().count());
        // The region ends at the first stop (outside a lexicon name).
        let mut e = s0;
        let mut depth = 0;
        while e < limit {
            let c = chars.get(e).copied().unwrap_or(' ');
            if c == '（' || c == '(' {
                depth += 1;
            } else if c == '）' || c == ')' {
                depth -= 1;
            }
            if depth <= 0 && e > s0 {
                let in_term = self.span_at(chars, e).is_some_and(|(a, _)| a < e);
                let stop = single_stop(chars, e)
                    || STOPS.iter().any(|w| at(chars, e, w))
                    || self.modal_word_at(chars, e)
                    || is_comma(c)
                    || is_end_punct(c);
                if stop && !in_term && (single_stop(chars, e) || !stop_is_noun(chars, e)) {
                    // A stop inside a relative clause: …使用上述物品的单位.
                    match (!is_comma(c) && !is_end_punct(c) && !is_preposition(chars, e))
                        .then(|| self.relative_end(chars, e, limit))
                        .flatten()
                    {
                        Some(r) => {
                            e = r;
                            continue;
                        }
                        None => break,
                    }
                }
            } else if e == s0 && (single_stop(chars, e) || STOPS.iter().any(|w| at(chars, e, w))) {
                let preposition = [
                    "对", "在", "由", "按照", "根据", "依照", "针对", "经", "为", "向", "将", "把",
                ]
                .iter()
                .any(|w| at(chars, e, w));
                match (!preposition)
                    .then(|| self.relative_end(chars, e, limit))
                    .flatten()
                {
                    Some(r) => {
                        e = r;
                        continue;
                    }
                    None => return None,
                }
            }
            e += 1;
        }
        // The last actor head ending at a boundary.
        let mut head_end = None;
        for j in (s0 + 1..=e).rev() {
            let prefix = cut(chars, s0, j);
            if !boundary(chars, j) || bracket_depth(&prefix) != 0 {
                continue;
            }
            // A name with a bracketed alternative: 乡镇人民政府（街道办事处）, 乡镇（街道）.
            let core = match prefix.strip_suffix(['）', ')']) {
                Some(p) => {
                    let open = p.rfind(['（', '(']).unwrap_or(0);
                    let inner = p.get(open..).unwrap_or("").trim_start_matches(['（', '(']);
                    let outer = p.get(..open).unwrap_or("");
                    if ends_with_head(inner)
                        || self.actor(inner).is_some()
                        || LEVELS.iter().any(|l| outer.ends_with(l))
                    {
                        format!("{outer}部门")
                    } else {
                        outer.to_string()
                    }
                }
                None => prefix.clone(),
            };
            let last = core.chars().next_back();
            let lexicon_end = self.actors.iter().any(|(w, _)| {
                w.len() >= 2
                    && w.last().copied() == last
                    && core.chars().rev().take(w.len()).eq(w.iter().rev().copied())
            });
            if ends_with_head(&core) || lexicon_end {
                head_end = Some(j);
                break;
            }
        }
        let h = head_end?;
        // Trailing 等 belongs to the list.
        let mut end = h;
        if chars.get(end) == Some(&'等')
            && chars
                .get(end + 1)
                .is_none_or(|c| is_comma(*c) || boundary(chars, end + 1))
        {
            end += 1;
        }
        let text = cut(chars, s0, end);
        let elements = self.elements(&text);
        if elements.is_empty() {
            return None;
        }
        Some(Np {
            start: s0,
            end,
            elements,
        })
    }

    /// A modal verb standing at `i` (for where a name ends).
    pub(super) fn modal_word_at(&self, chars: &[char], i: usize) -> bool {
        let prev = prev_char(chars, i);
        let Some((w, _)) = MODALS.iter().find(|(w, _)| at(chars, i, w)) else {
            return false;
        };
        let next = chars.get(i + w.chars().count()).copied().unwrap_or(' ');
        match *w {
            "应" => {
                !"响相适供反对呼照感效顺回答理".contains(prev)
                    && !"急对用诉有收征聘届答变予援".contains(next)
            }
            "要" => "构门府位关织会业者员院委".contains(prev) && !"求害点素件务闻".contains(next),
            "负责" => next != '人' && next != '任',
            "有权" => !"机单部".contains(next),
            "鼓励" | "支持" | "提倡" => {
                !"的予和与、".contains(prev) && next != '的' && {
                    let start = chars
                        .get(..i)
                        .and_then(|b| b.iter().rposition(|c| is_comma(*c) || is_end_punct(*c)))
                        .map_or(0, |p| p + 1);
                    let before = cut(chars, start, i);
                    before.is_empty()
                        || ends_with_head(&before)
                        || [
                            "本市", "本省", "国家", "积极", "大力", "应当", "并", "同时", "依法",
                        ]
                        .iter()
                        .any(|w| before.ends_with(w))
                }
            }
            "配合" | "协助" => !"的予以作互和与、切".contains(prev) && next != '的',
            "牵头" => !"部门单位的作机抓".contains(next),
            "禁止" | "严禁" => next != '的' && prev != '所',
            _ => true,
        }
    }

    /// Where a relative clause starting at `e` ends in its head: the first 的
    /// before the next comma or modal verb that is followed by an actor's name.
    pub(super) fn relative_end(&self, chars: &[char], e: usize, limit: usize) -> Option<usize> {
        let mut stop = limit.min(chars.len());
        for j in e..stop {
            let c = chars.get(j).copied().unwrap_or(' ');
            if is_comma(c) || is_end_punct(c) || (j > e && self.modal_word_at(chars, j)) {
                stop = j;
                break;
            }
        }
        for de in (e..stop).filter(|j| chars.get(*j) == Some(&'的')) {
            let found = (de + 2..=(de + 14).min(stop)).rev().find(|&k| {
                let word = cut(chars, de + 1, k);
                (ends_with_head(&word) || self.actor(&word).is_some())
                    && boundary(chars, k)
                    && !word.chars().any(|c| "，,、".contains(c))
            });
            if found.is_some() {
                return found;
            }
        }
        None
    }

    /// Splits an actor phrase into its subjects.
    pub(super) fn elements(&self, np: &str) -> Vec<String> {
        let chars: Vec<char> = np.chars().collect();
        if np.starts_with("任何") || np.starts_with("一切") {
            return vec![np.trim_end_matches('等').to_string()];
        }
        // A modifier enumerating with 等 before the last 的 is one (…等区域的管理单位).
        let last_de = chars.iter().rposition(|c| *c == '的');
        let (modifier, head_from) = match last_de {
            Some(d) if cut(&chars, 0, d).contains('等') => (cut(&chars, 0, d + 1), d + 1),
            _ => (String::new(), 0),
        };
        // Split at the list marks and conjunctions, outside brackets and names.
        let mut parts: Vec<(String, String)> = Vec::new(); // (separator before, text)
        let mut cur = String::new();
        let mut sep = String::new();
        let mut depth = 0;
        let mut i = head_from;
        while i < chars.len() {
            let c = chars.get(i).copied().unwrap_or(' ');
            if c == '（' || c == '(' {
                depth += 1;
            } else if c == '）' || c == ')' {
                depth -= 1;
            }
            let in_term = self.span_at(&chars, i).is_some_and(|(a, b)| a < i && i < b);
            let conj = if depth > 0 || in_term {
                None
            } else if c == '、' || is_comma(c) {
                Some(1)
            } else {
                ["以及", "或者", "及其", "和", "及", "与", "或"]
                    .iter()
                    .find(|w| at(&chars, i, w))
                    .filter(|w| {
                        let next = chars.get(i + w.chars().count()).copied().unwrap_or(' ');
                        let prev = prev_char(&chars, i);
                        let later_list = chars.get(i..).is_some_and(|r| r.contains(&'、'));
                        let left_bare = !ends_with_head(&cur)
                            && !cur.is_empty()
                            && !LEVELS.contains(&cur.as_str());
                        !(matches!(**w, "和" | "与") && left_bare && later_list
                            || matches!(**w, "和") && matches!(next, '解' | '谐'))
                            && !(matches!(**w, "与") && matches!(prev, '参' | '给'))
                            && !(matches!(**w, "及") && matches!(next, '时'))
                            && i > head_from
                    })
                    .map(|w| w.chars().count())
            };
            match conj {
                Some(n) => {
                    parts.push((sep.clone(), std::mem::take(&mut cur)));
                    sep = cut(&chars, i, i + n);
                    i += n;
                }
                None => {
                    cur.push(c);
                    i += 1;
                }
            }
        }
        parts.push((sep, cur));
        let parts: Vec<(String, String)> = parts
            .into_iter()
            .map(|(s, t)| (s, strip_determiners(t.trim()).to_string()))
            .filter(|(_, t)| !t.is_empty())
            .collect();

        // Levels qualify the element after them: 市、县（区）人民政府.
        let mut joined: Vec<String> = Vec::new();
        let mut pending = String::new();
        for (k, (s, t)) in parts.iter().enumerate() {
            let is_level = LEVELS.contains(&t.as_str());
            let last = k + 1 == parts.len();
            if is_level && !last {
                pending.push_str(t);
                pending.push_str(parts.get(k + 1).map(|(s, _)| s.as_str()).unwrap_or(""));
                continue;
            }
            let _ = s;
            joined.push(format!("{pending}{t}"));
            pending.clear();
        }

        // Bare elements before an element with 的 are part of its modifier
        // (生产、销售、使用上述物品的单位).
        let mut merged: Vec<String> = Vec::new();
        let mut bare_run: Vec<String> = Vec::new();
        for t in joined {
            if t.contains('的') && !bare_run.is_empty() {
                let prefix = bare_run.join("、");
                merged.push(format!("{prefix}、{t}"));
                bare_run.clear();
            } else if !ends_with_head(&t) && !t.contains('等') {
                bare_run.push(t);
            } else {
                merged.append(&mut bare_run);
                merged.push(t);
            }
        }
        merged.append(&mut bare_run);

        // 等 + category: the category's head goes to the bare elements before it.
        let mut out: Vec<String> = Vec::new();
        let mut run_start = 0usize;
        for t in merged {
            let (elem, category) = match t.find('等') {
                Some(k) if !t.contains('的') => (
                    t.get(..k).unwrap_or("").to_string(),
                    t.get(k + '等'.len_utf8()..).unwrap_or("").to_string(),
                ),
                _ => (t.clone(), String::new()),
            };
            let bare = |x: &str| !ends_with_head(strip_bracket_group(x));
            if !elem.is_empty() {
                out.push(elem.clone());
            }
            let head_of = |x: &str| {
                HEAD_WORDS
                    .iter()
                    .find(|h| x.ends_with(**h))
                    .map(|h| h.to_string())
            };
            let category_clean = strip_determiners(
                category
                    .trim_start_matches("有关")
                    .trim_start_matches("相关")
                    .trim_start_matches("其他")
                    .trim_start_matches("各类"),
            )
            .to_string();
            let shared_head = if !category_clean.is_empty() {
                head_of(&category_clean)
            } else if !bare(&elem) && out.len() > run_start + 1 {
                head_of(&elem)
            } else {
                None
            };
            let run = out.get(run_start..).map(|r| r.to_vec()).unwrap_or_default();
            let all_bare = run.iter().all(|x| bare(x));
            match shared_head {
                Some(hw) => {
                    for x in out.iter_mut().skip(run_start) {
                        if bare(x) && !LEVELS.contains(&x.as_str()) {
                            x.push_str(&hw);
                        }
                    }
                }
                None if !category_clean.is_empty() && all_bare => {
                    out.truncate(run_start);
                    out.push(category_clean.clone());
                }
                None => {}
            }
            if !bare(out.last().map(String::as_str).unwrap_or("")) || !category.is_empty() {
                run_start = out.len();
            }
        }

        // A short bare head after an element with 的 shares its modifier
        // (大型群众性活动的主办者、承办者).
        let mut result: Vec<String> = Vec::new();
        let mut last_modifier: Option<String> = None;
        for t in out {
            if let Some(d) = t.rfind('的') {
                last_modifier = t.get(..d + '的'.len_utf8()).map(str::to_string);
                result.push(t);
            } else if t.chars().count() <= 4
                && self.actor(&t).is_none_or(|_| t.chars().count() <= 3)
            {
                match &last_modifier {
                    Some(m) => result.push(format!("{m}{t}")),
                    None => result.push(t),
                }
            } else {
                last_modifier = None;
                result.push(t);
            }
        }
        if !modifier.is_empty() {
            result = result
                .into_iter()
                .map(|t| format!("{modifier}{t}"))
                .collect();
        }
        result
            .into_iter()
            .map(|t| t.trim_end_matches('等').to_string())
            .filter(|t| !t.is_empty())
            .flat_map(|t| self.two_terms(&t).unwrap_or_else(|| vec![t]))
            .collect()
    }

    /// Two names of the lexicon written together: 行业协会商会.
    pub(super) fn two_terms(&self, t: &str) -> Option<Vec<String>> {
        let chars: Vec<char> = t.chars().collect();
        let exact = |w: &[char]| self.actors.iter().any(|(x, _)| x.as_slice() == w);
        if exact(&chars) {
            return None;
        }
        (2..chars.len().saturating_sub(1)).find_map(|k| {
            let (a, b) = (chars.get(..k)?, chars.get(k..)?);
            let staff = ["人员", "人", "员"]
                .iter()
                .any(|w| b.iter().collect::<String>().ends_with(w));
            (exact(a) && exact(b) && !staff).then(|| vec![a.iter().collect(), b.iter().collect()])
        })
    }

    pub(super) fn subjects(&self, elements: &[String]) -> Vec<Subject> {
        elements
            .iter()
            .map(|t| Subject {
                text: t.clone(),
                term: self.actor(t),
            })
            .collect()
    }
}

/// Generic heads that name no kind of actor on their own.
pub(super) const GENERIC: [&str; 14] = [
    "部门",
    "机关",
    "机构",
    "单位",
    "组织",
    "企业",
    "团体",
    "人员",
    "场所",
    "地区",
    "个人",
    "行业",
    "主管部门",
    "所在单位",
];

/// The new lexicon term a subject the lexicon does not know suggests, if it names
/// a kind of actor: the head after a modifier (…区域的管理单位 → 管理单位), never
/// a generic head alone (有关部门), a level (市、县（区）) or a phrase that begins
/// with a verb.
pub(crate) fn proposed_term(text: &str) -> Option<String> {
    let mut t = match text.rfind('的') {
        Some(i) => text.get(i + '的'.len_utf8()..).unwrap_or(""),
        None => text,
    };
    loop {
        let before = t;
        for q in [
            "有关",
            "相关",
            "其他",
            "上级",
            "本级",
            "同级",
            "所在地",
            "人民政府",
            "政府",
            "省",
            "市",
            "县",
        ] {
            if let Some(r) = t.strip_prefix(q) {
                if ends_with_head(r) {
                    t = r;
                }
            }
        }
        if t == before {
            break;
        }
    }
    let chars: Vec<char> = t.chars().collect();
    let verb_first = STOPS.iter().any(|w| t.starts_with(w))
        || ["发展", "培育", "调解", "挽救", "改造"]
            .iter()
            .any(|w| t.starts_with(w))
        || single_stop(&chars, 0);
    let level_only = t
        .split(['、', '和', '及'])
        .all(|p| LEVELS.contains(&p.trim()) || p.trim().is_empty());
    let ok = ends_with_head(strip_bracket_group(t))
        && !GENERIC.contains(&t)
        && !level_only
        && !verb_first
        && !t.contains(['、', '，', ','])
        && (2..=12).contains(&chars.len());
    ok.then(|| t.to_string())
}
