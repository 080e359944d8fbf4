//! A pre-registration request (R3, R3.b, R3.c, R7, R10, R11, R39-4): the form as it
//! arrives ([`BookingInput`]), checked
//! field by field into a [`BookingRequest`] whose parts are all validated values, and the
//! decisions that depend on the reception it asks for (format, R11; review, R15 / R30;
//! documents to bring, R10).
//!
//! The SPA runs [`BookingInput::validate`] on every keystroke and shows each [`FieldError`]
//! next to its field; the Worker runs it again on the request body and answers `422` with
//! the first error's `code` and `field` (`applicant.iin`). Eligibility (R17–R33) is decided
//! separately by [`crate::eligibility`] once the official's kind is known.

mod input;
mod request;

pub use input::{ApplicantInput, BookingInput, MatterInput, OnBehalfInput};
pub use request::{check_format, forced_video, initial_status};
pub use request::{
    Acting, Applicant, BookingRequest, BookingStatus, Document, Entered, FieldError, FormatError,
    MatterText, Person, ReceptionFacts, Review, Unstated,
};

#[cfg(test)]
mod tests;
