//! The staff console (the `staff` bundle, src/bin/staff.rs, served for `/staff` and
//! `/staff/…`): sign-in with two factors, the first sign-in's enrolment of the
//! authenticator, the person's own account, accounts (admin) and the audit trail of R39-5
//! (auditor, admin). No public page loads it: the public bundles never link this module.

pub mod account;
pub mod accounts;
pub mod admin;
pub mod api;
pub mod audit;
pub mod booking_form;
pub mod enrolment;
pub mod entry;
pub mod form;
pub mod layout;
pub mod lists;
pub mod offices;
pub mod reception;
pub mod requests;
pub mod screen;
pub mod session;
pub mod sign_in;
pub mod transfer;

use crate::i18n::staff::S;
use crate::lang::{href, use_lang};
use leptos::prelude::*;

/// A console path no screen has.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_lang();
    form::set_title(S::NotFoundTitle);
    let t = move |s: S| s.text(lang.get());
    view! {
        <h1>{move || t(S::NotFoundTitle)}</h1>
        <p>{move || t(S::NotFoundText)}</p>
        <p>
            <a href=move || href(lang.get(), screen::PREFIX)>{move || t(S::NavHome)}</a>
        </p>
    }
}
