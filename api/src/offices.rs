//! `GET /api/v1/offices` and `GET /api/v1/offices/{id}`: the directory (R2).

use rules::{LocalizedText, Office, OfficeId, OfficeLevel};
use serde::{Deserialize, Serialize};

/// `GET /api/v1/offices`: the directory's published snapshot (`rules::Directory::snapshot`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeList {
    pub offices: Vec<Office>,
}

/// `GET /api/v1/offices/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeBody {
    pub office: OfficeDetail,
}

/// The office, with the office above it and those below it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeDetail {
    #[serde(flatten)]
    pub office: Office,
    pub parent: Option<OfficeRef>,
    pub children: Vec<Office>,
}

/// Enough of an office to link to it by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeRef {
    pub id: OfficeId,
    pub level: OfficeLevel,
    pub name: LocalizedText,
}

impl From<Office> for OfficeRef {
    fn from(o: Office) -> OfficeRef {
        OfficeRef {
            id: o.id,
            level: o.level,
            name: o.name,
        }
    }
}
