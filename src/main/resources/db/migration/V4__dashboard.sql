-- The manager dashboard. The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.

-- A flow's version is a hash of its files, so any change of any text makes a new one. To know whether one
-- question changed between two versions, each version's questions are kept as fingerprints (a hash of the
-- question's type, options and words in every language), written when a service starts with that version.
-- recorded_at: when this service first ran the version (not when anyone answered).
create table flow_version_step (
    flow_id      varchar(100) not null,
    version      varchar(32)  not null,
    step_id      varchar(100) not null,
    fingerprint  varchar(64)  not null,
    recorded_at  timestamp with time zone not null,
    constraint flow_version_step_pk primary key (flow_id, version, step_id)
);

-- the dashboard reads one team's finished conversations of one flow
create index conversation_team_flow_status_idx on conversation (team_id, flow_id, status);
