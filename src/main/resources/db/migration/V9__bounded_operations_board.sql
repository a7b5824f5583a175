-- The operations board reads, per task force, the most recently active operations that are still open and the
-- last ones closed (operations.OperationBoard): each a short index scan, however many operations there are.
CREATE INDEX operation_board ON operation (coalesce(task_force, ''), (status = 'CLOSED'),
    coalesce(last_event_at, opened_at) DESC NULLS LAST, id);
CREATE INDEX operation_event_by_type ON operation_event (operation_id, type, occurred_at DESC NULLS LAST);

-- An operation is opened once: by its OPENED event, or by the seed (which gives some only a year, or only their
-- countries). A later OPENED, even from one of its parties, changes nothing of it.
ALTER TABLE operation ADD COLUMN opened boolean NOT NULL DEFAULT false;
UPDATE operation SET opened = opened_at IS NOT NULL OR reported_year IS NOT NULL OR countries <> '';
