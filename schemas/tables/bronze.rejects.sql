-- bronze.rejects: every refused input, with one sentence saying what is wrong and where. Key: sha256.
CREATE TABLE IF NOT EXISTS ${table} (
  sha256 STRING NOT NULL COMMENT 'SHA-256 of the file content (hex); of unread:<path>:<size>:<mtime> for a file that could not or must not be read',
  path STRING COMMENT 'path of the file relative to the landing folder',
  kind STRING COMMENT 'input kind guessed from the file name',
  size_bytes BIGINT COMMENT 'file size in bytes',
  modified_at TIMESTAMP COMMENT 'file modification time; with path and size, lets a re-run skip the file unread',
  reason STRING COMMENT 'what is wrong, where, and how to fix it',
  content BINARY COMMENT 'the raw bytes as received; null only for a file too large, unreadable, or a link outside the landing folder (it stays in the landing folder)',
  rejected_at TIMESTAMP COMMENT 'when the file was refused',
  run_id STRING COMMENT 'run that refused it'
) USING DELTA
