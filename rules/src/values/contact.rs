//! How the responsible officer reaches the applicant about the request (R15, R30: the
//! decision and its reasons are told to the person).
//!
//! A citizen of Kazakhstan gives a Kazakhstan phone number, as before. A foreigner or a
//! stateless person (R7) may have no such number: they give an international number in
//! E.164 form, or an e-mail address, or both. Whoever applies, at least one way to reach
//! them is required, and a number that looks Kazakh (`+7 7…`) is checked as a Kazakh one.

use super::citizenship::Citizenship;
use super::email::{Email, EmailError};
use super::phone::{PhoneError, PhoneKz};
use super::string_value;

/// An international phone number in E.164 form: `+`, the country code and the subscriber
/// number, 8 to 15 digits in all, e.g. `+998901234567`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PhoneIntl(String);

impl PhoneIntl {
    /// Accepts `+998 90 123-45-67`, `+1 (202) 555-0100` and the like; the `+` and the
    /// country code are required (without them the number cannot be dialled from
    /// Kazakhstan). A `+7 7…` number must be a valid Kazakhstan number ([`PhoneKz`]).
    pub fn parse(s: &str) -> Result<PhoneIntl, PhoneError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(PhoneError::Empty);
        }
        let Some(rest) = s.strip_prefix('+') else {
            return match PhoneKz::parse(s) {
                Ok(kz) => Ok(PhoneIntl(kz.as_str().to_owned())),
                Err(PhoneError::NotKazakhstan | PhoneError::WrongLength) => {
                    Err(PhoneError::NoCountryCode)
                }
                Err(e) => Err(e),
            };
        };
        let mut digits = String::with_capacity(15);
        let mut open_bracket = false;
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' => {}
                '(' if !open_bracket => open_bracket = true,
                ')' if open_bracket => open_bracket = false,
                _ => return Err(PhoneError::BadCharacter),
            }
        }
        if open_bracket {
            return Err(PhoneError::BadCharacter);
        }
        if digits.starts_with('0') {
            return Err(PhoneError::NoCountryCode);
        }
        if !(8..=15).contains(&digits.len()) {
            return Err(PhoneError::WrongLength);
        }
        // Kazakhstan (+7 7…) is checked as a Kazakh number; Russia (+7 3/4/8/9…) passes.
        if digits.starts_with("77") {
            return PhoneKz::parse(s).map(|kz| PhoneIntl(kz.as_str().to_owned()));
        }
        Ok(PhoneIntl(format!("+{digits}")))
    }

    /// The E.164 form, `+998901234567`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_value!(PhoneIntl, "phone number");

/// A phone number the applicant gave: Kazakh for a citizen, any country's for a foreigner
/// or a stateless person.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Phone {
    Kz(PhoneKz),
    International(PhoneIntl),
}

impl Phone {
    /// The E.164 form.
    pub fn as_str(&self) -> &str {
        match self {
            Phone::Kz(p) => p.as_str(),
            Phone::International(p) => p.as_str(),
        }
    }
}

/// At least one way to reach the applicant: a phone, an e-mail address, or both.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Contact {
    Phone(Phone),
    Email(Email),
    Both(Phone, Email),
}

/// What is wrong with the contact, by field: the caller reports each at its own field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactError {
    Phone(PhoneError),
    Email(EmailError),
    /// Neither a phone nor an e-mail address (reported at the phone field).
    Missing,
}

impl ContactError {
    pub fn code(self) -> &'static str {
        match self {
            ContactError::Phone(e) => e.code(),
            ContactError::Email(e) => e.code(),
            ContactError::Missing => "contact_required",
        }
    }
}

impl Contact {
    /// Reads the phone and e-mail fields as typed (blank means not given) for a person of
    /// this citizenship (`None`: not chosen yet, read as a citizen's). Every fault is
    /// returned, so the form can show them all at once.
    pub fn parse(
        citizenship: Option<Citizenship>,
        phone: &str,
        email: Option<&str>,
    ) -> Result<Contact, Vec<ContactError>> {
        let phone = phone.trim();
        let email = email.map(str::trim).filter(|e| !e.is_empty());
        let international = citizenship.is_some_and(Citizenship::needs_passport);
        let phone = match (phone.is_empty(), international) {
            // A citizen's phone stays required (R15: the officer calls).
            (true, false) => Err(ContactError::Phone(PhoneError::Empty)),
            (true, true) => Ok(None),
            (false, false) => PhoneKz::parse(phone)
                .map(|p| Some(Phone::Kz(p)))
                .map_err(ContactError::Phone),
            (false, true) => PhoneIntl::parse(phone)
                .map(|p| Some(Phone::International(p)))
                .map_err(ContactError::Phone),
        };
        let email = email
            .map(|e| Email::parse(e).map_err(ContactError::Email))
            .transpose();
        match (phone, email) {
            (Ok(Some(p)), Ok(Some(e))) => Ok(Contact::Both(p, e)),
            (Ok(Some(p)), Ok(None)) => Ok(Contact::Phone(p)),
            (Ok(None), Ok(Some(e))) => Ok(Contact::Email(e)),
            (Ok(None), Ok(None)) => Err(vec![ContactError::Missing]),
            (p, e) => Err([p.err(), e.err()].into_iter().flatten().collect()),
        }
    }

    pub fn phone(&self) -> Option<&Phone> {
        match self {
            Contact::Phone(p) | Contact::Both(p, _) => Some(p),
            Contact::Email(_) => None,
        }
    }

    pub fn email(&self) -> Option<&Email> {
        match self {
            Contact::Email(e) | Contact::Both(_, e) => Some(e),
            Contact::Phone(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CITIZEN: Option<Citizenship> = Some(Citizenship::Citizen);
    const FOREIGNER: Option<Citizenship> = Some(Citizenship::Foreigner);
    const STATELESS: Option<Citizenship> = Some(Citizenship::Stateless);

    fn codes(r: Result<Contact, Vec<ContactError>>) -> Vec<&'static str> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(ContactError::code)
            .collect()
    }

    #[test]
    fn r7_a_foreigner_may_give_an_international_number() {
        let c = Contact::parse(FOREIGNER, "+998 90 123-45-67", None).unwrap();
        assert_eq!(c.phone().map(Phone::as_str), Some("+998901234567"));
        assert_eq!(c.email(), None);
        let c = Contact::parse(STATELESS, "+1 (202) 555-0100", Some("")).unwrap();
        assert_eq!(c.phone().map(Phone::as_str), Some("+12025550100"));
        // Russia shares +7 with Kazakhstan: a Russian citizen's number is international.
        let c = Contact::parse(FOREIGNER, "+7 916 123 45 67", None).unwrap();
        assert_eq!(c.phone().map(Phone::as_str), Some("+79161234567"));
    }

    #[test]
    fn r7_a_foreigner_may_give_an_email_only() {
        let c = Contact::parse(FOREIGNER, "  ", Some(" aziz@mail.uz ")).unwrap();
        assert_eq!(c.phone(), None);
        assert_eq!(c.email().map(Email::as_str), Some("aziz@mail.uz"));
    }

    #[test]
    fn r7_a_foreigner_with_both_keeps_both() {
        let c = Contact::parse(FOREIGNER, "+998901234567", Some("aziz@mail.uz")).unwrap();
        assert!(matches!(c, Contact::Both(..)));
    }

    #[test]
    fn r15_at_least_one_way_to_reach_the_person() {
        assert_eq!(
            codes(Contact::parse(FOREIGNER, "", None)),
            ["contact_required"]
        );
        assert_eq!(
            codes(Contact::parse(STATELESS, " ", Some(" "))),
            ["contact_required"]
        );
        assert_eq!(
            codes(Contact::parse(CITIZEN, "", Some("a@mail.kz"))),
            ["empty"]
        );
    }

    #[test]
    fn kazakh_numbers_stay_checked_as_kazakh() {
        // A citizen: only a Kazakhstan number, as before.
        assert_eq!(
            codes(Contact::parse(CITIZEN, "+998901234567", None)),
            ["not_kazakhstan"]
        );
        assert_eq!(
            codes(Contact::parse(None, "+998901234567", None)),
            ["not_kazakhstan"]
        );
        let c = Contact::parse(CITIZEN, "8 701 123 45 67", None).unwrap();
        assert_eq!(
            c.phone(),
            Some(&Phone::Kz(PhoneKz::parse("+77011234567").unwrap()))
        );
        // A foreigner's +7 7… number is a Kazakh one, in a known range.
        assert_eq!(
            codes(Contact::parse(FOREIGNER, "+7 799 123 45 67", None)),
            ["unknown_range"]
        );
        assert_eq!(
            codes(Contact::parse(FOREIGNER, "+7 701 123 45", None)),
            ["wrong_length"]
        );
        let c = Contact::parse(FOREIGNER, "87011234567", None).unwrap();
        assert_eq!(c.phone().map(Phone::as_str), Some("+77011234567"));
    }

    #[test]
    fn an_international_number_needs_its_country_code() {
        for (input, code) in [
            ("998901234567", "no_country_code"),
            ("+0998901234567", "no_country_code"),
            ("+998 90", "wrong_length"),
            ("+9989012345678901", "wrong_length"),
            ("+998 90 123 45 67 ext", "bad_character"),
            ("+998 (90 123 45 67", "bad_character"),
        ] {
            assert_eq!(
                codes(Contact::parse(FOREIGNER, input, None)),
                [code],
                "{input}"
            );
        }
    }

    #[test]
    fn faults_in_both_fields_are_all_reported() {
        assert_eq!(
            codes(Contact::parse(FOREIGNER, "+0", Some("a@"))),
            ["no_country_code", "bad_domain"]
        );
    }

    #[test]
    fn the_wire_form_is_e164() {
        let p = PhoneIntl::parse("+998 90 123 45 67").unwrap();
        assert_eq!(serde_json::to_value(&p).unwrap(), "+998901234567");
        assert!(serde_json::from_str::<PhoneIntl>("\"998\"").is_err());
    }
}
