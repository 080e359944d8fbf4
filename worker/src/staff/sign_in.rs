//! `POST /api/v1/staff/session`: password and TOTP code (RFC 6238, a code accepted once);
//! `DELETE /api/v1/staff/session`: sign-out. Every way of getting it wrong — an unknown
//! login, a wrong password, a wrong or reused code, a disabled account — is the same
//! `401 invalid_credentials` after the same work, and counts towards the lockout.

use super::audit::{self, Entry};
use super::credentials::{self, Account};
use super::failures::{self, Subjects};
use super::{keys, session};
use crate::error::ApiError;
use crate::{body, clock, http};
use access::session::SessionId;
use api::staff::{SignIn, StaffBody};
use rules::OfficeId;
use worker::{D1Database, Env, Request, Response};

pub async fn sign_in(req: &mut Request, env: &Env) -> Result<Response, ApiError> {
    let input: SignIn = body::json(req).await?;
    // A login that cannot be one is as unknown as one that is not there.
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
    let account = credentials::check_password(account, &input.password);
    let accepted = match account {
        Some(account) => {
            let secret = credentials::totp_secret(&key, &account)?;
            access::totp::verify(&secret, &input.code, now, account.totp_last_step)
                .map(|step| (account, step))
        }
        None => None,
    };
    let Some((account, step)) = accepted else {
        failures::record(&db, &subjects, now).await?;
        return Err(ApiError::InvalidCredentials);
    };
    // The step is taken in one statement: of two requests with the same code, one wins.
    if !take_step(&db, &account, step, now).await? {
        failures::record(&db, &subjects, now).await?;
        return Err(ApiError::InvalidCredentials);
    }
    let id = SessionId::generate();
    let entry = Entry {
        actor: (&account.id, &account.name),
        office_id: &account.office_id,
        action: "sign_in",
        object: Some(format!("account:{}", account.id)),
    };
    audit::commit(
        &db,
        vec![
            session::insert(&db, &id, &account.id, now)?,
            failures::clear_login(&db, &subjects)?,
        ],
        &entry,
    )
    .await?;
    let office_id = OfficeId::parse(&account.office_id)
        .map_err(|_| ApiError::Unexpected("staff_accounts.office_id malformed".into()))?;
    let roles = session::roles_of(account.roles.as_deref());
    let mut response = http::json(
        200,
        &StaffBody {
            staff: session::member(&account.id, &account.name, &office_id, &roles),
        },
    );
    response
        .headers_mut()
        .set("Set-Cookie", &session::cookie(&id))?;
    Ok(response)
}

/// Records the accepted step (and, the first time, the enrolment of the authenticator);
/// false when a concurrent sign-in took this step or a later one first.
async fn take_step(
    db: &D1Database,
    account: &Account,
    step: i64,
    now: i64,
) -> Result<bool, ApiError> {
    #[derive(serde::Deserialize)]
    struct Taken {
        #[allow(dead_code)]
        id: String,
    }
    let enrolled_at = audit::timestamp(
        time::OffsetDateTime::from_unix_timestamp(now).unwrap_or(time::OffsetDateTime::UNIX_EPOCH),
    );
    let taken: Option<Taken> = db
        .prepare(
            "UPDATE staff_accounts SET totp_last_step = ?2, \
             totp_enrolled_at = COALESCE(totp_enrolled_at, ?3) \
             WHERE id = ?1 AND status = 'active' \
             AND (totp_last_step IS NULL OR totp_last_step < ?2) RETURNING id",
        )
        .bind(&[
            account.id.as_str().into(),
            (step as f64).into(),
            enrolled_at.into(),
        ])?
        .first(None)
        .await?;
    Ok(taken.is_some())
}

pub async fn sign_out(req: &mut Request, env: &Env) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let db = env.d1("DB")?;
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: staff.office_id.as_str(),
        action: "sign_out",
        object: Some(format!("account:{}", staff.id)),
    };
    audit::commit(&db, vec![staff.end(&db)?], &entry).await?;
    let mut response = super::no_content();
    response
        .headers_mut()
        .set("Set-Cookie", &session::cleared_cookie())?;
    Ok(response)
}
