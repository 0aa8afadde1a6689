-- A user's own time zone for the times on its pages (issue 13); NULL: the server's configured zone
-- (openvmi.display.time-zone). An IANA zone ID such as Asia/Shanghai or Europe/Berlin.
ALTER TABLE app_user ADD COLUMN time_zone VARCHAR(64);
