//! Checking a login and password, the same way for sign-in, enrolment and a password
//! change: an unknown login still costs one Argon2id verification (`verify_absent`), so the
//! answer and its time do not tell whether the login exists; a disabled account is refused
//! after the same work.

use crate::error::ApiError;
use access::sealed::SealingKey;
use access::totp::Secret;
use serde::Deserialize;
use worker::D1Database;

/// An account as sign-in reads it.
#[derive(Deserialize)]
pub struct Account {
    pub id: String,
    pub login: String,
    pub name: String,
    pub office_id: String,
    pub status: String,
    pub password_hash: String,
    pub totp_secret_sealed: String,
    pub totp_enrolled_at: Option<String>,
    pub totp_last_step: Option<i64>,
    pub roles: Option<String>,
}

const COLUMNS: &str = "a.id, a.login, a.name, a.office_id, a.status, a.password_hash, \
    a.totp_secret_sealed, a.totp_enrolled_at, a.totp_last_step, \
    (SELECT group_concat(r.role) FROM staff_roles r WHERE r.account_id = a.id) AS roles";

pub async fn by_login(db: &D1Database, login: &str) -> Result<Option<Account>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {COLUMNS} FROM staff_accounts a WHERE a.login = ?1"
        ))
        .bind(&[login.into()])?
        .first(None)
        .await?)
}

pub async fn by_id(db: &D1Database, id: &str) -> Result<Option<Account>, ApiError> {
    Ok(db
        .prepare(format!(
            "SELECT {COLUMNS} FROM staff_accounts a WHERE a.id = ?1"
        ))
        .bind(&[id.into()])?
        .first(None)
        .await?)
}

/// The account if it exists, is active and `password` is its password; the same work in
/// every case. The time the verification took is logged (milliseconds only): in local
/// workerd (`wrangler dev`) the clock runs during computation, so this measures the CPU cost
/// of Argon2id in the Worker; deployed, timers advance only with I/O and it logs 0.
pub fn check_password(account: Option<Account>, password: &str) -> Option<Account> {
    let started = worker::Date::now().as_millis();
    let matches = match &account {
        Some(a) => access::password::verify(password, &a.password_hash),
        None => {
            access::password::verify_absent(password);
            false
        }
    };
    let took = worker::Date::now().as_millis().saturating_sub(started);
    worker::console_log!("staff: an Argon2id verification took {took} ms");
    account.filter(|a| matches && a.status == "active")
}

/// The account's TOTP secret, unsealed; a seal that does not open is our failure.
pub fn totp_secret(key: &SealingKey, account: &Account) -> Result<Secret, ApiError> {
    access::sealed::open(key, &account.totp_secret_sealed, &account.id)
        .and_then(|bytes| Secret::from_bytes(&bytes))
        .ok_or_else(|| {
            ApiError::Unexpected(format!(
                "the TOTP secret of {} does not open with STAFF_SEALING_KEY",
                account.id
            ))
        })
}
