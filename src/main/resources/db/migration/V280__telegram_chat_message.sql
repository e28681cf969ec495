-- The ids of a private chat's messages, so that /vergeet can have Telegram delete them: a bot may delete the
-- messages of a private chat (the person's and its own) for 48 hours after they were sent. Per chat by the same
-- keyed hash as telegram_chat (never the chat id), only the Telegram message id and when it was noted, which the
-- pruning needs: rows older than 48 hours are of no use and are pruned like the outbox's sent rows. No text.
create table telegram_chat_message (
    chat_hash   varchar(64)  not null,
    message_id  bigint       not null,
    noted_at    timestamp with time zone not null,
    constraint telegram_chat_message_pk primary key (chat_hash, message_id)
);

create index telegram_chat_message_noted on telegram_chat_message (noted_at);
