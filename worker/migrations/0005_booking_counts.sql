-- Places are counted by triggers on every way a booking can hold or release one, not only
-- on insert and cancel (review of issue 6):
-- * only an active booking (requested, confirmed) takes a place or counts as a duplicate,
--   so staff can record a refused request without one;
-- * a refused or cancelled booking made active again (staff reconsider) takes a place
--   again, and is refused when the reception is full;
-- * deleting an active booking releases its place;
-- * a booking never moves to another reception: forwarding (R3.d) makes a new one.
DROP TRIGGER bookings_take_place;

CREATE TRIGGER bookings_take_place BEFORE INSERT ON bookings
WHEN NEW.status IN ('requested', 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'unknown_reception')
    WHERE NOT EXISTS (SELECT 1 FROM receptions WHERE id = NEW.reception_id);
    SELECT RAISE(ABORT, 'duplicate_booking')
    WHERE EXISTS (
        SELECT 1 FROM bookings
        WHERE official_id = NEW.official_id
          AND person_hash = NEW.person_hash
          AND status IN ('requested', 'confirmed')
          AND reception_date >= date('now', '+5 hours'));
    SELECT RAISE(ABORT, 'reception_full')
    WHERE (SELECT booked >= capacity FROM receptions WHERE id = NEW.reception_id);
END;

CREATE TRIGGER bookings_retake_place BEFORE UPDATE OF status ON bookings
WHEN OLD.status NOT IN ('requested', 'confirmed') AND NEW.status IN ('requested', 'confirmed')
BEGIN
    SELECT RAISE(ABORT, 'duplicate_booking')
    WHERE EXISTS (
        SELECT 1 FROM bookings
        WHERE official_id = NEW.official_id
          AND person_hash = NEW.person_hash
          AND code != NEW.code
          AND status IN ('requested', 'confirmed')
          AND reception_date >= date('now', '+5 hours'));
    SELECT RAISE(ABORT, 'reception_full')
    WHERE (SELECT booked >= capacity FROM receptions WHERE id = NEW.reception_id);
END;

CREATE TRIGGER bookings_recount AFTER UPDATE OF status ON bookings
WHEN OLD.status NOT IN ('requested', 'confirmed') AND NEW.status IN ('requested', 'confirmed')
BEGIN
    UPDATE receptions SET booked = booked + 1 WHERE id = NEW.reception_id;
END;

CREATE TRIGGER bookings_forget AFTER DELETE ON bookings
WHEN OLD.status IN ('requested', 'confirmed')
BEGIN
    UPDATE receptions SET booked = booked - 1 WHERE id = OLD.reception_id;
END;

CREATE TRIGGER bookings_stay BEFORE UPDATE OF reception_id ON bookings
WHEN NEW.reception_id != OLD.reception_id
BEGIN
    SELECT RAISE(ABORT, 'reception_is_fixed');
END;
