-- Questionnaires uploaded as XLSForm on the admin page "Vragenlijsten" (README, "Bring your own questionnaire").
-- The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.
--
-- One row per uploaded spreadsheet, keyed by its content (version: SHA-256 of the xlsx bytes), so uploading the
-- same file twice is one row. flow_yaml and locales_yaml are the converted flow and its words per language (a YAML
-- mapping language -> file text), as checked at upload: every instance serves the newest published row of each
-- flow id from these, without converting again. published_at is null for an upload that was only previewed.
-- Accounts by username (as the audit log): no foreign key, an account may go while its flow stays.
create table questionnaire (
    version      varchar(64)  primary key,
    flow_id      varchar(64)  not null,
    file_name    varchar(200) not null,
    xlsx         bytea        not null,
    flow_yaml    text         not null,
    locales_yaml text         not null,
    uploaded_at  timestamp    not null,
    uploaded_by  varchar(64)  not null,
    published_at timestamp,
    published_by varchar(64)
);
create index questionnaire_published on questionnaire (flow_id, published_at);
