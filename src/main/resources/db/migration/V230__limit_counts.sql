-- Attempts the limits count, as counts per slot instead of one row per attempt (issue 11.4). A slot is a sixtieth of
-- the limit's window (a minute for the hourly start limit, a second for the resume-code limit), so counting a
-- client's attempts reads at most 61 rows however many it made: one row per attempt made a start cost a count over
-- every start of that client in the last hour. bucket is the SHA-256 (hex) of what is counted, as before: no
-- address or name is stored. A slot counts while its end is after the window's start.
create table limit_count (
    bucket    varchar(64) not null,
    slot_end  timestamp with time zone not null,
    attempts  integer not null,
    constraint limit_count_pk primary key (bucket, slot_end)
);

create index limit_count_slot_end on limit_count (slot_end);

-- Attempts counted so far keep counting until they leave their window (a lock-out in progress holds): each moment
-- becomes a slot that ends then, which is exactly how the single rows counted.
insert into limit_count (bucket, slot_end, attempts)
select bucket, at, count(*) from limit_attempt group by bucket, at;

drop table limit_attempt;
