//! `POST /api/v1/staff/enrolment`: the TOTP secret of an account whose authenticator is not
//! yet enrolled, for the right password, as text, `otpauth:` URI and QR code (SVG). An
//! account already enrolled or disabled, a wrong password and an unknown login are the same
//! `401 invalid_credentials`, and count towards the lockout as sign-in failures do. The
//! first sign-in with a code from it completes the enrolment.

use super::audit::{self, Entry};
use super::credentials;
use super::failures::{self, Subjects};
use super::keys;
use crate::error::ApiError;
use crate::{body, clock, http};
use api::staff::{Enrolment, EnrolmentRequest};
use worker::{Env, Request, Response};

pub async fn enrolment(req: &mut Request, env: &Env) -> Result<Response, ApiError> {
    let input: EnrolmentRequest = body::json(req).await?;
    let login = access::normalise_login(&input.login).unwrap_or_default();
    let now = clock::now().unix_timestamp();
    let db = env.d1("DB")?;
    let subjects = Subjects::of(req, env, &login)?;
    failures::check(&db, &subjects, now).await?;
    let key = keys::sealing_key(env)?;
    let account = if login.is_empty() {
        None
    } else {
        credentials::by_login(&db, &login).await?
    };
    let account = credentials::check_password(account, &input.password)
        .filter(|a| a.totp_enrolled_at.is_none());
    let Some(account) = account else {
        failures::record(&db, &subjects, now).await?;
        return Err(ApiError::InvalidCredentials);
    };
    let secret = credentials::totp_secret(&key, &account)?;
    let entry = Entry {
        actor: (&account.id, &account.name),
        office_id: &account.office_id,
        action: "enrolment",
        object: Some(format!("account:{}", account.id)),
    };
    audit::commit(&db, Vec::new(), &entry).await?;
    let otpauth_uri = secret.otpauth_uri(&account.login);
    Ok(http::json(
        200,
        &Enrolment {
            secret: secret.to_base32(),
            qr_svg: access::totp::qr_svg(&otpauth_uri),
            otpauth_uri,
        },
    ))
}
