//! `/bookings/mine`: the bookings kept on this device (their codes and manage tokens, kept
//! until the reception's day), each with its status fetched now and a link to its page.
//! Nothing about a booking leaves the device but the request for its own status.

use super::booking::details::status_text;
use crate::booking_api::{self, Booking};
use crate::components::schedule::hm;
use crate::i18n::long_date;
use crate::i18n::slip::S;
use crate::lang::{href, use_lang};
use crate::storage;
use leptos::prelude::*;

/// The path of this page.
pub const PATH: &str = "/bookings/mine";

#[component]
pub fn MyBookingsPage() -> impl IntoView {
    let lang = use_lang();
    Effect::new(move |_| super::set_title(S::MyBookings.text(lang.get())));
    let kept = storage::kept_bookings();
    let list = if kept.is_empty() {
        view! { <p class="muted my-bookings-empty">{move || S::MyBookingsEmpty.text(lang.get())}</p> }
            .into_any()
    } else {
        view! {
            <ul class="my-bookings">
                {kept
                    .into_iter()
                    .map(|(code, token)| view! { <KeptBooking code token /> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <h1>{move || S::MyBookings.text(lang.get())}</h1>
        <p>{move || S::MyBookingsIntro.text(lang.get())}</p>
        {list}
    }
}

#[component]
fn KeptBooking(code: String, token: String) -> impl IntoView {
    let lang = use_lang();
    let booking = {
        let (code, token) = (code.clone(), token.clone());
        LocalResource::new(move || {
            let (code, token) = (code.clone(), token.clone());
            async move { booking_api::get(&code, &token).await }
        })
    };
    let path = format!("/bookings/{code}");
    let details = move || {
        let lang = lang.get();
        match booking.get() {
            None => view! { <p class="muted">{S::StatusLoading.text(lang)}</p> }.into_any(),
            Some(Ok(b)) => summary(&b, lang).into_any(),
            Some(Err(_)) => {
                view! { <p class="muted">{S::StatusUnavailable.text(lang)}</p> }.into_any()
            }
        }
    };
    view! {
        <li class="kept-booking">
            <h2 class="kept-code">
                <a href=move || href(lang.get(), &path) rel="external">
                    <span class="visually-hidden">{move || S::OpenBooking.text(lang.get())}" "</span>
                    {code.clone()}
                </a>
            </h2>
            {details}
        </li>
    }
}

fn summary(b: &Booking, lang: rules::Lang) -> impl IntoView {
    let r = &b.reception.reception;
    view! {
        <p class="kept-when">{long_date(r.date, lang)}", "{hm(r.start)}"–"{hm(r.end)}</p>
        <p class="booking-status" data-status=b.status.known().map(|s| s.code())>{status_text(b, lang)}</p>
    }
}
