-- Whether a finished conversation says something (an answer that is neither skipped nor only "weet ik niet"), kept
-- when it finishes so that the team's dashboard counts without reading every answer; says_something_rule names the
-- flow's rule it was worked out under (see engine.SaysSomething). Null for a conversation not finished, or finished
-- before this column: worked out at start-up (conversation.FinishedMarks), and read from the answers until then.
alter table conversation add column says_something boolean;
alter table conversation add column says_something_rule varchar(32);
