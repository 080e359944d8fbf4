//! The language of the interpreter a person needs at reception (R7: an interpreter takes
//! part where needed). Free text, since any language may be needed: staff read it to find
//! an interpreter.

use super::string_value;
use super::text::{self, Lines};

/// A language name such as "uzbek", "ұйғыр тілі" or "Chinese Mandarin": letters, with
/// single spaces or hyphens between words (no digits or brackets); trimmed, inner whitespace
/// collapsed; 2–40 characters. "No interpreter" is `None`: see [`Self::parse_optional`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InterpreterLanguage(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterpreterLanguageError {
    Empty,
    TooShort,
    TooLong,
    /// Not a letter, or a hyphen that is not between two letters.
    BadCharacter,
    /// A control character or a bidirectional or format character.
    ForbiddenCharacter,
}

impl InterpreterLanguageError {
    pub fn code(self) -> &'static str {
        match self {
            InterpreterLanguageError::Empty => "empty",
            InterpreterLanguageError::TooShort => "too_short",
            InterpreterLanguageError::TooLong => "too_long",
            InterpreterLanguageError::BadCharacter => "bad_character",
            InterpreterLanguageError::ForbiddenCharacter => text::FORBIDDEN_CHARACTER,
        }
    }
}

impl InterpreterLanguage {
    pub const MIN_LEN: usize = 2;
    pub const MAX_LEN: usize = 40;

    pub fn parse(s: &str) -> Result<InterpreterLanguage, InterpreterLanguageError> {
        let s = text::normalise(s.trim(), Lines::One)
            .map_err(|_| InterpreterLanguageError::ForbiddenCharacter)?;
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.is_empty() {
            return Err(InterpreterLanguageError::Empty);
        }
        let chars: Vec<char> = s.chars().collect();
        let bad_hyphen = |i: usize| {
            i == 0
                || i + 1 == chars.len()
                || !chars[i - 1].is_alphabetic()
                || !chars[i + 1].is_alphabetic()
        };
        for (i, &c) in chars.iter().enumerate() {
            let ok = c.is_alphabetic() || c == ' ' || (c == '-' && !bad_hyphen(i));
            if !ok {
                return Err(InterpreterLanguageError::BadCharacter);
            }
        }
        if chars.len() < Self::MIN_LEN {
            return Err(InterpreterLanguageError::TooShort);
        }
        if chars.len() > Self::MAX_LEN {
            return Err(InterpreterLanguageError::TooLong);
        }
        Ok(InterpreterLanguage(s))
    }

    /// The optional form field: blank means no interpreter is needed.
    pub fn parse_optional(
        s: &str,
    ) -> Result<Option<InterpreterLanguage>, InterpreterLanguageError> {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            InterpreterLanguage::parse(s).map(Some)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_value!(InterpreterLanguage, "interpreter language");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_free_text_letters() {
        // R7: an interpreter where needed, in the language the person names.
        for (input, normalised) in [
            ("uzbek", "uzbek"),
            ("  Chinese   Mandarin ", "Chinese Mandarin"),
            ("ұйғыр тілі", "ұйғыр тілі"),
            ("язык жестов", "язык жестов"),
            ("Serbo-Croatian", "Serbo-Croatian"),
            ("中文", "中文"),
            ("ar", "ar"),
        ] {
            assert_eq!(
                InterpreterLanguage::parse(input).map(|l| l.as_str().to_owned()),
                Ok(normalised.to_owned()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn refused_languages() {
        let too_long = "a".repeat(41);
        for (input, err) in [
            ("", InterpreterLanguageError::Empty),
            ("  ", InterpreterLanguageError::Empty),
            ("u", InterpreterLanguageError::TooShort),
            (too_long.as_str(), InterpreterLanguageError::TooLong),
            ("Chinese (Mandarin)", InterpreterLanguageError::BadCharacter),
            ("language 2", InterpreterLanguageError::BadCharacter),
            ("-uzbek", InterpreterLanguageError::BadCharacter),
            ("uzbek -", InterpreterLanguageError::BadCharacter),
        ] {
            assert_eq!(InterpreterLanguage::parse(input), Err(err), "{input:?}");
        }
    }

    #[test]
    fn blank_means_no_interpreter() {
        assert_eq!(InterpreterLanguage::parse_optional("  "), Ok(None));
        assert_eq!(
            InterpreterLanguage::parse_optional(" uzbek ").map(|l| l.map(|l| l.to_string())),
            Ok(Some("uzbek".to_owned()))
        );
        assert_eq!(
            InterpreterLanguage::parse_optional("1"),
            Err(InterpreterLanguageError::BadCharacter)
        );
        let l: Option<InterpreterLanguage> = serde_json::from_str("\"uzbek\"").unwrap();
        assert_eq!(serde_json::to_string(&l).unwrap(), "\"uzbek\"");
        assert!(serde_json::from_str::<InterpreterLanguage>("\"x\"").is_err());
    }
}
