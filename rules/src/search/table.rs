//! Real queries, as people type them in Kazakh, Russian and English, and the office each
//! must find first, against the directory the service publishes (data/offices.json).

use super::SearchIndex;
use crate::office::Office;

fn directory() -> Vec<Office> {
    #[derive(serde::Deserialize)]
    struct File {
        offices: Vec<Office>,
    }
    let file: File = serde_json::from_str(include_str!("../../../data/offices.json"))
        .expect("data/offices.json parses");
    file.offices
}

/// (query, the office it must find first)
const FIRST: &[(&str, &str)] = &[
    // Russian: adjective and case forms, service words, any order.
    ("Талгар", "almaty-region-talgar"),
    ("Талгарский район", "almaty-region-talgar"),
    ("прокуратура Талгарского района", "almaty-region-talgar"),
    ("район Талгарский", "almaty-region-talgar"),
    ("Алматинская область", "almaty-region"),
    ("прокуратура Алматинской области", "almaty-region"),
    ("Алматинская", "almaty-region"),
    ("прокуратура Алматы", "almaty"),
    ("Алматы", "almaty"),
    ("Алма-Ата", "almaty"),
    ("Шымкентская прокуратура", "shymkent"),
    ("Шымкент Абай", "shymkent-abay"),
    ("Абайский район Шымкента", "shymkent-abay"),
    ("Аль-Фарабийский район", "shymkent-al-farabi"),
    ("Есильский район Астаны", "astana-yesil"),
    ("Есильский район СКО", "north-kazakhstan-region-esil"),
    ("Есильский Акмолинская область", "akmola-region-yesil"),
    ("Медеуский район", "almaty-medeu"),
    ("Бостандыкский район Алматы", "almaty-bostandyq"),
    ("Астана", "astana"),
    ("прокуратура города Астаны", "astana"),
    ("Нур-Султан", "astana"),
    ("Карагандинская область", "karaganda-region"),
    ("Караганда", "karaganda-region-qaraghandy-city"),
    ("город Караганда", "karaganda-region-qaraghandy-city"),
    ("Усть-Каменогорск", "east-kazakhstan-region-oskemen-city"),
    ("ВКО", "east-kazakhstan-region"),
    ("Восточно-Казахстанская область", "east-kazakhstan-region"),
    ("Капшагай", "almaty-region-qonayev-city"),
    ("Конаев", "almaty-region-qonayev-city"),
    ("Семипалатинск", "abai-region-semey-city"),
    ("Туркестанская область", "turkistan-region"),
    ("ЮКО", "turkistan-region"),
    ("Генеральная прокуратура", "gpo"),
    ("Генпрокуратура", "gpo"),
    ("Уральск", "west-kazakhstan-region-oral-city"),
    ("Костанайский район", "kostanay-region-qostanay"),
    ("город Костанай", "kostanay-region-qostanay-city"),
    (
        "Жамбылский район Алматинской области",
        "almaty-region-zhambyl",
    ),
    ("Качирский район", "pavlodar-region-terengkol"),
    ("Бородулихинский", "abai-region-boroduliha"),
    ("Кокпектинский район", "abai-region-kokpekti"),
    ("Иртышский район", "pavlodar-region-ertis"),
    // Kazakh: case and possessive forms, «облысы», «ауданы», «қаласы».
    ("Талғар ауданы", "almaty-region-talgar"),
    ("Талғардағы прокуратура", "almaty-region-talgar"),
    ("Алматы облысы", "almaty-region"),
    ("Алматы облысының прокуратурасы", "almaty-region"),
    ("Алматы қаласы", "almaty"),
    ("Алматыдағы прокуратура", "almaty"),
    ("Шымкенттегі прокуратура", "shymkent"),
    ("Шымкент қаласы Абай ауданы", "shymkent-abay"),
    ("Абай ауданы Шымкент", "shymkent-abay"),
    ("Абай облысы", "abai-region"),
    ("Есіл ауданы Астана", "astana-yesil"),
    ("Астана қаласы Алматы ауданы", "astana-almaty"),
    ("Алматы ауданы Астана", "astana-almaty"),
    ("Өскемен", "east-kazakhstan-region-oskemen-city"),
    ("Қарағанды облысы", "karaganda-region"),
    ("Бас прокуратура", "gpo"),
    ("Түркістан облысы", "turkistan-region"),
    ("Қонаев қаласы", "almaty-region-qonayev-city"),
    ("Ұлытау облысы", "ulytau-region"),
    ("Жезқазған", "ulytau-region-zhezkazgan-city"),
    ("талгар ауданынын прокуратурасы", "almaty-region-talgar"),
    // English.
    ("Talgar", "almaty-region-talgar"),
    ("Talgar district", "almaty-region-talgar"),
    ("Almaty region", "almaty-region"),
    ("Almaty", "almaty"),
    ("prosecutor's office Almaty", "almaty"),
    ("Shymkent Abay", "shymkent-abay"),
    ("Abay district Shymkent", "shymkent-abay"),
    ("Yesil district Astana", "astana-yesil"),
    ("Oskemen", "east-kazakhstan-region-oskemen-city"),
    ("Nur-Sultan", "astana"),
    ("General Prosecutor", "gpo"),
    ("Karaganda region", "karaganda-region"),
    ("Kostanay city", "kostanay-region-qostanay-city"),
    ("Medeu", "almaty-medeu"),
    ("Ust-Kamenogorsk", "east-kazakhstan-region-oskemen-city"),
];

#[test]
fn every_query_of_the_table_finds_its_office_first() {
    let offices = directory();
    let index = SearchIndex::new(&offices);
    let mut wrong = Vec::new();
    for (query, want) in FIRST {
        assert!(
            offices.iter().any(|o| o.id.as_str() == *want),
            "{want} is not in the directory"
        );
        let found = index.search(query).unwrap_or_default();
        let first: Vec<&str> = found
            .iter()
            .take(3)
            .map(|&i| offices[i].id.as_str())
            .collect();
        if first.first() != Some(want) {
            wrong.push(format!("{query:?}: wanted {want}, got {first:?}"));
        }
    }
    assert!(FIRST.len() >= 40);
    assert!(
        wrong.is_empty(),
        "{} of {}:\n{}",
        wrong.len(),
        FIRST.len(),
        wrong.join("\n")
    );
}

#[test]
fn ambiguous_names_find_every_office_so_named_first() {
    let offices = directory();
    let index = SearchIndex::new(&offices);
    for (query, want) in [
        (
            "Есильский",
            &[
                "akmola-region-yesil",
                "north-kazakhstan-region-esil",
                "astana-yesil",
            ][..],
        ),
        (
            "Абайский район",
            &["abai-region-abay", "karaganda-region-abay", "shymkent-abay"][..],
        ),
        ("шымкент", &["shymkent"][..]),
    ] {
        let found = index.search(query).unwrap();
        let mut top: Vec<&str> = found[..want.len()]
            .iter()
            .map(|&i| offices[i].id.as_str())
            .collect();
        top.sort();
        let mut want = want.to_vec();
        want.sort();
        assert_eq!(top, want, "{query:?}");
    }
}

#[test]
fn a_search_finds_no_office_that_lacks_one_of_its_words() {
    let offices = directory();
    let index = SearchIndex::new(&offices);
    let ids = |q: &str| -> Vec<&str> {
        index
            .search(q)
            .unwrap()
            .into_iter()
            .map(|i| offices[i].id.as_str())
            .collect()
    };
    // The Shymkent city office and its five districts (the directory e2e test counts 6).
    assert_eq!(ids("шымкент").len(), 6);
    assert_eq!(ids("Шымкент Абай"), ["shymkent-abay"]);
    assert!(ids("no such office at all").is_empty());
    // Service words alone ask for nothing, or for offices of their kind.
    assert_eq!(index.search("прокуратура"), None);
    assert_eq!(index.search("  "), None);
    assert!(ids("области").iter().all(|id| id.ends_with("-region")));
    // A word still being typed that may become «прокуратура» does not empty the list.
    assert_eq!(ids("талгар прок"), ["almaty-region-talgar"]);
    assert_eq!(index.search("прок"), None);
    assert_eq!(ids("рай"), ["almaty-region-rayimbek"]);
}

#[test]
fn other_names_belong_to_offices_of_the_directory() {
    let offices = directory();
    for (id, _) in super::other_names::OTHER_NAMES {
        assert!(offices.iter().any(|o| o.id.as_str() == *id), "{id}");
    }
}
