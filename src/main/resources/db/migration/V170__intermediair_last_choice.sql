-- The intermediair's start form remembers their last choice (README, "Intermediair mode"). The same SQL runs on H2
-- (PostgreSQL mode) and PostgreSQL.
--
-- Per account, on the server, not in a cookie: an intermediair's phone is often shared with colleagues, and a
-- cookie would show the next person which wijk and which resident's language were chosen last. Stored here it shows
-- only to the same account after logging in. The choice names a flow, a language and a place (team id and wijk),
-- never a resident. Goes with the account.
create table intermediair_choice (
    account_id  bigint        not null primary key,
    flow_id     varchar(100)  not null,
    language    varchar(8)    not null,
    place       varchar(200)  not null,
    updated_at  timestamp with time zone not null,
    constraint intermediair_choice_account_fk foreign key (account_id) references account (id) on delete cascade
);
