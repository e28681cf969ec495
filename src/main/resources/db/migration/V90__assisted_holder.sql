-- Assisted conversations belong to their intermediair (README, "Intermediair mode"). The same SQL runs on H2
-- (PostgreSQL mode) and PostgreSQL.
--
-- held_by: the account of the intermediair who started the conversation with a resident or client on their own
-- device; only that account opens, continues or changes it, never its resume code or the public API. Null: a
-- conversation of the respondent's own, open to whoever has its link or code. Deliberately no foreign key: when
-- the account goes, the conversation stays closed to everyone (set null would open it publicly).
-- Nothing about the resident.
alter table conversation add column held_by bigint;

-- Assisted conversations from before this column: the intermediair who held them is not known, so nobody holds
-- them (account ids start at 1). They keep counting and can still be deleted by their code.
update conversation set held_by = 0
 where exists (select 1 from answer a where a.conversation_id = conversation.id and a.entered_by = 'intermediair');
