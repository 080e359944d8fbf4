//! Free text a person types (the substance of the matter, R3.c; names, R10; the authority's
//! number, R3.b; the interpreter's language, R7): one definition of what such text may hold,
//! for the SPA's check and the Worker's alike.
//!
//! Text is taken in Unicode Normalization Form C, so that "ё" typed as `е` + U+0308 and "ё"
//! typed as one character are the same name and the same search. Characters that change
//! how text reads without being seen are refused, not silently removed: control characters
//! (a tab or line break only where the text has lines), and the bidirectional and format
//! characters U+200B–U+200F, U+202A–U+202E, U+2066–U+2069 and U+FEFF, with which a complaint
//! could show a member of staff something else than it stores.
//!
//! The composition to NFC is the feature `nfc`, which the Worker (where text is stored)
//! enables; the SPA checks the same characters without the tables and sends the text as
//! typed, for the Worker to compose.

#[cfg(feature = "nfc")]
use unicode_normalization::UnicodeNormalization;

/// Whether the text has lines (the matter) or is one line (a name, a number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// The error code every free-text field gives a refused character.
pub const FORBIDDEN_CHARACTER: &str = "forbidden_character";

/// What a refused character is, for tests and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forbidden {
    /// U+0000–U+001F, U+007F–U+009F (but tab and line breaks in text with lines).
    Control,
    /// Zero-width spaces and joiners, directional marks, embeddings, overrides and
    /// isolates, the byte order mark.
    BidiOrFormat,
}

/// The characters refused as [`Forbidden::BidiOrFormat`].
pub fn is_bidi_or_format(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Why `c` may not be in text of this kind, if it may not.
pub fn forbidden(c: char, lines: Lines) -> Option<Forbidden> {
    if is_bidi_or_format(c) {
        return Some(Forbidden::BidiOrFormat);
    }
    let allowed_break = lines == Lines::Many && matches!(c, '\n' | '\r' | '\t');
    (c.is_control() && !allowed_break).then_some(Forbidden::Control)
}

/// The text in NFC (with the feature `nfc`; as it is without), or the first refused
/// character's kind. Composition never makes or removes a refused character.
pub fn normalise(s: &str, lines: Lines) -> Result<String, Forbidden> {
    #[cfg(feature = "nfc")]
    let text: String = s.nfc().collect();
    #[cfg(not(feature = "nfc"))]
    let text: String = s.to_owned();
    match text.chars().find_map(|c| forbidden(c, lines)) {
        Some(f) => Err(f),
        None => Ok(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "nfc")]
    #[test]
    fn nfc_joins_a_letter_and_its_mark() {
        // е + U+0308 (the combining diaeresis) is ё, as the keyboard's own ё.
        assert_eq!(normalise("Пе\u{308}тр", Lines::One).unwrap(), "Пётр");
        assert_eq!(normalise("Mu\u{308}ller", Lines::One).unwrap(), "Müller");
        assert_eq!(normalise("Жолдас", Lines::One).unwrap(), "Жолдас");
    }

    #[test]
    fn every_refused_class() {
        let control = Some(Forbidden::Control);
        let format = Some(Forbidden::BidiOrFormat);
        for (c, one, many) in [
            ('\u{0}', control, control),
            ('\u{7}', control, control),
            ('\u{1B}', control, control),
            ('\u{7F}', control, control),
            ('\u{85}', control, control),
            ('\u{9F}', control, control),
            ('\t', control, None),
            ('\n', control, None),
            ('\r', control, None),
            ('\u{200B}', format, format),
            ('\u{200C}', format, format),
            ('\u{200D}', format, format),
            ('\u{200E}', format, format),
            ('\u{200F}', format, format),
            ('\u{202A}', format, format),
            ('\u{202B}', format, format),
            ('\u{202C}', format, format),
            ('\u{202D}', format, format),
            ('\u{202E}', format, format),
            ('\u{2066}', format, format),
            ('\u{2067}', format, format),
            ('\u{2068}', format, format),
            ('\u{2069}', format, format),
            ('\u{FEFF}', format, format),
            ('а', None, None),
            (' ', None, None),
            ('\u{2010}', None, None),
            ('\u{2070}', None, None),
        ] {
            assert_eq!(forbidden(c, Lines::One), one, "{:04X}", c as u32);
            assert_eq!(forbidden(c, Lines::Many), many, "{:04X}", c as u32);
        }
        assert_eq!(
            normalise("abc\u{202E}cba", Lines::Many),
            Err(Forbidden::BidiOrFormat)
        );
        assert_eq!(normalise("abc\ndef", Lines::Many).unwrap(), "abc\ndef");
    }
}
