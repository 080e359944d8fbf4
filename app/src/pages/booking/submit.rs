//! Sending the request so that it is never lost and never doubled: the body is fixed (and
//! stored with the draft's Idempotency-Key) before the first attempt, and every retry —
//! automatic after a dropped connection, by the Retry button, or after a reload — sends the
//! very same bytes with the same key, so the server answers with the same booking. Each
//! attempt has a time limit (`booking_api`).
//!
//! Before a new request leaves the device, `rules::admission::admit` — the very decision the
//! Worker makes — checks it against the published reception and the browser's clock (R3.a,
//! R11, R16, R34, R17–R33); a request it rejects is answered here with the rejection the
//! server would give, and nothing is sent. The Worker checks again anyway.
//!
//! The booking made, the manage page takes over: the token is kept on this device, the
//! draft forgotten, and the page replaced by `/bookings/{code}#t={token}&new=1`, which shows
//! the confirmation (the fragment never reaches a server).

use super::draft::{asked_answers, Draft, Step};
use super::focus;
use super::page::{Phase, SendState, Wizard};
use super::review;
use crate::booking_api::{self, SubmitError};
use crate::lang::href;
use crate::storage;
use ::api::eligibility::Ground;
use ::api::{ErrorCode, ErrorDetail};
use rules::admission::{admit, Rejection};
use rules::calendar::Calendar;
use rules::ruleset::RuleSet;
use rules::schedule::Format;
use rules::Lang;
use serde::Deserialize;
use std::rc::Rc;
use time::Date;

/// Attempts made before the person is asked to retry.
const AUTOMATIC_ATTEMPTS: u32 = 3;

/// What the wizard reads of the `201` (`api::bookings::BookingCreated`): the code, the
/// manage token and the reception's day (how long the token is kept). The rest is the manage
/// page's; reading the whole booking here would be code every phone downloads for nothing.
#[derive(Debug, Deserialize)]
pub struct Created {
    booking: CreatedBooking,
    manage_token: String,
}

#[derive(Debug, Deserialize)]
struct CreatedBooking {
    code: String,
    reception: CreatedReception,
}

#[derive(Debug, Deserialize)]
struct CreatedReception {
    #[serde(with = "rules::calendar::iso_date")]
    date: Date,
}

impl Created {
    pub fn read(text: &str) -> Option<Created> {
        serde_json::from_str(text).ok()
    }
}

/// Whether the server's refusal is about one field the person can fix (not "fix this field"
/// for an answer about the request as a whole).
pub fn names_a_field(error: &ErrorDetail) -> bool {
    error.field.is_some() && error.code.is_about_a_value()
}

/// A rejection by `rules::admission` as the Worker answers it: the same code, field, clause,
/// grounds and alternatives.
pub fn rejection_detail(rejection: Rejection) -> ErrorDetail {
    let (grounds, alternatives) = match &rejection {
        Rejection::Refused(verdict) => (
            Some(verdict.grounds().iter().map(Ground::from).collect()),
            Some(verdict.alternatives().iter().map(|a| (*a).into()).collect()),
        ),
        _ => (None, None),
    };
    ErrorDetail {
        code: ErrorCode::from_rules(rejection.code()),
        message: String::new(),
        field: Some(rejection.field()),
        clause: rejection.clause().map(str::to_owned),
        grounds,
        alternatives,
    }
}

/// Sends the draft's request: the stored one again if its answer was lost, else the form
/// as it is now, stored with the key before it leaves the device.
pub fn submit(w: &Rc<Wizard>) {
    if w.st.borrow().send.sending() {
        return;
    }
    let (key, pending) = {
        let st = w.st.borrow();
        (st.draft.key.clone(), st.draft.pending.clone())
    };
    let body = match pending {
        Some(body) => body,
        None => {
            let (input, answers) = {
                let st = w.st.borrow();
                let answers = asked_answers(w.kind, &st.draft.answers);
                (st.draft.form.to_input(w.reception_id(), &answers), answers)
            };
            // The Worker's own decision, on the browser's clock (a clock that cannot be read
            // leaves it to the Worker).
            let format = Format::parse(&input.format);
            let verdict = crate::clock::now().zip(format).and_then(|(now, format)| {
                admit(
                    RuleSet::current(),
                    Calendar::kazakhstan(),
                    &w.facts,
                    &answers,
                    format,
                    now,
                )
                .err()
            });
            if let Some(rejection) = verdict {
                answered(w, Err(SubmitError::Api(rejection_detail(rejection))));
                return;
            }
            let body = serde_json::to_string(&input).unwrap_or_default();
            w.st.borrow_mut().draft.pending = Some(body.clone());
            // Stored before anything leaves the device.
            w.save();
            body
        }
    };
    let w = w.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let answer = attempts(&w, &key, &body).await;
        answered(&w, answer);
    });
}

fn progress(w: &Wizard, attempt: u32, phase: Phase) {
    w.st.borrow_mut().send = SendState::Sending { attempt, phase };
    review::refresh(w);
}

/// The attempts of one request, with the progress shown. A device that is offline waits for
/// the connection without using up its attempts, then sends the stored request by itself.
async fn attempts(w: &Wizard, key: &str, body: &str) -> Result<Created, SubmitError> {
    let mut n = 1;
    // A proof the server found expired or used is solved again, once.
    let mut fresh_proof_given = false;
    loop {
        progress(w, n, Phase::Checking);
        let proof = booking_api::proof_of_work().await;
        progress(w, n, Phase::Sending);
        let answer = match proof {
            Ok(proof) => match booking_api::create(key, body, proof.as_deref()).await {
                Ok(text) => Created::read(&text).ok_or(SubmitError::Server),
                Err(e) => Err(e),
            },
            Err(e) => Err(e),
        };
        match answer {
            Err(SubmitError::Api(e))
                if e.code == ErrorCode::ChallengeInvalid && !fresh_proof_given =>
            {
                fresh_proof_given = true;
            }
            Err(SubmitError::Network) if !booking_api::online() => {
                progress(w, n, Phase::Offline);
                booking_api::until_online().await;
                progress(w, n, Phase::Sending);
            }
            Err(SubmitError::Network | SubmitError::Server) if n < AUTOMATIC_ATTEMPTS => {
                booking_api::sleep(1500 * n as i32).await;
                n += 1;
            }
            answer => return answer,
        }
    }
}

/// The manage page of a booking just made, with its token in the fragment.
pub fn manage_href(code: &str, token: &str, lang: Lang) -> String {
    format!(
        "{}#t={token}&new=1",
        href(lang, &format!("/bookings/{code}"))
    )
}

/// What the wizard does with an answer: hands the booking to the manage page, or goes back
/// to the field the server named, or (for the rest) leaves the review to say why.
fn answered(w: &Rc<Wizard>, answer: Result<Created, SubmitError>) {
    match answer {
        Ok(created) => {
            storage::set_manage_token(
                &created.booking.code,
                &created.manage_token,
                Some(created.booking.reception.date),
            );
            Draft::remove(w.reception_id());
            let to = manage_href(&created.booking.code, &created.manage_token, w.lang);
            if let Some(window) = web_sys::window() {
                // Replaced, so that "back" leads to the office, not to a spent wizard.
                let _ = window.location().replace(&to);
            }
        }
        Err(error) => {
            w.st.borrow_mut().send = SendState::after(&error);
            match error {
                SubmitError::Api(error) => rejected(w, error),
                // No answer: Retry sends the same key and body again.
                _ => review::refresh(w),
            }
        }
    }
}

/// A definitive answer without a booking: the draft is editable again and its next request
/// is a new one, with a new key.
fn rejected(w: &Rc<Wizard>, error: ErrorDetail) {
    {
        let mut st = w.st.borrow_mut();
        st.draft.pending = None;
        st.draft.key = booking_api::new_key();
    }
    w.save();
    match error.field.clone() {
        Some(field) if names_a_field(&error) => {
            let step = if field.starts_with("matter.answers") {
                Step::Questions
            } else {
                Step::Form
            };
            {
                let mut st = w.st.borrow_mut();
                st.server_errors = vec![(field, error.code.code().to_owned())];
                st.send = SendState::Idle;
                st.draft.step = step;
                st.show_errors = true;
                st.refused = false;
            }
            w.save();
            w.render();
            focus("error-summary");
        }
        _ => {
            // The review is written again: its locks are off now.
            w.render();
            focus("send-status");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The manage page shows the confirmation once, from the fragment (never sent to a
    /// server), in the wizard's language.
    /// The `201` of the contract reads, as much of it as the wizard needs.
    #[test]
    fn the_created_booking_reads() {
        let json = crate::booking_api::tests::booking("requested", r#"{"document":"passport"}"#);
        let created = Created::read(&json).unwrap();
        assert_eq!(created.booking.code, "7K3M-9PQR-2XYZ");
        assert_eq!(created.manage_token, "abc");
        assert_eq!(
            created.booking.reception.date,
            time::macros::date!(2026 - 12 - 07)
        );
    }

    #[test]
    fn the_manage_page_takes_over_with_the_token_in_the_fragment() {
        let to = manage_href("7K3M-9PQR-2XYZ", "abc", Lang::Ru);
        assert!(to.starts_with("/bookings/7K3M-9PQR-2XYZ?"), "{to}");
        assert!(to.contains("lang=ru"), "{to}");
        assert!(to.ends_with("#t=abc&new=1"), "{to}");
    }
}
