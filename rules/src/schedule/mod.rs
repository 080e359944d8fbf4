//! Public reception schedules (R5, R6, R11, R29, R39-1): who receives, when, where, in
//! which format.
//!
//! * [`Official`]: an official who receives (R2): full name, patronymic if any, and
//!   position in kk/ru/en (R5), competence areas (R22, R27).
//! * [`Schedule`]: a [`Recurrence`] (`weekly:mon,wed`, `monthly:2:wed`, `monthly:last:fri`,
//!   `daily`) at [`Hours`], at a [`Place`] (the office, its Citizens' Reception Centre
//!   R39-1, an outreach place R29/R38, an institution for duty receptions R6), in a
//!   [`Format`] (R11), for a [`Capacity`], valid over a date range, with cancelled dates.
//! * [`Occurrence`]: a dated reception, `{schedule_id}-{YYYYMMDD}`. Receptions are only
//!   ever on working days of [`crate::calendar::Calendar`]: a holiday that moves a day off
//!   moves nothing else, so a Wednesday reception on Wednesday 16 December 2026
//!   (Independence Day) does not take place, nor is it moved.
//! * [`parse_row`] / [`check_rows`]: validation of an import (`cargo xtask
//!   import-schedules`, the staff console's schedule editor), including the minimum
//!   frequencies R13, R26 and R38; [`store`]: the statements that write the rows to D1.
//!
//! Nothing here reads a clock: "today" and "now" are parameters.

mod ids;
mod import;
mod model;
mod parts;
mod recurrence;
pub mod store;

pub use ids::{OfficialId, ScheduleId};
pub use import::{
    check_rows, parse_row, RowError, ScheduleRow, SetError, SetProblem, FREQUENCY_HORIZON_DAYS,
};
pub use model::{
    parse_reception_id, reception_id, upcoming, Occurrence, Official, Schedule, ScheduleError,
    ScheduleParts, UPCOMING_WEEKS,
};
pub use parts::{
    format_hhmm, parse_hhmm, Capacity, CapacityError, Format, Hours, HoursError, Place, PlaceError,
    PlaceKind,
};
pub use recurrence::{Nth, Recurrence, RecurrenceError, WeekdaySet, WorkingWeekday};
