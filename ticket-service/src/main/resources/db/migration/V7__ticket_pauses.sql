-- Pauses of a ticket's support clock (SPEC §16.4): every pause and unpause recorded, as a
-- sorted, duplicate-free list "epochSecond:P" / "epochSecond:U" separated by commas.
ALTER TABLE ticket ADD COLUMN pauses TEXT NOT NULL DEFAULT '';
