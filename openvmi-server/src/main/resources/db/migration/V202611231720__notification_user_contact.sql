-- Notifications: each user gets an e-mail address (optional: no address, no mail) and the language its mails are
-- written in (zh-CN or en).
ALTER TABLE app_user ADD COLUMN email VARCHAR(254);
ALTER TABLE app_user ADD COLUMN preferred_language VARCHAR(10) DEFAULT 'zh-CN' NOT NULL;
