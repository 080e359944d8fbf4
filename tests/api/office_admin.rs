//! The office's administration (`admin`): schedules with the import's checks (R13, R26,
//! R38), a reception cancelled by its office with the reason shown to the applicants, the
//! video-only mode (R11), the office's published settings (the Order's para 2(1), R39-1),
//! scope and audit.
//!
//! Destructive changes happen only in `zhetisu-region` and its district offices, which no
//! other API test uses (the booking fixture is `ulytau-region`, the video-only switch of
//! `cargo xtask test` is `kyzylorda-region`; the staff tests read `abai-region` and
//! `akmola-region`, and nothing here changes those).

use api_tests::staff_client::*;
use api_tests::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

const OFFICE: &str = "zhetisu-region";
/// District offices of it, for the settings (`api_tests::SETTINGS_OFFICE`, which the
/// directory test knows supplies an address) and the video-only switch.
const VIDEO_OFFICE: &str = "zhetisu-region-aqsu";

/// An admin of the region (and its districts), signed in.
fn region_admin() -> Session {
    let mut admin = gpo_admin().create_enrolled(OFFICE, &["admin", "auditor"]);
    admin.sign_in()
}

/// Today in Kazakhstan (UTC+5), plus `days`, as `YYYY-MM-DD`.
fn day(days: i64) -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs() as i64
        + 5 * 3600;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("a date");
    (epoch + chrono::Duration::days(secs / 86_400 + days))
        .format("%Y-%m-%d")
        .to_string()
}

/// A new regional head of the test office, its id unique to this run.
fn new_official() -> String {
    format!("{OFFICE}-oa-{:012x}", fresh() >> 16)
}

fn row(official: &str, schedule: &str, recurrence: &str, from: &str, to: &str) -> Value {
    json!({
        "office_id": OFFICE, "official_id": official, "official_kind": "regional_head",
        "surname": "Тестов", "given_name": "Асан", "patronymic": "",
        "position_kk": "Облыс прокуроры", "position_ru": "Прокурор области",
        "position_en": "Regional prosecutor",
        "schedule_id": schedule, "recurrence": recurrence, "start": "10:00", "end": "13:00",
        "place": "office", "format": "in_person", "capacity": "10",
        "valid_from": from, "valid_to": to, "sample": "false"
    })
}

fn schedule_path(official: &str) -> String {
    format!("/api/v1/staff/officials/{official}/schedule")
}

/// A new official with one daily schedule (every working day: R26 holds), through the API.
fn official_with_daily_schedule(admin: &Session) -> (String, String) {
    let official = new_official();
    let schedule = format!("{official}-daily");
    let reply = admin.post(
        &schedule_path(&official),
        &json!({"rows": [row(&official, &schedule, "daily", "2026-01-01", "")]}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["rows"][0]["schedule_id"], schedule.as_str());
    (official, schedule)
}

/// The audit rows of the office with this action and object, by this admin (each test has
/// its own account, so a re-run against the same server counts only its own).
fn audited(admin: &Session, office: &str, action: &str, object: &str) -> usize {
    let reply = admin.get(&format!("/api/v1/staff/audit?office={office}"));
    assert_eq!(reply.status, 200, "{}", reply.body);
    reply.json()["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| {
            e["action"] == action
                && e["object"] == object
                && e["actor_id"] == admin.staff_id().as_str()
        })
        .count()
}

#[test]
fn r3_cancelling_a_date_cancels_its_two_bookings_with_the_reason_and_drops_the_date() {
    let admin = region_admin();
    let (official, schedule) = official_with_daily_schedule(&admin);
    assert_eq!(
        audited(
            &admin,
            OFFICE,
            "schedule_edit",
            &format!("official:{official}")
        ),
        1
    );
    let reception = receptions(OFFICE, &official)
        .into_iter()
        .find(|r| of_schedule(r, &schedule) && is_open(r))
        .unwrap_or_else(|| panic!("no open reception of {schedule}"));
    let id = reception["id"].as_str().unwrap().to_owned();
    let client = Client::new();
    let mut booked = Vec::new();
    for _ in 0..2 {
        let created = client.book_ok(&booking_to_kind(&id, &valid_iin(), "regional_head"));
        booked.push((
            created["booking"]["code"].as_str().unwrap().to_owned(),
            created["manage_token"].as_str().unwrap().to_owned(),
        ));
    }
    let codes: BTreeSet<String> = booked.iter().map(|(c, _)| c.clone()).collect();

    // First the list of what it affects: counts and codes, nothing personal.
    let affected = admin.get(&format!("/api/v1/staff/receptions/{id}/affected"));
    assert_eq!(affected.status, 200, "{}", affected.body);
    let body = affected.json();
    assert_eq!(body["count"], 2, "{body}");
    let listed: BTreeSet<String> = body["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(listed, codes);
    assert!(!affected.body.contains("Серікбаев") && !affected.body.contains("+7701"));

    // A reason needs Kazakh and Russian.
    admin
        .post(
            &format!("/api/v1/staff/receptions/{id}/cancel"),
            &json!({"reason": {"kk": "", "ru": "Причина"}}),
        )
        .assert_error(422, "required");
    let reason_kk = "Прокурор іссапарға кетті, қабылдау өтпейді.";
    let reason_ru = "Прокурор в командировке, приём не состоится.";
    let cancelled = admin.post(
        &format!("/api/v1/staff/receptions/{id}/cancel"),
        &json!({"reason": {"kk": reason_kk, "ru": reason_ru}}),
    );
    assert_eq!(cancelled.status, 200, "{}", cancelled.body);
    let done: BTreeSet<String> = cancelled.json()["cancelled"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(done, codes);

    // Each manage page says why.
    for (code, token) in &booked {
        let reply = client.manage("GET", code, "", Some(token));
        assert_eq!(reply.status, 200, "{}", reply.body);
        let booking = &reply.json()["booking"];
        assert_eq!(booking["status"], "cancelled_by_office", "{booking}");
        assert_eq!(booking["office_reason"]["kk"], reason_kk);
        assert_eq!(booking["office_reason"]["ru"], reason_ru);
        assert!(booking["office_reason"].get("en").is_none(), "{booking}");
        assert!(booking["cancelled_at"].is_string());
    }
    // The public schedule no longer shows the date, nor do the receptions and the feed.
    let public = get(&format!("/api/v1/offices/{OFFICE}/schedule"));
    assert_eq!(public.status, 200);
    assert!(!public.body.contains(&id), "{id} still published");
    assert!(receptions(OFFICE, &official)
        .iter()
        .all(|r| r["id"] != id.as_str()));
    // Nor can it be booked or cancelled again.
    client
        .book(&booking_to_kind(&id, &valid_iin(), "regional_head"))
        .assert_error(422, "unknown_reception");
    admin
        .get(&format!("/api/v1/staff/receptions/{id}/affected"))
        .assert_error(404, "not_found");
    // The schedule keeps the cancellation in the import's format.
    let stored = admin.get(&schedule_path(&official));
    assert_eq!(stored.status, 200, "{}", stored.body);
    let date = reception["date"].as_str().unwrap();
    assert_eq!(stored.json()["rows"][0]["cancelled"], date);
    assert_eq!(
        audited(
            &admin,
            OFFICE,
            "reception_cancel",
            &format!("reception:{id}")
        ),
        1
    );
}

#[test]
fn r3_moving_a_date_cancels_its_booking_and_holds_the_reception_on_the_new_day() {
    let admin = region_admin();
    let official = new_official();
    let schedule = format!("{official}-mwf");
    let reply = admin.post(
        &schedule_path(&official),
        &json!({"rows": [row(&official, &schedule, "weekly:mon,wed,fri", "2026-01-01", "")]}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    let open: Vec<Value> = receptions(OFFICE, &official)
        .into_iter()
        .filter(|r| of_schedule(r, &schedule) && is_open(r))
        .collect();
    assert!(open.len() >= 2, "{open:?}");
    let from = open[0]["id"].as_str().unwrap().to_owned();
    let client = Client::new();
    let created = client.book_ok(&booking_to_kind(&from, &valid_iin(), "regional_head"));
    let code = created["booking"]["code"].as_str().unwrap().to_owned();
    // An edit that no longer holds the booked reception is refused: the office cancels or
    // moves it first, which tells the person why.
    admin
        .post(
            &schedule_path(&official),
            &json!({"rows": [row(&official, &schedule, "weekly:tue,thu", "2026-01-01", "")]}),
        )
        .assert_error(409, "schedule_in_use");
    let reason = json!({"kk": "Күні ауыстырылды", "ru": "День перенесён", "en": "Moved"});
    let move_to = |to: &str| {
        admin.post(
            &format!("/api/v1/staff/receptions/{from}/move"),
            &json!({"to": to, "reason": reason}),
        )
    };
    // A day the schedule holds already, and a past day.
    move_to(open[1]["date"].as_str().unwrap()).assert_error(422, "reception_exists");
    move_to(&day(-1)).assert_error(422, "not_a_working_day_ahead");
    // The next day the schedule does not hold that is a working day (Tue, Thu; a holiday
    // is refused as a day off and the one after tried).
    let date =
        chrono::NaiveDate::parse_from_str(open[0]["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
    let (to, moved) = (1..=8)
        .map(|n| {
            (date + chrono::Duration::days(n))
                .format("%Y-%m-%d")
                .to_string()
        })
        .find_map(|to| {
            let reply = move_to(&to);
            match reply.status {
                200 => Some((to, reply.json())),
                _ => None,
            }
        })
        .expect("a working day to move to");
    assert_eq!(
        moved["moved_to"],
        format!("{schedule}-{}", to.replace('-', "")).as_str()
    );
    assert_eq!(moved["cancelled"], json!([code]));
    let token = created["manage_token"].as_str().unwrap();
    let booking = client.manage("GET", &code, "", Some(token)).json()["booking"].clone();
    assert_eq!(booking["status"], "cancelled_by_office");
    assert_eq!(booking["office_reason"]["en"], "Moved");
    let public = get(&format!("/api/v1/offices/{OFFICE}/schedule")).body;
    assert!(!public.contains(&from));
    assert!(public.contains(moved["moved_to"].as_str().unwrap()));
    let stored = admin.get(&schedule_path(&official)).json();
    assert_eq!(
        stored["rows"][0]["moved"],
        format!("{}>{to}", open[0]["date"].as_str().unwrap()).as_str()
    );
    assert_eq!(
        audited(
            &admin,
            OFFICE,
            "reception_move",
            &format!("reception:{from}")
        ),
        1
    );
}

#[test]
fn r26_a_schedule_edit_that_leaves_a_week_without_a_reception_is_refused_naming_it() {
    let admin = region_admin();
    let official = new_official();
    // Weekly, with a gap of two whole ISO weeks between the rows: the first ends on a Sunday,
    // the second starts on the Monday two weeks later (whatever today's weekday is).
    let sunday = (30..37)
        .map(day)
        .find(|d| {
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .is_ok_and(|d| chrono::Datelike::weekday(&d) == chrono::Weekday::Sun)
        })
        .expect("a Sunday in a week");
    let after_gap = (chrono::NaiveDate::parse_from_str(&sunday, "%Y-%m-%d").expect("a date")
        + chrono::Duration::days(15))
    .format("%Y-%m-%d")
    .to_string();
    let rows = json!({"rows": [
        row(&official, &format!("{official}-a"), "weekly:tue,thu", "2026-01-01", &sunday),
        row(&official, &format!("{official}-b"), "weekly:tue,thu", &after_gap, ""),
    ]});
    let error = admin
        .post(&schedule_path(&official), &rows)
        .assert_error(422, "week_without_reception");
    assert_eq!(error["clause"], "R26", "{error}");
    assert_eq!(error["field"], "rows[0,1].valid_to", "{error}");
    // Nothing was stored: the official does not exist.
    admin
        .get(&schedule_path(&official))
        .assert_error(404, "not_found");
    // A field error names the row and its column, as the import's `line N: field`.
    let mut bad = row(
        &official,
        &format!("{official}-a"),
        "weekly:tue",
        "2026-01-01",
        "",
    );
    bad["start"] = json!("25:00");
    let error = admin
        .post(&schedule_path(&official), &json!({"rows": [bad]}))
        .assert_error(422, "bad_time");
    assert_eq!(error["field"], "rows[0].start");
    // Another official's schedule id is not this one's to take: in the office, as the
    // import says it (a duplicate id); elsewhere (public ids of another region), taken.
    let (_, taken) = official_with_daily_schedule(&admin);
    let take = |schedule: &str| {
        admin.post(
            &schedule_path(&official),
            &json!({"rows": [row(&official, schedule, "daily", "2026-01-01", "")]}),
        )
    };
    let error = take(&taken).assert_error(422, "duplicate_schedule_id");
    assert_eq!(error["field"], "rows[0].schedule_id");
    let elsewhere = format!("{}-head-weekly", offices().region_b);
    let error = take(&elsewhere).assert_error(422, "schedule_id_taken");
    assert_eq!(error["field"], "rows[0].schedule_id");
    assert_eq!(
        audited(
            &admin,
            OFFICE,
            "schedule_edit",
            &format!("official:{official}")
        ),
        0
    );
}

#[test]
fn r11_an_office_is_switched_to_video_only_with_its_reason_and_back() {
    let admin = region_admin();
    let path = format!("/api/v1/staff/offices/{VIDEO_OFFICE}/video-only");
    let reason = json!({"kk": "Карантин", "ru": "Карантин", "en": "Quarantine"});
    let on = admin.post(&path, &json!({"reason": reason}));
    assert_eq!(on.status, 200, "{}", on.body);
    assert_eq!(on.json()["video_only"]["reason"], reason);
    let schedule = get(&format!("/api/v1/offices/{VIDEO_OFFICE}/schedule")).json();
    assert_eq!(schedule["office"]["video_only"]["reason"], reason);
    let off = admin.post(&path, &json!({"reason": null}));
    assert_eq!(off.status, 200, "{}", off.body);
    assert!(off.json()["video_only"].is_null());
    let schedule = get(&format!("/api/v1/offices/{VIDEO_OFFICE}/schedule")).json();
    assert!(
        schedule["office"]["video_only"].is_null(),
        "{}",
        schedule["office"]
    );
    let object = format!("office:{VIDEO_OFFICE}");
    assert_eq!(audited(&admin, VIDEO_OFFICE, "video_only_on", &object), 1);
    assert_eq!(audited(&admin, VIDEO_OFFICE, "video_only_off", &object), 1);
    // The reason is needed in every language.
    admin
        .post(
            &path,
            &json!({"reason": {"kk": "Карантин", "ru": "", "en": "x"}}),
        )
        .assert_error(422, "required");
}

#[test]
fn para_2_1_r39_1_the_offices_settings_are_published_on_its_public_page() {
    let admin = region_admin();
    let path = format!("/api/v1/staff/offices/{SETTINGS_OFFICE}/settings");
    let address = json!({"kk": "Текелі қ., Тәуелсіздік к-сі, 1", "ru": "г. Текели, ул. Тауелсиздик, 1",
                         "en": "1 Tauelsizdik St, Tekeli"});
    let room =
        json!({"kk": "1-қабат, 101 бөлме", "ru": "1 этаж, кабинет 101", "en": "Floor 1, room 101"});
    let set = admin.post(
        &path,
        &json!({"address": address, "responsible_phone": "+7 (72835) 4-12-34",
                "reception_centre": {"room": room, "opens": "09:00", "closes": "18:00"}}),
    );
    assert_eq!(set.status, 200, "{}", set.body);
    assert_eq!(set.json()["responsible_phone"], "+77283541234");
    let read = admin.get(&path);
    assert_eq!(read.status, 200, "{}", read.body);
    assert_eq!(read.json()["address"], address);
    // The public office page: the address with the office, the phone and the Centre with
    // its schedule.
    let office = get(&format!("/api/v1/offices/{SETTINGS_OFFICE}")).json();
    assert_eq!(office["office"]["address"], address);
    let schedule = get(&format!("/api/v1/offices/{SETTINGS_OFFICE}/schedule")).json();
    assert_eq!(schedule["office"]["responsible_phone"], "+77283541234");
    assert_eq!(
        schedule["office"]["reception_centre"],
        json!({"opens": "09:00", "closes": "18:00", "room": room})
    );
    let directory = get("/api/v1/offices").json();
    let listed = directory["offices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == SETTINGS_OFFICE)
        .cloned()
        .unwrap();
    assert_eq!(listed["address"], address);
    assert_eq!(
        audited(
            &admin,
            SETTINGS_OFFICE,
            "office_settings",
            &format!("office:{SETTINGS_OFFICE}")
        ),
        1
    );
    // Wrong values are named.
    admin
        .post(
            &path,
            &json!({"address": null, "responsible_phone": "8 701", "reception_centre": null}),
        )
        .assert_error(422, "invalid");
    let error = admin
        .post(
            &path,
            &json!({"address": null, "responsible_phone": null,
                    "reception_centre": {"room": room, "opens": "18:00", "closes": "09:00"}}),
        )
        .assert_error(422, "end_not_after_start");
    assert_eq!(error["field"], "reception_centre.closes");
}

/// Every operation of this part, asked about another region's office, official or reception
/// by an admin of the test office: `404` naming the field, the same answer as for one that
/// does not exist, and nothing changed.
#[test]
fn r39_5_scope_another_regions_things_are_404_on_every_office_admin_endpoint() {
    let admin = region_admin();
    let other = &offices().region_b;
    let official = format!("{other}-head");
    let reception = receptions(other, &official)
        .first()
        .unwrap_or_else(|| panic!("no reception of {official}"))["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let reason = json!({"kk": "Себебі", "ru": "Причина"});
    let rows =
        json!({"rows": [row(&official, &format!("{official}-weekly"), "daily", "2026-01-01", "")]});
    let settings = json!({"address": null, "responsible_phone": null, "reception_centre": null});
    let table: Vec<(&str, String, Option<Value>, &str, String)> = vec![
        (
            "GET",
            schedule_path(&official),
            None,
            "id",
            schedule_path("no-such-official"),
        ),
        (
            "POST",
            schedule_path(&official),
            Some(rows),
            "id",
            String::new(),
        ),
        (
            "GET",
            format!("/api/v1/staff/receptions/{reception}/affected"),
            None,
            "id",
            "/api/v1/staff/receptions/no-such-schedule-20261215/affected".into(),
        ),
        (
            "POST",
            format!("/api/v1/staff/receptions/{reception}/cancel"),
            Some(json!({"reason": reason})),
            "id",
            "/api/v1/staff/receptions/no-such-schedule-20261215/cancel".into(),
        ),
        (
            "POST",
            format!("/api/v1/staff/receptions/{reception}/move"),
            Some(json!({"to": day(20), "reason": reason})),
            "id",
            "/api/v1/staff/receptions/no-such-schedule-20261215/move".into(),
        ),
        (
            "GET",
            format!("/api/v1/staff/offices/{other}/settings"),
            None,
            "id",
            "/api/v1/staff/offices/no-such-office/settings".into(),
        ),
        (
            "POST",
            format!("/api/v1/staff/offices/{other}/settings"),
            Some(settings.clone()),
            "id",
            "/api/v1/staff/offices/no-such-office/settings".into(),
        ),
        (
            "POST",
            format!("/api/v1/staff/offices/{other}/video-only"),
            Some(json!({"reason": {"kk": "a", "ru": "b", "en": "c"}})),
            "id",
            "/api/v1/staff/offices/no-such-office/video-only".into(),
        ),
    ];
    // The table covers every operation of this part in the served document.
    let document = get("/api/v1/openapi.json").json();
    let ours = [
        "/api/v1/staff/officials/{id}/schedule",
        "/api/v1/staff/receptions/{id}/affected",
        "/api/v1/staff/receptions/{id}/cancel",
        "/api/v1/staff/receptions/{id}/move",
        "/api/v1/staff/offices/{id}/settings",
        "/api/v1/staff/offices/{id}/video-only",
    ];
    let documented: BTreeSet<(String, String)> = ours
        .iter()
        .flat_map(|p| {
            document["paths"][*p]
                .as_object()
                .unwrap_or_else(|| panic!("{p} is not documented"))
                .keys()
                .map(|m| (m.to_uppercase(), p.to_string()))
                .collect::<Vec<_>>()
        })
        .collect();
    let tabled: BTreeSet<(String, String)> = table
        .iter()
        .map(|(m, path, ..)| {
            let template = ours
                .iter()
                .find(|t| {
                    let (head, tail) = t.split_once("{id}").unwrap();
                    path.starts_with(head) && path.ends_with(tail)
                })
                .unwrap();
            (m.to_string(), template.to_string())
        })
        .collect();
    assert_eq!(tabled, documented);

    for (method, path, body, field, missing) in &table {
        let reply = admin.send(method, path, body.as_ref());
        let error = reply.assert_error(404, "not_found");
        assert_eq!(error["field"], *field, "{method} {path}");
        if !missing.is_empty() {
            let nothing = admin.send(method, missing, body.as_ref());
            assert_eq!(nothing.body, reply.body, "{method} {missing}");
        }
    }
    // Nothing of the other region changed: its reception is still published, in person.
    assert!(receptions(other, &official)
        .iter()
        .any(|r| r["id"] == reception.as_str()));
    let schedule = get(&format!("/api/v1/offices/{other}/schedule")).json();
    assert!(schedule["office"]["video_only"].is_null());
    // Without the admin role: 403, whatever the office.
    let mut registrar = gpo_admin().create_enrolled(OFFICE, &["registrar"]);
    let session = registrar.sign_in();
    session
        .get(&format!("/api/v1/staff/offices/{OFFICE}/settings"))
        .assert_error(403, "forbidden");
}
