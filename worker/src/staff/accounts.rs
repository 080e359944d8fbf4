//! `GET/POST /api/v1/staff/accounts`, `POST /api/v1/staff/accounts/{id}/disable` (admin):
//! the accounts of the offices in scope. A new account gets a random initial password,
//! answered once, and a TOTP secret sealed with the Worker secret; disabling ends its
//! sessions. An office or account outside the scope is `404`.

use super::audit::{self, Entry};
use super::keys;
use super::scope::Scope;
use super::session::{self, Staff};
use crate::error::ApiError;
use crate::{body, clock, http};
use api::staff::{Account, AccountBody, AccountList, AccountStatus, NewAccount, Role};
use api::{ErrorCode, Lenient};
use rules::OfficeId;
use serde::Deserialize;
use time::OffsetDateTime;
use worker::{D1Database, Env, Request, Response};

#[derive(Deserialize)]
struct Row {
    id: String,
    login: String,
    name: String,
    office_id: String,
    status: String,
    enrolled: u8,
    created_at: String,
    roles: Option<String>,
}

const COLUMNS: &str = "a.id, a.login, a.name, a.office_id, a.status, \
    (a.totp_enrolled_at IS NOT NULL) AS enrolled, a.created_at, \
    (SELECT group_concat(r.role) FROM staff_roles r WHERE r.account_id = a.id) AS roles";

/// A stored time: RFC 3339, or SQLite's `YYYY-MM-DD HH:MM:SS` in UTC.
fn stored_time(s: &str) -> Option<OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    OffsetDateTime::parse(s, &Rfc3339).ok().or_else(|| {
        let format =
            time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
        time::PrimitiveDateTime::parse(s, format)
            .ok()
            .map(|t| t.assume_utc())
    })
}

impl Row {
    fn account(self) -> Result<Account, ApiError> {
        let broken = |what: &str| ApiError::Unexpected(format!("staff_accounts.{what} malformed"));
        Ok(Account {
            office_id: OfficeId::parse(&self.office_id).map_err(|_| broken("office_id"))?,
            roles: session::roles_of(self.roles.as_deref())
                .into_iter()
                .map(Lenient::from)
                .collect(),
            status: Lenient::from(if self.status == "active" {
                AccountStatus::Active
            } else {
                AccountStatus::Disabled
            }),
            enrolled: self.enrolled == 1,
            created_at: stored_time(&self.created_at).ok_or_else(|| broken("created_at"))?,
            id: self.id,
            login: self.login,
            name: self.name,
        })
    }
}

fn admin(staff: &Staff) -> Result<Scope<'_>, ApiError> {
    if staff.has(Role::Admin) {
        Ok(Scope::of(staff, Role::Admin))
    } else {
        Err(ApiError::Forbidden)
    }
}

pub async fn list(req: &Request, env: &Env) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = admin(&staff)?;
    let db = env.d1("DB")?;
    let select = db
        .prepare(format!(
            "{}SELECT {COLUMNS} FROM staff_accounts a \
             WHERE a.office_id IN (SELECT id FROM scope) ORDER BY a.office_id, a.login",
            scope.cte(1)
        ))
        .bind(&[scope.office.into()])?;
    // Staff names and logins are personal data: the read is recorded with it.
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: staff.office_id.as_str(),
        action: "account_list",
        object: None,
    };
    let results = audit::commit(&db, vec![select], &entry).await?;
    let rows: Vec<Row> = match results.first() {
        Some(result) => result.results()?,
        None => return Err(ApiError::Unexpected("D1 batch gave fewer results".into())),
    };
    let accounts = rows
        .into_iter()
        .map(Row::account)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(http::json(200, &AccountList { accounts }))
}

/// The office, if it is in the scope.
async fn office_in_scope(
    db: &D1Database,
    scope: &Scope<'_>,
    office: &str,
) -> Result<bool, ApiError> {
    #[derive(Deserialize)]
    struct Found {
        #[allow(dead_code)]
        id: String,
    }
    let found: Option<Found> = db
        .prepare(format!(
            "{}SELECT id FROM scope WHERE id = ?2",
            scope.cte(1)
        ))
        .bind(&[scope.office.into(), office.into()])?
        .first(None)
        .await?;
    Ok(found.is_some())
}

fn invalid(code: ErrorCode, field: &str) -> ApiError {
    ApiError::Invalid {
        code,
        field: field.into(),
    }
}

pub async fn create(req: &mut Request, env: &Env) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = admin(&staff)?;
    let input: NewAccount = body::json(req).await?;
    let login = access::normalise_login(&input.login)
        .ok_or_else(|| invalid(ErrorCode::Invalid, "login"))?;
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
        return Err(invalid(ErrorCode::Invalid, "name"));
    }
    let mut roles = input.roles.clone();
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        return Err(invalid(ErrorCode::Required, "roles"));
    }
    let db = env.d1("DB")?;
    if !office_in_scope(&db, &scope, input.office_id.as_str()).await? {
        return Err(ApiError::NotFound {
            field: Some("office_id"),
        });
    }
    let key = keys::sealing_key(env)?;
    let id = access::new_account_id();
    let password = access::password::generate();
    let secret = access::totp::Secret::generate();
    let sealed = access::sealed::seal(&key, secret.as_bytes(), &id);
    let now = audit::timestamp(clock::now());
    let mut statements = vec![db
        .prepare(
            "INSERT INTO staff_accounts (id, login, name, office_id, status, password_hash, \
             totp_secret_sealed, created_at, password_changed_at) \
             VALUES (?1, ?2, ?3, ?4, 'active', ?5, ?6, ?7, ?7)",
        )
        .bind(&[
            id.as_str().into(),
            login.as_str().into(),
            name.into(),
            input.office_id.as_str().into(),
            access::password::hash(&password).into(),
            sealed.into(),
            now.as_str().into(),
        ])?];
    for role in &roles {
        statements.push(
            db.prepare("INSERT INTO staff_roles (account_id, role) VALUES (?1, ?2)")
                .bind(&[id.as_str().into(), role.as_str().into()])?,
        );
    }
    statements.push(
        db.prepare(format!(
            "SELECT {COLUMNS} FROM staff_accounts a WHERE a.id = ?1"
        ))
        .bind(&[id.as_str().into()])?,
    );
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: input.office_id.as_str(),
        action: "account_create",
        object: Some(format!("account:{id}")),
    };
    let results = match audit::commit(&db, statements, &entry).await {
        Ok(results) => results,
        Err(e) if e.to_string().contains("staff_accounts.login") => {
            return Err(ApiError::Conflict {
                code: ErrorCode::LoginTaken,
                field: Some("login"),
                clause: None,
            })
        }
        Err(e) => return Err(e.into()),
    };
    let account = read_back(&results)?;
    Ok(http::json(
        201,
        &AccountBody {
            account,
            initial_password: Some(password),
        },
    ))
}

fn read_back(results: &[worker::D1Result]) -> Result<Account, ApiError> {
    let row: Option<Row> = match results.last() {
        Some(result) => result.results()?.into_iter().next(),
        None => None,
    };
    row.ok_or_else(|| ApiError::Unexpected("the account written is not there".into()))?
        .account()
}

pub async fn disable(req: &Request, env: &Env, id: &str) -> Result<Response, ApiError> {
    let staff = session::require(req, env).await?;
    let scope = admin(&staff)?;
    if !access::is_account_id(id) {
        return Err(ApiError::NotFound { field: Some("id") });
    }
    let db = env.d1("DB")?;
    let in_scope = |sql: &str| {
        db.prepare(format!("{}{sql}", scope.cte(1)))
            .bind(&[scope.office.into(), id.into()])
    };
    #[derive(Deserialize)]
    struct Found {
        office_id: String,
    }
    let found: Option<Found> = in_scope(
        "SELECT office_id FROM staff_accounts WHERE id = ?2 \
         AND office_id IN (SELECT id FROM scope)",
    )?
    .first(None)
    .await?;
    let found = found.ok_or(ApiError::NotFound { field: Some("id") })?;
    let entry = Entry {
        actor: (&staff.id, &staff.name),
        office_id: &found.office_id,
        action: "account_disable",
        object: Some(format!("account:{id}")),
    };
    let results = audit::commit(
        &db,
        vec![
            in_scope(
                "UPDATE staff_accounts SET status = 'disabled' WHERE id = ?2 \
                 AND office_id IN (SELECT id FROM scope)",
            )?,
            session::end_all(&db, id)?,
            in_scope(&format!(
                "SELECT {COLUMNS} FROM staff_accounts a WHERE a.id = ?2 \
                 AND a.office_id IN (SELECT id FROM scope)"
            ))?,
        ],
        &entry,
    )
    .await?;
    Ok(http::json(
        200,
        &AccountBody {
            account: read_back(&results)?,
            initial_password: None,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::stored_time;

    #[test]
    fn stored_times_read_in_both_forms() {
        assert!(stored_time("2026-11-27T10:04:05.007Z").is_some());
        assert!(stored_time("2026-11-27T10:04:05Z").is_some());
        assert!(stored_time("2026-11-27 10:04:05").is_some());
        assert!(stored_time("27.11.2026").is_none());
    }
}
