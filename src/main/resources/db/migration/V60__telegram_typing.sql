-- Typed answers as people type them (issue 13): a text answer may come in several messages. Until the person
-- taps "Klaar" the parts are kept here with the message ids they came in (JSON), so a follow-up message is
-- never taken for the next question's answer and an edited part replaces what it said. last_text names the
-- step and message ids of the chat's last text answer, so an edit of it can replace that answer.
alter table telegram_chat add column draft varchar(60000);
alter table telegram_chat add column last_text varchar(60000);
