-- The minimum group size k the instances on one database are configured with, and when an instance last said so
-- (the database's clock, so that the instances' own clocks need not agree). Each instance applies the largest k
-- heard recently (dashboard.StrictestMinimumGroupSize): one configured with a smaller k, during a rolling deploy or
-- by mistake, would otherwise show a figure another hides, and the two pages side by side tell a group's size.
-- One row per value of k, not per instance: nothing here names an instance, and the table never grows beyond the
-- values ever configured. Written and read on PostgreSQL only (the embedded H2 database has one instance); the same
-- SQL runs on H2 (PostgreSQL mode) and PostgreSQL.
create table minimum_group_size_heard (
    k         integer not null primary key,
    heard_at  timestamp with time zone not null
);
