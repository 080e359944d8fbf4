-- A request moved to another reception by staff (R3.d forwarding to an office below, R27
-- reassigning to a deputy): the booking's reception is fixed (trigger `bookings_stay`), so
-- the move makes a new booking at the new reception, with the same manage token, and ends
-- the old one as `cancelled_by_office` with the reason. Each names the other.
ALTER TABLE bookings ADD COLUMN forwarded_to TEXT;
ALTER TABLE bookings ADD COLUMN forwarded_from TEXT;
