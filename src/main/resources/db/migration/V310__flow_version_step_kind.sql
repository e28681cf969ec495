-- What kind of question each step of a flow version asked (engine.QuestionKind: its type and range, e.g. "scale 1.0 5.0"),
-- beside the fingerprint, which is a hash: a conversation begun under an earlier version carries an answer to the version
-- it goes on under only when the question there is of the same kind (engine.VersionCarryOver). Null for the versions
-- recorded before; a version still run is filled in at the next start.
alter table flow_version_step add column kind varchar(200);
