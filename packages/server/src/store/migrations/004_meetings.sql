-- gavel schema v4: meetings. A body is a standing roster (versioned, never edited in place); a meeting snapshots
-- one version of it, records one sign-in per member (in person, or represented by a proxy holder who signed in),
-- and runs agenda items: motions (each backed by a ballot of the existing tables), elections and ratings.
-- Elections and ratings record who voted (item_voters) apart from what (item_counts, counters only), like secret
-- ballots; an open (non-secret) item also keeps each paper beside its voter (item_papers).
-- Every state change of a meeting is an event of its own hash chain (meeting_events).

CREATE TABLE bodies (
  id          text        PRIMARY KEY,
  name        text        NOT NULL,
  created_by  text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- One version of a body's roster: members [{ id, name }] in order; public_names: the 公示 may list names.
CREATE TABLE body_versions (
  body_id       text        NOT NULL REFERENCES bodies (id),
  version       integer     NOT NULL CHECK (version >= 1),
  members       jsonb       NOT NULL CHECK (jsonb_typeof(members) = 'array'),
  public_names  boolean     NOT NULL DEFAULT false,
  created_by    text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (body_id, version)
);

CREATE TABLE meetings (
  id            text        PRIMARY KEY,
  title         text        NOT NULL,
  body_id       text        NOT NULL,
  body_version  integer     NOT NULL,
  public_names  boolean     NOT NULL,
  max_proxies   integer     NOT NULL CHECK (max_proxies >= 0),
  state         text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  -- The public notice's link: random (128 bits or more), set when the meeting closes.
  notice_id     text        UNIQUE,
  created_by    text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  closed_at     timestamptz,
  audit_seq     integer     NOT NULL DEFAULT 0,
  audit_head    text        NOT NULL,
  FOREIGN KEY (body_id, body_version) REFERENCES body_versions (body_id, version),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL AND notice_id IS NOT NULL))
);

CREATE TABLE meeting_members (
  meeting_id  text    NOT NULL REFERENCES meetings (id),
  member_id   text    NOT NULL,
  name        text    NOT NULL,
  position    integer NOT NULL,
  PRIMARY KEY (meeting_id, member_id)
);

-- One sign-in per member and meeting: in person (holder_id NULL) or represented by a proxy holder (委托投票).
CREATE TABLE meeting_attendance (
  meeting_id   text        NOT NULL,
  member_id    text        NOT NULL,
  holder_id    text,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, member_id),
  FOREIGN KEY (meeting_id, member_id) REFERENCES meeting_members (meeting_id, member_id),
  FOREIGN KEY (meeting_id, holder_id) REFERENCES meeting_members (meeting_id, member_id),
  CHECK (holder_id IS NULL OR holder_id <> member_id)
);

CREATE TABLE meeting_items (
  id                text        PRIMARY KEY,
  meeting_id        text        NOT NULL REFERENCES meetings (id),
  position          integer     NOT NULL,
  kind              text        NOT NULL CHECK (kind IN ('motion', 'election', 'rating')),
  title             text        NOT NULL,
  rule_name         text        NOT NULL,
  rule_version      integer     NOT NULL,
  rule_entry        text        NOT NULL,
  secret            boolean     NOT NULL,
  -- A motion is counted by a ballot of the ballot tables (roster = the meeting's members).
  ballot_id         text        UNIQUE REFERENCES ballots (id),
  -- An election: seats, the rule's round, candidates, whether names off the list count.
  seats             integer     CHECK (seats >= 1),
  round             integer     CHECK (round >= 1),
  write_ins         boolean     NOT NULL DEFAULT false,
  candidates        jsonb,
  -- A rating: the subjects on the paper and the rule's levels.
  subjects          jsonb,
  levels            jsonb,
  -- The item whose runoff or tie opened this one (no foreign key: restore order is by table, not by item).
  previous_item_id  text,
  state             text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  tally             jsonb,
  result            jsonb,
  opened_at         timestamptz NOT NULL,
  closed_at         timestamptz,
  UNIQUE (meeting_id, position),
  FOREIGN KEY (rule_name, rule_version) REFERENCES rule_versions (name, version),
  CHECK ((kind = 'motion') = (ballot_id IS NOT NULL)),
  CHECK ((state = 'closed') = (result IS NOT NULL AND closed_at IS NOT NULL))
);

-- Who voted on an election or rating item: one row per member and item, only for members signed in.
CREATE TABLE item_voters (
  item_id     text NOT NULL REFERENCES meeting_items (id),
  meeting_id  text NOT NULL,
  member_id   text NOT NULL,
  PRIMARY KEY (item_id, member_id),
  FOREIGN KEY (meeting_id, member_id) REFERENCES meeting_attendance (meeting_id, member_id)
);

-- Counters of an election or rating item: subject 'candidate' / option = a name, subject 'paper' / option 'invalid'
-- (an election); subject = the rated person / option = a level (a rating).
CREATE TABLE item_counts (
  item_id  text    NOT NULL REFERENCES meeting_items (id),
  subject  text    NOT NULL,
  option   text    NOT NULL,
  count    integer NOT NULL DEFAULT 0 CHECK (count >= 0),
  PRIMARY KEY (item_id, subject, option)
);

-- The papers of an open (non-secret) election or rating, beside their voters.
CREATE TABLE item_papers (
  item_id    text  NOT NULL,
  member_id  text  NOT NULL,
  paper      jsonb NOT NULL,
  PRIMARY KEY (item_id, member_id),
  FOREIGN KEY (item_id, member_id) REFERENCES item_voters (item_id, member_id)
);

-- Every state change of a meeting, hash-chained exactly like a ballot's events (the hashed body names the chain
-- `ballot`, whatever it belongs to).
CREATE TABLE meeting_events (
  meeting_id  text    NOT NULL REFERENCES meetings (id),
  seq         integer NOT NULL CHECK (seq >= 1),
  type        text    NOT NULL,
  actor       text    NOT NULL,
  at          text    NOT NULL,
  data        jsonb   NOT NULL,
  prev_hash   text    NOT NULL,
  hash        text    NOT NULL,
  PRIMARY KEY (meeting_id, seq)
);

-- A closed meeting or item never changes; nothing goes back to open; an item keeps its pinned rule and secrecy.
-- (Two functions: PL/pgSQL cannot name an item's columns on a meeting row, even in a branch not taken.)
CREATE FUNCTION gavel_meeting_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'closed' THEN
    RAISE EXCEPTION 'gavel: meeting % is closed and immutable', OLD.id USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.id <> OLD.id OR NEW.body_id <> OLD.body_id OR NEW.body_version <> OLD.body_version THEN
    RAISE EXCEPTION 'gavel: meeting % keeps its id and roster', OLD.id USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE FUNCTION gavel_item_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'closed' THEN
    RAISE EXCEPTION 'gavel: item % is closed and immutable', OLD.id USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.id <> OLD.id OR NEW.rule_name <> OLD.rule_name OR NEW.rule_version <> OLD.rule_version
     OR NEW.rule_entry <> OLD.rule_entry OR NEW.secret <> OLD.secret OR NEW.kind <> OLD.kind THEN
    RAISE EXCEPTION 'gavel: item % keeps its pinned rule and secrecy', OLD.id USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER meetings_transition BEFORE UPDATE ON meetings FOR EACH ROW EXECUTE FUNCTION gavel_meeting_transition();
CREATE TRIGGER meeting_items_transition BEFORE UPDATE ON meeting_items FOR EACH ROW EXECUTE FUNCTION gavel_item_transition();

-- Rows a meeting or item may gain in which state (a restore re-inserts rows checked when first written).
CREATE FUNCTION gavel_guard_meeting_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  current_state text;
BEGIN
  IF current_setting('gavel.restore', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME IN ('meeting_attendance', 'meeting_items') THEN
    SELECT m.state INTO current_state FROM meetings m WHERE m.id = NEW.meeting_id;
    IF current_state = 'closed' THEN
      RAISE EXCEPTION 'gavel: % of meeting % is not allowed: the meeting is closed', TG_OP, NEW.meeting_id USING ERRCODE = 'restrict_violation';
    END IF;
  ELSE
    SELECT i.state INTO current_state FROM meeting_items i WHERE i.id = NEW.item_id;
    IF current_state = 'closed' THEN
      RAISE EXCEPTION 'gavel: % on % of item % is not allowed: the item is closed', TG_OP, TG_TABLE_NAME, NEW.item_id USING ERRCODE = 'restrict_violation';
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER meeting_attendance_guard BEFORE INSERT ON meeting_attendance FOR EACH ROW EXECUTE FUNCTION gavel_guard_meeting_rows();
CREATE TRIGGER meeting_items_guard BEFORE INSERT ON meeting_items FOR EACH ROW EXECUTE FUNCTION gavel_guard_meeting_rows();
CREATE TRIGGER item_voters_guard BEFORE INSERT ON item_voters FOR EACH ROW EXECUTE FUNCTION gavel_guard_meeting_rows();
CREATE TRIGGER item_counts_guard BEFORE INSERT OR UPDATE ON item_counts FOR EACH ROW EXECUTE FUNCTION gavel_guard_meeting_rows();
CREATE TRIGGER item_papers_guard BEFORE INSERT ON item_papers FOR EACH ROW EXECUTE FUNCTION gavel_guard_meeting_rows();

-- History is immutable: no update (beyond the transitions above and growing counters) or delete, and no TRUNCATE.
CREATE TRIGGER bodies_immutable BEFORE UPDATE OR DELETE ON bodies FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER body_versions_immutable BEFORE UPDATE OR DELETE ON body_versions FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER meetings_no_delete BEFORE DELETE ON meetings FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER meeting_members_immutable BEFORE UPDATE OR DELETE ON meeting_members FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER meeting_attendance_immutable BEFORE UPDATE OR DELETE ON meeting_attendance FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER meeting_items_no_delete BEFORE DELETE ON meeting_items FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER item_voters_immutable BEFORE UPDATE OR DELETE ON item_voters FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER item_counts_no_delete BEFORE DELETE ON item_counts FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER item_papers_immutable BEFORE UPDATE OR DELETE ON item_papers FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER meeting_events_immutable BEFORE UPDATE OR DELETE ON meeting_events FOR EACH ROW EXECUTE FUNCTION gavel_refuse_change();

CREATE TRIGGER bodies_no_truncate BEFORE TRUNCATE ON bodies FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER body_versions_no_truncate BEFORE TRUNCATE ON body_versions FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER meetings_no_truncate BEFORE TRUNCATE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER meeting_members_no_truncate BEFORE TRUNCATE ON meeting_members FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER meeting_attendance_no_truncate BEFORE TRUNCATE ON meeting_attendance FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER meeting_items_no_truncate BEFORE TRUNCATE ON meeting_items FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER item_voters_no_truncate BEFORE TRUNCATE ON item_voters FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER item_counts_no_truncate BEFORE TRUNCATE ON item_counts FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER item_papers_no_truncate BEFORE TRUNCATE ON item_papers FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
CREATE TRIGGER meeting_events_no_truncate BEFORE TRUNCATE ON meeting_events FOR EACH STATEMENT EXECUTE FUNCTION gavel_refuse_change();
