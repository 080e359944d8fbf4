//! Sending the request so that it is never lost and never doubled: the body is fixed (and
//! stored with the draft's Idempotency-Key) before the first attempt, and every retry —
//! automatic after a dropped connection, by the Retry button, or after a reload — sends the
//! very same bytes with the same key, so the server answers with the same booking.

use super::draft::{asked_answers, Draft, Step};
use super::{focus_later, remember_confirmation, ApiErrorView, Ctx, SendState};
use crate::booking_api::{self, SubmitError};
use crate::storage;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Attempts made before the person is asked to retry.
const AUTOMATIC_ATTEMPTS: u32 = 3;

/// API errors that name a field but are answered as a whole (not "fix this field").
const NOT_FIELD_ERRORS: [&str; 8] = [
    "reception_full",
    "registration_closed",
    "duplicate_booking",
    "refused",
    "no_pre_registration",
    "unknown_reception",
    "idempotency_key_reused",
    "rate_limited",
];

pub fn submit(ctx: Ctx) {
    if matches!(ctx.send.get_untracked(), SendState::Sending { .. }) {
        return;
    }
    let rid = ctx.reception_id().to_owned();
    let (key, pending) = ctx
        .draft
        .with_untracked(|d| (d.key.clone(), d.pending.clone()));
    let body = match pending {
        Some(body) => body,
        None => {
            let input = ctx
                .draft
                .with_untracked(|d| d.form.to_input(&rid, &asked_answers(ctx.kind, &d.answers)));
            let body = serde_json::to_string(&input).unwrap_or_default();
            ctx.draft.update(|d| d.pending = Some(body.clone()));
            // Stored before anything leaves the device.
            ctx.draft.with_untracked(|d| d.save(&rid));
            body
        }
    };
    spawn_local(async move {
        let mut attempt = 1;
        loop {
            ctx.send.set(SendState::Sending { attempt });
            match booking_api::create(&key, &body).await {
                Ok((envelope, raw)) => {
                    if let Some(token) = &envelope.manage_token {
                        storage::set_manage_token(&envelope.booking.code, token);
                    }
                    remember_confirmation(&rid, &raw);
                    ctx.moved.set(true);
                    ctx.done.set(Some(envelope));
                    Draft::remove(&rid);
                    ctx.send.set(SendState::Idle);
                    focus_later("done-heading".into());
                    return;
                }
                Err(SubmitError::Network | SubmitError::Server) if attempt < AUTOMATIC_ATTEMPTS => {
                    booking_api::sleep(1500 * attempt as i32).await;
                    attempt += 1;
                }
                Err(SubmitError::Network) => {
                    ctx.send.set(SendState::FailedNetwork);
                    return;
                }
                Err(SubmitError::Server) => {
                    ctx.send.set(SendState::FailedServer);
                    return;
                }
                Err(SubmitError::RateLimited(after)) => {
                    ctx.send.set(SendState::RateLimited(after));
                    return;
                }
                Err(SubmitError::Api(error)) => {
                    rejected(&ctx, error);
                    return;
                }
            }
        }
    });
}

/// A definitive answer without a booking: the draft is editable again and its next request
/// is a new one, with a new key.
fn rejected(ctx: &Ctx, error: booking_api::ApiError) {
    ctx.draft.update(|d| {
        d.pending = None;
        d.key = booking_api::new_key();
    });
    match error.field.clone() {
        Some(field) if !NOT_FIELD_ERRORS.contains(&error.code.as_str()) => {
            ctx.server_errors.set(vec![(field.clone(), error.code)]);
            ctx.send.set(SendState::Idle);
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
        _ => {
            ctx.send.set(SendState::Rejected(ApiErrorView::from(error)));
            focus_later("send-status".into());
        }
    }
}
