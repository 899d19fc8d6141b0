//! Semantic tokens: the parser's tokens (tiaoli_syntax::tokens), names
//! classed by what they denote — an actor kind is a type, a sanction an enum
//! member, a fact a variable, a norm a method — so an editor colours the
//! vocabulary as the compiler reads it.

use ls_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
};
use tiaoli_compiler::lexicon::Kind;
use tiaoli_compiler::names::Occurrence;
use tiaoli_syntax::tokens::{tokens, TokenKind};
use tiaoli_syntax::SourceId;

use crate::position::Lines;
use crate::workspace::Analysis;

/// Token types, in legend order.
const TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::KEYWORD,
    SemanticTokenType::STRING,
    SemanticTokenType::COMMENT,
    SemanticTokenType::NUMBER,
    SemanticTokenType::OPERATOR,
    SemanticTokenType::NAMESPACE,   // article, chapter references
    SemanticTokenType::TYPE,        // actor kinds
    SemanticTokenType::INTERFACE,   // roles
    SemanticTokenType::PARAMETER,   // persons
    SemanticTokenType::VARIABLE,    // facts, other names
    SemanticTokenType::EVENT,       // events
    SemanticTokenType::FUNCTION,    // actions
    SemanticTokenType::ENUM_MEMBER, // sanctions, enum values
    SemanticTokenType::METHOD,      // norms, consequences
];

const MODIFIERS: &[SemanticTokenModifier] = &[
    SemanticTokenModifier::DECLARATION,
    SemanticTokenModifier::DEFAULT_LIBRARY,
];

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

fn index(t: &SemanticTokenType) -> u32 {
    TYPES
        .iter()
        .position(|x| x == t)
        .and_then(|i| u32::try_from(i).ok())
        .unwrap_or(0)
}

fn kind_type(k: Kind) -> SemanticTokenType {
    match k {
        Kind::Actor => SemanticTokenType::TYPE,
        Kind::Role => SemanticTokenType::INTERFACE,
        Kind::Person => SemanticTokenType::PARAMETER,
        Kind::Fact => SemanticTokenType::VARIABLE,
        Kind::Event => SemanticTokenType::EVENT,
        Kind::Action => SemanticTokenType::FUNCTION,
        Kind::Sanction => SemanticTokenType::ENUM_MEMBER,
    }
}

const DECLARATION: u32 = 1;
const DEFAULT_LIBRARY: u32 = 2;

/// The tokens of `text` (the document as typed), or none while it does not
/// parse (editors keep their grammar-based highlighting then).
pub fn semantic_tokens(a: &Analysis, id: SourceId, text: &str) -> SemanticTokens {
    let mut data = Vec::new();
    let (Ok(toks), Some(lines)) = (tokens(id, text), Lines::new(text)) else {
        return SemanticTokens {
            result_id: None,
            data,
        };
    };
    // The names of the analysed text, if it is the text being highlighted.
    let same_text = a.compilation.sources.text(id) == text;
    let names = if same_text { a.names(id) } else { &[] };
    let lex = &a.compilation.lexicon;
    let mut prev_line = 0;
    let mut prev_start = 0;
    for t in toks {
        let (ty, mods) = match t.kind {
            TokenKind::Keyword => (SemanticTokenType::KEYWORD, 0),
            TokenKind::Text => (SemanticTokenType::STRING, 0),
            TokenKind::Comment => (SemanticTokenType::COMMENT, 0),
            TokenKind::Number => (SemanticTokenType::NUMBER, 0),
            TokenKind::Operator => (SemanticTokenType::OPERATOR, 0),
            TokenKind::Reference => (SemanticTokenType::NAMESPACE, 0),
            TokenKind::Name => {
                let occ = names
                    .binary_search_by_key(&t.span.start, |o| o.span.start)
                    .ok()
                    .and_then(|i| names.get(i));
                match occ.map(|o| &o.what) {
                    Some(Occurrence::Term { name, .. }) => match lex.lookup(name) {
                        Some(term) => {
                            let lib = if a.is_embedded(term.source) {
                                DEFAULT_LIBRARY
                            } else {
                                0
                            };
                            (kind_type(term.kind.kind()), lib)
                        }
                        None => (SemanticTokenType::VARIABLE, 0),
                    },
                    Some(Occurrence::TermDecl { kind, .. }) => (kind_type(*kind), DECLARATION),
                    Some(Occurrence::EnumValue { .. }) => (SemanticTokenType::ENUM_MEMBER, 0),
                    Some(Occurrence::Norm { decl, .. }) => (
                        SemanticTokenType::METHOD,
                        if *decl { DECLARATION } else { 0 },
                    ),
                    Some(Occurrence::Article { .. }) => (SemanticTokenType::NAMESPACE, 0),
                    None => (SemanticTokenType::VARIABLE, 0),
                }
            }
        };
        // One token per line: a text may run over a line break.
        let body = text.get(t.span.start..t.span.end).unwrap_or("");
        let mut start = t.span.start;
        for raw in body.split('\n') {
            let piece = raw.trim_end_matches('\r');
            let p = lines.position(start);
            let end = lines.position(start + piece.len());
            let length = end.character.saturating_sub(p.character);
            if length > 0 {
                let delta_line = p.line.saturating_sub(prev_line);
                let delta_start = if delta_line == 0 {
                    p.character.saturating_sub(prev_start)
                } else {
                    p.character
                };
                data.push(SemanticToken {
                    delta_line,
                    delta_start,
                    length,
                    token_type: index(&ty),
                    token_modifiers_bitset: mods,
                });
                prev_line = p.line;
                prev_start = p.character;
            }
            start += raw.len() + 1;
        }
    }
    SemanticTokens {
        result_id: None,
        data,
    }
}
