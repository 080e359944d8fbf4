//! Which rule set decided: under the questionnaire and on every refusal (R17, R18, R23, R24,
//! R31, R32), the title of the Rules the questions and grounds come from and, as the rule
//! set's own data says, the act that repealed them. The one place the SPA names a rule set.

use crate::i18n::booking::B;
use crate::lang::use_lang;
use leptos::prelude::*;
use rules::ruleset::RuleSet;

/// "Rules applied: «…» (Repealed by Order … No. 29 of 17 January 2023)", for
/// [`RuleSet::current`], the rule set `rules::eligibility` decides by.
#[component]
pub fn RuleSetNote() -> impl IntoView {
    let lang = use_lang();
    let rules = RuleSet::current();
    view! {
        <p class="ruleset muted" data-ruleset=rules.id>
            {move || B::RuleSetApplied.text(lang.get())}": "
            <cite>{move || rules.title.get(lang.get())}</cite>
            {rules.repeal_note.map(|repeal| view! {
                " "<span class="repealed">"("{move || repeal.get(lang.get())}")"</span>
            })}
        </p>
    }
}
