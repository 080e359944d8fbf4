pub mod lang_switch;
pub mod status;
