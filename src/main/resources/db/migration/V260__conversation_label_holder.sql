-- A label is its holder's alone (V161): it now names that account and goes with it. Deleting an intermediair's
-- account left their labels behind, shown to nobody (the conversations they held open for no one any more), and a
-- label typed against the form's advice (a name) stayed as long as the conversation. Labels whose holder is gone
-- already, or whose conversation has no holder, are seen by nobody and go now.
-- The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.
alter table conversation_label add column held_by bigint;
update conversation_label set held_by = (select c.held_by from conversation c where c.id = conversation_label.conversation_id);
delete from conversation_label where held_by is null or held_by not in (select a.id from account a);
alter table conversation_label alter column held_by set not null;
alter table conversation_label add constraint conversation_label_holder_fk foreign key (held_by) references account (id) on delete cascade;
create index conversation_label_held_by on conversation_label (held_by);
