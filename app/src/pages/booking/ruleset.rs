//! Which rule set decided: under the questionnaire and on every refusal (R17, R18, R23, R24,
//! R31, R32), the title of the Rules the questions and grounds come from and, as the rule
//! set's own data says, the act that repealed them. The one place the wizard names a rule set.

use crate::i18n::booking::B;
use crate::plain::esc;
use rules::ruleset::RuleSet;
use rules::Lang;

/// "Rules applied: «…» (Repealed by Order … No. 29 of 17 January 2023)", for
/// [`RuleSet::current`], the rule set `rules::eligibility` decides by.
pub fn note(lang: Lang) -> String {
    let rules = RuleSet::current();
    let repeal = rules
        .repeal_note
        .map(|r| format!(" <span class=\"repealed\">({})</span>", esc(r.get(lang))))
        .unwrap_or_default();
    format!(
        "<p class=\"ruleset muted\" data-ruleset=\"{}\">{}: <cite>{}</cite>{repeal}</p>",
        esc(rules.id),
        esc(B::RuleSetApplied.text(lang)),
        esc(rules.title.get(lang)),
    )
}
