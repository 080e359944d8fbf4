//! `cargo xtask gen-schedules`: writes `data/schedules.csv`, the SAMPLE schedules every office
//! shows until it imports its own (`cargo xtask import-schedules FILE`). Every row says
//! `sample=true`; the officials' names are obviously sample («Үлгі-Образцов»), outreach
//! addresses say they are to be confirmed, and no address or phone is presented as real.
//! The frequencies follow the Rules: the PG twice a month and deputies weekly (R13),
//! regional heads and deputies on two or three weekdays (R26 even in holiday weeks, e.g.
//! 3–7 January 2028 or Nauryz 2028, Tuesday to Thursday), district
//! heads and deputies every working day without registration (R37), duty prosecutors twice a
//! week at an institution (R6, R38), and one outreach reception per region a month (R29).

use rules::{Directory, Office, OfficeLevel};
use std::path::Path;

const VALID_FROM: &str = "2026-01-01";
const SURNAME: &str = "Үлгі-Образцов";
const GIVEN: [&str; 6] = ["Асқар", "Дәулет", "Мария", "Ерлан", "Айгүл", "Сергей"];

struct Position {
    kk: &'static str,
    ru: &'static str,
    en: &'static str,
}

struct Official<'a> {
    office: &'a Office,
    id: String,
    kind: &'static str,
    given: &'static str,
    position: Position,
    competence: [&'static str; 3],
}

struct Schedule {
    id: String,
    recurrence: &'static str,
    start: &'static str,
    end: &'static str,
    place: Place,
    capacity: u16,
}

enum Place {
    Office,
    Outreach {
        kk: String,
        ru: String,
        en: String,
    },
    Institution {
        kk: &'static str,
        ru: &'static str,
        en: &'static str,
    },
}

const TO_BE_CONFIRMED: [&str; 3] = [
    "Мекенжайы нақтыланады (үлгі деректер)",
    "Адрес уточняется (образец данных)",
    "Address to be confirmed (sample data)",
];

fn row(o: &Official, s: &Schedule) -> Vec<String> {
    let (kind, name, address): (&str, [String; 3], [String; 3]) = match &s.place {
        Place::Office => ("office", Default::default(), Default::default()),
        Place::Outreach { kk, ru, en } => (
            "outreach",
            [kk.clone(), ru.clone(), en.clone()],
            TO_BE_CONFIRMED.map(str::to_owned),
        ),
        Place::Institution { kk, ru, en } => (
            "institution",
            [kk.to_string(), ru.to_string(), en.to_string()],
            TO_BE_CONFIRMED.map(str::to_owned),
        ),
    };
    let [name_kk, name_ru, name_en] = name;
    let [address_kk, address_ru, address_en] = address;
    vec![
        o.office.id.to_string(),
        o.id.clone(),
        o.kind.into(),
        SURNAME.into(),
        o.given.into(),
        String::new(),
        o.position.kk.into(),
        o.position.ru.into(),
        o.position.en.into(),
        o.competence[0].into(),
        o.competence[1].into(),
        o.competence[2].into(),
        s.id.clone(),
        s.recurrence.into(),
        s.start.into(),
        s.end.into(),
        kind.into(),
        name_kk,
        name_ru,
        name_en,
        address_kk,
        address_ru,
        address_en,
        "in_person".into(),
        s.capacity.to_string(),
        VALID_FROM.into(),
        String::new(),
        String::new(),
        String::new(),
        "true".into(),
    ]
}

const AREAS: [[&str; 3]; 3] = [
    [
        "Қылмыстық қудалау саласындағы заңдылықты қадағалау",
        "Надзор за законностью в сфере уголовного преследования",
        "Supervision of legality in criminal prosecution",
    ],
    [
        "Әлеуметтік-экономикалық саладағы заңдылықты қадағалау",
        "Надзор за законностью в социально-экономической сфере",
        "Supervision of legality in the social and economic sphere",
    ],
    [
        "Сот актілерінің заңдылығын қадағалау",
        "Надзор за законностью судебных актов",
        "Supervision of the legality of court acts",
    ],
];

fn is_city(office: &Office) -> bool {
    office.name.ru.contains("города") && !office.name.ru.contains("района")
}

pub fn rows(directory: &Directory) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut push = |o: &Official, schedules: &[Schedule]| {
        for s in schedules {
            rows.push(row(o, s));
        }
    };
    let none = [""; 3];
    for office in directory.offices() {
        let id = office.id.as_str();
        match office.level {
            OfficeLevel::General => {
                let pg = Official {
                    office,
                    id: format!("{id}-pg"),
                    kind: "prosecutor_general",
                    given: GIVEN[0],
                    position: Position {
                        kk: "Қазақстан Республикасының Бас Прокуроры",
                        ru: "Генеральный Прокурор Республики Казахстан",
                        en: "Prosecutor General of the Republic of Kazakhstan",
                    },
                    competence: none,
                };
                // Two days a month, so a holiday never leaves a month without one (R13).
                push(
                    &pg,
                    &[
                        sched(&pg.id, "2nd-wed", "monthly:2:wed", "10:00", "13:00", 10),
                        sched(&pg.id, "last-fri", "monthly:last:fri", "10:00", "13:00", 10),
                    ],
                );
                for (n, area) in AREAS.iter().enumerate() {
                    let deputy = Official {
                        office,
                        id: format!("{id}-deputy-{}", n + 1),
                        kind: "prosecutor_general_deputy",
                        given: GIVEN[n + 1],
                        position: Position {
                            kk: "Бас Прокурордың орынбасары",
                            ru: "Заместитель Генерального Прокурора",
                            en: "Deputy Prosecutor General",
                        },
                        competence: *area,
                    };
                    let day = ["weekly:tue", "weekly:wed", "weekly:thu"][n];
                    push(
                        &deputy,
                        &[sched(&deputy.id, "weekly", day, "15:00", "17:00", 8)],
                    );
                }
            }
            OfficeLevel::Regional => {
                let (kk, ru, en) = if is_city(office) {
                    ("Қала прокуроры", "Прокурор города", "City prosecutor")
                } else {
                    ("Облыс прокуроры", "Прокурор области", "Regional prosecutor")
                };
                let head = Official {
                    office,
                    id: format!("{id}-head"),
                    kind: "regional_head",
                    given: GIVEN[4],
                    position: Position { kk, ru, en },
                    competence: none,
                };
                let mut schedules = vec![sched(
                    &head.id,
                    "weekly",
                    "weekly:tue,wed,fri",
                    "10:00",
                    "13:00",
                    8,
                )];
                // R29: a visiting reception in the first district of the region.
                if let Some(district) = directory.children(&office.id).next() {
                    schedules.push(Schedule {
                        id: format!("{}-outreach", head.id),
                        recurrence: "monthly:last:thu",
                        start: "11:00",
                        end: "14:00",
                        // The district's territory: «Талғар ауданы аумағы», «Территория
                        // Талгарского района»; the exact settlement is for the office to set.
                        place: Place::Outreach {
                            kk: format!(
                                "{} аумағы",
                                district
                                    .name
                                    .kk
                                    .trim_end_matches(" прокуратурасы")
                                    .replace("ының", "ы")
                            ),
                            ru: district.name.ru.replacen("Прокуратура", "Территория", 1),
                            en: format!(
                                "{} area",
                                district
                                    .name
                                    .en
                                    .trim_start_matches("Prosecutor's Office of ")
                            ),
                        },
                        capacity: 15,
                    });
                }
                push(&head, &schedules);
                let deputy = Official {
                    office,
                    id: format!("{id}-deputy"),
                    kind: "regional_deputy",
                    given: GIVEN[5],
                    position: Position {
                        kk: if is_city(office) {
                            "Қала прокурорының орынбасары"
                        } else {
                            "Облыс прокурорының орынбасары"
                        },
                        ru: if is_city(office) {
                            "Заместитель прокурора города"
                        } else {
                            "Заместитель прокурора области"
                        },
                        en: if is_city(office) {
                            "Deputy city prosecutor"
                        } else {
                            "Deputy regional prosecutor"
                        },
                    },
                    competence: AREAS[1],
                };
                push(
                    &deputy,
                    &[sched(
                        &deputy.id,
                        "weekly",
                        "weekly:mon,wed,thu",
                        "15:00",
                        "18:00",
                        8,
                    )],
                );
            }
            OfficeLevel::District => {
                let city = is_city(office);
                let head = Official {
                    office,
                    id: format!("{id}-head"),
                    kind: "district_head",
                    given: GIVEN[2],
                    position: if city {
                        Position {
                            kk: "Қала прокуроры",
                            ru: "Прокурор города",
                            en: "City prosecutor",
                        }
                    } else {
                        Position {
                            kk: "Аудан прокуроры",
                            ru: "Прокурор района",
                            en: "District prosecutor",
                        }
                    },
                    competence: none,
                };
                // R37: every working day in working hours, no registration.
                push(
                    &head,
                    &[sched(&head.id, "daily", "daily", "09:00", "18:30", 100)],
                );
                let deputy = Official {
                    office,
                    id: format!("{id}-deputy"),
                    kind: "district_deputy",
                    given: GIVEN[3],
                    position: if city {
                        Position {
                            kk: "Қала прокурорының орынбасары",
                            ru: "Заместитель прокурора города",
                            en: "Deputy city prosecutor",
                        }
                    } else {
                        Position {
                            kk: "Аудан прокурорының орынбасары",
                            ru: "Заместитель прокурора района",
                            en: "Deputy district prosecutor",
                        }
                    },
                    competence: none,
                };
                push(
                    &deputy,
                    &[sched(&deputy.id, "daily", "daily", "09:00", "18:30", 100)],
                );
            }
        }
    }
    rows.extend(duty_rows(directory));
    rows
}

fn sched(
    official: &str,
    suffix: &str,
    recurrence: &'static str,
    start: &'static str,
    end: &'static str,
    capacity: u16,
) -> Schedule {
    Schedule {
        id: format!("{official}-{suffix}"),
        recurrence,
        start,
        end,
        place: Place::Office,
        capacity,
    }
}

/// R6, R38: a few duty receptions at institutions, attached to the supervising office.
fn duty_rows(directory: &Directory) -> Vec<Vec<String>> {
    let institutions = [
        (
            "shymkent-abay",
            (
                "Тергеу изоляторы (үлгі)",
                "Следственный изолятор (образец)",
                "Pre-trial detention centre (sample)",
            ),
        ),
        (
            "almaty-region-talgar",
            (
                "Уақытша ұстау изоляторы (үлгі)",
                "Изолятор временного содержания (образец)",
                "Temporary holding facility (sample)",
            ),
        ),
        (
            "astana-yesil",
            (
                "Арнаулы қабылдау орны (үлгі)",
                "Специальный приёмник (образец)",
                "Special reception centre (sample)",
            ),
        ),
    ];
    let mut rows = Vec::new();
    for (office_id, (kk, ru, en)) in institutions {
        let Some(office) = directory
            .offices()
            .iter()
            .find(|o| o.id.as_str() == office_id)
        else {
            continue;
        };
        let duty = Official {
            office,
            id: format!("{office_id}-duty"),
            kind: "duty_prosecutor",
            given: GIVEN[1],
            position: Position {
                kk: "Кезекші прокурор",
                ru: "Дежурный прокурор",
                en: "Duty prosecutor",
            },
            competence: [""; 3],
        };
        let s = Schedule {
            id: format!("{}-weekly", duty.id),
            recurrence: "weekly:mon,wed,fri",
            start: "10:00",
            end: "12:00",
            place: Place::Institution { kk, ru, en },
            capacity: 10,
        };
        rows.push(row(&duty, &s));
    }
    rows
}

pub fn run(root: &Path) -> Result<(), String> {
    let directory = crate::seed::load_directory(root)?;
    let rows = rows(&directory);
    let path = root.join("data/schedules.csv");
    let mut writer = csv::Writer::from_path(&path).map_err(|e| e.to_string())?;
    writer
        .write_record(rules::schedule::ScheduleRow::COLUMNS)
        .map_err(|e| e.to_string())?;
    for r in &rows {
        writer.write_record(r).map_err(|e| e.to_string())?;
    }
    writer.flush().map_err(|e| e.to_string())?;
    println!(
        "wrote {} sample schedule rows to {}",
        rows.len(),
        path.display()
    );
    Ok(())
}
