//! Failed sign-ins and the lockout: 5 failures for one login within 15 minutes lock that
//! login for 15 minutes, and 20 from one client address lock the address; a locked sign-in
//! is `429 too_many_attempts` with `Retry-After`, before any password is checked. Unknown
//! logins are counted like known ones (a lockout must not tell which exist). Logins and
//! addresses are stored only as hashes, and only for the window (the cron clears older rows).

use crate::error::ApiError;
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Env, Request};

/// The window failures are counted over, and the lock's length.
pub const WINDOW_SECONDS: i64 = 15 * 60;
pub const LOGIN_LIMIT: u32 = 5;
pub const ADDRESS_LIMIT: u32 = 20;

/// Who failed: the login tried and the client address, each as the hash D1 keeps.
pub struct Subjects {
    login: String,
    address: String,
}

impl Subjects {
    pub fn of(req: &Request, env: &worker::Env, login: &str) -> Result<Subjects, ApiError> {
        let pseudonyms = crate::pseudonym::Pseudonyms::of(env)?;
        // Cloudflare sets CF-Connecting-IP on every request and overwrites a client's own.
        let address = req
            .headers()
            .get("CF-Connecting-IP")?
            .unwrap_or_else(|| "unknown".into());
        let client = crate::rate_limit::client_of(&address);
        Ok(Subjects {
            login: format!("login:{}", pseudonyms.staff_login(login)),
            address: format!("address:{}", pseudonyms.client(&client)),
        })
    }
}

#[derive(Deserialize)]
struct Locked {
    until: Option<i64>,
}

/// `Err(TooManyAttempts)` while the login or the address is locked.
pub async fn check(db: &D1Database, subjects: &Subjects, now: i64) -> Result<(), ApiError> {
    let mut until = None;
    for (subject, limit) in [
        (&subjects.login, LOGIN_LIMIT),
        (&subjects.address, ADDRESS_LIMIT),
    ] {
        // The latest failure that completed `limit` failures within the window before it
        // started a lock of WINDOW_SECONDS; attempts while locked are not counted.
        let row: Option<Locked> = db
            .prepare(
                "SELECT MAX(f.at) + ?3 AS until FROM staff_sign_in_failures f \
                 WHERE f.subject = ?1 AND f.at > ?2 - ?3 \
                 AND (SELECT COUNT(*) FROM staff_sign_in_failures g WHERE g.subject = ?1 \
                      AND g.at > f.at - ?3 AND g.at <= f.at) >= ?4",
            )
            .bind(&[
                subject.as_str().into(),
                (now as f64).into(),
                (WINDOW_SECONDS as f64).into(),
                f64::from(limit).into(),
            ])?
            .first(None)
            .await?;
        if let Some(end) = row.and_then(|r| r.until).filter(|end| *end > now) {
            until = Some(until.map_or(end, |u: i64| u.max(end)));
        }
    }
    match until {
        Some(end) => Err(ApiError::TooManyAttempts {
            retry_after: (end - now).max(1) as u64,
        }),
        None => Ok(()),
    }
}

/// Counts a failure against the login and the address.
pub async fn record(db: &D1Database, subjects: &Subjects, now: i64) -> Result<(), ApiError> {
    let insert = |subject: &str| {
        db.prepare("INSERT INTO staff_sign_in_failures (subject, at) VALUES (?1, ?2)")
            .bind(&[subject.into(), (now as f64).into()])
    };
    db.batch(vec![insert(&subjects.login)?, insert(&subjects.address)?])
        .await?;
    Ok(())
}

/// After a success the login's count starts again (the address's does not).
pub fn clear_login(db: &D1Database, subjects: &Subjects) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare("DELETE FROM staff_sign_in_failures WHERE subject = ?1")
        .bind(&[subjects.login.as_str().into()])?)
}

pub async fn forget_past(env: &Env, now: i64) -> Result<(), ApiError> {
    env.d1("DB")?
        .prepare("DELETE FROM staff_sign_in_failures WHERE at <= ?1")
        .bind(&[((now - WINDOW_SECONDS) as f64).into()])?
        .run()
        .await?;
    Ok(())
}
