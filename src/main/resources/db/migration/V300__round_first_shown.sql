-- How many conversations a closed round's figures counted when they were first shown (README, "Survey rounds",
-- and "What this protects against"). A round that counts another number later (someone withdrew after the close,
-- or their conversation expired) is no longer shown at all: shown with one less, every page, filter and export
-- of it could be compared with the one of before, and what a withdrawal moved (a wijk folded in with another
-- instead of the one before) told about others than the one who left (dashboard.RoundsAsFirstShown). Nothing
-- about a person: a round and a number of at least k.
create table round_first_shown (
    round_id  bigint  not null primary key,
    counted   integer not null,
    constraint round_first_shown_round_fk foreign key (round_id) references survey_round (id) on delete cascade
);
