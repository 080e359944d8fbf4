//! Acceptance: personal data (IIN, passport, names, phone, e-mail, the matter) and the
//! manage token never appear in a public response or in the Worker's log (DESIGN.md,
//! "Personal data").

use api_tests::*;
use serde_json::json;

/// A name nobody else has: a recognisable stem and syllables from this run.
fn unique_word(stem: &str) -> String {
    const SYLLABLES: [&str; 16] = [
        "ба", "ке", "ну", "ра", "са", "то", "лы", "ме", "жа", "ді", "ғо", "қу", "шы", "пе", "зо",
        "ұл",
    ];
    let mut r = fresh();
    let mut word = stem.to_owned();
    for _ in 0..5 {
        word.push_str(SYLLABLES[(r % 16) as usize]);
        r /= 16;
    }
    word
}

/// What must stay private, each as it was sent.
struct Secrets(Vec<(String, String)>);

impl Secrets {
    fn add(&mut self, what: &str, value: impl Into<String>) {
        self.0.push((what.to_owned(), value.into()));
    }

    /// Searches a text, case-insensitively and with iCalendar lines unfolded.
    fn assert_absent(&self, source: &str, text: &str) {
        let text = text
            .replace("\r\n ", "")
            .replace("\r\n\t", "")
            .to_lowercase();
        for (what, value) in &self.0 {
            assert!(
                !text.contains(&value.to_lowercase()),
                "{what} ({value}) appears in {source}"
            );
        }
    }
}

#[test]
fn personal_data_never_appears_in_public_responses_or_the_log() {
    let client = Client::new();
    let mut secrets = Secrets(Vec::new());

    // 1. A citizen, for themselves, with every personal field filled.
    let reception = open_reception(HEAD_OPEN, 21);
    let id = reception["id"].as_str().unwrap().to_owned();
    let iin = valid_iin();
    let surname = unique_word("Құпия");
    let given = unique_word("Жасырын");
    let patronymic = unique_word("Белгісіз");
    let national = format!("701{:07}", fresh() % 10_000_000);
    let phone = format!("+7{national}");
    let email = format!("qupiya.{:x}@example.kz", fresh() % 0xFFFF_FFFF);
    let marker = unique_word("Ерекше");
    let substance = format!(
        "Менің жер учаскем туралы {marker} ісі бойынша аудандық әкімдікке берген шағымыма жауап жоқ."
    );
    let body = booking_for(&id, &iin);
    let body = with(body, "/applicant/surname", json!(surname));
    let body = with(body, "/applicant/given_name", json!(given));
    let body = with(body, "/applicant/patronymic", json!(patronymic));
    let body = with(body, "/applicant/phone", json!(phone));
    let body = with(body, "/applicant/email", json!(email));
    let body = with(body, "/matter/substance", json!(substance));
    let citizen = client.book_ok(&body);
    for (what, value) in [
        ("the IIN", iin.as_str()),
        ("the surname", &surname),
        ("the given name", &given),
        ("the patronymic", &patronymic),
        ("the phone", &phone),
        ("the phone's national digits", &national),
        ("the e-mail", &email),
        ("the matter", &marker),
    ] {
        secrets.add(what, value);
    }
    let token = citizen["manage_token"].as_str().unwrap().to_owned();
    let code = citizen["booking"]["code"].as_str().unwrap().to_owned();
    secrets.add("the manage token", &token);

    // 2. A foreigner, by passport (R7), with the deputy.
    let deputy = open_reception(DEPUTY_OPEN, 3)["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let passport = format!("QP{:07}", fresh() % 10_000_000);
    let foreigner_name = unique_word("Шетел");
    let body = without(booking_body(&deputy), "/applicant/iin");
    let body = with(body, "/applicant/citizenship", json!("foreigner"));
    let body = with(body, "/applicant/passport", json!(passport));
    let body = with(body, "/applicant/surname", json!(foreigner_name));
    let foreigner = client.book_ok(&body);
    secrets.add("the passport", &passport);
    secrets.add("the foreigner's surname", &foreigner_name);
    let foreigner_token = foreigner["manage_token"].as_str().unwrap().to_owned();
    secrets.add("the foreigner's manage token", &foreigner_token);

    // 3. Someone acting for another person (R3.b): that person's data is private too.
    let other_iin = valid_iin();
    let other_name = unique_word("Өкіл");
    let body = with(
        booking_body(open_reception(HEAD_OPEN, 22)["id"].as_str().unwrap()),
        "/on_behalf_of",
        json!({
            "citizenship": "citizen", "iin": other_iin, "surname": other_name,
            "given_name": "Айжан", "patronymic": null,
            "authority": {"kind": "power_of_attorney", "number": "44-2026", "date": "2026-01-20"}
        }),
    );
    let proxy = client.book_ok(&body);
    secrets.add("the represented person's IIN", &other_iin);
    secrets.add("the represented person's surname", &other_name);
    secrets.add(
        "the proxy's manage token",
        proxy["manage_token"].as_str().unwrap(),
    );

    // Error paths see personal data too: a duplicate, an invalid field, a refusal.
    client
        .book(&booking_for(&id, &iin))
        .assert_error(409, "duplicate_booking");
    let bad_phone = with(booking_for(&id, &iin), "/applicant/phone", json!("+7999"));
    let bad_phone = with(bad_phone, "/applicant/surname", json!(surname));
    assert_eq!(client.book(&bad_phone).status, 422);
    let refused = with(
        with(
            booking_for(&id, &iin),
            "/matter/substance",
            json!(substance),
        ),
        "/matter/answers/r31_2_pending_court_case",
        json!("yes"),
    );
    client.book(&refused).assert_error(422, "refused");
    // The holder's own reads (their answers may show their data; the log may not).
    assert_eq!(client.manage("GET", &code, "", Some(&token)).status, 200);
    assert_eq!(
        client
            .manage("GET", &code, "/booking.ics", Some(&token))
            .status,
        200
    );

    // Every public endpoint, after the bookings.
    let year = reception["date"].as_str().unwrap()[..4].to_owned();
    let public = [
        "/api/v1/health".to_owned(),
        "/api/v1/offices".to_owned(),
        format!("/api/v1/offices/{OFFICE}"),
        format!("/api/v1/offices/{OFFICE}/schedule"),
        format!("/api/v1/offices/{OFFICE}/schedule.ics"),
        format!("/api/v1/offices/{OFFICE}/schedule.ics?lang=en"),
        format!("/api/v1/receptions?office={OFFICE}"),
        format!("/api/v1/receptions?office={OFFICE}&official={HEAD}"),
        format!("/api/v1/receptions?office={OFFICE}&official={DEPUTY}"),
        "/api/v1/open-data/schedules.csv".to_owned(),
        "/api/v1/open-data/schedules.json".to_owned(),
        "/api/v1/rules".to_owned(),
        format!("/api/v1/calendar/{year}"),
        "/api/v1/openapi.json".to_owned(),
        format!("/offices/{OFFICE}"),
    ];
    for path in &public {
        let reply = get(path);
        assert!(
            reply.status == 200 || (path.ends_with("openapi.json") && reply.status == 404),
            "{path}: {}",
            reply.status
        );
        secrets.assert_absent(path, &reply.body);
    }
    // The bookings are counted, and nothing else is said about them.
    assert!(booked(&id) >= 1 && booked(&deputy) >= 1);

    // The Worker's log: everything it printed while serving the above.
    match std::env::var_os("QABYLDAU_LOG") {
        None => eprintln!(
            "SKIPPED the log check: QABYLDAU_LOG is not set (cargo xtask test sets it to \
             the test server's log)"
        ),
        Some(path) => {
            // Let the server flush what it wrote for the last requests.
            std::thread::sleep(std::time::Duration::from_secs(2));
            let log = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("the server log {}: {e}", path.to_string_lossy()));
            let log = String::from_utf8_lossy(&log);
            assert!(
                log.contains("/api/v1/bookings"),
                "the log at {} does not show the booking requests: is it this server's?",
                path.to_string_lossy()
            );
            secrets.assert_absent("the Worker's log", &log);
        }
    }
}
