//! The words of a name or a query as search compares them: service words set aside (with
//! the kind of office they point to), and the stems of Russian and Kazakh forms, so that
//! «Талгарский», «Талғарда» and «Talgar» reach «Талғар».

/// What a service word says about the office a person looks for: «область», «облысы»,
/// «region»; «район», «ауданы», «district»; «город», «қаласы», «city».
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Region,
    District,
    City,
}

impl Kind {
    pub fn bit(self) -> u8 {
        match self {
            Kind::Region => 1,
            Kind::District => 2,
            Kind::City => 4,
        }
    }
}

/// A word that names no place: «прокуратура», «района», «облысының», «Prosecutor's», ...
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    Plain,
    Kind(Kind),
}

/// The beginnings of service words (folded, without soft signs), and what they point to.
const SERVICE_PREFIXES: &[(&str, Service)] = &[
    ("прокурат", Service::Plain),
    ("прокурор", Service::Plain),
    ("prosecut", Service::Plain),
    ("област", Service::Kind(Kind::Region)),
    ("облыс", Service::Kind(Kind::Region)),
    ("район", Service::Kind(Kind::District)),
    ("аудан", Service::Kind(Kind::District)),
    ("город", Service::Kind(Kind::City)),
    ("калас", Service::Kind(Kind::City)),
];

/// Whole service words (folded): short ones would be too greedy as prefixes.
const SERVICE_WORDS: &[(&str, Service)] = &[
    ("office", Service::Plain),
    ("offices", Service::Plain),
    ("of", Service::Plain),
    ("the", Service::Plain),
    ("s", Service::Plain),
    ("в", Service::Plain),
    ("во", Service::Plain),
    ("на", Service::Plain),
    ("по", Service::Plain),
    ("и", Service::Plain),
    ("им", Service::Plain),
    ("имени", Service::Plain),
    ("region", Service::Kind(Kind::Region)),
    ("oblast", Service::Kind(Kind::Region)),
    ("обл", Service::Kind(Kind::Region)),
    ("district", Service::Kind(Kind::District)),
    ("р", Service::Kind(Kind::District)),
    ("н", Service::Kind(Kind::District)),
    ("city", Service::Kind(Kind::City)),
    ("г", Service::Kind(Kind::City)),
    ("гор", Service::Kind(Kind::City)),
    ("кала", Service::Kind(Kind::City)),
];

/// Whether a normalised word is a service word, and which.
pub fn service(word: &str) -> Option<Service> {
    SERVICE_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .or_else(|| SERVICE_PREFIXES.iter().find(|(p, _)| word.starts_with(p)))
        .map(|(_, s)| *s)
}

/// Whether a word being typed may still become a service word («прок», «облы»).
pub fn may_become_service(word: &str) -> bool {
    word.chars().count() >= 3
        && SERVICE_PREFIXES
            .iter()
            .map(|(p, _)| *p)
            .chain(SERVICE_WORDS.iter().map(|(w, _)| *w))
            .any(|p| p.starts_with(word))
}

/// The words of folded text, soft and hard signs dropped (people write «Есиль» and
/// «Есил», «Арысь» and «Арыс»).
pub fn words(folded: &str) -> impl Iterator<Item = String> + '_ {
    folded
        .split(' ')
        .map(|w| {
            w.chars()
                .filter(|c| !matches!(c, 'ь' | 'ъ'))
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
}

fn len(s: &str) -> usize {
    s.chars().count()
}

fn strip<'a>(word: &'a str, ending: &str, keep: usize) -> Option<&'a str> {
    word.strip_suffix(ending).filter(|rest| len(rest) >= keep)
}

/// Russian adjective endings, longest first.
const RU_ADJECTIVE: &[&str] = &[
    "ими", "ыми", "ого", "его", "ому", "ему", "ая", "яя", "ой", "ей", "ую", "юю", "ое", "ее", "ие",
    "ые", "их", "ых", "им", "ым", "ий", "ый", "ом", "ем",
];

/// Russian noun case endings.
const RU_NOUN: &[&str] = &[
    "ами", "ями", "ом", "ем", "ой", "ей", "ах", "ях", "а", "я", "у", "ю", "е", "ы", "и", "о",
];

/// Kazakh case and possessive endings, folded (ғ→г, қ→к, і→и), longest first.
const KK_ENDINGS: &[&str] = &[
    "сындагы",
    "синдеги",
    "ындагы",
    "индеги",
    "дагы",
    "деги",
    "тагы",
    "теги",
    "нда",
    "нде",
    "нын",
    "нин",
    "дын",
    "дин",
    "тын",
    "тин",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "мен",
    "бен",
    "пен",
    "га",
    "ге",
    "ка",
    "ке",
    "на",
    "не",
    "да",
    "де",
    "та",
    "те",
    "сы",
    "си",
    "ын",
    "ин",
];

/// A word with the forms search compares: its stems (the word without case endings, at
/// least four letters) and, for a Russian adjective of a place («Талгарского»), the bases
/// of the place's own name («талгар», and «алмат» for «Алматинской»).
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    stems: Vec<String>,
    bases: Vec<String>,
}

impl Word {
    pub fn new(text: String) -> Word {
        let mut stems = vec![text.clone()];
        let mut bases = Vec::new();
        // Russian adjective: «талгарского» → «талгарск», base «талгар».
        if let Some(rest) = RU_ADJECTIVE.iter().find_map(|e| strip(&text, e, 4)) {
            if let Some(base) = strip(rest, "ск", 3).or_else(|| strip(rest, "цк", 3)) {
                stems.push(rest.to_owned());
                bases.push(base.to_owned());
                for e in ["ин", "ын", "н"] {
                    if let Some(b) = strip(base, e, 4) {
                        bases.push(b.to_owned());
                        break;
                    }
                }
            }
        }
        // Russian noun: «астаны», «астане» → «астан».
        if let Some(rest) = RU_NOUN.iter().find_map(|e| strip(&text, e, 4)) {
            stems.push(rest.to_owned());
        }
        // Kazakh: «шымкенттегі» → «шымкент», «облысының» → «облыс»; up to three endings.
        let mut word = text.as_str();
        for _ in 0..3 {
            match KK_ENDINGS.iter().find_map(|e| strip(word, e, 4)) {
                Some(rest) => {
                    stems.push(rest.to_owned());
                    word = rest;
                }
                None => break,
            }
        }
        stems.sort();
        stems.dedup();
        Word { text, stems, bases }
    }

    /// How well this query word matches a word of a name: 4 the same word, 3 the same
    /// stem, 2 one derived from or inflected from the other, 1 the beginning of it (still
    /// being typed), 0 no match.
    pub fn level(&self, name: &Word) -> u8 {
        if self.text == name.text {
            return 4;
        }
        if self.stems.iter().any(|s| name.stems.contains(s)) {
            return 3;
        }
        let close = |base: &str, other: &str| {
            other.starts_with(base) && len(other) - len(base) <= 2 && len(base) >= 4
        };
        let derived = self
            .bases
            .iter()
            .any(|b| name.stems.iter().any(|s| close(b, s)))
            || name
                .bases
                .iter()
                .any(|b| self.stems.iter().any(|s| close(b, s)));
        // «Шымкенттегі» typed for «Шымкент»: the name followed by an ending.
        let inflected = len(&name.text) >= 4
            && self.text.starts_with(&name.text)
            && len(&self.text) - len(&name.text) <= 5;
        if derived || inflected {
            return 2;
        }
        if name.text.starts_with(&self.text) {
            return 1;
        }
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(q: &str, n: &str) -> u8 {
        Word::new(q.into()).level(&Word::new(n.into()))
    }

    #[test]
    fn russian_adjectives_reach_their_places() {
        assert_eq!(level("талгарский", "талгарского"), 3);
        assert_eq!(level("талгарский", "талгар"), 2);
        assert_eq!(level("алматинская", "алматинской"), 3);
        assert_eq!(level("алматинская", "алматы"), 2);
        assert_eq!(level("есилский", "есил"), 2);
        assert_eq!(level("шымкентская", "шымкент"), 2);
        assert_eq!(level("алматинская", "алмалы"), 0);
    }

    #[test]
    fn kazakh_and_russian_cases_reach_the_name() {
        assert_eq!(level("шымкенттеги", "шымкент"), 3);
        assert_eq!(level("алматыдагы", "алматы"), 3);
        assert_eq!(level("астане", "астана"), 3);
        assert_eq!(level("талгарда", "талгар"), 3);
        assert_eq!(level("тал", "талгар"), 1);
        assert_eq!(level("талас", "талгар"), 0);
    }

    #[test]
    fn service_words_and_what_they_point_to() {
        assert_eq!(service("прокуратура"), Some(Service::Plain));
        assert_eq!(service("прокуратурасы"), Some(Service::Plain));
        assert_eq!(service("облысынын"), Some(Service::Kind(Kind::Region)));
        assert_eq!(service("ауданы"), Some(Service::Kind(Kind::District)));
        assert_eq!(service("города"), Some(Service::Kind(Kind::City)));
        assert_eq!(service("талгар"), None);
        assert!(may_become_service("прок"));
        assert!(!may_become_service("тал"));
    }
}
