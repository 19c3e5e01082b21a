-- 0007_session_booked.sql - finding a PAL's booked sessions quickly.
--
-- A session dated after the day it was logged is kept as 'booked' until
-- the PAL confirms it happened.  My week lists a week's booked sessions
-- and the PAL's dashboard counts those whose day has come; both ask for
-- one PAL's booked sessions by date.  Few sessions are ever booked, so a
-- partial index holds only those and stays small however long the
-- history grows.

CREATE INDEX session_booked ON session(pal_id, date) WHERE status = 'booked';
