-- Intermediair mode (README, "Intermediair mode"). The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.

-- Who entered an answer: the respondent (a resident, a client, a professional) or an intermediair typing or
-- tapping for a resident. Never which intermediair. answer.language already says the language of the answer;
-- for a typed text that is the language it was typed in, which an intermediair may choose.
alter table answer add column entered_by varchar(20) default 'respondent' not null;
alter table answer add constraint answer_entered_by_known check (entered_by in ('respondent', 'intermediair'));

-- A link (and its QR code) an intermediair shows so a resident answers on their own phone: it starts one flow
-- in one language, counted under the intermediair's team and wijk. Nothing in it names the resident or the
-- intermediair. It works until expires_at or until an intermediair of the team stops it (the row goes).
create table resident_link (
    code        varchar(32)   not null primary key,
    flow_id     varchar(100)  not null,
    language    varchar(8)    not null,
    team_id     bigint        not null,
    wijk        varchar(100),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    constraint resident_link_team_fk foreign key (team_id) references team (id) on delete cascade
);

create index resident_link_expires on resident_link (expires_at);
