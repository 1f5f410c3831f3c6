-- gavel schema v6: every change to the access tokens is announced on the channel gavel_access_tokens, whoever makes
-- it (a service instance, an operator's SQL), so each instance forgets the authentications it remembers as soon as
-- the change commits: a revoked token stops working on every instance, not only on the one that revoked it.
CREATE FUNCTION gavel_access_tokens_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('gavel_access_tokens', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER access_tokens_changed AFTER UPDATE OR DELETE OR TRUNCATE ON access_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION gavel_access_tokens_changed();
