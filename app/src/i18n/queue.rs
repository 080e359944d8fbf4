//! The texts of the electronic queue (R39-3): taking a ticket, the ticket's page, the kiosk
//! and the board, in Kazakh, Russian and English. A `Q` is translated by an exhaustive
//! `match`, so a text missing in one language does not compile.

use rules::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Q {
    TakeTitle,
    TakeIntro,
    ReceptionLanguage,
    Kazakh,
    Russian,
    OutOfTown,
    OutOfTownHint,
    Priority,
    PriorityNone,
    PriorityHint,
    Take,
    Taking,
    Closed,
    ClosedHint,
    Failed,
    TicketTitle,
    YourNumber,
    Ahead,
    NowCalled,
    NobodyCalled,
    YouAreCalled,
    GoToRoom,
    Room,
    StatusWaiting,
    StatusAbsent,
    StatusFinished,
    KeepPage,
    NoTicket,
    BoardTitle,
    Number,
    Waiting,
    SoundOn,
    KioskTitle,
    KioskChooseLanguage,
    KioskPriorityQuestion,
    KioskNoPriority,
    KioskOutOfTownQuestion,
    Yes,
    No,
    KioskYourTicket,
    KioskRemember,
    KioskDone,
    /// A poll answered `429 rate_limited` (R39-3): the page waits the `Retry-After`.
    UpdatingLessOften,
    /// Polls fail (the network, the server): what is shown is the last answer.
    NotUpdated,
}

impl Q {
    pub fn text(self, lang: Lang) -> &'static str {
        let (kk, ru, en) = match self {
            Q::TakeTitle => (
                "Электрондық кезек талоны",
                "Талон электронной очереди",
                "Electronic queue ticket",
            ),
            Q::TakeIntro => (
                "Жеке қабылдауға кезекке тұрыңыз: жеке деректер қажет емес. Нөміріңіз шақырылғанда осы бетте және залдағы таблода көрсетіледі.",
                "Встаньте в очередь на личный приём: личные данные не нужны. Когда ваш номер вызовут, это покажет эта страница и табло в зале.",
                "Join the queue for personal reception: no personal data is needed. When your number is called, this page and the board in the hall show it.",
            ),
            Q::ReceptionLanguage => (
                "Қабылдау тілі",
                "Язык приёма",
                "Language of the reception",
            ),
            Q::Kazakh => ("Қазақша", "Казахский", "Kazakh"),
            Q::Russian => ("Орысша", "Русский", "Russian"),
            Q::OutOfTown => (
                "Мен басқа елді мекеннен келдім",
                "Я приехал(а) из другого населённого пункта",
                "I have come from out of town",
            ),
            Q::OutOfTownHint => (
                "Басқа елді мекеннен келгендер келген күні қабылданады.",
                "Приехавших из другого населённого пункта принимают в день приезда.",
                "Visitors from out of town are received on the day they come.",
            ),
            Q::Priority => (
                "Кезектен тыс қабылдау құқығы",
                "Право на приём вне очереди",
                "Right to be received out of turn",
            ),
            Q::PriorityNone => ("Жоқ", "Нет", "None"),
            Q::PriorityHint => (
                "Құжатты қызметкерге көрсетіңіз: ол расталғаннан кейін ғана кезектен тыс шақырыласыз.",
                "Покажите документ сотруднику: вне очереди вас вызовут только после его проверки.",
                "Show the document to the staff: you are called out of turn only once it is checked.",
            ),
            Q::Take => ("Талон алу", "Взять талон", "Take a ticket"),
            Q::Taking => ("Талон беріліп жатыр…", "Талон выдаётся…", "Issuing the ticket…"),
            Q::Closed => (
                "Қазір талон берілмейді",
                "Сейчас талоны не выдаются",
                "No tickets are issued now",
            ),
            Q::ClosedHint => (
                "Күнделікті қабылдау жұмыс күндері 09:00–18:30 аралығында өтеді.",
                "Ежедневный приём ведётся в рабочие дни с 09:00 до 18:30.",
                "The daily reception is held on working days, 09:00–18:30.",
            ),
            Q::Failed => (
                "Талон берілмеді. Қайталап көріңіз.",
                "Талон не выдан. Попробуйте ещё раз.",
                "The ticket was not issued. Please try again.",
            ),
            Q::TicketTitle => ("Сіздің талоныңыз", "Ваш талон", "Your ticket"),
            Q::YourNumber => ("Сіздің нөміріңіз", "Ваш номер", "Your number"),
            Q::Ahead => ("Алдыңызда", "Перед вами", "Ahead of you"),
            Q::NowCalled => ("Қазір шақырылуда", "Сейчас вызываются", "Now called"),
            Q::NobodyCalled => (
                "Әзірге ешкім шақырылмады",
                "Пока никого не вызвали",
                "Nobody has been called yet",
            ),
            Q::YouAreCalled => (
                "Сіздің нөміріңіз шақырылды!",
                "Ваш номер вызван!",
                "Your number is called!",
            ),
            Q::GoToRoom => ("Мына кабинетке өтіңіз:", "Пройдите в кабинет:", "Go to room:"),
            Q::Room => ("Кабинет", "Кабинет", "Room"),
            Q::StatusWaiting => ("Кезекте күтуде", "Ожидает в очереди", "Waiting in the queue"),
            Q::StatusAbsent => (
                "Шақырылғанда келмедіңіз. Қызметкерге жүгініңіз.",
                "Вы не подошли по вызову. Обратитесь к сотруднику.",
                "You did not come when called. Please ask the staff.",
            ),
            Q::StatusFinished => ("Қабылдау аяқталды", "Приём окончен", "Reception finished"),
            Q::KeepPage => (
                "Бетті жаппаңыз: ол өздігінен жаңарады.",
                "Не закрывайте страницу: она обновляется сама.",
                "Keep this page open: it updates by itself.",
            ),
            Q::NoTicket => (
                "Бұл талон осы құрылғыда табылмады.",
                "Этот талон не найден на этом устройстве.",
                "This ticket is not found on this device.",
            ),
            Q::BoardTitle => ("Электрондық кезек", "Электронная очередь", "Electronic queue"),
            Q::Number => ("Нөмір", "Номер", "Number"),
            Q::Waiting => ("Кезекте", "В очереди", "Waiting"),
            Q::SoundOn => ("Дыбысты қосу", "Включить звук", "Turn the sound on"),
            Q::KioskTitle => ("Талон алу", "Взять талон", "Take a ticket"),
            Q::KioskChooseLanguage => (
                "Қабылдау тілін таңдаңыз",
                "Выберите язык приёма",
                "Choose the language of the reception",
            ),
            Q::KioskPriorityQuestion => (
                "Кезектен тыс қабылдау құқығыңыз бар ма?",
                "Есть ли у вас право на приём вне очереди?",
                "Do you have the right to be received out of turn?",
            ),
            Q::KioskNoPriority => ("Жоқ, құқығым жоқ", "Нет, не имею", "No"),
            Q::KioskOutOfTownQuestion => (
                "Басқа елді мекеннен келдіңіз бе?",
                "Вы приехали из другого населённого пункта?",
                "Have you come from out of town?",
            ),
            Q::Yes => ("Иә", "Да", "Yes"),
            Q::No => ("Жоқ", "Нет", "No"),
            Q::KioskYourTicket => ("Сіздің нөміріңіз", "Ваш номер", "Your number"),
            Q::KioskRemember => (
                "Нөміріңізді есте сақтаңыз және таблоны қадағалаңыз.",
                "Запомните номер и следите за табло.",
                "Remember your number and watch the board.",
            ),
            Q::KioskDone => ("Дайын", "Готово", "Done"),
            Q::UpdatingLessOften => (
                "Осы желіден сұраулар тым көп: бет сирегірек жаңарады.",
                "Из этой сети слишком много запросов: страница обновляется реже.",
                "Too many requests from this network: the page updates less often.",
            ),
            Q::NotUpdated => (
                "Жаңарту мүмкін болмады, қайта тырысып жатырмыз.",
                "Не удалось обновить, пробуем снова.",
                "Could not update; trying again.",
            ),
        };
        match lang.fixed() {
            Lang::Kk => kk,
            Lang::Ru => ru,
            Lang::En => en,
        }
    }
}

/// "Shown as of 10:31:05": how old the last answer a polling page shows is.
pub fn shown_as_of(hms: &str, lang: Lang) -> String {
    match lang.fixed() {
        Lang::Kk => format!("{hms} кезіндегі жағдай көрсетілген."),
        Lang::Ru => format!("Показано по состоянию на {hms}."),
        Lang::En => format!("Shown as of {hms}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_and_russian_differ_where_words_do() {
        for q in [Q::TakeTitle, Q::Take, Q::YourNumber, Q::Ahead, Q::NowCalled] {
            assert_ne!(q.text(Lang::Kk), q.text(Lang::Ru), "{q:?}");
            assert_ne!(q.text(Lang::Ru), q.text(Lang::En), "{q:?}");
        }
    }
}
