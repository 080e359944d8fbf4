//! The Rules for personal reception of the prosecution service (Order No. 87) as code.
//!
//! Pure Rust with no I/O: the SPA runs it in the browser and the Worker runs it again on
//! the server, so every decision has exactly one implementation. Clause ids (`R2`, `R5`, ...)
//! refer to `shared/spec/RULES.md`; `rules/CLAUSES.md` maps each clause to its code.

pub mod admission;
pub mod appeals;
pub mod booking;
pub mod calendar;
pub mod case;
#[cfg(test)]
mod clauses;
pub mod dates;
pub mod deadlines;
pub mod directory;
pub mod eligibility;
pub mod guide;
pub mod lang;
pub mod office;
pub mod official;
#[cfg(feature = "openapi")]
pub mod openapi;
pub mod queue;
pub mod registration_list;
pub mod ruleset;
pub mod schedule;
pub mod schedule_check;
pub mod search;
pub mod values;
pub mod window;
mod wire;

pub use directory::{Directory, DirectoryError, Snapshot};
pub use lang::{Lang, Tr};
pub use office::{LocalizedText, Office, OfficeId, OfficeIdError, OfficeLevel, Specialisation};
pub use official::{Access, OfficialKind};
