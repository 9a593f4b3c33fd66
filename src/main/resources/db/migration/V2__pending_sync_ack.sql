-- Enrollment Sync Acks waiting to be sent to DACS (issue 3), one row per sync request. A row is written before DACS
-- gets the answer to its sync message, so a restart during the wait loses nothing. Portable to H2 and PostgreSQL.
--   status PENDING: waits until due_at; SENDING: claimed by a node until claimed_until (a lease, so a node that
--   died while sending does not hold the row forever); DONE: DACS took it (or had it already); FAILED: DACS refused
--   it or could not be reached, the operator got an e-mail.
create table pending_sync_ack (
    sync_request_id    varchar(64)    not null primary key,
    patch_body         varchar(100000) not null,
    origin_tracking_id varchar(64),
    due_at             timestamp with time zone not null,
    status             varchar(16)    not null,
    claimed_until      timestamp with time zone,
    attempts           integer        not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    outcome            varchar(1000)
);

create index pending_sync_ack_due on pending_sync_ack (status, due_at);
