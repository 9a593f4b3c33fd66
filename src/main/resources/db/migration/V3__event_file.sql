-- Staged event files (issue 4): one row per accepted upload of Event Device Reservation or Event Outcome. A row
-- stays ACCEPTED until DERMS has been acknowledged; at start-up the runtime runs every ACCEPTED file again.
create table event_file (
    tracking_id     varchar(64)   not null primary key,
    flow            varchar(64)   not null,
    message         varchar(4000) not null,
    file_name       varchar(255)  not null,
    staged_path     varchar(1000) not null,
    file_size       bigint        not null,
    status          varchar(16)   not null,
    attempts        integer       not null,
    received_at     timestamp with time zone not null,
    acknowledged_at timestamp with time zone
);

create index event_file_status on event_file (status, acknowledged_at);
