pub mod days_off;
pub mod lang_switch;
pub mod qr;
pub mod schedule;
pub mod status;
