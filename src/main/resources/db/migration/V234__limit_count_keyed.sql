-- The limits' buckets are now stored as an HMAC keyed with the server's secret (limits.BucketHash), no longer as a
-- plain SHA-256, which anyone with a copy of the table could turn back into an IP address (by trying all 2^32) or a
-- name typed at the login. The rows counted so far can no longer be matched by any instance, and they are exactly
-- the ones that can be turned back: they go now rather than at the next prune. Locks in progress end; a client's
-- count starts afresh, as it does whenever the secret changes.
delete from limit_count;
