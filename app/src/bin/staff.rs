//! The `staff` bundle: the staff console under `/staff/…` (sign-in, enrolment, the person's
//! account, accounts, the audit trail of R39-5). Never loaded by a public page.

use app::staff::account::{AccountPage, HomePage};
use app::staff::accounts::AccountsPage;
use app::staff::admin::{DatesPage, OfficeSettingsPage, SchedulesPage};
use app::staff::audit::AuditPage;
use app::staff::enrolment::EnrolmentPage;
use app::staff::entry::EntryPage;
use app::staff::layout::Console;
use app::staff::lists::ListsPage;
use app::staff::reception::ReceptionPage;
use app::staff::requests::RequestsPage;
use app::staff::sign_in::SignInPage;
use app::staff::NotFoundPage;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Console>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("/staff") view=HomePage />
                        <Route path=path!("/staff/sign-in") view=SignInPage />
                        <Route path=path!("/staff/enrolment") view=EnrolmentPage />
                        <Route path=path!("/staff/account") view=AccountPage />
                        <Route path=path!("/staff/accounts") view=AccountsPage />
                        <Route path=path!("/staff/audit") view=AuditPage />
                        <Route path=path!("/staff/lists") view=ListsPage />
                        <Route path=path!("/staff/requests") view=RequestsPage />
                        <Route path=path!("/staff/entry") view=EntryPage />
                        <Route path=path!("/staff/schedules") view=SchedulesPage />
                        <Route path=path!("/staff/dates") view=DatesPage />
                        <Route path=path!("/staff/office") view=OfficeSettingsPage />
                        <Route path=path!("/staff/reception") view=ReceptionPage />
                    </Routes>
                </Console>
            </Router>
        }
    });
}
