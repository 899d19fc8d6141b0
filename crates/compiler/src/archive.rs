//! The evaluation graph as bytes, for the graph the binary embeds: the build
//! compiles `rules/` once and stores the result, so that a run on the embedded
//! rules loads it instead of parsing and lowering every ordinance again
//! (docs/performance.md, Cold start).
//!
//! The format is rkyv's, checked when read (bytecheck): bytes that are not a
//! graph of this build are an error, never undefined behaviour. The bytes are
//! tied to this build's types: they are made by the build script of the same
//! build and never written to or read from a file a user gives.

use crate::graph::Graph;

/// Why bytes could not be read as a graph.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ArchiveError(String);

/// The graph as bytes.
pub fn to_bytes(graph: &Graph) -> Result<Vec<u8>, ArchiveError> {
    rkyv::to_bytes::<rkyv::rancor::Error>(graph)
        .map(|b| b.into_vec())
        .map_err(|e| ArchiveError(e.to_string()))
}

/// The graph back from [`to_bytes`]'s output, checked. Bytes aligned to 16
/// (as the binary embeds them) are read in place; others are copied into an
/// aligned buffer first.
pub fn from_bytes(bytes: &[u8]) -> Result<Graph, ArchiveError> {
    let read = |b: &[u8]| {
        rkyv::from_bytes::<Graph, rkyv::rancor::Error>(b).map_err(|e| ArchiveError(e.to_string()))
    };
    if (bytes.as_ptr() as usize).is_multiple_of(16) {
        return read(bytes);
    }
    let mut aligned = rkyv::util::AlignedVec::<16>::with_capacity(bytes.len());
    aligned.extend_from_slice(bytes);
    read(&aligned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::sources_from_texts;

    const RULE: &str = "词汇 {\n  主体 公安机关\n  行为 报告\n}\n";

    #[test]
    fn a_graph_comes_back_equal() {
        let c = crate::compile(sources_from_texts(
            vec![("a.tiaoli".into(), RULE.into())],
            &[],
        ));
        let bytes = to_bytes(&c.graph).unwrap();
        assert_eq!(from_bytes(&bytes).unwrap(), c.graph);
    }

    #[test]
    fn misaligned_bytes_are_read_too() {
        let c = crate::compile(sources_from_texts(
            vec![("a.tiaoli".into(), RULE.into())],
            &[],
        ));
        let bytes = to_bytes(&c.graph).unwrap();
        // The bytes one past an allocation's start (malloc aligns to 16):
        // not aligned, so copied first.
        let mut buf = vec![0u8];
        buf.extend_from_slice(&bytes);
        let shifted = buf.get(1..).unwrap();
        assert!(!(shifted.as_ptr() as usize).is_multiple_of(16));
        assert_eq!(from_bytes(shifted).unwrap(), c.graph);
    }

    #[test]
    fn bytes_that_are_no_graph_are_an_error() {
        assert!(from_bytes(b"not a graph at all, just some bytes").is_err());
        assert!(from_bytes(&[]).is_err());
    }
}
