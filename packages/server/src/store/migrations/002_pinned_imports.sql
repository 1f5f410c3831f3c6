-- A rule version pins every file it imports: `imports` maps each import path (e.g. "std/major-matter.gavel")
-- to the exact source it resolved to when the version was stored, so nothing on disk can change what a stored
-- version means. Versions stored before this migration have NULL until the service pins them once, at start,
-- to the standard library it ships (the only source they could have been compiled with).

ALTER TABLE rule_versions ADD COLUMN imports jsonb CHECK (imports IS NULL OR jsonb_typeof(imports) = 'object');

DROP TRIGGER rule_versions_immutable ON rule_versions;

-- Stored versions stay immutable; the one change allowed is pinning the imports of a version that has none yet.
CREATE FUNCTION gavel_rule_version_pin() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.imports IS NULL AND NEW.imports IS NOT NULL
     AND NEW.name = OLD.name AND NEW.version = OLD.version AND NEW.source = OLD.source AND NEW.sha256 = OLD.sha256
     AND NEW.author = OLD.author AND NEW.created_at = OLD.created_at THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'gavel: % on % is not allowed: stored history is immutable', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER rule_versions_immutable BEFORE UPDATE OR DELETE ON rule_versions
  FOR EACH ROW EXECUTE FUNCTION gavel_rule_version_pin();
