//! The kit of the pages written without Leptos (the office page, src/office_page.rs, and
//! the other bundles that need no framework): the language settled from the URL, the shell
//! (header with the language switch, `<main>`, footer) as HTML text, escaping, the title, a
//! GET of the API that notes the service worker's stored copy, the loading / failure /
//! "not found" blocks, and one click listener on `<main>` that outlives every rendering.
//!
//! The markup is that of the Leptos components it stands for (src/shell.rs,
//! src/components/status.rs, src/pages/not_found.rs), so one stylesheet and one set of e2e
//! checks serve both.

use crate::api::FetchError;
use crate::i18n::slip::S;
use crate::i18n::{endonym, Msg};
use crate::lang::{href, remember, remembered};
use rules::Lang;
use std::fmt::Write;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The page's root, as in the Leptos bundles.
pub const ROOT: &str = "app";

/// This page's path if `bundle` owns it. A path of another bundle that reached this one
/// (the safety net of links across bundles) is loaded again, and the server gives the
/// bundle that owns it: `None`.
pub fn owned_path(bundle: crate::shell::Bundle) -> Option<String> {
    let location = web_sys::window()?.location();
    let path = location.pathname().unwrap_or_default();
    if crate::shell::Bundle::owning(&path) != bundle {
        let _ = location.reload();
        return None;
    }
    Some(path)
}

/// Settles the language, writes the shell into a new root `<div id="app">` of `<body>` and
/// returns the language and the empty `<main>` to fill.
pub fn mount(path: &str) -> Option<(Lang, Element)> {
    let window = web_sys::window()?;
    let doc = window.document()?;
    let lang = settle_language(&window, path);
    let body = doc.body()?;
    let root = doc.create_element("div").ok()?;
    root.set_id(ROOT);
    root.set_inner_html(&shell(lang, path));
    body.append_child(&root).ok()?;
    let main = doc.get_element_by_id("main")?;
    Some((lang, main))
}

/// Calls `act` with the element matching `selector` that a click inside `within` reached (a
/// button of a block that has been written again since is found all the same). The listener
/// lives as long as the page.
pub fn on_click(within: &Element, selector: &'static str, act: impl Fn(Element) + 'static) {
    on(within, "click", selector, move |hit, _| act(hit));
}

/// [`on_click`] for any event that bubbles (`change`, `submit`, …), with the event (to
/// prevent its default).
pub fn on(
    within: &Element,
    event: &str,
    selector: &'static str,
    act: impl Fn(Element, &web_sys::Event) + 'static,
) {
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if let Some(hit) = target.closest(selector).ok().flatten() {
            act(hit, &e);
        }
    });
    let _ = within.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Moves the keyboard focus (and a screen reader) to the element `id`, written just now.
pub fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(e) = element {
        let _ = e.focus();
    }
}

/// The element `id` of the page, to write a part of it again.
pub fn by_id(id: &str) -> Option<Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The URL's `?lang=` is the truth; without a valid one, the remembered choice, then the
/// browser's languages, then Kazakh, put in the URL (src/lang.rs). `<html lang>` follows.
pub fn settle_language(window: &web_sys::Window, path: &str) -> Lang {
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let asked = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(|code| code.parse::<Lang>().ok());
    let lang = asked.unwrap_or_else(|| {
        let lang = remembered()
            .or_else(|| from_browser(window))
            .unwrap_or_default();
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&href(lang, path)),
            );
        }
        lang
    });
    if let Some(html) = window.document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", lang.code());
    }
    remember(lang);
    lang
}

pub fn from_browser(window: &web_sys::Window) -> Option<Lang> {
    let nav = window.navigator();
    nav.languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .find_map(|tag| Lang::from_tag(&tag))
}

pub fn set_title(what: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{what} — Qabyldau"));
    }
}

/// HTML text and attribute escaping.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A GET of the API: the body's text, or why not; and the service worker's stamp if the
/// answer is its stored copy. `no_cache` revalidates (a cheap 304 with the ETag).
pub async fn get(url: &str, no_cache: bool) -> (Result<String, FetchError>, Option<String>) {
    let mut request = gloo_net::http::Request::get(url);
    if no_cache {
        request = request.cache(web_sys::RequestCache::NoCache);
    }
    let Ok(response) = request.send().await else {
        return (Err(FetchError::Network), None);
    };
    let stored_at = response.headers().get(crate::offline::STORED_AT);
    let body = match response.status() {
        200 => response.text().await.map_err(|_| FetchError::Network),
        404 => Err(FetchError::NotFound),
        _ => Err(FetchError::Server),
    };
    (body, stored_at)
}

/// The header with the language switch and the footer of every bundle (src/shell.rs), round
/// an empty `<main>`.
pub fn shell(lang: Lang, path: &str) -> String {
    let t = |m: Msg| esc(m.text(lang));
    let mut switch = String::new();
    for l in Lang::ALL {
        let current = if l == lang {
            " aria-current=\"true\""
        } else {
            ""
        };
        let _ = write!(
            switch,
            "<li><a href=\"{href}\" hreflang=\"{code}\" lang=\"{code}\"{current}>\
             <span aria-hidden=\"true\" class=\"lang-code\">{upper}</span>\
             <span class=\"lang-name\">{name}</span></a></li>",
            href = esc(&href(l, path)),
            code = l.code(),
            upper = l.code().to_ascii_uppercase(),
            name = endonym(l),
        );
    }
    format!(
        "<a class=\"skip-link\" href=\"#main\">{skip}</a>\
         <header class=\"site-header\"><div class=\"wrap header-row\">\
         <a href=\"{home}\" class=\"brand\" rel=\"external\">\
         <span class=\"brand-name\">{site}</span><span class=\"brand-tagline\">{tagline}</span></a>\
         <nav class=\"lang-switch\" aria-label=\"{nav}\"><ul>{switch}</ul></nav>\
         </div></header>\
         <main id=\"main\" class=\"wrap\" tabindex=\"-1\"></main>\
         <footer class=\"site-footer\"><div class=\"wrap\">\
         <p class=\"footer-links\"><a href=\"{mine_href}\" rel=\"external\">{mine}</a></p>\
         <p>{footer}</p></div></footer>",
        skip = t(Msg::SkipToContent),
        home = esc(&href(lang, "/")),
        site = t(Msg::SiteName),
        tagline = t(Msg::Tagline),
        nav = t(Msg::LanguageNav),
        footer = t(Msg::Footer),
        mine_href = esc(&href(lang, crate::manage_page::MINE)),
        mine = esc(S::MyBookings.text(lang)),
    )
}

/// src/components/status.rs `Loading`.
pub fn loading(lang: Lang) -> String {
    format!(
        "<p class=\"status loading\" role=\"status\"><span class=\"spinner\" aria-hidden=\"true\">\
         </span>{}</p>",
        esc(Msg::Loading.text(lang))
    )
}

/// src/components/status.rs `LoadError`: a failure with a way forward.
pub fn load_error(error: FetchError, what: &str, lang: Lang) -> String {
    let hint = match error {
        FetchError::Network => format!("<p>{}</p>", esc(Msg::Offline.text(lang))),
        _ => String::new(),
    };
    format!(
        "<div class=\"status error\" role=\"alert\"><p>{}</p>{hint}\
         <button type=\"button\" data-retry=\"{what}\">{}</button></div>",
        esc(Msg::LoadFailed.text(lang)),
        esc(Msg::Retry.text(lang)),
    )
}

/// src/pages/not_found.rs `NotFound`.
pub fn not_found(lang: Lang) -> String {
    format!(
        "<h1>{}</h1><p>{}</p><p><a href=\"{}\" rel=\"external\">{}</a></p>",
        esc(Msg::NotFoundTitle.text(lang)),
        esc(Msg::NotFoundText.text(lang)),
        esc(&href(lang, "/")),
        esc(Msg::BackToDirectory.text(lang)),
    )
}

/// Waits `ms` milliseconds (the browser's `setTimeout`): a poll's pause.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(ms).unwrap_or(i32::MAX),
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A part of the page written again only when its HTML changes: a page that polls rewrites
/// nothing when nothing changed, so an `aria-live` region is announced on a change, not on
/// every poll, and a focused control inside it stays.
#[derive(Default)]
pub struct Written(std::cell::RefCell<String>);

impl Written {
    /// Writes `html` into `el` unless it is what was written last; true if written.
    pub fn write(&self, el: &Element, html: &str) -> bool {
        if *self.0.borrow() == html {
            return false;
        }
        el.set_inner_html(html);
        html.clone_into(&mut self.0.borrow_mut());
        true
    }

    /// The element was changed by hand to show `html` (or written anew from outside).
    pub fn assume(&self, html: &str) {
        html.clone_into(&mut self.0.borrow_mut());
    }

    /// The next `write` writes, whatever it was.
    pub fn forget(&self) {
        self.0.borrow_mut().clear();
    }
}
