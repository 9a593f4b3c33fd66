-- One row per run of a flow (issue 2). Later capabilities add their own tables beside it.
create table flow_execution (
    tracking_id   varchar(64)   not null primary key,
    flow          varchar(64)   not null,
    vendor_id     varchar(64)   not null,
    business_ids  varchar(1000),
    started_at    timestamp with time zone not null,
    ended_at      timestamp with time zone,
    status        varchar(16)   not null,
    record_count  integer,
    success_count integer,
    error_count   integer,
    error         varchar(1000)
);

create index flow_execution_flow_started on flow_execution (flow, started_at);
