//! The parts of a schedule besides its recurrence: hours, place (R6, R29, R38, R39-1),
//! format (R11) and capacity.

use crate::LocalizedText;
use serde::{Deserialize, Serialize};
use std::fmt;
use time::Time;

/// Serde for `HH:MM` by [`parse_hhmm`] and [`format_hhmm`] (not `time`'s generic parser).
pub(crate) mod hhmm {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};
    use time::Time;

    pub fn serialize<S: Serializer>(t: &Time, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::format_hhmm(*t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Time, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        super::parse_hhmm(&s).ok_or_else(|| D::Error::custom("not an HH:MM time"))
    }
}

/// `HH:MM` (24-hour, two digits each), the contract's time format; seconds are not used.
pub fn parse_hhmm(s: &str) -> Option<Time> {
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return None;
    }
    let two = |i: usize| -> Option<u8> {
        let (h, l) = (b[i], b[i + 1]);
        (h.is_ascii_digit() && l.is_ascii_digit()).then(|| (h - b'0') * 10 + (l - b'0'))
    };
    Time::from_hms(two(0)?, two(3)?, 0).ok()
}

/// `HH:MM` of a time (seconds are never set by [`parse_hhmm`]).
pub fn format_hhmm(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// The local (UTC+05:00) hours of a reception, `start < end` on the same day.
/// Serialised as `{"start":"10:00","end":"13:00"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "HoursWire", into = "HoursWire")]
pub struct Hours {
    start: Time,
    end: Time,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HoursError {
    /// `end` is not after `start` (a reception ends on the day it starts).
    EndNotAfterStart,
}

impl HoursError {
    pub fn code(self) -> &'static str {
        match self {
            HoursError::EndNotAfterStart => "end_not_after_start",
        }
    }
}

impl fmt::Display for HoursError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Hours {
    pub fn new(start: Time, end: Time) -> Result<Hours, HoursError> {
        if start < end {
            Ok(Hours { start, end })
        } else {
            Err(HoursError::EndNotAfterStart)
        }
    }

    pub fn start(self) -> Time {
        self.start
    }

    pub fn end(self) -> Time {
        self.end
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct HoursWire {
    #[serde(with = "hhmm")]
    start: Time,
    #[serde(with = "hhmm")]
    end: Time,
}

impl From<Hours> for HoursWire {
    fn from(h: Hours) -> HoursWire {
        HoursWire {
            start: h.start,
            end: h.end,
        }
    }
}

impl TryFrom<HoursWire> for Hours {
    type Error = HoursError;
    fn try_from(w: HoursWire) -> Result<Hours, HoursError> {
        Hours::new(w.start, w.end)
    }
}

/// The kind of a [`Place`], by its wire name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Office,
    ReceptionCentre,
    Outreach,
    Institution,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 4] = [
        PlaceKind::Office,
        PlaceKind::ReceptionCentre,
        PlaceKind::Outreach,
        PlaceKind::Institution,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PlaceKind::Office => "office",
            PlaceKind::ReceptionCentre => "reception_centre",
            PlaceKind::Outreach => "outreach",
            PlaceKind::Institution => "institution",
        }
    }

    pub fn parse(s: &str) -> Option<PlaceKind> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// Where a reception is held. Each kind carries exactly the texts it needs, so an outreach
/// reception without a settlement cannot exist. Serialised as
/// `{"kind":"outreach","name":{kk,ru,en},"address":{kk,ru,en}}`, `name`/`address` `null`
/// when the kind has none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PlaceWire", into = "PlaceWire")]
pub enum Place {
    /// The office's own building (its address is the office's).
    Office,
    /// The office's Citizens' Reception Centre (R39-1).
    ReceptionCentre,
    /// A visiting reception in a settlement (R29, R38): `name` on the wire.
    Outreach {
        settlement: LocalizedText,
        address: LocalizedText,
    },
    /// A duty reception in an internal-affairs body or a penitentiary or special
    /// institution (R6); the address may be withheld.
    Institution {
        name: LocalizedText,
        address: Option<LocalizedText>,
    },
}

impl Place {
    pub fn kind(&self) -> PlaceKind {
        match self {
            Place::Office => PlaceKind::Office,
            Place::ReceptionCentre => PlaceKind::ReceptionCentre,
            Place::Outreach { .. } => PlaceKind::Outreach,
            Place::Institution { .. } => PlaceKind::Institution,
        }
    }

    /// The wire `name`: the settlement of an outreach, the institution's name.
    pub fn name(&self) -> Option<&LocalizedText> {
        match self {
            Place::Office | Place::ReceptionCentre => None,
            Place::Outreach { settlement, .. } => Some(settlement),
            Place::Institution { name, .. } => Some(name),
        }
    }

    pub fn address(&self) -> Option<&LocalizedText> {
        match self {
            Place::Office | Place::ReceptionCentre => None,
            Place::Outreach { address, .. } => Some(address),
            Place::Institution { address, .. } => address.as_ref(),
        }
    }

    /// What says where, in `lang`: the settlement or institution, then the address; each
    /// trimmed, an empty one left out (an institution may withhold its address, R6). The
    /// schedule page and the booking wizard's card (built by the Worker) show these after
    /// the kind's own words.
    pub fn details(&self, lang: crate::Lang) -> Vec<&str> {
        [self.name(), self.address()]
            .into_iter()
            .flatten()
            .map(|t| t.get(lang).trim())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// Why a place's JSON was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceError {
    /// Outreach or institution without a (complete kk/ru/en) name.
    NameRequired,
    /// Outreach without a (complete) address, or an institution's address incomplete.
    AddressRequired,
    /// A name or an address given for the office or its reception centre.
    NotAllowed,
}

impl PlaceError {
    pub fn code(self) -> &'static str {
        match self {
            PlaceError::NameRequired => "name_required",
            PlaceError::AddressRequired => "address_required",
            PlaceError::NotAllowed => "not_allowed",
        }
    }
}

impl fmt::Display for PlaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Read without `deny_unknown_fields`: a place with a field a newer Worker adds must still
/// show in an older SPA.
#[derive(Serialize, Deserialize)]
struct PlaceWire {
    kind: PlaceKind,
    #[serde(default)]
    name: Option<LocalizedText>,
    #[serde(default)]
    address: Option<LocalizedText>,
}

impl From<Place> for PlaceWire {
    fn from(p: Place) -> PlaceWire {
        PlaceWire {
            kind: p.kind(),
            name: p.name().cloned(),
            address: p.address().cloned(),
        }
    }
}

impl TryFrom<PlaceWire> for Place {
    type Error = PlaceError;
    fn try_from(w: PlaceWire) -> Result<Place, PlaceError> {
        let complete = |t: Option<LocalizedText>, err| match t {
            Some(t) if t.is_complete() => Ok(t),
            _ => Err(err),
        };
        match w.kind {
            PlaceKind::Office | PlaceKind::ReceptionCentre => {
                if w.name.is_some() || w.address.is_some() {
                    return Err(PlaceError::NotAllowed);
                }
                Ok(if w.kind == PlaceKind::Office {
                    Place::Office
                } else {
                    Place::ReceptionCentre
                })
            }
            PlaceKind::Outreach => Ok(Place::Outreach {
                settlement: complete(w.name, PlaceError::NameRequired)?,
                address: complete(w.address, PlaceError::AddressRequired)?,
            }),
            PlaceKind::Institution => Ok(Place::Institution {
                name: complete(w.name, PlaceError::NameRequired)?,
                address: match w.address {
                    None => None,
                    a => Some(complete(a, PlaceError::AddressRequired)?),
                },
            }),
        }
    }
}

/// How a reception is held (R11): in person, or by video conference with the applicant's
/// consent (or only by video in video-only mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    InPerson,
    Video,
}

impl Format {
    pub fn code(self) -> &'static str {
        match self {
            Format::InPerson => "in_person",
            Format::Video => "video",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        [Format::InPerson, Format::Video]
            .into_iter()
            .find(|f| f.code() == s)
    }
}

/// How many persons one reception takes: 1..=500. Serialised as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u16")]
pub struct Capacity(u16);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CapacityError {
    /// 0, or more than [`Capacity::MAX`].
    OutOfRange,
}

impl CapacityError {
    pub fn code(self) -> &'static str {
        match self {
            CapacityError::OutOfRange => "out_of_range",
        }
    }
}

impl fmt::Display for CapacityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Capacity {
    /// A reception takes at least one person.
    pub const MIN: u16 = 1;
    /// More than a day of receptions would hold; a larger number is a typo.
    pub const MAX: u16 = 500;

    pub fn new(n: u32) -> Result<Capacity, CapacityError> {
        match u16::try_from(n) {
            Ok(n) if (Self::MIN..=Self::MAX).contains(&n) => Ok(Capacity(n)),
            _ => Err(CapacityError::OutOfRange),
        }
    }

    pub fn get(self) -> u16 {
        self.0
    }
}

impl TryFrom<u32> for Capacity {
    type Error = CapacityError;
    fn try_from(n: u32) -> Result<Capacity, CapacityError> {
        Capacity::new(n)
    }
}

impl From<Capacity> for u16 {
    fn from(c: Capacity) -> u16 {
        c.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use time::macros::time;

    fn text(s: &str) -> LocalizedText {
        LocalizedText {
            kk: format!("{s} kk"),
            ru: format!("{s} ru"),
            en: format!("{s} en"),
        }
    }

    #[test]
    fn hours_are_hhmm_and_start_before_end() {
        assert_eq!(parse_hhmm("10:00"), Some(time!(10:00)));
        assert_eq!(parse_hhmm("00:00"), Some(time!(00:00)));
        assert_eq!(parse_hhmm("23:59"), Some(time!(23:59)));
        for bad in [
            "",
            "9:00",
            "10:0",
            "24:00",
            "10:60",
            "10-00",
            "10:00:00",
            " 10:00",
            "１０:00",
        ] {
            assert_eq!(parse_hhmm(bad), None, "{bad:?}");
        }
        assert_eq!(format_hhmm(time!(09:05)), "09:05");
        let h = Hours::new(time!(10:00), time!(13:00)).unwrap();
        assert_eq!((h.start(), h.end()), (time!(10:00), time!(13:00)));
        assert_eq!(
            Hours::new(time!(10:00), time!(10:00)),
            Err(HoursError::EndNotAfterStart)
        );
        assert_eq!(
            Hours::new(time!(13:00), time!(10:00)).map_err(HoursError::code),
            Err("end_not_after_start")
        );
        assert_eq!(
            serde_json::to_value(h).unwrap(),
            json!({"start":"10:00","end":"13:00"})
        );
        assert_eq!(
            serde_json::from_value::<Hours>(json!({"start":"10:00","end":"13:00"})).unwrap(),
            h
        );
        assert!(serde_json::from_value::<Hours>(json!({"start":"13:00","end":"10:00"})).is_err());
    }

    /// R6, R29, R38: where an outreach or institution reception is, name first, in the
    /// language asked; blank texts (an institution's withheld address) are left out.
    #[test]
    fn r6_r29_place_details_in_one_language() {
        assert!(Place::Office.details(crate::Lang::Ru).is_empty());
        assert!(Place::ReceptionCentre.details(crate::Lang::Kk).is_empty());
        let outreach = Place::Outreach {
            settlement: text("Village"),
            address: text("Street"),
        };
        assert_eq!(
            outreach.details(crate::Lang::Kk),
            ["Village kk", "Street kk"]
        );
        let institution = Place::Institution {
            name: LocalizedText {
                en: "  SIZO  ".into(),
                ..text("SIZO")
            },
            address: Some(LocalizedText {
                en: " ".into(),
                ..text("Street")
            }),
        };
        assert_eq!(institution.details(crate::Lang::En), ["SIZO"]);
        assert_eq!(
            institution.details(crate::Lang::Ru),
            ["SIZO ru", "Street ru"]
        );
    }

    /// R6, R29, R38, R39-1: the contract's place shape.
    #[test]
    fn r6_r29_r39_1_place_wire_shapes() {
        let cases = [
            (
                Place::Office,
                json!({"kind":"office","name":null,"address":null}),
            ),
            (
                Place::ReceptionCentre,
                json!({"kind":"reception_centre","name":null,"address":null}),
            ),
            (
                Place::Outreach {
                    settlement: text("Village"),
                    address: text("Street"),
                },
                json!({"kind":"outreach",
                       "name":{"kk":"Village kk","ru":"Village ru","en":"Village en"},
                       "address":{"kk":"Street kk","ru":"Street ru","en":"Street en"}}),
            ),
            (
                Place::Institution {
                    name: text("SIZO"),
                    address: None,
                },
                json!({"kind":"institution",
                       "name":{"kk":"SIZO kk","ru":"SIZO ru","en":"SIZO en"},"address":null}),
            ),
        ];
        for (place, wire) in cases {
            assert_eq!(serde_json::to_value(&place).unwrap(), wire);
            assert_eq!(serde_json::from_value::<Place>(wire).unwrap(), place);
        }
        // A field this build does not know (added by a newer Worker) is passed over.
        let newer = json!({"kind":"office","name":null,"address":null,"floor":"2"});
        assert_eq!(
            serde_json::from_value::<Place>(newer).unwrap(),
            Place::Office
        );
        for bad in [
            json!({"kind":"outreach","name":null,"address":null}),
            json!({"kind":"outreach","name":{"kk":"a","ru":"b","en":"c"},"address":null}),
            json!({"kind":"outreach","name":{"kk":"","ru":"b","en":"c"},"address":{"kk":"a","ru":"b","en":"c"}}),
            json!({"kind":"institution","name":null,"address":null}),
            json!({"kind":"office","name":{"kk":"a","ru":"b","en":"c"},"address":null}),
            json!({"kind":"home","name":null,"address":null}),
        ] {
            assert!(
                serde_json::from_value::<Place>(bad.clone()).is_err(),
                "{bad}"
            );
        }
    }

    /// R11: in person or video.
    #[test]
    fn r11_format_codes() {
        for f in [Format::InPerson, Format::Video] {
            assert_eq!(Format::parse(f.code()), Some(f));
            assert_eq!(
                serde_json::to_string(&f).unwrap(),
                format!("\"{}\"", f.code())
            );
        }
        assert_eq!(Format::parse("phone"), None);
    }

    #[test]
    fn capacity_is_1_to_500() {
        assert_eq!(Capacity::new(1).map(Capacity::get), Ok(1));
        assert_eq!(Capacity::new(500).map(Capacity::get), Ok(500));
        for bad in [0, 501, 65_536, u32::MAX] {
            assert_eq!(Capacity::new(bad), Err(CapacityError::OutOfRange), "{bad}");
        }
        assert_eq!(
            serde_json::to_string(&Capacity::new(10).unwrap()).unwrap(),
            "10"
        );
        assert!(serde_json::from_str::<Capacity>("0").is_err());
        assert!(serde_json::from_str::<Capacity>("501").is_err());
        assert_eq!(
            serde_json::from_str::<Capacity>("12").unwrap(),
            Capacity::new(12).unwrap()
        );
    }
}
