//! A Kazakhstan phone number for contacting the applicant about the request.
//!
//! Kazakhstan shares the country code 7 with Russia; the national number tells them apart:
//! Kazakhstan's begin with 7 (mobile 70x, 747, 75x, 76x, 77x; city codes 71x, 72x), Russia's
//! with 3, 4, 8 or 9. Only Kazakhstan numbers are accepted.

use super::string_value;

/// A phone number in E.164 form, `+7` and ten national digits, e.g. `+77011234567`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PhoneKz(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneError {
    Empty,
    /// A character other than digits, spaces, dashes, brackets and a leading `+`, or
    /// brackets that do not pair up.
    BadCharacter,
    WrongLength,
    /// Another country's number, Russia's included.
    NotKazakhstan,
    /// A Kazakhstan number outside the mobile and city ranges.
    UnknownRange,
    /// An international number without `+` and its country code (R7, [`super::PhoneIntl`]).
    NoCountryCode,
}

impl PhoneError {
    pub fn code(self) -> &'static str {
        match self {
            PhoneError::Empty => "empty",
            PhoneError::BadCharacter => "bad_character",
            PhoneError::WrongLength => "wrong_length",
            PhoneError::NotKazakhstan => "not_kazakhstan",
            PhoneError::UnknownRange => "unknown_range",
            PhoneError::NoCountryCode => "no_country_code",
        }
    }
}

/// Mobile operator codes: 700–709, 747, 750, 751, 760–764, 771, 775–778.
fn is_mobile_code(code: &[u8; 3]) -> bool {
    matches!(
        code,
        [7, 0, _] | [7, 4, 7] | [7, 5, 0 | 1] | [7, 6, 0..=4] | [7, 7, 1 | 5..=8]
    )
}

/// City (geographic) codes: 71x and 72x, e.g. 7172 Astana, 727 Almaty, 7252 Shymkent.
fn is_city_code(code: &[u8; 3]) -> bool {
    matches!(code, [7, 1 | 2, _])
}

impl PhoneKz {
    /// Accepts `+7 701 123 45 67`, `8 701 1234567`, `87011234567`, `+7 (727) 250-12-34`,
    /// `7011234567` and the like.
    pub fn parse(s: &str) -> Result<PhoneKz, PhoneError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(PhoneError::Empty);
        }
        let (plus, rest) = match s.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let mut digits = Vec::with_capacity(11);
        let mut open_bracket = false;
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c as u8 - b'0'),
                ' ' | '-' => {}
                '(' if !open_bracket => open_bracket = true,
                ')' if open_bracket => open_bracket = false,
                _ => return Err(PhoneError::BadCharacter),
            }
        }
        if open_bracket {
            return Err(PhoneError::BadCharacter);
        }
        let national: &[u8] = match (plus, digits.as_slice()) {
            (true, [7, national @ ..]) => national,
            (true, [_, ..]) => return Err(PhoneError::NotKazakhstan),
            (false, [7 | 8, national @ ..]) if digits.len() == 11 => national,
            (false, [_, ..]) if digits.len() == 11 => return Err(PhoneError::NotKazakhstan),
            (_, national) => national,
        };
        let national: &[u8; 10] = national.try_into().map_err(|_| PhoneError::WrongLength)?;
        if national[0] != 7 {
            return Err(PhoneError::NotKazakhstan);
        }
        let code = [national[0], national[1], national[2]];
        if !is_mobile_code(&code) && !is_city_code(&code) {
            return Err(PhoneError::UnknownRange);
        }
        let mut e164 = String::with_capacity(12);
        e164.push_str("+7");
        e164.extend(national.iter().map(|&d| char::from(b'0' + d)));
        Ok(PhoneKz(e164))
    }

    /// The E.164 form, `+77011234567`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A mobile number (one an SMS can reach), not a city line.
    pub fn is_mobile(&self) -> bool {
        let b = self.0.as_bytes();
        // "+7" then the national number; all ASCII digits by construction.
        is_mobile_code(&[b[2] - b'0', b[3] - b'0', b[4] - b'0'])
    }
}

string_value!(PhoneKz, "phone number");

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepted_forms_normalise_to_e164() {
        for (input, e164, mobile) in [
            ("+7 701 123 45 67", "+77011234567", true),
            ("8 701 1234567", "+77011234567", true),
            ("87011234567", "+77011234567", true),
            ("77011234567", "+77011234567", true),
            ("7011234567", "+77011234567", true),
            ("+7 (701) 123-45-67", "+77011234567", true),
            ("  +77011234567 ", "+77011234567", true),
            ("+7 (727) 250-12-34", "+77272501234", false), // Almaty
            ("8 (7172) 71-23-45", "+77172712345", false),  // Astana
            ("8 7252 12 34 56", "+77252123456", false),    // Shymkent
            ("+7 747 000 00 00", "+77470000000", true),
            ("+7 750 000 00 00", "+77500000000", true),
            ("+7 751 000 00 00", "+77510000000", true),
            ("+7 760 000 00 00", "+77600000000", true),
            ("+7 764 000 00 00", "+77640000000", true),
            ("+7 771 000 00 00", "+77710000000", true),
            ("+7 775 000 00 00", "+77750000000", true),
            ("+7 776 000 00 00", "+77760000000", true),
            ("+7 777 000 00 00", "+77770000000", true),
            ("+7 778 000 00 00", "+77780000000", true),
            ("+7 700 000 00 00", "+77000000000", true),
            ("+7 709 000 00 00", "+77090000000", true),
        ] {
            let phone = PhoneKz::parse(input).unwrap_or_else(|e| panic!("{input}: {}", e.code()));
            assert_eq!(phone.as_str(), e164, "{input:?}");
            assert_eq!(phone.is_mobile(), mobile, "{input:?}");
        }
    }

    #[test]
    fn refused_numbers() {
        for (input, err) in [
            ("", PhoneError::Empty),
            ("  ", PhoneError::Empty),
            ("+7 701 123 45 6", PhoneError::WrongLength),
            ("+7 701 123 45 678", PhoneError::WrongLength),
            ("701 123 45", PhoneError::WrongLength),
            ("()", PhoneError::WrongLength),
            ("+7 701 123 45 67 ext 5", PhoneError::BadCharacter),
            ("+7.701.123.45.67", PhoneError::BadCharacter),
            ("7 + 701 123 45 67", PhoneError::BadCharacter),
            ("+7 (701 123 45 67", PhoneError::BadCharacter),
            ("+7 701) 123 45 67", PhoneError::BadCharacter),
            ("+7 ((701)) 1234567", PhoneError::BadCharacter),
            // Russia: national numbers starting 3, 4, 8 and 9.
            ("+7 495 123 45 67", PhoneError::NotKazakhstan),
            ("+7 916 123 45 67", PhoneError::NotKazakhstan),
            ("8 812 123 45 67", PhoneError::NotKazakhstan),
            ("+7 343 123 45 67", PhoneError::NotKazakhstan),
            // Other countries.
            ("+996 555 123 456", PhoneError::NotKazakhstan),
            ("+1 202 555 0100", PhoneError::NotKazakhstan),
            ("99011234567", PhoneError::NotKazakhstan),
            // Kazakhstan's 7, but not a mobile or city range.
            ("+7 740 123 45 67", PhoneError::UnknownRange),
            ("+7 752 123 45 67", PhoneError::UnknownRange),
            ("+7 765 123 45 67", PhoneError::UnknownRange),
            ("+7 770 123 45 67", PhoneError::UnknownRange),
            ("+7 779 123 45 67", PhoneError::UnknownRange),
            ("+7 730 123 45 67", PhoneError::UnknownRange),
            ("+7 790 123 45 67", PhoneError::UnknownRange),
        ] {
            assert_eq!(PhoneKz::parse(input), Err(err), "{input:?}");
        }
    }

    #[test]
    fn serde_is_e164_and_validates() {
        let phone: PhoneKz = serde_json::from_str("\"8 (701) 123-45-67\"").unwrap();
        assert_eq!(serde_json::to_string(&phone).unwrap(), "\"+77011234567\"");
        let err = serde_json::from_str::<PhoneKz>("\"+7 495 123 45 67\"").unwrap_err();
        assert!(err.to_string().contains("not_kazakhstan"));
    }

    /// Valid national numbers: a known code followed by random digits up to ten.
    fn national_numbers() -> impl Strategy<Value = String> {
        let codes = prop::sample::select(vec![
            "700", "701", "702", "705", "707", "708", "709", "747", "750", "751", "760", "761",
            "762", "763", "764", "771", "775", "776", "777", "778", "7172", "727", "7252", "7212",
            "7122", "7132", "7142", "7152", "7182", "7232", "7242", "7262", "7272", "7282", "7292",
        ]);
        (codes, prop::collection::vec(0u8..10, 7)).prop_map(|(code, rest)| {
            let mut s = code.to_owned();
            s.extend(rest.iter().map(|d| char::from(b'0' + d)));
            s.truncate(10);
            s
        })
    }

    /// The ways people write a national number.
    fn written(national: &str, style: u8) -> String {
        let (a, b) = national.split_at(3);
        let (b, c) = b.split_at(3);
        let (c, d) = c.split_at(2);
        match style {
            0 => format!("+7 {a} {b} {c} {d}"),
            1 => format!("8 {a} {b}{c}{d}"),
            2 => format!("8{national}"),
            3 => format!("+7 ({a}) {b}-{c}-{d}"),
            4 => national.to_owned(),
            5 => format!("7{national}"),
            _ => format!(" 8-{a}-{b}-{c}-{d} "),
        }
    }

    proptest! {
        #[test]
        fn normalisation_is_idempotent(national in national_numbers(), style in 0u8..7) {
            let e164 = format!("+7{national}");
            let phone = PhoneKz::parse(&written(&national, style));
            prop_assert_eq!(phone.as_ref().map(PhoneKz::as_str), Ok(e164.as_str()));
            let phone = phone.unwrap();
            prop_assert_eq!(PhoneKz::parse(phone.as_str()), Ok(phone));
        }
    }
}
