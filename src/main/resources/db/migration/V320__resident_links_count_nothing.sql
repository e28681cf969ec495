-- Resident links no longer count (README "Intermediair mode", "Why no counts"), so nothing is kept of which link
-- started which conversation. A count shown to the link's maker could be padded: with k-1 finished conversations
-- of their own on their own link, deleted afterwards with their codes, it crossed k the moment the one resident
-- they handed the QR code to finished. The same SQL runs on H2 (PostgreSQL mode) and PostgreSQL.
drop table resident_link_conversation;
