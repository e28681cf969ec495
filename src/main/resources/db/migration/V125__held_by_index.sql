-- The intermediair's "Mijn gesprekken" lists the conversations one account holds (held_by): an index, so the
-- list stays a look-up as the table grows. Most rows have no holder (null), which the index costs little for.
create index conversation_held_by on conversation (held_by);
