//! Modal verbs (应当, 不得, 可以 …) and 除…外 exclusions.

use super::*;

/// Modal verbs, longest first. 应 alone is a modal verb only before a verb
/// (应建立, 应按照), not in 应急, 相应, 适应, 应对 …
pub(super) const MODALS: &[(&str, ModalityClass)] = &[
    ("不允许", ModalityClass::Prohibition),
    ("不得", ModalityClass::Prohibition),
    ("禁止", ModalityClass::Prohibition),
    ("严禁", ModalityClass::Prohibition),
    ("不准", ModalityClass::Prohibition),
    ("应当", ModalityClass::Obligation),
    ("应该", ModalityClass::Obligation),
    ("必须", ModalityClass::Obligation),
    ("可以", ModalityClass::Permission),
    ("有权", ModalityClass::Permission),
    ("鼓励", ModalityClass::Encouragement),
    ("提倡", ModalityClass::Encouragement),
    ("倡导", ModalityClass::Encouragement),
];

/// [`MODALS`] as characters, in the same order.
pub(super) const MODAL_CHARS: &[&[char]] = &[
    &['不', '允', '许'],
    &['不', '得'],
    &['禁', '止'],
    &['严', '禁'],
    &['不', '准'],
    &['应', '当'],
    &['应', '该'],
    &['必', '须'],
    &['可', '以'],
    &['有', '权'],
    &['鼓', '励'],
    &['提', '倡'],
    &['倡', '导'],
];

/// What may follow 应 when it is the modal verb (应建立, 应按照, 应及时 …).
pub(super) const YING_BEFORE: &str =
    "建加按依及做落配组制开定向在将予采保提健完严主积把与实根结统设进推通协负明履";
/// What may stand before 应 when it is part of another word (相应, 适应, 响应 …).
pub(super) const YING_AFTER: &str = "相适反响供对呼效感回顺报照答因";

/// Modal verbs of `cs` (the text with the catalogue's measures masked), quoted
/// from `orig` (the text as written).
pub(super) fn modals(cs: &[char], orig: &[char], out: &mut Vec<Found>) {
    let mut i = 0;
    let mut last_binding: Option<usize> = None;
    while i < cs.len() {
        if let Some(c) = cs.get(i) {
            if matches!(c, '。' | '；' | ';') {
                last_binding = None;
            }
        }
        let hit = MODAL_CHARS
            .iter()
            .zip(MODALS)
            .find(|(w, _)| cs.get(i..i + w.len()).is_some_and(|s| s == **w))
            .map(|(_, m)| m);
        if let Some((w, class)) = hit {
            let n = w.chars().count();
            let next = cs.get(i + n).copied();
            // 不得不 is not a prohibition; 有权机关 is a body, not a right;
            // 法律法规禁止的信息 describes, it does not forbid.
            let not_modal = (*w == "不得" && next == Some('不'))
                || (*w == "有权" && next.is_some_and(|c| "机单部组".contains(c)))
                || (*w == "禁止" && next == Some('的'));
            if not_modal {
                i += n;
                continue;
            }
            // 应当鼓励, 可以支持: the verb before binds; the encouragement is its object.
            let bound = *class == ModalityClass::Encouragement && last_binding.is_some();
            if !bound {
                out.push(Found {
                    signal: Signal::Modal {
                        word: w.to_string(),
                        class: *class,
                    },
                    words: w.to_string(),
                    sentence: sentence(orig, i),
                });
            }
            if *class != ModalityClass::Encouragement {
                last_binding = Some(i + n);
            }
            i += n;
            continue;
        }
        if cs.get(i) == Some(&'应') {
            let next = cs.get(i + 1).copied();
            let prev = i.checked_sub(1).and_then(|k| cs.get(k)).copied();
            if next.is_some_and(|c| YING_BEFORE.contains(c))
                && !prev.is_some_and(|c| YING_AFTER.contains(c))
            {
                out.push(Found {
                    signal: Signal::Modal {
                        word: "应".into(),
                        class: ModalityClass::Obligation,
                    },
                    words: "应".into(),
                    sentence: sentence(orig, i),
                });
                last_binding = Some(i + 1);
            }
        }
        i += 1;
    }
}

/// Words in which 除 is not "except": 消除, 排除, 扫黑除恶 …
pub(super) const CHU_IN: &str = "消排清解拆铲删免破去根剔摒革废扫黑整切";

pub(super) fn exceptions(cs: &[char], out: &mut Vec<Found>) {
    for (i, c) in cs.iter().enumerate() {
        if *c != '除' {
            continue;
        }
        let prev = i.checked_sub(1).and_then(|k| cs.get(k)).copied();
        let next = cs.get(i + 1).copied();
        // ……的除外.
        if next == Some('外') {
            if prev.is_some_and(|p| !CHU_IN.contains(p)) {
                out.push(Found {
                    signal: Signal::Exception,
                    words: "除外".into(),
                    sentence: sentence(cs, i),
                });
            }
            continue;
        }
        if prev.is_some_and(|p| CHU_IN.contains(p)) || next == Some('恶') {
            continue;
        }
        // 除……外 / 除……以外, within the clause.
        let clause_end = cs
            .get(i..)
            .and_then(|s| s.iter().position(|c| matches!(c, '。' | '；' | ';' | '：')))
            .map(|p| i + p)
            .unwrap_or(cs.len());
        let has_wai = cs.get(i + 1..clause_end).is_some_and(|s| s.contains(&'外'));
        if has_wai {
            out.push(Found {
                signal: Signal::Exception,
                words: "除……外".into(),
                sentence: sentence(cs, i),
            });
        }
    }
}
