-- A reply still waiting in the outbox names the conversation whose words it may carry (a question echoing an answer,
-- the answers to check, a result), so that forgetting that conversation, or the retention run closing its result,
-- withdraws it in the same commit instead of keeping the person's words beside the chat's id until Telegram takes
-- them (telegram.UnsentReplies). Cleared, with the text and the chat id, once the row is sent or given up. No index:
-- the look-up is among the rows still waiting (sent_at is null, indexed by telegram_outbox_sent), a handful.
-- Rows written before this version name none; they were sent long ago or go at once.
alter table telegram_outbox add column conversation_id varchar(36);
