//! Modal verbs: which occurrences govern a clause (not 负责人, 有权机关, 相应 …).

use super::names::Terms;
use super::words::*;

// ───────────────────────────── modal verbs ─────────────────────────────

impl Terms {
    /// The modal verb at `i`, if one stands there as a modal verb (not 负责人,
    /// 有权机关, 相应, 禁止的信息 …): (length, as written, modality).
    pub(super) fn modal_at(
        &self,
        chars: &[char],
        i: usize,
    ) -> Option<(usize, &'static str, &'static str)> {
        let prev = prev_char(chars, i);
        let (w, m) = MODALS.iter().find(|(w, _)| at(chars, i, w))?;
        let n = w.chars().count();
        let next = chars.get(i + n).copied().unwrap_or(' ');
        let ok = match *w {
            "应" => {
                !"响相适供反对呼照感效顺回答理".contains(prev)
                    && !"急对用诉有收征聘届答变予援".contains(next)
            }
            "要" => "构门府位关织会业者员院委".contains(prev) && !"求害点素件务闻".contains(next),
            "负责" => {
                next != '人'
                    && next != '任'
                    && next != '的'
                    && prev != '谁'
                    && prev != '、'
                    && next != '、'
                    && !self.relative_clause(chars, i + n)
            }
            "鼓励" | "支持" | "提倡" => !"的予和与、".contains(prev) && next != '的',
            "配合" | "协助" => !"的予以作互和与、切".contains(prev) && next != '的',
            "牵头" => !"部门单位的作机抓".contains(next),
            "有权" => !"机单部".contains(next),
            "禁止" | "严禁" => next != '的' && prev != '所',
            _ => true,
        };
        ok.then_some((n, *w, *m))
    }

    /// The modal verbs of a unit: (position, length, as written, modality).
    pub(super) fn modal_verbs(
        &self,
        chars: &[char],
    ) -> Vec<(usize, usize, &'static str, &'static str)> {
        let q = quoted(chars);
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if q.get(i) == Some(&true) {
                i += 1;
                continue;
            }
            match self.modal_at(chars, i) {
                Some((n, w, m)) => {
                    out.push((i, n, w, m));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// "负责…工作的部门，": a relative clause naming an actor, not a modal verb.
    pub(super) fn relative_clause(&self, chars: &[char], from: usize) -> bool {
        let mut j = from;
        while let Some(&c) = chars.get(j) {
            if is_comma(c) || is_end_punct(c) {
                return false;
            }
            if c == '的' {
                let Some(np) = self.actor_np(chars, j + 1, chars.len()) else {
                    j += 1;
                    continue;
                };
                if np.start != j + 1 {
                    j += 1;
                    continue;
                }
                let after = chars.get(np.end).copied().unwrap_or('，');
                return is_comma(after)
                    || MODALS.iter().any(|(w, _)| at(chars, np.end, w))
                    || after == '在';
            }
            j += 1;
        }
        false
    }
}
