//! kk / ru / en: links to the same page in another language (so they work without script
//! state and can be opened in a new tab), marked with their language for screen readers.

use crate::i18n::{endonym, Msg};
use crate::lang::{href, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use rules::Lang;

#[component]
pub fn LangSwitch() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    view! {
        <nav class="lang-switch" aria-label=move || Msg::LanguageNav.text(lang.get())>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <li>
                                <a
                                    href=move || href(l, &location.pathname.get())
                                    hreflang=l.code()
                                    lang=l.code()
                                    aria-current=move || (lang.get() == l).then_some("true")
                                >
                                    <span aria-hidden="true" class="lang-code">{l.code().to_uppercase()}</span>
                                    <span class="lang-name">{endonym(l)}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
