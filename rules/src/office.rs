//! Prosecutor's offices and their place in the hierarchy (R2).

use crate::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable, URL-safe office id such as `almaty-region-talgar`: lower-case ASCII letters,
/// digits and single hyphens between them. Never a row number, so links survive re-seeding.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct OfficeId(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeIdError {
    Empty,
    TooLong,
    BadCharacter,
    BadHyphen,
}

impl OfficeIdError {
    pub fn code(self) -> &'static str {
        match self {
            OfficeIdError::Empty => "empty",
            OfficeIdError::TooLong => "too_long",
            OfficeIdError::BadCharacter => "bad_character",
            OfficeIdError::BadHyphen => "bad_hyphen",
        }
    }
}

impl OfficeId {
    pub const MAX_LEN: usize = 80;

    pub fn parse(s: &str) -> Result<OfficeId, OfficeIdError> {
        if s.is_empty() {
            return Err(OfficeIdError::Empty);
        }
        if s.len() > Self::MAX_LEN {
            return Err(OfficeIdError::TooLong);
        }
        if !s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(OfficeIdError::BadCharacter);
        }
        if s.starts_with('-') || s.ends_with('-') || s.contains("--") {
            return Err(OfficeIdError::BadHyphen);
        }
        Ok(OfficeId(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OfficeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for OfficeId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        OfficeId::parse(&s)
            .map_err(|e| serde::de::Error::custom(format!("invalid office id {s:?}: {}", e.code())))
    }
}

/// The three levels of the service (R2). Specialised offices (military, transport, ...) are
/// *equated* to the regional or the district level and carry that level plus a
/// [`Specialisation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficeLevel {
    General,
    Regional,
    District,
}

impl OfficeLevel {
    pub fn code(self) -> &'static str {
        match self {
            OfficeLevel::General => "general",
            OfficeLevel::Regional => "regional",
            OfficeLevel::District => "district",
        }
    }

    pub fn parse(s: &str) -> Option<OfficeLevel> {
        match s {
            "general" => Some(OfficeLevel::General),
            "regional" => Some(OfficeLevel::Regional),
            "district" => Some(OfficeLevel::District),
            _ => None,
        }
    }

    /// The level an office's parent must have.
    pub fn parent_level(self) -> Option<OfficeLevel> {
        match self {
            OfficeLevel::General => None,
            OfficeLevel::Regional => Some(OfficeLevel::General),
            OfficeLevel::District => Some(OfficeLevel::Regional),
        }
    }
}

/// Specialised offices equated to a territorial level (R2: "and equated"), and the
/// service's own agencies, institutions and education organisation, whose heads RULES.md
/// equates to regional prosecutors (R2, R3, R8, R26, R33).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Specialisation {
    Military,
    Transport,
    Environmental,
    Penitentiary,
    Other,
    /// An agency of the prosecution service (ведомство).
    Agency,
    /// An institution of the prosecution service (мекеме / учреждение).
    ServiceInstitution,
    /// The service's education organisation (білім беру ұйымы / организация образования).
    EducationOrganisation,
}

impl Specialisation {
    pub const ALL: [Specialisation; 8] = [
        Specialisation::Military,
        Specialisation::Transport,
        Specialisation::Environmental,
        Specialisation::Penitentiary,
        Specialisation::Other,
        Specialisation::Agency,
        Specialisation::ServiceInstitution,
        Specialisation::EducationOrganisation,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Specialisation::Military => "military",
            Specialisation::Transport => "transport",
            Specialisation::Environmental => "environmental",
            Specialisation::Penitentiary => "penitentiary",
            Specialisation::Other => "other",
            Specialisation::Agency => "agency",
            Specialisation::ServiceInstitution => "service_institution",
            Specialisation::EducationOrganisation => "education_organisation",
        }
    }

    pub fn parse(s: &str) -> Option<Specialisation> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }

    /// An agency, institution or the education organisation of the service, as R2, R3, R8,
    /// R26 and R33 name them beside the prosecutors' offices.
    pub fn is_service_body(self) -> bool {
        matches!(
            self,
            Specialisation::Agency
                | Specialisation::ServiceInstitution
                | Specialisation::EducationOrganisation
        )
    }
}

/// A text in the three languages of the service. R5 requires Kazakh and Russian; English is
/// ours (R7). None may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    pub kk: String,
    pub ru: String,
    pub en: String,
}

impl LocalizedText {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        }
    }

    pub fn is_complete(&self) -> bool {
        [&self.kk, &self.ru, &self.en]
            .iter()
            .all(|s| !s.trim().is_empty())
    }
}

/// One prosecutor's office as published in the directory. `address` and `phone` stay `None`
/// until an office supplies real ones: nothing here is invented.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Office {
    pub id: OfficeId,
    pub level: OfficeLevel,
    pub parent_id: Option<OfficeId>,
    /// The regional office whose territory this office is in; `None` only for the GPO.
    pub region_id: Option<OfficeId>,
    #[serde(default)]
    pub specialisation: Option<Specialisation>,
    pub name: LocalizedText,
    #[serde(default)]
    pub address: Option<LocalizedText>,
    #[serde(default)]
    pub phone: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn office_ids_are_url_safe_slugs() {
        assert!(OfficeId::parse("gpo").is_ok());
        assert!(OfficeId::parse("almaty-region-talgar").is_ok());
        assert!(OfficeId::parse("astana-2").is_ok());
        for (bad, err) in [
            ("", OfficeIdError::Empty),
            ("Almaty", OfficeIdError::BadCharacter),
            ("almaty region", OfficeIdError::BadCharacter),
            ("алматы", OfficeIdError::BadCharacter),
            ("../etc", OfficeIdError::BadCharacter),
            ("-almaty", OfficeIdError::BadHyphen),
            ("almaty-", OfficeIdError::BadHyphen),
            ("almaty--talgar", OfficeIdError::BadHyphen),
        ] {
            assert_eq!(OfficeId::parse(bad), Err(err), "{bad:?}");
        }
        assert_eq!(
            OfficeId::parse(&"a".repeat(81)),
            Err(OfficeIdError::TooLong)
        );
    }

    #[test]
    fn office_id_deserialisation_validates() {
        assert!(serde_json::from_str::<OfficeId>("\"ok-id\"").is_ok());
        assert!(serde_json::from_str::<OfficeId>("\"Bad Id\"").is_err());
    }

    #[test]
    fn level_parents_follow_the_hierarchy() {
        assert_eq!(OfficeLevel::General.parent_level(), None);
        assert_eq!(
            OfficeLevel::Regional.parent_level(),
            Some(OfficeLevel::General)
        );
        assert_eq!(
            OfficeLevel::District.parent_level(),
            Some(OfficeLevel::Regional)
        );
        for level in [
            OfficeLevel::General,
            OfficeLevel::Regional,
            OfficeLevel::District,
        ] {
            assert_eq!(OfficeLevel::parse(level.code()), Some(level));
        }
        assert_eq!(
            Specialisation::parse("military"),
            Some(Specialisation::Military)
        );
        assert_eq!(Specialisation::parse("navy"), None);
        for s in Specialisation::ALL {
            assert_eq!(Specialisation::parse(s.code()), Some(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.code())
            );
        }
    }
}
