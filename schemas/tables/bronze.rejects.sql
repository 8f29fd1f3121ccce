-- bronze.rejects: every refused input, with one sentence saying what is wrong and where. Key: sha256.
-- A refused file is one row; a refused row of a tabular dataset file (the rest of the file proceeds) is one row keyed
-- by the SHA-256 of the text 'row:<file sha256>:<row>' (CSV row number with the header as row 1, or Parquet row
-- index), with the file's path, size and time. A file refused after its content was read is keyed by that content
-- (a copy of another file of its batch by 'copy:<content sha256>:<path>'); a file refused without being read
-- (unreadable, vanished, over the size limit, not a regular file, a link leading out of the landing folder) has no
-- content here and is checked again on every run, so the fix its reason advises takes effect on the next run.
-- Statistics for data skipping cover the key and the path only, which is what lookups filter on: min and max of the reasons cost every write and serve no lookup.
CREATE TABLE IF NOT EXISTS ${table} (
  sha256 STRING NOT NULL COMMENT 'SHA-256 of the file content (hex); of copy:<content sha256>:<path> for a copy of another file of its batch; of unread:<path>:<size>:<mtime>:<why> for a file refused without being read; of row:<file sha256>:<row> for a refused dataset row; of unit-year:<file sha256>:<unit_id>:<fiscal_year> for a dataset file''s refused unit-year',
  path STRING COMMENT 'path of the file relative to the landing folder',
  kind STRING COMMENT 'input kind guessed from the file name',
  size_bytes BIGINT COMMENT 'file size in bytes',
  modified_at TIMESTAMP COMMENT 'file modification time; with path and size, lets a re-run skip a file whose content was read',
  reason STRING COMMENT 'what is wrong, where (file, row, field), and how to fix it',
  reason_code STRING COMMENT 'stable code of the most important problem of the reason, e.g. REJECT_NEGATIVE_AMOUNT (docs/errors.md lists every code); REJECT_UNCODED for rows refused before lakes had this column',
  content BINARY COMMENT 'the raw bytes as received (a refused dataset row: the row as JSON); null exactly for a file refused without being read (it stays in the landing folder and is checked again on every run)',
  rejected_at TIMESTAMP COMMENT 'when the file was refused',
  run_id STRING COMMENT 'run that refused it'
) USING DELTA
TBLPROPERTIES ('delta.dataSkippingStatsColumns' = 'sha256,path')
