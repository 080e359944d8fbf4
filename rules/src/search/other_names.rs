//! Other names people use for an office's place: the names before a renaming (Алма-Ата,
//! Капшагай, Нур-Султан, Качирский район), the Russian and English forms the directory's
//! names do not spell, and the region abbreviations of everyday Russian (ВКО, СКО, ЗКО).
//! Only renamings fixed by decree are listed; an uncertain one (Ұзынкөл → Сұлтанбек
//! Қожанов, see shared/data/SOURCES.md) is not.

/// Office id → other names, in any of the three languages.
pub const OTHER_NAMES: &[(&str, &[&str])] = &[
    (
        "gpo",
        &["Генпрокуратура", "ГП РК", "GPO", "Генеральный прокурор"],
    ),
    (
        "astana",
        &["Нур-Султан", "Нұр-Сұлтан", "Nur-Sultan", "Астана қаласы"],
    ),
    ("almaty", &["Алма-Ата", "Alma-Ata"]),
    ("shymkent", &["Чимкент", "Chimkent"]),
    (
        "east-kazakhstan-region",
        &["ВКО", "Восточный Казахстан", "East Kazakhstan"],
    ),
    (
        "north-kazakhstan-region",
        &["СКО", "Северный Казахстан", "North Kazakhstan"],
    ),
    (
        "west-kazakhstan-region",
        &["ЗКО", "Западный Казахстан", "West Kazakhstan"],
    ),
    (
        "turkistan-region",
        &[
            "ЮКО",
            "Южно-Казахстанская область",
            "Оңтүстік Қазақстан облысы",
            "South Kazakhstan",
        ],
    ),
    (
        "almaty-region-qonayev-city",
        &["Капшагай", "Қапшағай", "Kapchagay", "Konaev"],
    ),
    (
        "abai-region-semey-city",
        &["Семипалатинск", "Semipalatinsk"],
    ),
    (
        "east-kazakhstan-region-oskemen-city",
        &["Ust-Kamenogorsk", "Усть-Каменогорск"],
    ),
    ("west-kazakhstan-region-oral-city", &["Uralsk", "Уральск"]),
    (
        "north-kazakhstan-region-petropavl-city",
        &["Petropavlovsk", "Петропавловск"],
    ),
    ("zhambyl-region-taraz-city", &["Джамбул", "Аулие-Ата"]),
    ("atyrau-region-atyrau-city", &["Гурьев"]),
    ("mangystau-region-aqtau-city", &["Шевченко"]),
    ("kostanay-region-qostanay-city", &["Кустанай"]),
    ("kyzylorda-region-qyzylorda-city", &["Кзыл-Орда"]),
    ("akmola-region-kokshetau-city", &["Кокчетав"]),
    ("zhetisu-region-taldyqorgan-city", &["Талды-Курган"]),
    ("ulytau-region-zhezkazgan-city", &["Джезказган"]),
    ("aktobe-region-aqtobe-city", &["Актюбинск", "Aktobe"]),
    ("ulytau-region-satpayev-city", &["Сатпаев", "Satbayev"]),
    ("kyzylorda-region-baiqonyr-city", &["Байконур", "Baikonur"]),
    ("pavlodar-region-terengkol", &["Качирский район"]),
    ("pavlodar-region-aqquly", &["Лебяжинский район"]),
    (
        "east-kazakhstan-region-altay",
        &["Зыряновский район", "Зыряновск"],
    ),
    ("west-kazakhstan-region-baiterek", &["Зеленовский район"]),
    ("akmola-region-birzhan-sal", &["Энбекшильдерский район"]),
    ("kostanay-region-beimbet-mailin", &["Тарановский район"]),
    (
        "north-kazakhstan-region-magzhan-zhumabayev",
        &["Булаевский район"],
    ),
    (
        "north-kazakhstan-region-gabit-musrepov",
        &["Целинный район"],
    ),
];

/// The other names of an office.
pub fn of(id: &str) -> &'static [&'static str] {
    OTHER_NAMES
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, names)| *names)
        .unwrap_or(&[])
}
