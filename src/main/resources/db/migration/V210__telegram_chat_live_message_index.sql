-- A message sent from the outbox gives the chat whose live buttons it carries its Telegram id
-- (UPDATE telegram_chat ... WHERE live_message_id = <placeholder>): by this index, not by reading every chat.
create index telegram_chat_live_message on telegram_chat (live_message_id);
