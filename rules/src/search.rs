//! Search for an office as people type it: folded letters («талгар» finds «Талғар»), the
//! Russian and Kazakh forms of place names («Талгарский», «Алматинская», «Шымкенттегі»),
//! service words set aside («прокуратура», «район», «облысы») but heard as a hint of the
//! kind of office, several words in any order, the region a district lies in, and the other
//! names people know a place by ([`other_names`]). R2: the directory is GPO → regional →
//! district, and a district is found by its region's name too.

mod other_names;
mod words;

use crate::office::{Office, OfficeLevel};
use words::{Service, Word};

/// The offices of a directory, their names prepared once for searching.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    /// Each of the office's names: kk, ru, en, then its other names.
    variants: Vec<Variant>,
    /// The place words of the region a district lies in (its names and other names).
    context: Vec<Word>,
    /// The kinds of office its names say it is ([`words::Kind::bit`]).
    kinds: u8,
}

/// One name of an office: the words that name it, those that say where it lies («Алматы
/// қаласы Алмалы ауданы»: «Алматы»), and the kinds its service words say.
#[derive(Debug, Clone)]
struct Variant {
    own: Vec<Word>,
    located: Vec<Word>,
    kinds: u8,
}

/// The three official names come first among an entry's variants.
const OFFICIAL: usize = 3;

struct Name {
    words: Vec<Word>,
    kinds: u8,
}

fn name(text: &str) -> Name {
    let mut kinds = 0;
    let mut place = Vec::new();
    for w in words::words(&fold(text)) {
        match words::service(&w) {
            Some(Service::Kind(k)) => kinds |= k.bit(),
            Some(Service::Plain) => {}
            None => place.push(Word::new(w)),
        }
    }
    Name {
        words: place,
        kinds,
    }
}

fn names(office: &Office) -> impl Iterator<Item = Name> + '_ {
    let n = &office.name;
    [n.kk.as_str(), n.ru.as_str(), n.en.as_str()]
        .into_iter()
        .chain(other_names::of(office.id.as_str()).iter().copied())
        .map(name)
}

struct Term {
    word: Word,
    /// A last word still being typed that may become a service word («прок»): it counts
    /// only if some office's name has it.
    optional: bool,
}

/// The place words of a query and the kinds of office its service words ask for.
struct Query {
    terms: Vec<Term>,
    kinds: u8,
}

impl Query {
    fn parse(text: &str) -> Query {
        let folded = fold(text);
        let all: Vec<String> = words::words(&folded).collect();
        let mut terms = Vec::new();
        let mut kinds = 0;
        let last = all.len().saturating_sub(1);
        for (i, w) in all.into_iter().enumerate() {
            match words::service(&w) {
                Some(Service::Kind(k)) => kinds |= k.bit(),
                Some(Service::Plain) => {}
                None => terms.push(Term {
                    optional: i == last && words::may_become_service(&w),
                    word: Word::new(w),
                }),
            }
        }
        Query { terms, kinds }
    }
}

/// How an office answers a query, best first when sorted.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    score: u32,
    /// Fewer place words of its best-fitting name left unmatched.
    fit: std::cmp::Reverse<usize>,
    /// How well its three official names match, all words counted.
    names: u32,
    order: std::cmp::Reverse<usize>,
}

impl SearchIndex {
    pub fn new(offices: &[Office]) -> SearchIndex {
        let entries = offices
            .iter()
            .map(|office| {
                let parent = match office.level {
                    OfficeLevel::District => office
                        .region_id
                        .as_ref()
                        .and_then(|r| offices.iter().find(|o| &o.id == r)),
                    _ => None,
                };
                let context: Vec<Word> = parent
                    .into_iter()
                    .flat_map(names)
                    .flat_map(|n| n.words)
                    .collect();
                let mut kinds = 0;
                let variants = names(office)
                    .map(|n| {
                        kinds |= n.kinds;
                        // «Алматы қаласы Алмалы ауданы»: «Алматы» is where it lies, not
                        // what it is called, unless it is all the name has.
                        let (own, located): (Vec<Word>, Vec<Word>) = n
                            .words
                            .iter()
                            .cloned()
                            .partition(|w| !context.iter().any(|c| c.text == w.text));
                        if own.is_empty() {
                            Variant {
                                own: n.words,
                                located: Vec::new(),
                                kinds: n.kinds,
                            }
                        } else {
                            Variant {
                                own,
                                located,
                                kinds: n.kinds,
                            }
                        }
                    })
                    .collect();
                Entry {
                    variants,
                    context,
                    kinds,
                }
            })
            .collect();
        SearchIndex { entries }
    }

    /// The positions (in the slice the index was built from) of the offices a query finds,
    /// best first; `None` when the query asks for nothing (empty, or «прокуратура» alone),
    /// so the whole directory is shown as it is.
    pub fn search(&self, text: &str) -> Option<Vec<usize>> {
        let mut query = Query::parse(text);
        // A word that may become a service word filters all the same when some office's
        // name has it («рай»: Райымбек).
        for term in query.terms.iter_mut().filter(|t| t.optional) {
            term.optional = !self.entries.iter().any(|e| e.has(&term.word));
        }
        query.terms.retain(|t| !t.optional);
        if query.terms.is_empty() && query.kinds == 0 {
            return None;
        }
        let mut found: Vec<(Rank, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.rank(&query, i).map(|r| (r, i)))
            .collect();
        found.sort_by(|a, b| b.0.cmp(&a.0));
        Some(found.into_iter().map(|(_, i)| i).collect())
    }
}

impl Entry {
    fn has(&self, word: &Word) -> bool {
        self.variants
            .iter()
            .flat_map(|v| &v.own)
            .chain(&self.context)
            .any(|w| word.level(w) > 0)
    }

    fn rank(&self, query: &Query, order: usize) -> Option<Rank> {
        if query.terms.is_empty() {
            // Only service words («районы»): the offices of that kind.
            return (self.kinds & query.kinds == query.kinds).then_some(Rank {
                score: 0,
                fit: std::cmp::Reverse(0),
                names: 0,
                order: std::cmp::Reverse(order),
            });
        }
        let mut score = 0u32;
        for term in &query.terms {
            let own = self
                .variants
                .iter()
                .flat_map(|v| &v.own)
                .map(|w| term.word.level(w))
                .max()
                .unwrap_or(0);
            // A match on the region's name counts a little less than on the office's own.
            let context = self
                .context
                .iter()
                .map(|w| term.word.level(w))
                .max()
                .map_or(0, |l| if l > 1 { l - 1 } else { l });
            let best = own.max(context);
            if best == 0 {
                return None;
            }
            score += u32::from(best);
        }
        score += 2 * (self.kinds & query.kinds).count_ones();
        let level = |w: &Word| {
            query
                .terms
                .iter()
                .map(|t| t.word.level(w))
                .max()
                .unwrap_or(0)
        };
        // The name that fits the query best: its own words unmatched weigh most, then the
        // words of where it lies, then the kinds it says that were not asked for («Almaty»
        // is the city, not «Almaty Region»).
        let fit = self
            .variants
            .iter()
            .map(|v| {
                let own = v.own.iter().filter(|w| level(w) == 0).count();
                let located = v.located.iter().filter(|w| level(w) == 0).count();
                let unasked = (v.kinds & !query.kinds).count_ones() as usize;
                own * 4 + located * 2 + unasked
            })
            .min()
            .unwrap_or(0);
        let names = self
            .variants
            .iter()
            .take(OFFICIAL)
            .flat_map(|v| &v.own)
            .map(|w| u32::from(level(w)))
            .sum();
        Some(Rank {
            score,
            fit: std::cmp::Reverse(fit),
            names,
            order: std::cmp::Reverse(order),
        })
    }
}

/// Lower-cases and folds letters that people type interchangeably: ё → е, and the Kazakh
/// letters to the Russian ones a phone without a Kazakh keyboard offers (ә→а, ғ→г, қ→к,
/// ң→н, ө→о, ұ/ү→у, һ→х, і→и). Apostrophes and hyphens become spaces, runs of spaces one.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars().map(crate::case::lower) {
        let c = match c {
            'ё' => 'е',
            'ә' => 'а',
            'ғ' => 'г',
            'қ' => 'к',
            'ң' => 'н',
            'ө' => 'о',
            'ұ' | 'ү' => 'у',
            'һ' => 'х',
            'і' => 'и',
            '-' | '\'' | '’' | '«' | '»' | '"' | '.' | ',' => ' ',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Whether a folded query matches any of the given texts.
pub fn matches<'a>(folded_query: &str, texts: impl IntoIterator<Item = &'a str>) -> bool {
    folded_query.is_empty() || texts.into_iter().any(|t| fold(t).contains(folded_query))
}

#[cfg(test)]
mod table;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_makes_search_case_yo_and_kazakh_insensitive() {
        for (typed, name) in [
            ("шымкент", "Прокуратура города Шымкент"),
            ("ШЫМКЕНТ", "Шымкент қаласының прокуратурасы"),
            ("талгар", "Талғар ауданының прокуратурасы"),
            ("талғар", "Прокуратура Талгарского района"),
            ("семеновка", "Семёновка"),
            ("аль фараби", "Аль-Фарабийский район"),
            ("ал фараби", "Әл-Фараби ауданы"),
            ("әл-фараби", "Әл-Фараби ауданы"),
            ("oskemen", "Prosecutor's Office of Oskemen"),
            ("  бостандык  ", "Бостандық ауданы"),
            ("үлкен нарын", "Улкен Нарын"),
        ] {
            let q = fold(typed);
            assert!(matches(&q, [name]), "{typed:?} should find {name:?}");
        }
        assert!(!matches(&fold("астана"), ["Прокуратура города Алматы"]));
        assert!(matches("", ["anything"]));
    }

    #[test]
    fn fold_normalises_spaces_and_punctuation() {
        assert_eq!(fold("  Аль-Фараби  "), "аль фараби");
        assert_eq!(fold("Prosecutor's"), "prosecutor s");
        assert_eq!(fold("Ё"), "е");
    }
}
