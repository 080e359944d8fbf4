//! KV is a cache of what D1 holds, never the source of truth: a read that fails is logged
//! and answered as a miss (the caller builds the answer from D1); writes of what a request
//! computed go after its response ([`after_response`], `ctx.wait_until`), and one that fails
//! is logged and forgotten — the next miss computes it again.
//!
//! A test server can make every KV call fail: `KV_FAILS` set to `1` (a `--var` of
//! `wrangler dev`, never in wrangler.toml), so that the test suite sees the answers still
//! come from D1.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use worker::Env;

pub const FAIL_VAR: &str = "KV_FAILS";

fn failing(env: &Env) -> bool {
    env.var(FAIL_VAR).is_ok_and(|v| v.to_string().trim() == "1")
}

fn store(env: &Env) -> Result<worker::KvStore, String> {
    if failing(env) {
        return Err(format!("{FAIL_VAR} is set"));
    }
    env.kv("KV").map_err(|e| e.to_string())
}

/// A value with its metadata; `None` on a miss or a failure (logged).
pub async fn get_text_with_meta<M: DeserializeOwned>(env: &Env, key: &str) -> Option<(String, M)> {
    let got = match store(env) {
        Ok(kv) => kv
            .get(key)
            .text_with_metadata::<M>()
            .await
            .map_err(|e| e.to_string()),
        Err(e) => Err(e),
    };
    match got {
        Ok((Some(text), Some(meta))) => Some((text, meta)),
        Ok(_) => None,
        Err(e) => {
            worker::console_error!("KV read of {key} failed, answering from D1: {e}");
            None
        }
    }
}

/// A JSON value; `None` on a miss or a failure (logged).
pub async fn get_json<T: DeserializeOwned>(env: &Env, key: &str) -> Option<T> {
    let got = match store(env) {
        Ok(kv) => kv.get(key).json::<T>().await.map_err(|e| e.to_string()),
        Err(e) => Err(e),
    };
    match got {
        Ok(v) => v,
        Err(e) => {
            worker::console_error!("KV read of {key} failed, answering from D1: {e}");
            None
        }
    }
}

/// What a write keeps besides the value.
#[derive(Default)]
pub struct Put {
    pub metadata: Option<serde_json::Value>,
    pub ttl_seconds: Option<u64>,
}

/// Writes now (the cron's publishing); a failure is logged.
pub async fn put(env: &Env, key: &str, value: &str, options: Put) {
    let written = async {
        let kv = store(env)?;
        let mut put = kv.put(key, value).map_err(|e| e.to_string())?;
        if let Some(meta) = options.metadata {
            put = put.metadata(meta).map_err(|e| e.to_string())?;
        }
        if let Some(ttl) = options.ttl_seconds {
            put = put.expiration_ttl(ttl);
        }
        put.execute().await.map_err(|e| e.to_string())
    }
    .await;
    if let Err(e) = written {
        worker::console_error!("KV write of {key} failed: {e}");
    }
}

/// Writes after the response has gone.
pub fn put_after_response<V: Serialize>(
    env: &Env,
    key: String,
    value: String,
    meta: Option<V>,
    ttl_seconds: Option<u64>,
) {
    let metadata = meta.and_then(|m| serde_json::to_value(m).ok());
    let env = env.clone();
    after_response(async move {
        put(
            &env,
            &key,
            &value,
            Put {
                metadata,
                ttl_seconds,
            },
        )
        .await;
    });
}

type Deferred = Pin<Box<dyn Future<Output = ()>>>;

thread_local! {
    static DEFERRED: RefCell<Vec<Deferred>> = const { RefCell::new(Vec::new()) };
}

/// Work to do once the response is sent: the fetch handler hands it to `ctx.wait_until`
/// ([`take_deferred`]). An isolate interleaves requests, so another request may be the one
/// to hand it over; every request hands over what is queued when it ends, so none is lost.
pub fn after_response(work: impl Future<Output = ()> + 'static) {
    DEFERRED.with(|d| d.borrow_mut().push(Box::pin(work)));
}

pub fn take_deferred() -> Vec<Deferred> {
    DEFERRED.with(|d| std::mem::take(&mut *d.borrow_mut()))
}
