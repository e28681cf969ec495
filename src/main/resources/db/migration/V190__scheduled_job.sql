-- Jobs that every instance runs on a timer but whose work must be done once (the daily retention job): an
-- instance does the work only when it moves its job's row from a run long enough ago to now, in one conditional
-- statement, so of several instances looking at the same moment exactly one does it. The same SQL runs on H2.
create table scheduled_job (
    name        varchar(100) not null primary key,
    started_at  timestamp with time zone not null
);
