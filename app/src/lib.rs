//! Qabyldau's SPA: client-side rendered Leptos, served as static assets by the Worker.
//!
//! Bundles share this library so that a visit downloads only what it shows: `directory`
//! (src/bin/directory.rs: the first screen `/`, its first paint made live without Leptos),
//! `app` (src/main.rs: the office pages, without Leptos, src/office_page.rs), `booking`
//! (src/bin/booking.rs: the pre-registration wizard under `/register/{office}/{reception}`,
//! which the Worker answers with `dist/booking/index.html`), `manage` (src/bin/manage.rs:
//! a person's bookings, `/bookings/{code}` and `/bookings/mine`, without Leptos,
//! src/manage_page.rs; `dist/manage-app/`), `guide` (src/bin/guide.rs: "where should I
//! go?", `/register/guide`, without Leptos, src/guide_page.rs; `dist/guide-app/`), `poster`
//! (src/bin/poster.rs) and `queue` (src/bin/queue.rs: the queue's pages, without Leptos,
//! src/queue_page.rs). A link from one to another is a full
//! page load (see [`shell::Bundle`]). One more, `staff` (src/bin/staff.rs and the module
//! `staff`, built with the feature `staff`), is the staff console under `/staff/…`, which no
//! public page links or loads; without the feature the public bundles compile none of it.

pub mod api;
pub mod booking_api;
pub mod clock;
pub mod components;
pub mod directory;
pub mod guide_page;
pub mod i18n;
pub mod lang;
pub mod manage_page;
pub mod my_bookings;
pub mod office_page;
pub mod offline;
pub mod pages;
pub mod plain;
pub mod proof_of_work;
pub mod queue_api;
pub mod queue_page;
pub mod shell;
pub mod slip;
#[cfg(feature = "staff")]
pub mod staff;
pub mod storage;
