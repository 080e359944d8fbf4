//! The languages of the service: Kazakh and Russian (R5, R39-4), English for foreigners (R7).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// The state language comes first (R5).
    #[default]
    Kk,
    Ru,
    En,
}

#[cfg(all(feature = "only-kk", any(feature = "only-ru", feature = "only-en")))]
compile_error!("a one-language build has one language: only-kk, only-ru or only-en");
#[cfg(all(feature = "only-ru", feature = "only-en"))]
compile_error!("a one-language build has one language: only-kk, only-ru or only-en");

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The language of a one-language build (features `only-kk`, `only-ru`, `only-en`: one
    /// wasm bundle per language, so that a page carries the texts of its language only);
    /// `None` when the build has all three.
    pub const BUILT: Option<Lang> = if cfg!(feature = "only-kk") {
        Some(Lang::Kk)
    } else if cfg!(feature = "only-ru") {
        Some(Lang::Ru)
    } else if cfg!(feature = "only-en") {
        Some(Lang::En)
    } else {
        None
    };

    /// `self`, or in a one-language build its language: a constant the compiler sees, so
    /// a catalogue's `match lang.fixed()` keeps the texts of that language only.
    #[inline(always)]
    pub const fn fixed(self) -> Lang {
        match Lang::BUILT {
            Some(lang) => lang,
            None => self,
        }
    }

    /// BCP 47 code, as used in `<html lang>` and in the `?lang=` query.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// Picks a language from a browser language tag such as `ru-RU` or `kk`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        primary.parse().ok()
    }
}

/// A fixed text in the three languages, for tables compiled into the crate (questions,
/// explanations, holiday names). Serialises as `{"kk","ru","en"}` like [`crate::LocalizedText`].
/// Written with [`tr!`](crate::tr), so that a one-language build keeps only its own text.
#[cfg(not(any(feature = "only-kk", feature = "only-ru", feature = "only-en")))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Tr {
    pub kk: &'static str,
    pub ru: &'static str,
    pub en: &'static str,
}

#[cfg(not(any(feature = "only-kk", feature = "only-ru", feature = "only-en")))]
impl Tr {
    #[inline(always)]
    pub const fn new(kk: &'static str, ru: &'static str, en: &'static str) -> Tr {
        Tr { kk, ru, en }
    }

    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Kk => self.kk,
            Lang::Ru => self.ru,
            Lang::En => self.en,
        }
    }
}

/// A one-language build's [`Tr`]: the text of [`Lang::BUILT`] only. The other languages'
/// strings are dropped when the tables are evaluated at compile time (`Tr::new` is a `const
/// fn`), so they never reach the wasm.
#[cfg(any(feature = "only-kk", feature = "only-ru", feature = "only-en"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    text: &'static str,
}

#[cfg(any(feature = "only-kk", feature = "only-ru", feature = "only-en"))]
impl Tr {
    #[inline(always)]
    pub const fn new(kk: &'static str, ru: &'static str, en: &'static str) -> Tr {
        let text = match Lang::BUILT {
            Some(Lang::Ru) => ru,
            Some(Lang::En) => en,
            _ => kk,
        };
        Tr { text }
    }

    /// The build's text, whatever `lang` (a one-language build is only ever asked for its own).
    pub fn get(&self, _lang: Lang) -> &'static str {
        self.text
    }
}

/// As the three-language `Tr` does, with the one language there is: `{"kk": …}`.
#[cfg(any(feature = "only-kk", feature = "only-ru", feature = "only-en"))]
impl Serialize for Tr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(Lang::BUILT.unwrap_or_default().code(), self.text)?;
        map.end()
    }
}

/// `tr! { kk: "…", ru: "…", en: "…" }`: a [`Tr`](crate::Tr), usable in `const` and `static`
/// tables.
#[macro_export]
macro_rules! tr {
    (kk: $kk:expr, ru: $ru:expr, en: $en:expr $(,)?) => {
        $crate::lang::Tr::new($kk, $ru, $en)
    };
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang;

impl FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "kk" => Ok(Lang::Kk),
            "ru" => Ok(Lang::Ru),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_tags_map_to_languages() {
        for (tag, want) in [
            ("kk", Some(Lang::Kk)),
            ("kk-KZ", Some(Lang::Kk)),
            ("ru-RU", Some(Lang::Ru)),
            ("RU", Some(Lang::Ru)),
            ("en_US", Some(Lang::En)),
            ("de-DE", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), want, "{tag}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
        }
    }
}
