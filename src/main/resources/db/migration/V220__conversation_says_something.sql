-- Whether a finished conversation says something (an answer that is neither skipped nor only "weet ik niet"), kept
-- so that the team's dashboard counts without reading every answer; says_something_rule names the flow's rule it was
-- worked out under (see engine.SaysSomething). Null until the dashboard first counts the conversation or a start-up
-- works it out (conversation.FinishedMarks); a finished conversation never changes again, it can only be deleted.
alter table conversation add column says_something boolean;
alter table conversation add column says_something_rule varchar(32);
