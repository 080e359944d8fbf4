//! Shared helpers live in `api/main.rs`; this crate has only black-box tests.
