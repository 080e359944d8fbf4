//! The texts of pre-registration (the wizard), in Kazakh, Russian and English; the words it
//! shares with a person's bookings and the guide are theirs (src/i18n/manage.rs), named here
//! as `B::Shared`. As in the main catalogue, a `B` is translated by an
//! exhaustive `match`, so a text missing in one language does not compile. Every error code
//! of `rules::booking` and `rules::values` has a message here (R39-7: say what is missing
//! and why, in the applicant's language).

use super::manage::M;
use rules::values::AuthorityKind;
use rules::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum B {
    /// A word of the manage page's catalogue the wizard uses too.
    Shared(M),
    StepQuestions,
    StepForm,
    StepReview,
    Official,
    QuestionsIntro,
    Next,
    Back,
    AnswerThis,
    RefusedTitle,
    Grounds,
    NothingSent,
    RuleSetApplied,
    ChangeAnswers,
    ReviewTitle,
    NoPreRegTitle,
    NotOpenTitle,
    ReceptionNotFound,
    FormIntro,
    Optional,
    ApplicantKind,
    KindIndividual,
    KindRepresentative,
    Citizenship,
    Citizen,
    Foreigner,
    Stateless,
    Iin,
    IinHint,
    Passport,
    PassportHint,
    Surname,
    GivenName,
    Patronymic,
    Phone,
    PhoneHint,
    Email,
    EmailHint,
    Acting,
    ForSelf,
    ForOther,
    OtherPerson,
    Entity,
    Bin,
    Authority,
    AuthorityKind,
    Choose,
    AuthorityNumber,
    AuthorityDate,
    Substance,
    SubstanceHint,
    FormatLegend,
    FormatInPersonHere,
    FormatVideoInstead,
    VideoConsent,
    VideoOnlyReception,
    VideoOnlyOffice,
    InterpreterNeeded,
    InterpreterLanguage,
    InterpreterHint,
    ErrorSummary,
    ConsentRequired,
    ReviewIntro,
    YourAnswers,
    YourDetails,
    No,
    Send,
    Sending,
    /// While the proof of work is solved (no puzzle: only the device's time).
    Checking,
    WaitingForConnection,
    SendFailedNetwork,
    SendFailedServer,
    /// The proof of work was refused or could not be made.
    SendFailedCheck,
    DraftRestored,
    ForgetDraft,
    ForgetDraftNote,
    DraftForgotten,
    ErrReceptionFull,
    ErrDuplicate,
    ErrVideoOnly,
    ErrVideoReception,
    ErrUnknownReception,
    ErrGeneric,
    ErrRefusedServer,
    ChooseAnother,
    None,
    // R7, R15: the contact of a foreigner or a stateless person.
    PhoneHintInternational,
    EmailHintInternational,
}

impl B {
    pub fn text(self, lang: Lang) -> &'static str {
        use Lang::*;
        use B::*;
        match (self, lang.fixed()) {
            (Shared(m), lang) => m.text(lang),
            (StepQuestions, Kk) => "Жазылуға бола ма?",
            (StepQuestions, Ru) => "Можно ли записаться?",
            (StepQuestions, En) => "Can you be registered?",
            (StepForm, Kk) => "Сіз туралы мәліметтер",
            (StepForm, Ru) => "Ваши данные",
            (StepForm, En) => "Your details",
            (StepReview, Kk) => "Тексеру және жіберу",
            (StepReview, Ru) => "Проверка и отправка",
            (StepReview, En) => "Check and send",
            (Official, Kk) => "Лауазымды адам",
            (Official, Ru) => "Должностное лицо",
            (Official, En) => "Official",
            (QuestionsIntro, Kk) => "Алдымен бірнеше сұраққа жауап беріңіз: Қағидалар бойынша олар сізді осы лауазымды адамның қабылдауына жазуға бола ма, соны анықтайды. Жауаптар осы құрылғыда тексеріледі және өтініш жіберілгенде ғана онымен бірге жіберіледі. Сенімді болмасаңыз, «Білмеймін» деп жауап беріңіз.",
            (QuestionsIntro, Ru) => "Сначала ответьте на несколько вопросов: по Правилам они определяют, можно ли записать вас на приём к этому должностному лицу. Ответы проверяются здесь, на вашем устройстве, и отправляются только вместе с заявкой. Если не уверены, отвечайте «Не знаю».",
            (QuestionsIntro, En) => "First answer a few questions: under the Rules they decide whether you can be registered for a reception with this official. Your answers are checked here, on your device, and sent only with your request. If you are not sure, answer “Don't know”.",
            (Next, Kk) => "Әрі қарай",
            (Next, Ru) => "Далее",
            (Next, En) => "Next",
            (Back, Kk) => "Артқа",
            (Back, Ru) => "Назад",
            (Back, En) => "Back",
            (AnswerThis, Kk) => "Осы сұраққа жауап беріңіз.",
            (AnswerThis, Ru) => "Ответьте на этот вопрос.",
            (AnswerThis, En) => "Answer this question.",
            (RefusedTitle, Kk) => "Бұл мәселе бойынша осы лауазымды адамның қабылдауына алдын ала жазу жүргізілмейді",
            (RefusedTitle, Ru) => "По такому вопросу предварительная запись на приём к этому должностному лицу не производится",
            (RefusedTitle, En) => "Pre-registration with this official is not possible on this matter",
            (Grounds, Kk) => "Негіздер",
            (Grounds, Ru) => "Основания",
            (Grounds, En) => "Grounds",
            (RuleSetApplied, Kk) => "Қолданылған қағидалар",
            (RuleSetApplied, Ru) => "Применённые правила",
            (RuleSetApplied, En) => "Rules applied",
            (NothingSent, Kk) => "Ешқандай дерек жіберілген жоқ: шешім Қағидалар бойынша осы құрылғыда қабылданды.",
            (NothingSent, Ru) => "Никакие данные не отправлены: решение принято по Правилам здесь, на вашем устройстве.",
            (NothingSent, En) => "Nothing has been sent: the decision was made under the Rules here, on your device.",
            (ChangeAnswers, Kk) => "Жауаптарды өзгерту",
            (ChangeAnswers, Ru) => "Изменить ответы",
            (ChangeAnswers, En) => "Change my answers",
            (ReviewTitle, Kk) => "Өтінішіңізді жауапты қызметкер зерделейді",
            (ReviewTitle, Ru) => "Вашу заявку изучит ответственный работник",
            (ReviewTitle, En) => "The responsible officer will study your request",
            (NoPreRegTitle, Kk) => "Бұл лауазымды адамға алдын ала жазылу жүргізілмейді",
            (NoPreRegTitle, Ru) => "К этому должностному лицу предварительная запись не ведётся",
            (NoPreRegTitle, En) => "This official takes no pre-registration",
            (NotOpenTitle, Kk) => "Бұл қабылдауға жазылу қазір жүргізілмейді",
            (NotOpenTitle, Ru) => "Запись на этот приём сейчас не ведётся",
            (NotOpenTitle, En) => "Registration for this reception is not open now",
            (ReceptionNotFound, Kk) => "Мұндай қабылдау табылмады: ол өтіп кеткен немесе кестеден алынған болуы мүмкін.",
            (ReceptionNotFound, Ru) => "Такой приём не найден: возможно, он уже прошёл или снят с графика.",
            (ReceptionNotFound, En) => "No such reception: it may be over or removed from the schedule.",
            (FormIntro, Kk) => "Міндетті емес өрістер белгіленген, қалғандарының бәрін толтырыңыз. Енгізгендеріңіз осы құрылғыда сақталады: байланыс үзілсе немесе бет қайта жүктелсе, жоғалмайды.",
            (FormIntro, Ru) => "Необязательные поля отмечены, остальные заполните все. Введённое сохраняется на этом устройстве и не пропадёт, если связь прервётся или страница перезагрузится.",
            (FormIntro, En) => "Optional fields are marked; fill in all the others. What you type is kept on this device and is not lost if the connection drops or the page reloads.",
            (Optional, Kk) => "(міндетті емес)",
            (Optional, Ru) => "(необязательно)",
            (Optional, En) => "(optional)",
            (ApplicantKind, Kk) => "Сіз кім ретінде жүгінесіз",
            (ApplicantKind, Ru) => "Вы обращаетесь как",
            (ApplicantKind, En) => "You apply as",
            (KindIndividual, Kk) => "Жеке тұлға",
            (KindIndividual, Ru) => "Физическое лицо",
            (KindIndividual, En) => "An individual",
            (KindRepresentative, Kk) => "Заңды тұлғаның өкілі",
            (KindRepresentative, Ru) => "Представитель юридического лица",
            (KindRepresentative, En) => "A representative of a legal entity",
            (Citizenship, Kk) => "Азаматтығы",
            (Citizenship, Ru) => "Гражданство",
            (Citizenship, En) => "Citizenship",
            (Citizen, Kk) => "Қазақстан Республикасының азаматы",
            (Citizen, Ru) => "Гражданин Республики Казахстан",
            (Citizen, En) => "Citizen of Kazakhstan",
            (Foreigner, Kk) => "Шетел азаматы",
            (Foreigner, Ru) => "Иностранный гражданин",
            (Foreigner, En) => "Foreign citizen",
            (Stateless, Kk) => "Азаматтығы жоқ адам",
            (Stateless, Ru) => "Лицо без гражданства",
            (Stateless, En) => "Stateless person",
            (Iin, Kk) => "ЖСН (жеке сәйкестендіру нөмірі)",
            (Iin, Ru) => "ИИН (индивидуальный идентификационный номер)",
            (Iin, En) => "IIN (individual identification number)",
            (IinHint, Kk) => "12\u{a0}цифр, жеке куәлікте көрсетілген.",
            (IinHint, Ru) => "12\u{a0}цифр, указан в удостоверении личности.",
            (IinHint, En) => "12 digits, shown on the identity card.",
            (Passport, Kk) => "Паспорттың (жол жүру құжатының) нөмірі",
            (Passport, Ru) => "Номер паспорта (проездного документа)",
            (Passport, En) => "Passport (travel document) number",
            (PassportHint, Kk) => "Паспорттағыдай: латын әріптері мен цифрлар (Қағидалар, 7-тармақ).",
            (PassportHint, Ru) => "Как в паспорте: латинские буквы и цифры (Правила, пункт 7).",
            (PassportHint, En) => "As in the passport: Latin letters and digits (Rules, para 7).",
            (Surname, Kk) => "Тегі",
            (Surname, Ru) => "Фамилия",
            (Surname, En) => "Surname",
            (GivenName, Kk) => "Аты",
            (GivenName, Ru) => "Имя",
            (GivenName, En) => "Given name",
            (Patronymic, Kk) => "Әкесінің аты",
            (Patronymic, Ru) => "Отчество",
            (Patronymic, En) => "Patronymic",
            (Phone, Kk) => "Телефон нөмірі",
            (Phone, Ru) => "Номер телефона",
            (Phone, En) => "Phone number",
            (PhoneHint, Kk) => "Қазақстандық нөмір, мысалы +7\u{a0}701\u{a0}123\u{a0}45\u{a0}67. Жауапты қызметкер осы нөмір арқылы хабарласады.",
            (PhoneHint, Ru) => "Казахстанский номер, например +7\u{a0}701\u{a0}123\u{a0}45\u{a0}67. По нему с вами свяжется ответственный работник.",
            (PhoneHint, En) => "A Kazakhstan number, e.g. +7\u{a0}701\u{a0}123\u{a0}45\u{a0}67. The responsible officer will contact you on it.",
            (Email, Kk) => "Электрондық пошта",
            (Email, Ru) => "Электронная почта",
            (Email, En) => "E-mail",
            (EmailHint, Kk) => "Мысалы: aigerim@mail.kz",
            (EmailHint, Ru) => "Например: aigerim@mail.kz",
            (EmailHint, En) => "For example: aigerim@mail.kz",
            (Acting, Kk) => "Кімнің мүддесінде жүгінесіз",
            (Acting, Ru) => "В чьих интересах вы обращаетесь",
            (Acting, En) => "On whose behalf you apply",
            (ForSelf, Kk) => "Өз мүддемде",
            (ForSelf, Ru) => "В своих интересах",
            (ForSelf, En) => "For myself",
            (ForOther, Kk) => "Басқа адамның мүддесінде (өкілеттігімді растайтын құжат бар)",
            (ForOther, Ru) => "В интересах другого лица (есть документ о полномочиях)",
            (ForOther, En) => "For another person (I have a document giving me the authority)",
            (OtherPerson, Kk) => "Мүддесін білдіретін адам",
            (OtherPerson, Ru) => "Лицо, в интересах которого вы обращаетесь",
            (OtherPerson, En) => "The person you act for",
            (Entity, Kk) => "Заңды тұлға",
            (Entity, Ru) => "Юридическое лицо",
            (Entity, En) => "The legal entity",
            (Bin, Kk) => "БСН (бизнес-сәйкестендіру нөмірі)",
            (Bin, Ru) => "БИН (бизнес-идентификационный номер)",
            (Bin, En) => "BIN (business identification number)",
            (Authority, Kk) => "Өкілеттікті растайтын құжат (Қағидалар, 3, 10-тармақтар)",
            (Authority, Ru) => "Документ, подтверждающий полномочия (Правила, пункты 3, 10)",
            (Authority, En) => "The document giving the authority (Rules, paras 3, 10)",
            (AuthorityKind, Kk) => "Құжаттың түрі",
            (AuthorityKind, Ru) => "Вид документа",
            (AuthorityKind, En) => "Kind of document",
            (Choose, Kk) => "Таңдаңыз",
            (Choose, Ru) => "Выберите",
            (Choose, En) => "Choose",
            (AuthorityNumber, Kk) => "Құжаттың нөмірі",
            (AuthorityNumber, Ru) => "Номер документа",
            (AuthorityNumber, En) => "Document number",
            (AuthorityDate, Kk) => "Берілген күні",
            (AuthorityDate, Ru) => "Дата выдачи",
            (AuthorityDate, En) => "Date of issue",
            (Substance, Kk) => "Мәселенің мәні",
            (Substance, Ru) => "Суть вопроса",
            (Substance, En) => "The substance of your matter",
            (SubstanceHint, Kk) => "Не туралы екенін және не сұрайтыныңызды қысқаша жазыңыз (кемінде 30\u{a0}таңба). Мәселенің мәні көрсетілмеген өтініш қаралмай қайтарылады (Қағидалар, 3-тармақ).",
            (SubstanceHint, Ru) => "Кратко опишите, о чём ваш вопрос и что вы просите (не менее 30\u{a0}знаков). Обращение, в котором не указана суть вопроса, возвращается без рассмотрения (Правила, пункт 3).",
            (SubstanceHint, En) => "Briefly describe what your matter is about and what you ask for (at least 30 characters). An application that does not state the substance of the matter is returned unconsidered (Rules, para 3).",
            (FormatLegend, Kk) => "Қабылдау нысаны (Қағидалар, 11-тармақ)",
            (FormatLegend, Ru) => "Формат приёма (Правила, пункт 11)",
            (FormatLegend, En) => "Format of the reception (Rules, para 11)",
            (FormatInPersonHere, Kk) => "Бетпе-бет, прокуратура ғимаратында (кестедегідей)",
            (FormatInPersonHere, Ru) => "Очно, в здании прокуратуры (как в расписании)",
            (FormatInPersonHere, En) => "In person, at the prosecutor's office (as in the schedule)",
            (FormatVideoInstead, Kk) => "Қалауыңыз бойынша келудің орнына бейнеконференцбайланыс арқылы",
            (FormatVideoInstead, Ru) => "По видеоконференцсвязи вместо визита — по вашему желанию",
            (FormatVideoInstead, En) => "By video conference instead of coming, if you prefer",
            (VideoConsent, Kk) => "Қабылдауды бейнеконференцбайланыс арқылы өткізуге келісемін",
            (VideoConsent, Ru) => "Даю согласие на проведение приёма по видеоконференцсвязи",
            (VideoConsent, En) => "I consent to the reception being held by video conference",
            (VideoOnlyReception, Kk) => "Бұл қабылдау тек бейнеконференцбайланыс арқылы өтеді: ол үшін келісіміңіз қажет.",
            (VideoOnlyReception, Ru) => "Этот приём проводится только по видеоконференцсвязи: для этого нужно ваше согласие.",
            (VideoOnlyReception, En) => "This reception is held by video conference only: it needs your consent.",
            (VideoOnlyOffice, Kk) => "Қазір бұл прокуратура тек бейнеконференцбайланыс арқылы қабылдайды: ол үшін келісіміңіз қажет.",
            (VideoOnlyOffice, Ru) => "Сейчас эта прокуратура принимает только по видеоконференцсвязи: для этого нужно ваше согласие.",
            (VideoOnlyOffice, En) => "This office currently receives by video conference only: it needs your consent.",
            (InterpreterNeeded, Kk) => "Маған аудармашы қажет (Қағидалар, 7-тармақ)",
            (InterpreterNeeded, Ru) => "Мне нужен переводчик (Правила, пункт 7)",
            (InterpreterNeeded, En) => "I need an interpreter (Rules, para 7)",
            (InterpreterLanguage, Kk) => "Аудармашы қай тілден қажет",
            (InterpreterLanguage, Ru) => "С какого языка нужен переводчик",
            (InterpreterLanguage, En) => "Which language the interpreter should speak",
            (InterpreterHint, Kk) => "Мысалы: өзбек тілі, English, 中文.",
            (InterpreterHint, Ru) => "Например: узбекский, English, 中文.",
            (InterpreterHint, En) => "For example: Uzbek, English, 中文.",
            (ErrorSummary, Kk) => "Мына өрістерді тексеріңіз",
            (ErrorSummary, Ru) => "Проверьте эти поля",
            (ErrorSummary, En) => "Please check these fields",
            (ConsentRequired, Kk) => "Бейнеконференцбайланыс арқылы қабылдауға келісіміңізді белгілеңіз.",
            (ConsentRequired, Ru) => "Отметьте своё согласие на приём по видеоконференцсвязи.",
            (ConsentRequired, En) => "Tick your consent to a reception by video conference.",
            (ReviewIntro, Kk) => "Мәліметтерді тексеріңіз. Бірдеңені түзету үшін «Артқа» батырмасын басыңыз.",
            (ReviewIntro, Ru) => "Проверьте данные. Чтобы что-то исправить, нажмите «Назад».",
            (ReviewIntro, En) => "Check your details. To change anything, press “Back”.",
            (YourAnswers, Kk) => "Сұрақтарға жауаптарыңыз",
            (YourAnswers, Ru) => "Ваши ответы на вопросы",
            (YourAnswers, En) => "Your answers",
            (YourDetails, Kk) => "Сіз туралы мәліметтер",
            (YourDetails, Ru) => "Ваши данные",
            (YourDetails, En) => "Your details",
            (No, Kk) => "жоқ",
            (No, Ru) => "нет",
            (No, En) => "no",
            (Send, Kk) => "Өтінішті жіберу",
            (Send, Ru) => "Отправить заявку",
            (Send, En) => "Send the request",
            (Sending, Kk) => "Өтініш жіберілуде…",
            (Sending, Ru) => "Заявка отправляется…",
            (Sending, En) => "Sending the request…",
            (WaitingForConnection, Kk) => "Байланыс жоқ. Өтініш осы құрылғыда сақталды және байланыс қалпына келгенде өзі бір рет жіберіледі. Бетті жаппаңыз.",
            (WaitingForConnection, Ru) => "Нет связи. Запрос сохранён на этом устройстве и будет отправлен сам, один раз, как только связь вернётся. Не закрывайте страницу.",
            (WaitingForConnection, En) => "No connection. Your request is kept on this device and will be sent by itself, once, as soon as the connection returns. Keep this page open.",
            (Checking, Kk) => "Тексерілуде…",
            (Checking, Ru) => "Проверка…",
            (Checking, En) => "Checking…",
            (SendFailedCheck, Kk) => "Өтінішті автоматты сұраулардан қорғайтын тексеру өтпеді. Деректеріңіз сақталған: «Қайталау» батырмасын басыңыз.",
            (SendFailedCheck, Ru) => "Не прошла проверка, защищающая запись от автоматических запросов. Ваши данные сохранены: нажмите «Повторить».",
            (SendFailedCheck, En) => "The check that protects bookings from automated requests did not pass. Your details are kept: press “Try again”.",
            (SendFailedNetwork, Kk) => "Өтініш жіберілмеді: байланыс жоқ. Деректеріңіз осы құрылғыда сақталған. Байланысты тексеріп, «Қайталау» батырмасын басыңыз — өтініш екі рет тіркелмейді.",
            (SendFailedNetwork, Ru) => "Заявка не отправлена: нет связи. Ваши данные сохранены на этом устройстве. Проверьте подключение и нажмите «Повторить» — заявка не будет зарегистрирована дважды.",
            (SendFailedNetwork, En) => "The request was not sent: no connection. Your details are kept on this device. Check the connection and press “Try again” — the request will not be registered twice.",
            (SendFailedServer, Kk) => "Сервер өтінішті қазір қабылдай алмады. Деректеріңіз сақталған: біраздан соң «Қайталау» батырмасын басыңыз — өтініш екі рет тіркелмейді.",
            (SendFailedServer, Ru) => "Сервер сейчас не смог принять заявку. Ваши данные сохранены: нажмите «Повторить» чуть позже — заявка не будет зарегистрирована дважды.",
            (SendFailedServer, En) => "The server could not take the request just now. Your details are kept: press “Try again” a little later — the request will not be registered twice.",
            (DraftRestored, Kk) => "Бұрын енгізгендеріңіз қалпына келтірілді.",
            (DraftRestored, Ru) => "Ранее введённые данные восстановлены.",
            (DraftRestored, En) => "What you entered before has been restored.",
            (ForgetDraft, Kk) => "Енгізгенімді өшіру",
            (ForgetDraft, Ru) => "Забыть введённое",
            (ForgetDraft, En) => "Forget what I typed",
            (ForgetDraftNote, Kk) => "Енгізгендеріңіз жіберілгенге дейін тек осы құрылғыда сақталады: қабылдау күнінің соңына дейін, бірақ 24\u{a0}сағаттан аспайды.",
            (ForgetDraftNote, Ru) => "Введённые данные до отправки хранятся только на этом устройстве: до конца дня приёма, но не дольше 24\u{a0}часов.",
            (ForgetDraftNote, En) => "Until it is sent, what you type is kept on this device only: until the end of the reception day, and no longer than 24 hours.",
            (DraftForgotten, Kk) => "Енгізгендеріңіз осы құрылғыдан өшірілді.",
            (DraftForgotten, Ru) => "Введённые данные удалены с этого устройства.",
            (DraftForgotten, En) => "What you typed has been removed from this device.",
            (ErrReceptionFull, Kk) => "Бұл қабылдауда бос орын қалмады. Басқа күнді таңдаңыз.",
            (ErrReceptionFull, Ru) => "На этот приём больше нет мест. Выберите другой день.",
            (ErrReceptionFull, En) => "This reception has no places left. Choose another day.",
            (ErrDuplicate, Kk) => "Сіз осы лауазымды адамның қабылдауына жазылып қойғансыз: бір адамның бір лауазымды адамға бір ғана белсенді жазылуы болуы мүмкін. Алдыңғы жазылуды оның басқару сілтемесі арқылы көруге немесе болдырмауға болады.",
            (ErrDuplicate, Ru) => "Вы уже записаны на приём к этому должностному лицу: у одного человека может быть только одна действующая запись к одному должностному лицу. Прежнюю запись можно посмотреть или отменить по её ссылке для управления.",
            (ErrDuplicate, En) => "You are already registered with this official: one person may hold only one active booking with an official. You can view or cancel the earlier booking through its manage link.",
            (ErrVideoOnly, Kk) => "Қазір қабылдау тек бейнеконференцбайланыс арқылы өткізіледі (Қағидалар, 11-тармақ): бейнеконференцбайланыс нысанын таңдаңыз.",
            (ErrVideoOnly, Ru) => "Сейчас приём проводится только по видеоконференцсвязи (Правила, пункт 11): выберите формат видеоконференцсвязи.",
            (ErrVideoOnly, En) => "Receptions are held by video conference only for now (Rules, para 11): choose the video conference format.",
            (ErrVideoReception, Kk) => "Бұл қабылдау бейнеконференцбайланыс арқылы өтеді: бейнеконференцбайланыс нысанын таңдаңыз.",
            (ErrVideoReception, Ru) => "Этот приём проводится по видеоконференцсвязи: выберите формат видеоконференцсвязи.",
            (ErrVideoReception, En) => "This reception is held by video conference: choose the video conference format.",
            (ErrUnknownReception, Kk) => "Бұл қабылдау енді кестеде жоқ. Басқа күнді таңдаңыз.",
            (ErrUnknownReception, Ru) => "Этого приёма больше нет в графике. Выберите другой день.",
            (ErrUnknownReception, En) => "This reception is no longer in the schedule. Choose another day.",
            (ErrGeneric, Kk) => "Өтінішті қабылдау мүмкін болмады.",
            (ErrGeneric, Ru) => "Заявку не удалось принять.",
            (ErrGeneric, En) => "The request could not be accepted.",
            (ErrRefusedServer, Kk) => "Қағидалар бойынша бұл өтініш бойынша алдын ала жазу жүргізілмейді.",
            (ErrRefusedServer, Ru) => "По Правилам предварительная запись по этому обращению не производится.",
            (ErrRefusedServer, En) => "Under the Rules, no pre-registration can be made on this request.",
            (ChooseAnother, Kk) => "Басқа қабылдауды таңдау",
            (ChooseAnother, Ru) => "Выбрать другой приём",
            (ChooseAnother, En) => "Choose another reception",
            (None, Kk) => "жоқ",
            (None, Ru) => "нет",
            (None, En) => "none",
            // R7, R15: the contact of a foreigner or a stateless person.
            (PhoneHintInternational, Kk) => "Кез келген елдің нөмірі, «+» белгісімен және ел кодымен, мысалы +998\u{a0}90\u{a0}123\u{a0}45\u{a0}67. Телефон нөмірін, электрондық поштаны немесе екеуін де көрсетіңіз.",
            (PhoneHintInternational, Ru) => "Номер любой страны, с «+» и кодом страны, например +998\u{a0}90\u{a0}123\u{a0}45\u{a0}67. Укажите телефон, электронную почту или и то и другое.",
            (PhoneHintInternational, En) => "A number from any country, with “+” and the country code, e.g. +998\u{a0}90\u{a0}123\u{a0}45\u{a0}67. Give a phone number, an e-mail address or both.",
            (EmailHintInternational, Kk) => "Мысалы: aziz@mail.uz. Телефон нөмірі болмаса, пошта жеткілікті.",
            (EmailHintInternational, Ru) => "Например: aziz@mail.uz. Если нет телефона, достаточно почты.",
            (EmailHintInternational, En) => "For example: aziz@mail.uz. Without a phone number, an e-mail address is enough.",
        }
    }
}

/// "Step 2 of 4: Your details".
pub fn step_of(n: usize, total: usize, name: &str, lang: Lang) -> String {
    match lang.fixed() {
        Lang::Kk => format!("{total} қадамның {n}-қадамы: {name}"),
        Lang::Ru => format!("Шаг {n} из {total}: {name}"),
        Lang::En => format!("Step {n} of {total}: {name}"),
    }
}

/// "Sending… (attempt 2)", while a request is retried after a dropped connection.
pub fn attempt(n: u32, lang: Lang) -> String {
    match lang.fixed() {
        Lang::Kk => format!("{n}-әрекет"),
        Lang::Ru => format!("попытка {n}"),
        Lang::En => format!("attempt {n}"),
    }
}

/// 429: how long to wait.
pub fn rate_limited(seconds: Option<u64>, lang: Lang) -> String {
    // Beyond a couple of minutes it is the limit on bookings from one address (a day's, or
    // a reception's), not the requests of a minute: a count of seconds would say nothing.
    if seconds.is_some_and(|s| s > 120) {
        return match lang.fixed() {
            Lang::Kk => "Бұл желіден бүгін немесе осы қабылдауға тым көп өтініш жіберілді. Кейінірек немесе басқа желіден қайталаңыз не прокуратураға хабарласыңыз.",
            Lang::Ru => "С этой сети сегодня или на этот приём отправлено слишком много заявок. Повторите позже или из другой сети либо обратитесь в прокуратуру.",
            Lang::En => "Too many requests have been sent from this network today or for this reception. Try again later or from another network, or contact the prosecutor's office.",
        }
        .to_owned();
    }
    match (lang.fixed(), seconds) {
        (Lang::Kk, Some(s)) => format!("Сұраныстар тым көп. {s} секундтан кейін «Қайталау» батырмасын басыңыз — өтініш екі рет тіркелмейді."),
        (Lang::Kk, None) => "Сұраныстар тым көп. Біраздан соң «Қайталау» батырмасын басыңыз — өтініш екі рет тіркелмейді.".to_owned(),
        (Lang::Ru, Some(s)) => format!("Слишком много запросов. Нажмите «Повторить» через {s} с — заявка не будет зарегистрирована дважды."),
        (Lang::Ru, None) => "Слишком много запросов. Нажмите «Повторить» чуть позже — заявка не будет зарегистрирована дважды.".to_owned(),
        (Lang::En, Some(s)) => format!("Too many requests. Press “Try again” in {s} seconds — the request will not be registered twice."),
        (Lang::En, None) => "Too many requests. Press “Try again” a little later — the request will not be registered twice.".to_owned(),
    }
}

/// 409 `registration_closed` with its clause (R16, R34) or without one (started, not held).
pub fn registration_closed(clause: Option<&str>, lang: Lang) -> String {
    let base = match lang.fixed() {
        Lang::Kk => "Бұл қабылдауға жазылу жабылды",
        Lang::Ru => "Запись на этот приём закрыта",
        Lang::En => "Registration for this reception has closed",
    };
    match clause {
        Some(c) => format!("{base} ({}).", clause_text(c, lang)),
        None => format!("{base}."),
    }
}

/// The booking's status `requested`: under review, the place held (R15 / R30).
pub fn status_requested(clause: &str, lang: Lang) -> String {
    let c = clause_text(clause, lang);
    match lang.fixed() {
        Lang::Kk => format!("Жауапты қызметкердің қарауында: ол құжаттарыңызды зерделейді, ал орныңыз сіз үшін сақталады ({c}). Шешім туралы сізге хабарлайды."),
        Lang::Ru => format!("На рассмотрении у ответственного работника: он изучит ваши документы, а место за вами сохраняется ({c}). О решении вам сообщат."),
        Lang::En => format!("Under review by the responsible officer, who studies your documents while your place is held ({c}). You will be told the decision."),
    }
}

/// A clause id as people read it: `R17.4` → «Қағидалар, 17-тармақтың 4) тармақшасы»,
/// «Правила, подпункт 4) пункта 17», "Rules, para 17(4)". A borrowed ground,
/// `R23.4 (R17.1)`, names both.
pub fn clause_text(id: &str, lang: Lang) -> String {
    let (main, borrowed) = match id.split_once(" (") {
        Some((main, rest)) => (main, Some(rest.trim_end_matches(')'))),
        None => (id, None),
    };
    let prefix = match lang.fixed() {
        Lang::Kk => "Қағидалар",
        Lang::Ru => "Правила",
        Lang::En => "Rules",
    };
    let mut text = format!("{prefix}, {}", clause_ref(main, lang));
    if let Some(b) = borrowed {
        text.push_str(&format!(" ({})", clause_ref(b, lang)));
    }
    text
}

fn clause_ref(id: &str, lang: Lang) -> String {
    let id = id.trim().trim_start_matches('R');
    match (id.split_once('.'), lang.fixed()) {
        (Some((para, sub)), Lang::Kk) => format!("{para}-тармақтың {sub}) тармақшасы"),
        (Some((para, sub)), Lang::Ru) => format!("подпункт {sub}) пункта {para}"),
        (Some((para, sub)), Lang::En) => format!("para {para}({sub})"),
        (None, Lang::Kk) => format!("{id}-тармақ"),
        (None, Lang::Ru) => format!("пункт {id}"),
        (None, Lang::En) => format!("para {id}"),
    }
}

pub fn authority_kind(kind: AuthorityKind, lang: Lang) -> &'static str {
    use AuthorityKind::*;
    use Lang::*;
    match (kind, lang.fixed()) {
        (PowerOfAttorney, Kk) => "Сенімхат",
        (PowerOfAttorney, Ru) => "Доверенность",
        (PowerOfAttorney, En) => "Power of attorney",
        (LegalEntityCharterOrOrder, Kk) => "Заңды тұлғаның жарғысы немесе тағайындау туралы бұйрық",
        (LegalEntityCharterOrOrder, Ru) => "Устав юридического лица или приказ о назначении",
        (LegalEntityCharterOrOrder, En) => "The entity's charter or an order appointing you",
        (CourtDecision, Kk) => "Қорғаншы немесе қамқоршы тағайындау туралы сот шешімі",
        (CourtDecision, Ru) => "Решение суда о назначении опекуна или попечителя",
        (CourtDecision, En) => "A court decision appointing a guardian or trustee",
        (ParentOfMinor, Kk) => "Кәмелетке толмаған баланың туу туралы куәлігі (ата-анасы ретінде)",
        (ParentOfMinor, Ru) => "Свидетельство о рождении несовершеннолетнего (как родитель)",
        (ParentOfMinor, En) => "A minor's birth certificate (as the parent)",
        (Other, Kk) => "Басқа құжат",
        (Other, Ru) => "Другой документ",
        (Other, En) => "Another document",
    }
}

/// What kind of value a field holds, which decides the wording of its errors.
#[derive(Clone, Copy)]
enum Value {
    Iin,
    Passport,
    Name,
    Phone,
    Email,
    Bin,
    AuthorityNumber,
    AuthorityDate,
    Substance,
    Interpreter,
    Choice,
    Answers,
    Other,
}

fn value_of(field: &str) -> Value {
    let last = field.rsplit('.').next().unwrap_or(field);
    if field.starts_with("matter.answers") {
        return Value::Answers;
    }
    match (field, last) {
        (_, "iin") => Value::Iin,
        (_, "passport") => Value::Passport,
        (_, "surname" | "given_name" | "patronymic") => Value::Name,
        (_, "phone") => Value::Phone,
        (_, "email") => Value::Email,
        (_, "bin") => Value::Bin,
        ("on_behalf_of.authority.number", _) => Value::AuthorityNumber,
        ("on_behalf_of.authority.date", _) => Value::AuthorityDate,
        ("matter.substance", _) => Value::Substance,
        ("interpreter", _) => Value::Interpreter,
        (_, "kind" | "citizenship" | "language" | "format") => Value::Choice,
        _ => Value::Other,
    }
}

/// The message for one field error of `rules::booking` (or of the API's 422), without the
/// field's name: it is shown next to its field, and the error summary puts the label first.
pub fn field_error(field: &str, code: &str, lang: Lang) -> String {
    let t = |kk: &str, ru: &str, en: &str| -> String {
        match lang.fixed() {
            Lang::Kk => kk,
            Lang::Ru => ru,
            Lang::En => en,
        }
        .to_owned()
    };
    use Value::*;
    match (value_of(field), code) {
        (_, "consent_required") => B::ConsentRequired.text(lang).to_owned(),
        (_, "not_expected") => t(
            "Бұл өріс өтініш берушінің осы түрі үшін толтырылмайды.",
            "Для этого вида заявителя это поле не заполняется.",
            "This field is not filled in for this kind of applicant.",
        ),
        (Iin, "required" | "empty") => t(
            "ЖСН-ді енгізіңіз: 12\u{a0}цифр.",
            "Введите ИИН: 12\u{a0}цифр.",
            "Enter the IIN: 12 digits.",
        ),
        (Iin | Bin, "wrong_length") => t(
            "Нөмірде дәл 12\u{a0}цифр болуы керек.",
            "В номере должно быть ровно 12\u{a0}цифр.",
            "The number must have exactly 12 digits.",
        ),
        (Iin | Bin, "not_digits") => t(
            "Тек цифрларды енгізіңіз, бос орынсыз.",
            "Введите только цифры, без пробелов.",
            "Enter digits only, without spaces.",
        ),
        (Iin, "bad_century_digit") => t(
            "ЖСН-нің 7-цифры қате: жеке куәлікпен салыстырыңыз.",
            "7-я цифра ИИН неверна: сверьте с удостоверением личности.",
            "The 7th digit of the IIN is wrong: check it against the identity card.",
        ),
        (Iin, "bad_date") => t(
            "ЖСН-нің алғашқы 6\u{a0}цифры — туған күн (ЖЖААКК): оларды тексеріңіз.",
            "Первые 6\u{a0}цифр ИИН — дата рождения (ГГММДД): проверьте их.",
            "The first 6 digits of the IIN are the date of birth (YYMMDD): check them.",
        ),
        (Iin, "bad_checksum") => t(
            "ЖСН қате терілген: соңғы бақылау цифры сәйкес келмейді. Жеке куәлікпен салыстырыңыз.",
            "ИИН набран с ошибкой: не сходится последняя, контрольная цифра. Сверьте с удостоверением личности.",
            "The IIN is mistyped: its last (check) digit does not match. Check it against the identity card.",
        ),
        (Iin | Passport, "iin_needed") => t(
            "Қазақстан азаматы ЖСН бойынша сәйкестендіріледі.",
            "Гражданин Казахстана указывает ИИН.",
            "A citizen of Kazakhstan is identified by the IIN.",
        ),
        (Iin | Passport, "passport_needed") => t(
            "Шетел азаматы немесе азаматтығы жоқ адам паспорт нөмірі бойынша сәйкестендіріледі (Қағидалар, 7-тармақ).",
            "Иностранец или лицо без гражданства указывает номер паспорта (Правила, пункт 7).",
            "A foreigner or stateless person is identified by the passport number (Rules, para 7).",
        ),
        (Passport, "required" | "empty") => t(
            "Паспорттың нөмірін енгізіңіз.",
            "Введите номер паспорта.",
            "Enter the passport number.",
        ),
        (Passport, "too_short") => t(
            "Паспорт нөмірі тым қысқа: кемінде 5\u{a0}таңба.",
            "Номер паспорта слишком короткий: не менее 5\u{a0}знаков.",
            "The passport number is too short: at least 5 characters.",
        ),
        (Passport, "too_long") => t(
            "Паспорт нөмірі тым ұзын: 20\u{a0}таңбадан аспайды.",
            "Номер паспорта слишком длинный: не более 20\u{a0}знаков.",
            "The passport number is too long: at most 20 characters.",
        ),
        (Passport, "bad_character") => t(
            "Тек латын әріптері мен цифрларды паспорттағыдай енгізіңіз.",
            "Введите только латинские буквы и цифры, как в паспорте.",
            "Use only Latin letters and digits, as in the passport.",
        ),
        (Passport, "bad_separator") => t(
            "Бос орын немесе сызықша тек әріптер мен цифрлардың арасында, бір-бірден тұрады.",
            "Пробел или дефис допустимы только по одному, между буквами и цифрами.",
            "A space or hyphen may only stand, singly, between letters and digits.",
        ),
        (Passport, "no_digit") => t(
            "Паспорт нөмірінде кемінде бір цифр болады.",
            "В номере паспорта должна быть хотя бы одна цифра.",
            "A passport number contains at least one digit.",
        ),
        (Name, "required" | "empty") => t(
            "Осы өрісті толтырыңыз.",
            "Заполните это поле.",
            "Fill in this field.",
        ),
        (Name, "too_long") => t(
            "Тым ұзын: 60\u{a0}таңбадан аспайды.",
            "Слишком длинно: не более 60\u{a0}знаков.",
            "Too long: at most 60 characters.",
        ),
        (Name, "bad_character") => t(
            "Тек әріптер, бос орын, сызықша немесе апостроф болуы мүмкін — құжаттағыдай жазыңыз.",
            "Допустимы только буквы, пробел, дефис и апостроф — пишите, как в документе.",
            "Only letters, spaces, hyphens and apostrophes — write it as in your document.",
        ),
        (Name, "bad_punctuation") => t(
            "Сызықша немесе апостроф екі әріптің арасында тұруы керек.",
            "Дефис или апостроф должен стоять между двумя буквами.",
            "A hyphen or apostrophe must stand between two letters.",
        ),
        (Phone, "required" | "empty") => t(
            "Телефон нөмірін енгізіңіз.",
            "Введите номер телефона.",
            "Enter a phone number.",
        ),
        (Phone, "bad_character") => t(
            "Тек цифрлар, басындағы «+», бос орындар, сызықшалар мен жақшалар болуы мүмкін.",
            "Допустимы только цифры, «+» в начале, пробелы, дефисы и скобки.",
            "Only digits, a leading “+”, spaces, hyphens and brackets.",
        ),
        (Phone, "wrong_length") => t(
            "Нөмірдің цифрлары жетпейді немесе артық: тексеріңіз, мысалы +7\u{a0}701\u{a0}123\u{a0}45\u{a0}67.",
            "В номере не хватает цифр или они лишние: проверьте, например +7\u{a0}701\u{a0}123\u{a0}45\u{a0}67.",
            "The number has too few or too many digits: check it, e.g. +7\u{a0}701\u{a0}123\u{a0}45\u{a0}67.",
        ),
        // R7: a foreigner's number is dialled from Kazakhstan, with its country code.
        (Phone, "no_country_code") => t(
            "Нөмірді «+» белгісімен және ел кодымен енгізіңіз, мысалы +998\u{a0}90\u{a0}123\u{a0}45\u{a0}67.",
            "Введите номер с «+» и кодом страны, например +998\u{a0}90\u{a0}123\u{a0}45\u{a0}67.",
            "Enter the number with “+” and the country code, e.g. +998\u{a0}90\u{a0}123\u{a0}45\u{a0}67.",
        ),
        // R7, R15: at least one way to reach the person.
        (Phone, "contact_required") => t(
            "Телефон нөмірін немесе электрондық поштаны көрсетіңіз: жауапты қызметкер сізбен солар арқылы хабарласады.",
            "Укажите телефон или электронную почту: по ним с вами свяжется ответственный работник.",
            "Give a phone number or an e-mail address: the responsible officer will reach you by it.",
        ),
        (Phone, "not_kazakhstan") => t(
            "Қазақстандық нөмірді енгізіңіз (+7 7…).",
            "Введите казахстанский номер (+7 7…).",
            "Enter a Kazakhstan number (+7 7…).",
        ),
        (Phone, "unknown_range") => t(
            "Мұндай ұялы немесе қалалық код жоқ: нөмірді тексеріңіз.",
            "Такого мобильного или городского кода нет: проверьте номер.",
            "No such mobile or city code: check the number.",
        ),
        (Email, "too_long") => t(
            "Мекенжай тым ұзын.",
            "Адрес слишком длинный.",
            "The address is too long.",
        ),
        (Email, "bad_at") => t(
            "Мекенжайда бір «@» белгісі болуы керек, мысалы aigerim@mail.kz.",
            "В адресе должен быть один знак «@», например aigerim@mail.kz.",
            "The address needs exactly one “@”, e.g. aigerim@mail.kz.",
        ),
        (Email, "bad_local_part" | "local_part_too_long") => t(
            "«@» белгісіне дейінгі бөлік қате: латын әріптері, цифрлар, нүкте.",
            "Ошибка в части до «@»: латинские буквы, цифры, точка.",
            "The part before “@” is wrong: Latin letters, digits, dots.",
        ),
        (Email, "bad_domain") => t(
            "«@» белгісінен кейінгі доменді тексеріңіз (мысалы: mail.kz).",
            "Проверьте домен после «@» (например: mail.kz).",
            "The domain after “@” is wrong, e.g. mail.kz.",
        ),
        (Bin, "required" | "empty") => t(
            "Заңды тұлғаның БСН-ін енгізіңіз: 12\u{a0}цифр.",
            "Введите БИН юридического лица: 12\u{a0}цифр.",
            "Enter the legal entity's BIN: 12 digits.",
        ),
        (Bin, "bad_month") => t(
            "БСН-нің 3–4-цифрлары — тіркелген ай (01–12): оларды тексеріңіз.",
            "3-я и 4-я цифры БИН — месяц регистрации (01–12): проверьте их.",
            "Digits 3–4 of the BIN are the month of registration (01–12): check them.",
        ),
        (Bin, "bad_entity_type" | "bad_division") => t(
            "БСН-нің 5–6-цифрлары қате: мемлекеттік тіркеу туралы анықтамамен салыстырыңыз.",
            "5-я и 6-я цифры БИН неверны: сверьте со справкой о государственной регистрации.",
            "Digits 5–6 of the BIN are wrong: check them against the registration certificate.",
        ),
        (Bin, "bad_checksum") => t(
            "БСН қате терілген: соңғы бақылау цифры сәйкес келмейді.",
            "БИН набран с ошибкой: не сходится последняя, контрольная цифра.",
            "The BIN is mistyped: its last (check) digit does not match.",
        ),
        (AuthorityNumber, "required" | "empty") => t(
            "Құжаттың нөмірін енгізіңіз.",
            "Введите номер документа.",
            "Enter the document number.",
        ),
        (AuthorityNumber, "too_long") => t(
            "Нөмір тым ұзын: 40\u{a0}таңбадан аспайды.",
            "Номер слишком длинный: не более 40\u{a0}знаков.",
            "The number is too long: at most 40 characters.",
        ),
        (AuthorityNumber, "forbidden_character") => t(
            "Нөмірді бір жолға, арнайы таңбаларсыз жазыңыз.",
            "Запишите номер в одну строку, без служебных символов.",
            "Write the number on one line, without control characters.",
        ),
        (AuthorityDate, "bad_format" | "required" | "empty") => t(
            "Құжат берілген күнді енгізіңіз.",
            "Введите дату выдачи документа.",
            "Enter the date the document was issued.",
        ),
        (AuthorityDate, "in_future") => t(
            "Берілген күні бүгінгі күннен кейін бола алмайды.",
            "Дата выдачи не может быть позже сегодняшнего дня.",
            "The date of issue cannot be later than today.",
        ),
        (Substance, "required" | "empty") => t(
            "Мәселенің мәнін жазыңыз: онсыз өтініш қаралмай қайтарылады (Қағидалар, 3-тармақ).",
            "Опишите суть вопроса: без неё обращение возвращается без рассмотрения (Правила, пункт 3).",
            "Describe the substance of your matter: without it the application is returned unconsidered (Rules, para 3).",
        ),
        (Substance, "too_short") => t(
            "Тым қысқа: мәселені кемінде 30\u{a0}таңбамен сипаттаңыз — не болды және не сұрайсыз.",
            "Слишком коротко: опишите вопрос не менее чем в 30\u{a0}знаках — что случилось и что вы просите.",
            "Too short: describe the matter in at least 30 characters — what happened and what you ask for.",
        ),
        (Substance, "too_long") => t(
            "Тым ұзын: 4000\u{a0}таңбадан аспайды. Толығын қабылдауда айтып бересіз.",
            "Слишком длинно: не более 4000\u{a0}знаков. Подробности изложите на приёме.",
            "Too long: at most 4000 characters. Give the details at the reception.",
        ),
        (Substance, "not_meaningful") => t(
            "Мәселені сөзбен сипаттаңыз: кемінде бес сөз — не болды және не сұрайсыз.",
            "Опишите вопрос словами: не менее пяти слов — что случилось и что вы просите.",
            "Describe the matter in words: at least five — what happened and what you ask for.",
        ),
        (Interpreter, "required" | "empty") => t(
            "Аудармашы қажет тілді жазыңыз.",
            "Укажите язык, для которого нужен переводчик.",
            "Name the language the interpreter is needed for.",
        ),
        (Interpreter, "too_short") => t(
            "Тілдің атауы тым қысқа.",
            "Название языка слишком короткое.",
            "The language name is too short.",
        ),
        (Interpreter, "too_long") => t(
            "Тілдің атауы тым ұзын: 40\u{a0}таңбадан аспайды.",
            "Название языка слишком длинное: не более 40\u{a0}знаков.",
            "The language name is too long: at most 40 characters.",
        ),
        (Interpreter, "bad_character") => t(
            "Тілдің атауын әріптермен жазыңыз.",
            "Напишите название языка буквами.",
            "Write the language name in letters.",
        ),
        (Substance, "forbidden_character") => t(
            "Мәтінде көрінбейтін басқару немесе бағыт таңбалары бар (мысалы, басқа жерден көшірілген). Мәтінді қолмен теріңіз немесе оларсыз қойыңыз.",
            "В тексте есть невидимые управляющие символы или символы направления письма (например, из скопированного текста). Наберите текст вручную или вставьте его без них.",
            "The text contains invisible control or text-direction characters (from copied text, for example). Type it by hand or paste it without them.",
        ),
        (_, "forbidden_character") => t(
            "Бір жолға, көрінбейтін басқару немесе бағыт таңбаларынсыз жазыңыз.",
            "Запишите в одну строку, без невидимых управляющих символов и символов направления письма.",
            "Write it on one line, without invisible control or text-direction characters.",
        ),
        (Interpreter, "required_for_english") => t(
            "Қабылдау қазақ немесе орыс тілінде өтеді; ағылшын тілінде тек аудармашымен (Қағидалар, 7, 39-4-тармақтар).",
            "Приём ведётся на казахском или русском языке; на английском — только с переводчиком (Правила, пункты 7, 39-4).",
            "Receptions are held in Kazakh or Russian; in English only with an interpreter (Rules, paras 7, 39-4).",
        ),
        (Answers, _) => t(
            "Бірінші қадамдағы барлық сұрақтарға жауап беріңіз.",
            "Ответьте на все вопросы первого шага.",
            "Answer all the questions of the first step.",
        ),
        (Choice, "video_only") => B::ErrVideoOnly.text(lang).to_owned(),
        (Choice, "video_reception") => B::ErrVideoReception.text(lang).to_owned(),
        (Choice, _) => t(
            "Ұсынылған нұсқалардың бірін таңдаңыз.",
            "Выберите один из вариантов.",
            "Choose one of the options.",
        ),
        (_, "required" | "empty") => t(
            "Осы өрісті толтырыңыз.",
            "Заполните это поле.",
            "Fill in this field.",
        ),
        (_, "invalid") if field == "reception_id" => B::ErrUnknownReception.text(lang).to_owned(),
        _ => t(
            "Осы өрісті тексеріңіз.",
            "Проверьте это поле.",
            "Check this field.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_wait_is_the_booking_limit_not_seconds() {
        for lang in [Lang::Kk, Lang::Ru, Lang::En] {
            assert!(rate_limited(Some(30), lang).contains("30"));
            let long = rate_limited(Some(86_000), lang);
            assert!(!long.contains("86000"), "{long}");
            assert_ne!(long, rate_limited(None, lang));
        }
    }

    #[test]
    fn clauses_read_as_people_cite_them() {
        assert_eq!(
            clause_text("R17.4", Lang::Kk),
            "Қағидалар, 17-тармақтың 4) тармақшасы"
        );
        assert_eq!(
            clause_text("R17.4", Lang::Ru),
            "Правила, подпункт 4) пункта 17"
        );
        assert_eq!(clause_text("R17.4", Lang::En), "Rules, para 17(4)");
        assert_eq!(clause_text("R22", Lang::Ru), "Правила, пункт 22");
        assert_eq!(clause_text("R39-4", Lang::Kk), "Қағидалар, 39-4-тармақ");
        assert_eq!(
            clause_text("R23.4 (R17.1)", Lang::En),
            "Rules, para 23(4) (para 17(1))"
        );
    }

    /// Every error the rules produce for a sample of bad forms has a specific message (not
    /// the fallback) in every language.
    #[test]
    fn every_rules_error_has_a_message() {
        use rules::booking::{ApplicantInput, BookingInput, MatterInput, OnBehalfInput};
        use rules::values::AuthorityInput;
        let today = time::macros::date!(2026 - 11 - 25);
        let bad_values = [
            "",
            "x",
            "12345",
            "1234567890123",
            "abc",
            "991340300017",
            "900101900017",
            "900101300018",
            "AB",
            "A--1",
            "ABCDEFG",
            "+7 999 123 45 67",
            "+1 202 555 0100",
            "8 700",
            "a@b@c",
            "@mail.kz",
            "a@-",
            "2999-01-01",
            "01.01.2020",
            "Ivan1",
            "Иван\u{202E}",
            "-Ivan",
            "Жалоба",
            "аааааааааааааааааааааааааааааааааааа",
            "ЖАЛОБА ЖАЛОБА ЖАЛОБА ЖАЛОБА ЖАЛОБА ЖАЛОБА",
            "123456789012",
            "901340000014",
            "900171000014",
            "900109000014",
        ];
        let mut seen = std::collections::BTreeSet::new();
        for v in bad_values {
            let s = v.to_owned();
            for kind in ["individual", "representative", "robot"] {
                for citizenship in ["citizen", "foreigner", ""] {
                    let input = BookingInput {
                        reception_id: s.clone(),
                        language: s.clone(),
                        applicant: ApplicantInput {
                            kind: kind.to_owned(),
                            citizenship: citizenship.to_owned(),
                            iin: Some(s.clone()),
                            passport: None,
                            surname: s.clone(),
                            given_name: s.clone(),
                            patronymic: Some(s.clone()),
                            phone: s.clone(),
                            email: Some(s.clone()),
                        },
                        on_behalf_of: Some(OnBehalfInput {
                            bin: Some(s.clone()),
                            citizenship: Some(citizenship.to_owned()),
                            iin: None,
                            passport: Some(s.clone()),
                            surname: Some(s.clone()),
                            given_name: None,
                            patronymic: None,
                            authority: AuthorityInput {
                                kind: s.clone(),
                                number: s.clone(),
                                date: s.clone(),
                            },
                        }),
                        matter: MatterInput {
                            substance: s.clone(),
                            answers: Default::default(),
                        },
                        format: s.clone(),
                        interpreter: Some(s.clone()),
                        out_of_town: false,
                    };
                    for e in input.validate(today).err().unwrap_or_default() {
                        seen.insert((e.field.clone(), e.code));
                    }
                }
            }
        }
        assert!(seen.len() > 40, "{seen:?}");
        for (field, code) in seen {
            for lang in Lang::ALL {
                let fallback = field_error("x", "zzz", lang);
                assert_ne!(
                    field_error(&field, code, lang),
                    fallback,
                    "{field} {code} {lang}"
                );
            }
        }
    }
}
