-- gavel schema v5: an agenda item keeps what its pinned rule declares for proxies (委托投票, `proxies: at most N`):
-- a represented member's paper counts on the item only when N >= 1, and no holder may hold more than N there.
-- NULL: the item was opened before rules declared proxies; the meeting's own max_proxies applied to it.
-- (write_ins already exists: it now follows the rule's `write_ins: allowed`, never wider.)
ALTER TABLE meeting_items ADD COLUMN proxies integer CHECK (proxies >= 0);

-- An item also keeps its proxy limit and write-ins from open to close.
CREATE OR REPLACE FUNCTION gavel_item_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'closed' THEN
    RAISE EXCEPTION 'gavel: item % is closed and immutable', OLD.id USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.id <> OLD.id OR NEW.rule_name <> OLD.rule_name OR NEW.rule_version <> OLD.rule_version
     OR NEW.rule_entry <> OLD.rule_entry OR NEW.secret <> OLD.secret OR NEW.kind <> OLD.kind
     OR NEW.proxies IS DISTINCT FROM OLD.proxies OR NEW.write_ins <> OLD.write_ins THEN
    RAISE EXCEPTION 'gavel: item % keeps its pinned rule, its settings and secrecy', OLD.id USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
