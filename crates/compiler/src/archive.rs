//! The evaluation graph as bytes, for the graph the binary embeds: the build
//! compiles `rules/` once and stores the result, so that a run on the embedded
//! rules loads it instead of parsing and lowering every ordinance again
//! (docs/performance.md, Cold start).
//!
//! It comes in two parts:
//! - the graph without its strings, in rkyv's format, checked when read
//!   (bytecheck): bytes that are not a graph of this build are an error, never
//!   undefined behaviour;
//! - every string of the graph (names, citations, file names, the provision
//!   texts), each once, end to end in one string that the binary embeds as
//!   text (`include_str!`). In the archive a string is its span in that table
//!   ([`InTable`]): read back, the provision texts and the strings a graph
//!   holds by the thousand (`Text`, `Str`) borrow from the table, the rare
//!   others (`String`) are copied out of it. A start thus checks the UTF-8 of
//!   no string and allocates for few (the strings were four fifths of the
//!   archive's checking and most of its allocations).
//!
//! The bytes are tied to this build's types: they are made by the build script
//! of the same build and never written to or read from a file a user gives.

use std::collections::HashMap;

use rkyv::rancor::{Fallible, Source, Strategy};
use rkyv::ser::sharing::{Share, SharingState};
use rkyv::ser::{Serializer, Sharing};
use rkyv::with::{ArchiveWith, DeserializeWith, SerializeWith};
use rkyv::{Archive, Archived, Place};

use crate::graph::Graph;

/// Why bytes could not be read as a graph.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ArchiveError(String);

/// The with-wrapper of a string field (`#[rkyv(with = InTable)]`): archived as
/// its span (start, end) in the strings table, not as its bytes.
pub struct InTable;

/// The strings table as it is written: each distinct string once, found again
/// by its text. It rides in the serializer's pointer-sharing slot (the one
/// part of rkyv's serializer a program may supply without `unsafe`), passing
/// the sharing of pointers on to rkyv's own.
#[derive(Default)]
pub struct StringsOut {
    share: Share,
    table: String,
    spans: HashMap<String, [u32; 2]>,
}

impl StringsOut {
    fn span_of(&mut self, s: &str) -> Result<[u32; 2], ArchiveError> {
        if let Some(&span) = self.spans.get(s) {
            return Ok(span);
        }
        let at = |n: usize| {
            u32::try_from(n).map_err(|_| ArchiveError("the graph's strings are over 4 GB".into()))
        };
        let start = at(self.table.len())?;
        self.table.push_str(s);
        let span = [start, at(self.table.len())?];
        self.spans.insert(s.to_string(), span);
        Ok(span)
    }
}

impl<E> Sharing<E> for StringsOut
where
    Share: Sharing<E>,
{
    fn start_sharing(&mut self, address: usize) -> SharingState {
        Sharing::<E>::start_sharing(&mut self.share, address)
    }

    fn finish_sharing(&mut self, address: usize, pos: usize) -> Result<(), E> {
        self.share.finish_sharing(address, pos)
    }
}

/// The strings table as it is read: the binary's embedded text.
pub struct StringsIn {
    table: &'static str,
}

impl<F: AsRef<str>> ArchiveWith<F> for InTable {
    type Archived = Archived<[u32; 2]>;
    type Resolver = [u32; 2];

    fn resolve_with(_: &F, span: [u32; 2], out: Place<Self::Archived>) {
        span.resolve([(), ()], out);
    }
}

impl<F, W, A, E> SerializeWith<F, Strategy<Serializer<W, A, StringsOut>, E>> for InTable
where
    F: AsRef<str>,
    E: Source,
{
    fn serialize_with(
        field: &F,
        serializer: &mut Strategy<Serializer<W, A, StringsOut>, E>,
    ) -> Result<[u32; 2], E> {
        serializer.sharing.span_of(field.as_ref()).map_err(E::new)
    }
}

/// A string out of the table: borrowed where the field can borrow
/// ([`Text`](crate::graph::Text), [`Str`](crate::graph::Str)), copied where it
/// owns (`String`).
impl<F, E> DeserializeWith<Archived<[u32; 2]>, F, Strategy<StringsIn, E>> for InTable
where
    F: From<&'static str>,
    E: Source,
{
    fn deserialize_with(
        span: &Archived<[u32; 2]>,
        deserializer: &mut Strategy<StringsIn, E>,
    ) -> Result<F, <Strategy<StringsIn, E> as Fallible>::Error> {
        let [start, end] = [span[0].to_native() as usize, span[1].to_native() as usize];
        deserializer
            .table
            .get(start..end)
            .map(F::from)
            .ok_or_else(|| {
                E::new(ArchiveError(format!(
                    "string {start}..{end} is not in the table"
                )))
            })
    }
}

/// The graph as its two parts: the archive's bytes and the strings table.
pub fn to_parts(graph: &Graph) -> Result<(Vec<u8>, String), ArchiveError> {
    let (bytes, strings) = rkyv::util::with_arena(|arena| {
        let mut serializer = Serializer::new(
            rkyv::util::AlignedVec::<16>::new(),
            arena.acquire(),
            StringsOut::default(),
        );
        rkyv::api::serialize_using::<_, rkyv::rancor::Error>(graph, &mut serializer)?;
        let Serializer {
            writer, sharing, ..
        } = serializer;
        Ok::<_, rkyv::rancor::Error>((writer, sharing.table))
    })
    .map_err(|e| ArchiveError(e.to_string()))?;
    Ok((bytes.into_vec(), strings))
}

/// The graph back from [`to_parts`]'s output, checked; its strings taken from
/// `strings`. Bytes aligned to 16 (as the binary embeds them) are read in
/// place; others are copied into an aligned buffer first.
pub fn from_parts(bytes: &[u8], strings: &'static str) -> Result<Graph, ArchiveError> {
    let read = |b: &[u8]| {
        let archived = rkyv::access::<Archived<Graph>, rkyv::rancor::Error>(b)
            .map_err(|e| ArchiveError(e.to_string()))?;
        rkyv::api::deserialize_using::<Graph, _, rkyv::rancor::Error>(
            archived,
            &mut StringsIn { table: strings },
        )
        .map_err(|e| ArchiveError(e.to_string()))
    };
    if (bytes.as_ptr() as usize).is_multiple_of(16) {
        read(bytes)
    } else {
        let mut aligned = rkyv::util::AlignedVec::<16>::with_capacity(bytes.len());
        aligned.extend_from_slice(bytes);
        read(&aligned)
    }
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
        let (bytes, strings) = to_parts(&c.graph).unwrap();
        assert_eq!(from_parts(&bytes, leak(strings)).unwrap(), c.graph);
    }

    /// The shipped ordinances: every string comes back in its place, each
    /// distinct string stored once, and every provision text borrowed.
    #[test]
    fn the_shipped_rules_come_back_equal_with_their_texts_borrowed() {
        let g = embedded();
        assert!(g.ordinances.iter().any(|o| !o.articles.is_empty()));
        let (bytes, strings) = to_parts(&g).unwrap();
        let back = from_parts(&bytes, leak(strings.clone())).unwrap();
        assert_eq!(back, g);
        let mut texts = 0;
        for a in back.ordinances.iter().flat_map(|o| &o.articles) {
            let paragraphs = a.paragraphs.iter().map(|p| &p.text);
            let items = a
                .paragraphs
                .iter()
                .flat_map(|p| p.items.iter().map(|i| &i.text));
            for t in std::iter::once(&a.text).chain(paragraphs).chain(items) {
                assert!(matches!(t, crate::graph::Text::Borrowed(_)), "{t}");
                texts += 1;
            }
        }
        assert!(texts > 500, "{texts} provision texts");
        // A file name, written on every location, is in the table once.
        let file = &g.ordinances.first().unwrap().loc.file;
        assert_eq!(strings.matches(file.as_ref()).count(), 1, "{file}");
    }

    #[test]
    fn misaligned_bytes_are_read_too() {
        let g = embedded();
        let (bytes, strings) = to_parts(&g).unwrap();
        // The bytes one past an allocation's start (malloc aligns to 16):
        // not aligned, so copied first.
        let mut buf = vec![0u8];
        buf.extend_from_slice(&bytes);
        let shifted = buf.get(1..).unwrap();
        assert!(!(shifted.as_ptr() as usize).is_multiple_of(16));
        assert_eq!(from_parts(shifted, leak(strings)).unwrap(), g);
    }

    #[test]
    fn bytes_that_are_no_graph_or_strings_that_do_not_fit_are_an_error() {
        assert!(from_parts(b"not a graph at all, just some bytes", "").is_err());
        assert!(from_parts(&[], "").is_err());
        let (bytes, strings) = to_parts(&embedded()).unwrap();
        // A table too short for its spans, or whose spans fall inside a
        // character.
        let short: String = strings.chars().skip(1).collect();
        assert!(from_parts(&bytes, leak(short)).is_err());
        let mut cut = strings.clone();
        cut.insert(0, 'x');
        assert!(from_parts(&bytes, leak(cut)).is_err());
    }
}
