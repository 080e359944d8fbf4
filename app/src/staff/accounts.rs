//! Accounts (admin): the staff of the offices in scope, a new account for one of them with
//! its roles (its initial password shown once, here, to hand over), and disabling an
//! account after a confirmation (its sessions end).

use super::api::{self, StaffError};
use super::form::{error_text, looks_like_email, set_title, Alert, CopyButton, Field};
use super::layout::{ForRole, Waiting};
use super::offices;
use super::screen::Screen;
use super::session::{use_session, Session};
use crate::i18n::staff::{self as t, S};
use crate::lang::use_lang;
use ::api::staff::{Account, AccountBody, AccountStatus, NewAccount, Role, StaffMember};
use leptos::prelude::*;
use leptos::task::spawn_local;
use rules::{Office, OfficeId};

#[component]
pub fn AccountsPage() -> impl IntoView {
    let lang = use_lang();
    set_title(S::AccountsTitle);
    view! {
        <h1>{move || S::AccountsTitle.text(lang.get())}</h1>
        <ForRole screen=Screen::Accounts let:member>
            <Accounts member />
        </ForRole>
    }
}

#[component]
fn Accounts(member: StaffMember) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let list = RwSignal::new(None::<Result<Vec<Account>, StaffError>>);
    let load = move || {
        spawn_local(async move {
            let result = api::accounts().await.map(|l| l.accounts);
            match result {
                Err(e) if !session.keeps(&e) => {}
                r => list.set(Some(r)),
            }
        });
    };
    load();
    let directory = offices::directory();
    let own_id = member.id.clone();
    let root = member.office_id.clone();
    let scope = Signal::derive(move || {
        directory
            .get()
            .and_then(Result::ok)
            .map(|all| offices::below(&all, &root))
            .unwrap_or_default()
    });
    let created = RwSignal::new(None::<AccountBody>);
    let on_created = Callback::new(move |body: AccountBody| {
        list.update(|l| {
            if let Some(Ok(accounts)) = l {
                accounts.push(body.account.clone());
            }
        });
        created.set(Some(body));
    });

    view! {
        <p class="lead">{move || t(S::AccountsIntro)}</p>
        {move || match list.get() {
            None => view! { <Waiting /> }.into_any(),
            Some(Err(e)) => view! {
                <div class="status error" role="alert">
                    <p>{error_text(&e, lang.get())}</p>
                    <button type="button" on:click=move |_| load()>{move || t(S::Retry)}</button>
                </div>
            }
            .into_any(),
            Some(Ok(accounts)) => {
                view! { <AccountTable accounts list scope own_id=own_id.clone() /> }.into_any()
            }
        }}
        <Created created />
        <NewAccountForm scope on_created />
    }
}

#[component]
fn AccountTable(
    accounts: Vec<Account>,
    list: RwSignal<Option<Result<Vec<Account>, StaffError>>>,
    scope: Signal<Vec<Office>>,
    /// The admin's own account: not disabled from here (nobody locks themselves out).
    own_id: String,
) -> impl IntoView {
    let lang = use_lang();
    let t = move |s: S| s.text(lang.get());
    if accounts.is_empty() {
        return view! { <p>{move || t(S::NoAccounts)}</p> }.into_any();
    }
    let office_name = move |id: &OfficeId| offices::name_of(Some(&scope.get()), id, lang.get());
    view! {
        <table class="stacked accounts">
            <caption class="visually-hidden">{move || t(S::AccountsTitle)}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || t(S::Login)}</th>
                    <th scope="col">{move || t(S::Name)}</th>
                    <th scope="col">{move || t(S::Office)}</th>
                    <th scope="col">{move || t(S::Roles)}</th>
                    <th scope="col">{move || t(S::Status)}</th>
                    <th scope="col">{move || t(S::Authenticator)}</th>
                    <th scope="col">{move || t(S::Actions)}</th>
                </tr>
            </thead>
            <tbody>
                {accounts
                    .into_iter()
                    .map(|a| {
                        let office_id = a.office_id.clone();
                        let roles = a.roles.clone();
                        let status = a.status.clone();
                        let roles_text = move || {
                            roles
                                .iter()
                                .map(|r| t::role_name(r, lang.get()))
                                .collect::<Vec<_>>()
                                .join(", ")
                        };
                        view! {
                            <tr>
                                <th scope="row" data-label=move || t(S::Login)>{a.login.clone()}</th>
                                <td data-label=move || t(S::Name)>{a.name.clone()}</td>
                                <td data-label=move || t(S::Office)>{move || office_name(&office_id)}</td>
                                <td data-label=move || t(S::Roles)>{roles_text}</td>
                                <td data-label=move || t(S::Status)>{move || t::status_name(&status, lang.get())}</td>
                                <td data-label=move || t(S::Authenticator)>
                                    {move || t(if a.enrolled { S::EnrolledYes } else { S::EnrolledNo })}
                                </td>
                                <td data-label=move || t(S::Actions)>
                                    {(a.id != own_id).then(|| view! { <DisableButton account=a.clone() list /> })}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Disable, after a confirmation that says what it does; an account already disabled has
/// nothing to do.
#[component]
fn DisableButton(
    account: Account,
    list: RwSignal<Option<Result<Vec<Account>, StaffError>>>,
) -> impl IntoView {
    let lang = use_lang();
    let session: Session = use_session();
    let t = move |s: S| s.text(lang.get());
    if account.status.known() != Some(&AccountStatus::Active) {
        return ().into_any();
    }
    let confirming = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let alert = RwSignal::new(None::<String>);
    let login = account.login.clone();
    let id = account.id.clone();
    let confirm = move |_| {
        let id = id.clone();
        busy.set(true);
        spawn_local(async move {
            let result = api::disable_account(&id).await;
            busy.set(false);
            match result {
                Ok(body) => {
                    confirming.set(false);
                    list.update(|l| {
                        if let Some(Ok(accounts)) = l {
                            for a in accounts.iter_mut().filter(|a| a.id == body.account.id) {
                                *a = body.account.clone();
                            }
                        }
                    });
                }
                Err(e) if session.keeps(&e) => {
                    alert.set(Some(error_text(&e, lang.get_untracked())))
                }
                Err(_) => {}
            }
        });
    };
    let label = login.clone();
    view! {
        {move || {
            if confirming.get() {
                let login = login.clone();
                let confirm = confirm.clone();
                view! {
                    <div class="confirm" role="group">
                        <p>{move || t::confirm_disable(&login, lang.get())}</p>
                        <div class="actions">
                            <button type="button" class="danger" on:click=confirm disabled=move || busy.get()>
                                {move || t(S::ConfirmDisableButton)}
                            </button>
                            <button type="button" class="secondary" on:click=move |_| confirming.set(false)>
                                {move || t(S::Cancel)}
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            } else {
                let label = label.clone();
                view! {
                    <button
                        type="button"
                        class="secondary"
                        aria-label=move || t::disable_label(&label, lang.get())
                        on:click=move |_| confirming.set(true)
                    >
                        {move || t(S::Disable)}
                    </button>
                }
                .into_any()
            }
        }}
        <Alert message=alert />
    }
    .into_any()
}

/// The initial password of the account just created: shown once, with a copy button and
/// the warning; hidden when the admin says it has been handed over.
#[component]
fn Created(created: RwSignal<Option<AccountBody>>) -> impl IntoView {
    let lang = use_lang();
    let t = move |s: S| s.text(lang.get());
    move || {
        created.get().map(|body| {
            let login = body.account.login.clone();
            let password = body.initial_password.clone().unwrap_or_default();
            // Shown where the admin is not: it takes the focus (and is read out).
            let section = NodeRef::<leptos::html::Section>::new();
            Effect::new(move |_| {
                if let Some(s) = section.get() {
                    let _ = s.focus();
                }
            });
            view! {
                <section node_ref=section class="notice created" aria-labelledby="created-title" tabindex="-1">
                    <h2 id="created-title">{move || t::account_created(&login, lang.get())}</h2>
                    <p class="notice-title">{move || t(S::InitialPasswordTitle)}</p>
                    <p><code class="initial-password">{password.clone()}</code></p>
                    <CopyButton value=password what=S::InitialPasswordTitle />
                    <p class="warning">{move || t(S::InitialPasswordWarning)}</p>
                    <button type="button" class="secondary" on:click=move |_| created.set(None)>
                        {move || t(S::HidePassword)}
                    </button>
                </section>
            }
        })
    }
}

#[component]
fn NewAccountForm(scope: Signal<Vec<Office>>, on_created: Callback<AccountBody>) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let login = RwSignal::new(String::new());
    let login_error = RwSignal::new(None::<S>);
    let name = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<S>);
    let office = RwSignal::new(String::new());
    let office_error = RwSignal::new(None::<S>);
    let roles = RwSignal::new(Vec::<Role>::new());
    let roles_error = RwSignal::new(None::<S>);
    let alert = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = login.get_untracked().trim().to_owned();
        login_error.set(if l.is_empty() {
            Some(S::Required)
        } else {
            (!looks_like_email(&l)).then_some(S::EmailInvalid)
        });
        let n = name.get_untracked().trim().to_owned();
        name_error.set(n.is_empty().then_some(S::Required));
        let o = OfficeId::parse(&office.get_untracked()).ok();
        office_error.set(o.is_none().then_some(S::Required));
        let r = roles.get_untracked();
        roles_error.set(r.is_empty().then_some(S::NoRole));
        let (Some(o), None, None, None) = (
            o,
            login_error.get_untracked(),
            name_error.get_untracked(),
            roles_error.get_untracked(),
        ) else {
            return;
        };
        busy.set(true);
        alert.set(None);
        spawn_local(async move {
            let result = api::create_account(NewAccount {
                login: l,
                name: n,
                office_id: o,
                roles: r,
            })
            .await;
            busy.set(false);
            match result {
                Ok(body) => {
                    login.set(String::new());
                    name.set(String::new());
                    roles.set(Vec::new());
                    on_created.run(body);
                }
                Err(e) if session.keeps(&e) => {
                    alert.set(Some(error_text(&e, lang.get_untracked())))
                }
                Err(_) => {}
            }
        });
    };

    view! {
        <h2>{move || t(S::NewAccountTitle)}</h2>
        <form class="console-form" novalidate on:submit=submit>
            <Field id="new-login" label=S::Login value=login error=login_error kind="email" autocomplete="off" />
            <Field id="new-name" label=S::Name value=name error=name_error autocomplete="off" />
            <div class="field" class:has-error=move || office_error.get().is_some()>
                <label for="new-office">{move || t(S::Office)}</label>
                <select
                    id="new-office"
                    on:change=move |ev| {
                        office.set(event_target_value(&ev));
                        office_error.set(None);
                    }
                    aria-invalid=move || office_error.get().map(|_| "true")
                    aria-describedby=move || office_error.get().map(|_| "new-office-error")
                >
                    <option value="" selected=move || office.get().is_empty()>{move || t(S::Choose)}</option>
                    {move || {
                        scope
                            .get()
                            .into_iter()
                            .map(|o| {
                                let id = o.id.to_string();
                                let selected = {
                                    let id = id.clone();
                                    move || office.get() == id
                                };
                                view! {
                                    <option value=id selected=selected>{o.name.get(lang.get()).to_owned()}</option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                {move || office_error.get().map(|e| view! { <p class="field-error" id="new-office-error">{e.text(lang.get())}</p> })}
            </div>
            <fieldset
                class="group"
                aria-describedby=move || roles_error.get().map(|_| "new-roles-error")
            >
                <legend>{move || t(S::RolesLegend)}</legend>
                {Role::ALL
                    .into_iter()
                    .map(|role| {
                        let id = format!("role-{}", role.as_str());
                        view! {
                            <div class="choice">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    prop:checked=move || roles.get().contains(&role)
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        roles.update(|r| {
                                            r.retain(|x| *x != role);
                                            if on {
                                                r.push(role);
                                                r.sort();
                                            }
                                        });
                                        roles_error.set(None);
                                    }
                                />
                                <label for=id>{move || t::role_name(&role.into(), lang.get())}</label>
                            </div>
                        }
                    })
                    .collect_view()}
                {move || roles_error.get().map(|e| view! { <p class="field-error" id="new-roles-error">{e.text(lang.get())}</p> })}
            </fieldset>
            <Alert message=alert />
            <div class="actions">
                <button type="submit" disabled=move || busy.get()>
                    {move || if busy.get() { t(S::Sending) } else { t(S::Create) }}
                </button>
            </div>
        </form>
    }
}
