-- API key scopes (supplier portal): comma-separated ApiKeyScope names limiting what a key may call; NULL = every right
-- of the key's user (buyer-side keys created before scopes existed keep working unchanged).
ALTER TABLE api_key ADD COLUMN scopes VARCHAR(200);
