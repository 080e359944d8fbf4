//! Values of closed sets (a booking's status, a registration state, an error code) that a
//! newer Worker may extend: the SPA reads one it does not know as [`Lenient::Unknown`] and
//! shows a generic text instead of failing the whole answer. The Worker cannot send one:
//! [`Unknown`] is made only by deserialising, and serialising it fails.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lenient<T> {
    Known(T),
    Unknown(Unknown),
}

/// A value this build does not know, as received (JSON text), for diagnostics only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown(String);

impl Unknown {
    pub fn raw(&self) -> &str {
        &self.0
    }
}

impl<T> Lenient<T> {
    pub fn known(&self) -> Option<&T> {
        match self {
            Lenient::Known(t) => Some(t),
            Lenient::Unknown(_) => None,
        }
    }
}

impl<T> From<T> for Lenient<T> {
    fn from(t: T) -> Self {
        Lenient::Known(t)
    }
}

impl<T: Serialize> Serialize for Lenient<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Lenient::Known(t) => t.serialize(s),
            Lenient::Unknown(_) => Err(serde::ser::Error::custom(
                "an unknown value is only ever received, never sent",
            )),
        }
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Kept as its JSON text so that a value `T` refuses can still be kept as unknown,
        // then read by the same JSON reader as the rest of the answer: a `serde_json::Value`
        // would bring a second deserialiser of every lenient type into the SPA.
        let raw = Box::<serde_json::value::RawValue>::deserialize(d)?;
        Ok(match serde_json::from_str(raw.get()) {
            Ok(t) => Lenient::Known(t),
            Err(_) => Lenient::Unknown(Unknown(raw.get().to_owned())),
        })
    }
}

#[cfg(feature = "openapi")]
mod schema {
    use super::Lenient;
    use std::borrow::Cow;
    use utoipa::openapi::{RefOr, Schema};
    use utoipa::ToSchema;

    /// Documented as the known values only: the Worker sends nothing else. (`PartialSchema`
    /// comes with `ComposeSchema`, which the derive uses for a generic field type.)
    impl<T: ToSchema> utoipa::__dev::ComposeSchema for Lenient<T> {
        fn compose(generics: Vec<RefOr<Schema>>) -> RefOr<Schema> {
            generics.into_iter().next().unwrap_or_else(T::schema)
        }
    }

    impl<T: ToSchema> ToSchema for Lenient<T> {
        fn name() -> Cow<'static, str> {
            T::name()
        }

        fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
            T::schemas(schemas)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules::booking::BookingStatus;

    #[test]
    fn an_unknown_status_is_read_but_never_sent() {
        let known: Lenient<BookingStatus> = serde_json::from_str("\"cancelled\"").unwrap();
        assert_eq!(known, Lenient::Known(BookingStatus::Cancelled));
        assert_eq!(serde_json::to_string(&known).unwrap(), "\"cancelled\"");
        let unknown: Lenient<BookingStatus> = serde_json::from_str("\"on_hold\"").unwrap();
        assert_eq!(unknown.known(), None);
        assert!(matches!(&unknown, Lenient::Unknown(u) if u.raw() == "\"on_hold\""));
        assert!(serde_json::to_string(&unknown).is_err());
    }
}
