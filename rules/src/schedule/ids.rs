//! Ids of officials and schedules: URL-safe slugs with the rules of [`OfficeId`], so that a
//! link to an official or a reception (`{schedule_id}-{YYYYMMDD}`) survives re-imports.

use crate::office::{OfficeId, OfficeIdError};
use std::fmt;

/// Defines a slug id type that reuses [`OfficeId::parse`] (one rule set for every id in
/// URLs) and whose `Deserialize` goes through the same check.
macro_rules! slug_id {
    ($(#[$doc:meta])* $ty:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $ty(String);

        impl $ty {
            pub const MAX_LEN: usize = OfficeId::MAX_LEN;

            /// Lower-case ASCII letters, digits and single inner hyphens, 1–80 characters;
            /// errors are those of [`OfficeId::parse`].
            pub fn parse(s: &str) -> Result<$ty, OfficeIdError> {
                OfficeId::parse(s).map(|id| $ty(id.as_str().to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                $ty::parse(&s).map_err(|e| {
                    serde::de::Error::custom(format!("invalid {} {s:?}: {}", $what, e.code()))
                })
            }
        }
    };
}

slug_id!(
    /// A stable official id such as `gpo-pg`, unique across the service (one official,
    /// one id, whatever the number of schedule rows).
    OfficialId,
    "official id"
);

slug_id!(
    /// A stable schedule id such as `gpo-pg-monthly`, unique across the service: the
    /// reception ids `{schedule_id}-{YYYYMMDD}` are built from it.
    ScheduleId,
    "schedule id"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_office_id_rules() {
        for ok in ["gpo-pg", "gpo-pg-monthly", "almaty-duty-2"] {
            assert_eq!(OfficialId::parse(ok).unwrap().as_str(), ok);
            assert_eq!(ScheduleId::parse(ok).unwrap().to_string(), ok);
        }
        for (bad, err) in [
            ("", OfficeIdError::Empty),
            ("GPO", OfficeIdError::BadCharacter),
            ("gpo pg", OfficeIdError::BadCharacter),
            ("gpo_pg", OfficeIdError::BadCharacter),
            ("-gpo", OfficeIdError::BadHyphen),
            ("gpo--pg", OfficeIdError::BadHyphen),
        ] {
            assert_eq!(OfficialId::parse(bad), Err(err), "{bad:?}");
            assert_eq!(ScheduleId::parse(bad), Err(err), "{bad:?}");
        }
        assert_eq!(
            ScheduleId::parse(&"a".repeat(81)),
            Err(OfficeIdError::TooLong)
        );
    }

    #[test]
    fn ids_serialise_as_strings_and_deserialisation_validates() {
        let id = ScheduleId::parse("gpo-pg-monthly").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"gpo-pg-monthly\"");
        assert_eq!(
            serde_json::from_str::<ScheduleId>("\"gpo-pg-monthly\"").unwrap(),
            id
        );
        assert!(serde_json::from_str::<OfficialId>("\"Bad Id\"").is_err());
    }
}
