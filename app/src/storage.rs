//! localStorage and sessionStorage, where the browser allows them (private modes may not):
//! a failure to store is never an error the person has to see.

use leptos::prelude::window;
use web_sys::Storage;

fn local() -> Option<Storage> {
    window().local_storage().ok().flatten()
}

fn session() -> Option<Storage> {
    window().session_storage().ok().flatten()
}

pub fn local_get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

pub fn local_set(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

pub fn local_remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

pub fn session_get(key: &str) -> Option<String> {
    session()?.get_item(key).ok().flatten()
}

pub fn session_set(key: &str, value: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(key, value);
    }
}

pub fn session_remove(key: &str) {
    if let Some(s) = session() {
        let _ = s.remove_item(key);
    }
}

/// The manage token of a booking, kept on this device once its link was opened or the
/// booking was made here, so the manage page works without the link's fragment.
pub fn manage_token(code: &str) -> Option<String> {
    local_get(&format!("qabyldau.manage.{code}"))
}

pub fn set_manage_token(code: &str, token: &str) {
    local_set(&format!("qabyldau.manage.{code}"), token);
}
