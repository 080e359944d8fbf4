//! The language of the interface. The URL's `?lang=` is the truth (so links and reloads keep
//! it); without one, the remembered choice, then the browser's languages, then Kazakh.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use rules::Lang;

const STORAGE_KEY: &str = "qabyldau.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language this device chose last, if any.
pub fn remembered() -> Option<Lang> {
    storage()?.get_item(STORAGE_KEY).ok()??.parse().ok()
}

/// Remembers the language on this device, for a later visit without `?lang=`.
pub fn remember(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(STORAGE_KEY, lang.code());
    }
}

fn from_browser() -> Option<Lang> {
    let nav = window().navigator();
    nav.languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .find_map(|tag| Lang::from_tag(&tag))
}

/// A path with the language in its query, for links that keep the language.
pub fn href(lang: Lang, path: &str) -> String {
    format!("{path}?lang={}", lang.code())
}

/// Provides the current language as context and keeps URL, `<html lang>` and the remembered
/// choice in step with it.
pub fn provide() -> Signal<Lang> {
    let query = use_query_map();
    let fallback = remembered().or_else(from_browser).unwrap_or_default();
    let lang = Signal::derive(move || {
        query
            .read()
            .get("lang")
            .and_then(|l| l.parse().ok())
            .unwrap_or(fallback)
    });

    // A URL without a valid ?lang= gets one, replacing the history entry.
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let valid = query
            .read()
            .get("lang")
            .is_some_and(|l| l.parse::<Lang>().is_ok());
        if !valid {
            let path = location.pathname.get();
            navigate(
                &href(lang.get_untracked(), &path),
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    });

    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.code());
        }
        remember(lang);
    });

    provide_context(lang);
    lang
}

pub fn use_lang() -> Signal<Lang> {
    expect_context::<Signal<Lang>>()
}
