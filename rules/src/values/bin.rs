//! The business identification number (BIN) of a legal entity: a representative of a legal
//! entity is received on its behalf and names it by its BIN (R1).

use super::checksum::{self, DigitsError};
use super::string_value;
use serde::{Deserialize, Serialize};
use time::Month;

/// A valid BIN: twelve digits `YYMM T D SSSSS K` — year and month of registration, the
/// entity type, the division, a serial and the check digit (the same check digit as the IIN).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bin {
    digits: String,
    month: Month,
    entity_type: BinEntityType,
    division: BinDivision,
}

/// Digit 5 of a BIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BinEntityType {
    /// 4: a resident legal entity.
    ResidentLegalEntity,
    /// 5: a non-resident legal entity.
    NonResidentLegalEntity,
    /// 6: a joint individual entrepreneurship.
    JointIndividualEntrepreneur,
}

/// Digit 6 of a BIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BinDivision {
    /// 0: the head organisation.
    Head,
    /// 1: a branch.
    Branch,
    /// 2: a representative office.
    RepresentativeOffice,
    /// 3: a peasant (farm) enterprise.
    PeasantFarm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinError {
    Empty,
    WrongLength,
    NotDigits,
    BadMonth,
    BadEntityType,
    BadDivision,
    BadChecksum,
}

impl BinError {
    pub fn code(self) -> &'static str {
        match self {
            BinError::Empty => "empty",
            BinError::WrongLength => "wrong_length",
            BinError::NotDigits => "not_digits",
            BinError::BadMonth => "bad_month",
            BinError::BadEntityType => "bad_entity_type",
            BinError::BadDivision => "bad_division",
            BinError::BadChecksum => "bad_checksum",
        }
    }
}

impl Bin {
    pub fn parse(s: &str) -> Result<Bin, BinError> {
        let d = checksum::twelve_digits(s).map_err(|e| match e {
            DigitsError::Empty => BinError::Empty,
            DigitsError::NotDigits => BinError::NotDigits,
            DigitsError::WrongLength => BinError::WrongLength,
        })?;
        let month = Month::try_from(d[2] * 10 + d[3]).map_err(|_| BinError::BadMonth)?;
        let entity_type = match d[4] {
            4 => BinEntityType::ResidentLegalEntity,
            5 => BinEntityType::NonResidentLegalEntity,
            6 => BinEntityType::JointIndividualEntrepreneur,
            _ => return Err(BinError::BadEntityType),
        };
        let division = match d[5] {
            0 => BinDivision::Head,
            1 => BinDivision::Branch,
            2 => BinDivision::RepresentativeOffice,
            3 => BinDivision::PeasantFarm,
            _ => return Err(BinError::BadDivision),
        };
        if !checksum::is_valid(&d) {
            return Err(BinError::BadChecksum);
        }
        Ok(Bin {
            digits: d.iter().map(|&x| char::from(b'0' + x)).collect(),
            month,
            entity_type,
            division,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// The last two digits of the registration year (the century is not encoded).
    pub fn registration_yy(&self) -> u8 {
        let b = self.digits.as_bytes();
        (b[0] - b'0') * 10 + (b[1] - b'0')
    }

    pub fn registration_month(&self) -> Month {
        self.month
    }

    pub fn entity_type(&self) -> BinEntityType {
        self.entity_type
    }

    pub fn division(&self) -> BinDivision {
        self.division
    }
}

string_value!(Bin, "bin");

#[cfg(test)]
mod tests {
    use super::super::checksum::testkit;
    use super::*;
    use proptest::prelude::*;

    /// A valid BIN built from the definition; `None` in the double-ten case.
    fn make_bin(yy: u8, month: u8, entity_type: u8, division: u8, serial: u32) -> Option<String> {
        testkit::with_check_digit(&format!(
            "{yy:02}{month:02}{entity_type}{division}{serial:05}"
        ))
    }

    #[test]
    fn a_hand_computed_bin() {
        // Registered April 2005, resident legal entity (4), head organisation (0), serial
        // 00012. First pass: 0·1 + 5·2 + 0·3 + 4·4 + 4·5 + 0·6 + 0·7 + 0·8 + 0·9 + 1·10 + 2·11
        // = 10 + 16 + 20 + 10 + 22 = 78 ≡ 1 (mod 11).
        let bin = Bin::parse("050440000121").unwrap();
        assert_eq!(make_bin(5, 4, 4, 0, 12).unwrap(), "050440000121");
        assert_eq!(bin.registration_yy(), 5);
        assert_eq!(bin.registration_month(), Month::April);
        assert_eq!(bin.entity_type(), BinEntityType::ResidentLegalEntity);
        assert_eq!(bin.division(), BinDivision::Head);
    }

    #[test]
    fn every_type_and_division_is_read() {
        for (t, d, entity_type, division) in [
            (4, 0, BinEntityType::ResidentLegalEntity, BinDivision::Head),
            (
                4,
                1,
                BinEntityType::ResidentLegalEntity,
                BinDivision::Branch,
            ),
            (
                5,
                2,
                BinEntityType::NonResidentLegalEntity,
                BinDivision::RepresentativeOffice,
            ),
            (
                6,
                3,
                BinEntityType::JointIndividualEntrepreneur,
                BinDivision::PeasantFarm,
            ),
        ] {
            let s = (0..100)
                .find_map(|serial| make_bin(19, 11, t, d, serial))
                .unwrap();
            let bin = Bin::parse(&s).unwrap_or_else(|e| panic!("{s}: {}", e.code()));
            assert_eq!((bin.entity_type(), bin.division()), (entity_type, division));
        }
    }

    #[test]
    fn invalid_bins_are_refused_with_their_reason() {
        for (input, err) in [
            ("", BinError::Empty),
            ("05044000012", BinError::WrongLength),
            ("0504 40000121", BinError::NotDigits),
            ("050040000121", BinError::BadMonth),
            ("051340000121", BinError::BadMonth),
            ("050430000121", BinError::BadEntityType),
            ("050470000121", BinError::BadEntityType),
            ("050444000121", BinError::BadDivision),
            ("050440000122", BinError::BadChecksum),
        ] {
            assert_eq!(Bin::parse(input), Err(err), "{input:?}");
        }
    }

    #[test]
    fn serde_is_the_string_and_validates() {
        let bin = Bin::parse("050440000121").unwrap();
        assert_eq!(serde_json::to_string(&bin).unwrap(), "\"050440000121\"");
        assert_eq!(
            serde_json::from_str::<Bin>("\"050440000121\"").unwrap(),
            bin
        );
        assert!(serde_json::from_str::<Bin>("\"050440000122\"").is_err());
        assert_eq!(
            serde_json::to_string(&BinEntityType::JointIndividualEntrepreneur).unwrap(),
            "\"joint_individual_entrepreneur\""
        );
    }

    fn valid_bins() -> impl Strategy<Value = String> {
        (0u8..100, 1u8..=12, 4u8..=6, 0u8..=3, 0u32..100_000)
            .prop_filter_map("a serial with a check digit", |(yy, m, t, d, serial)| {
                make_bin(yy, m, t, d, serial)
            })
    }

    proptest! {
        /// R1: every generated valid BIN is accepted; single-digit
        /// changes are rejected exactly as far as the shared checksum allows.
        #[test]
        fn generated_bins_are_valid_and_changes_are_caught(s in valid_bins()) {
            prop_assert!(Bin::parse(&s).is_ok());
            testkit::check_single_digit_changes(&s, &|x| Bin::parse(x).is_ok())?;
        }
    }
}
