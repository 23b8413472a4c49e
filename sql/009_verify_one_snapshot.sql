-- verify_chain reads the rows and then the chain head in separate statements. As a VOLATILE
-- function each statement took a fresh snapshot, so a writer committing in between made an intact
-- chain look broken ("rows_missing_at_end"). STABLE functions run every statement on the calling
-- query's snapshot.
ALTER FUNCTION verify_chain(text) STABLE;
