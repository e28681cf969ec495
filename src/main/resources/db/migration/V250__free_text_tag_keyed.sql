-- A manager's theme on a free text names the text by a hash of its words. That was a plain SHA-256, which anyone with a
-- copy of the table could turn back into the words for every short or likely answer ("ja", "geen", "de wachttijd") by
-- hashing a dictionary of them. New tags are named by an HMAC keyed with the server's secret (dashboard.FreeTextTags).
-- The tags made so far are a manager's work, and the words they name are still in the team's finished conversations:
-- so they are not dropped here but marked, and at the next start each gets its text's keyed hash
-- (dashboard.KeyedTagsAtStart); a tag whose words no finished conversation holds any more goes then, as the daily
-- retention run would have taken it.
alter table free_text_tag add column keyed boolean default false not null;
