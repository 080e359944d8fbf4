//! The staff side (`/api/v1/staff/…`): sign-in with two factors, the person signed in,
//! accounts, and the audit trail (R39-5). Every body here is for staff only: none is ever
//! sent to a public page, and every response carrying one is `Cache-Control: no-store`.
//!
//! Scope: a member of staff sees and acts on their own office only; `admin` and `auditor`
//! also on the offices below it (GPO → regional → district). Anything outside the scope is
//! `404 not_found`, exactly as if it did not exist.

use crate::Lenient;
use rules::OfficeId;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// What a member of staff may do; one person may hold several roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
// `Role` names the rule set's roles of questions in the document already.
#[cfg_attr(feature = "openapi", schema(as = StaffRole))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Accounts and office settings of their office and the offices below it.
    Admin,
    /// The responsible officer / the Centre (R3.a, R15, R30): requests, registration
    /// lists, bookings from other channels.
    Registrar,
    /// An authorised receiving prosecutor (R39-1…R39-8): the queue, outcomes.
    Receiver,
    /// A prosecutor who receives: their own receptions' lists and outcomes.
    Official,
    /// Reads the audit trail of their office and the offices below it.
    Auditor,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Registrar,
        Role::Receiver,
        Role::Official,
        Role::Auditor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Registrar => "registrar",
            Role::Receiver => "receiver",
            Role::Official => "official",
            Role::Auditor => "auditor",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether the role reaches the offices below one's own, not only one's own office.
    pub fn reaches_below(self) -> bool {
        matches!(self, Role::Admin | Role::Auditor)
    }
}

/// `POST /api/v1/staff/session`: password and the authenticator's current code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    /// The account's email address.
    pub login: String,
    pub password: String,
    /// RFC 6238: 6 digits, 30-second steps.
    pub code: String,
}

/// `POST /api/v1/staff/enrolment`: the first sign-in of an account whose authenticator is
/// not yet enrolled asks for its secret with the password. An account already enrolled, a
/// wrong password and an unknown login all answer the same `401 invalid_credentials`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EnrolmentRequest {
    pub login: String,
    pub password: String,
}

/// `200` of `POST /api/v1/staff/enrolment`: the TOTP secret to add to an authenticator
/// app; the enrolment is complete with the first sign-in that gives a code from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Enrolment {
    /// RFC 4648 base32, without padding, for typing into an app.
    pub secret: String,
    /// `otpauth://totp/Qabyldau:{login}?secret=…&issuer=Qabyldau&algorithm=SHA1&digits=6&period=30`.
    pub otpauth_uri: String,
    /// The URI as a QR code: a standalone SVG document.
    pub qr_svg: String,
}

/// The person signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMember {
    pub id: String,
    /// The display name.
    pub name: String,
    pub office_id: OfficeId,
    pub roles: Vec<Lenient<Role>>,
}

impl StaffMember {
    pub fn has(&self, role: Role) -> bool {
        self.roles.iter().any(|r| r.known() == Some(&role))
    }
}

/// `200` of `POST /api/v1/staff/session` (with the session cookie) and of
/// `GET /api/v1/staff/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffBody {
    pub staff: StaffMember,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    Active,
    /// Cannot sign in; its sessions were ended when it was disabled.
    Disabled,
}

/// An account as an admin sees it: never its password hash or TOTP secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    pub id: String,
    pub login: String,
    pub name: String,
    pub office_id: OfficeId,
    pub roles: Vec<Lenient<Role>>,
    pub status: Lenient<AccountStatus>,
    /// Whether the authenticator has been enrolled (a first code accepted).
    pub enrolled: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// `GET /api/v1/staff/accounts` (admin): the accounts of the offices in scope, by office
/// and login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountList {
    pub accounts: Vec<Account>,
}

/// `POST /api/v1/staff/accounts` (admin): a new account in an office in scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewAccount {
    /// An email address; unique among all accounts.
    pub login: String,
    pub name: String,
    pub office_id: OfficeId,
    /// At least one.
    pub roles: Vec<Role>,
}

/// `201` of `POST /api/v1/staff/accounts` and `200` of
/// `POST /api/v1/staff/accounts/{id}/disable`. `initial_password` only on creation, once:
/// random, at least 20 characters, to hand to the person, who enrols at first sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountBody {
    pub account: Account,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_password: Option<String>,
}

/// `POST /api/v1/staff/password`: ends every session of the account, this one included
/// (`204`); the person signs in again with the new password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: String,
    /// At least [`PasswordChange::MIN_LEN`] characters, not the current one.
    pub new_password: String,
}

impl PasswordChange {
    /// NIST SP 800-63B asks at least 8 for a chosen password; staff holding this data
    /// get 12 (`weak_password` below it).
    pub const MIN_LEN: usize = 12;
    /// Argon2 takes any length; a bound keeps one request's work bounded.
    pub const MAX_LEN: usize = 256;
}

/// One row of the audit trail (R39-5): who did what, when, in which office, to what.
/// `prev_hash` is the SHA-256 of the previous row (the chain `cargo xtask audit-verify`
/// checks); personal data never appear in a row, only the object's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub seq: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The account that acted; `null` for the command line (`cargo xtask staff add`) and
    /// the service itself (the cron).
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    /// The office the action concerns.
    pub office_id: Option<OfficeId>,
    /// `sign_in`, `sign_out`, `account_create`, `booking_read`, … (dotted or snake_case
    /// words; the console names the ones it knows and shows others as they are).
    pub action: String,
    /// The object acted on: `account:{id}`, `booking:{code}`, …
    pub object: Option<String>,
    /// Hex SHA-256 of the previous row; 64 zeros for the first.
    pub prev_hash: String,
}

/// `GET /api/v1/staff/audit?office=&from=&to=` (auditor, admin): the rows of the offices in
/// scope, oldest first; `from`/`to` are dates (`YYYY-MM-DD`, Asia/Almaty), `office` one
/// office in scope (default: all in scope).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
}
