-- The intermediair's own label on a conversation they hold (issue 14, README "Intermediair mode"): a few words
-- to find an interview again in "Mijn gesprekken" ("dinsdag, 2e gesprek"), never a resident's name (the form
-- says so). Shown only to the intermediair who holds the conversation: never to a colleague or a manager, in no
-- figure, export or result. Goes with the conversation. The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.
create table conversation_label (
    conversation_id  varchar(36)  not null primary key,
    label            varchar(40)  not null,
    constraint conversation_label_conversation_fk foreign key (conversation_id) references conversation (id) on delete cascade
);
