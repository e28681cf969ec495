-- When the chat last asked for its result as a PDF ("Als PDF") on the buttons now live: a second tap of that button
-- while the PDF is made or just sent (30 s) sends no second file. In the chat's row, read and written under the chat's
-- lock in the update's commit, so a double tap that reaches two instances is guarded too (telegram.ChatActions).
-- Cleared with the live buttons; only a time, nothing of the person.
alter table telegram_chat add column pdf_asked_at timestamp with time zone;
