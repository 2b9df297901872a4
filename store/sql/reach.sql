-- What a change to one node reaches across the organization: every (repository, node) that
-- depends on it, directly or through others, the node itself included; the same set
-- `blastgraph score --org` counts. $1: the repository, $2: the node's id in it.
WITH RECURSIVE reached (repository, node) AS (
  SELECT $1::text, $2::text
  UNION
  SELECT d.source_repository, d.source_node
    FROM dependencies d
    JOIN reached r ON d.target_repository = r.repository AND d.target_node = r.node
)
SELECT repository, node FROM reached ORDER BY repository, node;
