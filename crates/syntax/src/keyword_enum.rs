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
            /// Reads either spelling (ASCII case-insensitively).
            pub fn from_word(word: &str) -> Option<Self> {
                let lower = word.to_ascii_lowercase();
                $(if word == $zh || lower == $ascii { return Some($name::$variant); })*
                None
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.zh()) }
        }
    };
}
