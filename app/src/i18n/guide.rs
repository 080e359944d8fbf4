//! Texts that lead a person who is not a lawyer through: the questionnaire in plain words
//! (its numbered questions, "why we ask", the official's competence), the review's consent
//! to the processing of personal data and how the decision reaches the person.

use rules::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum G {
    /// The `<details>` summary that opens the legal text behind a question.
    WhyWeAsk,
    /// Before the question as the Rules word it.
    InTheRules,
    /// Before the official's areas, under the competence question (R22, R27).
    OfficialCompetence,
    /// The competence question when the schedule lists no areas for the official.
    CompetenceNotListed,
    /// The review: consent to the processing of personal data.
    ConsentTitle,
    /// What is kept and for how long (README, "Personal data": 30 days after the reception).
    ConsentText,
    ConsentLabel,
    ConsentRequired,
    /// The review: how and when the decision reaches the person (R15).
    DecisionTitle,
    /// The review: go back to the form from its section.
    EditDetails,
    // "Where should I go?" (R3, R37, R39): the guide from the home page.
    GuideTitle,
    GuideIntro,
    GuideWhere,
    GuideRegion,
    GuideDistrict,
    GuideDistrictUnknown,
    GuideCourt,
    GuideCourtHint,
    GuideWhom,
    GuideWhomAny,
    GuideWhomRegional,
    GuideWhomGeneral,
    GuideReceivedRegional,
    GuideReceivedGeneral,
    GuideShow,
    GuideAnswerAll,
    GuideResult,
    GuideGoDistrict,
    GuideDistrictHours,
    GuideFindDistrict,
    GuideOfficePage,
    GuideRefused,
    GuideInstead,
    GuideRegister,
    GuideRegisterHint,
    GuideOpenSchedule,
}

impl G {
    pub fn text(self, lang: Lang) -> &'static str {
        use Lang::*;
        use G::*;
        match (self, lang.fixed()) {
            (WhyWeAsk, Kk) => "Неге сұраймыз",
            (WhyWeAsk, Ru) => "Почему мы спрашиваем",
            (WhyWeAsk, En) => "Why we ask",
            (InTheRules, Kk) => "Қағидаларда бұл сұрақ былай жазылған",
            (InTheRules, Ru) => "В Правилах этот вопрос звучит так",
            (InTheRules, En) => "The Rules put this question so",
            (OfficialCompetence, Kk) => "Бұл лауазымды адам мына мәселелерге жауап береді",
            (OfficialCompetence, Ru) => "Это должностное лицо отвечает за",
            (OfficialCompetence, En) => "This official is responsible for",
            (CompetenceNotListed, Kk) => "Бұл лауазымды адамның құзыреті кестеде көрсетілмеген: сенімді болмасаңыз, «білмеймін» деп жауап беріңіз.",
            (CompetenceNotListed, Ru) => "Компетенция этого должностного лица в графике не указана: если не уверены, ответьте «не знаю».",
            (CompetenceNotListed, En) => "The schedule does not list this official's areas: if you are not sure, answer “don't know”.",
            (ConsentTitle, Kk) => "Дербес деректерді өңдеуге келісім",
            (ConsentTitle, Ru) => "Согласие на обработку персональных данных",
            (ConsentTitle, En) => "Consent to the processing of personal data",
            (ConsentText, Kk) => "Прокуратура өтінішті қарау және сізді қабылдау үшін сіз көрсеткен деректерді сақтайды: аты-жөніңіз, ЖСН немесе паспорт нөмірі, азаматтығыңыз, телефоныңыз бен поштаңыз, мәселенің мәні мен сұрақтарға жауаптарыңыз, сондай-ақ өкілдік туралы мәліметтер. Олар қабылдау күнінен кейін 30\u{a0}күн өткен соң өшіріледі.",
            (ConsentText, Ru) => "Для рассмотрения заявки и приёма прокуратура хранит указанные вами данные: ФИО, ИИН или номер паспорта, гражданство, телефон и почту, суть вопроса и ответы на вопросы, а также сведения о представительстве. Они удаляются через 30\u{a0}дней после дня приёма.",
            (ConsentText, En) => "To consider the request and receive you, the prosecutor's office keeps what you entered: your name, IIN or passport number, citizenship, phone and e-mail, the substance of the matter and your answers, and the details of whom you represent. They are deleted 30\u{a0}days after the reception.",
            (ConsentLabel, Kk) => "Қабылдауға жазылу үшін дербес деректерімді жинауға және өңдеуге келісім беремін",
            (ConsentLabel, Ru) => "Даю согласие на сбор и обработку моих персональных данных для записи на приём",
            (ConsentLabel, En) => "I consent to the collection and processing of my personal data for the registration",
            (ConsentRequired, Kk) => "Дербес деректерді өңдеуге келісіміңізді белгілеңіз: онсыз өтінішті жіберу мүмкін емес.",
            (ConsentRequired, Ru) => "Отметьте согласие на обработку персональных данных: без него заявку отправить нельзя.",
            (ConsentRequired, En) => "Tick your consent to the processing of personal data: the request cannot be sent without it.",
            (DecisionTitle, Kk) => "Шешім туралы қалай білесіз",
            (DecisionTitle, Ru) => "Как вы узнаете о решении",
            (DecisionTitle, En) => "How you will learn the decision",
            (EditDetails, Kk) => "Мәліметтерді өзгерту",
            (EditDetails, Ru) => "Изменить данные",
            (EditDetails, En) => "Change your details",
            (GuideTitle, Kk) => "Қайда жүгіну керек?",
            (GuideTitle, Ru) => "Куда обратиться?",
            (GuideTitle, En) => "Where should I go?",
            (GuideIntro, Kk) => "Көп мәселе аудандық прокуратурада шешіледі: ол кез келген жұмыс күні жазылусыз қабылдайды. Басшылық тек алдын ала жазылу бойынша қабылдайды. Төрт сұраққа жауап беріңіз.",
            (GuideIntro, Ru) => "Большинство вопросов решает районная прокуратура: она принимает в любой рабочий день без записи. Руководство принимает только по предварительной записи. Ответьте на четыре вопроса.",
            (GuideIntro, En) => "Most matters are dealt with by the district office: it receives any working day without registration. The leadership receives by pre-registration only. Answer four questions.",
            (GuideWhere, Kk) => "1. Бұл қай жерде болды?",
            (GuideWhere, Ru) => "1. Где это произошло?",
            (GuideWhere, En) => "1. Where did it happen?",
            (GuideRegion, Kk) => "Облыс немесе қала",
            (GuideRegion, Ru) => "Область или город",
            (GuideRegion, En) => "Region or city",
            (GuideDistrict, Kk) => "Аудан немесе қала",
            (GuideDistrict, Ru) => "Район или город",
            (GuideDistrict, En) => "District or town",
            (GuideDistrictUnknown, Kk) => "Білмеймін",
            (GuideDistrictUnknown, Ru) => "Не знаю",
            (GuideDistrictUnknown, En) => "Don't know",
            (GuideCourt, Kk) => "2. Ісіңізді қазір сот қарап жатыр ма?",
            (GuideCourt, Ru) => "2. Ваше дело сейчас рассматривает суд?",
            (GuideCourt, En) => "2. Is a court hearing your case right now?",
            (GuideCourtHint, Kk) => "Мысалы, сот отырысы тағайындалған немесе сот әлі шешім шығарған жоқ.",
            (GuideCourtHint, Ru) => "Например, назначено судебное заседание или суд ещё не вынес решение.",
            (GuideCourtHint, En) => "For example, a hearing has been set or the court has not yet decided.",
            (GuideWhom, Kk) => "3. Кімнің қабылдауына барғыңыз келеді?",
            (GuideWhom, Ru) => "3. К кому вы хотите попасть на приём?",
            (GuideWhom, En) => "3. Whom do you want to see?",
            (GuideWhomAny, Kk) => "Мәселемді қарайтын кез келген прокурорға",
            (GuideWhomAny, Ru) => "К любому прокурору, который разберётся в моём вопросе",
            (GuideWhomAny, En) => "Any prosecutor who will look into my matter",
            (GuideWhomRegional, Kk) => "Облыс (қала) прокурорына немесе оның орынбасарына",
            (GuideWhomRegional, Ru) => "К прокурору области (города) или его заместителю",
            (GuideWhomRegional, En) => "The prosecutor of the region (city) or a deputy",
            (GuideWhomGeneral, Kk) => "Бас Прокурорға",
            (GuideWhomGeneral, Ru) => "К Генеральному Прокурору",
            (GuideWhomGeneral, En) => "The Prosecutor General",
            (GuideReceivedRegional, Kk) => "4. Осы мәселе бойынша облыс (қала) прокуроры сізді бұрын қабылдады ма?",
            (GuideReceivedRegional, Ru) => "4. Прокурор области (города) уже принимал вас по этому же вопросу?",
            (GuideReceivedRegional, En) => "4. Has the prosecutor of the region (city) already received you on this same matter?",
            (GuideReceivedGeneral, Kk) => "4. Осы мәселе бойынша Бас Прокурор сізді бұрын қабылдады ма немесе сізге жауап берді ме?",
            (GuideReceivedGeneral, Ru) => "4. Генеральный Прокурор уже принимал вас по этому же вопросу или отвечал вам?",
            (GuideReceivedGeneral, En) => "4. Has the Prosecutor General already received you on this same matter, or answered you?",
            (GuideShow, Kk) => "Қайда бару керектігін көрсету",
            (GuideShow, Ru) => "Показать, куда идти",
            (GuideShow, En) => "Show where to go",
            (GuideAnswerAll, Kk) => "Барлық сұраққа жауап беріңіз.",
            (GuideAnswerAll, Ru) => "Ответьте на все вопросы.",
            (GuideAnswerAll, En) => "Answer every question.",
            (GuideResult, Kk) => "Сізге қайда бару керек",
            (GuideResult, Ru) => "Куда вам обратиться",
            (GuideResult, En) => "Where to go",
            (GuideGoDistrict, Kk) => "Аудандық прокуратураға келіңіз",
            (GuideGoDistrict, Ru) => "Приходите в районную прокуратуру",
            (GuideGoDistrict, En) => "Come to the district office",
            (GuideDistrictHours, Kk) => "Кез келген жұмыс күні 09:00–18:30 аралығында, жазылусыз. Қабылдаудан бас тарта алмайды.",
            (GuideDistrictHours, Ru) => "В любой рабочий день с 09:00 до 18:30, без записи. В приёме вам не откажут.",
            (GuideDistrictHours, En) => "Any working day, 09:00–18:30, without registration. You cannot be refused.",
            (GuideFindDistrict, Kk) => "Бұл болған жердің аудандық прокуратурасын тізімнен табыңыз",
            (GuideFindDistrict, Ru) => "Найдите в списке районную прокуратуру того места, где это произошло",
            (GuideFindDistrict, En) => "Find the district office of the place where it happened in the list",
            (GuideOfficePage, Kk) => "Прокуратура беті: мекенжайы мен кестесі",
            (GuideOfficePage, Ru) => "Страница прокуратуры: адрес и график",
            (GuideOfficePage, En) => "The office's page: address and schedule",
            (GuideRefused, Kk) => "Бұл мәселе бойынша басшылықтың қабылдауына жазылу жүргізілмейді",
            (GuideRefused, Ru) => "По такому вопросу записи на приём к руководству нет",
            (GuideRefused, En) => "No pre-registration with the leadership on such a matter",
            (GuideInstead, Kk) => "Оның орнына",
            (GuideInstead, Ru) => "Что можно сделать",
            (GuideInstead, En) => "What you can do",
            (GuideRegister, Kk) => "Қабылдауға алдын ала жазылыңыз",
            (GuideRegister, Ru) => "Запишитесь на приём заранее",
            (GuideRegister, En) => "Pre-register for a reception",
            (GuideRegisterHint, Kk) => "Кестеден қабылдауды таңдаңыз. Жауаптарыңыз жазылу сұрақтарында сақталады. Жазылусыз аудандық прокуратураға да келуге болады.",
            (GuideRegisterHint, Ru) => "Выберите приём в графике. Ваши ответы перенесутся в вопросы записи. Без записи можно также прийти в районную прокуратуру.",
            (GuideRegisterHint, En) => "Choose a reception in the schedule. Your answers carry over to the registration's questions. You can also come to the district office without registration.",
            (GuideOpenSchedule, Kk) => "Қабылдау кестесін ашу",
            (GuideOpenSchedule, Ru) => "Открыть график приёма",
            (GuideOpenSchedule, En) => "Open the reception schedule",
        }
    }
}

/// "Answer question 3": one line of step 1's error summary, a link to the question.
pub fn answer_question(n: usize, lang: Lang) -> String {
    match lang.fixed() {
        Lang::Kk => format!("{n}-сұраққа жауап беріңіз"),
        Lang::Ru => format!("Ответьте на вопрос {n}"),
        Lang::En => format!("Answer question {n}"),
    }
}

/// R15: how and when the decision reaches the person, with the rule set's consideration
/// period in working days.
pub fn decision_notice(working_days: u32, lang: Lang) -> String {
    match lang.fixed() {
        Lang::Kk => format!("Өтінішті жауапты қызметкер алған күнінен бастап {working_days}\u{a0}жұмыс күні ішінде қарайды. Шешімді және өтініштің мәртебесін жіберген соң берілетін жазылу сілтемесі арқылы көресіз; қажет болса, жауапты қызметкер сіз көрсеткен телефон немесе пошта арқылы хабарласады."),
        Lang::Ru => format!("Ответственный работник рассмотрит заявку в течение {working_days}\u{a0}рабочих дней со дня её получения. Решение и статус заявки вы увидите по ссылке на запись, которую получите после отправки; при необходимости с вами свяжутся по указанному телефону или почте."),
        Lang::En => format!("The responsible officer considers the request within {working_days}\u{a0}working days of receiving it. You will see the decision and the request's status through the booking link you get after sending; if needed, the officer will contact you by the phone or e-mail you gave."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_for_a_question_names_its_number_briefly() {
        assert_eq!(answer_question(3, Lang::Ru), "Ответьте на вопрос 3");
        assert_eq!(answer_question(3, Lang::Kk), "3-сұраққа жауап беріңіз");
        for lang in Lang::ALL {
            assert!(answer_question(12, lang).chars().count() < 30);
        }
    }
}
