//! `keyword_enum!`: a closed set of keywords of the language (levels, statuses,
//! modalities, time units …) as a Rust enum with its canonical Chinese spelling,
//! its ASCII alias, a reader of either spelling, and serialisation as the
//! Chinese word. The AST's keyword types are declared with it (ast.rs).

macro_rules! keyword_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $zh:literal, $ascii:literal;)* }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[derive(rkyv::Archive, rkyv::Serialize, rkyv::Deserialize)]
        pub enum $name { $($variant),* }
        /// Serialised as the canonical Chinese spelling.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.zh()) }
        }
        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
            /// The canonical (Chinese) spelling.
            pub fn zh(self) -> &'static str { match self { $($name::$variant => $zh),* } }
            /// The ASCII alias.
            pub fn ascii(self) -> &'static str { match self { $($name::$variant => $ascii),* } }
            /// Reads either spelling (ASCII case-insensitively: the aliases
            /// are lower case), without copying the word.
            pub fn from_word(word: &str) -> Option<Self> {
                $(if word == $zh || word.eq_ignore_ascii_case($ascii) { return Some($name::$variant); })*
                None
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.zh()) }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::ast::*;

    /// `from_word` compares case-insensitively: an alias with a capital
    /// would read words it was never written as.
    #[test]
    fn every_alias_is_lower_case_and_read_in_any_case() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            ascii: fn(T) -> &'static str,
            zh: fn(T) -> &'static str,
            read: fn(&str) -> Option<T>,
        ) {
            for &v in all {
                let a = ascii(v);
                assert_eq!(a, a.to_ascii_lowercase(), "{v:?}");
                assert_eq!(read(a), Some(v));
                assert_eq!(read(&a.to_ascii_uppercase()), Some(v));
                assert_eq!(read(zh(v)), Some(v));
            }
            assert_eq!(read("no such word"), None);
        }
        check(
            Instrument::ALL,
            Instrument::ascii,
            Instrument::zh,
            Instrument::from_word,
        );
        check(Level::ALL, Level::ascii, Level::zh, Level::from_word);
        check(Status::ALL, Status::ascii, Status::zh, Status::from_word);
        check(
            ArticleKind::ALL,
            ArticleKind::ascii,
            ArticleKind::zh,
            ArticleKind::from_word,
        );
        check(
            Modality::ALL,
            Modality::ascii,
            Modality::zh,
            Modality::from_word,
        );
        check(
            Relation::ALL,
            Relation::ascii,
            Relation::zh,
            Relation::from_word,
        );
        check(Vague::ALL, Vague::ascii, Vague::zh, Vague::from_word);
        check(
            Periodic::ALL,
            Periodic::ascii,
            Periodic::zh,
            Periodic::from_word,
        );
        check(
            TimeUnit::ALL,
            TimeUnit::ascii,
            TimeUnit::zh,
            TimeUnit::from_word,
        );
        check(
            Direction::ALL,
            Direction::ascii,
            Direction::zh,
            Direction::from_word,
        );
    }
}
