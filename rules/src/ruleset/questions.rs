//! The questions of Order No. 87 (as amended on 08.10.2021), one block per question, in the
//! order a questionnaire asks them: for each kind, competence first, then the grounds, then
//! (PG) the cases of R19; exceptions are follow-ups shown after a "yes" on their ground.
//!
//! Legal terms follow the Kazakh original (shared/seed) and the Russian text of the Order.
//! The grounds of R17(1), (3)–(6) are borrowed by R23(4) and R31(3): they are asked once per
//! official kind, with the borrowing clause (`R23.4 (R17.1)`), and share their texts.

use super::{AgreementWith, Alternative, Question, Role};
use crate::lang::Tr;
use crate::official::OfficialKind;
use crate::tr;

const PG: &[OfficialKind] = &[OfficialKind::ProsecutorGeneral];
const PG_DEPUTY: &[OfficialKind] = &[OfficialKind::ProsecutorGeneralDeputy];
/// R26–R34 apply to the regional prosecutor (and equated, and heads of agencies,
/// institutions and the education organisation) and to their deputies alike.
const REGIONAL: &[OfficialKind] = &[OfficialKind::RegionalHead, OfficialKind::RegionalDeputy];

pub(super) const TITLE: Tr = tr! {
    kk: "Қазақстан Республикасы прокуратура органдары лауазымды адамдарының жеке тұлғаларды және заңды тұлғалардың өкілдерін жеке қабылдау қағидалары (Бас Прокурордың 2017 жылғы 24 тамыздағы №\u{a0}87 бұйрығы, 2021 жылғы 8 қазандағы №\u{a0}132 бұйрықпен енгізілген өзгерістермен)",
    ru: "Правила личного приёма физических лиц и представителей юридических лиц должностными лицами органов прокуратуры Республики Казахстан (приказ Генерального Прокурора от 24 августа 2017 года №\u{a0}87, с изменениями, внесёнными приказом от 8 октября 2021 года №\u{a0}132)",
    en: "Rules for personal reception of individuals and representatives of legal entities by officials of the prosecutor's offices of the Republic of Kazakhstan (Order of the Prosecutor General No. 87 of 24 August 2017, as amended by Order No. 132 of 8 October 2021)",
};

pub(super) const REPEALED_BY: Tr = tr! {
    kk: "Қазақстан Республикасы Бас Прокурорының 2023 жылғы 17 қаңтардағы №\u{a0}29 бұйрығымен күші жойылды",
    ru: "Утратил силу приказом Генерального Прокурора Республики Казахстан от 17 января 2023 года №\u{a0}29",
    en: "Repealed by Order of the Prosecutor General of the Republic of Kazakhstan No. 29 of 17 January 2023",
};

pub(super) fn alternative_text(alternative: Alternative) -> Tr {
    match alternative {
        Alternative::DistrictOfficeWalkIn => tr! {
            kk: "Аудандық (немесе оған теңестірілген) прокуратураға келіңіз: ол кез келген жұмыс күні 09:00–18:30 аралығында барлығын алдын ала жазусыз қабылдайды және қабылдаудан бас тарта алмайды (Қағидалар, 37, 39-тармақтар).",
            ru: "Приходите в районную (или приравненную к ней) прокуратуру: она принимает всех без предварительной записи в любой рабочий день с 09:00 до 18:30 и не может отказать в приёме (Правила, пункты 37, 39).",
            en: "Come to the district (or equated) prosecutor's office: it receives everyone without pre-registration on any working day, 09:00–18:30, and may not refuse to receive you (Rules, paras 37, 39).",
        },
        Alternative::CompetentAuthority => tr! {
            kk: "Мәселеңізді шешуге жауапты мемлекеттік органға немесе ұйымға жүгініңіз. Олар заңды бұзды деп санасаңыз, мұны прокуратура тексере алады.",
            ru: "Обратитесь в государственный орган или организацию, ответственные за решение вашего вопроса. Если вы считаете, что они нарушили закон, это может проверить прокуратура.",
            en: "Apply to the state body or organisation responsible for deciding your matter. If you think it has broken the law, the prosecutor's office can check that.",
        },
        Alternative::Court => tr! {
            kk: "Сотқа жүгініңіз: бұл мәселені сот шешеді, дәлелдеріңізді сонда ұсынасыз.",
            ru: "Обратитесь в суд: этот вопрос решает суд, и свои доводы вы излагаете там.",
            en: "Apply to the court: this matter is for the court to decide, and you present your arguments there.",
        },
        Alternative::AppealCourtAct => tr! {
            kk: "Сот актісіне процестік заңда белгіленген тәртіппен және мерзімде өзіңіз шағым беріңіз.",
            ru: "Обжалуйте судебный акт сами в порядке и в сроки, установленные процессуальным законом.",
            en: "Appeal the court act yourself, in the procedure and within the time limits set by the procedural law.",
        },
        Alternative::RestoreDeadline => tr! {
            kk: "Мерзімді дәлелді себеппен өткізіп алсаңыз, процестік заңда көзделген тәртіппен оны қалпына келтіру туралы сотқа өтінішхат беріңіз.",
            ru: "Если срок пропущен по уважительной причине, обратитесь в суд с ходатайством о его восстановлении в порядке, предусмотренном процессуальным законом.",
            en: "If you missed the deadline for a valid reason, ask the court to restore it, as the procedural law provides.",
        },
        Alternative::CassationAppeal => tr! {
            kk: "Процестік заңда белгіленген мерзімде кассациялық сатыдағы сотқа шағымды (өтінішхатты) өзіңіз беріңіз.",
            ru: "Подайте кассационную жалобу (ходатайство) в суд кассационной инстанции сами в срок, установленный процессуальным законом.",
            en: "File a cassation complaint (petition) with the court of cassation yourself, within the deadline set by the procedural law.",
        },
        Alternative::RepeatWithNewEvidence => tr! {
            kk: "Жаңа дәлелдер немесе жаңадан ашылған мән-жайлар болса, оларды көрсетіп қайта өтініш беріңіз (Қағидалар, 19-тармақтың 2) тармақшасы, 33-тармақ).",
            ru: "Если у вас есть новые доводы или вновь открывшиеся обстоятельства, обратитесь повторно, указав их (Правила, подпункт 2) пункта 19, пункт 33).",
            en: "If you have new arguments or newly discovered circumstances, apply again and state them (Rules, paras 19(2), 33).",
        },
        Alternative::CompetentOfficial => tr! {
            kk: "Мәселеңіз құзыретіне кіретін лауазымды адамды таңдаңыз: әр лауазымды адамның қадағалау салалары кестеде көрсетілген.",
            ru: "Выберите должностное лицо, к компетенции которого относится ваш вопрос: направления надзора каждого указаны в графике приёма.",
            en: "Choose the official whose competence covers your matter: the reception schedule shows each official's areas.",
        },
        Alternative::RegionalProsecutor => tr! {
            kk: "Өз облысыңыздың (республикалық маңызы бар қаланың) прокурорының қабылдауына жазылыңыз: жазылу жұмыс күндері жүргізіледі және қабылдаудан бір күн бұрын аяқталады (Қағидалар, 27, 34-тармақтар).",
            ru: "Запишитесь на приём к прокурору своей области (города республиканского значения): запись ведётся в рабочие дни и заканчивается за один день до приёма (Правила, пункты 27, 34).",
            en: "Ask for a reception with the prosecutor of your region (or city of republican significance): registration is open on working days and closes one day before the reception (Rules, paras 27, 34).",
        },
        Alternative::AppealInWriting => tr! {
            kk: "Прокуратураға жазбаша өтініш жіберіңіз — «egov.kz» порталы арқылы немесе қағаз түрінде; ол заңда белгіленген тәртіппен және мерзімде тіркеліп, қаралады.",
            ru: "Направьте письменное обращение в прокуратуру — через портал egov.kz или на бумаге; оно будет зарегистрировано и рассмотрено в порядке и в сроки, установленные законом.",
            en: "Send a written application to the prosecutor's office — through the egov.kz portal or on paper; it is registered and considered in the procedure and time limits set by law.",
        },
    }
}

pub(super) fn agreement_text(with: AgreementWith) -> Tr {
    match with {
        AgreementWith::GpoUnits => tr! {
            kk: "Бас Прокурордың қабылдауына алдын ала жазу туралы шешім Бас прокуратураның тиісті құрылымдық бөлімшелерімен келісім бойынша қабылданады: Орталық жазуды растамас бұрын олардың келісімін тіркейді (Қағидалардың 19-тармағы).",
            ru: "Решение о предварительной записи на приём к Генеральному Прокурору принимается по согласованию с соответствующими структурными подразделениями Генеральной прокуратуры: Центр зафиксирует их согласие, прежде чем подтвердить запись (пункт 19 Правил).",
            en: "The decision to pre-register you with the Prosecutor General is taken in agreement with the relevant units of the General Prosecutor's Office: the Centre records their agreement before it confirms your registration (Rules, para 19).",
        },
        AgreementWith::StructuralUnit => tr! {
            kk: "Жаңа дәлелдер немесе жаңадан ашылған мән-жайлар келтірілген қайталама өтініш бойынша алдын ала жазу тиісті құрылымдық бөлімшемен келісім бойынша жүзеге асырылады: жауапты қызметкер жазуды растамас бұрын оның келісімін тіркейді (Қағидалардың 33-тармағы).",
            ru: "Предварительная запись по повторному обращению с новыми доводами или вновь открывшимися обстоятельствами производится по согласованию с соответствующим структурным подразделением: ответственный работник зафиксирует его согласие, прежде чем подтвердить запись (пункт 33 Правил).",
            en: "Pre-registration on a repeat application with new arguments or newly discovered circumstances is made in agreement with the relevant structural unit: the responsible officer records its agreement before confirming your registration (Rules, para 33).",
        },
    }
}

/// The texts of a ground that R23(4) and R31(3) borrow from R17.
struct Shared {
    /// Everyday words, no article numbers (shown as the question).
    plain: Tr,
    /// The ground as the Rules word it (shown under "why we ask").
    text: Tr,
    help: Tr,
    refusal: Tr,
}

/// R17(1): outside the competence of the prosecution bodies (art. 21 of the Law).
const OUTSIDE_COMPETENCE: Shared = Shared {
    plain: tr! {
        kk: "Мәселеңізді прокуратура емес, тек басқа мемлекеттік орган немесе ұйым шеше ала ма? Мысалы, зейнетақы тағайындау немесе мүлікті тіркеу.",
        ru: "Ваш вопрос может решить только другой государственный орган или организация, а не прокуратура? Например, назначить пенсию или зарегистрировать имущество.",
        en: "Can only another state body or organisation decide your matter, not the prosecutor's office? For example, granting a pension or registering property.",
    },
    text: tr! {
        kk: "Сіздің мәселеңіз прокуратура қарамайтын мәселелерге жата ма — яғни оны прокуратура емес, тек басқа мемлекеттік орган немесе ұйым шеше ала ма?",
        ru: "Относится ли ваш вопрос к тем, которые прокуратура не рассматривает, — то есть решить его может только другой государственный орган или организация, а не прокуратура?",
        en: "Is your matter one that the prosecutor's office does not deal with — one that only another state body or organisation can decide, not the prosecutor's office?",
    },
    help: tr! {
        kk: "Қағидалар «Прокуратура туралы» Қазақстан Республикасы Заңының 21-бабына сілтеме жасайды: прокуратура органдарының құзыретіне не кіретінін осы Заң айқындайды. Мысалы, зейнетақы немесе жәрдемақы тағайындауды, мүлікті тіркеуді оған жауапты орган жүзеге асырады, прокуратура емес; ал сол органның заңды бұзғаны туралы шағым — прокуратураның ісі. Сенімді болмасаңыз, «білмеймін» деп жауап беріңіз: қызметкерлер тексереді.",
        ru: "Правила ссылаются на статью 21 Закона Республики Казахстан «О прокуратуре»: что входит в компетенцию органов прокуратуры, определяет этот Закон. Например, пенсию или пособие назначает, имущество регистрирует ответственный за это орган, а не прокуратура; а жалоба на то, что такой орган нарушил закон, — дело прокуратуры. Если не уверены, ответьте «не знаю»: сотрудники проверят.",
        en: "The Rules refer to art. 21 of the Law of the Republic of Kazakhstan “On the Prosecutor's Office”: that Law sets what is within the competence of the prosecution service. For example, a pension or benefit is granted, and property is registered, by the body in charge of it, not by the prosecutor; but a complaint that such a body broke the law is a matter for the prosecutor. If you are not sure, answer “don't know”: staff will check.",
    },
    refusal: tr! {
        kk: "Прокуратура органдарының құзыретіне кірмейтін мәселелер бойынша қабылдауға жазу жүргізілмейді («Прокуратура туралы» Заңның 21-бабы). Мәселеңізді шешетін мемлекеттік органға немесе ұйымға жүгініңіз. Мемлекеттік орган немесе лауазымды адам заңды бұзды деп санасаңыз, аудандық прокуратураға алдын ала жазылусыз келе аласыз.",
        ru: "Запись на приём по вопросам, не входящим в компетенцию органов прокуратуры, не производится (статья 21 Закона «О прокуратуре»). Обратитесь в государственный орган или организацию, которые решают ваш вопрос. Если вы считаете, что государственный орган или должностное лицо нарушили закон, вы можете прийти в районную прокуратуру без предварительной записи.",
        en: "No pre-registration is made on matters outside the competence of the prosecution bodies (art. 21 of the Law “On the Prosecutor's Office”). Apply to the state body or organisation that decides your matter. If you think a state body or official has broken the law, you can come to the district prosecutor's office without pre-registration.",
    },
};

/// R17(3): for a court under art. 106(1) of the Criminal Procedure Code, or a criminal case
/// sent to court.
const COURT_JURISDICTION: Shared = Shared {
    plain: tr! {
        kk: "Сіз қылмыстық іс бойынша тергеушіге немесе прокурорға шағымданасыз ба және бұл шағымды сот қарай ма, немесе іс сотқа жіберіліп қойды ма?",
        ru: "Вы жалуетесь на следователя или прокурора по уголовному делу, и такую жалобу рассматривает суд, или дело уже передано в суд?",
        en: "Is your complaint about an investigator or prosecutor in a criminal case one that a judge decides, or has the case already gone to court?",
    },
    text: tr! {
        kk: "Сіздің шағымыңыз Қылмыстық-процестік кодекстің 106-бабының бірінші бөлігіне сәйкес соттың (тергеу судьясының) қарауына жата ма, немесе ол сотқа жолданған қылмыстық іске қатысты ма?",
        ru: "Относится ли ваша жалоба к тем, которые по части первой статьи 106 Уголовно-процессуального кодекса рассматривает суд (следственный судья), или она касается уголовного дела, уже направленного в суд?",
        en: "Is your complaint one that a court (the investigating judge) decides under art. 106(1) of the Criminal Procedure Code, or is it about a criminal case that has already been sent to court?",
    },
    help: tr! {
        kk: "Прокурордың және қылмыстық қудалау органдарының Қылмыстық-процестік кодекстің 106-бабының бірінші бөлігінде аталған әрекеттеріне (әрекетсіздігіне) және шешімдеріне шағымдарды тергеу судьясы қарайды. Қылмыстық іс сотқа жолданғаннан кейін оны сот шешеді, ал дәлелдеріңізді сот отырысында айтасыз. Сенімді болмасаңыз, «білмеймін» деп жауап беріңіз.",
        ru: "Жалобы на перечисленные в части первой статьи 106 Уголовно-процессуального кодекса действия (бездействие) и решения прокурора и органов уголовного преследования рассматривает следственный судья. После направления уголовного дела в суд его разрешает суд, а свои доводы вы излагаете в судебном заседании. Если не уверены, ответьте «не знаю».",
        en: "Complaints about the actions (inaction) and decisions of the prosecutor and of the criminal prosecution bodies listed in art. 106(1) of the Criminal Procedure Code are decided by the investigating judge. Once a criminal case has been sent to court, the court decides it and you make your arguments at the hearing. If you are not sure, answer “don't know”.",
    },
    refusal: tr! {
        kk: "Шағымды қарау Қылмыстық-процестік кодекстің 106-бабының бірінші бөлігіне сәйкес соттың құзыретіне кіретін жағдайда, сондай-ақ сотқа жолданған қылмыстық істер бойынша қабылдауға жазу жүргізілмейді. Шағымыңызды сотқа (тергеу судьясына) беріңіз; іс сотта болса, дәлелдеріңізді сот отырысында айтыңыз немесе сот актісіне заңда белгіленген тәртіппен шағым беріңіз.",
        ru: "Запись на приём не производится, если рассмотрение жалобы относится к компетенции суда согласно части первой статьи 106 Уголовно-процессуального кодекса, а также по уголовным делам, направленным в суд. Подайте жалобу в суд (следственному судье); если дело уже в суде, излагайте свои доводы в судебном заседании или обжалуйте судебный акт в порядке, установленном законом.",
        en: "No pre-registration is made when a complaint is for a court to decide under art. 106(1) of the Criminal Procedure Code, nor on criminal cases sent to court. Submit your complaint to the court (the investigating judge); if the case is already in court, make your arguments at the hearing or appeal the court act as the law provides.",
    },
};

/// R17(4): the deadline for a cassation appeal was missed.
const CASSATION_DEADLINE_MISSED: Shared = Shared {
    plain: tr! {
        kk: "Сіз сот шешімін даулағыңыз келе ме, бірақ оған кассациялық шағым беру мерзімі өтіп кетті ме?",
        ru: "Вы хотите оспорить решение суда, но срок его обжалования в кассационном порядке уже прошёл?",
        en: "Do you want to challenge a court decision whose deadline for a cassation appeal has already passed?",
    },
    text: tr! {
        kk: "Сіз кассациялық шағым беру мерзімі өтіп кеткен сот актісін даулап отырсыз ба?",
        ru: "Вы оспариваете судебный акт, срок кассационного обжалования которого уже пропущен?",
        en: "Are you disputing a court act for which the deadline for a cassation appeal has already passed?",
    },
    help: tr! {
        kk: "Заңды күшіне енген сот актісіне кассациялық тәртіппен тек процестік заңда белгіленген мерзімде шағым беруге болады; шағымдану тәртібі мен мерзімі әдетте сот актісінің өзінде көрсетіледі. Мәселеңіз сот актісіне қатысты болмаса, «жоқ» деп жауап беріңіз. Сенімді болмасаңыз, «білмеймін» деп жауап беріңіз.",
        ru: "Вступивший в законную силу судебный акт можно обжаловать в кассационном порядке только в срок, установленный процессуальным законом; порядок и срок обжалования обычно указаны в самом судебном акте. Если ваш вопрос не касается судебного акта, ответьте «нет». Если не уверены, ответьте «не знаю».",
        en: "A court act that has entered into force can be appealed in cassation only within the time limit set by the procedural law; the act itself usually states how and by when it can be appealed. If your matter is not about a court act, answer “no”. If you are not sure, answer “don't know”.",
    },
    refusal: tr! {
        kk: "Сот актілеріне кассациялық шағым беру мерзімін өткізіп алған кезде қабылдауға жазу жүргізілмейді. Мерзімді дәлелді себеппен өткізіп алсаңыз, процестік заңда көзделген тәртіппен оны қалпына келтіру туралы сотқа өтінішхат бере аласыз.",
        ru: "При пропуске срока кассационного обжалования судебных актов запись на приём не производится. Если срок пропущен по уважительной причине, вы можете обратиться в суд с ходатайством о его восстановлении в порядке, предусмотренном процессуальным законом.",
        en: "No pre-registration is made when the deadline for a cassation appeal against the court acts has been missed. If you missed it for a valid reason, you can ask the court to restore the deadline, as the procedural law provides.",
    },
};

/// R17(5): court acts disputed in cases not provided for by art. 54(2) of the Civil
/// Procedure Code.
const CIVIL_CASE_NOT_LISTED: Shared = Shared {
    plain: tr! {
        kk: "Сіз заң прокурордың қатысуын көздемейтін азаматтық іс бойынша сот шешімін даулайсыз ба — мысалы, азаматтар немесе компаниялар арасындағы кәдімгі дау бойынша?",
        ru: "Вы оспариваете решение суда по гражданскому делу, в котором закон не предусматривает участия прокурора, — например, по обычному спору между гражданами или компаниями?",
        en: "Are you challenging a court decision in a civil case where the law does not provide for the prosecutor to take part — for example, an ordinary dispute between people or companies?",
    },
    text: tr! {
        kk: "Сіз Азаматтық процестік кодекстің 54-бабының екінші бөлігінде көзделмеген азаматтық іс бойынша сот актісін даулап отырсыз ба?",
        ru: "Вы оспариваете судебный акт по гражданскому делу, не предусмотренному частью второй статьи 54 Гражданского процессуального кодекса?",
        en: "Are you disputing a court act in a civil case of a kind not provided for by art. 54(2) of the Civil Procedure Code?",
    },
    help: tr! {
        kk: "Азаматтық істер бойынша сот актілерін даулау мәселесімен қабылдауға тек Азаматтық процестік кодекстің 54-бабының екінші бөлігінде көзделген істер бойынша жазылуға болады. Басқа азаматтық істерде тараптар өз құқықтарын сот актілеріне өздері шағым беру арқылы қорғайды. Мәселеңіз азаматтық іс бойынша сот актісіне қатысты болмаса, «жоқ» деп жауап беріңіз; сенімді болмасаңыз, «білмеймін» деп жауап беріңіз — қызметкерлер тексереді.",
        ru: "Записаться на приём по вопросу оспаривания судебных актов по гражданским делам можно только по делам, предусмотренным частью второй статьи 54 Гражданского процессуального кодекса. По другим гражданским делам стороны защищают свои права сами, обжалуя судебные акты. Если ваш вопрос не касается судебного акта по гражданскому делу, ответьте «нет»; если не уверены — «не знаю»: сотрудники проверят.",
        en: "A reception to dispute court acts in civil cases can be booked only for the kinds of cases provided for by art. 54(2) of the Civil Procedure Code. In other civil cases the parties protect their rights themselves by appealing the court acts. If your matter is not about a court act in a civil case, answer “no”; if you are not sure, answer “don't know”: staff will check.",
    },
    refusal: tr! {
        kk: "Азаматтық процестік кодекстің 54-бабының екінші бөлігінде көзделмеген істер бойынша сот актілерін даулаған жағдайда қабылдауға жазу жүргізілмейді. Сот актісіне процестік заңда белгіленген тәртіппен өзіңіз шағым беріңіз.",
        ru: "Запись на приём не производится в случае оспаривания судебных актов по делам, не предусмотренным частью второй статьи 54 Гражданского процессуального кодекса. Обжалуйте судебный акт сами в порядке, установленном процессуальным законом.",
        en: "No pre-registration is made to dispute court acts in cases not provided for by art. 54(2) of the Civil Procedure Code. Appeal the court act yourself, in the procedure set by the procedural law.",
    },
};

/// R17(6): court acts not subject to cassation review (Civil Procedure Code art. 429(7),
/// 434(2); Criminal Procedure Code art. 484(2)).
const NOT_SUBJECT_TO_CASSATION: Shared = Shared {
    plain: tr! {
        kk: "Сіз заң бойынша кассациялық тәртіппен қайта қаралмайтын сот шешіміне шағымданасыз ба? Бұл әдетте шешімнің өзінде, шағымдану тәртібі туралы бөлігінде жазылады.",
        ru: "Вы обжалуете решение суда, которое по закону нельзя пересмотреть в кассационном порядке? Обычно это сказано в самом решении, там, где описан порядок обжалования.",
        en: "Are you appealing a court decision that by law cannot be reviewed in cassation? The decision usually says so itself, where it explains how it can be appealed.",
    },
    text: tr! {
        kk: "Сіз Азаматтық процестік кодекстің 429-бабының жетінші бөлігіне, 434-бабының екінші бөлігіне немесе Қылмыстық-процестік кодекстің 484-бабының екінші бөлігіне сәйкес кассациялық тәртіппен қайта қарауға жатпайтын сот актісіне шағымданып отырсыз ба?",
        ru: "Вы обжалуете судебный акт, который не подлежит пересмотру в кассационном порядке по части седьмой статьи 429, части второй статьи 434 Гражданского процессуального кодекса или части второй статьи 484 Уголовно-процессуального кодекса?",
        en: "Are you appealing a court act that is not subject to review in cassation under art. 429(7) or 434(2) of the Civil Procedure Code or art. 484(2) of the Criminal Procedure Code?",
    },
    help: tr! {
        kk: "Процестік кодекстерде кассациялық тәртіппен қайта қарауға жатпайтын сот актілері аталған. Бұл сіздің ісіңізге қатысты ма, көбінесе сот актісінің өзінде, шағымдану тәртібі туралы бөлігінде көрсетіледі. Мәселеңіз сот актісіне қатысты болмаса, «жоқ» деп, сенімді болмасаңыз, «білмеймін» деп жауап беріңіз.",
        ru: "Процессуальные кодексы перечисляют судебные акты, не подлежащие пересмотру в кассационном порядке. Относится ли это к вашему делу, часто указано в самом судебном акте, в части о порядке обжалования. Если ваш вопрос не касается судебного акта, ответьте «нет»; если не уверены — «не знаю».",
        en: "The procedural codes list court acts that are not subject to review in cassation. Whether that is your case is often stated in the court act itself, where it says how it can be appealed. If your matter is not about a court act, answer “no”; if you are not sure, answer “don't know”.",
    },
    refusal: tr! {
        kk: "Кассациялық тәртіппен қайта қарауға жатпайтын сот актілеріне шағымданғанда (Азаматтық процестік кодекстің 429-бабының жетінші бөлігі, 434-бабының екінші бөлігі, Қылмыстық-процестік кодекстің 484-бабының екінші бөлігі) қабылдауға жазу жүргізілмейді. Жаңадан ашылған немесе жаңа мән-жайлар туындаса, процестік заңда көзделген тәртіппен актіні шығарған сотқа жүгінуге болады.",
        ru: "Запись на приём не производится при обжаловании судебных актов, не подлежащих пересмотру в кассационном порядке (часть седьмая статьи 429, часть вторая статьи 434 Гражданского процессуального кодекса, часть вторая статьи 484 Уголовно-процессуального кодекса). При вновь открывшихся или новых обстоятельствах можно обратиться в суд, вынесший акт, в порядке, предусмотренном процессуальным законом.",
        en: "No pre-registration is made to appeal court acts that are not subject to review in cassation (Civil Procedure Code art. 429(7), 434(2); Criminal Procedure Code art. 484(2)). If newly discovered or new circumstances arise, you can apply to the court that issued the act, as the procedural law provides.",
    },
};

/// R19(2), R33: a repeat application with new evidence or newly discovered circumstances.
/// For the PG it is a case of R19 (agreement with the GPO's units) that also cancels R17(2);
/// for regional officials an exception to R31(1) (agreement with the structural unit, R33).
/// Deputies of the PG have no such exception (RULES.md, "Readings", 2).
const NEW_EVIDENCE_PLAIN: Tr = tr! {
    kk: "Сіз қайта жүгініп, мәселеңіз қаралған кезде белгісіз болған жаңа дәлелдер немесе фактілер келтіресіз бе?",
    ru: "Вы обращаетесь повторно и приводите новые доводы или факты, которые не были известны, когда ваш вопрос рассматривали?",
    en: "Are you applying again with new arguments or facts that were not known when your matter was considered?",
};

const NEW_EVIDENCE_TEXT: Tr = tr! {
    kk: "Бұл бұрын мәселеңіз қаралған кезде белгісіз болған жаңа дәлелдер немесе жаңадан ашылған мән-жайлар келтірілген қайталама өтініш пе?",
    ru: "Это повторное обращение, в котором вы приводите новые доводы или вновь открывшиеся обстоятельства, не известные, когда ваш вопрос рассматривался раньше?",
    en: "Is this a repeat application in which you bring new arguments or newly discovered circumstances that were not known when your matter was considered before?",
};

const NEW_EVIDENCE_HELP: Tr = tr! {
    kk: "Жаңадан ашылған мән-жайлар — мәселе шешілген кезде болған, бірақ белгісіз болған және белгілі болуы мүмкін емес фактілер. Бұрынғы дәлелдерді қайталау жаңа дәлел болып саналмайды. Келтірген дәлелдеріңізді тиісті құрылымдық бөлімше зерделейді. Бұл бірінші өтінішіңіз болса, «жоқ» деп жауап беріңіз.",
    ru: "Вновь открывшиеся обстоятельства — факты, которые существовали, но не были и не могли быть известны, когда вопрос решался. Повторение прежних доводов новыми доводами не является. Приведённые вами доводы изучит соответствующее структурное подразделение. Если это ваше первое обращение, ответьте «нет».",
    en: "Newly discovered circumstances are facts that existed but were not, and could not be, known when the matter was decided. Repeating earlier arguments does not make them new. The relevant unit of the prosecutor's office will study what you bring. If this is your first application, answer “no”.",
};

/// Why a repeat application with new evidence goes to staff (R19 "in agreement with the
/// relevant units", R33 "in agreement with the relevant structural unit").
const NEW_EVIDENCE_REVIEW: Tr = tr! {
    kk: "Жаңа дәлелдер немесе жаңадан ашылған мән-жайлар келтірілген қайталама өтініш бойынша қабылдауға алдын ала жазу тиісті құрылымдық бөлімшемен келісім бойынша жүзеге асырылады: ол дәлелдеріңізді зерделеп, шешім қабылдайды.",
    ru: "Предварительная запись на приём по повторному обращению с новыми доводами или вновь открывшимися обстоятельствами производится по согласованию с соответствующим структурным подразделением: оно изучит ваши доводы и примет решение.",
    en: "Pre-registration on a repeat application with new arguments or newly discovered circumstances is made in agreement with the relevant unit of the prosecutor's office, which will study what you bring and decide.",
};

/// R17(2): what "the same matter" means, with the R19(2) follow-up announced.
const SAME_MATTER_HELP: Tr = tr! {
    kk: "«Сол мәселе» — басқаша тұжырымдалса да, сол фактілер бойынша сол өтініш. Жаңа дәлелдер немесе жаңадан ашылған мән-жайлар келтірсеңіз, бұл сұраққа шынайы жауап беріңіз: олар туралы жеке сұрақ қойылады.",
    ru: "«Тот же вопрос» — то же требование по тем же фактам, даже если оно сформулировано иначе. Если вы приводите новые доводы или вновь открывшиеся обстоятельства, ответьте на этот вопрос честно: о них будет отдельный вопрос.",
    en: "“The same matter” means the same request about the same facts, even if it is worded differently. If you bring new arguments or newly discovered circumstances, answer this question truthfully: you will be asked about them separately.",
};

pub(super) static QUESTIONS: &[Question] = &[
    // ---- The Prosecutor General (R17, R19) ----
    Question {
        id: "r17_1_outside_competence",
        clause: "R17.1",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG,
        plain: OUTSIDE_COMPETENCE.plain,
        text: OUTSIDE_COMPETENCE.text,
        help: OUTSIDE_COMPETENCE.help,
        refusal: Some(OUTSIDE_COMPETENCE.refusal),
        alternatives: &[Alternative::CompetentAuthority],
        review: None,
    },
    Question {
        id: "r17_2_already_received",
        clause: "R17.2",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG,
        plain: tr! {
            kk: "Сіз осы мәселе бойынша Бас Прокурордың қабылдауында болдыңыз ба немесе одан өтінішіңізге жауап алдыңыз ба?",
            ru: "Вы уже были на приёме у Генерального Прокурора по этому же вопросу или получили от него ответ на обращение?",
            en: "Have you already been received by the Prosecutor General on this same matter, or had his answer to an application about it?",
        },
        text: tr! {
            kk: "Сіз осы мәселе бойынша Бас Прокурордың қабылдауында бұрын болдыңыз ба немесе осы мәселе бойынша өтінішіңізге Бас Прокурордың жауабын алдыңыз ба?",
            ru: "Вы уже были на приёме у Генерального Прокурора по этому же вопросу или получили его ответ на своё обращение по этому же вопросу?",
            en: "Have you already been received by the Prosecutor General on this same matter, or received his answer to an application on it?",
        },
        help: SAME_MATTER_HELP,
        refusal: Some(tr! {
            kk: "Сол мәселе бойынша бұрын қабылданған немесе сол мәселе бойынша өтінішіне Бас Прокурордың жауабы бар адамдар Бас Прокурордың қабылдауына жазылмайды. Жаңа дәлелдер немесе жаңадан ашылған мән-жайлар болса, оларды көрсетіп қайта өтініш бере аласыз (Қағидалардың 19-тармағының 2) тармақшасы).",
            ru: "На приём к Генеральному Прокурору не записываются лица, ранее принятые по этому же вопросу или имеющие ответ Генерального Прокурора на обращение по этому же вопросу. Если у вас есть новые доводы или вновь открывшиеся обстоятельства, вы можете обратиться повторно, указав их (подпункт 2) пункта 19 Правил).",
            en: "No pre-registration to the Prosecutor General is made for persons already received on the same matter or who have his answer on it. If you have new arguments or newly discovered circumstances, you can apply again and state them (Rules, para 19(2)).",
        }),
        alternatives: &[Alternative::RepeatWithNewEvidence],
        review: None,
    },
    Question {
        id: "r17_3_court_jurisdiction",
        clause: "R17.3",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG,
        plain: COURT_JURISDICTION.plain,
        text: COURT_JURISDICTION.text,
        help: COURT_JURISDICTION.help,
        refusal: Some(COURT_JURISDICTION.refusal),
        alternatives: &[Alternative::Court],
        review: None,
    },
    Question {
        id: "r17_4_cassation_deadline_missed",
        clause: "R17.4",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG,
        plain: CASSATION_DEADLINE_MISSED.plain,
        text: CASSATION_DEADLINE_MISSED.text,
        help: CASSATION_DEADLINE_MISSED.help,
        refusal: Some(CASSATION_DEADLINE_MISSED.refusal),
        alternatives: &[Alternative::RestoreDeadline],
        review: None,
    },
    Question {
        id: "r17_5_civil_case_not_listed",
        clause: "R17.5",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG,
        plain: CIVIL_CASE_NOT_LISTED.plain,
        text: CIVIL_CASE_NOT_LISTED.text,
        help: CIVIL_CASE_NOT_LISTED.help,
        refusal: Some(CIVIL_CASE_NOT_LISTED.refusal),
        alternatives: &[Alternative::AppealCourtAct],
        review: None,
    },
    Question {
        id: "r17_6_not_subject_to_cassation",
        clause: "R17.6",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG,
        plain: NOT_SUBJECT_TO_CASSATION.plain,
        text: NOT_SUBJECT_TO_CASSATION.text,
        help: NOT_SUBJECT_TO_CASSATION.help,
        refusal: Some(NOT_SUBJECT_TO_CASSATION.refusal),
        alternatives: &[],
        review: None,
    },
    Question {
        id: "r19_1_protest_court_act",
        clause: "R19.1",
        role: Role::Agreement,
        exception_to: &[],
        agreement: Some(AgreementWith::GpoUnits),
        applies_to: PG,
        plain: tr! {
            kk: "Сіз Бас Прокурордан заңды күшіне енген, апелляциялық тәртіппен шағымданылмаған сот шешіміне наразылық келтіруді сұрайсыз ба?",
            ru: "Вы просите Генерального Прокурора опротестовать вступившее в силу решение суда, которое не обжаловали в апелляционном порядке?",
            en: "Are you asking the Prosecutor General to protest a court decision that has entered into force and was not appealed?",
        },
        text: tr! {
            kk: "Сіз Бас Прокурордан жергілікті немесе басқа соттың заңды күшіне енген және апелляциялық тәртіппен шағым берілмеген актісіне наразылық келтіруді сұрайсыз ба?",
            ru: "Вы просите Генерального Прокурора принести протест на вступивший в законную силу акт местного или иного суда, который не обжаловался в апелляционном порядке?",
            en: "Are you asking the Prosecutor General to bring a protest against an act of a local or other court that has entered into force and was not appealed on appeal?",
        },
        help: tr! {
            kk: "Наразылық — прокурордың сот актісін қайта қарау туралы жоғары тұрған сотқа келтіретін актісі. Бұл негіз жергілікті және басқа соттардың заңды күшіне енген, апелляциялық тәртіппен шағым берілмеген актілеріне қатысты (Қағидалардың 19-тармағының 1) тармақшасы). «Иә» деп жауап берсеңіз, Орталық жазуды Бас прокуратураның тиісті бөлімшелерімен келіседі; «жоқ» деген жауап жазуға кедергі келтірмейді.",
            ru: "Протест — акт прокурора, которым он просит вышестоящий суд пересмотреть судебный акт. Это основание касается вступивших в законную силу и не обжалованных в апелляционном порядке актов местных и других судов (подпункт 1) пункта 19 Правил). Если вы ответите «да», Центр согласует запись с соответствующими подразделениями Генеральной прокуратуры; ответ «нет» записи не препятствует.",
            en: "A protest is the prosecutor's request to a higher court to review a court act. This basis concerns acts of local and other courts that have entered into force and against which no appeal was brought (Rules, para 19(1)). If you answer “yes”, the Centre agrees your registration with the relevant units of the General Prosecutor's Office; a “no” does not prevent registration.",
        },
        refusal: None,
        alternatives: &[],
        review: None,
    },
    Question {
        id: "r19_2_new_evidence",
        clause: "R19.2",
        role: Role::Agreement,
        exception_to: &["r17_2_already_received"],
        agreement: Some(AgreementWith::GpoUnits),
        applies_to: PG,
        plain: NEW_EVIDENCE_PLAIN,
        text: NEW_EVIDENCE_TEXT,
        help: NEW_EVIDENCE_HELP,
        refusal: None,
        alternatives: &[],
        review: Some(NEW_EVIDENCE_REVIEW),
    },
    Question {
        id: "r19_3_protest_supreme_court",
        clause: "R19.3",
        role: Role::Agreement,
        exception_to: &[],
        agreement: Some(AgreementWith::GpoUnits),
        applies_to: PG,
        plain: tr! {
            kk: "Сіз Бас Прокурордан ісіңіз бойынша Жоғарғы Соттың қаулысына наразылық келтіруді сұрайсыз ба?",
            ru: "Вы просите Генерального Прокурора опротестовать постановление Верховного Суда по вашему делу?",
            en: "Are you asking the Prosecutor General to protest a ruling of the Supreme Court in your case?",
        },
        text: tr! {
            kk: "Сіз Бас Прокурордан Қылмыстық-процестік кодекстің 494-бабында, Азаматтық процестік кодекстің 451-бабында немесе Әкімшілік құқық бұзушылық туралы кодекстің 851-бабында белгіленген тәртіппен шығарылған Жоғарғы Сот қаулысына наразылық келтіруді сұрайсыз ба?",
            ru: "Вы просите Генерального Прокурора принести протест на постановление Верховного Суда, вынесенное в порядке статьи 494 Уголовно-процессуального кодекса, статьи 451 Гражданского процессуального кодекса или статьи 851 Кодекса об административных правонарушениях?",
            en: "Are you asking the Prosecutor General to bring a protest against a resolution of the Supreme Court issued under art. 494 of the Criminal Procedure Code, art. 451 of the Civil Procedure Code or art. 851 of the Code of Administrative Offences?",
        },
        help: tr! {
            kk: "Бұл — Жоғарғы Сот істі аталған баптар бойынша қараған кезде шығаратын қаулы. Ісіңіз бойынша Жоғарғы Сот қаулы шығарса және Бас Прокурордан оған наразылық келтіруді сұрасаңыз, «иә» деп жауап беріңіз; сенімді болмасаңыз — «білмеймін» (Қағидалардың 19-тармағының 3) тармақшасы). «Иә» деген жауап бойынша Орталық жазуды Бас прокуратураның тиісті бөлімшелерімен келіседі; «жоқ» деген жауап жазуға кедергі келтірмейді.",
            ru: "Это постановление, которое Верховный Суд выносит, рассматривая дело по названным статьям. Если по вашему делу вынесено постановление Верховного Суда и вы просите Генерального Прокурора принести на него протест, ответьте «да»; если не уверены — «не знаю» (подпункт 3) пункта 19 Правил). При ответе «да» Центр согласует запись с соответствующими подразделениями Генеральной прокуратуры; ответ «нет» записи не препятствует.",
            en: "This is a resolution the Supreme Court issues when it hears a case under the articles named. If the Supreme Court has issued a resolution in your case and you ask the Prosecutor General to protest it, answer “yes”; if you are not sure, answer “don't know” (Rules, para 19(3)). On a “yes”, the Centre agrees your registration with the relevant units of the General Prosecutor's Office; a “no” does not prevent registration.",
        },
        refusal: None,
        alternatives: &[],
        review: None,
    },
    // ---- Deputies of the Prosecutor General (R22, R23; the R23.3 exception) ----
    Question {
        id: "r22_deputy_competence",
        clause: "R22",
        role: Role::Competence,
        exception_to: &[],
        agreement: None,
        applies_to: PG_DEPUTY,
        plain: tr! {
            kk: "Мәселеңіз осы орынбасар жауап беретін салаларға жата ма, немесе Бас Прокурор оған сізді қабылдауды тапсырды ма?",
            ru: "Относится ли ваш вопрос к направлениям, за которые отвечает этот заместитель, или Генеральный Прокурор поручил ему принять вас?",
            en: "Is your matter in the areas this deputy is responsible for, or has the Prosecutor General asked the deputy to receive you?",
        },
        text: tr! {
            kk: "Мәселеңіз осы орынбасардың тікелей құзыретіне (кестеде көрсетілген қадағалау салаларына) жата ма, немесе Бас Прокурор осы орынбасарға сізді қабылдауды тапсырды ма?",
            ru: "Входит ли ваш вопрос непосредственно в компетенцию этого заместителя (направления надзора указаны в графике приёма), или Генеральный Прокурор поручил этому заместителю принять вас?",
            en: "Is your matter directly within the competence of this deputy (the areas of supervision shown in the reception schedule), or has the Prosecutor General instructed this deputy to receive you?",
        },
        help: tr! {
            kk: "Бас Прокурордың әр орынбасары белгілі бір қадағалау салаларына жауап береді; олар қабылдау кестесінде көрсетілген. Орынбасардың қабылдауына алдын ала жазылу тікелей оның құзыретіне жататын мәселелер бойынша, сондай-ақ Бас Прокурордың тапсырмасы бойынша жүзеге асырылады (Қағидалардың 22-тармағы). Мәселеңіз қай салаға жататынын білмесеңіз, «білмеймін» деп жауап беріңіз.",
            ru: "Каждый заместитель Генерального Прокурора отвечает за определённые направления надзора; они указаны в графике приёма. Предварительная запись на приём к заместителю производится по вопросам, непосредственно входящим в его компетенцию, а также по поручению Генерального Прокурора (пункт 22 Правил). Если не знаете, к какому направлению относится ваш вопрос, ответьте «не знаю».",
            en: "Each deputy of the Prosecutor General is responsible for certain areas of supervision; the reception schedule shows them. Pre-registration to a deputy is made on matters directly within his or her competence, and on the Prosecutor General's instruction (Rules, para 22). If you do not know which area your matter belongs to, answer “don't know”.",
        },
        refusal: Some(tr! {
            kk: "Бас Прокурор орынбасарының қабылдауына алдын ала жазылу тікелей оның құзыретіне жататын мәселелер бойынша немесе Бас Прокурордың тапсырмасы бойынша ғана жүзеге асырылады. Мәселеңіз жататын салаға жауапты орынбасарды таңдаңыз немесе облыс прокурорының қабылдауына жазылыңыз.",
            ru: "Предварительная запись на приём к заместителю Генерального Прокурора производится только по вопросам, непосредственно входящим в его компетенцию, или по поручению Генерального Прокурора. Выберите заместителя, отвечающего за направление вашего вопроса, или запишитесь на приём к прокурору области.",
            en: "Pre-registration to a deputy of the Prosecutor General is made only on matters directly within his or her competence, or on the Prosecutor General's instruction. Choose the deputy responsible for the area of your matter, or ask for a reception with the prosecutor of your region (or city of republican significance).",
        }),
        alternatives: &[
            Alternative::CompetentOfficial,
            Alternative::RegionalProsecutor,
        ],
        review: None,
    },
    Question {
        id: "r23_1_already_received",
        clause: "R23.1",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG_DEPUTY,
        plain: tr! {
            kk: "Сіз осы мәселе бойынша Бас Прокурордың немесе оның орынбасарының қабылдауында болдыңыз ба?",
            ru: "Вы уже были на приёме у Генерального Прокурора или его заместителя по этому же вопросу?",
            en: "Have you already been received by the Prosecutor General or a deputy on this same matter?",
        },
        text: tr! {
            kk: "Сіз осы мәселе бойынша Бас Прокурордың немесе оның орынбасарының қабылдауында бұрын болдыңыз ба?",
            ru: "Вы уже были на приёме у Генерального Прокурора или его заместителя по этому же вопросу?",
            en: "Have you already been received on this same matter by the Prosecutor General or one of his deputies?",
        },
        help: tr! {
            kk: "«Сол мәселе» — басқаша тұжырымдалса да, сол фактілер бойынша сол өтініш. Жаңа дәлелдер келтірсеңіз де, бұл сұраққа шынайы жауап беріңіз.",
            ru: "«Тот же вопрос» — то же требование по тем же фактам, даже если оно сформулировано иначе. Ответьте честно, даже если вы приводите новые доводы.",
            en: "“The same matter” means the same request about the same facts, even if it is worded differently. Answer truthfully even if you bring new arguments.",
        },
        refusal: Some(tr! {
            kk: "Сол мәселе бойынша Бас Прокурормен немесе оның орынбасарымен бұрын қабылданған адамдар Бас Прокурор орынбасарының қабылдауына жазылмайды (Қағидалардың 23-тармағының 1) тармақшасы); Қағидаларда бұл жағдайда жаңа дәлелдерге қатысты ерекшелік көзделмеген. Жаңа дәлелдеріңізді жазбаша өтінішпен жібере аласыз.",
            ru: "На приём к заместителю Генерального Прокурора не записываются лица, ранее принятые по этому же вопросу Генеральным Прокурором или его заместителем (подпункт 1) пункта 23 Правил); исключения для новых доводов Правила здесь не предусматривают. Новые доводы вы можете направить письменным обращением.",
            en: "No pre-registration to a deputy of the Prosecutor General is made for persons already received on the same matter by the Prosecutor General or a deputy (Rules, para 23(1)); the Rules make no exception here for new arguments. You can send new arguments in a written application.",
        }),
        alternatives: &[Alternative::AppealInWriting],
        review: None,
    },
    Question {
        id: "r23_2_has_answer",
        clause: "R23.2",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG_DEPUTY,
        plain: tr! {
            kk: "Осы мәселе бойынша өтінішіңізге Бас Прокурордың немесе оның орынбасарының жауабы бар ма?",
            ru: "У вас уже есть ответ Генерального Прокурора или его заместителя на обращение по этому же вопросу?",
            en: "Do you already have an answer from the Prosecutor General or a deputy to an application on this same matter?",
        },
        text: tr! {
            kk: "Осы мәселе бойынша өтінішіңізге Бас Прокурордың немесе оның орынбасарының жауабы бар ма?",
            ru: "Есть ли у вас ответ Генерального Прокурора или его заместителя на обращение по этому же вопросу?",
            en: "Do you already have an answer from the Prosecutor General or one of his deputies to an application on this same matter?",
        },
        help: tr! {
            kk: "Жауап — Бас Прокурор немесе оның орынбасары қол қойған жазбаша жауап. Жаңа дәлелдер келтірсеңіз де, бұл сұраққа шынайы жауап беріңіз.",
            ru: "Ответ — письменный ответ за подписью Генерального Прокурора или его заместителя. Ответьте честно, даже если вы приводите новые доводы.",
            en: "An answer is a written reply signed by the Prosecutor General or a deputy. Answer truthfully even if you bring new arguments.",
        },
        refusal: Some(tr! {
            kk: "Сол мәселе бойынша өтінішке Бас Прокурордың немесе оның орынбасарының жауабы бар жағдайда Бас Прокурор орынбасарының қабылдауына жазу жүргізілмейді (Қағидалардың 23-тармағының 2) тармақшасы); Қағидаларда бұл жағдайда жаңа дәлелдерге қатысты ерекшелік көзделмеген. Жаңа дәлелдеріңізді жазбаша өтінішпен жібере аласыз.",
            ru: "Запись на приём к заместителю Генерального Прокурора не производится, если есть ответ Генерального Прокурора или его заместителя на обращение по этому же вопросу (подпункт 2) пункта 23 Правил); исключения для новых доводов Правила здесь не предусматривают. Новые доводы вы можете направить письменным обращением.",
            en: "No pre-registration to a deputy of the Prosecutor General is made when there is already an answer of the Prosecutor General or a deputy on the same matter (Rules, para 23(2)); the Rules make no exception here for new arguments. You can send new arguments in a written application.",
        }),
        alternatives: &[Alternative::AppealInWriting],
        review: None,
    },
    Question {
        id: "r23_3_cassation_not_used",
        clause: "R23.3",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG_DEPUTY,
        plain: tr! {
            kk: "Сіз кассациялық тәртіппен өзіңіз шағымдана алған, бірақ шағымданбаған сот шешімін даулайсыз ба?",
            ru: "Вы оспариваете решение суда, которое могли сами обжаловать в кассационном порядке, но не обжаловали?",
            en: "Are you challenging a court decision that you could have appealed in cassation yourself, but did not?",
        },
        text: tr! {
            kk: "Сіз кассациялық сатыдағы сотқа өз бетіңізше шағым беру құқығыңыз болған, бірақ оны пайдаланбаған сот актісін даулап отырсыз ба?",
            ru: "Вы оспариваете судебный акт, который могли сами обжаловать в суд кассационной инстанции, но не обжаловали?",
            en: "Are you disputing a court act that you could have appealed to the court of cassation yourself, but did not?",
        },
        help: tr! {
            kk: "Бас Прокурордың орынбасарына жүгінбес бұрын адам кассациялық сатыдағы сотқа өз бетімен жүгіну құқығын іске асыруы тиіс (Қағидалардың 23-тармағының 3) тармақшасы). Бұл Азаматтық процестік кодекстің 112-бабының 1-бөлігінде көрсетілген тұлғалардың өтінішхатына қолданылмайды; ол туралы жеке сұрақ қойылады. Мәселеңіз сот актісіне қатысты болмаса, «жоқ» деп жауап беріңіз.",
            ru: "Прежде чем обращаться к заместителю Генерального Прокурора, нужно самому реализовать право на обращение в суд кассационной инстанции (подпункт 3) пункта 23 Правил). Это не относится к ходатайствам лиц, указанных в части первой статьи 112 Гражданского процессуального кодекса; об этом будет отдельный вопрос. Если ваш вопрос не касается судебного акта, ответьте «нет».",
            en: "Before turning to a deputy of the Prosecutor General, a person must use his or her own right to apply to the court of cassation (Rules, para 23(3)). This does not apply to petitions of the persons named in art. 112(1) of the Civil Procedure Code; you will be asked about that separately. If your matter is not about a court act, answer “no”.",
        },
        refusal: Some(tr! {
            kk: "Кассациялық сатыдағы сотқа өз бетімен жүгіну құқығын іске асырмаған адамдар (Азаматтық процестік кодекстің 112-бабының 1-бөлігінде көрсетілген тұлғалардың өтінішхаттарынан басқа) Бас Прокурор орынбасарының қабылдауына жазылмайды. Процестік заңда белгіленген мерзімде кассациялық сатыдағы сотқа шағымды (өтінішхатты) өзіңіз беріңіз.",
            ru: "На приём к заместителю Генерального Прокурора не записываются лица, не реализовавшие право самостоятельного обращения в суд кассационной инстанции (кроме ходатайств лиц, указанных в части первой статьи 112 Гражданского процессуального кодекса). Подайте кассационную жалобу (ходатайство) сами в срок, установленный процессуальным законом.",
            en: "No pre-registration to a deputy of the Prosecutor General is made for persons who have not used their own right to apply to the court of cassation (except petitions of the persons named in art. 112(1) of the Civil Procedure Code). File a cassation complaint (petition) yourself, within the deadline set by the procedural law.",
        }),
        alternatives: &[Alternative::CassationAppeal],
        review: None,
    },
    Question {
        // RULES.md, "Readings", 3: R23(3) excepts petitions of the persons named in Civil
        // Procedure Code art. 112(1).
        id: "r23_3_article_112_petition",
        clause: "R23.3",
        role: Role::Exception,
        exception_to: &["r23_3_cassation_not_used"],
        agreement: None,
        applies_to: PG_DEPUTY,
        plain: tr! {
            kk: "Сіз өтінішхатты азаматтық процестік заң ерекше атаған адам ретінде бересіз бе? Сенімді болмасаңыз, «білмеймін» деп жауап беріңіз: қызметкерлер тексереді.",
            ru: "Вы подаёте ходатайство как лицо, особо названное в гражданском процессуальном законе? Если не уверены, ответьте «не знаю»: сотрудники проверят.",
            en: "Are you filing the petition as one of the persons the civil procedure law names specially? If you are not sure, answer “don't know”: staff will check.",
        },
        text: tr! {
            kk: "Сіз өтінішхатты Азаматтық процестік кодекстің 112-бабының 1-бөлігінде көрсетілген тұлғалардың бірі ретінде беріп отырсыз ба?",
            ru: "Вы подаёте ходатайство как одно из лиц, указанных в части первой статьи 112 Гражданского процессуального кодекса?",
            en: "Are you filing the petition as one of the persons named in art. 112(1) of the Civil Procedure Code?",
        },
        help: tr! {
            kk: "Қағидалардың 23-тармағының 3) тармақшасы Азаматтық процестік кодекстің 112-бабының 1-бөлігінде көрсетілген тұлғалардың өтінішхаттарына қолданылмайды. Сол баптың мәтінін (мысалы, adilet.zan.kz сайтынан) қараңыз немесе заңгерден сұраңыз. Сенімді болмасаңыз, «білмеймін» деп жауап беріңіз: қызметкерлер тексереді.",
            ru: "Подпункт 3) пункта 23 Правил не применяется к ходатайствам лиц, указанных в части первой статьи 112 Гражданского процессуального кодекса. Посмотрите текст этой статьи (например, на сайте adilet.zan.kz) или спросите юриста. Если не уверены, ответьте «не знаю»: сотрудники проверят.",
            en: "Para 23(3) of the Rules does not apply to petitions of the persons named in art. 112(1) of the Civil Procedure Code. Read that article (for example on adilet.zan.kz) or ask a lawyer. If you are not sure, answer “don't know”: staff will check.",
        },
        refusal: None,
        alternatives: &[],
        review: Some(tr! {
            kk: "Сіз өтінішхатты Азаматтық процестік кодекстің 112-бабының 1-бөлігінде көрсетілген тұлға ретінде беретініңізді көрсеттіңіз: Орталықтың қызметкері мұны қабылдауға жазар алдында тексереді (Қағидалардың 23-тармағының 3) тармақшасы).",
            ru: "Вы указали, что подаёте ходатайство как лицо, указанное в части первой статьи 112 Гражданского процессуального кодекса: работник Центра проверит это перед записью на приём (подпункт 3) пункта 23 Правил).",
            en: "You stated that you file the petition as a person named in art. 112(1) of the Civil Procedure Code: an officer of the Centre will check this before registering you (Rules, para 23(3)).",
        }),
    },
    Question {
        id: "r23_4_outside_competence",
        clause: "R23.4 (R17.1)",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG_DEPUTY,
        plain: OUTSIDE_COMPETENCE.plain,
        text: OUTSIDE_COMPETENCE.text,
        help: OUTSIDE_COMPETENCE.help,
        refusal: Some(OUTSIDE_COMPETENCE.refusal),
        alternatives: &[Alternative::CompetentAuthority],
        review: None,
    },
    Question {
        id: "r23_4_court_jurisdiction",
        clause: "R23.4 (R17.3)",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG_DEPUTY,
        plain: COURT_JURISDICTION.plain,
        text: COURT_JURISDICTION.text,
        help: COURT_JURISDICTION.help,
        refusal: Some(COURT_JURISDICTION.refusal),
        alternatives: &[Alternative::Court],
        review: None,
    },
    Question {
        id: "r23_4_cassation_deadline_missed",
        clause: "R23.4 (R17.4)",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG_DEPUTY,
        plain: CASSATION_DEADLINE_MISSED.plain,
        text: CASSATION_DEADLINE_MISSED.text,
        help: CASSATION_DEADLINE_MISSED.help,
        refusal: Some(CASSATION_DEADLINE_MISSED.refusal),
        alternatives: &[Alternative::RestoreDeadline],
        review: None,
    },
    Question {
        id: "r23_4_civil_case_not_listed",
        clause: "R23.4 (R17.5)",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG_DEPUTY,
        plain: CIVIL_CASE_NOT_LISTED.plain,
        text: CIVIL_CASE_NOT_LISTED.text,
        help: CIVIL_CASE_NOT_LISTED.help,
        refusal: Some(CIVIL_CASE_NOT_LISTED.refusal),
        alternatives: &[Alternative::AppealCourtAct],
        review: None,
    },
    Question {
        id: "r23_4_not_subject_to_cassation",
        clause: "R23.4 (R17.6)",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: PG_DEPUTY,
        plain: NOT_SUBJECT_TO_CASSATION.plain,
        text: NOT_SUBJECT_TO_CASSATION.text,
        help: NOT_SUBJECT_TO_CASSATION.help,
        refusal: Some(NOT_SUBJECT_TO_CASSATION.refusal),
        alternatives: &[],
        review: None,
    },
    // ---- Regional prosecutors (and equated) and their deputies (R27, R31, R33) ----
    Question {
        id: "r27_competence",
        clause: "R27",
        role: Role::Competence,
        exception_to: &[],
        agreement: None,
        applies_to: REGIONAL,
        plain: tr! {
            kk: "Мәселеңіз осы лауазымды адам жауап беретін аумаққа немесе салаға жата ма? Бас прокуратура сізді қабылдауды тапсырған болса да, «иә» деп жауап беріңіз.",
            ru: "Относится ли ваш вопрос к месту или сфере, за которые отвечает это должностное лицо? Ответьте «да» и тогда, когда Генеральная прокуратура поручила вас принять.",
            en: "Is your matter in the place or field this official is responsible for? Also answer “yes” if the General Prosecutor's Office asked for you to be received.",
        },
        text: tr! {
            kk: "Мәселеңіз осы лауазымды адамның (облыс прокурорының немесе оған теңестірілген прокурордың, не олардың орынбасарының) тікелей құзыретіне кіре ме, немесе Бас прокуратура сізді қабылдауды тапсырды ма?",
            ru: "Входит ли ваш вопрос непосредственно в компетенцию этого должностного лица (прокурора области или приравненного к нему прокурора либо их заместителя), или Генеральная прокуратура поручила вас принять?",
            en: "Is your matter directly within the competence of this official (the prosecutor of the region or an equated prosecutor, or their deputy), or has the General Prosecutor's Office instructed that you be received?",
        },
        help: tr! {
            kk: "Облыс прокурорына және оған теңестірілген прокурорға, прокуратура ведомстволары, мекемелері мен білім беру ұйымының басшыларына және олардың орынбасарларына алдын ала жазылу олардың құзыретіне тікелей кіретін мәселелер бойынша, сондай-ақ Бас прокуратураның тапсырмасы бойынша жүзеге асырылады (Қағидалардың 27-тармағы). Облыста (республикалық маңызы бар қалада) туындаған мәселені сол облыстың (қаланың) прокуроры қарайды; мамандандырылған саладағы (мысалы, әскери, көлік) мәселені мамандандырылған прокуратура қарайды. Сенімді болмасаңыз, «білмеймін» деп жауап беріңіз.",
            ru: "Предварительная запись на приём к прокурору области и приравненному к нему прокурору, руководителям ведомств, учреждений и организации образования прокуратуры и их заместителям производится по вопросам, непосредственно входящим в их компетенцию, а также по поручению Генеральной прокуратуры (пункт 27 Правил). Вопрос, возникший в области (городе республиканского значения), рассматривает её (его) прокурор; вопрос специализированной сферы (например, военной, транспортной) — специализированная прокуратура. Если не уверены, ответьте «не знаю».",
            en: "Pre-registration to a regional prosecutor or an equated prosecutor, to heads of the prosecution service's agencies, institutions and education organisation, and to their deputies is made on matters directly within their competence, and on the instruction of the General Prosecutor's Office (Rules, para 27). A matter arising in a region (or a city of republican significance) is for its prosecutor; a matter in a specialised field (for example, military or transport) is for the specialised office. If you are not sure, answer “don't know”.",
        },
        refusal: Some(tr! {
            kk: "Алдын ала жазылу тек осы лауазымды адамның құзыретіне тікелей кіретін мәселелер бойынша немесе Бас прокуратураның тапсырмасы бойынша жүзеге асырылады. Мәселеңіз құзыретіне кіретін прокуратураны және лауазымды адамды таңдаңыз (мысалы, мәселе туындаған облыстың прокурорын).",
            ru: "Предварительная запись производится только по вопросам, непосредственно входящим в компетенцию этого должностного лица, или по поручению Генеральной прокуратуры. Выберите прокуратуру и должностное лицо, к компетенции которых относится ваш вопрос (например, прокурора области, где возник вопрос).",
            en: "Pre-registration is made only on matters directly within this official's competence, or on the instruction of the General Prosecutor's Office. Choose the office and the official whose competence covers your matter (for example, the prosecutor of the region where it arose).",
        }),
        alternatives: &[Alternative::CompetentOfficial],
        review: None,
    },
    Question {
        id: "r31_1_already_received",
        clause: "R31.1",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: REGIONAL,
        plain: tr! {
            kk: "Сіз осы мәселе бойынша осы прокуратура басшысының қабылдауында болдыңыз ба?",
            ru: "Вы уже были на приёме у руководителя этой прокуратуры по этому же вопросу?",
            en: "Have you already been received by the head of this office on this same matter?",
        },
        text: tr! {
            kk: "Сіз осы мәселе бойынша облыс прокурорының немесе оған теңестірілген прокурордың (мысалы, республикалық маңызы бар қала прокурорының), прокуратура ведомствосы, мекемесі, білім беру ұйымы басшысының қабылдауында бұрын болдыңыз ба?",
            ru: "Вы уже были по этому же вопросу на приёме у прокурора области или приравненного к нему прокурора (например, прокурора города республиканского значения), руководителя ведомства, учреждения, организации образования прокуратуры?",
            en: "Have you already been received on this same matter by a regional prosecutor or an equated prosecutor (for example, the prosecutor of a city of republican significance), or the head of an agency, institution or education organisation of the prosecution service?",
        },
        help: tr! {
            kk: "«Сол мәселе» — басқаша тұжырымдалса да, сол фактілер бойынша сол өтініш. Сізді қабылдауды Бас прокуратура тапсырса немесе жаңа дәлелдер не жаңадан ашылған мән-жайлар келтірсеңіз, бұл сұраққа шынайы жауап беріңіз: олар туралы жеке сұрақтар қойылады.",
            ru: "«Тот же вопрос» — то же требование по тем же фактам, даже если оно сформулировано иначе. Если Генеральная прокуратура поручила вас принять или вы приводите новые доводы либо вновь открывшиеся обстоятельства, ответьте на этот вопрос честно: об этом будут отдельные вопросы.",
            en: "“The same matter” means the same request about the same facts, even if it is worded differently. If the General Prosecutor's Office instructed that you be received, or you bring new arguments or newly discovered circumstances, answer this question truthfully: you will be asked about that separately.",
        },
        refusal: Some(tr! {
            kk: "Сол мәселе бойынша облыс прокурорымен (оған теңестірілген прокурормен, прокуратура ведомствосы, мекемесі, білім беру ұйымы басшысымен) бұрын қабылданған адамдар, қабылдауды Бас прокуратура тапсырған жағдайларды қоспағанда, қабылдауға жазылмайды. Жаңа дәлелдер немесе жаңадан ашылған мән-жайлар болса, оларды көрсетіп қайта өтініш бере аласыз (Қағидалардың 33-тармағы).",
            ru: "На приём не записываются лица, ранее принятые по этому же вопросу прокурором области (приравненным к нему прокурором, руководителем ведомства, учреждения, организации образования прокуратуры), кроме случаев, когда приём поручен Генеральной прокуратурой. Если у вас есть новые доводы или вновь открывшиеся обстоятельства, вы можете обратиться повторно, указав их (пункт 33 Правил).",
            en: "No pre-registration is made for persons already received on the same matter by the regional prosecutor (the equated prosecutor, or the head of the agency, institution or education organisation), unless the General Prosecutor's Office instructed the reception. If you have new arguments or newly discovered circumstances, you can apply again and state them (Rules, para 33).",
        }),
        alternatives: &[Alternative::RepeatWithNewEvidence],
        review: None,
    },
    Question {
        id: "r31_1_gpo_instructed",
        clause: "R31.1",
        role: Role::Exception,
        exception_to: &["r31_1_already_received"],
        agreement: None,
        applies_to: REGIONAL,
        plain: tr! {
            kk: "Бас прокуратура осы прокуратураға сізді осы мәселе бойынша қабылдауды тапсырды ма (мысалы, бұл туралы хат алдыңыз ба)?",
            ru: "Поручила ли Генеральная прокуратура этой прокуратуре принять вас по этому вопросу (например, вы получили об этом письмо)?",
            en: "Has the General Prosecutor's Office asked this office to receive you on this matter (for example, you had a letter saying so)?",
        },
        text: tr! {
            kk: "Бас прокуратура осы прокуратураға сізді осы мәселе бойынша қабылдауды тапсырды ма?",
            ru: "Поручила ли Генеральная прокуратура этой прокуратуре принять вас по этому вопросу?",
            en: "Has the General Prosecutor's Office instructed this office to receive you on this matter?",
        },
        help: tr! {
            kk: "Мысалы, сізді қабылдау облыс прокурорына тапсырылғаны туралы Бас прокуратурадан хат алдыңыз. Қызметкерлер тапсырманы тексереді (Қағидалардың 31-тармағының 1) тармақшасы).",
            ru: "Например, вы получили письмо Генеральной прокуратуры о том, что ваш приём поручен прокурору области. Сотрудники проверят поручение (подпункт 1) пункта 31 Правил).",
            en: "For example, you received a letter from the General Prosecutor's Office saying that your reception has been entrusted to the regional prosecutor. Staff will check the instruction (Rules, para 31(1)).",
        },
        refusal: None,
        alternatives: &[],
        review: Some(tr! {
            kk: "Сіз қабылдауды Бас прокуратура тапсырғанын көрсеттіңіз: жауапты қызметкер қабылдауға жазар алдында тапсырманы тексереді (Қағидалардың 31-тармағының 1) тармақшасы).",
            ru: "Вы указали, что приём поручен Генеральной прокуратурой: ответственный работник проверит поручение перед записью на приём (подпункт 1) пункта 31 Правил).",
            en: "You stated that the General Prosecutor's Office instructed this reception: the responsible officer will check the instruction before registering you (Rules, para 31(1)).",
        }),
    },
    Question {
        id: "r33_new_evidence",
        clause: "R33",
        role: Role::Exception,
        exception_to: &["r31_1_already_received"],
        agreement: Some(AgreementWith::StructuralUnit),
        applies_to: REGIONAL,
        plain: NEW_EVIDENCE_PLAIN,
        text: NEW_EVIDENCE_TEXT,
        help: NEW_EVIDENCE_HELP,
        refusal: None,
        alternatives: &[],
        review: Some(NEW_EVIDENCE_REVIEW),
    },
    Question {
        id: "r31_2_pending_court_case",
        clause: "R31.2",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: REGIONAL,
        plain: tr! {
            kk: "Ісіңізді қазір сот қарап жатыр ма және сіз оның шешімін немесе судьялардың әрекеттерін даулағыңыз келе ме?",
            ru: "Ваше дело сейчас рассматривает суд, и вы хотите оспорить его решение по делу или действия судей?",
            en: "Is a court hearing your case right now, and do you want to challenge its decision in the case or what the judges are doing?",
        },
        text: tr! {
            kk: "Сіз соттың өндірісіндегі (әлі қаралып жатқан) іс бойынша сот актісін немесе істі қарау кезіндегі судьялардың әрекеттерін даулап отырсыз ба?",
            ru: "Вы оспариваете судебный акт по делу, которое ещё находится в производстве суда, или действия судей при рассмотрении дела?",
            en: "Are you disputing a court act in a case that is still pending before a court, or the actions of judges in hearing a case?",
        },
        help: tr! {
            kk: "Іс соттың өндірісінде болғанда оны сот шешеді: дәлелдеріңізді сот отырысында айтасыз, ал соттың түпкілікті актісіне процестік заңда көзделген тәртіппен шағым бере аласыз. Мәселеңіз сотқа қатысты болмаса, «жоқ» деп жауап беріңіз.",
            ru: "Пока дело находится в производстве суда, его разрешает суд: свои доводы вы излагаете в судебном заседании, а итоговый судебный акт можете обжаловать в порядке, предусмотренном процессуальным законом. Если ваш вопрос не касается суда, ответьте «нет».",
            en: "While a case is pending before a court, the court decides it: you make your arguments at the hearing and can appeal the court's final act as the procedural law provides. If your matter has nothing to do with a court, answer “no”.",
        },
        refusal: Some(tr! {
            kk: "Соттың өндірісіндегі істер бойынша сот актілерін, сондай-ақ істерді қарау кезінде судьялардың әрекеттерін даулаған жағдайда қабылдауға жазу жүргізілмейді. Дәлелдеріңізді істі қарап жатқан сотқа айтыңыз және оның актісіне заңда көзделген тәртіппен шағым беріңіз.",
            ru: "Запись на приём не производится в случае оспаривания судебных актов по делам, находящимся в производстве суда, а также действий судей при рассмотрении дел. Излагайте свои доводы суду, рассматривающему дело, и обжалуйте его акт в порядке, предусмотренном законом.",
            en: "No pre-registration is made to dispute court acts in cases pending before a court, or the actions of judges in hearing cases. Make your arguments to the court hearing the case, and appeal its act in the procedure the law provides.",
        }),
        alternatives: &[Alternative::AppealCourtAct],
        review: None,
    },
    Question {
        id: "r31_3_outside_competence",
        clause: "R31.3 (R17.1)",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: REGIONAL,
        plain: OUTSIDE_COMPETENCE.plain,
        text: OUTSIDE_COMPETENCE.text,
        help: OUTSIDE_COMPETENCE.help,
        refusal: Some(OUTSIDE_COMPETENCE.refusal),
        alternatives: &[Alternative::CompetentAuthority],
        review: None,
    },
    Question {
        id: "r31_3_court_jurisdiction",
        clause: "R31.3 (R17.3)",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: REGIONAL,
        plain: COURT_JURISDICTION.plain,
        text: COURT_JURISDICTION.text,
        help: COURT_JURISDICTION.help,
        refusal: Some(COURT_JURISDICTION.refusal),
        alternatives: &[Alternative::Court],
        review: None,
    },
    Question {
        id: "r31_3_cassation_deadline_missed",
        clause: "R31.3 (R17.4)",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: REGIONAL,
        plain: CASSATION_DEADLINE_MISSED.plain,
        text: CASSATION_DEADLINE_MISSED.text,
        help: CASSATION_DEADLINE_MISSED.help,
        refusal: Some(CASSATION_DEADLINE_MISSED.refusal),
        alternatives: &[Alternative::RestoreDeadline],
        review: None,
    },
    Question {
        id: "r31_3_civil_case_not_listed",
        clause: "R31.3 (R17.5)",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: REGIONAL,
        plain: CIVIL_CASE_NOT_LISTED.plain,
        text: CIVIL_CASE_NOT_LISTED.text,
        help: CIVIL_CASE_NOT_LISTED.help,
        refusal: Some(CIVIL_CASE_NOT_LISTED.refusal),
        alternatives: &[Alternative::AppealCourtAct],
        review: None,
    },
    Question {
        id: "r31_3_not_subject_to_cassation",
        clause: "R31.3 (R17.6)",
        role: Role::Ground,
        exception_to: &[],
        agreement: None,
        applies_to: REGIONAL,
        plain: NOT_SUBJECT_TO_CASSATION.plain,
        text: NOT_SUBJECT_TO_CASSATION.text,
        help: NOT_SUBJECT_TO_CASSATION.help,
        refusal: Some(NOT_SUBJECT_TO_CASSATION.refusal),
        alternatives: &[],
        review: None,
    },
];
