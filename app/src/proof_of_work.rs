//! The proof of work that taking a place costs (`GET /api/v1/challenge`, ALTCHA's SHA-256
//! scheme): a booking (R15, R30) and a queue ticket (R39-3) alike. Solved in a Web Worker
//! (`public/pow.js`, served as `/pow.js`) so the page stays responsive; nothing to
//! see or hear, about a second on a phone.

use ::api::challenge::{Challenge, Solution};
use wasm_bindgen::JsValue;

/// The value of `X-Qabyldau-Challenge` for `challenge` (of `GET /api/v1/challenge`), or
/// `None` where it cannot be solved (a browser without Web Workers): the request then goes
/// without it, and the server's `challenge_required` says why.
pub async fn solved(challenge: &Challenge) -> Option<String> {
    solve_in_worker(challenge)
        .await
        .map(|number| Solution::of(challenge, number).to_header())
}

/// The number that solves `challenge`, found by `public/pow.js` in a Web Worker.
async fn solve_in_worker(challenge: &Challenge) -> Option<u64> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let worker = web_sys::Worker::new("/pow.js").ok()?;
    let answered = js_sys::Promise::new(&mut |resolve, _| {
        let on_message = Closure::once_into_js({
            let resolve = resolve.clone();
            move |event: web_sys::MessageEvent| {
                let number =
                    js_sys::Reflect::get(&event.data(), &"number".into()).unwrap_or(JsValue::NULL);
                let _ = resolve.call1(&JsValue::NULL, &number);
            }
        });
        let on_error = Closure::once_into_js(move |_: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    let message = js_sys::Object::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&message, &k.into(), &v).ok();
    set("salt", challenge.salt.as_str().into())?;
    set("challenge", challenge.challenge.as_str().into())?;
    set("maxnumber", (challenge.maxnumber as f64).into())?;
    worker.post_message(&message).ok()?;
    let number = wasm_bindgen_futures::JsFuture::from(answered).await.ok();
    worker.terminate();
    number?.as_f64().map(|n| n as u64)
}
