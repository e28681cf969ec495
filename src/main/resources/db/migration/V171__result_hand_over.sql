-- A result handed over to the resident's own phone (README, "Intermediair mode", "Hand-over and results"). The
-- same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.
--
-- token_hash: SHA-256 (hex) of the random token in the link; the token itself is never stored, so whoever reads
-- this table cannot open a result. The link opens only the result of its conversation, until expires_at (never
-- later than the flow lets a finished conversation's code open its result), or until the intermediair deletes it
-- or the conversation goes (cascade). Nothing about the resident.
create table result_hand_over (
    token_hash       varchar(64)   not null primary key,
    conversation_id  varchar(36)   not null,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    constraint result_hand_over_conversation_fk foreign key (conversation_id) references conversation (id) on delete cascade
);

create index result_hand_over_conversation on result_hand_over (conversation_id);
