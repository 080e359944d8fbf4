//! The catalogue of every text the SPA shows, in Kazakh, Russian and English. A `Msg` is
//! translated by an exhaustive `match`, so a text missing in one language does not compile.

pub mod booking;
pub mod guide;
pub mod manage;
pub mod queue;
pub mod slip;
#[cfg(feature = "staff")]
pub mod staff;

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
    CentreRoom,
    ResponsiblePhone,
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
    SampleData,
    VideoOnlyTitle,
    VideoOnlyHint,
    Reason,
    OutOfTownDistrict,
    OutOfTownRegional,
    PosterLink,
    QueueTitle,
    QueueTakeTicket,
    QueueHours,
    Competence,
    UpcomingReceptions,
    NoUpcoming,
    PlaceOffice,
    PlaceCentre,
    PlaceOutreach,
    PlaceInstitution,
    FormatInPerson,
    FormatVideo,
    RegOpen,
    RegClosed,
    /// A registration state this version does not know (a newer Worker).
    RegUnknown,
    RegWalkIn,
    RegWalkInHours,
    ClosedR16,
    ClosedR34,
    ClosedStarted,
    ClosedNotWorkingDay,
    ClosedAsNeededR14,
    ClosedAsNeededR28,
    ClosedAsNeeded,
    ClosedNoCalendar,
    NoPlacesLeft,
    DutyTitle,
    DutyIntro,
    PosterTitle,
    PosterColumn,
    PrintButton,
    BackToOffice,
    ReceptionDays,
    ByPreRegistration,
    WithoutRegistration,
    PosterSite,
    PosterPeriod,
    Register,
    // The way into the "where should I go?" guide (R37, R39), on the home page.
    GuideLink,
    GuideLinkHint,
}

impl Msg {
    pub fn text(self, lang: Lang) -> &'static str {
        use Lang::*;
        use Msg::*;
        match (self, lang.fixed()) {
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
            (CentreRoom, Kk) => "Орталықтың бөлмесі",
            (CentreRoom, Ru) => "Кабинет центра",
            (CentreRoom, En) => "The Centre's room",
            (ResponsiblePhone, Kk) => "Жауапты қызметкерлердің байланыс телефоны",
            (ResponsiblePhone, Ru) => "Контактный телефон ответственных работников",
            (ResponsiblePhone, En) => "Responsible officers' contact phone",
            (Subordinate, Kk) => "Бағынысты прокуратуралар",
            (Subordinate, Ru) => "Нижестоящие прокуратуры",
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
            (ReceptionPreRegistration, Kk) => "Басшылықтың қабылдауы тек алдын ала жазылу бойынша өтеді (Қағидалар, 3-тармақ). Қабылдауға өкілеттік берілген қызметкерлер жұмыс күндері 09:00–18:30 аралығында күнделікті қабылдау жүргізеді (Қағидалар, 4-тармақ).",
            (ReceptionPreRegistration, Ru) => "Приём руководством — только по предварительной записи (Правила, пункт 3). Ежедневный приём уполномоченными работниками — в рабочие дни с 09:00 до 18:30 (Правила, пункт 4).",
            (ReceptionPreRegistration, En) => "The heads of this office receive by pre-registration only (Rules, para 3). Authorised staff receive every working day, 09:00–18:30 (Rules, para 4).",
            (SchedulesComing, Kk) => "Бұл прокуратураның қабылдау кестесі Qabyldau-да әлі жарияланбаған.",
            (SchedulesComing, Ru) => "График приёма этой прокуратуры в Qabyldau ещё не опубликован.",
            (SchedulesComing, En) => "This office's reception schedule is not yet published in Qabyldau.",
            (Footer, Kk) => "Qabyldau — прокуратура органдарында жеке қабылдауға алдын ала жазылу. Жеке қабылдау қағидалары ҚР Бас Прокурорының 2017 жылғы 24 тамыздағы №\u{a0}87 бұйрығымен бекітілген; 2023 жылғы 17 қаңтардағы №\u{a0}29 бұйрықпен олардың күші жойылды, ал сервис оларды өз қағидалар жинағы ретінде қолданады.",
            (Footer, Ru) => "Qabyldau — предварительная запись на личный приём в органах прокуратуры. Правила личного приёма утверждены приказом Генерального Прокурора РК от 24 августа 2017\u{a0}г. №\u{a0}87; приказом от 17 января 2023\u{a0}г. №\u{a0}29 они признаны утратившими силу, а сервис применяет их как свой набор правил.",
            (Footer, En) => "Qabyldau — pre-registration for personal reception at prosecutor's offices. The Rules for personal reception were approved by Order of the Prosecutor General No.\u{a0}87 of 24 August 2017; Order No.\u{a0}29 of 17 January 2023 repealed them, and the service applies them as its rule set.",
            (RegionalGroup, Kk) => "Облыстар мен республикалық маңызы бар қалалар",
            (RegionalGroup, Ru) => "Области и города республиканского значения",
            (RegionalGroup, En) => "Regions and cities of republican significance",
            (DaysOffTitle, Kk) => "Алдағы демалыс және мереке күндері",
            (DaysOffTitle, Ru) => "Ближайшие выходные и праздничные дни",
            (DaysOffTitle, En) => "Upcoming days off",
            (DaysOffIntro, Kk) => "Сенбі мен жексенбіден бөлек, бұл күндері де прокуратура жұмыс істемейді, қабылдау өткізілмейді.",
            (DaysOffIntro, Ru) => "В эти дни, помимо суббот и воскресений, прокуратура не работает и приём не проводится.",
            (DaysOffIntro, En) => "Besides Saturdays and Sundays, the office is closed and holds no reception on these days.",
            (TodayWorking, Kk) => "Бүгін — жұмыс күні.",
            (TodayWorking, Ru) => "Сегодня рабочий день.",
            (TodayWorking, En) => "Today is a working day.",
            (TodayOff, Kk) => "Бүгін — демалыс күні.",
            (TodayOff, Ru) => "Сегодня выходной день.",
            (TodayOff, En) => "Today is a day off.",
            (SampleData, Kk) => "Назар аударыңыз: бұл — үлгі деректер, нақты кесте емес. Прокуратура өз кестесін жарияламайынша, мұндағы аты-жөндер, күндер мен уақыт шынайы емес — оларға сүйеніп бармаңыз.",
            (SampleData, Ru) => "Внимание: это образец данных, а не настоящий график. Пока прокуратура не опубликует свой график, имена, даты и время здесь ненастоящие — не планируйте по ним визит.",
            (SampleData, En) => "Please note: this is sample data, not a real schedule. Until the office publishes its own, the names, dates and times here are not real — do not plan a visit by them.",
            (VideoOnlyTitle, Kk) => "Қабылдау тек бейнеконференцбайланыс арқылы өткізіледі",
            (VideoOnlyTitle, Ru) => "Приём проводится только по видеоконференцсвязи",
            (VideoOnlyTitle, En) => "Reception by video conference only",
            (VideoOnlyHint, Kk) => "Бетпе-бет қабылдауға жазылу уақытша жүргізілмейді (Қағидалар, 11-тармақ).",
            (VideoOnlyHint, Ru) => "Запись на очный приём временно не ведётся (Правила, пункт 11).",
            (VideoOnlyHint, En) => "Registration for in-person reception is suspended for now (Rules, para 11).",
            (Reason, Kk) => "Себебі",
            (Reason, Ru) => "Причина",
            (Reason, En) => "Reason",
            (OutOfTownDistrict, Kk) => "Басқа елді мекеннен келсеңіз, аудандық прокуратура сізді кестеге қарамастан келген күніңізде қабылдауға барын салады (Қағидалар, 8-тармақ).",
            (OutOfTownDistrict, Ru) => "Если вы приехали из другого населённого пункта, районная прокуратура постарается принять вас в день обращения, независимо от графика (Правила, пункт 8).",
            (OutOfTownDistrict, En) => "If you come from another town, the district office will do its best to receive you on the day you come, whatever the schedule (Rules, para 8).",
            (OutOfTownRegional, Kk) => "Басқа елді мекеннен келсеңіз, осы прокуратураның құрылымдық бөлімшелерінің басшылары сізді кестеге қарамастан келген күніңізде қабылдауға барын салады (Қағидалар, 8-тармақ).",
            (OutOfTownRegional, Ru) => "Если вы приехали из другого населённого пункта, руководители структурных подразделений этой прокуратуры постараются принять вас в день обращения, независимо от графика (Правила, пункт 8).",
            (OutOfTownRegional, En) => "If you come from another town, the heads of this office's structural units will do their best to receive you on the day you come, whatever the schedule (Rules, para 8).",
            (PosterLink, Kk) => "Басып шығаруға арналған кесте (A4)",
            (PosterLink, Ru) => "График для печати (A4)",
            (PosterLink, En) => "Poster for printing (A4)",
            (QueueTitle, Kk) => "Электрондық кезек",
            (QueueTitle, Ru) => "Электронная очередь",
            (QueueTitle, En) => "Electronic queue",
            (QueueTakeTicket, Kk) => "Талон алу",
            (QueueTakeTicket, Ru) => "Взять талон",
            (QueueTakeTicket, En) => "Take a ticket",
            (QueueHours, Kk) => "Күнделікті қабылдауға талон жұмыс күндері 09:00–18:30 аралығында беріледі, тіркелусіз.",
            (QueueHours, Ru) => "Талоны на ежедневный приём выдаются в рабочие дни с 09:00 до 18:30, без записи.",
            (QueueHours, En) => "Tickets for the daily reception are issued on working days, 09:00–18:30, without registration.",
            (Competence, Kk) => "Құзыреті",
            (Competence, Ru) => "Компетенция",
            (Competence, En) => "Competence",
            (UpcomingReceptions, Kk) => "Алдағы қабылдаулар",
            (UpcomingReceptions, Ru) => "Ближайшие приёмы",
            (UpcomingReceptions, En) => "Next receptions",
            (NoUpcoming, Kk) => "Алдағы 8\u{a0}аптада қабылдау жоспарланбаған.",
            (NoUpcoming, Ru) => "В ближайшие 8\u{a0}недель приём не запланирован.",
            (NoUpcoming, En) => "No reception is planned in the next 8 weeks.",
            (PlaceOffice, Kk) => "Прокуратура ғимаратында",
            (PlaceOffice, Ru) => "В здании прокуратуры",
            (PlaceOffice, En) => "At the office",
            (PlaceCentre, Kk) => "Азаматтарды қабылдау орталығында",
            (PlaceCentre, Ru) => "В Центре приёма граждан",
            (PlaceCentre, En) => "At the Citizens' Reception Centre",
            (PlaceOutreach, Kk) => "Көшпелі қабылдау",
            (PlaceOutreach, Ru) => "Выездной приём",
            (PlaceOutreach, En) => "Outreach reception",
            (PlaceInstitution, Kk) => "Мекемеде",
            (PlaceInstitution, Ru) => "В учреждении",
            (PlaceInstitution, En) => "At the institution",
            (FormatInPerson, Kk) => "Бетпе-бет",
            (FormatInPerson, Ru) => "Очно",
            (FormatInPerson, En) => "In person",
            (FormatVideo, Kk) => "Бейнеконференцбайланыс арқылы",
            (FormatVideo, Ru) => "По видеоконференцсвязи",
            (FormatVideo, En) => "By video conference",
            (RegOpen, Kk) => "Алдын ала жазылу ашық — соңғы мерзімі:",
            (RegOpen, Ru) => "Предварительная запись открыта — последний срок:",
            (RegOpen, En) => "Pre-registration open until",
            (RegClosed, Kk) => "Алдын ала жазылу жабық",
            (RegClosed, Ru) => "Предварительная запись закрыта",
            (RegClosed, En) => "Pre-registration closed",
            (RegUnknown, Kk) => "Жазылу мүмкіндігін прокуратурадан нақтылаңыз",
            (RegUnknown, Ru) => "Возможность записи уточните в прокуратуре",
            (RegUnknown, En) => "Ask the prosecutor's office whether you can register",
            (RegWalkIn, Kk) => "Жазылудың қажеті жоқ — кез келген жұмыс күні 09:00–18:30 аралығында келіңіз",
            (RegWalkIn, Ru) => "Запись не требуется — приходите в любой рабочий день с 09:00 до 18:30",
            (RegWalkIn, En) => "No registration needed — come any working day, 09:00–18:30",
            (RegWalkInHours, Kk) => "Жазылудың қажеті жоқ — қабылдау уақытында келіңіз",
            (RegWalkInHours, Ru) => "Запись не требуется — приходите в часы приёма",
            (RegWalkInHours, En) => "No registration needed — come during the reception hours",
            (ClosedR16, Kk) => "жазылу қабылдаудан 5\u{a0}күн бұрын жабылады (Қағидалар, 16-тармақ)",
            (ClosedR16, Ru) => "запись закрывается за 5\u{a0}дней до приёма (Правила, пункт 16)",
            (ClosedR16, En) => "registration closes 5 days before the reception (Rules, para 16)",
            (ClosedR34, Kk) => "жазылу қабылдаудан бір күн бұрын жабылады (Қағидалар, 34-тармақ)",
            (ClosedR34, Ru) => "запись закрывается за день до приёма (Правила, пункт 34)",
            (ClosedR34, En) => "registration closes one day before the reception (Rules, para 34)",
            (ClosedStarted, Kk) => "қабылдау басталып кетті",
            (ClosedStarted, Ru) => "приём уже начался",
            (ClosedStarted, En) => "the reception has already started",
            (ClosedNotWorkingDay, Kk) => "бұл күн жұмыс күні емес",
            (ClosedNotWorkingDay, Ru) => "этот день нерабочий",
            (ClosedNotWorkingDay, En) => "that day is not a working day",
            (ClosedAsNeededR14, Kk) => "бұл лауазымды адам қажеттілігіне қарай қабылдайды, жалпыға ашық жазылу жоқ (Қағидалар, 14-тармақ)",
            (ClosedAsNeededR14, Ru) => "это должностное лицо принимает по мере необходимости, открытой записи нет (Правила, пункт 14)",
            (ClosedAsNeededR14, En) => "this official receives as the need arises; there is no public registration (Rules, para 14)",
            (ClosedAsNeededR28, Kk) => "бұл лауазымды адам қажеттілігіне қарай қабылдайды, жалпыға ашық жазылу жоқ (Қағидалар, 28-тармақ)",
            (ClosedAsNeededR28, Ru) => "это должностное лицо принимает по мере необходимости, открытой записи нет (Правила, пункт 28)",
            (ClosedAsNeededR28, En) => "this official receives as the need arises; there is no public registration (Rules, para 28)",
            (ClosedAsNeeded, Kk) => "бұл лауазымды адам қажеттілігіне қарай қабылдайды, жалпыға ашық жазылу жоқ",
            (ClosedAsNeeded, Ru) => "это должностное лицо принимает по мере необходимости, открытой записи нет",
            (ClosedAsNeeded, En) => "this official receives as the need arises; there is no public registration",
            (ClosedNoCalendar, Kk) => "сол жылдың жұмыс күнтізбесі әлі жарияланбаған",
            (ClosedNoCalendar, Ru) => "производственный календарь на этот год ещё не опубликован",
            (ClosedNoCalendar, En) => "the working calendar for that year is not published yet",
            (NoPlacesLeft, Kk) => "Бос орын қалмады.",
            (NoPlacesLeft, Ru) => "Свободных мест нет.",
            (NoPlacesLeft, En) => "No places left.",
            (DutyTitle, Kk) => "Мекемелердегі кезекші прокурорлардың қабылдауы",
            (DutyTitle, Ru) => "Приём дежурными прокурорами в учреждениях",
            (DutyTitle, En) => "Duty prosecutors' receptions at institutions",
            (DutyIntro, Kk) => "Ішкі істер органдарының ғимараттарында, пенитенциарлық және арнаулы мекемелерде кезекші прокурорлар бекітілген кесте бойынша қабылдайды (Қағидалар, 6-тармақ).",
            (DutyIntro, Ru) => "В зданиях органов внутренних дел, в пенитенциарных и специальных учреждениях приём ведут дежурные прокуроры по утверждённому графику (Правила, пункт 6).",
            (DutyIntro, En) => "In internal-affairs buildings and in penitentiary and special institutions, duty prosecutors receive on an approved schedule (Rules, para 6).",
            (PosterTitle, Kk) => "Жеке қабылдау кестесі",
            (PosterTitle, Ru) => "График личного приёма",
            (PosterTitle, En) => "Personal reception schedule",
            (PosterColumn, Kk) => "Мемлекеттік тілде",
            (PosterColumn, Ru) => "На русском языке",
            (PosterColumn, En) => "In English",
            (PrintButton, Kk) => "Басып шығару",
            (PrintButton, Ru) => "Распечатать",
            (PrintButton, En) => "Print",
            (BackToOffice, Kk) => "Прокуратура бетіне оралу",
            (BackToOffice, Ru) => "Вернуться на страницу прокуратуры",
            (BackToOffice, En) => "Back to the office page",
            (ReceptionDays, Kk) => "Қабылдау күндері мен уақыты",
            (ReceptionDays, Ru) => "Дни и время приёма",
            (ReceptionDays, En) => "Reception days and hours",
            (ByPreRegistration, Kk) => "Алдын ала жазылу бойынша",
            (ByPreRegistration, Ru) => "По предварительной записи",
            (ByPreRegistration, En) => "By pre-registration",
            (WithoutRegistration, Kk) => "Алдын ала жазылусыз",
            (WithoutRegistration, Ru) => "Без предварительной записи",
            (WithoutRegistration, En) => "Without pre-registration",
            (PosterSite, Kk) => "Толық кесте және алдын ала жазылу:",
            (PosterSite, Ru) => "Полный график и предварительная запись:",
            (PosterSite, En) => "Full schedule and pre-registration:",
            (PosterPeriod, Kk) => "Кесте мерзімі",
            (PosterPeriod, Ru) => "Период",
            (PosterPeriod, En) => "Period",
            (Register, Kk) => "Қабылдауға жазылу",
            (Register, Ru) => "Записаться на приём",
            (Register, En) => "Register for this reception",
            (GuideLink, Kk) => "Қайда жүгіну керек?",
            (GuideLink, Ru) => "Куда обратиться?",
            (GuideLink, En) => "Where should I go?",
            (GuideLinkHint, Kk) => "Төрт қарапайым сұраққа жауап беріңіз — қай прокуратураға және қашан баруға болатынын айтамыз.",
            (GuideLinkHint, Ru) => "Ответьте на четыре простых вопроса — подскажем, в какую прокуратуру и когда прийти.",
            (GuideLinkHint, En) => "Answer four simple questions and we will tell you which office to go to, and when.",
        }
    }
}

pub fn level(level: OfficeLevel, lang: Lang) -> &'static str {
    use Lang::*;
    use OfficeLevel::*;
    match (level, lang.fixed()) {
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
    match lang.fixed() {
        Lang::Kk => format!("{n} прокуратура табылды"),
        Lang::Ru if is_ru_singular(n) => format!("Найдена {n} {}", ru_offices(n)),
        Lang::Ru => format!("Найдено {n} {}", ru_offices(n)),
        Lang::En => format!("{} found", count(n, Lang::En)),
    }
}

/// "N offices" under a region's heading.
pub fn count(n: usize, lang: Lang) -> String {
    match lang.fixed() {
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
    match lang.fixed() {
        Lang::Kk => format!("{y} жылғы {d} {}, {}", MONTHS_KK[m], WEEKDAYS_KK[w]),
        Lang::Ru => format!("{d} {} {y}\u{a0}г., {}", MONTHS_RU[m], WEEKDAYS_RU[w]),
        Lang::En => format!("{}, {d} {} {y}", WEEKDAYS_EN[w], MONTHS_EN[m]),
    }
}

/// "Show all (N)": the toggle that reveals the rest of an official's receptions.
pub fn show_all(n: usize, lang: Lang) -> String {
    match lang.fixed() {
        Lang::Kk => format!("Барлығын көрсету ({n})"),
        Lang::Ru => format!("Показать все ({n})"),
        Lang::En => format!("Show all ({n})"),
    }
}

/// Places still free at a reception that takes pre-registration.
pub fn places_left(left: u32, capacity: u32, lang: Lang) -> String {
    match lang.fixed() {
        Lang::Kk => format!("Бос орын: {left} / {capacity}"),
        Lang::Ru => format!("Свободных мест: {left} из {capacity}"),
        Lang::En => format!("Places left: {left} of {capacity}"),
    }
}

/// R39-1, R39-3: the Citizens' Reception Centre's hours.
pub fn centre_hours(opens: &str, closes: &str, lang: Lang) -> String {
    match lang.fixed() {
        Lang::Kk => format!("Азаматтарды қабылдау орталығы жұмыс күндері {opens}–{closes} аралығында электрондық кезек бойынша қабылдайды (Қағидалар, 39-1, 39-3-тармақтар)."),
        Lang::Ru => format!("Центр приёма граждан принимает в рабочие дни с {opens} до {closes} в порядке электронной очереди (Правила, пункты 39-1, 39-3)."),
        Lang::En => format!("The Citizens' Reception Centre receives on working days, {opens}–{closes}, by electronic queue (Rules, paras 39-1, 39-3)."),
    }
}

/// The poster's line for an official who receives every working day (R37).
pub fn every_working_day(start: &str, end: &str, lang: Lang) -> String {
    match lang.fixed() {
        Lang::Kk => format!("Әр жұмыс күні, {start}–{end}"),
        Lang::Ru => format!("Каждый рабочий день, {start}–{end}"),
        Lang::En => format!("Every working day, {start}–{end}"),
    }
}

/// A date with a time of day: «2026 жылғы 4 желтоқсан, жұма, сағат 18:30».
pub fn date_time(date: time::Date, hm: &str, lang: Lang) -> String {
    match lang.fixed() {
        Lang::Kk => format!("{}, сағат {hm}", long_date(date, lang)),
        Lang::Ru | Lang::En => format!("{}, {hm}", long_date(date, lang)),
    }
}

/// A date without its weekday: «2026 жылғы 25 қараша», «25 ноября 2026 г.», "25 November 2026".
pub fn short_date(date: time::Date, lang: Lang) -> String {
    let m = usize::from(u8::from(date.month())) - 1;
    let (d, y) = (date.day(), date.year());
    match lang.fixed() {
        Lang::Kk => format!("{y} жылғы {d} {}", MONTHS_KK[m]),
        Lang::Ru => format!("{d} {} {y}\u{a0}г.", MONTHS_RU[m]),
        Lang::En => format!("{d} {} {y}", MONTHS_EN[m]),
    }
}

/// The month as it follows a list of days: «1, 8 желтоқсан», «1, 8 декабря», "1, 8 December".
pub fn month_after_days(month: time::Month, lang: Lang) -> &'static str {
    let m = usize::from(u8::from(month)) - 1;
    match lang.fixed() {
        Lang::Kk => MONTHS_KK[m],
        Lang::Ru => MONTHS_RU[m],
        Lang::En => MONTHS_EN[m],
    }
}

/// The weekday's name, lower-case in Kazakh and Russian as in running text.
pub fn weekday_name(day: time::Weekday, lang: Lang) -> &'static str {
    let w = usize::from(day.number_days_from_monday());
    match lang.fixed() {
        Lang::Kk => WEEKDAYS_KK[w],
        Lang::Ru => WEEKDAYS_RU[w],
        Lang::En => WEEKDAYS_EN[w],
    }
}

/// Shown offline: the data on the page is the copy stored at `when` (a [`date_time`]).
pub fn offline_as_of(when: &str, lang: Lang) -> String {
    match lang.fixed() {
        Lang::Kk => format!(
            "Интернет байланысы жоқ. Сақталған деректер көрсетілген ({when} жағдайы бойынша)."
        ),
        Lang::Ru => format!(
            "Нет подключения к интернету. Показаны сохранённые данные (по состоянию на {when})."
        ),
        Lang::En => format!("No internet connection. Showing saved data (as of {when})."),
    }
}

/// The language names as their speakers write them, for the switch: all three in every
/// build (so `lang`, not `lang.fixed()`: a one-language build still offers the others).
pub fn endonym(lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => "Қазақша",
        Lang::Ru => "Русский",
        Lang::En => "English",
    }
}

#[cfg(test)]
mod typography_tests {
    use super::*;

    /// Every text of the catalogue and of the rule set, as source: string literals and
    /// `format!` templates alike.
    const SOURCES: [(&str, &str); 9] = [
        ("i18n.rs", include_str!("i18n.rs")),
        ("i18n/guide.rs", include_str!("i18n/guide.rs")),
        ("i18n/booking.rs", include_str!("i18n/booking.rs")),
        ("i18n/manage.rs", include_str!("i18n/manage.rs")),
        ("i18n/slip.rs", include_str!("i18n/slip.rs")),
        ("i18n/queue.rs", include_str!("i18n/queue.rs")),
        ("i18n/staff.rs", include_str!("i18n/staff.rs")),
        (
            "rules/ruleset/questions.rs",
            include_str!("../../rules/src/ruleset/questions.rs"),
        ),
        (
            "rules/eligibility.rs",
            include_str!("../../rules/src/eligibility.rs"),
        ),
    ];

    /// Russian typography: «№» is never followed by an ordinary space, and the year's «г.»
    /// never follows a number (or a `{year}` placeholder) after an ordinary space: both take
    /// a non-breaking one (written `\u{a0}`), so that the line never breaks between them.
    #[test]
    fn numero_sign_and_year_abbreviation_take_a_non_breaking_space() {
        let mut bad = Vec::new();
        for (file, text) in SOURCES {
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                for (i, _) in line.match_indices('№') {
                    let after = &line[i + '№'.len_utf8()..];
                    if after.starts_with(' ') || after.starts_with('\t') {
                        bad.push(format!("{file}:{}: {line}", n + 1));
                    }
                }
                for (i, _) in line.match_indices(" г.") {
                    let before = line[..i].chars().last();
                    if before.is_some_and(|c| c.is_ascii_digit() || c == '}') {
                        bad.push(format!("{file}:{}: {line}", n + 1));
                    }
                }
            }
        }
        assert!(
            bad.is_empty(),
            "ordinary spaces at «№» or «г.»:\n{}",
            bad.join("\n")
        );
    }

    #[test]
    fn a_russian_date_keeps_its_year_and_abbreviation_together() {
        let d = time::macros::date!(2026 - 12 - 16);
        assert_eq!(long_date(d, Lang::Ru), "16 декабря 2026\u{a0}г., среда");
        assert!(Msg::Footer.text(Lang::Ru).contains("№\u{a0}87"));
        assert!(Msg::Footer.text(Lang::Ru).contains("№\u{a0}29"));
    }

    /// The footer names the order that repealed the Rules, in every language.
    #[test]
    fn the_footer_says_order_87_was_repealed_by_order_29() {
        for lang in Lang::ALL {
            let footer = Msg::Footer.text(lang);
            assert!(footer.contains("87") && footer.contains("29"), "{footer}");
            assert!(footer.contains("2023"), "{footer}");
        }
    }
}
