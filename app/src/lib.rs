//! Qabyldau's SPA: client-side rendered Leptos, served as static assets by the Worker.
//!
//! Two bundles share this library so that a first visit downloads only what it shows: `app`
//! (src/main.rs: the directory, office pages and posters) and `booking` (src/bin/booking.rs:
//! the pre-registration wizard and the manage page, under `/register/` and `/bookings/`,
//! which the Worker answers with `dist/booking/index.html`). A link from one to the other
//! is a full page load (see [`shell::Bundle`]). A third bundle, `staff` (src/bin/staff.rs and
//! the module `staff`, built with the feature `staff`), is the staff console under `/staff/…`,
//! which no public page links or loads; without the feature the public bundles compile none
//! of it.

pub mod api;
pub mod booking_api;
pub mod clock;
pub mod components;
pub mod first_paint;
pub mod i18n;
pub mod lang;
pub mod offline;
pub mod pages;
pub mod proof_of_work;
pub mod queue_api;
pub mod shell;
#[cfg(feature = "staff")]
pub mod staff;
pub mod storage;
