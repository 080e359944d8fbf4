//! The individual identification number (IIN) of a citizen of Kazakhstan (R10: the person
//! identifies at reception; citizens by IIN, foreigners by passport, R7).

use super::checksum::{self, DigitsError};
use super::string_value;
use time::{Date, Month};

/// A valid IIN: twelve digits `YYMMDD C SSSS K` — the birth date, the century-and-sex digit,
/// a serial and the check digit.
///
/// The century digit is 1/2 for a man/woman born in the 1800s, 3/4 in the 1900s, 5/6 in the
/// 2000s. A 0 there appears in IINs issued to some foreigners; this type is the citizen's
/// identity (foreigners and stateless persons identify by passport, R7), so 0 and 7–9 are
/// refused. The birth date is not compared with today: the crate has no clock.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Iin {
    digits: String,
    birth_date: Date,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IinError {
    Empty,
    WrongLength,
    NotDigits,
    BadCenturyDigit,
    BadDate,
    BadChecksum,
}

impl IinError {
    pub fn code(self) -> &'static str {
        match self {
            IinError::Empty => "empty",
            IinError::WrongLength => "wrong_length",
            IinError::NotDigits => "not_digits",
            IinError::BadCenturyDigit => "bad_century_digit",
            IinError::BadDate => "bad_date",
            IinError::BadChecksum => "bad_checksum",
        }
    }
}

impl Iin {
    pub fn parse(s: &str) -> Result<Iin, IinError> {
        let d = checksum::twelve_digits(s).map_err(|e| match e {
            DigitsError::Empty => IinError::Empty,
            DigitsError::NotDigits => IinError::NotDigits,
            DigitsError::WrongLength => IinError::WrongLength,
        })?;
        let century: i32 = match d[6] {
            1 | 2 => 1800,
            3 | 4 => 1900,
            5 | 6 => 2000,
            _ => return Err(IinError::BadCenturyDigit),
        };
        let year = century + i32::from(d[0] * 10 + d[1]);
        let month = Month::try_from(d[2] * 10 + d[3]).map_err(|_| IinError::BadDate)?;
        let birth_date = Date::from_calendar_date(year, month, d[4] * 10 + d[5])
            .map_err(|_| IinError::BadDate)?;
        if !checksum::is_valid(&d) {
            return Err(IinError::BadChecksum);
        }
        Ok(Iin {
            digits: d.iter().map(|&x| char::from(b'0' + x)).collect(),
            birth_date,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// The birth date encoded in digits 1–7.
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }
}

string_value!(Iin, "iin");

#[cfg(test)]
mod tests {
    use super::super::checksum::testkit;
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    /// A valid IIN for a birth date, sex and serial, built from the definition; `None` when
    /// the serial gives the double-ten case (no such IIN is issued).
    fn make_iin(birth: Date, female: bool, serial: u16) -> Option<String> {
        let century_digit = match birth.year() / 100 {
            18 => 1,
            19 => 3,
            20 => 5,
            _ => panic!("no century digit for {birth}"),
        } + u8::from(female);
        let first11 = format!(
            "{:02}{:02}{:02}{}{:04}",
            birth.year() % 100,
            u8::from(birth.month()),
            birth.day(),
            century_digit,
            serial
        );
        testkit::with_check_digit(&first11)
    }

    #[test]
    fn a_hand_computed_iin() {
        // 1 January 1990, a man (3), serial 0001. First pass:
        // 9·1 + 0·2 + 0·3 + 1·4 + 0·5 + 1·6 + 3·7 + 0·8 + 0·9 + 0·10 + 1·11 = 51 ≡ 7 (mod 11).
        let iin = Iin::parse("900101300017").unwrap();
        assert_eq!(iin.as_str(), "900101300017");
        assert_eq!(iin.birth_date(), date!(1990 - 01 - 01));
        assert_eq!(
            make_iin(date!(1990 - 01 - 01), false, 1).unwrap(),
            "900101300017"
        );
    }

    #[test]
    fn real_looking_iins_are_accepted() {
        for (birth, female, serial) in [
            (date!(1985 - 03 - 15), true, 12),
            (date!(1972 - 12 - 31), false, 4521),
            (date!(2004 - 02 - 29), true, 305),
            (date!(2015 - 07 - 01), false, 9876),
            (date!(1899 - 11 - 30), true, 77),
            (date!(1990 - 01 - 01), false, 81), // needs the second pass
        ] {
            let s = make_iin(birth, female, serial).unwrap();
            let iin = Iin::parse(&s).unwrap_or_else(|e| panic!("{s}: {}", e.code()));
            assert_eq!(iin.birth_date(), birth, "{s}");
        }
        // Surrounding whitespace is trimmed; the stored form is the twelve digits.
        assert_eq!(
            Iin::parse(" 900101300017\t").unwrap().as_str(),
            "900101300017"
        );
    }

    #[test]
    fn invalid_iins_are_refused_with_their_reason() {
        for (input, err) in [
            ("", IinError::Empty),
            ("  ", IinError::Empty),
            ("90010130001", IinError::WrongLength),
            ("9001013000171", IinError::WrongLength),
            ("900101 300017", IinError::NotDigits),
            ("900101-300017", IinError::NotDigits),
            ("9001013OOO17", IinError::NotDigits),
            // Century digit 0 (some foreigners' IINs) and 7–9 do not name a citizen (R7).
            ("900101000017", IinError::BadCenturyDigit),
            ("900101700017", IinError::BadCenturyDigit),
            ("900101900017", IinError::BadCenturyDigit),
            // Not a calendar date: 13th month, 30 February, 29 February 1900, day 00.
            ("901301300017", IinError::BadDate),
            ("900230300017", IinError::BadDate),
            ("000229300017", IinError::BadDate),
            ("900100300017", IinError::BadDate),
            ("900101300018", IinError::BadChecksum),
            // Double ten: no check digit exists for these eleven digits.
            ("900101300800", IinError::BadChecksum),
            ("900101300809", IinError::BadChecksum),
        ] {
            assert_eq!(Iin::parse(input), Err(err), "{input:?}");
        }
        // 29 February 2000 is a date (2000 is a leap year): only the checksum decides.
        let leap = make_iin(date!(2000 - 02 - 29), false, 1).unwrap();
        assert!(Iin::parse(&leap).is_ok());
    }

    #[test]
    fn the_checksum_blind_spots_are_real() {
        // See checksum::testkit::check_single_digit_changes: a change of the 11th digit...
        assert!(Iin::parse("900101300017").is_ok());
        assert!(Iin::parse("900101300027").is_ok());
        // ...and a coincidence through the second pass (6th digit, 15 -> 14 March).
        assert!(Iin::parse("850315400005").is_ok());
        assert!(Iin::parse("850314400005").is_ok());
    }

    #[test]
    fn serde_is_the_string_and_validates() {
        let iin = Iin::parse("900101300017").unwrap();
        assert_eq!(serde_json::to_string(&iin).unwrap(), "\"900101300017\"");
        assert_eq!(
            serde_json::from_str::<Iin>("\"900101300017\"").unwrap(),
            iin
        );
        let err = serde_json::from_str::<Iin>("\"900101300018\"").unwrap_err();
        assert!(err.to_string().contains("bad_checksum"));
        // The input is personal data: it is not echoed in the error.
        assert!(!err.to_string().contains("900101300018"));
    }

    #[test]
    fn error_codes_are_stable() {
        let codes: Vec<_> = [
            IinError::Empty,
            IinError::WrongLength,
            IinError::NotDigits,
            IinError::BadCenturyDigit,
            IinError::BadDate,
            IinError::BadChecksum,
        ]
        .map(IinError::code)
        .to_vec();
        assert_eq!(
            codes,
            [
                "empty",
                "wrong_length",
                "not_digits",
                "bad_century_digit",
                "bad_date",
                "bad_checksum"
            ]
        );
    }

    fn valid_iins() -> impl Strategy<Value = (String, Date)> {
        (
            1800i32..=2099,
            1u8..=12,
            1u8..=31,
            any::<bool>(),
            0u16..10_000,
        )
            .prop_filter_map(
                "a calendar date and a serial with a check digit",
                |(y, m, d, female, serial)| {
                    let birth = Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()?;
                    Some((make_iin(birth, female, serial)?, birth))
                },
            )
    }

    proptest! {
        /// R1, R7: every generated valid IIN is accepted with its birth date;
        /// single-digit changes are rejected exactly as far as the checksum allows (see
        /// `check_single_digit_changes` for why "every change" cannot hold).
        #[test]
        fn generated_iins_are_valid_and_changes_are_caught((s, birth) in valid_iins()) {
            let iin = Iin::parse(&s);
            prop_assert_eq!(iin.map(|i| i.birth_date()), Ok(birth));
            testkit::check_single_digit_changes(&s, &|x| Iin::parse(x).is_ok())?;
        }
    }
}
