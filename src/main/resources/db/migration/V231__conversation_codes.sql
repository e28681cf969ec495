-- A conversation's resume code gets a table of its own, and the code's unique index leaves `conversation`. On H2 an
-- UPDATE rewrites a row's entry in every index of its table, changed or not; the codes are random, so every answered
-- turn also rewrote a page of an index in random order that no other answer of the same commit shared. A code never
-- changes: here it is written once, when its conversation starts. The
-- column `conversation.resume_code` stays as it was (what the conversation shows); this table finds a conversation
-- by its code, and keeps codes unique.
create table conversation_code (
    code            varchar(16) not null primary key,
    conversation_id varchar(36) not null
);
insert into conversation_code (code, conversation_id) select resume_code, id from conversation;
-- before the foreign key, so that H2 uses it for the key instead of making one of its own
create index conversation_code_conversation on conversation_code (conversation_id);
alter table conversation_code add constraint conversation_code_conversation_fk
    foreign key (conversation_id) references conversation (id) on delete cascade;
alter table conversation drop constraint conversation_resume_code_unique;
