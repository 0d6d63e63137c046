-- An approval or a return, once recorded, is evidence: refuse every change to it.
-- (Deleting stays possible only through the cascades of deleting its process or workspace.)
CREATE TRIGGER `review_decisions_immutable` BEFORE UPDATE ON `review_decisions`
BEGIN
	SELECT RAISE(ABORT, 'review_decisions are immutable: an approval cannot be edited');
END;
