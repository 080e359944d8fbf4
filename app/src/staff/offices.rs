//! The offices a member of staff reaches (R2: GPO → regional → district), from the public
//! directory (`GET /api/v1/offices`): their own office, and for `admin` and `auditor` the
//! offices below it. Only for choosing and naming offices: the Worker enforces the scope.

use crate::api::{self as public_api, FetchError};
use leptos::prelude::*;
use rules::{Lang, Office, OfficeId};
use std::collections::HashMap;

/// `root` and every office below it, `root` first, then in the directory's order.
pub fn below(offices: &[Office], root: &OfficeId) -> Vec<Office> {
    let parent: HashMap<&str, &str> = offices
        .iter()
        .filter_map(|o| o.parent_id.as_ref().map(|p| (o.id.as_str(), p.as_str())))
        .collect();
    let reaches = |start: &str| {
        let mut id = start;
        // The hierarchy has three levels; the bound only guards against a cycle in bad data.
        for _ in 0..8 {
            if id == root.as_str() {
                return true;
            }
            match parent.get(id) {
                Some(p) => id = p,
                None => return false,
            }
        }
        false
    };
    let mut out: Vec<Office> = offices
        .iter()
        .filter(|o| reaches(o.id.as_str()))
        .cloned()
        .collect();
    out.sort_by_key(|o| o.id != *root);
    out
}

/// The directory, once per screen; `None` until it comes (names fall back to ids).
pub fn directory() -> LocalResource<Result<Vec<Office>, FetchError>> {
    LocalResource::new(public_api::offices)
}

/// An office's name in `lang`, or its id when the directory is not there (yet).
pub fn name_of(offices: Option<&[Office]>, id: &OfficeId, lang: Lang) -> String {
    offices
        .and_then(|list| list.iter().find(|o| &o.id == id))
        .map(|o| o.name.get(lang).to_owned())
        .unwrap_or_else(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules::office::{LocalizedText, OfficeLevel};

    fn office(id: &str, parent: Option<&str>, level: OfficeLevel) -> Office {
        let name = LocalizedText {
            kk: id.into(),
            ru: id.into(),
            en: id.into(),
        };
        Office {
            id: OfficeId::parse(id).unwrap(),
            level,
            parent_id: parent.map(|p| OfficeId::parse(p).unwrap()),
            region_id: None,
            specialisation: None,
            name,
            address: None,
            phone: None,
        }
    }

    #[test]
    fn scope_is_the_office_and_those_below_it_r2() {
        let all = vec![
            office("gpo", None, OfficeLevel::General),
            office("abai-region", Some("gpo"), OfficeLevel::Regional),
            office("ulytau-region", Some("gpo"), OfficeLevel::Regional),
            office(
                "ulytau-region-zhezkazgan",
                Some("ulytau-region"),
                OfficeLevel::District,
            ),
            office(
                "abai-region-semey",
                Some("abai-region"),
                OfficeLevel::District,
            ),
        ];
        let ids = |v: Vec<Office>| v.into_iter().map(|o| o.id.to_string()).collect::<Vec<_>>();
        assert_eq!(
            ids(below(&all, &OfficeId::parse("ulytau-region").unwrap())),
            ["ulytau-region", "ulytau-region-zhezkazgan"]
        );
        assert_eq!(below(&all, &OfficeId::parse("gpo").unwrap()).len(), 5);
        assert_eq!(
            ids(below(&all, &OfficeId::parse("abai-region-semey").unwrap())),
            ["abai-region-semey"]
        );
    }
}
