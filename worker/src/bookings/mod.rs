//! Pre-registration bookings (R3, R15, R16, R30, R34): taking a place of a reception
//! exactly once, and the
//! owner's view and cancel through the manage token.

mod create;
mod manage;
pub mod secret;
pub mod view;

/// The one way a booking is made, for the staff's other channels too (R3.a).
pub use create::{book, first_error, idempotency_key, replay, Clerk, Keyed, Made, Origin};
pub use create::{create, ensure_reception, reception_schedule};
pub use manage::{calendar, cancel, get};
