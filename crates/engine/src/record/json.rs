//! JSON fragments: strings, dates, statuses written as serde_json writes them.

use serde::Serialize;

use crate::date::Date;
use crate::eval::{Status, Tri};

pub(super) fn json<T: Serialize + ?Sized>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).unwrap_or_default()
}

/// A string as JSON, as serde_json escapes it.
pub(super) fn push_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    push_contents(out, s);
    out.push(b'"');
}

/// A string's characters as JSON escapes them inside quotes.
pub(super) fn push_contents(out: &mut Vec<u8>, s: &str) {
    let plain = s
        .as_bytes()
        .iter()
        .fold(true, |ok, b| ok & (*b >= 0x20 && *b != b'"' && *b != b'\\'));
    if plain {
        out.extend_from_slice(s.as_bytes());
    } else {
        let quoted = json(s);
        out.extend_from_slice(quoted.get(1..quoted.len().saturating_sub(1)).unwrap_or(&[]));
    }
}

/// Several pieces as one JSON string (escaping is per character).
pub(super) fn push_concat<'a>(out: &mut Vec<u8>, parts: impl IntoIterator<Item = &'a str>) {
    out.push(b'"');
    for p in parts {
        push_contents(out, p);
    }
    out.push(b'"');
}

pub(super) fn push_date(out: &mut Vec<u8>, d: Date) {
    let (y, m, day) = d.ymd();
    if (0..=9999).contains(&y) {
        let y = y as u32;
        let digits = [
            b'"',
            b'0' + (y / 1000) as u8,
            b'0' + (y / 100 % 10) as u8,
            b'0' + (y / 10 % 10) as u8,
            b'0' + (y % 10) as u8,
            b'-',
            b'0' + (m / 10) as u8,
            b'0' + (m % 10) as u8,
            b'-',
            b'0' + (day / 10) as u8,
            b'0' + (day % 10) as u8,
            b'"',
        ];
        out.extend_from_slice(&digits);
    } else {
        let _ = serde_json::to_writer(&mut *out, &d);
    }
}

pub(super) fn push_opt_date(out: &mut Vec<u8>, key: &[u8], d: Option<Date>) {
    if let Some(d) = d {
        out.extend_from_slice(key);
        push_date(out, d);
    }
}

pub(super) fn push_strings(out: &mut Vec<u8>, items: &[String]) {
    out.push(b'[');
    for (k, s) in items.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        push_str(out, s);
    }
    out.push(b']');
}

pub(super) fn status_json(s: Status) -> &'static [u8] {
    match s {
        Status::Violated => b"\"violated\"",
        Status::Triggered => b"\"triggered\"",
        Status::Unknown => b"\"unknown\"",
        Status::Pending => b"\"pending\"",
        Status::Fulfilled => b"\"fulfilled\"",
        Status::NotTriggered => b"\"not_triggered\"",
        Status::Overridden => b"\"overridden\"",
        Status::Permitted => b"\"permitted\"",
        Status::Encouraged => b"\"encouraged\"",
        Status::Lapsed => b"\"lapsed\"",
        Status::Expired => b"\"expired\"",
    }
}

pub(super) fn tri_json(t: Tri) -> &'static [u8] {
    match t {
        Tri::False => b"\"false\"",
        Tri::True => b"\"true\"",
        Tri::Unknown => b"\"unknown\"",
    }
}

pub(super) fn obj_str(out: &mut Vec<u8>, key: &str, v: &str) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(key.as_bytes());
    out.extend_from_slice(b"\":");
    push_str(out, v);
}
