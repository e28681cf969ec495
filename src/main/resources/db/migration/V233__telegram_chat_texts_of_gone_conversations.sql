-- A Telegram chat's typed words (a text being typed, the last text answer kept for edits, the answer held for
-- review, the options toggled) belong to the conversation the chat is in, and go with it (telegram.ChatTexts).
-- Before this version they stayed when that conversation was deleted (on the web or the API by its code, by
-- retention: the foreign key only set conversation_id to null) or when the chat moved on to another one. Drop
-- what is left of those: the words of a chat in no conversation, and those that name another conversation than
-- the chat's own (each of them is JSON holding the id of the conversation it was typed for).
update telegram_chat set draft = null, last_text = null, pending = null, selection = null
    where conversation_id is null;
update telegram_chat set draft = null where draft is not null and draft not like '%' || conversation_id || '%';
update telegram_chat set last_text = null where last_text is not null and last_text not like '%' || conversation_id || '%';
update telegram_chat set pending = null where pending is not null and pending not like '%' || conversation_id || '%';
