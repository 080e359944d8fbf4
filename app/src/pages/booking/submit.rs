//! Sending the request so that it is never lost and never doubled: the body is fixed (and
//! stored with the draft's Idempotency-Key) before the first attempt, and every retry —
//! automatic after a dropped connection, by the Retry button, or after a reload — sends the
//! very same bytes with the same key, so the server answers with the same booking. Each
//! attempt has a time limit (`booking_api`); the request is a leptos [`Action`].
//!
//! Before a new request leaves the device, `rules::admission::admit` — the very decision the
//! Worker makes — checks it against the published reception and the browser's clock (R3.a,
//! R11, R16, R34, R17–R33); a request it rejects is answered here with the rejection the
//! server would give, and nothing is sent. The Worker checks again anyway.

use super::draft::{asked_answers, Draft, Step};
use super::{focus_later, remember_confirmation, Ctx, Phase};
use crate::booking_api::{self, BookingCreated, SubmitError};
use crate::storage;
use ::api::eligibility::Ground;
use ::api::{ErrorCode, ErrorDetail};
use leptos::prelude::*;
use rules::admission::{admit, Rejection};
use rules::calendar::Calendar;
use rules::ruleset::RuleSet;
use rules::schedule::Format;

/// Attempts made before the person is asked to retry.
const AUTOMATIC_ATTEMPTS: u32 = 3;

/// One request: the body, fixed before the first attempt, and its Idempotency-Key.
#[derive(Debug, Clone)]
pub struct Request {
    key: String,
    body: String,
    /// Rejected before sending by `rules::admission`: answered without a request.
    rejected: Option<ErrorDetail>,
}

/// The server's answer to a request (with the answer's text, kept for a reload of the
/// confirmation), or why there is none.
pub type Answer = Result<(BookingCreated, String), SubmitError>;

/// The request as a leptos action: pending while attempts are made, then the last answer.
/// `attempt` counts the attempts and `phase` says what the attempt does, for the progress
/// shown. A device that is offline waits for the connection without using up its attempts,
/// then sends the stored request by itself.
pub fn action(attempt: RwSignal<u32>, phase: RwSignal<Phase>) -> Action<Request, Answer> {
    Action::new_local(move |request: &Request| {
        let request = request.clone();
        async move {
            if let Some(rejection) = request.rejected {
                return Err(SubmitError::Api(rejection));
            }
            let mut n = 1;
            // A proof the server found expired or used is solved again, once.
            let mut fresh_proof_given = false;
            loop {
                attempt.set(n);
                phase.set(Phase::Checking);
                let proof = booking_api::proof_of_work().await;
                phase.set(Phase::Sending);
                let answer = match proof {
                    Ok(proof) => {
                        booking_api::create(&request.key, &request.body, proof.as_deref()).await
                    }
                    Err(e) => Err(e),
                };
                match answer {
                    Err(SubmitError::Api(e))
                        if e.code == ErrorCode::ChallengeInvalid && !fresh_proof_given =>
                    {
                        fresh_proof_given = true;
                    }
                    Err(SubmitError::Network) if !booking_api::online() => {
                        phase.set(Phase::Offline);
                        booking_api::until_online().await;
                        phase.set(Phase::Sending);
                    }
                    Err(SubmitError::Network | SubmitError::Server) if n < AUTOMATIC_ATTEMPTS => {
                        booking_api::sleep(1500 * n as i32).await;
                        n += 1;
                    }
                    answer => return answer,
                }
            }
        }
    })
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
pub fn submit(ctx: Ctx) {
    if ctx.sending.get_untracked() {
        return;
    }
    let rid = ctx.reception_id().to_owned();
    let (key, pending) = ctx
        .draft
        .with_untracked(|d| (d.key.clone(), d.pending.clone()));
    let body = match pending {
        Some(body) => body,
        None => {
            let (input, answers) = ctx.draft.with_untracked(|d| {
                let answers = asked_answers(ctx.kind, &d.answers);
                (d.form.to_input(&rid, &answers), answers)
            });
            // The Worker's own decision, on the browser's clock (a clock that cannot be read
            // leaves it to the Worker).
            let format = Format::parse(&input.format);
            let verdict = crate::clock::now().zip(format).and_then(|(now, format)| {
                let calendar = Calendar::kazakhstan();
                admit(
                    RuleSet::current(),
                    calendar,
                    &ctx.facts,
                    &answers,
                    format,
                    now,
                )
                .err()
            });
            if let Some(rejection) = verdict {
                let rejected = Some(rejection_detail(rejection));
                let body = String::new();
                ctx.request.dispatch_local(Request {
                    key,
                    body,
                    rejected,
                });
                return;
            }
            let body = serde_json::to_string(&input).unwrap_or_default();
            ctx.draft.update(|d| d.pending = Some(body.clone()));
            // Stored before anything leaves the device.
            ctx.draft.with_untracked(|d| d.save(&rid));
            body
        }
    };
    ctx.request.dispatch_local(Request {
        key,
        body,
        rejected: None,
    });
}

/// What the wizard does with an answer: shows the booking, or goes back to the field the
/// server named, or (for the rest) leaves the review to say why ([`Ctx::send_state`]).
pub fn answered(ctx: &Ctx, answer: Answer) {
    match answer {
        Ok((created, raw)) => {
            let rid = ctx.reception_id();
            storage::set_manage_token(
                &created.booking.code,
                &created.manage_token,
                Some(created.booking.reception.reception.date),
            );
            remember_confirmation(rid, &raw);
            ctx.moved.set(true);
            ctx.done.set(Some(created));
            Draft::remove(rid);
            focus_later("done-heading".into());
        }
        Err(SubmitError::Api(error)) => rejected(ctx, error),
        // No answer: Retry sends the same key and body again.
        Err(_) => {}
    }
}

/// A definitive answer without a booking: the draft is editable again and its next request
/// is a new one, with a new key.
fn rejected(ctx: &Ctx, error: ErrorDetail) {
    ctx.draft.update(|d| {
        d.pending = None;
        d.key = booking_api::new_key();
    });
    match error.field.clone() {
        Some(field) if names_a_field(&error) => {
            ctx.server_errors
                .set(vec![(field.clone(), error.code.code().to_owned())]);
            let step = if field.starts_with("matter.answers") {
                Step::Questions
            } else {
                Step::Form
            };
            ctx.go(step);
            ctx.moved.set(false);
            ctx.show_errors.set(true);
            focus_later("error-summary".into());
        }
        _ => focus_later("send-status".into()),
    }
}
