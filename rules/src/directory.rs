//! The directory of offices: a validated tree GPO → regional → district (R2), and the
//! published snapshot of it that the Worker serves.

use crate::office::{Office, OfficeId, OfficeLevel};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Offices whose parent links, levels and regions are consistent. Built only by
/// [`Directory::new`], so holding one means the tree is whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Directory {
    offices: Vec<Office>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectoryError {
    DuplicateId(OfficeId),
    NoGeneralOffice,
    SeveralGeneralOffices,
    MissingName(OfficeId),
    UnknownParent { office: OfficeId, parent: OfficeId },
    WrongParentLevel { office: OfficeId },
    MissingParent(OfficeId),
    WrongRegion { office: OfficeId },
}

impl fmt::Display for DirectoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DirectoryError::DuplicateId(id) => write!(f, "office id {id} appears twice"),
            DirectoryError::NoGeneralOffice => write!(f, "no general-level office (the GPO)"),
            DirectoryError::SeveralGeneralOffices => write!(f, "more than one general office"),
            DirectoryError::MissingName(id) => write!(f, "{id}: a name in kk, ru or en is empty"),
            DirectoryError::UnknownParent { office, parent } => {
                write!(f, "{office}: parent {parent} is not in the directory")
            }
            DirectoryError::WrongParentLevel { office } => {
                write!(f, "{office}: parent is not one level up (R2)")
            }
            DirectoryError::MissingParent(id) => write!(f, "{id}: parent_id is missing"),
            DirectoryError::WrongRegion { office } => write!(
                f,
                "{office}: region_id must be the office itself (regional) or its parent's region"
            ),
        }
    }
}

impl std::error::Error for DirectoryError {}

/// The JSON document `GET /api/v1/offices` returns, with its entity tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub body: String,
    /// A strong ETag, quoted as HTTP wants it.
    pub etag: String,
}

#[derive(Serialize)]
struct SnapshotBody<'a> {
    offices: &'a [Office],
}

impl Directory {
    pub fn new(offices: Vec<Office>) -> Result<Directory, DirectoryError> {
        let mut by_id: HashMap<&OfficeId, &Office> = HashMap::new();
        for office in &offices {
            if by_id.insert(&office.id, office).is_some() {
                return Err(DirectoryError::DuplicateId(office.id.clone()));
            }
            if !office.name.is_complete() {
                return Err(DirectoryError::MissingName(office.id.clone()));
            }
        }
        let generals = offices
            .iter()
            .filter(|o| o.level == OfficeLevel::General)
            .count();
        match generals {
            0 => return Err(DirectoryError::NoGeneralOffice),
            1 => {}
            _ => return Err(DirectoryError::SeveralGeneralOffices),
        }
        for office in &offices {
            let parent = match (&office.parent_id, office.level.parent_level()) {
                (None, None) => None,
                (Some(_), None) => {
                    return Err(DirectoryError::WrongParentLevel {
                        office: office.id.clone(),
                    })
                }
                (None, Some(_)) => return Err(DirectoryError::MissingParent(office.id.clone())),
                (Some(pid), Some(want)) => {
                    let parent = by_id
                        .get(pid)
                        .ok_or_else(|| DirectoryError::UnknownParent {
                            office: office.id.clone(),
                            parent: pid.clone(),
                        })?;
                    if parent.level != want {
                        return Err(DirectoryError::WrongParentLevel {
                            office: office.id.clone(),
                        });
                    }
                    Some(*parent)
                }
            };
            let expected_region = match office.level {
                OfficeLevel::General => None,
                OfficeLevel::Regional => Some(&office.id),
                OfficeLevel::District => parent.and_then(|p| p.region_id.as_ref()),
            };
            if office.region_id.as_ref() != expected_region {
                return Err(DirectoryError::WrongRegion {
                    office: office.id.clone(),
                });
            }
        }
        let distinct: HashSet<_> = offices.iter().map(|o| &o.id).collect();
        debug_assert_eq!(distinct.len(), offices.len());
        Ok(Directory { offices })
    }

    pub fn offices(&self) -> &[Office] {
        &self.offices
    }

    pub fn get(&self, id: &OfficeId) -> Option<&Office> {
        self.offices.iter().find(|o| &o.id == id)
    }

    pub fn children<'a>(&'a self, id: &'a OfficeId) -> impl Iterator<Item = &'a Office> + 'a {
        self.offices
            .iter()
            .filter(move |o| o.parent_id.as_ref() == Some(id))
    }

    /// The published form of the directory. The ETag is a hash of the exact bytes, so equal
    /// directories always get equal tags whoever builds the snapshot (the seed step or the
    /// Worker rebuilding it from D1).
    pub fn snapshot(&self) -> Snapshot {
        let body = serde_json::to_string(&SnapshotBody {
            offices: &self.offices,
        })
        .expect("offices serialise");
        let digest = Sha256::digest(body.as_bytes());
        let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        Snapshot {
            etag: format!("\"{hex}\""),
            body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::LocalizedText;

    fn office(id: &str, level: OfficeLevel, parent: Option<&str>, region: Option<&str>) -> Office {
        Office {
            id: OfficeId::parse(id).unwrap(),
            level,
            parent_id: parent.map(|p| OfficeId::parse(p).unwrap()),
            region_id: region.map(|r| OfficeId::parse(r).unwrap()),
            specialisation: None,
            name: LocalizedText {
                kk: format!("{id} kk"),
                ru: format!("{id} ru"),
                en: format!("{id} en"),
            },
            address: None,
            phone: None,
        }
    }

    fn sample() -> Vec<Office> {
        vec![
            office("gpo", OfficeLevel::General, None, None),
            office("north", OfficeLevel::Regional, Some("gpo"), Some("north")),
            office(
                "north-a",
                OfficeLevel::District,
                Some("north"),
                Some("north"),
            ),
        ]
    }

    #[test]
    fn a_consistent_tree_is_accepted() {
        let dir = Directory::new(sample()).unwrap();
        let north = OfficeId::parse("north").unwrap();
        let kids: Vec<_> = dir.children(&north).map(|o| o.id.as_str()).collect();
        assert_eq!(kids, ["north-a"]);
        assert!(dir.get(&north).is_some());
    }

    /// A named way to break a valid directory.
    type Breakage = (&'static str, fn(&mut Vec<Office>));

    #[test]
    fn broken_trees_are_refused() {
        let cases: [Breakage; 7] = [
            ("duplicate", |v| v.push(v[2].clone())),
            ("no gpo", |v| drop(v.remove(0))),
            ("unknown parent", |v| {
                v[2].parent_id = Some(OfficeId::parse("south").unwrap())
            }),
            ("district under gpo", |v| {
                v[2].parent_id = Some(OfficeId::parse("gpo").unwrap())
            }),
            ("district without parent", |v| v[2].parent_id = None),
            ("wrong region", |v| v[2].region_id = None),
            ("empty name", |v| v[1].name.kk = " ".into()),
        ];
        for (what, break_it) in cases {
            let mut offices = sample();
            break_it(&mut offices);
            assert!(Directory::new(offices).is_err(), "{what} was accepted");
        }
    }

    #[test]
    fn snapshot_etag_follows_content() {
        let a = Directory::new(sample()).unwrap().snapshot();
        let b = Directory::new(sample()).unwrap().snapshot();
        assert_eq!(a, b);
        let mut changed = sample();
        changed[1].name.ru = "другое".into();
        let c = Directory::new(changed).unwrap().snapshot();
        assert_ne!(a.etag, c.etag);
        assert!(a.etag.starts_with('"') && a.etag.ends_with('"') && a.etag.len() == 34);
        let parsed: serde_json::Value = serde_json::from_str(&a.body).unwrap();
        assert_eq!(parsed["offices"].as_array().unwrap().len(), 3);
    }
}
