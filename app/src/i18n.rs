//! The catalogue of every text the SPA shows, in Kazakh, Russian and English. A `Msg` is
//! translated by an exhaustive `match`, so a text missing in one language does not compile.

use rules::{Lang, OfficeLevel};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    SiteName,
    Tagline,
    SkipToContent,
    LanguageNav,
    DirectoryTitle,
    DirectoryIntro,
    SearchLabel,
    SearchHint,
    NoResults,
    Loading,
    LoadFailed,
    Offline,
    Retry,
    NotFoundTitle,
    NotFoundText,
    BackToDirectory,
    Breadcrumbs,
    Address,
    Phone,
    NotPublished,
    Subordinate,
    Superior,
    ReceptionTitle,
    ReceptionDistrict,
    ReceptionPreRegistration,
    SchedulesComing,
    Footer,
    RegionalGroup,
    DaysOffTitle,
    DaysOffIntro,
    TodayWorking,
    TodayOff,
}

impl Msg {
    pub fn text(self, lang: Lang) -> &'static str {
        use Lang::*;
        use Msg::*;
        match (self, lang) {
            (SiteName, _) => "Qabyldau",
            (Tagline, Kk) => "Прокуратура органдарындағы жеке қабылдау",
            (Tagline, Ru) => "Личный приём в органах прокуратуры",
            (Tagline, En) => "Personal reception at prosecutor's offices",
            (SkipToContent, Kk) => "Негізгі мазмұнға өту",
            (SkipToContent, Ru) => "Перейти к основному содержанию",
            (SkipToContent, En) => "Skip to main content",
            (LanguageNav, Kk) => "Тіл",
            (LanguageNav, Ru) => "Язык",
            (LanguageNav, En) => "Language",
            (DirectoryTitle, Kk) => "Прокуратура органдары",
            (DirectoryTitle, Ru) => "Органы прокуратуры",
            (DirectoryTitle, En) => "Prosecutor's offices",
            (DirectoryIntro, Kk) => "Прокуратураны табыңыз: қабылдау кестесі, мекенжайы және алдын ала жазылу.",
            (DirectoryIntro, Ru) => "Найдите прокуратуру: график приёма, адрес и предварительная запись.",
            (DirectoryIntro, En) => "Find a prosecutor's office: its reception schedule, address and pre-registration.",
            (SearchLabel, Kk) => "Прокуратураны атауы бойынша іздеу",
            (SearchLabel, Ru) => "Поиск прокуратуры по названию",
            (SearchLabel, En) => "Search offices by name",
            (SearchHint, Kk) => "Мысалы: Шымкент, Талғар, Есіл. Қазақша, орысша немесе ағылшынша жазуға болады.",
            (SearchHint, Ru) => "Например: Шымкент, Талгар, Есиль. Можно писать по-казахски, по-русски или по-английски.",
            (SearchHint, En) => "For example: Shymkent, Talgar, Yesil. Kazakh, Russian or English names all work.",
            (NoResults, Kk) => "Ештеңе табылмады. Атаудың бір бөлігін жазып көріңіз.",
            (NoResults, Ru) => "Ничего не найдено. Попробуйте ввести часть названия.",
            (NoResults, En) => "Nothing found. Try typing part of the name.",
            (Loading, Kk) => "Жүктелуде…",
            (Loading, Ru) => "Загрузка…",
            (Loading, En) => "Loading…",
            (LoadFailed, Kk) => "Деректерді жүктеу мүмкін болмады.",
            (LoadFailed, Ru) => "Не удалось загрузить данные.",
            (LoadFailed, En) => "The data could not be loaded.",
            (Offline, Kk) => "Интернет байланысын тексеріп, қайталап көріңіз.",
            (Offline, Ru) => "Проверьте подключение к интернету и попробуйте ещё раз.",
            (Offline, En) => "Check your internet connection and try again.",
            (Retry, Kk) => "Қайталау",
            (Retry, Ru) => "Повторить",
            (Retry, En) => "Try again",
            (NotFoundTitle, Kk) => "Бет табылмады",
            (NotFoundTitle, Ru) => "Страница не найдена",
            (NotFoundTitle, En) => "Page not found",
            (NotFoundText, Kk) => "Мұндай прокуратура немесе бет жоқ. Тізімнен іздеп көріңіз.",
            (NotFoundText, Ru) => "Такой прокуратуры или страницы нет. Попробуйте найти её в списке.",
            (NotFoundText, En) => "There is no such office or page. Try finding it in the list.",
            (BackToDirectory, Kk) => "Барлық прокуратуралар",
            (BackToDirectory, Ru) => "Все прокуратуры",
            (BackToDirectory, En) => "All offices",
            (Breadcrumbs, Kk) => "Сіз осындасыз",
            (Breadcrumbs, Ru) => "Вы здесь",
            (Breadcrumbs, En) => "You are here",
            (Address, Kk) => "Мекенжайы",
            (Address, Ru) => "Адрес",
            (Address, En) => "Address",
            (Phone, Kk) => "Телефоны",
            (Phone, Ru) => "Телефон",
            (Phone, En) => "Phone",
            (NotPublished, Kk) => "әлі жарияланбаған",
            (NotPublished, Ru) => "ещё не опубликован",
            (NotPublished, En) => "not published yet",
            (Subordinate, Kk) => "Бағынысты прокуратуралар",
            (Subordinate, Ru) => "Подчинённые прокуратуры",
            (Subordinate, En) => "Subordinate offices",
            (Superior, Kk) => "Жоғары тұрған прокуратура",
            (Superior, Ru) => "Вышестоящая прокуратура",
            (Superior, En) => "Superior office",
            (ReceptionTitle, Kk) => "Жеке қабылдау",
            (ReceptionTitle, Ru) => "Личный приём",
            (ReceptionTitle, En) => "Personal reception",
            (ReceptionDistrict, Kk) => "Алдын ала жазылу қажет емес: аудандық прокуратура кез келген жұмыс күні 09:00–18:30 аралығында қабылдайды және қабылдаудан бас тарта алмайды (Қағидалар, 37, 39-тармақтар).",
            (ReceptionDistrict, Ru) => "Предварительная запись не нужна: районная прокуратура принимает в любой рабочий день с 09:00 до 18:30 и не может отказать в приёме (Правила, пункты 37, 39).",
            (ReceptionDistrict, En) => "No pre-registration needed: a district office receives any working day, 09:00–18:30, and may not refuse to receive you (Rules, paras 37, 39).",
            (ReceptionPreRegistration, Kk) => "Басшылықтың қабылдауы тек алдын ала жазылу бойынша өтеді (Қағидалар, 3-тармақ). Қызметкерлердің күнделікті қабылдауы жұмыс күндері 09:00–18:30 (Қағидалар, 4-тармақ).",
            (ReceptionPreRegistration, Ru) => "Приём руководством — только по предварительной записи (Правила, пункт 3). Ежедневный приём уполномоченными работниками — в рабочие дни с 09:00 до 18:30 (Правила, пункт 4).",
            (ReceptionPreRegistration, En) => "The heads of this office receive by pre-registration only (Rules, para 3). Authorised staff receive every working day, 09:00–18:30 (Rules, para 4).",
            (SchedulesComing, Kk) => "Бұл прокуратураның қабылдау кестесі Qabyldau-да әлі жарияланбаған.",
            (SchedulesComing, Ru) => "График приёма этой прокуратуры в Qabyldau ещё не опубликован.",
            (SchedulesComing, En) => "This office's reception schedule is not yet published in Qabyldau.",
            (Footer, Kk) => "Qabyldau — прокуратура органдарында жеке қабылдауға алдын ала жазылу. Жеке қабылдау қағидалары (ҚР Бас прокурорының № 87 бұйрығы).",
            (Footer, Ru) => "Qabyldau — предварительная запись на личный приём в органах прокуратуры. Правила личного приёма (приказ Генерального Прокурора РК № 87).",
            (Footer, En) => "Qabyldau — pre-registration for personal reception at prosecutor's offices. Rules for personal reception (Order of the Prosecutor General No. 87).",
            (RegionalGroup, Kk) => "Облыстар мен республикалық маңызы бар қалалар",
            (RegionalGroup, Ru) => "Области и города республиканского значения",
            (RegionalGroup, En) => "Regions and cities of republican significance",
            (DaysOffTitle, Kk) => "Алдағы демалыс және мереке күндері",
            (DaysOffTitle, Ru) => "Ближайшие выходные и праздничные дни",
            (DaysOffTitle, En) => "Upcoming days off",
            (DaysOffIntro, Kk) => "Бұл күндері прокуратура жұмыс істемейді, қабылдау өткізілмейді (сенбі мен жексенбіден басқа).",
            (DaysOffIntro, Ru) => "В эти дни, помимо суббот и воскресений, прокуратура не работает и приём не проводится.",
            (DaysOffIntro, En) => "Besides Saturdays and Sundays, the office is closed and holds no reception on these days.",
            (TodayWorking, Kk) => "Бүгін — жұмыс күні.",
            (TodayWorking, Ru) => "Сегодня рабочий день.",
            (TodayWorking, En) => "Today is a working day.",
            (TodayOff, Kk) => "Бүгін — демалыс күні.",
            (TodayOff, Ru) => "Сегодня выходной день.",
            (TodayOff, En) => "Today is a day off.",
        }
    }
}

pub fn level(level: OfficeLevel, lang: Lang) -> &'static str {
    use Lang::*;
    use OfficeLevel::*;
    match (level, lang) {
        (General, Kk) => "Бас прокуратура",
        (General, Ru) => "Генеральная прокуратура",
        (General, En) => "General Prosecutor's Office",
        (Regional, Kk) => "Облыстық деңгейдегі прокуратура",
        (Regional, Ru) => "Прокуратура областного уровня",
        (Regional, En) => "Regional-level office",
        (District, Kk) => "Аудандық деңгейдегі прокуратура",
        (District, Ru) => "Прокуратура районного уровня",
        (District, En) => "District-level office",
    }
}

/// "N offices found", with the plural forms each language needs.
pub fn found(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{n} прокуратура табылды"),
        Lang::Ru if is_ru_singular(n) => format!("Найдена {n} {}", ru_offices(n)),
        Lang::Ru => format!("Найдено {n} {}", ru_offices(n)),
        Lang::En => format!("{} found", count(n, Lang::En)),
    }
}

/// "N offices" under a region's heading.
pub fn count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{n} прокуратура"),
        Lang::Ru => format!("{n} {}", ru_offices(n)),
        Lang::En if n == 1 => "1 office".to_owned(),
        Lang::En => format!("{n} offices"),
    }
}

fn is_ru_singular(n: usize) -> bool {
    n % 10 == 1 && n % 100 != 11
}

/// Russian plural: 1 прокуратура, 2–4 прокуратуры, 5–20 прокуратур, 21 прокуратура, ...
fn ru_offices(n: usize) -> &'static str {
    match (n % 10, n % 100) {
        _ if is_ru_singular(n) => "прокуратура",
        (2..=4, r) if !(12..=14).contains(&r) => "прокуратуры",
        _ => "прокуратур",
    }
}

const MONTHS_KK: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];
/// Russian months in the genitive, as a date needs them: «16 декабря».
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS_KK: [&str; 7] = [
    "дүйсенбі",
    "сейсенбі",
    "сәрсенбі",
    "бейсенбі",
    "жұма",
    "сенбі",
    "жексенбі",
];
const WEEKDAYS_RU: [&str; 7] = [
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A date as people write it: «2026 жылғы 16 желтоқсан, сәрсенбі»,
/// «16 декабря 2026 г., среда», "Wednesday, 16 December 2026".
pub fn long_date(date: time::Date, lang: Lang) -> String {
    let m = usize::from(u8::from(date.month())) - 1;
    let w = usize::from(date.weekday().number_days_from_monday());
    let (d, y) = (date.day(), date.year());
    match lang {
        Lang::Kk => format!("{y} жылғы {d} {}, {}", MONTHS_KK[m], WEEKDAYS_KK[w]),
        Lang::Ru => format!("{d} {} {y} г., {}", MONTHS_RU[m], WEEKDAYS_RU[w]),
        Lang::En => format!("{}, {d} {} {y}", WEEKDAYS_EN[w], MONTHS_EN[m]),
    }
}

/// The language names as their speakers write them, for the switch.
pub fn endonym(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "Қазақша",
        Lang::Ru => "Русский",
        Lang::En => "English",
    }
}
