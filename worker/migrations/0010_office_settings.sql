-- What an office publishes about itself, set by its admin in the staff console: the
-- responsible officers' contact phone (the Order's para 2(1); RULES.md "Readings", 10) and
-- the room of the Citizens' Reception Centre (R39-1), beside its hours (0002). The office's
-- address stays in `offices` (address_kk/ru/en). No value = not published yet.
ALTER TABLE office_settings ADD COLUMN responsible_phone TEXT;
ALTER TABLE office_settings ADD COLUMN centre_room_kk TEXT;
ALTER TABLE office_settings ADD COLUMN centre_room_ru TEXT;
ALTER TABLE office_settings ADD COLUMN centre_room_en TEXT;
