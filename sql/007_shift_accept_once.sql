-- A handover is accepted once. The trigger in 005 checks it, but two concurrent accepts can both
-- pass that check; the unique index makes the second fail whatever the client.
CREATE UNIQUE INDEX shift_log_accept_once ON shift_log (handover_id) WHERE event = 'accept';
