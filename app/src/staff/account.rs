//! The console's home (the screens the person's roles open) and the person's own account:
//! name, office, roles, and a password change, which ends every session of the account
//! (this one too): the person signs in again with the new password.

use super::api::{self, StaffError};
use super::form::{error_text, set_title, Alert, Field};
use super::layout::SignedIn;
use super::offices;
use super::screen::Screen;
use super::session::use_session;
use crate::i18n::staff::{self as t, S};
use crate::lang::{href, use_lang};
use ::api::staff::{PasswordChange, StaffMember};
use ::api::ErrorCode;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    set_title(S::NavHome);
    view! {
        <SignedIn let:member>
            <h1>{member.name.clone()}</h1>
            <p class="lead">{move || S::HomeIntro.text(lang.get())}</p>
            <ul class="screen-list">
                {Screen::ALL
                    .into_iter()
                    .filter(|s| *s != Screen::Home && s.open_to(&member))
                    .map(|s| {
                        view! {
                            <li>
                                <a href=move || href(lang.get(), s.path())>{move || s.label().text(lang.get())}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </SignedIn>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let lang = use_lang();
    set_title(S::AccountTitle);
    let directory = offices::directory();
    let t = move |s: S| s.text(lang.get());
    view! {
        <h1>{move || t(S::AccountTitle)}</h1>
        <SignedIn let:member>
            <Facts member=member directory=directory />
            <PasswordForm />
        </SignedIn>
    }
}

#[component]
fn Facts(
    member: StaffMember,
    directory: LocalResource<Result<Vec<rules::Office>, crate::api::FetchError>>,
) -> impl IntoView {
    let lang = use_lang();
    let t = move |s: S| s.text(lang.get());
    let office_id = member.office_id.clone();
    let office = move || {
        let list = directory.get().and_then(Result::ok);
        offices::name_of(list.as_deref(), &office_id, lang.get())
    };
    let roles = member.roles.clone();
    view! {
        <dl class="facts">
            <dt>{move || t(S::Name)}</dt>
            <dd>{member.name.clone()}</dd>
            <dt>{move || t(S::Office)}</dt>
            <dd>{office}</dd>
            <dt>{move || t(S::Roles)}</dt>
            <dd>
                <ul class="roles">
                    {roles
                        .into_iter()
                        .map(|r| view! { <li>{move || t::role_name(&r, lang.get())}</li> })
                        .collect_view()}
                </ul>
            </dd>
        </dl>
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let current = RwSignal::new(String::new());
    let current_error = RwSignal::new(None::<S>);
    let new = RwSignal::new(String::new());
    let new_error = RwSignal::new(None::<S>);
    let repeat = RwSignal::new(String::new());
    let repeat_error = RwSignal::new(None::<S>);
    let alert = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (c, n, r) = (
            current.get_untracked(),
            new.get_untracked(),
            repeat.get_untracked(),
        );
        current_error.set(c.is_empty().then_some(S::Required));
        new_error.set(n.is_empty().then_some(S::Required));
        repeat_error.set((n != r).then_some(S::PasswordsDiffer));
        if current_error.get_untracked().is_some()
            || new_error.get_untracked().is_some()
            || repeat_error.get_untracked().is_some()
        {
            return;
        }
        let len = n.chars().count();
        if !(PasswordChange::MIN_LEN..=PasswordChange::MAX_LEN).contains(&len) || n == c {
            alert.set(Some(t::weak_password(lang.get_untracked())));
            return;
        }
        busy.set(true);
        alert.set(None);
        spawn_local(async move {
            let result = api::change_password(PasswordChange {
                current_password: c,
                new_password: n,
            })
            .await;
            busy.set(false);
            match result {
                Ok(()) => session.end(S::PasswordChanged),
                // The current password wrong: the Worker says `invalid_credentials`.
                Err(StaffError::Api(ErrorCode::InvalidCredentials)) => alert.set(Some(
                    S::ErrCurrentPassword.text(lang.get_untracked()).to_owned(),
                )),
                Err(e) if session.keeps(&e) => {
                    alert.set(Some(error_text(&e, lang.get_untracked())))
                }
                Err(_) => {}
            }
        });
    };

    view! {
        <h2>{move || t(S::ChangePassword)}</h2>
        <form class="console-form" novalidate on:submit=submit>
            <Field id="current-password" label=S::CurrentPassword value=current error=current_error kind="password" autocomplete="current-password" />
            <Field
                id="new-password"
                label=S::NewPassword
                value=new
                error=new_error
                kind="password"
                autocomplete="new-password"
                hint=Signal::derive(move || t::password_rule(lang.get()))
            />
            <Field id="repeat-password" label=S::RepeatPassword value=repeat error=repeat_error kind="password" autocomplete="new-password" />
            <Alert message=alert />
            <div class="actions">
                <button type="submit" disabled=move || busy.get()>
                    {move || if busy.get() { t(S::Sending) } else { t(S::ChangePasswordButton) }}
                </button>
            </div>
        </form>
    }
}
