//! A surname, given name or patronymic as the applicant writes it (R10: the person is
//! identified at reception, so the name must be one a document could carry).

use super::string_value;
use super::text::{self, Lines};

/// One name: letters of the Kazakh and Russian Cyrillic alphabets and Latin letters (with
/// the diacritics of Latin-1 and Latin Extended-A, which cover the Kazakh Latin alphabet —
/// Ä, Ğ, Ñ, Ö, Ş, Ū, Ü, İ, ı — and European names); a hyphen or apostrophe (`'` or `’`)
/// only between two letters; single spaces between parts. Trimmed, inner whitespace
/// collapsed, 1–60 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonName(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonNameError {
    Empty,
    TooLong,
    /// A digit or any character that is not a letter, space, hyphen or apostrophe.
    BadCharacter,
    /// A hyphen or apostrophe that is not between two letters.
    BadPunctuation,
    /// A control character (a tab, a line break) or a bidirectional or format character.
    ForbiddenCharacter,
}

impl PersonNameError {
    pub fn code(self) -> &'static str {
        match self {
            PersonNameError::Empty => "empty",
            PersonNameError::TooLong => "too_long",
            PersonNameError::BadCharacter => "bad_character",
            PersonNameError::BadPunctuation => "bad_punctuation",
            PersonNameError::ForbiddenCharacter => text::FORBIDDEN_CHARACTER,
        }
    }
}

/// A letter a name may contain.
fn is_name_letter(c: char) -> bool {
    matches!(c,
        'A'..='Z' | 'a'..='z'
        // Latin-1 letters (not × and ÷) and Latin Extended-A.
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{17F}'
        // Russian: А–я, Ё, ё.
        | 'А'..='я' | 'Ё' | 'ё'
        // Kazakh: Ә Ғ Қ Ң Ө Ұ Ү Һ І and their small letters.
        | 'Ә' | 'ә' | 'Ғ' | 'ғ' | 'Қ' | 'қ' | 'Ң' | 'ң' | 'Ө' | 'ө'
        | 'Ұ' | 'ұ' | 'Ү' | 'ү' | 'Һ' | 'һ' | 'І' | 'і')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’')
}

impl PersonName {
    pub const MAX_LEN: usize = 60;

    pub fn parse(s: &str) -> Result<PersonName, PersonNameError> {
        let s = text::normalise(s.trim(), Lines::One)
            .map_err(|_| PersonNameError::ForbiddenCharacter)?;
        let name = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(PersonNameError::Empty);
        }
        let chars: Vec<char> = name.chars().collect();
        if !chars
            .iter()
            .all(|&c| is_name_letter(c) || is_joiner(c) || c == ' ')
        {
            return Err(PersonNameError::BadCharacter);
        }
        for (i, &c) in chars.iter().enumerate() {
            if is_joiner(c) {
                let before = i.checked_sub(1).and_then(|j| chars.get(j));
                let after = chars.get(i + 1);
                if !(before.is_some_and(|&b| is_name_letter(b))
                    && after.is_some_and(|&a| is_name_letter(a)))
                {
                    return Err(PersonNameError::BadPunctuation);
                }
            }
        }
        if chars.len() > Self::MAX_LEN {
            return Err(PersonNameError::TooLong);
        }
        Ok(PersonName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_value!(PersonName, "name");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_kazakh_russian_and_latin() {
        for (input, normalised) in [
            ("Нұрлан", "Нұрлан"),
            ("Әлихан", "Әлихан"),
            ("Ғабит", "Ғабит"),
            ("Қасымұлы", "Қасымұлы"),
            ("Тоқаев", "Тоқаев"),
            ("Өмірзақ", "Өмірзақ"),
            ("Үмітжан", "Үмітжан"),
            ("Һидаят", "Һидаят"),
            ("ІҢҒҚӘӨҰҮҺ", "ІҢҒҚӘӨҰҮҺ"),
            ("Пётр", "Пётр"),
            ("Артём Семёнович", "Артём Семёнович"),
            ("Римский-Корсаков", "Римский-Корсаков"),
            ("  Салтыков-Щедрин  ", "Салтыков-Щедрин"),
            ("Абу  Бакр", "Абу Бакр"),
            ("Пе\u{308}тр", "Пётр"),
            ("O'Brien", "O'Brien"),
            ("D’Artagnan", "D’Artagnan"),
            ("Mary Jane", "Mary Jane"),
            ("Müller", "Müller"),
            ("Nūrsūltan Ädiletūly", "Nūrsūltan Ädiletūly"),
            ("Şoqan Ğabit", "Şoqan Ğabit"),
            ("Я", "Я"),
            ("Li", "Li"),
        ] {
            assert_eq!(
                PersonName::parse(input).map(|n| n.as_str().to_owned()),
                Ok(normalised.to_owned()),
                "{input:?}"
            );
        }
        assert!(PersonName::parse(&"а".repeat(60)).is_ok());
    }

    #[test]
    fn refused_names() {
        let too_long = "а".repeat(61);
        for (input, err) in [
            ("", PersonNameError::Empty),
            (" \t\n", PersonNameError::Empty),
            (too_long.as_str(), PersonNameError::TooLong),
            ("Нұрлан2", PersonNameError::BadCharacter),
            ("R2D2", PersonNameError::BadCharacter),
            ("Иванов.", PersonNameError::BadCharacter),
            ("Иванов, Иван", PersonNameError::BadCharacter),
            ("Ivan_Ivanov", PersonNameError::BadCharacter),
            ("王伟", PersonNameError::BadCharacter),
            ("Иван😀", PersonNameError::BadCharacter),
            ("-Иван", PersonNameError::BadPunctuation),
            ("Иван-", PersonNameError::BadPunctuation),
            ("Иван--Петров", PersonNameError::BadPunctuation),
            ("Иван - Петров", PersonNameError::BadPunctuation),
            ("'Brien", PersonNameError::BadPunctuation),
            ("O''Brien", PersonNameError::BadPunctuation),
            ("O'-Brien", PersonNameError::BadPunctuation),
            ("-", PersonNameError::BadPunctuation),
            ("ибн\tСина", PersonNameError::ForbiddenCharacter),
            ("Иван\u{200B}", PersonNameError::ForbiddenCharacter),
            ("’", PersonNameError::BadPunctuation),
        ] {
            assert_eq!(PersonName::parse(input), Err(err), "{input:?}");
        }
    }

    #[test]
    fn serde_is_the_normalised_string_and_validates() {
        let n: PersonName = serde_json::from_str("\"  Абай   Құнанбайұлы \"").unwrap();
        assert_eq!(serde_json::to_string(&n).unwrap(), "\"Абай Құнанбайұлы\"");
        assert!(serde_json::from_str::<PersonName>("\"Agent 007\"").is_err());
    }
}
