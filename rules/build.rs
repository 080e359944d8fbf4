//! Compiles `data/calendar.json` into Rust (`$OUT_DIR/calendar_data.rs`), so that no build of
//! the crate parses JSON at run time to know the working calendar: the phone's wasm carries
//! neither the file's text nor a JSON reader for it. The data is still validated at first use
//! by the same code as staff-supplied files, and the test
//! `calendar::tests::compiled_data_is_the_json_file` proves the two readings equal.

use serde_json::{Map, Value};
use std::fmt::Write;

fn main() {
    let path = "../data/calendar.json";
    println!("cargo:rerun-if-changed={path}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(path).expect("data/calendar.json");
    let data: Value = serde_json::from_str(&text).expect("data/calendar.json is not JSON");
    let code = calendar_data(obj(&data, "calendar"));
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("calendar_data.rs");
    std::fs::write(out, code).expect("writing calendar_data.rs");
}

fn obj<'a>(v: &'a Value, what: &str) -> &'a Map<String, Value> {
    v.as_object()
        .unwrap_or_else(|| panic!("calendar.json: {what} is not an object"))
}

/// Fails the build on a key the reader does not know, as `deny_unknown_fields` does at run time.
fn keys(o: &Map<String, Value>, what: &str, known: &[&str]) {
    if let Some(k) = o.keys().find(|k| !known.contains(&k.as_str())) {
        panic!("calendar.json: unknown field `{k}` in {what}");
    }
}

fn int(o: &Map<String, Value>, key: &str) -> i64 {
    o.get(key)
        .and_then(Value::as_i64)
        .unwrap_or_else(|| panic!("calendar.json: `{key}` is not an integer"))
}

fn opt_int(o: &Map<String, Value>, key: &str) -> String {
    match o.get(key) {
        None | Some(Value::Null) => "None".into(),
        Some(_) => format!("Some({})", int(o, key)),
    }
}

fn boolean(o: &Map<String, Value>, key: &str, default: Option<bool>) -> bool {
    match (o.get(key), default) {
        (None, Some(d)) => d,
        (v, _) => v
            .and_then(Value::as_bool)
            .unwrap_or_else(|| panic!("calendar.json: `{key}` is not a boolean")),
    }
}

fn string(o: &Map<String, Value>, key: &str) -> String {
    let s = o
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("calendar.json: `{key}` is not a string"));
    format!("String::from({s:?})")
}

fn text(o: &Map<String, Value>, key: &str) -> String {
    let t = obj(&o[key], key);
    keys(t, key, &["kk", "ru", "en"]);
    format!(
        "LocalizedText {{ kk: {}, ru: {}, en: {} }}",
        string(t, "kk"),
        string(t, "ru"),
        string(t, "en")
    )
}

/// `YYYY-MM-DD` as a `time::macros::date!` call; the macro rejects a date that does not exist.
fn date(o: &Map<String, Value>, key: &str) -> String {
    let s = o
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("calendar.json: `{key}` is not a date"));
    let ok = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    assert!(ok, "calendar.json: `{key}` {s:?} is not YYYY-MM-DD");
    format!("time::macros::date!({s})")
}

fn list<'a>(o: &'a Map<String, Value>, key: &str) -> &'a Vec<Value> {
    o.get(key)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("calendar.json: `{key}` is not a list"))
}

fn calendar_data(o: &Map<String, Value>) -> String {
    keys(
        o,
        "the file",
        &[
            "schema",
            "about",
            "supported_years",
            "fixed_days_off",
            "dated_days_off",
            "transfer_name",
            "transfers",
        ],
    );
    let years = obj(&o["supported_years"], "supported_years");
    keys(years, "supported_years", &["from", "to"]);
    let mut s = String::new();
    s.push_str("/// `data/calendar.json`, compiled by build.rs (sources and `about` left out).\n");
    s.push_str("fn compiled_data() -> CalendarData {\n    CalendarData {\n");
    writeln!(s, "        schema: {},", int(o, "schema")).unwrap();
    s.push_str("        about: None,\n");
    writeln!(
        s,
        "        supported_years: YearsData {{ from: {}, to: {} }},",
        int(years, "from"),
        int(years, "to")
    )
    .unwrap();
    s.push_str("        fixed_days_off: vec![\n");
    for f in list(o, "fixed_days_off") {
        let f = obj(f, "fixed_days_off");
        keys(
            f,
            "fixed_days_off",
            &[
                "id",
                "month",
                "day",
                "from_year",
                "to_year",
                "moves_when_on_weekend",
                "name",
                "source",
            ],
        );
        writeln!(
            s,
            "            FixedData {{ id: {}, month: {}, day: {}, from_year: {}, to_year: {}, \
             moves_when_on_weekend: {}, name: {}, source: None }},",
            string(f, "id"),
            int(f, "month"),
            int(f, "day"),
            opt_int(f, "from_year"),
            opt_int(f, "to_year"),
            boolean(f, "moves_when_on_weekend", None),
            text(f, "name"),
        )
        .unwrap();
    }
    s.push_str("        ],\n        dated_days_off: vec![\n");
    for d in list(o, "dated_days_off") {
        let d = obj(d, "dated_days_off");
        keys(
            d,
            "dated_days_off",
            &["id", "moves_when_on_weekend", "name", "dates", "source"],
        );
        writeln!(
            s,
            "            DatedData {{ id: {}, moves_when_on_weekend: {}, name: {}, dates: vec![",
            string(d, "id"),
            boolean(d, "moves_when_on_weekend", None),
            text(d, "name"),
        )
        .unwrap();
        for e in list(d, "dates") {
            let e = obj(e, "dates");
            keys(e, "dates", &["date", "estimate", "source"]);
            writeln!(
                s,
                "                DatedDateData {{ date: {}, estimate: {}, source: None }},",
                date(e, "date"),
                boolean(e, "estimate", Some(false)),
            )
            .unwrap();
        }
        s.push_str("            ], source: None },\n");
    }
    s.push_str("        ],\n");
    writeln!(s, "        transfer_name: {},", text(o, "transfer_name")).unwrap();
    s.push_str("        transfers: vec![\n");
    for t in list(o, "transfers") {
        let t = obj(t, "transfers");
        keys(t, "transfers", &["working_day", "day_off", "act", "source"]);
        writeln!(
            s,
            "            TransferData {{ working_day: {}, day_off: {}, act: {}, source: None }},",
            date(t, "working_day"),
            date(t, "day_off"),
            string(t, "act"),
        )
        .unwrap();
    }
    s.push_str("        ],\n    }\n}\n");
    s
}
