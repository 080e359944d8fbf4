//! What "Where should I go?" (src/guide_page.rs, the `guide` bundle) hands to the wizard:
//! the answers it learned, for the questionnaire of the official it leads to (R3), kept for
//! this browser tab only (no personal data).

use crate::storage;
use rules::eligibility::Answers;
use rules::ruleset::RuleSet;
use rules::OfficialKind;
use serde::{Deserialize, Serialize};

/// What the guide hands to the wizard, for this browser tab only (no personal data).
pub const HANDOVER_KEY: &str = "qabyldau.guide";

/// The guide's answers for the questionnaire of one official kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Handover {
    pub kind: OfficialKind,
    pub answers: Answers,
}

/// The answers the guide learned that the questionnaire of `kind` asks (a regional deputy
/// is asked the regional prosecutor's questions), taken once.
pub fn take_handover(kind: OfficialKind) -> Answers {
    let Some(text) = storage::session_get(HANDOVER_KEY) else {
        return Answers::new();
    };
    storage::session_remove(HANDOVER_KEY);
    let Ok(h) = serde_json::from_str::<Handover>(&text) else {
        return Answers::new();
    };
    let rules = RuleSet::current();
    h.answers
        .into_iter()
        .filter(|(id, _)| rules.question(id).is_some_and(|q| q.applies_to(kind)))
        .collect()
}
