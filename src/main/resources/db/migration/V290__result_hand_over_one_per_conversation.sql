-- One hand-over link per conversation, held by the database (README, "Hand-over and results"). "A new link replaces
-- the old" was a delete and an insert: two links made at the same moment (a double tap, two tabs, two instances)
-- both found nothing to delete and both stayed working. With a unique key the later one replaces the earlier
-- (conversation.ResultHandOvers). Of any two already there, the newest stays.
delete from result_hand_over h
 where exists (select 1 from result_hand_over n
                where n.conversation_id = h.conversation_id
                  and (n.created_at > h.created_at or n.created_at = h.created_at and n.token_hash > h.token_hash));

drop index result_hand_over_conversation;

alter table result_hand_over add constraint result_hand_over_one_per_conversation unique (conversation_id);
