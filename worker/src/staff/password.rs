//! `POST /api/v1/staff/password`: a new password for the person signed in, given the
//! current one. Ends every session of the account, this one included (`204`, the cookie
//! cleared). A wrong current password is `401 invalid_credentials` and counts towards the
//! login's lockout.

use super::audit::{self, Entry};
use super::credentials;
use super::failures::{self, Subjects};
use super::session;
use crate::error::ApiError;
use crate::{body, clock};
use api::staff::PasswordChange;
use api::ErrorCode;
use worker::{Env, Request, Response};

pub async fn change(req: &mut Request, env: &Env) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let input: PasswordChange = body::json(req).await?;
    let length = input.new_password.chars().count();
    if !(PasswordChange::MIN_LEN..=PasswordChange::MAX_LEN).contains(&length)
        || input.new_password == input.current_password
    {
        return Err(ApiError::Invalid {
            code: ErrorCode::WeakPassword,
            field: "new_password".into(),
        });
    }
    let now = clock::now();
    let db = env.d1("DB")?;
    let account = credentials::by_id(&db, &staff.id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let subjects = Subjects::of(req, env, &account.login)?;
    failures::check(&db, &subjects, now.unix_timestamp()).await?;
    let Some(account) = credentials::check_password(Some(account), &input.current_password) else {
        failures::record(&db, &subjects, now.unix_timestamp()).await?;
        return Err(ApiError::InvalidCredentials);
    };
    let hash = access::password::hash(&input.new_password);
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: staff.office_id.as_str(),
        action: "password_change",
        object: Some(format!("account:{}", staff.id)),
    };
    audit::commit(
        &db,
        vec![
            db.prepare(
                "UPDATE staff_accounts SET password_hash = ?2, password_changed_at = ?3 \
                 WHERE id = ?1",
            )
            .bind(&[
                account.id.as_str().into(),
                hash.into(),
                audit::timestamp(now).into(),
            ])?,
            session::end_all(&db, &account.id)?,
        ],
        &entry,
    )
    .await?;
    let mut response = super::no_content();
    response
        .headers_mut()
        .set("Set-Cookie", &session::cleared_cookie())?;
    Ok(response)
}
