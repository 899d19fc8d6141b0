//! Who a consequence involves, found in its clause: the body named after 由
//! (who acts), the body recommended to act (建议X依法给予…), whom the measure
//! reaches (对X…给予, 追究X的责任), and where the first sanction is named.

use super::names::{Np, Terms};
use super::words::*;

/// "由X…": the first 由 followed by an actor phrase, with the phrase.
pub(super) fn find_you(chars: &[char], t: &Terms) -> Option<(usize, Np)> {
    for (i, c) in chars.iter().enumerate() {
        if *c != '由' {
            continue;
        }
        let prev = prev_char(chars, i);
        let next = chars.get(i + 1).copied().unwrap_or(' ');
        if matches!(next, '于' | '此') || matches!(prev, '理' | '自' | '经' | '缘') {
            continue;
        }
        if let Some(np) = t.actor_np(chars, i + 1, chars.len()) {
            if np.start == i + 1 || strip_determiners(&cut(chars, i + 1, np.start)).is_empty() {
                let mut np = np;
                // "由X或者由Y": both.
                let rest = cut(chars, np.end, chars.len());
                if let Some(k) = rest.find("或者由").or_else(|| rest.find("或由")) {
                    let off = np.end + rest.get(..k).unwrap_or("").chars().count();
                    let skip = if rest.get(k..).is_some_and(|r| r.starts_with("或者由")) {
                        3
                    } else {
                        2
                    };
                    if let Some(more) = t.actor_np(chars, off + skip, chars.len()) {
                        np.elements.extend(more.elements);
                    }
                }
                return Some((i, np));
            }
        }
    }
    None
}

/// "建议X依法给予…": the body recommended is the authority.
pub(super) fn recommended_authority(chars: &[char], t: &Terms) -> Option<Vec<String>> {
    let text: String = chars.iter().collect();
    let k = text.find("建议")?;
    let from = text.get(..k)?.chars().count() + 2;
    let np = t.actor_np(chars, from, chars.len())?;
    (np.start == from).then_some(np.elements)
}

/// "对X…给予/予以/进行/采取", "追究X的责任": whom the measure reaches.
pub(super) fn target(chars: &[char], t: &Terms) -> Option<Vec<String>> {
    let text: String = chars.iter().collect();
    for (i, c) in chars.iter().enumerate() {
        if *c != '对' {
            continue;
        }
        if let Some(np) = t.actor_np(chars, i + 1, chars.len()) {
            let rest = cut(chars, np.end, np.end + 12);
            let rest = rest.trim_start_matches("依法").trim_start_matches("依照");
            if np.start == i + 1
                && ["给予", "予以", "进行", "采取", "追究", "作出", "依"]
                    .iter()
                    .any(|v| rest.starts_with(v))
            {
                return Some(np.elements);
            }
        }
    }
    if let Some(k) = text.find("追究") {
        let from = text.get(..k)?.chars().count() + 2;
        if let Some(np) = t.actor_np(chars, from, chars.len()) {
            if cut(chars, np.end, np.end + 4).starts_with("的责任") {
                return Some(np.elements);
            }
        }
    }
    None
}

/// Where the first sanction of a consequence is named.
pub(super) fn sanction_position(chars: &[char], list: &[String], t: &Terms) -> Option<usize> {
    let text: String = chars.iter().collect();
    let mut best: Option<usize> = None;
    for (w, c) in &t.sanctions {
        if list.contains(c) {
            if let Some(k) = text.find(w.as_str()) {
                let p = text.get(..k).unwrap_or("").chars().count();
                best = Some(best.map_or(p, |b| b.min(p)));
            }
        }
    }
    for w in ["给予", "予以", "追究", "依法", "不得"] {
        if let Some(k) = text.find(w) {
            let p = text.get(..k).unwrap_or("").chars().count();
            if best.is_none_or(|b| p < b) {
                best = Some(p);
            }
        }
    }
    best
}
