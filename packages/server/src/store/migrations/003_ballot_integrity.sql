-- gavel schema v3: ballot integrity.
-- 1. Secret ballots keep one row of counters per ballot instead of one row per vote, so no stored row pairs a
--    member with a choice, in any order (row order, ctid and xmin of per-vote rows paired 40 of 40 votes).
-- 2. Rows of a ballot can only be added while the ballot is in the state that adds them (roster at creation,
--    attendance before close, votes while open), so the database owner cannot add to a closed ballot either.
-- 3. TRUNCATE, which row triggers do not see, is refused on every history table.

-- What a secret ballot's voters chose, as totals only: updated by each vote's own transaction, never per vote.
CREATE TABLE secret_counts (
  ballot_id  text    PRIMARY KEY REFERENCES ballots (id),
  yes        integer NOT NULL DEFAULT 0 CHECK (yes >= 0),
  no         integer NOT NULL DEFAULT 0 CHECK (no >= 0),
  abstain    integer NOT NULL DEFAULT 0 CHECK (abstain >= 0)
);

-- Existing secret ballots (draft, open or closed) keep their counts; open ones go on counting from there.
INSERT INTO secret_counts (ballot_id, yes, no, abstain)
  SELECT b.id,
         COUNT(c.choice) FILTER (WHERE c.choice = 'yes'),
         COUNT(c.choice) FILTER (WHERE c.choice = 'no'),
         COUNT(c.choice) FILTER (WHERE c.choice = 'abstain')
  FROM ballots b LEFT JOIN secret_choices c ON c.ballot_id = b.id
  WHERE b.secret
  GROUP BY b.id;

-- The per-vote rows go: dropping the table removes its rows and their order from the data files and any later dump.
DROP TABLE secret_choices;

-- Which rows a ballot may gain in which state. The owner of the tables can still switch triggers off;
-- verify compares every row with the audit chain for that case.
CREATE FUNCTION gavel_guard_ballot_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ballot ballots%ROWTYPE;
  refusal text;
BEGIN
  -- A restore re-inserts rows that were checked when they were first written (a closed ballot's votes after the
  -- closed ballot row); it says so for its own transaction only, and the restored chains are verified afterwards.
  IF current_setting('gavel.restore', true) = 'on' THEN
    RETURN NEW;
  END IF;
  SELECT * INTO ballot FROM ballots WHERE id = NEW.ballot_id;
  IF NOT FOUND THEN
    RETURN NEW; -- the foreign key refuses the row
  END IF;
  IF TG_TABLE_NAME = 'roster_members' AND ballot.audit_seq <> 0 THEN
    refusal := 'a roster is fixed when its ballot is created';
  ELSIF TG_TABLE_NAME = 'attendance' AND ballot.state = 'closed' THEN
    refusal := 'the ballot is closed';
  ELSIF TG_TABLE_NAME IN ('voters', 'open_choices') AND ballot.state <> 'open' THEN
    refusal := 'the ballot is not open';
  ELSIF TG_TABLE_NAME = 'open_choices' AND ballot.secret THEN
    refusal := 'a secret ballot stores no choice beside a member';
  END IF;
  IF refusal IS NOT NULL THEN
    RAISE EXCEPTION 'gavel: % on % of ballot % is not allowed: %', TG_OP, TG_TABLE_NAME, NEW.ballot_id, refusal
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;

-- A secret ballot's counters start at zero when it is created and grow by exactly one vote at a time while it is open.
CREATE FUNCTION gavel_guard_secret_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ballot ballots%ROWTYPE;
BEGIN
  -- A restore re-inserts rows that were checked when they were first written (a closed ballot's votes after the
  -- closed ballot row); it says so for its own transaction only, and the restored chains are verified afterwards.
  IF current_setting('gavel.restore', true) = 'on' THEN
    RETURN NEW;
  END IF;
  SELECT * INTO ballot FROM ballots WHERE id = NEW.ballot_id;
  IF NOT FOUND THEN
    RETURN NEW; -- the foreign key refuses the row
  END IF;
  IF TG_OP = 'INSERT' AND (NOT ballot.secret OR ballot.audit_seq <> 0 OR NEW.yes + NEW.no + NEW.abstain <> 0) THEN
    RAISE EXCEPTION 'gavel: counters of ballot % start at zero when a secret ballot is created', NEW.ballot_id USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND (ballot.state <> 'open' OR NEW.ballot_id <> OLD.ballot_id
      OR NEW.yes < OLD.yes OR NEW.no < OLD.no OR NEW.abstain < OLD.abstain
      OR NEW.yes + NEW.no + NEW.abstain <> OLD.yes + OLD.no + OLD.abstain + 1) THEN
    RAISE EXCEPTION 'gavel: counters of ballot % only grow by one vote at a time while it is open', NEW.ballot_id USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER roster_members_guard BEFORE INSERT ON roster_members FOR EACH ROW EXECUTE FUNCTION gavel_guard_ballot_rows();
CREATE TRIGGER attendance_guard BEFORE INSERT ON attendance FOR EACH ROW EXECUTE FUNCTION gavel_guard_ballot_rows();
CREATE TRIGGER voters_guard BEFORE INSERT ON voters FOR EACH ROW EXECUTE FUNCTION gavel_guard_ballot_rows();
CREATE TRIGGER open_choices_guard BEFORE INSERT ON open_choices FOR EACH ROW EXECUTE FUNCTION gavel_guard_ballot_rows();
CREATE TRIGGER secret_counts_guard BEFORE INSERT OR UPDATE ON secret_counts FOR EACH ROW EXECUTE FUNCTION gavel_guard_secret_counts();
CREATE TRIGGER secret_counts_no_delete BEFORE DELETE ON secret_counts FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();

-- Row triggers do not fire on TRUNCATE: refuse it per statement on every table that holds history.
CREATE TRIGGER rule_versions_no_truncate BEFORE TRUNCATE ON rule_versions FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER ballots_no_truncate BEFORE TRUNCATE ON ballots FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER roster_members_no_truncate BEFORE TRUNCATE ON roster_members FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER attendance_no_truncate BEFORE TRUNCATE ON attendance FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER voters_no_truncate BEFORE TRUNCATE ON voters FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER open_choices_no_truncate BEFORE TRUNCATE ON open_choices FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER secret_counts_no_truncate BEFORE TRUNCATE ON secret_counts FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
