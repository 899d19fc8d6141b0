//! The evaluation graph as bytes, for the graph the binary embeds: the build
//! compiles `rules/` once and stores the result, so that a run on the embedded
//! rules loads it instead of parsing and lowering every ordinance again
//! (docs/performance.md, Cold start).
//!
//! It comes in two parts:
//! - the graph without its provision texts, in rkyv's format, checked when read
//!   (bytecheck): bytes that are not a graph of this build are an error, never
//!   undefined behaviour;
//! - the provision texts (article, paragraph, item), end to end in one string
//!   that the binary embeds as text (`include_str!`): the graph read back
//!   borrows them, so a start neither copies nor re-validates the law's text
//!   (two thirds of the archive's checking and copying went to it).
//!
//! The bytes are tied to this build's types: they are made by the build script
//! of the same build and never written to or read from a file a user gives.

use crate::graph::{Graph, Text};

/// Why bytes could not be read as a graph.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ArchiveError(String);

/// What is archived: the graph (its texts skipped) and where each text ends in
/// the texts string, in [`texts_mut`]'s order.
#[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
struct Archived {
    graph: Graph,
    text_ends: Vec<u32>,
}

/// Every provision text of the graph, in one fixed order: per ordinance, per
/// article, the article's text, then per paragraph its text and its items'.
fn texts_mut(graph: &mut Graph) -> impl Iterator<Item = &mut Text> {
    graph
        .ordinances
        .iter_mut()
        .flat_map(|o| o.articles.iter_mut())
        .flat_map(|a| {
            std::iter::once(&mut a.text).chain(a.paragraphs.iter_mut().flat_map(|p| {
                std::iter::once(&mut p.text).chain(p.items.iter_mut().map(|i| &mut i.text))
            }))
        })
}

/// The graph as its two parts: the archive's bytes and the texts.
pub fn to_parts(graph: &Graph) -> Result<(Vec<u8>, String), ArchiveError> {
    let mut graph = graph.clone();
    let mut texts = String::new();
    let mut text_ends = Vec::new();
    for t in texts_mut(&mut graph) {
        texts.push_str(t);
        *t = Text::Borrowed("");
        let end = u32::try_from(texts.len())
            .map_err(|_| ArchiveError("provision texts over 4 GB".into()))?;
        text_ends.push(end);
    }
    let bytes = rkyv::to_bytes::<rkyv::rancor::Error>(&Archived { graph, text_ends })
        .map_err(|e| ArchiveError(e.to_string()))?;
    Ok((bytes.into_vec(), texts))
}

/// The graph back from [`to_parts`]'s output, checked; its texts borrowed from
/// `texts`. Bytes aligned to 16 (as the binary embeds them) are read in place;
/// others are copied into an aligned buffer first.
pub fn from_parts(bytes: &[u8], texts: &'static str) -> Result<Graph, ArchiveError> {
    let read = |b: &[u8]| {
        rkyv::from_bytes::<Archived, rkyv::rancor::Error>(b)
            .map_err(|e| ArchiveError(e.to_string()))
    };
    let Archived {
        mut graph,
        text_ends,
    } = if (bytes.as_ptr() as usize).is_multiple_of(16) {
        read(bytes)?
    } else {
        let mut aligned = rkyv::util::AlignedVec::<16>::with_capacity(bytes.len());
        aligned.extend_from_slice(bytes);
        read(&aligned)?
    };
    let mut ends = text_ends.iter();
    let mut from = 0usize;
    for t in texts_mut(&mut graph) {
        let end = ends
            .next()
            .map(|&e| e as usize)
            .ok_or_else(|| ArchiveError("fewer texts than provisions".into()))?;
        *t = Text::Borrowed(
            texts
                .get(from..end)
                .ok_or_else(|| ArchiveError(format!("text {from}..{end} is not in the texts")))?,
        );
        from = end;
    }
    if ends.next().is_some() || from != texts.len() {
        return Err(ArchiveError("more texts than provisions".into()));
    }
    Ok(graph)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::sources_from_texts;

    const RULE: &str = "词汇 {\n  主体 公安机关\n  行为 报告\n}\n";

    fn leak(s: String) -> &'static str {
        Box::leak(s.into_boxed_str())
    }

    /// The shipped rules (`rules/`), compiled.
    fn embedded() -> Graph {
        let rules = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../rules"));
        let c = crate::compile(crate::load::load_sources(&[rules], &[]).unwrap());
        assert!(!c.has_errors());
        c.graph
    }

    #[test]
    fn a_graph_comes_back_equal() {
        let c = crate::compile(sources_from_texts(
            vec![("a.tiaoli".into(), RULE.into())],
            &[],
        ));
        let (bytes, texts) = to_parts(&c.graph).unwrap();
        assert_eq!(from_parts(&bytes, leak(texts)).unwrap(), c.graph);
    }

    /// The shipped ordinances: every text comes back in its place, borrowed.
    #[test]
    fn the_shipped_rules_come_back_equal_with_their_texts_borrowed() {
        let g = embedded();
        assert!(g.ordinances.iter().any(|o| !o.articles.is_empty()));
        let (bytes, texts) = to_parts(&g).unwrap();
        let back = from_parts(&bytes, leak(texts)).unwrap();
        assert_eq!(back, g);
        let mut back = back;
        assert!(texts_mut(&mut back).all(|t| matches!(t, Text::Borrowed(_))));
    }

    #[test]
    fn misaligned_bytes_are_read_too() {
        let g = embedded();
        let (bytes, texts) = to_parts(&g).unwrap();
        // The bytes one past an allocation's start (malloc aligns to 16):
        // not aligned, so copied first.
        let mut buf = vec![0u8];
        buf.extend_from_slice(&bytes);
        let shifted = buf.get(1..).unwrap();
        assert!(!(shifted.as_ptr() as usize).is_multiple_of(16));
        assert_eq!(from_parts(shifted, leak(texts)).unwrap(), g);
    }

    #[test]
    fn bytes_that_are_no_graph_or_texts_that_do_not_fit_are_an_error() {
        assert!(from_parts(b"not a graph at all, just some bytes", "").is_err());
        assert!(from_parts(&[], "").is_err());
        let (bytes, texts) = to_parts(&embedded()).unwrap();
        // Texts shorter, longer, or cut inside a character.
        let short: String = texts.chars().skip(1).collect();
        assert!(from_parts(&bytes, leak(short)).is_err());
        assert!(from_parts(&bytes, leak(format!("{texts}多"))).is_err());
        let mut cut = texts.clone();
        cut.insert(0, 'x');
        cut.pop();
        assert!(from_parts(&bytes, leak(cut)).is_err());
    }
}
