//! Session expiry against the Worker's own clock (R39-5: only a live session acts). The
//! first test runs with the suite and leaves a signed-in session behind; `cargo xtask test`
//! then restarts the Worker on the same data with its clock 31 minutes later
//! (`CLOCK_OFFSET_SECONDS`) and runs the `clock_moved_` tests, which find it expired.

use api_tests::staff_client::{gpo_admin, offices, COOKIE};
use api_tests::{request, Reply};
use serde_json::{json, Value};

/// Where the first run leaves the session for the second (`cargo xtask test` names it).
fn handover() -> String {
    std::env::var("QABYLDAU_EXPIRY").expect(
        "QABYLDAU_EXPIRY is not set: run the API tests through `cargo xtask test`, which \
         runs the expiry tests in two steps around a restart with the clock moved",
    )
}

fn me(cookie: &str) -> Reply {
    request("GET", "/api/v1/staff/me", &[("Cookie", cookie)])
}

#[test]
fn r39_5_a_live_session_is_left_for_the_moved_clock() {
    let mut person = gpo_admin().create_enrolled(&offices().district_a, &["registrar"]);
    let session = person.sign_in();
    assert!(session.cookie.starts_with(&format!("{COOKIE}=")));
    // Used now: its idle time starts from this request.
    assert_eq!(me(&session.cookie).status, 200);
    let path = handover();
    std::fs::write(
        &path,
        json!({"cookie": session.cookie, "staff_id": session.staff_id()}).to_string(),
    )
    .unwrap_or_else(|e| panic!("{path}: {e}"));
}

/// Run by `cargo xtask test` on the restarted Worker whose clock is 31 minutes ahead: the
/// session unused for longer than the idle timeout (30 minutes) is over.
#[test]
#[ignore = "run by cargo xtask test on a Worker with its clock moved"]
fn clock_moved_r39_5_an_idle_session_is_401() {
    let path = handover();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let left: Value = serde_json::from_str(&text).expect("the handover file");
    let cookie = left["cookie"].as_str().expect("cookie");
    me(cookie).assert_error(401, "unauthenticated");
    // Ended for good: asking again does not revive it.
    me(cookie).assert_error(401, "unauthenticated");
}
