//! A request from another channel (R3.a: egov.kz, paper, the call centre; registrar): the
//! online form's fields as the person gave them, the channel, a third party's authority
//! (R3.b) and the questionnaire's answers for the chosen official's kind; the Worker checks
//! it exactly as online, and records a request without the substance of the matter as
//! `returned` (R3.c). The manage link to hand to the person is shown once, with a copy
//! button; the console keeps nothing of the form once it is entered.

use super::api;
use super::booking_form::{kind_of, BookingFields, BookingFieldsets, ShownOnce};
use super::form::{refused_text, set_title};
use super::layout::{ForRole, Waiting};
use super::screen::Screen;
use super::session::use_session;
use crate::api as public_api;
use crate::i18n::staff::S;
use crate::lang::use_lang;
use ::api::desk::{ChannelBookingInput, EnteredBooking, EnteredChannel};
use ::api::staff::StaffMember;
use ::api::Lenient;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rules::booking::BookingStatus;

#[component]
pub fn EntryPage() -> impl IntoView {
    let lang = use_lang();
    set_title(S::EntryTitle);
    view! {
        <h1>{move || S::EntryTitle.text(lang.get())}</h1>
        <ForRole screen=Screen::Entry let:member>
            <Entry member />
        </ForRole>
    }
}

/// The body: the online form's, with the channel it came by.
fn channel_input(channel: &str, request: ::api::bookings::BookingInput) -> ChannelBookingInput {
    let channel = match channel {
        "egov" => EnteredChannel::Egov,
        "call_centre" => EnteredChannel::CallCentre,
        _ => EnteredChannel::Paper,
    };
    ChannelBookingInput { channel, request }
}

#[component]
fn Entry(member: StaffMember) -> impl IntoView {
    let lang = use_lang();
    let session = use_session();
    let t = move |s: S| s.text(lang.get());
    let office = member.office_id.to_string();
    let schedule = LocalResource::new(move || public_api::schedule(office.clone()));
    let f = BookingFields::new();
    let channel = RwSignal::new("paper".to_owned());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let entered = RwSignal::new(None::<EnteredBooking>);
    // One key per form: a retry of the same form (a lost answer) books once.
    let key = RwSignal::new(None::<String>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if f.lacks_required() {
            error.set(Some(S::Required.text(lang.get_untracked()).to_owned()));
            return;
        }
        let kind = schedule
            .get_untracked()
            .and_then(|s| s.ok())
            .and_then(|s| kind_of(&s, &f.reception.get_untracked()));
        let input = channel_input(&channel.get_untracked(), f.request(kind));
        let k = key
            .get_untracked()
            .unwrap_or_else(crate::booking_api::new_key);
        key.set(Some(k.clone()));
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let answer = api::enter_booking(&k, &input).await;
            busy.set(false);
            match answer {
                Ok(b) => {
                    key.set(None);
                    entered.set(Some(b));
                }
                Err((e, _)) if !session.keeps(&e) => {}
                Err(r) => error.set(Some(refused_text(&r, lang.get_untracked()))),
            }
        });
    };

    let form = move |schedule: public_api::Schedule| {
        view! {
            <form class="console-form entry" novalidate on:submit=submit>
                <BookingFieldsets prefix="entry" f schedule channel />
                <div role="alert">
                    {move || error.get().map(|e| view! { <p class="status error">{e}</p> })}
                </div>
                <div class="actions">
                    <button type="submit" disabled=move || busy.get()>{move || t(S::EnterButton)}</button>
                </div>
            </form>
        }
    };

    view! {
        <p class="lead">{move || t(S::EntryIntro)}</p>
        {move || match (entered.get(), schedule.get()) {
            (Some(b), _) => view! { <Entered booking=b done=Callback::new(move |_| { f.clear(); entered.set(None); }) /> }.into_any(),
            (None, None) => view! { <Waiting /> }.into_any(),
            (None, Some(Err(_))) => {
                view! { <p class="status error" role="alert">{t(S::ErrNetwork)}</p> }.into_any()
            }
            (None, Some(Ok(s))) => form(s).into_any(),
        }}
    }
}

/// The outcome, and the manage link shown once.
#[component]
fn Entered(booking: EnteredBooking, done: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let returned = matches!(
        booking.booking.status,
        Lenient::Known(BookingStatus::Returned)
    );
    let outcome = if returned {
        S::EnteredReturned
    } else {
        S::EnteredRequested
    };
    view! {
        <ShownOnce
            class="entered"
            code=booking.booking.code.clone()
            status=booking.booking.status.clone()
            manage_path=booking.manage_path.clone()
            said=Signal::derive(move || outcome.text(lang.get()).to_owned())
            failed=returned
            done_label=Signal::derive(move || S::EnterAnother.text(lang.get()).to_owned())
            done
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ::api::bookings::BookingInput;

    /// R3.a: the online form's body, flat, with the channel it came by.
    #[test]
    fn r3a_the_entered_body_is_the_online_one_with_its_channel() {
        let f = BookingFields::new();
        f.reception.set("ulytau-region-head-weekly-20261207".into());
        let request: BookingInput = f.request(None);
        let input = channel_input("call_centre", request);
        assert_eq!(input.channel, EnteredChannel::CallCentre);
        let json = serde_json::to_value(&input).unwrap();
        assert_eq!(json["channel"], "call_centre");
        assert_eq!(json["reception_id"], "ulytau-region-head-weekly-20261207");
        assert_eq!(
            channel_input("egov", f.request(None)).channel,
            EnteredChannel::Egov
        );
        assert_eq!(
            channel_input("?", f.request(None)).channel,
            EnteredChannel::Paper
        );
    }
}
