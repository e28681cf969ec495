-- "Controleer je antwoorden" (issue 13, item 5): the answer that would finish a conversation is held here (JSON,
-- see telegram.PendingAnswer) while the person checks their answers; it goes to the conversation only when they
-- tap "Afronden", and going back drops it. Kept in the chat's row, so any instance can finish it.
alter table telegram_chat add column pending varchar(60000);
