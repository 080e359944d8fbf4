//! The console's screens, where they live and who sees them. The navigation lists the screens
//! a person's roles open; the screens of registration work (requests, lists, the queue: R3.a,
//! R15, R30, R39-1) join this list with the roles that open them.

use crate::i18n::staff::S;
use ::api::staff::{Role, StaffMember};

/// Every console path starts here; the Worker answers them with the console's HTML.
pub const PREFIX: &str = "/staff";
pub const SIGN_IN: &str = "/staff/sign-in";
pub const ENROLMENT: &str = "/staff/enrolment";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Account,
    Accounts,
    Audit,
    Requests,
    Entry,
    Lists,
    Schedules,
    Dates,
    Office,
    Reception,
}

impl Screen {
    /// In the navigation's order.
    pub const ALL: [Screen; 11] = [
        Screen::Home,
        Screen::Reception,
        Screen::Requests,
        Screen::Entry,
        Screen::Lists,
        Screen::Schedules,
        Screen::Dates,
        Screen::Office,
        Screen::Account,
        Screen::Accounts,
        Screen::Audit,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Screen::Home => "/staff",
            Screen::Account => "/staff/account",
            Screen::Accounts => "/staff/accounts",
            Screen::Audit => "/staff/audit",
            Screen::Lists => "/staff/lists",
            Screen::Requests => "/staff/requests",
            Screen::Entry => "/staff/entry",
            Screen::Schedules => "/staff/schedules",
            Screen::Dates => "/staff/dates",
            Screen::Office => "/staff/office",
            Screen::Reception => "/staff/reception",
        }
    }

    pub fn label(self) -> S {
        match self {
            Screen::Home => S::NavHome,
            Screen::Account => S::NavAccount,
            Screen::Accounts => S::NavAccounts,
            Screen::Audit => S::NavAudit,
            Screen::Lists => S::NavLists,
            Screen::Requests => S::NavRequests,
            Screen::Entry => S::NavEntry,
            Screen::Schedules => S::NavSchedules,
            Screen::Dates => S::NavDates,
            Screen::Office => S::NavOffice,
            Screen::Reception => S::NavReception,
        }
    }

    /// The roles that open the screen (the Worker enforces the same: `403 forbidden`).
    pub fn open_to(self, member: &StaffMember) -> bool {
        match self {
            Screen::Home | Screen::Account => true,
            Screen::Accounts | Screen::Schedules | Screen::Dates | Screen::Office => {
                member.has(Role::Admin)
            }
            Screen::Audit => member.has(Role::Auditor) || member.has(Role::Admin),
            Screen::Lists | Screen::Requests | Screen::Entry => member.has(Role::Registrar),
            // R39-3, R39-6: the one who receives.
            Screen::Reception => member.has(Role::Receiver) || member.has(Role::Official),
        }
    }
}

/// Sign-in and enrolment are for those not signed in; every other path needs a session.
pub fn needs_session(path: &str) -> bool {
    !matches!(path.trim_end_matches('/'), SIGN_IN | ENROLMENT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::api::Lenient;
    use rules::OfficeId;

    fn member(roles: &[Role]) -> StaffMember {
        StaffMember {
            id: "st_0123456789abcdef".into(),
            name: "Т".into(),
            office_id: OfficeId::parse("ulytau-region").unwrap(),
            roles: roles.iter().copied().map(Lenient::from).collect(),
        }
    }

    #[test]
    fn screens_open_by_role() {
        let registrar = member(&[Role::Registrar]);
        assert!(Screen::Home.open_to(&registrar) && Screen::Account.open_to(&registrar));
        assert!(!Screen::Accounts.open_to(&registrar) && !Screen::Audit.open_to(&registrar));
        assert!(Screen::Lists.open_to(&registrar) && Screen::Requests.open_to(&registrar));
        let auditor = member(&[Role::Auditor]);
        assert!(Screen::Audit.open_to(&auditor) && !Screen::Accounts.open_to(&auditor));
        let admin = member(&[Role::Admin]);
        assert!(Screen::Audit.open_to(&admin) && Screen::Accounts.open_to(&admin));
        assert!(!Screen::Lists.open_to(&admin) && !Screen::Lists.open_to(&auditor));
        assert!(Screen::Entry.open_to(&registrar) && !Screen::Entry.open_to(&admin));
        assert!(Screen::Reception.open_to(&member(&[Role::Receiver])));
        assert!(Screen::Reception.open_to(&member(&[Role::Official])));
        assert!(!Screen::Reception.open_to(&registrar) && !Screen::Reception.open_to(&admin));
        for admin_only in [Screen::Schedules, Screen::Dates, Screen::Office] {
            assert!(admin_only.open_to(&admin), "{admin_only:?}");
            assert!(!admin_only.open_to(&registrar) && !admin_only.open_to(&auditor));
        }
    }

    #[test]
    fn only_sign_in_and_enrolment_go_without_a_session() {
        assert!(!needs_session("/staff/sign-in") && !needs_session("/staff/enrolment/"));
        assert!(needs_session("/staff") && needs_session("/staff/audit"));
        assert!(Screen::ALL.iter().all(|s| s.path().starts_with(PREFIX)));
    }
}
