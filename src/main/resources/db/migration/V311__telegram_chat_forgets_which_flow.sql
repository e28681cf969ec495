-- A chat whose conversation was forgotten (its code, "nee" to consent, retention) kept the step id its live buttons
-- answered and when "Als PDF" was tapped: a step id names its flow, so the row told which questionnaire the chat's
-- person took, after "no table holds anything of it". The buttons keep only '-' (telegram.TelegramChatRecord.GONE),
-- enough to tell who taps them that the conversation is gone.
update telegram_chat set live_step = '-' where conversation_id is null and live_step is not null;
update telegram_chat set pdf_asked_at = null where conversation_id is null;
