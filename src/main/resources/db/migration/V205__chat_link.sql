-- A professional's chat in a messaging channel (Telegram) linked to their account (README, "Telegram"), so a
-- conversation they start there in a flow whose answers are recorded for the professional (cultureel-interview) is
-- theirs, as one started on the intermediair's page: listed under "Mijn gesprekken", its voice answers played on its
-- page for them alone. The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.
--
-- The link is made with a single-use token from the logged-in page: only its SHA-256 is stored, with when it stops
-- working; it is marked used the moment a chat redeems it. Stored here, not in an instance's memory, so any instance
-- may make it and any may redeem it. Goes with the account.
create table chat_link_token (
    token_hash  varchar(64)   not null primary key,
    account_id  bigint        not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    constraint chat_link_token_account_fk foreign key (account_id) references account (id) on delete cascade
);
create index chat_link_token_account on chat_link_token (account_id);

-- Which chat is linked to which account: the chat by its channel and the key the channel stores it under
-- ('telegram:' and the keyed hash of the chat id, never the id itself), one account per chat. Removed by unlinking,
-- in the chat or on the page.
create table chat_link (
    chat        varchar(150)  not null primary key,
    account_id  bigint        not null,
    linked_at   timestamp with time zone not null,
    constraint chat_link_account_fk foreign key (account_id) references account (id) on delete cascade
);
create index chat_link_account on chat_link (account_id);
