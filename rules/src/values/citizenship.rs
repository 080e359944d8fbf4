//! Citizenship and the identity document that goes with it (R7, R10): a citizen of
//! Kazakhstan identifies by IIN; a foreigner or a stateless person by passport, with no IIN
//! required.

use super::iin::{Iin, IinError};
use super::passport::{PassportError, PassportNumber};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Citizenship {
    Citizen,
    Foreigner,
    Stateless,
}

impl Citizenship {
    pub const ALL: [Citizenship; 3] = [
        Citizenship::Citizen,
        Citizenship::Foreigner,
        Citizenship::Stateless,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Citizenship::Citizen => "citizen",
            Citizenship::Foreigner => "foreigner",
            Citizenship::Stateless => "stateless",
        }
    }

    pub fn parse(s: &str) -> Option<Citizenship> {
        Citizenship::ALL.into_iter().find(|c| c.code() == s)
    }

    /// R7: foreigners and stateless persons identify by passport, not by IIN.
    pub fn needs_passport(self) -> bool {
        !matches!(self, Citizenship::Citizen)
    }
}

/// R7, for a form that holds the citizenship as its wire code (`citizen`, `foreigner`,
/// `stateless`): whether the person identifies by passport. A blank or unknown code asks for
/// the IIN, as for a citizen, until the person chooses.
pub fn identifies_by_passport(citizenship: &str) -> bool {
    Citizenship::parse(citizenship).is_some_and(Citizenship::needs_passport)
}

/// An identity document number; each variant holds an already validated value. Whether it
/// fits the person's citizenship is checked by [`ApplicantIdentity`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Identity {
    Iin(Iin),
    Passport(PassportNumber),
}

impl Identity {
    /// Reads a document number as the citizenship requires: an IIN for a citizen, a passport
    /// number otherwise. The result always fits `citizenship`.
    pub fn parse(citizenship: Citizenship, s: &str) -> Result<Identity, IdentityError> {
        if citizenship.needs_passport() {
            PassportNumber::parse(s)
                .map(Identity::Passport)
                .map_err(IdentityError::Passport)
        } else {
            Iin::parse(s).map(Identity::Iin).map_err(IdentityError::Iin)
        }
    }

    pub fn fits(&self, citizenship: Citizenship) -> bool {
        matches!(self, Identity::Passport(_)) == citizenship.needs_passport()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdentityError {
    /// The IIN of a citizen is invalid.
    Iin(IinError),
    /// The passport number of a foreigner or stateless person is invalid.
    Passport(PassportError),
    /// A citizen gave a passport number: citizens identify by IIN.
    IinNeeded,
    /// A foreigner or stateless person gave an IIN: they identify by passport (R7).
    PassportNeeded,
}

impl IdentityError {
    /// The code of the underlying IIN or passport error, or `iin_needed` / `passport_needed`.
    pub fn code(self) -> &'static str {
        match self {
            IdentityError::Iin(e) => e.code(),
            IdentityError::Passport(e) => e.code(),
            IdentityError::IinNeeded => "iin_needed",
            IdentityError::PassportNeeded => "passport_needed",
        }
    }
}

/// A person's citizenship with an identity document that fits it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ApplicantIdentity {
    citizenship: Citizenship,
    identity: Identity,
}

impl ApplicantIdentity {
    pub fn new(
        citizenship: Citizenship,
        identity: Identity,
    ) -> Result<ApplicantIdentity, IdentityError> {
        if !identity.fits(citizenship) {
            return Err(if citizenship.needs_passport() {
                IdentityError::PassportNeeded
            } else {
                IdentityError::IinNeeded
            });
        }
        Ok(ApplicantIdentity {
            citizenship,
            identity,
        })
    }

    /// From the form: the citizenship and the one "document number" field.
    pub fn parse(citizenship: Citizenship, s: &str) -> Result<ApplicantIdentity, IdentityError> {
        ApplicantIdentity::new(citizenship, Identity::parse(citizenship, s)?)
    }

    pub fn citizenship(&self) -> Citizenship {
        self.citizenship
    }

    pub fn identity(&self) -> &Identity {
        &self.identity
    }

    /// The IIN, for a citizen.
    pub fn iin(&self) -> Option<&Iin> {
        match &self.identity {
            Identity::Iin(iin) => Some(iin),
            Identity::Passport(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for ApplicantIdentity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            citizenship: Citizenship,
            identity: Identity,
        }
        let raw = Raw::deserialize(d)?;
        ApplicantIdentity::new(raw.citizenship, raw.identity).map_err(|e| {
            serde::de::Error::custom(format!("invalid applicant identity: {}", e.code()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IIN: &str = "900101300017";
    const PASSPORT: &str = "N12345678";

    /// R7: the form's citizenship code decides the document field.
    #[test]
    fn r7_identifies_by_passport_by_code() {
        for (code, passport) in [
            ("citizen", false),
            ("foreigner", true),
            ("stateless", true),
            ("", false),
            ("Foreigner", false),
            ("martian", false),
        ] {
            assert_eq!(identifies_by_passport(code), passport, "{code:?}");
        }
    }

    #[test]
    fn citizens_use_an_iin_and_others_a_passport() {
        // R7: a foreigner or stateless person identifies by passport, no IIN required.
        assert!(!Citizenship::Citizen.needs_passport());
        assert!(Citizenship::Foreigner.needs_passport());
        assert!(Citizenship::Stateless.needs_passport());

        let citizen = ApplicantIdentity::parse(Citizenship::Citizen, IIN).unwrap();
        assert_eq!(citizen.iin().map(Iin::as_str), Some(IIN));
        for c in [Citizenship::Foreigner, Citizenship::Stateless] {
            let other = ApplicantIdentity::parse(c, " n12345678 ").unwrap();
            assert_eq!(other.citizenship(), c);
            assert_eq!(
                other.identity(),
                &Identity::Passport(PassportNumber::parse(PASSPORT).unwrap())
            );
            assert_eq!(other.iin(), None);
        }
    }

    #[test]
    fn a_document_that_does_not_fit_is_refused() {
        let iin = Identity::Iin(Iin::parse(IIN).unwrap());
        let passport = Identity::Passport(PassportNumber::parse(PASSPORT).unwrap());
        for (citizenship, identity, err) in [
            (Citizenship::Citizen, &passport, IdentityError::IinNeeded),
            (Citizenship::Foreigner, &iin, IdentityError::PassportNeeded),
            (Citizenship::Stateless, &iin, IdentityError::PassportNeeded),
        ] {
            assert_eq!(
                ApplicantIdentity::new(citizenship, identity.clone()),
                Err(err)
            );
            assert!(!identity.fits(citizenship));
        }
        // The field is read as the citizenship requires, with the underlying reason.
        assert_eq!(
            ApplicantIdentity::parse(Citizenship::Citizen, PASSPORT).map_err(IdentityError::code),
            Err("not_digits")
        );
        assert_eq!(
            ApplicantIdentity::parse(Citizenship::Citizen, "900101300018"),
            Err(IdentityError::Iin(IinError::BadChecksum))
        );
        assert_eq!(
            ApplicantIdentity::parse(Citizenship::Foreigner, "ABCDEFG"),
            Err(IdentityError::Passport(PassportError::NoDigit))
        );
    }

    #[test]
    fn wire_form() {
        for c in Citizenship::ALL {
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.code())
            );
            assert_eq!(Citizenship::parse(c.code()), Some(c));
        }
        let id = ApplicantIdentity::parse(Citizenship::Citizen, IIN).unwrap();
        let json = serde_json::json!({"citizenship": "citizen", "identity": {"iin": IIN}});
        assert_eq!(serde_json::to_value(&id).unwrap(), json);
        assert_eq!(
            serde_json::from_value::<ApplicantIdentity>(json).unwrap(),
            id
        );
        // A mismatch or an invalid number does not deserialise.
        for bad in [
            serde_json::json!({"citizenship": "foreigner", "identity": {"iin": IIN}}),
            serde_json::json!({"citizenship": "citizen", "identity": {"passport": PASSPORT}}),
            serde_json::json!({"citizenship": "citizen", "identity": {"iin": "900101300018"}}),
            serde_json::json!({"citizenship": "martian", "identity": {"passport": PASSPORT}}),
        ] {
            assert!(
                serde_json::from_value::<ApplicantIdentity>(bad.clone()).is_err(),
                "{bad}"
            );
        }
    }
}
