-- Which list of options the chat's live question was shown with: the mark of its type and its options' values in
-- order (telegram.Callback.mark, eight characters), as its buttons carry it. A number typed at numbered buttons ("2")
-- names an option by its place; a version of the flow published since may list that question's options in another
-- order, and the second option is then another one. A typed number is read only in the list it was typed at. Null
-- for a menu, and for a question shown before this column (its numbers count in the list asked now, as before).
-- Forgotten with the live step: a list's mark names the flow it is of no better than a step id does.
alter table telegram_chat add column live_list varchar(16);
