//! Sessions: a 256-bit random id in the cookie `__Host-qabyldau_staff` (`HttpOnly; Secure;
//! SameSite=Strict; Path=/`), of which D1 keeps only the SHA-256. A session lives while it
//! is used at least every 30 minutes (each use moves `last_seen_at`) and at most 12 hours
//! from sign-in; sign-out, a password change and disabling the account delete it.

use crate::error::ApiError;
use access::session::{SessionId, ABSOLUTE_SECONDS, COOKIE, IDLE_SECONDS};
use api::staff::{Role, StaffMember};
use api::Lenient;
use rules::OfficeId;
use serde::Deserialize;
use worker::{D1Database, D1PreparedStatement, Env, Request};

/// The person a live session belongs to.
pub struct Staff {
    pub id: String,
    pub name: String,
    pub office_id: OfficeId,
    pub roles: Vec<Role>,
    id_hash: String,
}

impl Staff {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn member(&self) -> StaffMember {
        member(&self.id, &self.name, &self.office_id, &self.roles)
    }

    /// The statement that ends this session.
    pub fn end(&self, db: &D1Database) -> Result<D1PreparedStatement, ApiError> {
        Ok(db
            .prepare("DELETE FROM staff_sessions WHERE id_hash = ?1")
            .bind(&[self.id_hash.as_str().into()])?)
    }
}

pub fn member(id: &str, name: &str, office_id: &OfficeId, roles: &[Role]) -> StaffMember {
    StaffMember {
        id: id.to_owned(),
        name: name.to_owned(),
        office_id: office_id.clone(),
        roles: roles.iter().copied().map(Lenient::from).collect(),
    }
}

/// Roles as `group_concat` gives them, in the contract's order; a word this build does not
/// know is no role at all.
pub fn roles_of(concatenated: Option<&str>) -> Vec<Role> {
    let held: Vec<Role> = concatenated
        .unwrap_or_default()
        .split(',')
        .filter_map(|r| Role::parse(r.trim()))
        .collect();
    Role::ALL.into_iter().filter(|r| held.contains(r)).collect()
}

/// `Set-Cookie` of a new session: exactly these attributes. No `Max-Age`: the cookie ends
/// with the browser, the session earlier on the server.
pub fn cookie(id: &SessionId) -> String {
    format!(
        "{COOKIE}={}; HttpOnly; Secure; SameSite=Strict; Path=/",
        id.as_str()
    )
}

/// `Set-Cookie` that removes the cookie.
pub fn cleared_cookie() -> String {
    format!("{COOKIE}=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0")
}

/// The session id of the request's cookie, if it has the exact shape of one.
fn cookie_session(cookie_header: &str) -> Option<SessionId> {
    cookie_header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| SessionId::parse(value.trim()))
}

/// Whether a session stored with these times is live at `now` (unix seconds).
pub fn is_live(now: i64, last_seen_at: i64, expires_at: i64) -> bool {
    now < expires_at && now < last_seen_at + IDLE_SECONDS
}

/// The statement that stores a new session.
pub fn insert(
    db: &D1Database,
    id: &SessionId,
    account_id: &str,
    now: i64,
) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare(
            "INSERT INTO staff_sessions (id_hash, account_id, created_at, last_seen_at, expires_at) \
             VALUES (?1, ?2, ?3, ?3, ?4)",
        )
        .bind(&[
            id.hash_hex().into(),
            account_id.into(),
            (now as f64).into(),
            ((now + ABSOLUTE_SECONDS) as f64).into(),
        ])?)
}

/// The statement that ends every session of an account.
pub fn end_all(db: &D1Database, account_id: &str) -> Result<D1PreparedStatement, ApiError> {
    Ok(db
        .prepare("DELETE FROM staff_sessions WHERE account_id = ?1")
        .bind(&[account_id.into()])?)
}

#[derive(Deserialize)]
struct Row {
    last_seen_at: i64,
    expires_at: i64,
    account_id: String,
    name: String,
    office_id: String,
    status: String,
    roles: Option<String>,
}

/// The person signed in, or `401 unauthenticated`; a live session's idle time starts again.
pub async fn require(req: &Request, env: &Env) -> Result<Staff, ApiError> {
    let header = req.headers().get("Cookie")?.unwrap_or_default();
    let id = cookie_session(&header).ok_or(ApiError::Unauthenticated)?;
    let id_hash = id.hash_hex();
    let db = env.d1("DB")?;
    let row: Option<Row> = db
        .prepare(
            "SELECT s.last_seen_at, s.expires_at, a.id AS account_id, a.name, a.office_id, \
             a.status, (SELECT group_concat(r.role) FROM staff_roles r \
             WHERE r.account_id = a.id) AS roles \
             FROM staff_sessions s JOIN staff_accounts a ON a.id = s.account_id \
             WHERE s.id_hash = ?1",
        )
        .bind(&[id_hash.as_str().into()])?
        .first(None)
        .await?;
    let row = row.ok_or(ApiError::Unauthenticated)?;
    let now = crate::clock::now().unix_timestamp();
    if row.status != "active" || !is_live(now, row.last_seen_at, row.expires_at) {
        db.prepare("DELETE FROM staff_sessions WHERE id_hash = ?1")
            .bind(&[id_hash.as_str().into()])?
            .run()
            .await?;
        return Err(ApiError::Unauthenticated);
    }
    db.prepare("UPDATE staff_sessions SET last_seen_at = ?2 WHERE id_hash = ?1")
        .bind(&[id_hash.as_str().into(), (now as f64).into()])?
        .run()
        .await?;
    let office_id = OfficeId::parse(&row.office_id)
        .map_err(|_| ApiError::Unexpected("staff_accounts.office_id malformed".into()))?;
    Ok(Staff {
        id: row.account_id,
        name: row.name,
        office_id,
        roles: roles_of(row.roles.as_deref()),
        id_hash,
    })
}

/// The cron's cleanup of sessions no request will find live again.
pub async fn forget_expired(env: &Env, now: i64) -> Result<(), ApiError> {
    env.d1("DB")?
        .prepare("DELETE FROM staff_sessions WHERE expires_at <= ?1 OR last_seen_at <= ?2")
        .bind(&[(now as f64).into(), ((now - IDLE_SECONDS) as f64).into()])?
        .run()
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The idle timeout (30 minutes since the last use) and the absolute one (12 hours since
    /// sign-in), to the second.
    #[test]
    fn sessions_end_after_30_idle_minutes_or_12_hours() {
        let signed_in = 1_000_000;
        let expires = signed_in + ABSOLUTE_SECONDS;
        assert!(is_live(signed_in, signed_in, expires));
        assert!(is_live(signed_in + 30 * 60 - 1, signed_in, expires));
        assert!(!is_live(signed_in + 30 * 60, signed_in, expires));
        // Used every 20 minutes: live until the 12 hours are over, not a second longer.
        let last_use = expires - 60;
        assert!(is_live(expires - 1, last_use, expires));
        assert!(!is_live(expires, last_use, expires));
        assert!(!is_live(expires + 5, expires, expires));
    }

    #[test]
    fn the_cookie_has_exactly_its_attributes() {
        let id = SessionId::generate();
        let cookie = cookie(&id);
        assert_eq!(
            cookie,
            format!(
                "__Host-qabyldau_staff={}; HttpOnly; Secure; SameSite=Strict; Path=/",
                id.as_str()
            )
        );
        assert!(cleared_cookie().starts_with("__Host-qabyldau_staff=;"));
    }

    #[test]
    fn the_session_is_read_from_its_own_cookie_only() {
        let id = SessionId::generate();
        let header = format!("a=b; {COOKIE}={}; c=d", id.as_str());
        assert_eq!(
            cookie_session(&header).map(|s| s.hash_hex()),
            Some(id.hash_hex())
        );
        assert!(cookie_session(&format!("x{COOKIE}={}", id.as_str())).is_none());
        assert!(cookie_session(&format!("{COOKIE}=short")).is_none());
        assert!(cookie_session("").is_none());
    }

    #[test]
    fn roles_read_in_the_contracts_order() {
        assert_eq!(
            roles_of(Some("auditor,admin,unknown")),
            vec![Role::Admin, Role::Auditor]
        );
        assert!(roles_of(None).is_empty());
    }
}
