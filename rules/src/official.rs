//! Officials who receive (R2) and whether they are reached by pre-registration (R3) or
//! receive without it (R37).

use crate::office::OfficeLevel;
use serde::{Deserialize, Serialize};

/// The kinds of official in R2, by their wire names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficialKind {
    /// The Prosecutor General (R2, R13).
    ProsecutorGeneral,
    /// A deputy of the Prosecutor General (R2, R13, R22).
    ProsecutorGeneralDeputy,
    /// A head of a GPO structural unit: receives as the need arises (R14).
    GpoUnitHead,
    /// A regional prosecutor or one equated to it (R2, R26).
    RegionalHead,
    /// A deputy of a regional prosecutor (R2, R26).
    RegionalDeputy,
    /// A head of a regional structural unit or a senior assistant (R28).
    RegionalUnitHead,
    /// A district prosecutor or one equated to it (R37).
    DistrictHead,
    /// A deputy of a district prosecutor (R37).
    DistrictDeputy,
    /// An authorised receiving prosecutor of a Citizens' Reception Centre (R4, R39-1).
    ReceivingProsecutor,
    /// A duty prosecutor at an institution (R6, R38).
    DutyProsecutor,
}

/// How a person reaches an official.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    /// By pre-registration only (R3); the window is R16 or R34.
    PreRegistration,
    /// Without registration, any working day in working hours (R4, R37, R39-2) or at the
    /// duty reception (R6).
    WalkIn,
    /// As the need arises, arranged through the responsible unit (R14, R28).
    AsNeeded,
}

impl OfficialKind {
    pub const ALL: [OfficialKind; 10] = [
        OfficialKind::ProsecutorGeneral,
        OfficialKind::ProsecutorGeneralDeputy,
        OfficialKind::GpoUnitHead,
        OfficialKind::RegionalHead,
        OfficialKind::RegionalDeputy,
        OfficialKind::RegionalUnitHead,
        OfficialKind::DistrictHead,
        OfficialKind::DistrictDeputy,
        OfficialKind::ReceivingProsecutor,
        OfficialKind::DutyProsecutor,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OfficialKind::ProsecutorGeneral => "prosecutor_general",
            OfficialKind::ProsecutorGeneralDeputy => "prosecutor_general_deputy",
            OfficialKind::GpoUnitHead => "gpo_unit_head",
            OfficialKind::RegionalHead => "regional_head",
            OfficialKind::RegionalDeputy => "regional_deputy",
            OfficialKind::RegionalUnitHead => "regional_unit_head",
            OfficialKind::DistrictHead => "district_head",
            OfficialKind::DistrictDeputy => "district_deputy",
            OfficialKind::ReceivingProsecutor => "receiving_prosecutor",
            OfficialKind::DutyProsecutor => "duty_prosecutor",
        }
    }

    pub fn parse(s: &str) -> Option<OfficialKind> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }

    /// The level of office the official belongs to. Receiving and duty prosecutors serve at
    /// any level; they are placed at the district level, whose rules (no registration) they
    /// follow.
    pub fn level(self) -> OfficeLevel {
        match self {
            OfficialKind::ProsecutorGeneral
            | OfficialKind::ProsecutorGeneralDeputy
            | OfficialKind::GpoUnitHead => OfficeLevel::General,
            OfficialKind::RegionalHead
            | OfficialKind::RegionalDeputy
            | OfficialKind::RegionalUnitHead => OfficeLevel::Regional,
            OfficialKind::DistrictHead
            | OfficialKind::DistrictDeputy
            | OfficialKind::ReceivingProsecutor
            | OfficialKind::DutyProsecutor => OfficeLevel::District,
        }
    }

    /// R3: the PG, deputies, regional heads (and equated) and their deputies receive by
    /// pre-registration only; R14/R28: unit heads as needed; R37/R4/R6: the rest walk-in.
    pub fn access(self) -> Access {
        match self {
            OfficialKind::ProsecutorGeneral
            | OfficialKind::ProsecutorGeneralDeputy
            | OfficialKind::RegionalHead
            | OfficialKind::RegionalDeputy => Access::PreRegistration,
            OfficialKind::GpoUnitHead | OfficialKind::RegionalUnitHead => Access::AsNeeded,
            OfficialKind::DistrictHead
            | OfficialKind::DistrictDeputy
            | OfficialKind::ReceivingProsecutor
            | OfficialKind::DutyProsecutor => Access::WalkIn,
        }
    }

    pub fn takes_pre_registration(self) -> bool {
        self.access() == Access::PreRegistration
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip() {
        for kind in OfficialKind::ALL {
            assert_eq!(OfficialKind::parse(kind.code()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
        }
        assert_eq!(OfficialKind::parse("judge"), None);
    }

    /// R3: exactly the PG, deputies, regional heads and deputies are pre-registration only.
    #[test]
    fn r3_pre_registration_officials() {
        let pre: Vec<_> = OfficialKind::ALL
            .into_iter()
            .filter(|k| k.takes_pre_registration())
            .collect();
        assert_eq!(
            pre,
            [
                OfficialKind::ProsecutorGeneral,
                OfficialKind::ProsecutorGeneralDeputy,
                OfficialKind::RegionalHead,
                OfficialKind::RegionalDeputy
            ]
        );
    }

    /// R37: district prosecutors and deputies receive without pre-registration.
    #[test]
    fn r37_district_officials_walk_in() {
        assert_eq!(OfficialKind::DistrictHead.access(), Access::WalkIn);
        assert_eq!(OfficialKind::DistrictDeputy.access(), Access::WalkIn);
        assert_eq!(OfficialKind::DistrictHead.level(), OfficeLevel::District);
    }
}
