//! API tests: the running Worker (wrangler dev, workerd, local D1 + KV), no mocks.

mod abuse;
mod bookings;
mod bookings_concurrency;
mod bookings_errors;
mod bookings_manage;
mod bookings_privacy;
mod desk;
mod directory;
mod errors;
mod fault;
mod feeds;
mod headers;
mod kv_down;
mod office_admin;
mod outcomes;
mod queue;
mod reception_card;
mod retention;
mod rules;
mod schedule;
mod staff;
mod staff_audit;
mod staff_decide;
mod staff_expiry;
mod staff_scope;
