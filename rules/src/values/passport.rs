//! The passport number by which a foreigner or a stateless person identifies (R7, R10):
//! they have no IIN to give, and passports differ by country, so the check is deliberately
//! loose — Latin letters and digits, as printed in the machine-readable zone.

use super::string_value;

/// A passport (or stateless person's travel document) number: 5–20 characters after
/// trimming and upper-casing; Latin letters and digits with at least one digit; single
/// spaces or hyphens only between them, kept as printed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PassportNumber(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassportError {
    Empty,
    TooShort,
    TooLong,
    BadCharacter,
    BadSeparator,
    NoDigit,
}

impl PassportError {
    pub fn code(self) -> &'static str {
        match self {
            PassportError::Empty => "empty",
            PassportError::TooShort => "too_short",
            PassportError::TooLong => "too_long",
            PassportError::BadCharacter => "bad_character",
            PassportError::BadSeparator => "bad_separator",
            PassportError::NoDigit => "no_digit",
        }
    }
}

impl PassportNumber {
    pub const MIN_LEN: usize = 5;
    pub const MAX_LEN: usize = 20;

    pub fn parse(s: &str) -> Result<PassportNumber, PassportError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(PassportError::Empty);
        }
        let is_separator = |b: u8| b == b' ' || b == b'-';
        if !s
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || is_separator(b))
        {
            return Err(PassportError::BadCharacter);
        }
        // Only ASCII from here on, so bytes are characters.
        let b = s.as_bytes();
        if is_separator(b[0])
            || is_separator(b[b.len() - 1])
            || b.windows(2)
                .any(|w| is_separator(w[0]) && is_separator(w[1]))
        {
            return Err(PassportError::BadSeparator);
        }
        if b.len() < Self::MIN_LEN {
            return Err(PassportError::TooShort);
        }
        if b.len() > Self::MAX_LEN {
            return Err(PassportError::TooLong);
        }
        if !b.iter().any(u8::is_ascii_digit) {
            return Err(PassportError::NoDigit);
        }
        Ok(PassportNumber(s.to_ascii_uppercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_value!(PassportNumber, "passport number");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passport_numbers_of_foreigners_and_stateless_persons() {
        // R7: foreigners and stateless persons identify by passport.
        for (input, normalised) in [
            ("N12345678", "N12345678"),
            (" ab1234567 ", "AB1234567"),
            ("75 1234567", "75 1234567"),
            ("FA-0123456", "FA-0123456"),
            ("12345", "12345"),
            ("X1234567890123456789", "X1234567890123456789"),
        ] {
            assert_eq!(
                PassportNumber::parse(input).map(|p| p.as_str().to_owned()),
                Ok(normalised.to_owned()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn invalid_passport_numbers() {
        for (input, err) in [
            ("", PassportError::Empty),
            ("   ", PassportError::Empty),
            ("1234", PassportError::TooShort),
            ("X12345678901234567890", PassportError::TooLong),
            ("АВ1234567", PassportError::BadCharacter), // Cyrillic А and В
            ("N123/4567", PassportError::BadCharacter),
            ("N12\t34567", PassportError::BadCharacter),
            ("N12  34567", PassportError::BadSeparator),
            ("-N1234567", PassportError::BadSeparator),
            ("N1234567-", PassportError::BadSeparator),
            ("N1- 234567", PassportError::BadSeparator),
            ("ABCDEFG", PassportError::NoDigit),
        ] {
            assert_eq!(PassportNumber::parse(input), Err(err), "{input:?}");
        }
    }

    #[test]
    fn serde_is_the_normalised_string_and_validates() {
        let p: PassportNumber = serde_json::from_str("\" n1234567 \"").unwrap();
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"N1234567\"");
        assert!(serde_json::from_str::<PassportNumber>("\"ABCDEFG\"").is_err());
    }
}
