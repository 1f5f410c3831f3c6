-- gavel schema v1: rule registry, ballots (roster, attendance, votes), audit chain, access tokens.
-- The same SQL runs on PGlite (embedded) and PostgreSQL. Integrity lives here, not in the service:
-- primary keys make one attendance and one vote per member, foreign keys make only present roster
-- members vote, and triggers make stored history immutable.

CREATE FUNCTION gavel_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'gavel: % on % is not allowed: stored history is immutable', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TABLE rule_versions (
  name        text        NOT NULL,
  version     integer     NOT NULL CHECK (version >= 1),
  source      text        NOT NULL,
  sha256      text        NOT NULL,
  author      text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, version)
);
CREATE TRIGGER rule_versions_immutable BEFORE UPDATE OR DELETE ON rule_versions
  FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();

CREATE TABLE ballots (
  id            text        PRIMARY KEY,
  title         text        NOT NULL,
  rule_name     text        NOT NULL,
  rule_version  integer     NOT NULL,
  rule_entry    text        NOT NULL,
  secret        boolean     NOT NULL DEFAULT false,
  state         text        NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
  created_by    text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  opened_at     timestamptz,
  closed_at     timestamptz,
  tally         jsonb,
  result        jsonb,
  audit_seq     integer     NOT NULL DEFAULT 0,
  audit_head    text        NOT NULL,
  FOREIGN KEY (rule_name, rule_version) REFERENCES rule_versions (name, version),
  CHECK ((state = 'closed') = (result IS NOT NULL AND tally IS NOT NULL AND closed_at IS NOT NULL))
);

-- A closed ballot never changes again; an open one never goes back to draft.
CREATE FUNCTION gavel_ballot_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'closed' THEN
    RAISE EXCEPTION 'gavel: ballot % is closed and immutable', OLD.id USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.state = 'open' AND NEW.state = 'draft' THEN
    RAISE EXCEPTION 'gavel: ballot % cannot return to draft', OLD.id USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.id <> OLD.id OR NEW.rule_name <> OLD.rule_name OR NEW.rule_version <> OLD.rule_version
     OR NEW.rule_entry <> OLD.rule_entry OR NEW.secret <> OLD.secret THEN
    RAISE EXCEPTION 'gavel: ballot % keeps its pinned rule and secrecy', OLD.id USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER ballots_transition BEFORE UPDATE ON ballots
  FOR EACH ROW EXECUTE FUNCTION gavel_ballot_transition();
CREATE TRIGGER ballots_no_delete BEFORE DELETE ON ballots
  FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();

CREATE TABLE roster_members (
  ballot_id  text    NOT NULL REFERENCES ballots (id),
  member_id  text    NOT NULL,
  name       text    NOT NULL,
  position   integer NOT NULL,
  PRIMARY KEY (ballot_id, member_id)
);
CREATE TRIGGER roster_members_immutable BEFORE UPDATE OR DELETE ON roster_members
  FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();

CREATE TABLE attendance (
  ballot_id    text        NOT NULL,
  member_id    text        NOT NULL,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ballot_id, member_id),
  FOREIGN KEY (ballot_id, member_id) REFERENCES roster_members (ballot_id, member_id)
);
CREATE TRIGGER attendance_immutable BEFORE UPDATE OR DELETE ON attendance
  FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();

-- Who voted: one row per member and ballot, only for members present. This key is the one-vote guarantee.
CREATE TABLE voters (
  ballot_id  text NOT NULL,
  member_id  text NOT NULL,
  PRIMARY KEY (ballot_id, member_id),
  FOREIGN KEY (ballot_id, member_id) REFERENCES attendance (ballot_id, member_id)
);
CREATE TRIGGER voters_immutable BEFORE UPDATE OR DELETE ON voters
  FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();

-- What an open (non-secret) ballot's voters chose, tied to the voter.
CREATE TABLE open_choices (
  ballot_id  text        NOT NULL,
  member_id  text        NOT NULL,
  choice     text        NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
  cast_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ballot_id, member_id),
  FOREIGN KEY (ballot_id, member_id) REFERENCES voters (ballot_id, member_id)
);
CREATE TRIGGER open_choices_immutable BEFORE UPDATE OR DELETE ON open_choices
  FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();

-- What a secret ballot's voters chose: no member, no time, a random key, so no row leads back to a voter.
CREATE TABLE secret_choices (
  ballot_id  text NOT NULL REFERENCES ballots (id),
  id         text NOT NULL,
  choice     text NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
  PRIMARY KEY (ballot_id, id)
);
CREATE TRIGGER secret_choices_immutable BEFORE UPDATE OR DELETE ON secret_choices
  FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();

-- Every state change of a ballot, hash-chained: hash = sha256(prev_hash || canonical event JSON).
CREATE TABLE audit_events (
  ballot_id  text    NOT NULL REFERENCES ballots (id),
  seq        integer NOT NULL CHECK (seq >= 1),
  type       text    NOT NULL,
  actor      text    NOT NULL,
  at         text    NOT NULL,
  data       jsonb   NOT NULL,
  prev_hash  text    NOT NULL,
  hash       text    NOT NULL,
  PRIMARY KEY (ballot_id, seq)
);
CREATE TRIGGER audit_events_immutable BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();

CREATE TABLE access_tokens (
  id          text        PRIMARY KEY,
  name        text        NOT NULL UNIQUE,
  role        text        NOT NULL CHECK (role IN ('admin', 'author', 'clerk', 'observer')),
  token_hash  text        NOT NULL UNIQUE,
  created_by  text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);

-- One-time facts about this store, such as "the first admin token was issued".
CREATE TABLE service_state (
  key    text PRIMARY KEY,
  value  text NOT NULL
);
