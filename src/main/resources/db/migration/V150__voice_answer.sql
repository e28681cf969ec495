-- Voice answers (issue 13): a text step that allows it (voice: true) takes a Telegram voice message as its answer.
-- The answer row says only that it was a voice message (see Step.VOICE_ANSWER); the audio is kept here, with its
-- length and type, beside it: one per conversation and step. It goes with the conversation (/vergeet, the
-- web's and the API's forget, the retention job): the foreign key deletes it. Nothing here says who spoke.
-- The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.
create table voice_answer (
    conversation_id  varchar(36)   not null,
    step_id          varchar(100)  not null,
    audio            bytea         not null,
    mime_type        varchar(100)  not null,
    duration_seconds integer       not null,
    created_at       timestamp with time zone not null,
    constraint voice_answer_pk primary key (conversation_id, step_id),
    constraint voice_answer_conversation_fk foreign key (conversation_id) references conversation (id) on delete cascade
);
