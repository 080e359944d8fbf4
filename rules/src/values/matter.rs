//! The substance of the matter the applicant wants to raise (R3.c: an application that does
//! not state it is returned unconsidered). The form checks it so the applicant can fix it
//! at once (R39-7), and the server checks it again.
//!
//! Whether a text states a matter cannot be decided by code; these checks only refuse what
//! certainly does not: blanks, a few characters, and filler typed to get past the field.

use super::string_value;
use super::text::{self, Lines};
use std::collections::HashSet;

/// A description of the matter: trimmed, 30–4000 characters, at least five words of two or
/// more letters, at least three different words, and mostly letters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MatterSubstance(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatterSubstanceError {
    Empty,
    /// Fewer than [`MatterSubstance::MIN_CHARS`] characters.
    TooShort,
    /// More than [`MatterSubstance::MAX_CHARS`] characters.
    TooLong,
    /// Long enough, but filler: one repeated character, mostly digits or punctuation, one
    /// word repeated, or fewer than five words.
    NotMeaningful,
    /// A control character other than a line break or tab, or a bidirectional or format
    /// character (`text`).
    ForbiddenCharacter,
}

impl MatterSubstanceError {
    pub fn code(self) -> &'static str {
        match self {
            MatterSubstanceError::Empty => "empty",
            MatterSubstanceError::TooShort => "too_short",
            MatterSubstanceError::TooLong => "too_long",
            MatterSubstanceError::NotMeaningful => "not_meaningful",
            MatterSubstanceError::ForbiddenCharacter => text::FORBIDDEN_CHARACTER,
        }
    }
}

impl MatterSubstance {
    pub const MIN_CHARS: usize = 30;
    pub const MAX_CHARS: usize = 4000;
    /// Words of two or more letters; one-letter words ("и", "в", "a") are not counted.
    pub const MIN_WORDS: usize = 5;
    pub const MIN_DISTINCT_WORDS: usize = 3;

    pub fn parse(s: &str) -> Result<MatterSubstance, MatterSubstanceError> {
        let s = text::normalise(s, Lines::Many)
            .map_err(|_| MatterSubstanceError::ForbiddenCharacter)?;
        let s = s.trim();
        if s.is_empty() {
            return Err(MatterSubstanceError::Empty);
        }
        let chars = s.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(MatterSubstanceError::TooShort);
        }
        if chars > Self::MAX_CHARS {
            return Err(MatterSubstanceError::TooLong);
        }
        if !is_meaningful(s) {
            return Err(MatterSubstanceError::NotMeaningful);
        }
        Ok(MatterSubstance(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_meaningful(s: &str) -> bool {
    let visible: Vec<char> = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(crate::case::lower)
        .collect();
    // One character repeated, with or without spaces: "ааааа…", "- - - -".
    if visible.iter().all(|&c| Some(c) == visible.first().copied()) {
        return false;
    }
    // At least half of what is visible is letters, not digits and punctuation.
    let letters = visible.iter().filter(|c| c.is_alphabetic()).count();
    if letters * 2 < visible.len() {
        return false;
    }
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .map(crate::case::lower_str)
        .collect();
    let distinct: HashSet<&str> = words.iter().map(String::as_str).collect();
    words.len() >= MatterSubstance::MIN_WORDS
        && distinct.len() >= MatterSubstance::MIN_DISTINCT_WORDS
}

string_value!(MatterSubstance, "matter substance");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_matters_are_accepted() {
        // R3.c: a stated substance of the matter.
        for text in [
            "Прошу пересмотреть отказ в возбуждении уголовного дела по моему заявлению о мошенничестве.",
            "Сотты шешімнің орындалмауы туралы, сот орындаушысы әрекетсіздік танытуда.",
            "My employer has not paid my salary for three months and ignores my complaints.",
            "Не выплачивают алименты с 2023 года, исполнительное производство № 12-345/2023 стоит.",
            "  Незаконное увольнение с работы 05.03.2024, прошу проверить.  ",
        ] {
            let m = MatterSubstance::parse(text).unwrap_or_else(|e| panic!("{text}: {}", e.code()));
            assert_eq!(m.as_str(), text.trim());
        }
    }

    #[test]
    fn missing_short_long_and_filler_are_refused() {
        // R3.c: without the substance the application is returned unconsidered.
        let too_long = "Жалоба на бездействие полиции. ".repeat(200);
        let repeated_a = "а".repeat(40);
        let spaced_a = "а ".repeat(40);
        let digits = "1234567890 ".repeat(4);
        let one_word = "жалоба ".repeat(10);
        let two_words = "жалоба полиция ".repeat(5);
        for (input, err) in [
            ("", MatterSubstanceError::Empty),
            ("   \n\t ", MatterSubstanceError::Empty),
            ("Жалоба", MatterSubstanceError::TooShort),
            ("Прошу принять по вопросу", MatterSubstanceError::TooShort),
            (too_long.as_str(), MatterSubstanceError::TooLong),
            (repeated_a.as_str(), MatterSubstanceError::NotMeaningful),
            (spaced_a.as_str(), MatterSubstanceError::NotMeaningful),
            (digits.as_str(), MatterSubstanceError::NotMeaningful),
            (
                "!!!!!!????????...........,,,,,,,,,---------",
                MatterSubstanceError::NotMeaningful,
            ),
            (
                "№ 12-345/2023 от 01.02.2023, 15.03.2023 ст 190 УК",
                MatterSubstanceError::NotMeaningful,
            ),
            (one_word.as_str(), MatterSubstanceError::NotMeaningful),
            (two_words.as_str(), MatterSubstanceError::NotMeaningful),
            (
                "Незаконноеувольнениесработыбезоснований",
                MatterSubstanceError::NotMeaningful,
            ),
            (
                "а б в г д е ж з и к л м н о п р с",
                MatterSubstanceError::NotMeaningful,
            ),
        ] {
            assert_eq!(MatterSubstance::parse(input), Err(err), "{input:?}");
        }
    }

    #[test]
    fn the_limits_are_in_characters_not_bytes() {
        // 30 Cyrillic characters are 60 bytes: still exactly the minimum.
        let thirty = "Жалоба на отказ суда в иске ок";
        assert_eq!(thirty.chars().count(), 30);
        assert!(MatterSubstance::parse(thirty).is_ok());
        assert_eq!(
            MatterSubstance::parse(&thirty[..thirty.len() - 2]),
            Err(MatterSubstanceError::TooShort)
        );
        let max = format!(
            "{}{}",
            "Жалоба на бездействие. ".repeat(173),
            "а".repeat(21)
        );
        assert_eq!(max.chars().count(), 4000);
        assert!(MatterSubstance::parse(&max).is_ok());
        assert_eq!(
            MatterSubstance::parse(&format!("{max}б")),
            Err(MatterSubstanceError::TooLong)
        );
    }

    #[test]
    fn serde_validates() {
        let text = "Прошу проверить законность отказа в регистрации заявления.";
        let m: MatterSubstance =
            serde_json::from_str(&serde_json::to_string(text).unwrap()).unwrap();
        assert_eq!(m.as_str(), text);
        let err = serde_json::from_str::<MatterSubstance>("\"ааааааааааааааааааааааааааааааааа\"")
            .unwrap_err();
        assert!(err.to_string().contains("not_meaningful"));
    }
}
