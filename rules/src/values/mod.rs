//! Typed, validated values of a reception request (R1, R3.b, R3.c, R7, R39-7).
//!
//! Parse, don't validate: every type here has private fields and a constructor that checks
//! its input, so an invalid IIN, phone number or matter description cannot exist in the
//! rest of the crate, in the SPA or in the Worker. The browser and the server run the same
//! constructors, and `Deserialize` goes through them too, so the server never trusts the
//! browser. Errors are enums whose `code()` is a stable snake_case id; the UI turns a code
//! into a message in the applicant's language (R39-7), so no prose lives here.

mod applicant;
mod authority;
mod bin;
mod checksum;
mod citizenship;
mod contact;
mod email;
mod iin;
mod interpreter;
mod matter;
mod passport;
mod person_name;
mod phone;
pub mod text;

pub use applicant::ApplicantKind;
pub use authority::{Authority, AuthorityError, AuthorityField, AuthorityInput, AuthorityKind};
pub use bin::{Bin, BinDivision, BinEntityType, BinError};
pub use checksum::check_digit;
pub use citizenship::{
    identifies_by_passport, ApplicantIdentity, Citizenship, Identity, IdentityError,
};
pub use contact::{Contact, ContactError, Phone, PhoneIntl};
pub use email::{Email, EmailError};
pub use iin::{Iin, IinError};
pub use interpreter::{InterpreterLanguage, InterpreterLanguageError};
pub use matter::{MatterSubstance, MatterSubstanceError};
pub use passport::{PassportError, PassportNumber};
pub use person_name::{PersonName, PersonNameError};
pub use phone::{PhoneError, PhoneKz};

/// `Display` and `Serialize` as the normalised string (`as_str`) and a `Deserialize` that
/// goes through `parse`, for a type with `fn parse(&str) -> Result<Self, E>`, `E::code()` and
/// `fn as_str(&self) -> &str`. The error names the kind of value and the code, never the
/// input: an IIN or a phone number is personal data and must not end up in logs.
macro_rules! string_value {
    ($ty:ident, $what:literal) => {
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $ty::parse(&s).map_err(|e| {
                    ::serde::de::Error::custom(format!("invalid {}: {}", $what, e.code()))
                })
            }
        }
    };
}
use string_value;
