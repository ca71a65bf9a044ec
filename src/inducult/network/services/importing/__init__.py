"""Import of organisations (and a contact per row) from CSV and XLSX.

The pipeline is split into stages, each testable on its own. The first ones touch no database (some
use Django's translations, validators and model fields, so they are not a pure ``domain/``); only
the last ones read or write the registry:

- ``reading``: bytes → header, rows, encoding, delimiter (or a ``FileProblem`` saying what to do);
  no database;
- ``mapping``: which target field each file column feeds, guessed from Czech, English and German
  headers; no database;
- ``values``: one cell's text → a field value, or ``BadValue`` with the reason; no database;
- ``validation``: rows → cleaned values, or errors naming row, column, value and reason, against the
  registry's state handed in as ``Existing``; no database;
- ``folding``: fast diacritics folding and search keys for many rows, equal to ``core.text``'s; no
  database;
- ``sql``: multi-row INSERTs for new records, portable between SQLite and PostgreSQL;
- ``applying``: the writes, in one transaction, with audit entries;
- ``batches``: the uploaded file kept between the steps (``ImportBatch``) and the actions on it.
"""
