-- The language the person asked for (/taal ar) that the chat's conversation going on lacks: that conversation goes on
-- in its own languages (the bot's words around it stay its language), and the chat turns to this one when it starts
-- another or shows the list of flows (telegram.ChatActions). Forgotten with the wish: it was, and the next flow began
-- in the old language. A language code only, nothing of the person.
alter table telegram_chat add column next_language varchar(16);
