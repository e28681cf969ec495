-- The intermediair's own resident links with their counts (issue 14, README "Intermediair mode", "My resident
-- links"). The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.
--
-- made_by: the account of the intermediair who made the link. Only they see it in their list, with how many
-- conversations it started and how many of those finished; a team colleague or a manager never does. Null: a
-- link made before this column (any intermediair of its team may still open and stop it, as before). The link
-- stops when its maker's account is deleted.
alter table resident_link add column made_by bigint;
alter table resident_link add constraint resident_link_made_by_fk foreign key (made_by) references account (id) on delete cascade;
create index resident_link_made_by on resident_link (made_by);

-- Which link started a conversation on a resident's own phone: only for the counts of a link that still works.
-- The row goes with the link (stopped, or purged once it ended) and with the conversation ("forget me",
-- retention), so afterwards nothing tells which link, or whose, a conversation came through. Nothing about
-- the resident; a declined conversation is deleted, so it is never counted.
create table resident_link_conversation (
    conversation_id  varchar(36)  not null primary key,
    link_code        varchar(32)  not null,
    constraint resident_link_conversation_conversation_fk foreign key (conversation_id) references conversation (id) on delete cascade,
    constraint resident_link_conversation_link_fk foreign key (link_code) references resident_link (code) on delete cascade
);
create index resident_link_conversation_link on resident_link_conversation (link_code);
