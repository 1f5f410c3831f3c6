-- gavel schema v7: a batch of secret votes adds to its ballot's counters in one call. The counters still grow by one
-- vote per UPDATE (the guard of schema v3 allows no more, and still checks each one); the updates now run inside the
-- database, in the order given (the service sorts them by choice), instead of one round trip each.
CREATE FUNCTION gavel_count_secret_votes(ballot text, choices text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  choice text;
BEGIN
  FOREACH choice IN ARRAY choices LOOP
    UPDATE secret_counts
       SET yes = yes + (choice = 'yes')::int, no = no + (choice = 'no')::int, abstain = abstain + (choice = 'abstain')::int
     WHERE ballot_id = ballot;
  END LOOP;
END;
$$;
