//! Who applies (R1): an individual on their own behalf, or a representative of a legal
//! entity, which is named by its BIN.

use super::bin::Bin;
use serde::{Deserialize, Serialize};

/// The applicant kind. On the wire: `{"kind":"individual"}` or
/// `{"kind":"representative","bin":"…"}`; the BIN is validated when read.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ApplicantKind {
    Individual,
    Representative { bin: Bin },
}

impl ApplicantKind {
    pub fn code(&self) -> &'static str {
        match self {
            ApplicantKind::Individual => "individual",
            ApplicantKind::Representative { .. } => "representative",
        }
    }

    /// The legal entity's BIN, for a representative.
    pub fn bin(&self) -> Option<&Bin> {
        match self {
            ApplicantKind::Individual => None,
            ApplicantKind::Representative { bin } => Some(bin),
        }
    }

    /// R1, R10: a representative of a legal entity must state (and at reception show) the
    /// authority to represent it, an [`Authority`](super::Authority). An individual needs one
    /// only when acting for another person (R3.b), which the form asks separately.
    pub fn needs_authority(&self) -> bool {
        matches!(self, ApplicantKind::Representative { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIN: &str = "050440000121";

    #[test]
    fn individual_and_representative() {
        // R1: two applicant kinds; a legal entity's representative names it by BIN.
        let ind = ApplicantKind::Individual;
        assert_eq!(
            (ind.code(), ind.bin(), ind.needs_authority()),
            ("individual", None, false)
        );
        let rep = ApplicantKind::Representative {
            bin: Bin::parse(BIN).unwrap(),
        };
        assert_eq!(rep.code(), "representative");
        assert_eq!(rep.bin().map(Bin::as_str), Some(BIN));
        assert!(rep.needs_authority());
    }

    #[test]
    fn wire_form_validates_the_bin() {
        let rep = ApplicantKind::Representative {
            bin: Bin::parse(BIN).unwrap(),
        };
        let json = serde_json::json!({"kind": "representative", "bin": BIN});
        assert_eq!(serde_json::to_value(&rep).unwrap(), json);
        assert_eq!(serde_json::from_value::<ApplicantKind>(json).unwrap(), rep);
        let ind = serde_json::json!({"kind": "individual"});
        assert_eq!(
            serde_json::to_value(ApplicantKind::Individual).unwrap(),
            ind
        );
        assert_eq!(
            serde_json::from_value::<ApplicantKind>(ind).unwrap(),
            ApplicantKind::Individual
        );
        for bad in [
            serde_json::json!({"kind": "representative"}),
            serde_json::json!({"kind": "representative", "bin": "050440000122"}),
            serde_json::json!({"kind": "company", "bin": BIN}),
        ] {
            assert!(
                serde_json::from_value::<ApplicantKind>(bad.clone()).is_err(),
                "{bad}"
            );
        }
    }
}
