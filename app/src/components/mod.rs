pub mod days_off;
pub mod lang_switch;
pub mod status;
